"""Evaluation set + a system -> one scored row per question, and the summary over them.

A "system" is anything with `ask(question, history) -> Answer`-like output; the product's
pipeline and the peer baseline (eval/baseline.py) are scored by the same code, so the two
columns of the report are comparable. Citation metrics are exact for extractive answers
(verbatim support, see eval/metrics.py); glossary and algorithm answers are scored on
routes, facts and citations-present, not on verbatim support, because their wording is
fixed template text around the cited definitions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from eval.aggregate import abstention_scores, aggregate_by, mean, percentile, route_accuracy
from eval.metrics import citation_scores, facts_present, retrieval_scores
from eval.schema import EvalQuestion
from rag.core.text import local_id

RETRIEVAL_KEYS = ("recall@1", "recall@3", "recall@5", "rr", "ndcg@5")
ROW_KEYS = RETRIEVAL_KEYS + ("citation_recall", "citation_precision", "facts", "citation_chars_ratio",
                             "route_ok", "abstain_ok")


@dataclass(frozen=True)
class SystemOutput:
    """What the scorer needs from any system for one question."""

    route: str
    answer: str
    abstained: bool
    ranked: tuple[str, ...]
    cited: tuple[tuple[str, int], ...]  # (unit id, characters cited)
    latency_ms: float


def pipeline_output(pipeline: Any, item: EvalQuestion) -> SystemOutput:
    started = time.perf_counter()
    answer = pipeline.ask(item.question, history=list(item.history))
    latency = (time.perf_counter() - started) * 1000
    ranked = tuple(u for u, _ in answer.retrieved) or tuple(c.unit_id for c in answer.citations)
    cited = tuple((c.unit_id, c.span[1] - c.span[0]) for c in answer.citations)
    return SystemOutput(answer.route, answer.answer, answer.abstained, ranked, cited, latency)


def score_item(item: EvalQuestion, out: SystemOutput, unit_texts: Mapping[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": item.id, "category": item.category, "route": out.route,
                           "expected_route": item.route, "abstain": item.abstain,
                           "abstained": out.abstained, "latency_ms": out.latency_ms}
    answerable = not item.abstain
    gold = item.gold_units if answerable and item.route == "retrieval" else []
    row.update(retrieval_scores(out.ranked, gold) if gold else dict.fromkeys(RETRIEVAL_KEYS))
    if answerable and out.route == "retrieval" and not out.abstained:
        row.update(citation_scores(out.answer, unit_texts))
        gold_chars = sum(len(unit_texts.get(u, "")) for u in item.gold_units) or None
        cited_chars = sum(n for _, n in out.cited)
        row["citation_chars_ratio"] = cited_chars / gold_chars if gold_chars else None
    else:
        row.update(citation_recall=None, citation_precision=None, citation_chars_ratio=None)
    row["facts"] = facts_present(out.answer, item.required_facts) if answerable and not out.abstained else (
        0.0 if answerable and item.required_facts else None)
    row["route_ok"] = 1.0 if out.route == item.route else 0.0
    row["abstain_ok"] = 1.0 if out.abstained == item.abstain else 0.0
    cited = {local_id(u) for u, _ in out.cited}
    row["cites_gold"] = (1.0 if cited & {local_id(u) for u in item.gold_units} and not out.abstained else 0.0
                         ) if answerable and item.gold_units else None
    return row


def _ok(row: Mapping[str, Any]) -> bool:
    """The item is handled as its gold says: refused when it should be; otherwise answered on
    the expected route with every required fact."""
    if row["abstain"]:
        return bool(row["abstained"])
    return not row["abstained"] and row["route_ok"] == 1.0 and (row["facts"] is None or row["facts"] >= 1.0)


def goals(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The figures the product is held to on questions it was not tuned on (issue 11's table):
    each a share of the items it concerns, with their count."""
    def share(selected, test) -> dict[str, Any]:
        items = [r for r in rows if selected(r)]
        return {"n": len(items), "value": mean(1.0 if test(r) else 0.0 for r in items) if items else None}

    retrieval_fact = lambda r: (not r["abstain"] and r["expected_route"] == "retrieval"  # noqa: E731
                                and r["category"] in ("abstract", "paraphrase", "figure"))
    return {
        "answerable_facts_right_passage": share(retrieval_fact, lambda r: r["cites_gold"] == 1.0 and _ok(r)),
        "bibliographic_and_reference": share(lambda r: r["category"] in ("bibliographic", "reference"), _ok),
        "answerable_refused": share(lambda r: not r["abstain"], lambda r: r["abstained"]),
        "abbreviation": share(lambda r: r["category"] == "abbreviation", _ok),
        "treatment_branch": share(lambda r: r["category"] == "treatment", _ok),
        "followup": share(lambda r: r["category"] == "followup", _ok),
        "unanswerable_refused": share(lambda r: r["abstain"], lambda r: r["abstained"]),
    }


def evaluate(system: Any, items: Sequence[EvalQuestion], unit_texts: Mapping[str, str],
             progress: bool = True, output=pipeline_output) -> list[dict[str, Any]]:
    """Score every item; `output(system, item)` runs one question."""
    iterator: Iterable[EvalQuestion] = items
    if progress:
        from tqdm import tqdm

        iterator = tqdm(items, desc="evaluating", unit="q", leave=False)
    return [score_item(item, output(system, item), unit_texts) for item in iterator]


def summarise(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Overall metrics, per-route latency, abstention and route scores, per-category means."""
    abst = abstention_scores((r["abstain"], r["abstained"]) for r in rows)
    routes = [(r["expected_route"], r["route"]) for r in rows]
    overall = {k: mean(r.get(k) for r in rows) for k in ROW_KEYS}
    overall.update(
        abstention_precision=abst.precision, abstention_recall=abst.recall,
        false_refusal_rate=abst.false_refusal_rate,
        glossary_route_accuracy=route_accuracy(routes, "glossary"),
        algorithm_route_accuracy=route_accuracy(routes, "algorithm"),
        retrieval_route_accuracy=route_accuracy(routes, "retrieval"),
    )
    latency = {}
    for route in sorted({r["route"] for r in rows}):
        values = [r["latency_ms"] for r in rows if r["route"] == route]
        latency[route] = {"n": len(values), "p50_ms": percentile(values, 50), "p95_ms": percentile(values, 95)}
    return {"n": len(rows), "overall": overall, "goals": goals(rows), "latency": latency,
            "abstention_counts": {"true_refusals": abst.true_refusals, "false_refusals": abst.false_refusals,
                                  "missed_refusals": abst.missed_refusals, "answered": abst.answered},
            "by_category": aggregate_by(rows, "category", list(ROW_KEYS))}


def compare_retrieval_modes(pipeline: Any, items: Sequence[EvalQuestion],
                            modes: Sequence[str] = ("dense", "bm25", "hybrid")) -> dict[str, dict[str, Any]]:
    """Retrieval metrics of each mode (and of convex fusion) on the answerable retrieval items."""
    from rag.routing.followup import rewrite
    from rag.retrieval.hybrid import HybridRetriever

    targets = [i for i in items if i.route == "retrieval" and not i.abstain and i.gold_units]
    retrievers = {m: (pipeline.retriever, m) for m in modes}
    if "hybrid" in modes:
        other = "convex" if pipeline.settings.fusion == "rrf" else "rrf"
        retrievers[f"hybrid-{other}"] = (HybridRetriever(pipeline.index, pipeline.embedder,
                                                         pipeline.settings.with_(fusion=other),
                                                         expand=pipeline.expand), "hybrid")
    table = {}
    for name, (retriever, mode) in retrievers.items():
        rows = []
        for item in targets:
            query = rewrite(item.question, list(item.history)).question
            ranked = [h.unit_id for h in retriever.retrieve(query, 5, mode)]
            rows.append(retrieval_scores(ranked, item.gold_units))
        table[name] = {"n": len(rows), **{k: mean(r[k] for r in rows) for k in RETRIEVAL_KEYS}}
    return table
