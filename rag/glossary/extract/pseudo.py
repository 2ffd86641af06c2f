"""Pseudo-precision: how often does a letter rule fire on pairs that cannot be definitions?

In: texts (documents). Out: per class of short form, each rule's count of real candidates it
is the first to accept, the same on randomised candidates (each short form paired with the
context of a bracket in another document), and the pseudo-precision they give
(`RuleEstimate`); and the cascade they imply (`select`). After Ab3P (Sohn et al.
2008), which orders and keeps its strategies by this estimate. It needs no gold: the
randomised firing rate estimates a rule's chance agreements. It does not score against
gold (eval/abbreviations.py does).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rag.glossary.extract.coordination import Site, fires, sites
from rag.glossary.extract.pairs import Candidate, brackets, candidates, coordination_resolver, read_notation, resolve
from rag.glossary.extract.rules import RULES, Rule
from rag.glossary.extract.shortform import SHORT_CLASSES, short_class


@dataclass(frozen=True)
class RuleEstimate:
    """One rule in the cascade of one class of short form.

    A randomised candidate is never a definition, so the share of those reaching the rule
    that it accepts (random / random_reached) estimates its false-positive rate; applied to
    the real candidates reaching it, that estimates how many of its `real` acceptances are
    false: pseudo-precision = 1 - (rate * reached + 1) / (real + 1). The + 1 assumes one
    false positive before any is seen, so that a rule with little evidence is not kept.
    """

    rule: str
    klass: str
    real: int  # real candidates it is the first rule to accept
    reached: int  # real candidates no earlier rule accepted
    random: float  # randomised candidates it is the first to accept, mean over shuffles
    random_reached: float  # randomised candidates no earlier rule accepted, mean

    @property
    def false_positive_rate(self) -> float:
        return self.random / self.random_reached if self.random_reached else 0.0

    @property
    def pseudo_precision(self) -> float:
        expected_false = self.false_positive_rate * self.reached
        return max(0.0, 1.0 - (expected_false + 1.0) / (self.real + 1.0))


@dataclass(frozen=True)
class Firings:
    """Per candidate, the set of rules (as a bit mask over `rules`) that accept it alone."""

    rules: tuple[Rule, ...]
    classes: tuple[str, ...]
    real: tuple[int, ...]
    randomised: tuple[tuple[int, ...], ...]  # one tuple per shuffle, aligned with `classes`


def measure(texts: Iterable[str], rules: Sequence[Rule] = RULES, shuffles: int = 5, seed: int = 0) -> Firings:
    """Apply each rule alone to every candidate of `texts`, as found and randomised."""
    found = [(doc, cand) for doc, text in enumerate(texts) for cand in candidates(text)]
    rules = tuple(rules)
    cands = [cand for _, cand in found]
    real = tuple(_mask(cand, rules) for cand in cands)
    rng = random.Random(seed)
    randomised = []
    for _ in range(shuffles):
        paired = _randomise(found, rng)
        randomised.append(tuple(_mask(cand, rules) for cand in paired))
    return Firings(rules, tuple(short_class(c.short) for c in cands), real, tuple(randomised))


def _mask(cand: Candidate, rules: tuple[Rule, ...]) -> int:
    mask = 0
    for bit, rule in enumerate(rules):
        orders = {klass: (rule,) for klass in SHORT_CLASSES}
        if resolve(cand, orders) is not None:
            mask |= 1 << bit
    return mask


def _randomise(found: list[tuple[int, Candidate]], rng: random.Random) -> list[Candidate]:
    """Each candidate's short form with the context of a candidate of the same kind from
    another document (the next one in a shuffled order that is from another document)."""
    out: list[Candidate | None] = [None] * len(found)
    for kind in ("before", "inside"):
        idx = [i for i, (_, cand) in enumerate(found) if cand.kind == kind]
        order = idx[:]
        rng.shuffle(order)
        n = len(order)
        for pos, i in enumerate(order):
            for step in range(1, n):
                j = order[(pos + step) % n]
                if found[j][0] != found[i][0]:
                    break
            else:
                j = i
            donor = found[j][1]
            out[i] = replace(found[i][1], context=donor.context, cut=donor.cut, strict=found[i][1].strict)
    return [c for c in out if c is not None]


def estimates(firings: Firings, order: Sequence[str], klass: str) -> list[RuleEstimate]:
    """Each rule of `order` (names) in that cascade for short forms of `klass`: a candidate
    counts for the first rule of the order that accepts it."""
    bits = {r.name: 1 << k for k, r in enumerate(firings.rules)}
    real, reached = _first_counts(firings.real, firings.classes, klass, order, bits)
    shuffled = [_first_counts(rnd, firings.classes, klass, order, bits) for rnd in firings.randomised]
    n = max(1, len(shuffled))
    return [
        RuleEstimate(name, klass, real[name], reached[name],
                     sum(fired[name] for fired, _ in shuffled) / n,
                     sum(left[name] for _, left in shuffled) / n)
        for name in order
    ]


def _first_counts(masks, classes, klass, order, bits) -> tuple[dict[str, int], dict[str, int]]:
    """Per rule: candidates it is the first to accept, and candidates that reach it."""
    fired, reached = dict.fromkeys(order, 0), dict.fromkeys(order, 0)
    for mask, c in zip(masks, classes):
        if c != klass:
            continue
        for name in order:
            reached[name] += 1
            if mask & bits[name]:
                fired[name] += 1
                break
    return fired, reached


def select(firings: Firings, threshold: float) -> dict[str, list[RuleEstimate]]:
    """Per class, the cascade by pseudo-precision: rules ordered by their estimate when
    each is tried first, then, while the least precise kept rule falls below `threshold`
    in the cascade, it is dropped (dropped rules follow, measured at the cascade's end)."""
    out = {}
    names = [r.name for r in firings.rules]
    for klass in SHORT_CLASSES:
        alone = {name: estimates(firings, [name], klass)[0].pseudo_precision for name in names}
        kept = sorted(names, key=lambda n: -alone[n])
        while kept:
            cascade = estimates(firings, kept, klass)
            worst = min(cascade, key=lambda e: e.pseudo_precision)
            if worst.pseudo_precision >= threshold:
                break
            kept.remove(worst.rule)
        dropped = [n for n in sorted(names, key=lambda n: -alone[n]) if n not in kept]
        tail = [estimates(firings, kept + [n], klass)[-1] for n in dropped]
        out[klass] = (estimates(firings, kept, klass) if kept else []) + tail
    return out


def orders_of(selection: dict[str, list[RuleEstimate]], threshold: float) -> dict[str, tuple[Rule, ...]]:
    """The rule orders a selection keeps, for `extract_abbreviations(text, orders)`."""
    by_name = {r.name: r for r in RULES}
    return {klass: tuple(by_name[e.rule] for e in ests if e.pseudo_precision >= threshold)
            for klass, ests in selection.items()}


def notation_estimate(texts: Iterable[str], shuffles: int = 5, seed: int = 0) -> RuleEstimate:
    """The notation readings (ion concentrations, quantities: pairs.read_notation), which
    come before the letter rules, measured the same way over every candidate: how often
    they read a long form in the text as found and when each short form is paired at random."""
    found = [(doc, cand) for doc, text in enumerate(texts) for cand in candidates(text)]
    real = sum(read_notation(cand) is not None for _, cand in found)
    rng, fired = random.Random(seed), 0
    for _ in range(shuffles):
        fired += sum(read_notation(cand) is not None for cand in _randomise(found, rng))
    n = len(found)
    return RuleEstimate("notation", "any", real, n, fired / max(1, shuffles), float(n))


def coordination_estimate(texts: Iterable[str], shuffles: int = 5, seed: int = 0) -> RuleEstimate:
    """The coordination readings (coordination.py), measured the same way: at every place
    one may apply, how often it gives long forms as found, and when the place's short forms
    are paired with another document's place of the same kind."""
    found = [(doc, site) for doc, text in enumerate(texts) for site in sites(text, brackets(text))]
    resolver = coordination_resolver(None)
    real = sum(fires(site, resolver) for _, site in found)
    rng, fired = random.Random(seed), 0
    for _ in range(shuffles):
        for kind in ("distributed", "reduced"):
            group = [(doc, site) for doc, site in found if site.kind == kind]
            donors = group[:]
            rng.shuffle(donors)
            for k, (doc, site) in enumerate(group):
                other = next((s for d, s in donors[k:] + donors[:k] if d != doc), None)
                if other is not None:
                    fired += fires(Site(kind, site.shorts, other.context, other.x), resolver)
    n = len(found)
    return RuleEstimate("coordination", "any", real, n, fired / max(1, shuffles), float(n))
