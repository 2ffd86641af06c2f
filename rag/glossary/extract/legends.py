"""Legend-style glossaries, as in figure captions and abbreviation lists.

In: any text. Out: `Abbreviation` values for items like "TACE, transarterial
chemoembolization; TAE, transarterial embolization" (also with ":" or "="), each checked by
the letter rules of rag/glossary/extract/rules.py from the long form's first word (a
quantity's symbol, "Cmax, maximum concentration", by rag/glossary/extract/parameters.py). It does
not read parenthetical definitions (rag/glossary/extract/pairs.py does).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from rag.glossary.extract.parameters import read_parameter
from rag.glossary.extract.rules import RuleOrders, find_long_form, max_long_words
from rag.glossary.extract.shortform import is_short_form
from rag.glossary.extract.types import Abbreviation

# A legend item: a short form, a separator (",", ":" or "="), then its long form up to
# ";", ",", ".", a closing bracket or a line end. A lookahead, so that items may be tried
# at every token.
_LEGEND_ITEM = re.compile(
    r"(?:^|(?<=[\s;,.(]))(?=(?P<short>[^\s,;:=]{1,15})[ \t]*[,:=][ \t]+"
    r"(?P<long>[^;,.\n()]{1,200}?)[ \t]*(?:[;,.\n)]|$))"
)
_LEGEND_HEAD = re.compile(r"(?i)abbreviations?\s*(?:used)?(?:\s+\w+){0,3}\s*:\s*$")


def find_legends(text: str, orders: RuleOrders | None = None) -> list[Abbreviation]:
    """Glossaries like "TACE, transarterial chemoembolization; TAE, ...".

    An item counts only if its long form spells the short form out from its first word,
    and only inside a run of at least two such items or right after "Abbreviations:"
    ("Abbreviations used in this paper:"), so prose such as "Overall, liver surgery, ..."
    is ignored. A comma may stand where a semicolon belongs ("PPRT, peptide receptor
    radionuclide therapy, OLT, ...").
    """
    shaped = []
    for m in _LEGEND_ITEM.finditer(text):
        short, long = m.group("short"), m.group("long")
        # A quantity's symbol ("t1/2, half-life") is read by its notation, whatever its case.
        notation = is_short_form(short) and read_parameter(short, long) == (0, len(long))
        if not notation and (not is_short_form(short) or not any(c.isupper() for c in short)):
            continue
        if not notation and len(long.split()) > max_long_words(short):
            continue
        shaped.append((Abbreviation(short, long, m.start("short"), m.end("short"), m.start("long"), m.end("long")),
                       notation))
    # Prose holds many "Word, ..." items and few legends: only an item next to another or after a heading can be
    # kept, so only such items are aligned (the letter rules are most of the extractor's time).
    starts = sorted((item.short_start, k) for k, (item, _) in enumerate(shaped))
    ends = sorted((item.long_end, k) for k, (item, _) in enumerate(shaped))
    items = [item for item, notation in shaped
             if (_next_to(text, item, shaped, starts, ends)
                 or _LEGEND_HEAD.search(text, max(0, item.short_start - 60), item.short_start))
             and (notation or find_long_form(item.short, item.long, anchored=True, orders=orders) is not None)]
    out = []
    for i, item in enumerate(items):
        near_prev = i > 0 and _adjacent(text, items[i - 1], item)
        near_next = i + 1 < len(items) and _adjacent(text, item, items[i + 1])
        headed = _LEGEND_HEAD.search(text, max(0, item.short_start - 60), item.short_start)
        if near_prev or near_next or headed:
            out.append(item)
    return out


def _next_to(text: str, item: Abbreviation, shaped: list[tuple[Abbreviation, bool]],
             starts: list[tuple[int, int]], ends: list[tuple[int, int]]) -> bool:
    """Is another shaped item right after or right before `item` (only punctuation and an "and" between)?"""
    k = bisect_left(starts, (item.long_end, -1))
    if k < len(starts) and _adjacent(text, item, shaped[starts[k][1]][0]):
        return True
    k = bisect_right(ends, (item.short_start, len(shaped))) - 1
    return k >= 0 and _adjacent(text, shaped[ends[k][1]][0], item)


def _adjacent(text: str, first: Abbreviation, second: Abbreviation) -> bool:
    # The last item of a list may follow "and": "OS, overall survival, and PFS, ...".
    gap = text[first.long_end : second.short_start]
    return bool(re.fullmatch(r"[ \t]*[;,.][ \t]*(?:and[ \t]+)?", gap))
