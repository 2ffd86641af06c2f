"""Legend-style glossaries, as in figure captions and abbreviation lists.

In: any text. Out: `Abbreviation` values for items like "TACE, transarterial
chemoembolization; TAE, transarterial embolization" (also with ":" or "="), each checked by
the letter rules of rag/glossary/extract/rules.py from the long form's first word (a
quantity's symbol, "Cmax, maximum concentration", by rag/glossary/extract/parameters.py). It does
not read parenthetical definitions (rag/glossary/extract/pairs.py does).
"""

from __future__ import annotations

import re

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
    items = []
    for m in _LEGEND_ITEM.finditer(text):
        short, long = m.group("short"), m.group("long")
        # A quantity's symbol ("t1/2, half-life") is read by its notation, whatever its case.
        notation = is_short_form(short) and read_parameter(short, long) == (0, len(long))
        if not notation and (not is_short_form(short) or not any(c.isupper() for c in short)):
            continue
        if not notation and len(long.split()) > max_long_words(short):
            continue
        if not notation and find_long_form(short, long, anchored=True, orders=orders) is None:
            continue
        items.append(Abbreviation(short, long, m.start("short"), m.end("short"),
                                  m.start("long"), m.end("long")))
    out = []
    for i, item in enumerate(items):
        near_prev = i > 0 and _adjacent(text, items[i - 1], item)
        near_next = i + 1 < len(items) and _adjacent(text, item, items[i + 1])
        headed = _LEGEND_HEAD.search(text, max(0, item.short_start - 60), item.short_start)
        if near_prev or near_next or headed:
            out.append(item)
    return out


def _adjacent(text: str, first: Abbreviation, second: Abbreviation) -> bool:
    # The last item of a list may follow "and": "OS, overall survival, and PFS, ...".
    gap = text[first.long_end : second.short_start]
    return bool(re.fullmatch(r"[ \t]*[;,.][ \t]*(?:and[ \t]+)?", gap))
