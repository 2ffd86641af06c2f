"""Which passage answers, and whether it does: one fitted model, applied to every candidate.

Choosing the passage by word coverage and then asking the gate whether to answer with it
fails twice on a paraphrase: coverage picks whichever passage happens to share the question's
wording (a lay question about "cutting it out" goes to a sentence that says "surgery" in
passing), and the gate then refuses the right passage it was never shown. Scoring every
candidate piece with the same features (rag/answer/gate.py) lets contextual alignment and
retrieval's own ranking outvote a coincidental word match. Two fitted models read them
(`python -m eval.fit_gate`, dev split only): a ranker (a conditional logit: which of one
question's candidates answers it) chooses, and the gate (a logistic regression: is the chosen
one right to answer with) decides.

Two features compare a candidate with the others: how far its coverage and its soft alignment
lead the best other unit's. A question that shares few words with the whole review still has
a best passage; what matters is by how much it is best.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Sequence

from rag.answer.gate import Gate, GateFeatures, WordVectors, gate_features
from rag.answer.segments import Segment, reading_text


@dataclass(frozen=True)
class Scored:
    """One candidate piece with what the models saw and what they concluded."""

    hit: Any  # rag.retrieval.hybrid.Hit
    segment: Segment
    coverage: float
    features: GateFeatures
    rank: float  # the ranker's score: only its order among one question's candidates means anything
    probability: float  # the gate's probability that answering with this piece is right


def score_segments(segments: Sequence[tuple[Any, Segment, float]], candidates: Sequence[Any],
                   query_words: WordVectors | None, passage_words: Callable[[str], WordVectors | None],
                   present_terms: Callable[[str], set[str]], stem: Callable[[str], str],
                   followup: bool, gate: Gate | None) -> list[Scored]:
    """Every (hit, piece, coverage) scored. Without a fitted ranker every rank is 0 and without
    a gate every probability 0.5, so the caller's tie-break (coverage and retrieval rank)
    decides, as the fitting script needs."""
    base = []
    for hit, seg, coverage in segments:
        present = present_terms(reading_text(seg))
        base.append(gate_features(hit, candidates, coverage, query_words, passage_words(seg.text),
                                  lambda word, present=present: stem(word) in present, followup))
    out = []
    for (hit, seg, coverage), features in zip(segments, base):
        others = [(f.coverage, f.soft_alignment) for (_, s, _), f in zip(segments, base) if s.unit.id != seg.unit.id]
        features = replace(features,
                           coverage_lead=features.coverage - max((c for c, _ in others), default=0.0),
                           soft_lead=features.soft_alignment - max((a for _, a in others), default=0.0))
        rank = gate.ranker.score(features) if gate is not None and gate.ranker is not None else 0.0
        probability = gate.probability(features) if gate is not None else 0.5
        out.append(Scored(hit, seg, coverage, features, rank, probability))
    return out


def coverage_with_rank(coverages: Sequence[float], fused: Sequence[float], weight: float) -> list[float]:
    """How a follow-up's passage is chosen, where the ranker would only re-match the earlier
    turn: its word coverage (the user's own words weighed up) plus `weight` times its fused
    retrieval score relative to the best. The answerer and the gate's fitting script
    (eval/fit_gate.py) both choose this way, so the gate is fitted on what it will judge."""
    top = max(fused, default=0.0) or 1.0
    return [c + weight * f / top for c, f in zip(coverages, fused)]
