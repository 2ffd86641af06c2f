"""Per-item scores -> the figures of a report: abstention, routes, latency, group means.

Plain values in, numbers out, no model (like eval/metrics.py, which scores one item). A ratio
without a denominator, or a mean over nothing, is None, never 0: a refusal is not a
retrieval miss, and a split without refusals has no abstention precision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from rag.core.errors import ConfigError


@dataclass(frozen=True)
class AbstentionScores:
    """Refusals as a detector of unanswerable items; None where a ratio has no denominator."""

    true_refusals: int
    false_refusals: int
    missed_refusals: int
    answered: int
    precision: float | None      # right refusals / all refusals
    recall: float | None         # right refusals / all items that should be refused
    false_refusal_rate: float | None  # refusals of answerable items / all answerable items


def abstention_scores(pairs: Iterable[tuple[bool, bool]]) -> AbstentionScores:
    """From (expected_abstain, predicted_abstain) pairs."""
    tp = fp = fn = tn = 0
    for expected, predicted in pairs:
        if expected and predicted:
            tp += 1
        elif predicted:
            fp += 1
        elif expected:
            fn += 1
        else:
            tn += 1
    return AbstentionScores(tp, fp, fn, tn, _ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(fp, fp + tn))


def route_accuracy(pairs: Iterable[tuple[str, str]], route: str | None = None) -> float | None:
    """Share of (expected, predicted) routes that agree, over items whose expected route is
    `route` (all items when None); None when no item qualifies."""
    chosen = [(e, p) for e, p in pairs if route is None or e == route]
    return _ratio(sum(1 for e, p in chosen if e == p), len(chosen))


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (0..100) with linear interpolation between closest ranks, as
    numpy's default: values [10, 20, 30, 40], p=50 -> rank 1.5 -> 25.0. None for no values."""
    if not 0 <= p <= 100:
        raise ConfigError(f"percentile p must be between 0 and 100, was: {p!r}")
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def aggregate_by(rows: Sequence[Mapping[str, Any]], group_key: str,
                 metric_keys: Sequence[str]) -> dict[str, dict[str, float | None]]:
    """Per-group means of `metric_keys` over `rows`, plus an "all" group.

    Each group also gets "n" (its row count); a metric that is None for a row (not
    applicable, e.g. recall@3 for an abstention item) is left out of that mean.
    Example: rows [{"category": "a", "rr": 1.0}, {"category": "a", "rr": 0.5},
    {"category": "b", "rr": None}] -> {"a": {"n": 2, "rr": 0.75}, "b": {"n": 1, "rr": None},
    "all": {"n": 3, "rr": 0.75}}.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        if group_key not in row:
            raise ConfigError(f"row has no {group_key!r} field to group by: {dict(row)!r}")
        groups.setdefault(str(row[group_key]), []).append(row)
    groups["all"] = list(rows)
    return {name: {"n": len(members), **{m: mean(r.get(m) for r in members) for m in metric_keys}}
            for name, members in groups.items()}


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
