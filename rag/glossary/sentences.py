"""Sentences of a several-sentence abbreviation question that ask no term of their own, or add one.

rag/glossary/questions.py reads such a question sentence by sentence, and every sentence that asks must ask a
term. These say which sentences ask nothing more than the others: a half-remembered expansion ("radio something
therapy?"), a yes/no guess at the expansion of a term another sentence asks to define ("is RE here radiofrequency
something? or what is RE in the figure"), and which add a term ("and PVL? ALPPS too pls").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from rag.core.text import zipf
from rag.glossary.comparisons import GUESS
from rag.glossary.frames import CONJUNCTION
from rag.glossary.keys import short_key
from rag.glossary.named import is_abbreviation
from rag.glossary.standard import standard_frame

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["HALF_GUESS", "added_term", "guess_at"]

# A half-remembered expansion offered as a sentence of its own: "radio something therapy?"
HALF_GUESS = re.compile(r"^\s*(?:(?:or|maybe|like|is\s+it|it'?s)\s+)?(?:[\w-]+\s+){0,3}(?:something|whatever|sth|smth)"
                         r"(?:\s+[\w-]+){0,3}\s*[?.!]*\s*$", re.IGNORECASE)


# A term added as a sentence of its own: "ALPPS too pls", "and RE as well"
_ADDED = re.compile(r"^\s*(?:(?:and|also|plus)\s+)?(?P<t>\S+)\s+(?:too|as\s+well|also)(?:\s+(?:pls|please|plz))?\s*[?.!]*\s*$", re.I)


def added_term(sentence: str, glossary: Glossary) -> tuple[str, ...]:
    m = _ADDED.match(sentence)
    return (m.group("t"),) if m and is_abbreviation(m.group("t"), glossary) else ()


_VAGUE = re.compile(r"\b(?:something|sth|smth|whatever|thing|stuff)\b", re.IGNORECASE)  # "radiofrequency something"


def guess_at(sentence: str, found: set[str], glossary: Glossary, clean: Callable[[str, Glossary], str]) -> bool:
    """Is the sentence a guess at the expansion of a term another sentence asks to define ("is RE here
    radiofrequency something?")? Technical words or a placeholder make it a guess; "is TACE safe?" asks more."""
    text = CONJUNCTION.sub("", standard_frame(sentence, glossary))
    for pattern in GUESS:
        m = pattern.fullmatch(text)
        if m and short_key(clean(m.group("t"), glossary)) in found:
            guess = m.group("guess")
            words = [w for w in re.findall(r"[^\W\d_]{4,}", guess.lower()) if not _VAGUE.fullmatch(w)]
            return bool(_VAGUE.search(guess)) or bool(words) and all(zipf(w) < 4.5 for w in words)
    return False
