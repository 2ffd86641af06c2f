"""How the abbreviation extractor's rules are chosen, measured on the gold corpora.

`rule_report`: each rule's pseudo-precision per class of short form, the Ab3P estimate that
decides which rules the extractor keeps (rag/glossary/extract/pseudo.py, rules_data.py).
`cross_corpus`: the one choice made with gold (the pseudo-precision a rule needs), picked on
one corpus and scored on the other, both ways, to show how far it transfers. Both are printed
by `python -m eval.abbreviations --rules / --cross`; scoring itself is eval/abbreviations.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eval.abbreviations import CORPORA, Scores, load_corpora, score_documents

# Pseudo-precisions a rule may be required to reach; `--cross` picks one on a corpus.
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


@dataclass(frozen=True)
class CrossResult:
    """Rules kept at the threshold that scores best on `tuned_on`, scored on both."""

    tuned_on: str
    scored_on: str
    threshold: float
    tuned: Scores
    other: Scores

    gap = property(lambda self: self.tuned.f1 - self.other.f1)


def cross_corpus(corpus_dir: Path) -> list[CrossResult]:
    """Both directions: on corpus A, measure pseudo-precision on A's text and pick the
    threshold with A's best F1; then score the rules it keeps on A and on B."""
    from rag.glossary.extract.pairs import extract_abbreviations
    from rag.glossary.extract.pseudo import measure, orders_of, select

    docs = load_corpora(corpus_dir)
    out = []
    for tuned_on, scored_on in (("MEDSTRACT", "SH"), ("SH", "MEDSTRACT")):
        firings = measure(d.text for d in docs[tuned_on])
        best = None
        for threshold in THRESHOLDS:
            orders = orders_of(select(firings, threshold), threshold)
            scores = score_documents(docs[tuned_on], lambda t, o=orders: extract_abbreviations(t, o))
            if best is None or scores.f1 > best[1].f1:
                best = (threshold, scores, orders)
        threshold, tuned, orders = best
        other = score_documents(docs[scored_on], lambda t: extract_abbreviations(t, orders))
        out.append(CrossResult(tuned_on, scored_on, threshold, tuned, other))
    return out


def rule_report(corpus_dir: Path) -> str:
    """Each rule's pseudo-precision per class of short form, over both corpora's text, in
    the cascade kept at rules_data.MIN_PSEUDO_PRECISION (the values rules_data.py holds)."""
    from rag.glossary.extract.pseudo import coordination_estimate, measure, notation_estimate, select
    from rag.glossary.extract.rules_data import MIN_PSEUDO_PRECISION

    docs = load_corpora(corpus_dir)
    selection = select(measure(d.text for name in CORPORA for d in docs[name]), MIN_PSEUDO_PRECISION)
    lines = [f"{'class':<15} {'rule':<20} {'real':>5} {'reach':>6} {'random':>7} {'reach':>7} "
             f"{'FP rate':>8} {'pseudo-P':>8}  kept (>= {MIN_PSEUDO_PRECISION})"]
    for klass, ests in selection.items():
        for e in ests:
            lines.append(f"{klass:<15} {e.rule:<20} {e.real:>5} {e.reached:>6} {e.random:>7.1f} "
                         f"{e.random_reached:>7.1f} {e.false_positive_rate:>8.4f} "
                         f"{e.pseudo_precision:>8.3f}  {'yes' if e.pseudo_precision >= MIN_PSEUDO_PRECISION else 'no'}")
    texts = [d.text for name in CORPORA for d in docs[name]]
    for e, when in ((notation_estimate(texts), "read before the letter rules"),
                    (coordination_estimate(texts), "letter rules on assembled long forms")):
        lines.append(f"{'any':<15} {e.rule:<20} {e.real:>5} {e.reached:>6} {e.random:>7.1f} "
                     f"{e.random_reached:>7.1f} {e.false_positive_rate:>8.4f} {e.pseudo_precision:>8.3f}  {when}")
    return "\n".join(lines)
