"""The index and the model, loaded once per server process and before the first visitor.

Loading the embedding model takes seconds; a clinician opening the page should not be the one
who waits for it. `serve.py` (what `make run` starts) calls `start_preload()` from Streamlit's
server-start hook, so the load runs in a background thread while the server comes up; app.py
then asks `pipeline()` for the same objects, which are ready, or waits for the load already
under way instead of starting a second one.

In: `Settings` and the index build's timestamp. Out: process-wide, thread-safe memos
(`embedder`, `pipeline`, `vocabulary`) and `start_preload`. It does not build a missing or
stale index (app.py does, with a visible progress box) and imports no Streamlit.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING, Any, Callable

from rag.core.errors import RagError
from rag.core.settings import Settings

if TYPE_CHECKING:
    from rag.pipeline import Pipeline

_KEEP_PIPELINES = 2  # the current index and the one it replaced, while sessions move over
_lock = threading.RLock()  # one load at a time; a second caller waits for the first
_embedders: dict[tuple[str, int], Any] = {}
_pipelines: dict[tuple[Settings, str], "Pipeline"] = {}
_vocabularies: dict[int, frozenset[str]] = {}
_preload: list[threading.Thread] = []


def embedder(model_name: str, batch_size: int) -> Any:
    """The embedding model, loaded once per process."""
    with _lock:
        key = (model_name, batch_size)
        if key not in _embedders:
            from rag.core.embed import load_embedder

            _embedders[key] = load_embedder(model_name, batch_size)
        return _embedders[key]


def pipeline(settings: Settings, built_at: str) -> "Pipeline":
    """The shared pipeline for these settings and this index build (a rebuilt index has a new
    `built_at`, so it is picked up); the oldest beyond the last two is dropped."""
    with _lock:
        key = (settings, built_at)
        if key not in _pipelines:
            from rag.pipeline import load_pipeline

            _pipelines[key] = load_pipeline(settings, embedder=embedder(settings.model_name,
                                                                        settings.embed_batch_size))
            while len(_pipelines) > _KEEP_PIPELINES:
                _pipelines.pop(next(iter(_pipelines)))
        return _pipelines[key]


def vocabulary(pipeline: "Pipeline") -> frozenset[str]:
    """The review's own words (unit texts and glossary forms), which say nothing about the
    language a question is written in (rag/routing/language.py)."""
    with _lock:
        key = id(pipeline)
        if key not in _vocabularies:
            from rag.routing.language import load_word_lists, review_vocabulary

            glossary = pipeline.glossary.entries + pipeline.glossary.supplementary
            texts = [u.text for u in pipeline.index.units.values()]
            texts += [form for e in glossary for form in (e.short, e.long, *e.variants)]
            _vocabularies[key] = review_vocabulary(texts)
            load_word_lists()
        return _vocabularies[key]


def preload(settings: Settings | None = None) -> str:
    """Load what the first question needs; returns what was done, for the server log."""
    from rag.core.index import index_status

    settings = settings or Settings.from_env()
    status = index_status(settings)
    if status.state != "ok" or status.manifest is None:
        embedder(settings.model_name, settings.embed_batch_size)  # ready for the build the page runs
        return f"embedding model loaded; the index is {status.state}, the first page builds it"
    vocabulary(pipeline(settings, status.manifest.built_at))
    return "index and embedding model loaded"


def start_preload(settings: Settings | None = None,
                  log: Callable[[str], None] | None = None) -> threading.Thread:
    """Start `preload` in a background thread, once per process (later calls return the same
    thread). A failure is logged, not raised: the page reports it to the visitor with its fix."""
    log = log or _log
    with _lock:
        if _preload:
            return _preload[0]

        def run() -> None:
            started = time.perf_counter()
            try:
                done = preload(settings)
            except RagError as e:
                log(f"Preloading failed, the page will say why: {e}")
                return
            log(f"{done} at server start in {time.perf_counter() - started:.1f} s")

        thread = threading.Thread(target=run, name="nelm-preload", daemon=True)
        _preload.append(thread)
        thread.start()
        return thread


def _log(message: str) -> None:
    print(f"  NELM: {message}", file=sys.stderr, flush=True)


__all__ = ["embedder", "pipeline", "preload", "start_preload", "vocabulary"]
