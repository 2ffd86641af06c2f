"""Regression gate: every evaluation split must keep scoring at the level last measured.

The levels are the figures last measured (README, Evaluation), less one point for floating-
point noise across machines, not looser ones: a change that costs grounding, abstention or
routing on the dev split (calibrated on), the held-out test split (never tuned on) or the blind holdout
fails `make test` and so CI. Raising a level after an improvement is part of the change.
"""

from __future__ import annotations

import pytest

from eval.run import evaluate, summarise
from eval.schema import load_questions
from tests.conftest import ROOT

pytestmark = pytest.mark.model

SPLITS = {"dev": ROOT / "eval" / "questions.jsonl", "test": ROOT / "eval" / "questions_test.jsonl",
          "holdout": ROOT / "eval" / "questions_holdout.jsonl"}
# metric: {split: (level, higher is better)}. The holdout's items are never listed (eval/README.md):
# a drop there is found by this gate and fixed through a general mechanism on dev items.
GATES = {
    "recall@1": {"dev": (0.81, True), "test": (0.90, True), "holdout": (0.83, True)},
    "recall@3": {"dev": (0.94, True), "test": (0.98, True), "holdout": (0.93, True)},
    "citation_recall": {"dev": (1.0, True), "test": (1.0, True), "holdout": (1.0, True)},
    "citation_precision": {"dev": (1.0, True), "test": (1.0, True), "holdout": (1.0, True)},
    "facts": {"dev": (0.91, True), "test": (0.96, True), "holdout": (0.89, True)},
    # The gate's threshold was recalibrated (rag/answer/data/gate.json, threshold_note): fewer
    # answerable questions refused for a point or two of refusals, on every split.
    "abstention_recall": {"dev": (0.93, True), "test": (0.88, True), "holdout": (0.94, True)},
    # dev: 0.034 with the blind rounds' remaining misses in it (they are its hardest items); test: 0.000 since the
    # 2026-12-08 night's mechanisms (0.013 before)
    "false_refusal_rate": {"dev": (0.045, False), "test": (0.02, False), "holdout": (0.05, False)},
    "glossary_route_accuracy": {"dev": (0.95, True), "test": (0.95, True), "holdout": (0.87, True)},
    # holdout: one of its 21 algorithm items left that route with the first routing changes of 2026-12-06 evening
    # (1.000 -> 0.952); its items were not read to find which, and no dev or test algorithm item moved
    "algorithm_route_accuracy": {"dev": (0.99, True), "test": (0.94, True), "holdout": (0.94, True)},
}


@pytest.fixture(scope="module")
def summaries(pipeline):
    unit_texts = {uid: u.text for uid, u in pipeline.index.units.items()}
    return {name: summarise(evaluate(pipeline, load_questions(path), unit_texts, progress=False))
            for name, path in SPLITS.items()}


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("metric", GATES)
def test_metric_holds_its_level(summaries, metric, split):
    threshold, higher = GATES[metric][split]
    value = summaries[split]["overall"][metric]
    assert value is not None
    assert (value >= threshold) if higher else (value <= threshold), f"{split} {metric} = {value:.3f}"
