"""`python -m rag` where no model is needed: glossary and algorithm questions never load the
embedding model (issue 13), stdin survives bytes that are not UTF-8 under a strict locale, and
`abbr` refuses control characters (issue 12, items 9 and 14).

The index here is built with the fake embedder and named `fake-hash-64`, a model that cannot be
loaded: a command that loads the model fails with "Cannot load embedding model", so every
command that succeeds below provably never loaded it. No timing is asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import rag
from tests.conftest import ROOT, FakeEmbedder

TACE = "What does TACE stand for?"
CASE = "How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"


@pytest.fixture
def env(fake_index):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NELM_")}
    return {**environ, "NELM_INDEX_DIR": str(fake_index.index_dir), "NELM_SEEDS_DIR": str(fake_index.seeds_dir),
            "NELM_MODEL_NAME": FakeEmbedder.name, "HF_HUB_OFFLINE": "1"}


def run(env, *args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "rag", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, timeout=300)


@pytest.mark.parametrize("question, route", [(TACE, "glossary"), (CASE, "algorithm")], ids=["glossary", "algorithm"])
def test_glossary_and_algorithm_questions_never_load_the_model(env, question, route):
    out = run(env, "ask", "--json", question)
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)["route"] == route


def test_a_retrieval_question_does_load_the_model(env):
    """The counterpart: the model that cannot be loaded is asked for, and the error says so."""
    out = run(env, "ask", "What is the treatment of choice for resectable NELM?")
    assert out.returncode == 1 and b"Cannot load embedding model 'fake-hash-64'" in out.stderr


@pytest.fixture
def counted_loads(monkeypatch):
    loads = []

    def load(model_name, batch_size=32):
        loads.append(model_name)
        return FakeEmbedder()

    monkeypatch.setattr("rag.core.embed.load_embedder", load)
    return loads


def test_the_pipeline_loads_the_model_on_the_first_retrieval_only(fake_index, counted_loads):
    pipeline = rag.load_pipeline(fake_index)
    assert pipeline.ask(TACE).route == "glossary" and pipeline.ask(CASE).route == "algorithm"
    assert counted_loads == [] and not pipeline.embedder.loaded
    assert pipeline.ask("Which journal published the review?").route == "retrieval"
    pipeline.ask("What is the treatment of choice for resectable NELM?")
    assert counted_loads == [FakeEmbedder.name]


def test_eager_loading_and_warm_load_the_model_up_front(fake_index, counted_loads):
    assert rag.load_pipeline(fake_index, eager=True).embedder.loaded and counted_loads == [FakeEmbedder.name]
    pipeline = rag.load_pipeline(fake_index)
    pipeline.warm()
    pipeline.warm()  # once is enough
    assert pipeline.embedder.loaded and len(counted_loads) == 2


def test_a_given_embedder_is_used_as_given(fake_index, fake_embedder, counted_loads):
    pipeline = rag.load_pipeline(fake_index, embedder=fake_embedder)
    assert pipeline.embedder is fake_embedder and counted_loads == []


# --- item 9: stdin under a strict UTF-8 locale ------------------------------------------------------

STRICT = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}


def test_a_line_that_is_not_utf8_gets_its_error_and_the_other_lines_their_answers(env):
    stdin = (TACE + "\n").encode() + b"What does \xff\xfe stand for?\n" + "What does IFN-α stand for?\n".encode()
    out = run({**env, **STRICT}, "ask", stdin=stdin)
    assert out.returncode == 0 and b"Traceback" not in out.stderr, out.stderr.decode()
    rows = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]  # strict: valid UTF-8
    assert len(rows) == 3
    assert rows[0]["route"] == "glossary" and rows[2]["route"] == "glossary"
    assert rows[1]["error"].startswith("Line 2 is not UTF-8 text (byte 0xFF at position 10)")
    assert rows[1]["question"] == "What does \ufffd\ufffd stand for?"


def test_a_byte_order_mark_before_the_first_question_is_ignored(env):
    out = run({**env, **STRICT}, "ask", stdin=b"\xef\xbb\xbf" + TACE.encode() + b"\n")
    assert json.loads(out.stdout)["route"] == "glossary"


# --- item 14: abbr refuses control characters ---------------------------------------------------------

@pytest.mark.parametrize("term", ["TA\x07CE", "\x1b[31mTACE", "TACE\u202e"], ids=["bell", "escape", "bidi"])
def test_abbr_refuses_control_characters_instead_of_printing_them_back(env, term):
    out = run(env, "abbr", term)
    assert out.returncode == 2 and out.stdout == b""
    assert out.stderr.startswith(b"error: the term to look up contains control or non-text characters")
