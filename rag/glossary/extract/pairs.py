"""Find abbreviation definitions in running text.

In: any text. Out: `Abbreviation` values (short form, long form, character offsets), in
order of appearance, one per distinct (short, long) pair. Two patterns are recognised:

- bracketed definitions, "long form (SF)" and "SF (long form)" (also "(SF, remark)",
  "(SF1 and SF2)", "(long form, SF)", "(SF, long form)", "(SF = long form)", "SF (for long
  form)", nested and square brackets), after Schwartz & Hearst (2003), with Ab3P-style
  rules and scoring (Sohn et al. 2008) in rag/glossary/extract/rules.py and align.py;
- legend-style glossaries as in figure captions (rag/glossary/extract/legends.py);
- single letters in a coordinated series, "large (L), middle (M) and small (S)"
  (rag/glossary/extract/series.py);
- appositions, "mitogen-activated protein kinase, MAPK, ...", held to every word giving an
  initial since no bracket marks them;
- names sharing words across a coordination, "proteins A (SP-A) and D (SP-D)" (coordination.py).

Ion concentrations ("[Ca2+]i", rag/glossary/extract/notation.py), quantities written as a
symbol and a subscript ("Cmax", "K(m)", rag/glossary/extract/parameters.py) and amino-acid
codes ("RS", "L169F", rag/glossary/extract/residues.py) are read by their notation before the
letter rules are tried. A bracket listing the members of the class named before it ("OT
subunits (Ost4p, Ost3p, and Stt3p)") gives no candidate for its first item.

Each bracket yields `Candidate`s (a short form and the text that may hold its long form);
`resolve` applies the rules to one. rag/glossary/extract/pseudo.py pairs the same
candidates at random to estimate each rule's precision. It does not resolve abbreviations
used without a definition, and it does not normalise spellings (the glossary's job).
Measured on MEDSTRACT and the Schwartz-Hearst corpus by `python -m eval.abbreviations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.core.errors import InvalidArgumentError
from rag.glossary.extract.align import Alignment
from rag.glossary.extract.coordination import Resolver, distributed, reduced
from rag.glossary.extract.legends import find_legends
from rag.glossary.extract.notation import read_ion
from rag.glossary.extract.parameters import read_parameter
from rag.glossary.extract.residues import read_residues
from rag.glossary.extract.rules import RuleOrders, find_long_form, max_long_words
from rag.glossary.extract.series import letter_of, letter_series
from rag.glossary.extract.shortform import CLAUSE_WORDS, is_short_form
from rag.glossary.extract.types import Abbreviation
from rag.glossary.extract.window import window_start

__all__ = ["Abbreviation", "Candidate", "candidates", "extract_abbreviations", "resolve"]

_OPEN, _CLOSE = "([", ")]"
# No long form is longer than this; bounding the look-back keeps long texts linear.
_LOOKBACK_CHARS = 600


def extract_abbreviations(text: str, orders: RuleOrders | None = None) -> list[Abbreviation]:
    """Return every abbreviation defined in `text`, in order of appearance.

    A pair defined twice is reported once, at its first definition. `orders` replaces the
    kept rules (for measuring them, eval/abbreviations.py); by default, rules_data.py's.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(
            f"text must be a str, was: {type(text).__name__}; pass the text itself (decode bytes first)")
    found = _bracketed(text, orders) + find_legends(text, orders) + _appositives(text, orders)
    found.sort(key=lambda a: min(a.short_start, a.long_start))
    seen: set[tuple[str, str]] = set()
    out = []
    for abbr in found:
        if (abbr.short, abbr.long) not in seen:
            seen.add((abbr.short, abbr.long))
            out.append(abbr)
    return out


@dataclass(frozen=True)
class Candidate:
    """A short form and the text that may hold its long form.

    kind "before": the long form ends `context` (the text before the bracket, or before the
    comma inside it); "inside": the long form is `context` itself from its first word (the
    bracket's content after "SF ("; or after "(SF," / "(SF ="). `strict`: a short form picked
    out of a longer bracket, weaker evidence, so every content word must give a character.
    """

    kind: str
    short: str
    context: str
    strict: bool = False
    short_start: int = 0
    context_start: int = 0
    cut: bool = False  # the context was cut by the look-back limit


def resolve(cand: Candidate, orders: RuleOrders | None = None) -> tuple[int, int, Alignment] | None:
    """(start, end) of the long form in `cand.context` and the alignment behind it, or None."""
    if cand.kind == "inside":
        if len(cand.context.split()) > max_long_words(cand.short):
            return None
        found = find_long_form(cand.short, cand.context, anchored=True, orders=orders)
        return (0, len(cand.context), found) if found else None
    text, words = cand.context, max_long_words(cand.short)
    start, across = window_start(text, words, cand.cut)
    if start is None:
        return None
    found = _within(cand, start, orders)
    if across is not None and (found is None or found[2].rule != "initials"):
        # The window stopped at a comma; coordinated modifiers ("acute, severe asthma")
        # may carry on past it, but only if every character then opens a word.
        wider = _within(cand, across, orders)
        if wider and wider[2].rule == "initials" and wider[0] < start:
            return wider
    return found


def _within(cand: Candidate, start: int, orders: RuleOrders | None) -> tuple[int, int, Alignment] | None:
    found = find_long_form(cand.short, cand.context[start:], orders=orders)
    if found is None or (cand.strict and found.skipped):
        return None
    l0, l1 = start + found.start, start + found.end
    # Chemical locants written with a space belong to the name: "1, 3-propanediol (Pr)".
    locants = re.search(r"(?<![\w,])\d+(?:,\d+)*,\s+$", cand.context[start:l0])
    return (start + locants.start() if locants else l0), l1, found


def candidates(text: str) -> list[Candidate]:
    """Every candidate of every bracket in `text`, in the order they are tried."""
    return [c for open_i, close_i, outer in brackets(text) for c in _bracket_candidates(text, open_i, close_i, outer)]


def _bracketed(text: str, orders: RuleOrders | None) -> list[Abbreviation]:
    out, letters = [], []
    before = coordination_resolver(orders)
    for open_i, close_i, outer in brackets(text):
        c0, c1 = _strip(text, open_i + 1, close_i)
        shared = distributed(text, max(outer + 1, open_i - _LOOKBACK_CHARS), open_i, text[c0:c1], before)
        if shared:  # "enhanced cyan and yellow fluorescent proteins (ECFP, EYFP)"
            out.extend(shared)
            continue
        for cand in _bracket_candidates(text, open_i, close_i, outer):
            read = read_notation(cand)
            found = (*read, None) if read else resolve(cand, orders)
            if found:
                l0, l1 = cand.context_start + found[0], cand.context_start + found[1]
                s0 = cand.short_start
                out.append(Abbreviation(cand.short, text[l0:l1], s0, s0 + len(cand.short), l0, l1))
                break
            letter = letter_of(cand.short, cand.context, cand.context_start, cand.short_start)
            if letter and cand.kind == "before" and not cand.strict:
                letters.append(letter)
        else:  # "surfactant proteins A (SP-A) and D (SP-D)": the name before is reduced
            second = reduced(text, out[-1] if out else None, open_i, text[c0:c1], before)
            out += [second] if second else []
    return out + letter_series(text, letters)


def coordination_resolver(orders: RuleOrders | None) -> Resolver:
    """The letter rules as coordination.py asks for them (see `Resolver`)."""
    def before(short: str, context: str) -> tuple[int, int] | None:
        found = resolve(Candidate("before", short, context), orders)
        return found[:2] if found else None
    return before


def read_notation(cand: Candidate) -> tuple[int, int] | None:
    """The long form of a short form in chemical, quantity or residue notation ("[Ca2+]i",
    "Cmax", "L169F"), read by what its symbols stand for before any letter rule is tried;
    None otherwise."""
    read = (read_ion(cand.short, cand.context) or read_parameter(cand.short, cand.context)
            or read_residues(cand.short, cand.context))
    if read and cand.kind == "inside" and (read[0] > 0 or read[1] < len(cand.context)):
        return None  # "[Ca2+]i (free calcium)": the bracket must hold the name alone
    return read


# "the mammalian Cdk-activating kinase, CAK, as well as": a short form set off by commas
# after its long form (an apposition). Without a bracket it is weaker evidence, so it needs
# two capitals and a long form whose every word gives an initial.
_APPOSITIVE = re.compile(r"(?<=, )[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*(?=[,;.]\s)")


def _appositives(text: str, orders: RuleOrders | None) -> list[Abbreviation]:
    out = []
    for m in _APPOSITIVE.finditer(text):
        short = m.group()
        if not is_short_form(short):
            continue
        cand = _before(text, max(0, m.start() - _LOOKBACK_CHARS), m.start() - 2, short, m.start(), strict=True)
        found = resolve(cand, orders)
        if found and found[2].rule == "initials":
            l0, l1 = cand.context_start + found[0], cand.context_start + found[1]
            out.append(Abbreviation(short, text[l0:l1], m.start(), m.end(), l0, l1))
    return out


def brackets(text: str) -> list[tuple[int, int, int]]:
    """(open, close, enclosing open or -1) for every matched (...) and [...] pair opened
    after a space or another bracket: like S&H, "GABA(A)" and "Cu(II)" are names."""
    pairs, stack = [], []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE:
            kind = _OPEN[_CLOSE.index(ch)]
            # Close the innermost bracket of the same kind; a stray closer is ignored.
            for depth in range(len(stack) - 1, -1, -1):
                if text[stack[depth]] == kind:
                    start = stack[depth]
                    del stack[depth:]
                    pairs.append((start, i, stack[-1] if stack else -1))
                    break
    return sorted(p for p in pairs if p[0] == 0 or text[p[0] - 1].isspace() or text[p[0] - 1] in _OPEN)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _before(text: str, lo: int, end: int, short: str, s0: int, strict: bool = False) -> Candidate:
    """A "long form (SF)" candidate whose long form ends at `end`."""
    end = _strip(text, lo, end)[1]
    if end - lo > 1 and text[end - 1] in "'\"\u201d\u2019" and text[end - 2].isalpha():
        end -= 1  # a closing quote ends a quoted name, not the name: "'... membranes' (RAVE)"
    start = max(lo, end - _LOOKBACK_CHARS)
    cut = start > lo and not text[start - 1].isspace()
    return Candidate("before", short, text[start:end], strict, s0, start, cut)


def _bracket_candidates(text: str, open_i: int, close_i: int, outer: int) -> list[Candidate]:
    """In turn: "long form (SF)"; "long form (SF, remark)" or "(SF1 and SF2)"; "(long
    form, SF)"; "(SF, long form)" or "(SF = long form)"; "SF (long form)"."""
    lo = outer + 1
    c0, c1 = _strip(text, open_i + 1, close_i)
    if c0 == c1:
        return []
    inner, out = text[c0:c1], []
    if is_short_form(inner):
        out.append(_before(text, lo, open_i, inner, c0))
    first = re.match(r"[^\s,;]+(?=[,;]\s|\s+(?:and|or)\s)", inner)
    if first and is_short_form(first.group()) and not _members(text[lo:open_i], inner):
        # A short form picked out of a longer bracket is weaker evidence.
        out.append(_before(text, lo, open_i, first.group(), c0, strict=True))
    last = re.fullmatch(r"(.+),\s+(\S+)", inner)
    if last and is_short_form(last.group(2)):
        out.append(_before(text, c0, c0 + last.end(1), last.group(2), c0 + last.start(2)))
    # "(SF, long form)" holds one long form: a comma after it starts a list instead.
    lead = re.match(r"([^\s,;:=]+)\s*(?:,|=|:)\s+([^;,]+?)\s*(?:;|$)", inner)
    if lead and is_short_form(lead.group(1)) and re.search(r"[a-z]{3}", lead.group(2)):
        out.append(Candidate("inside", lead.group(1), lead.group(2), False, c0, c0 + lead.start(2)))
    after = _after(text, lo, open_i, c0, c1)
    return out + after


# A plural noun ending a phrase: "subunits", "proteins" (not "mass", "virus", "analysis").
_PLURAL_END = re.compile(r"[a-z]{2}[^sui]s\s*$")


def _members(before: str, inner: str) -> bool:
    """Does the bracket list the members of the class named before it ("three of the OT
    subunits (Ost4p, Ost3p, and Stt3p)")? Then no item abbreviates that name. Numbered
    variants of one symbol are the class itself, each an abbreviation of it ("upstream open
    reading frames (uORF1 and uORF2)"); symbols with different letters are its members."""
    if not _PLURAL_END.search(before):
        return False
    items = [item for item in re.split(r"\s*(?:,|;|\band\b|\bor\b)\s*", inner) if item]
    if not all(is_short_form(item) for item in items):
        return False  # "(HSPs, reviewed in ...)": a short form and a remark
    return len({re.sub(r"[\d\W_]+", "", item).lower() for item in items}) > 1


def _after(text: str, lo: int, open_i: int, c0: int, c1: int) -> list[Candidate]:
    """"SF (long form)": the token before the bracket is the short form (or its last
    hyphen/slash part: "alpha/beta-SNAP (Soluble NSF Attachment Protein)"), the bracket
    holds the long form (from its start, after an optional "for" or quote)."""
    lo = max(lo, open_i - _LOOKBACK_CHARS)
    m = re.search(r"(\S+)\s+$", text[lo:open_i])
    if not m:
        return []
    lead = re.match(r"(?:for\s+)?[\"'\u201c]?", text[c0:c1])
    l0 = c0 + lead.end()
    l1 = _strip(text, l0, c0 + (re.search(r";|$", text[c0:c1]).start()))[1]
    long = text[l0:l1]
    # A long form is made of words: "PDZ (PSD95/Dlg/ZO-1)" lists symbols instead.
    if not re.search(r"[a-z]{3}", long):
        return []
    s1, out = lo + m.end(1), []
    part = _last_part(m.group(1))
    for s0 in (lo + m.start(1), lo + m.start(1) + part) if part else (lo + m.start(1),):
        short = text[s0:s1]
        if is_short_form(short) and re.search(r"[A-Z0-9]", short) and short not in CLAUSE_WORDS:
            out.append(Candidate("inside", short, long, False, s0, l0))
    return out


def _last_part(token: str) -> int:
    cut = max(token.rfind("-"), token.rfind("/"))
    return cut + 1 if 0 < cut < len(token) - 2 else 0
