"""`python -m rag`: the human-readable answer, the JSON contract, stdin batches, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def env(tmp_path_factory, pipeline):
    """Point the CLI at the session's real index through the environment."""
    return {**os.environ, "NELM_INDEX_DIR": str(pipeline.settings.index_dir),
            "NELM_SEEDS_DIR": str(pipeline.settings.seeds_dir), "HF_HUB_OFFLINE": "1"}


def run(env, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", "rag", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_ask_prints_the_answer_and_its_sources(env):
    out = run(env, "ask", "What is the DOI of the review?")
    assert out.returncode == 0
    assert "[from the review]" in out.stdout and "10.20524/aog.2021.0574" in out.stdout
    assert "Sources:" in out.stdout and "[citation] Citation" in out.stdout


def test_ask_json_prints_one_answer_object(env):
    out = run(env, "ask", "--json", "What does TACE stand for?")
    data = json.loads(out.stdout)
    assert data["route"] == "glossary" and data["citations"][0]["unit_id"] == "figure-2"


def test_stdin_gives_one_json_line_per_input_line_even_for_bad_lines(env):
    out = run(env, "ask", stdin="What is the DOI?\n\nWhat does TACE stand for?\n" + "x" * 2500 + "\n")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert out.returncode == 0 and len(rows) == 4
    assert rows[0]["route"] == "retrieval" and "error" in rows[1] and rows[2]["route"] == "glossary"
    assert "limit is 2000" in rows[3]["error"]


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001, "bad\x01"], ids=["empty", "blank", "long", "control"])
def test_an_invalid_question_exits_2_with_a_message(env, question):
    out = run(env, "ask", question)
    assert out.returncode == 2 and out.stderr.startswith("error:") and "Traceback" not in out.stderr


def test_a_missing_index_exits_1_and_says_how_to_build_it(env, tmp_path):
    out = run({**env, "NELM_INDEX_DIR": str(tmp_path / "none")}, "ask", "What is the DOI?")
    assert out.returncode == 1 and "python -m ingest" in out.stderr and "Traceback" not in out.stderr


def test_abbr_looks_up_a_term(env):
    out = run(env, "abbr", "TACE")
    assert out.returncode == 0 and "transarterial chemoembolization" in out.stdout


def test_abbr_all_json_lists_every_entry(env):
    rows = json.loads(run(env, "abbr", "--all", "--json").stdout)
    shorts = {r["short"] for r in rows if r["source"] == "review"}
    assert {"NEN", "NELM", "TACE", "TAE", "RE", "PPRT", "OLT", "SA", "panNEN", "IFNa", "SI-NEN", "PVE", "PVL", "ALPPS"} <= shorts
    assert all({"short", "long", "source", "unit_id", "variants"} <= set(r) for r in rows)


def test_algorithm_prints_a_pathway(env):
    out = run(env, "algorithm", "--grade", "G2", "--primary", "pancreas", "--liver", "unresectable", "--extrahepatic", "none")
    assert out.returncode == 0 and "multidisciplinary" in out.stdout
