"""`python -m rag`: the human-readable answer, the JSON contract, stdin batches, exit codes.

The exit-code contract (rag/cli/main.py): 0 answered (an abstention, a "not found" or a
did-you-mean is an answer), 1 the index or model is unusable, 2 invalid input (a question,
or an argument that is not one: an abbreviation term, an algorithm flag). Most of it is
checked in-process through `rag.cli.main.main([...])`; a few end-to-end runs go through
`python -m rag` in a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from rag.cli.main import main
from rag.core.errors import InvalidArgumentError, InvalidInputError, InvalidQuestionError, RagError
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


# --- the exit-code contract, in-process ------------------------------------------------------

@pytest.fixture
def index_env(monkeypatch, pipeline):
    """`Settings.from_env()` inside `main` finds the session's real index, and no NELM_*
    variable from outside makes it look stale. No model is loaded by the cases below: `abbr`
    reads only the glossary and bad input fails before anything is loaded."""
    monkeypatch.setenv("NELM_INDEX_DIR", str(pipeline.settings.index_dir))
    monkeypatch.setenv("NELM_SEEDS_DIR", str(pipeline.settings.seeds_dir))
    for name in ("NELM_MODEL_NAME", "NELM_WINDOW_SENTENCES", "NELM_MILAN_MAX_KI67_PCT"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("argv, code, stream, expected", [
    pytest.param(["abbr", "TACE"], 0, "out", "TACE — transarterial chemoembolization [figure-2]", id="abbr-found"),
    pytest.param(["abbr", "tcae"], 0, "out", "Did you mean TACE", id="abbr-typo-is-answered-with-did-you-mean"),
    pytest.param(["abbr", "xyzzy"], 0, "out", "“xyzzy” is not defined in this review",
                 id="abbr-unknown-is-answered-not-found"),
    pytest.param(["abbr", "portal vein ligation"], 0, "out", "PVL — portal vein ligation [figure-2]",
                 id="abbr-quoted-words"),
    pytest.param(["abbr", "portal", "vein", "ligation"], 0, "out", "PVL — portal vein ligation [figure-2]",
                 id="abbr-unquoted-words"),
    pytest.param(["abbr", "--all"], 0, "out", "Defined in this review:", id="abbr-all"),
    pytest.param(["abbr", "   "], 2, "err", "error: the term to look up is blank, was: '   '", id="abbr-blank"),
    pytest.param(["abbr", ""], 2, "err", "error: the term to look up is blank, was: ''", id="abbr-empty"),
    pytest.param(["abbr"], 2, "err", "error: give either a TERM or --all, was: neither", id="abbr-nothing"),
    pytest.param(["abbr", "TACE", "--all"], 2, "err", "error: give either a TERM or --all, was: both ('TACE' and --all)",
                 id="abbr-term-and-all"),
    pytest.param(["algorithm", "--grade", "G2", "--liver", "staged"], 0, "out", "Staged liver resection",
                 id="algorithm-result"),
    pytest.param(["algorithm", "--age", "130"], 2, "err", "error: age must be a number between 0 and 120, was: 130",
                 id="algorithm-flag-out-of-range"),
    pytest.param(["algorithm", "--liver-involvement-pct", "-5"], 2, "err", "liver_involvement_pct must be a number",
                 id="algorithm-negative-share"),
    pytest.param(["ask", ""], 2, "err", "error: The question is empty", id="ask-empty"),
    pytest.param(["ask", "   "], 2, "err", "error: The question is empty", id="ask-blank"),
    pytest.param(["ask", "x" * 2001], 2, "err", "the limit is 2000", id="ask-too-long"),
    pytest.param(["ask", "bad\x01"], 2, "err", "control or non-text characters (U+0001)", id="ask-control-character"),
    pytest.param(["ask", "?!"], 2, "err", "The question contains no words", id="ask-no-words"),
])
def test_main_returns_the_contracted_exit_code_and_says_why(index_env, capsys, argv, code, stream, expected):
    got = main(argv)
    out = capsys.readouterr()
    assert got == code, (out.out, out.err)
    assert expected in (out.out if stream == "out" else out.err)
    assert "Traceback" not in out.err
    if code == 2:
        assert out.err.startswith("error: ") and out.out == ""


@pytest.mark.parametrize("argv", [
    pytest.param(["abbr", "TACE"], id="abbr"),
    pytest.param(["abbr", "tcae", "--json"], id="abbr-json-typo"),
    pytest.param(["abbr", "--all", "--json"], id="abbr-all-json"),
])
def test_a_missing_index_exits_1_and_names_the_fix(index_env, monkeypatch, tmp_path, capsys, argv):
    monkeypatch.setenv("NELM_INDEX_DIR", str(tmp_path / "no-index"))
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Index not found at ") and "python -m ingest" in err


@pytest.mark.parametrize("argv", [
    pytest.param(["abbr", "   "], id="abbr-blank-term"),
    pytest.param(["ask", "   "], id="ask-blank-question"),
])
def test_invalid_input_is_reported_before_the_index_is_needed(monkeypatch, tmp_path, capsys, argv):
    """A bad argument is the user's to fix whatever the state of the index: exit 2, not 1."""
    monkeypatch.setenv("NELM_INDEX_DIR", str(tmp_path / "no-index"))
    assert main(argv) == 2
    assert "Index not found" not in capsys.readouterr().err


@pytest.mark.parametrize("quoted, words", [
    pytest.param(["portal vein ligation"], ["portal", "vein", "ligation"], id="expansion"),
    pytest.param(["SI NEN"], ["SI", "NEN"], id="spaced-abbreviation"),
    pytest.param(["liver transplant"], ["liver", "transplant"], id="did-you-mean"),
])
@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["text", "json"])
def test_unquoted_words_are_looked_up_like_the_quoted_term(index_env, capsys, quoted, words, json_flag):
    assert main(["abbr", *json_flag, *quoted]) == 0
    once = capsys.readouterr().out
    assert main(["abbr", *json_flag, *words]) == 0
    assert capsys.readouterr().out == once


def test_abbr_json_of_a_lookup_keeps_its_shape(index_env, capsys):
    """The shape scripts rely on: query, match_kind, did_you_mean, then matches with the
    fields of `--all --json` (no defining sentence: the text output shows that)."""
    assert main(["abbr", "--json", "TACE"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {"query": "TACE", "match_kind": "exact", "did_you_mean": [],
                    "matches": [{"short": "TACE", "long": "transarterial chemoembolization", "source": "review",
                                 "unit_id": "figure-2", "variants": [], "note": None}]}


@pytest.mark.parametrize("argv", [
    pytest.param(["algorithm", "--grade", "G9"], id="algorithm-choice-not-offered"),
    pytest.param(["algorithm", "--age", "old"], id="algorithm-number-not-a-number"),
    pytest.param(["nonsense"], id="unknown-command"),
])
def test_argparse_refusals_exit_2_too(capsys, argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2 and "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("error, bases", [
    pytest.param(InvalidQuestionError, (InvalidInputError, RagError, ValueError), id="question"),
    pytest.param(InvalidArgumentError, (InvalidInputError, RagError, ValueError), id="argument"),
])
def test_both_kinds_of_invalid_input_share_the_base_the_cli_maps_to_2(error, bases):
    assert all(issubclass(error, base) for base in bases)
