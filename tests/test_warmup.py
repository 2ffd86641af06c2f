"""The index and model load once per process, at server start (rag/ui/warmup.py, serve.py).

The loaders are replaced by counting fakes: what is specified is who loads and how often,
not how long it takes.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from rag.core.settings import Settings
from rag.ui import warmup


@pytest.fixture
def loads(monkeypatch):
    """Fresh memos, and fake loaders that count their calls (a slow first load included)."""
    import rag.core.embed
    import rag.pipeline

    for memo in ("_embedders", "_pipelines", "_vocabularies"):
        monkeypatch.setattr(warmup, memo, {})
    monkeypatch.setattr(warmup, "_preload", [])
    calls = {"embedder": 0, "pipeline": 0}
    release = threading.Event()

    def load_embedder(name, batch_size):
        calls["embedder"] += 1
        release.wait(timeout=30)  # a visitor arriving now must wait for this load, not start another
        return object()

    def load_pipeline(settings, embedder=None):
        calls["pipeline"] += 1
        return ("pipeline", settings, embedder)

    monkeypatch.setattr(rag.core.embed, "load_embedder", load_embedder)
    monkeypatch.setattr(rag.pipeline, "load_pipeline", load_pipeline)
    calls["release"] = release
    return calls


def test_a_visitor_during_the_preload_gets_the_same_pipeline_loaded_once(loads):
    settings = Settings()
    preload = threading.Thread(target=warmup.pipeline, args=(settings, "build-1"))
    preload.start()
    visitor: list = []
    arrives = threading.Thread(target=lambda: visitor.append(warmup.pipeline(settings, "build-1")))
    arrives.start()
    loads["release"].set()
    preload.join(30), arrives.join(30)
    assert loads["embedder"] == 1 and loads["pipeline"] == 1
    assert visitor[0] is warmup.pipeline(settings, "build-1")


def test_a_rebuilt_index_gets_a_new_pipeline_and_the_model_is_reused(loads):
    loads["release"].set()
    first = warmup.pipeline(Settings(), "build-1")
    second = warmup.pipeline(Settings(), "build-2")
    assert first is not second and loads["pipeline"] == 2 and loads["embedder"] == 1


def test_start_preload_runs_once_per_process(loads, monkeypatch):
    loads["release"].set()
    done: list[str] = []
    monkeypatch.setattr(warmup, "preload", lambda settings=None: done.append("loaded") or "loaded")
    first = warmup.start_preload(log=done.append)
    second = warmup.start_preload(log=done.append)
    first.join(30)
    assert first is second and done[0] == "loaded" and len(done) == 2  # the load and its log line


def test_a_failed_preload_is_logged_for_the_page_to_explain(loads, monkeypatch):
    from rag.core.errors import IndexMissingError

    def fail(settings=None):
        raise IndexMissingError("Index not found at /nowhere; build it with: python -m ingest")

    monkeypatch.setattr(warmup, "preload", fail)
    logged: list[str] = []
    warmup.start_preload(log=logged.append).join(30)
    assert logged == ["Preloading failed, the page will say why: Index not found at /nowhere; build it with: "
                      "python -m ingest"]


def test_serve_py_starts_the_preload_when_the_server_starts(loads, monkeypatch):
    """serve.py is what `make run` serves: an st.App whose lifespan (run once, at server start,
    before any page is opened) starts the preload."""
    import importlib

    started: list[str] = []
    monkeypatch.setattr(warmup, "start_preload", lambda *a, **k: started.append("preload"))
    import serve

    serve = importlib.reload(serve)
    import streamlit as st

    assert isinstance(serve.app, st.App)

    async def start_and_stop():
        async with serve._preload_at_start(serve.app):
            assert started == ["preload"]

    asyncio.run(start_and_stop())
