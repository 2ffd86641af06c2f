"""The evaluation runner and report: scoring one item, summaries, report files round trip."""

from __future__ import annotations

import json

import pytest

from eval.report import failures, to_markdown, write_report
from eval.run import SystemOutput, score_item, summarise
from eval.schema import EvalQuestion

UNITS = {"abstract-s2": "Liver surgery with the intention to cure is the treatment of choice for resectable NELM.",
         "figure-2": "TACE, transarterial chemoembolization; TAE, transarterial embolization"}


def item(**kw) -> EvalQuestion:
    base = dict(id="q-1", question="What is the treatment of choice?", category="abstract",
                gold_units=["abstract-s2"], required_facts=[["liver surgery"], ["resectable"]],
                abstain=False, route="retrieval")
    base.update(kw)
    return EvalQuestion(**base)


def out(**kw) -> SystemOutput:
    base = dict(route="retrieval", answer="Liver surgery with the intention to cure is the treatment of choice [abstract-s2].",
                abstained=False, ranked=("figure-2", "abstract-s2"), cited=(("abstract-s2", 88),), latency_ms=5.0)
    base.update(kw)
    return SystemOutput(**base)


def test_a_correct_extractive_answer_scores_full_grounding():
    row = score_item(item(), out(), UNITS)
    # gold at rank 2: recall@1 = 0, recall@3 = 1, rr = 1/2
    assert (row["recall@1"], row["recall@3"], row["rr"]) == (0.0, 1.0, 0.5)
    assert row["citation_recall"] == 1.0 and row["citation_precision"] == 1.0
    assert row["facts"] == 0.5  # "resectable" is not in the answer text
    assert row["citation_chars_ratio"] == pytest.approx(88 / len(UNITS["abstract-s2"]))
    assert row["route_ok"] == row["abstain_ok"] == 1.0


def test_an_invented_sentence_fails_citation_recall():
    row = score_item(item(), out(answer="Surgery cures everyone [abstract-s2]."), UNITS)
    assert row["citation_recall"] == 0.0


def test_a_refusal_of_an_answerable_question_scores_no_facts_and_a_false_refusal():
    rows = [score_item(item(), out(abstained=True, answer="The indexed text ... does not address"), UNITS),
            score_item(item(id="q-2", abstain=True, gold_units=[], required_facts=[], category="unanswerable"),
                       out(abstained=True), UNITS)]
    assert rows[0]["facts"] == 0.0 and rows[0]["abstain_ok"] == 0.0
    overall = summarise(rows)["overall"]
    assert overall["false_refusal_rate"] == 1.0 and overall["abstention_recall"] == 1.0
    assert overall["abstention_precision"] == 0.5


def test_the_report_round_trips_and_shows_both_columns(tmp_path):
    rows = [score_item(item(), out(), UNITS)]
    report = {"meta": {"questions": "x.jsonl", "n_questions": 1, "model": "m", "measured_at": "now"},
              "ours": summarise(rows), "baseline": summarise(rows), "rows": rows, "failures": failures(rows)}
    paths = write_report(report, tmp_path)
    assert json.loads(paths["json"].read_text())["ours"] == json.loads(json.dumps(report["ours"]))
    md = paths["md"].read_text()
    assert "| This product | LangChain tutorial baseline |" in md and "Retrieval Recall@3" in md
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert md == to_markdown(report)


def test_failures_explain_what_missed():
    rows = [score_item(item(), out(route="glossary", ranked=("figure-2",)), UNITS)]
    why = failures(rows)[0]["why"]
    assert "routed to glossary, expected retrieval" in why and "not in the top 3" in why


@pytest.mark.model
def test_python_m_eval_runs_a_users_own_question_file(pipeline, monkeypatch, tmp_path, capsys):
    from eval.__main__ import main

    monkeypatch.setenv("NELM_INDEX_DIR", str(pipeline.settings.index_dir))
    monkeypatch.setenv("NELM_SEEDS_DIR", str(pipeline.settings.seeds_dir))
    own = tmp_path / "mine.jsonl"
    own.write_text(json.dumps({"id": "mine-1", "question": "What is the DOI of the review?", "category": "bibliographic",
                               "gold_units": ["citation"], "required_facts": [["10.20524/aog.2021.0574"]],
                               "abstain": False, "route": "retrieval"}) + "\n", encoding="utf-8")
    assert main(["--questions", str(own), "--no-baseline", "--config", "--json", "--reports", str(tmp_path / "r")]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["meta"]["n_questions"] == 1 and summary["ours"]["overall"]["facts"] == 1.0
    assert set(summary["configs"]) == {"dense", "bm25", "hybrid", "hybrid-rrf"}
    assert (tmp_path / "r" / "latest.md").is_file()


@pytest.mark.model
def test_the_blind_holdout_split_is_scored_but_none_of_its_items_is_shown(pipeline, monkeypatch, tmp_path, capsys):
    from eval.__main__ import main

    monkeypatch.setenv("NELM_INDEX_DIR", str(pipeline.settings.index_dir))
    monkeypatch.setenv("NELM_SEEDS_DIR", str(pipeline.settings.seeds_dir))
    dev, blind = tmp_path / "dev.jsonl", tmp_path / "blind_holdout.jsonl"
    record = {"question": "What is the DOI of the review?", "category": "bibliographic", "gold_units": ["citation"],
              "required_facts": [["10.20524/aog.2021.0574"]], "abstain": False, "route": "retrieval"}
    dev.write_text(json.dumps({"id": "dev-1", **record}) + "\n", encoding="utf-8")
    # a miss, so that a report listing misses would name it
    blind.write_text(json.dumps({"id": "blind-secret-1", **record, "required_facts": [["not in any answer"]]}) + "\n",
                     encoding="utf-8")
    assert main(["--questions", str(dev), "--test-questions", str(dev), "--holdout-questions", str(blind),
                 "--no-baseline", "--json", "--reports", str(tmp_path / "r")]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["splits"]["holdout"]["n"] == 1 and summary["splits"]["holdout"]["overall"]["facts"] == 0.0
    for name in ("latest.md", "latest.json"):
        assert "blind-secret-1" not in (tmp_path / "r" / name).read_text(encoding="utf-8")
    assert "| Holdout |" in (tmp_path / "r" / "latest.md").read_text(encoding="utf-8")
