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
from rag.glossary.tails import COURTESY_TAIL

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["HALF_GUESS", "added_form", "added_term", "guess_at"]

# A half-remembered expansion offered as a sentence of its own: "radio something therapy?"
HALF_GUESS = re.compile(r"^\s*(?:(?:or|maybe|like|is\s+it|it'?s)\s+)?(?:[\w-]+\s+){0,3}(?:something|whatever|sth|smth)"
                         r"(?:\s+[\w-]+){0,3}\s*[?.!]*\s*$", re.IGNORECASE)


# A term added as a sentence of its own: "ALPPS too pls", "and RE as well", "also SA"
_ADDED = re.compile(r"(?:(?:and|also|plus)\s+)?(?P<t>\S+)\s+(?:too|as\s+well|also)|(?:and|also|plus)\s+(?P<u>\S+)", re.I)


def added_form(sentence: str) -> str:
    """The word a sentence of its own adds ("ALPPS too pls" -> "ALPPS"), or ""; whether it is a term is the caller's
    to say (a follow-up's reader checks it against the glossary later)."""
    m = _ADDED.fullmatch(COURTESY_TAIL.sub("", sentence.strip().rstrip("?.! ")).strip())
    return (m.group("t") or m.group("u")) if m else ""


def added_term(sentence: str, glossary: Glossary) -> tuple[str, ...]:
    """`added_form`, when it is a short form."""
    form = added_form(sentence)
    return (form,) if form and is_abbreviation(form, glossary) else ()


_VAGUE = re.compile(r"\b(?:something|sth|smth|whatever|thing|stuff)\b", re.IGNORECASE)  # "radiofrequency something"


def guess_at(sentence: str, found: set[str], glossary: Glossary, clean: Callable[[str, Glossary], str]) -> bool:
    """Is the sentence a guess at the expansion of a term another sentence asks to define ("is RE here
    radiofrequency something?")? Technical words or a placeholder make it a guess; "is TACE safe?" asks more."""
    text = CONJUNCTION.sub("", standard_frame(sentence, glossary))
    for pattern in GUESS:
        m = pattern.fullmatch(text)
        # (a pointer is the one term the other sentence asks: "What is OLT? Is that just another word for a transplant?")
        pointer = m.group("t").lower() in ("that", "it", "this") and len(found) == 1 if m else False
        if m and (pointer or short_key(clean(m.group("t"), glossary)) in found):
            guess = m.group("guess")
            words = [w for w in re.findall(r"[^\W\d_]{4,}", guess.lower()) if not _VAGUE.fullmatch(w)]
            return bool(_VAGUE.search(guess)) or bool(words) and all(zipf(w) < 4.5 for w in words)
    return False
