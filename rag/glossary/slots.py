"""What fills a glossary frame's slot: whether a guessed expansion is one the glossary knows, a short form typed as
a word, and the entry a slot opens with before an adjunct. Helpers of rag/glossary/questions.py, kept apart so
that module stays one reading of a question.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.core.text import STOP_WORDS, zipf
from rag.glossary.keys import long_words

if TYPE_CHECKING:
    from rag.glossary.store import Glossary


def guessed(guess: str, term: str, glossary: Glossary) -> bool:
    """Is `guess` a long form the glossary knows, a slip of `term`'s own ("pvl = portal vien ligation?"), or a
    partly right one? Alternatives offered are guesses each ("does OLT denote orthotopic or some other form of
    liver transplantation?")."""
    alternatives = [a for a in re.split(r",?\s+or\s+", guess) if a.strip()]
    if len(alternatives) > 1:
        return any(guessed(a, term, glossary) for a in alternatives)
    found = glossary.lookup(guess)
    if found.match_kind == "reverse":
        return True
    entries = glossary.lookup(term).matches
    own = {m.long.casefold() for m in entries}
    if found.match_kind == "fuzzy" and any(s.casefold() in own for s in found.did_you_mean):
        return True
    # a guess that gets most of the long form's words right, and whose other words are technical too, is a guess at
    # it ("NELM = neuroendocrine liver malignancy?"), answered by the definition that corrects it; everyday words
    # make it a claim ("OLT = liver transplant for everyone?")
    own_words = {w for m in entries for w in long_words(m.long)}
    said = [w for w in re.findall(r"[^\W\d_]+", guess.lower()) if len(w) >= 4]
    right = [w for w in said if long_words(w) and long_words(w)[0] in own_words]
    # A guess whose words' initials spell the short form is a guess at its expansion, right or wrong ("is SA surgical
    # ablation?"): that is what an acronym is.
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", guess.lower()))
    if len(initials) >= 2 and initials == "".join(c for c in term.lower() if c.isalpha()):
        return True
    # A bare noun phrase names a thing, whatever its other words ("open liver transplant"); a function word opens
    # something said about it ("for everyone").
    named = not any(w in STOP_WORDS for w in re.findall(r"[^\W\d_]+", guess.lower()))
    return bool(said) and len(right) * 2 >= len(said) and (named or all(zipf(w) < _EVERYDAY_ZIPF for w in said if w not in right))


_EVERYDAY_ZIPF = 4.5  # "everyone" 5.6, "patients" 4.7; "malignancy" 3.4


def entry_typed_low(term: str, glossary: Glossary) -> bool:
    """A short form the glossary holds, typed as a word ("sa", "re"), which alone may be the word."""
    found = glossary.lookup(term)
    return " " not in term and found.match_kind in ("exact", "variant") and any(
        m.short.casefold() == term.casefold() for m in found.matches[:1])


# Words that open an adjunct after a noun: a prepositional phrase or a relative clause.
_ADJUNCT = {"for", "in", "on", "from", "at", "to", "as", "that", "which", "when", "used", "written", "mentioned"}


def slot_head(term: str, glossary: Glossary) -> str | None:
    """The entry a slot opens with, when the rest is an adjunct: "OLT for my notes" -> "OLT".
    Only for a slot that is no entry itself, so "... portal vein ligation for staged
    hepatectomy" stays whole; the longest such opening wins."""
    if glossary.lookup(term).matches:
        return None
    words = term.split()
    for i in range(len(words) - 1, 0, -1):
        if words[i].casefold() in _ADJUNCT and glossary.lookup(" ".join(words[:i])).matches:
            return " ".join(words[:i])
    return None
