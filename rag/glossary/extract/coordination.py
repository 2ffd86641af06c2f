"""Names that share words across a coordination, each defined by its own short form.

In: the text, one bracket, and (for the second pattern) the definition read from the bracket
just before it. Out: `Abbreviation` values whose long forms are assembled from the words the
coordinated names share, or nothing. Two patterns of English coordination are read:

- distributed words: "enhanced cyan and yellow fluorescent proteins (ECFP, EYFP)",
  "calcium-binding proteins 1 and 2 (CaBP1 and CaBP2)": the bracket holds two short forms,
  and the conjuncts before it ("cyan" and "yellow", "1" and "2") share the words around
  them, so the long forms are "enhanced cyan fluorescent proteins" and "enhanced yellow
  fluorescent proteins";
- a reduced second conjunct: "surfactant proteins A (SP-A) and D (SP-D)", "types I (TI) and
  II (TII)", "REV1 (hREV1) and REV3 (hREV3)": the second name repeats the first with its
  last word(s) replaced, "surfactant proteins D".

The words are supplied by the grammar, and the letter rules (rules.py, through the caller's
`Resolver`) still have to spell each short form out of its assembled long form, every one of
them: two short forms must both fit, and a reduced conjunct's short form must share its
first character with the first one, so chance agreement seldom passes (pseudo.py measures
it: `coordination_estimate`). An assembled long form is not a span of the text: its
`Abbreviation.long_start`/`long_end` span the words it was drawn from. It does not read
coordinations of more than two names, nor conjuncts of more than one word in a bracket pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.glossary.extract.shortform import is_short_form
from rag.glossary.extract.types import Abbreviation

# (short form, text before its bracket) -> (start, end) of the long form in that text, or None.
Resolver = Callable[[str, str], "tuple[int, int] | None"]

# "(ECFP, EYFP)", "(CaBP1 and CaBP2 respectively)": two short forms, nothing else.
_TWO_SHORTS = re.compile(r"(?P<a>[^\s,;/]+)(?:,\s*|\s+(?:and|or)\s+)(?P<b>[^\s,;/]+)(?:,?\s+respectively)?")
# The conjunction before the bracket, with a one-word conjunct on each side: "cyan and yellow".
_CONJUNCTS = re.compile(r"(?P<a>[^\s,;()\[\]]+)(?P<conj>,?\s+(?:and|or)\s+|,\s+)(?P<b>[^\s,;()\[\]]+)")
# Words of the names that may follow the second conjunct ("fluorescent proteins").
MAX_SHARED_AFTER = 4
# "(SP-A) and D": what joins a defined name to the reduced conjunct after it.
_REDUCED = re.compile(r"[)\]]\s*(?:,\s*)?(?:and|or)\s+(?P<x>[^\s,;()\[\]]+)\s*$")


@dataclass(frozen=True)
class Site:
    """A place where one of the two patterns may apply (for pseudo.py's estimate)."""

    kind: str  # "distributed" or "reduced"
    shorts: tuple[str, ...]
    context: str  # the text the long forms are assembled from (of "reduced": LF1's)
    x: str = ""  # of "reduced": the conjunct that replaces LF1's last word


def distributed(text: str, lo: int, open_i: int, inner: str, resolve: Resolver) -> list[Abbreviation]:
    """Both long forms of "A and B S (SF1, SF2)" (see the module docstring), or []. `lo`
    bounds the text searched; `inner` is the bracket's stripped content, at `open_i` + 1."""
    m = _TWO_SHORTS.fullmatch(inner)
    if not m or not (is_short_form(m.group("a")) and is_short_form(m.group("b"))):
        return []
    found = distribute(text[lo:open_i].rstrip(), m.group("a"), m.group("b"), resolve)
    if not found:
        return []
    c0 = open_i + 1 + (len(text[open_i + 1 :]) - len(text[open_i + 1 :].lstrip()))
    out = []
    for (short, long, l0, l1), s0 in zip(found, (c0 + m.start("a"), c0 + m.start("b"))):
        out.append(Abbreviation(short, long, s0, s0 + len(short), lo + l0, lo + l1))
    return out


def distribute(before: str, sf1: str, sf2: str, resolve: Resolver) -> list[tuple[str, str, int, int]] | None:
    """(short, long, start, end in `before`) for each of the two names coordinated at the end
    of `before`, or None. Worked example: before "between enhanced cyan and yellow fluorescent
    proteins", sf1 "ECFP", sf2 "EYFP": dropping " and yellow" leaves "... enhanced cyan
    fluorescent proteins", dropping "cyan and " leaves "... enhanced yellow fluorescent
    proteins"; the letter rules read ECFP and EYFP from these, so both are kept."""
    conj = None
    for m in _CONJUNCTS.finditer(before):
        conj = m
    if conj is None or len(before[conj.end("b") :].split()) > MAX_SHARED_AFTER:
        return None
    a0, a1, b0, b1 = conj.start("a"), conj.end("a"), conj.start("b"), conj.end("b")
    # Nothing shared first: "tumor necrosis factor and interleukin 1 (TNF and IL1)".
    one, two = resolve(sf1, before[:a1]), resolve(sf2, before[b0:])
    if one and two and one[1] == a1 and two == (0, len(before) - b0):
        return [(sf1, before[one[0] : a1], one[0], a1), (sf2, before[b0:], b0, len(before))]
    first, second = before[:a1] + before[b1:], before[:a0] + before[b0:]
    one, two = resolve(sf1, first), resolve(sf2, second)
    if not one or not two or one[1] != len(first) or two[1] != len(second) or one[0] > a0:
        return None
    if two[0] >= a0 and b1 == len(before):
        return None  # no word is shared
    start2 = two[0] if two[0] < a0 else b0 + two[0] - a0
    return [(sf1, first[one[0] :], one[0], len(before)), (sf2, second[two[0] :], start2, len(before))]


def reduced(text: str, prev: Abbreviation | None, open_i: int, short: str, resolve: Resolver) -> Abbreviation | None:
    """The long form of `short` in "LF1 (SF1) and X (short)", with `prev` the definition of
    SF1 (the last one found): LF1 with its last word replaced by X, if the letter rules read
    `short` from it and `short` opens with SF1's first character; else None."""
    if prev is None or not is_short_form(short):
        return None
    m = _REDUCED.search(text, prev.short_end, open_i)
    if not m or m.start() != prev.short_end or prev.long_end > prev.short_start:
        return None
    long = reduce(prev.short, prev.long, m.group("x"), short, resolve)
    if long is None:
        return None
    s0 = open_i + 1 + text[open_i + 1 :].index(short)
    return Abbreviation(short, long, s0, s0 + len(short), prev.long_start, m.end("x"))


def reduce(sf1: str, lf1: str, x: str, sf2: str, resolve: Resolver) -> str | None:
    """LF1 with its last word replaced by `x`, if `sf2` is read from all of it and shares
    its first character with `sf1` ("surfactant proteins A", "D", "SP-D" -> "surfactant
    proteins D"); else None."""
    words = lf1.split()
    if len(words) < 2 or sf1[:1].lower() != sf2[:1].lower() or x.lower() == words[-1].lower():
        return None
    long = " ".join(words[:-1] + [x])
    found = resolve(sf2, long)
    return long if found == (0, len(long)) else None


def sites(text: str, brackets: list[tuple[int, int, int]]) -> list[Site]:
    """Every bracket where a pattern may apply, with the text its long forms come from."""
    out = []
    for k, (open_i, close_i, outer) in enumerate(brackets):
        inner = text[open_i + 1 : close_i].strip()
        m = _TWO_SHORTS.fullmatch(inner)
        if m and is_short_form(m.group("a")) and is_short_form(m.group("b")):
            out.append(Site("distributed", (m.group("a"), m.group("b")), text[outer + 1 : open_i].rstrip()))
        if k and is_short_form(inner):
            p_open, p_close, p_outer = brackets[k - 1]
            joined = _REDUCED.search(text, p_close, open_i)
            prior = text[p_open + 1 : p_close].strip()
            if joined and joined.start() == p_close and is_short_form(prior):
                out.append(Site("reduced", (prior, inner), text[p_outer + 1 : p_open].rstrip(), joined.group("x")))
    return out


def fires(site: Site, resolve: Resolver) -> bool:
    """Does the site's pattern give long forms for its short forms (pseudo.py pairs short
    forms and contexts at random to see how often this happens by chance)?"""
    sf1, sf2 = site.shorts
    if site.kind == "distributed":
        return distribute(site.context, sf1, sf2, resolve) is not None
    first = resolve(sf1, site.context)
    return bool(first) and reduce(sf1, site.context[first[0] : first[1]], site.x, sf2, resolve) is not None
