"""A part of a short form asked about inside it: "what does SI mean in SI-NEN", "what do the
S's in ALPPS refer to", "what's the 'P' bit of PVE".

The part is named, then the short form it belongs to; the question asks what the whole short
form stands for, whose long form holds the answer. A part counts only when its letters stand
in the short form in that order ("SI" in SI-NEN, "S" in ALPPS), so "what does DOI mean in the
citation" names no part of a term. In: a question in standard spelling (rag/glossary/standard.py)
and a lookup. Out: the short form, or "".
"""

from __future__ import annotations

import re
from typing import Callable

# The part: a letter or a few, quoted or not, perhaps as "letter(s)", "bit", "part" or a plural
# ("the S's"); then the verb of meaning, before or after the short form it is "in" or "of".
_MEANS = r"(?:stands?\s+for|means?|refers?\s+to|is\s+for)"
_PIECE = (r"(?:the\s+)?(?:(?:letters?|initials?)\s+)?['\"\u2018\u2019\u201c\u201d]?(?P<part>[A-Za-z]{1,4}?)"
          r"['\"\u2018\u2019\u201c\u201d]?(?:'s|\u2019s|s)?(?:\s+(?:bit|part|letter|letters))?")
_GUESSED = r"(?:stands?\s+for|means?|refers?\s+to|(?:short\s+)?for)\s+"  # "is the SI for small intestine"
_IN = r"\s+(?:in|of|from)\s+(?:the\s+(?:abbreviation|acronym|term|short\s+form)\s+)?['\"\u2018\u201c]?(?P<t>[^\s'\"\u2019\u201d?]+)"
PART_OF = [re.compile(p, re.IGNORECASE) for p in (
    r"what\s+(?:does|do|did|is|are|'s)\s+" + _PIECE + r"\s+" + _MEANS + _IN + r".*",
    r"what\s+(?:does|do|did)\s+" + _PIECE + _IN + r"['\"\u2019\u201d]?\s+" + _MEANS + r".*",
    r"what\s+(?:is|are|'s)\s+" + _PIECE + _IN + r"['\"\u2019\u201d]?(?:\s+for)?",
    # the short form named first: "panNEN, what does the 'pan' bit refer to?"
    r"(?:.*?\s)?['\"\u2018\u201c]?(?P<t>[^\s,:;'\"\u2019\u201d]+)['\"\u2019\u201d]?\s*(?:[,:;]|\s-+)\s*what\s+(?:does|do|did|is|are|'s)\s+"
    + _PIECE + r"\s+" + _MEANS + r"(?:\s+(?:here|there|in\s+it))?",
    # a guess at the part, to be confirmed: "is the SI in SI-NEN for small intestine?", "the report says SI-NEN,
    # is the SI for small intestine"; the whole short form's long form answers it, right or wrong
    r"(?:is|are|does|do)\s+" + _PIECE + _IN + r"['\"\u2019\u201d]?\s+" + _GUESSED + r".+",
    r"(?:.*?\s)?['\"\u2018\u201c]?(?P<t>[^\s,:;'\"\u2019\u201d]+)['\"\u2019\u201d]?\s*(?:[,:;]|\s-+)\s*(?:is|are|does|do)\s+"
    + _PIECE + r"\s+" + _GUESSED + r".+",
)]


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _in_order(part: str, whole: str) -> bool:
    it = iter(whole)
    return all(c in it for c in part)


def term_of_part(question: str, is_short_form: Callable[[str], bool]) -> str:
    """The short form whose part `question` asks about, or "" (see the module docstring)."""
    text = question.strip().rstrip("?.! ")
    for pattern in PART_OF:
        m = pattern.fullmatch(text)
        if not m:
            continue
        part, whole = _letters(m.group("part")), _letters(m.group("t"))
        # a part that is a short form of its own names that term unless it is written inside the other ("NEN" in
        # SI-NEN): "TACE - what is TAE stand for" asks TAE, though its letters stand in TACE in order
        if is_short_form(m.group("t")) and _in_order(part, whole) and (part in whole or not is_short_form(m.group("part"))):
            return m.group("t")
    return ""
