"""The short forms a question names, and whether its words ask for their expansions.

In: a question and the glossary. Out: which tokens are short forms (`is_abbreviation`), which the
glossary holds (`short_forms_in`: what "what does that stand for?" may point back to), and which the
question's own words ask to be written out when no frame of rag/glossary/frames.py reads it
(`cued_forms`: "PVE and PVL - what are they short for?", "expand PVE, PVL and ALPPS"). Split from
rag/glossary/questions.py, which reads the frames.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.core.text import STOP_WORDS
from rag.glossary.frames import FORM_CUE, QUOTES
from rag.glossary.keys import short_key, typed_as_word, typing_slip

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["cued_forms", "is_abbreviation", "short_forms_in"]


def cued_forms(question: str, glossary: Glossary) -> tuple[str, ...]:
    """The known short forms of a question no frame parses but whose words ask about a form
    (`FORM_CUE`): "PVE and PVL - what are they short for?" -> ("PVE", "PVL"). Only terms the glossary
    holds as typed (or a variant) count: a slip is no evidence where no frame vouches for a term."""
    forms = short_forms_in(question, glossary)
    if not forms or FORM_CUE.search(question):
        return forms
    # "expand" and "expansion" have other senses ("the remnant's expansion after PVE"), so they ask for
    # a form only with the short forms as their object or subject: "the expansion of 'SA'", "expand PVE,
    # PVL and ALPPS", "ALPPS expanded", "ALPPS in full"
    named = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    listed = rf"[{QUOTES}]*{named}[{QUOTES}]*(?:\s*(?:,|and|&|/|or)\s*(?:and\s+)?[{QUOTES}]*{named}[{QUOTES}]*)*"
    asked = [m.group("l") for pattern in (_EXPANSION_OF, _EXPANDED) for m in re.finditer(pattern.format(l=listed), question, re.I)]
    return tuple(f for f in forms if any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", a) for a in asked))


# A short form after an article or an auxiliary is a thing that grows ("the expansion of the FLR",
# "has the FLR expanded by 30%?"); one named bare is a written form ("expansion of NELM").
_EXPANSION_OF = (r"\bexpan(?:d|sions?)\s+(?:(?:of|for)\s+)?(?:the\s+(?:abbreviations?|acronyms?|terms?)\s+)?"
                 r"(?P<l>{l})")
_EXPANDED = (r"(?<!\bthe\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bwill\s)(?P<l>{l})\s+"
             r"(?:expanded|in\s+full)\b(?!\s+(?:by|after|to|from|more|less|enough|sufficiently|well)\b)")


def short_forms_in(text: str, glossary: Glossary) -> tuple[str, ...]:
    """The short forms the glossary holds (as typed, or a variant) that `text` names, in order:
    what a pointer in the next turn ("what does that stand for?") may point back to."""
    found: dict[str, str] = {}
    for raw in _TOKEN.findall(text):
        word = raw.strip(QUOTES + "-")
        if word and glossary.lookup(word).match_kind in ("exact", "variant") and is_abbreviation(word, glossary):
            found.setdefault(short_key(word), word)
    return tuple(found.values())


# A token as a short form may be typed: letters and digits, joined by hyphens ("SI-NEN", "IFN-α").
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def is_abbreviation(term: str, glossary: Glossary) -> bool:
    """A short form the glossary knows, or a token only an abbreviation could be.

    Typed like an English word ("tace", "re", "Who"; a digit, as in "g3", rules that out), a
    term counts only when it cannot be the word: >= 3 characters, no stop word, and a known short form or a `typing_slip` of one of
    >= 4 letters ("allps"; not "tea" for TAE, not "tale" or "alps", which are words).
    """
    lookup = glossary.lookup(term)
    if typed_as_word(term) and not any(c.isdigit() for c in term):  # "g3", "ki-67" are no words
        key = short_key(term)
        if len(key) < 3 or term.casefold() in STOP_WORDS:
            return False
        if lookup.match_kind in ("exact", "variant"):
            return True
        return (len(key) >= 4 and lookup.match_kind == "fuzzy"
                and any(typing_slip(key, short_key(s)) for s in lookup.did_you_mean))
    if lookup.match_kind in ("exact", "variant"):
        return True
    return " " not in term and len(term) <= 12 and sum(c.isupper() for c in term) >= 2
