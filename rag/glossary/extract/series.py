"""Single-letter short forms defined in a series: "the large (L), middle (M) and small (S)".

In: the text and the one-character "long form (SF)" candidates no rule accepted, each with
the word before its bracket. Out: `Abbreviation` values for those that belong to a series.

Alone, a bracketed letter after a word with that initial is weak evidence: list markers
("(a)", "(i)"), variables and figure panels sit in brackets too, and one word in fifteen
opens with any given letter, so the letter rules for single characters fall below the
pseudo-precision bar (rules_data.py). A series is another matter: two or more bracketed
letters coordinated by commas, "and" or "or", each the initial of the single word before
it, rarely happen by chance (the chance squares), and authors write them to name the members of a set
("tumour (T), node (N) and metastasis (M)"). Letters that run on in the alphabet ("(a)",
"(b)", "(c)") are an enumeration, not a series of names, and are left out. It does not
read a letter defined alone ("time (t)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.core.text import FUNCTION_WORDS
from rag.glossary.extract.types import Abbreviation

@dataclass(frozen=True)
class Letter:
    """A bracketed single letter and the word just before its bracket."""

    short: str
    short_start: int
    word: str
    word_start: int


def letter_of(short: str, context: str, context_start: int, short_start: int) -> Letter | None:
    """The `Letter` if `short` is one letter and the word that ends `context` opens with
    it (a word of three letters or more, not a function word), else None."""
    if len(short) != 1 or not short.isalpha():
        return None
    m = re.search(r"(?<!\S)([A-Za-z][a-z]{2,}(?:-[a-z]+)?)\s*$", context)
    if not m or m.group(1).lower() in FUNCTION_WORDS or m.group(1)[0].lower() != short.lower():
        return None
    return Letter(short, short_start, m.group(1), context_start + m.start(1))


def letter_series(text: str, letters: list[Letter]) -> list[Abbreviation]:
    """The letters coordinated with a neighbour (see `_same_series`), in a group of two or
    more whose letters do not run on in the alphabet."""
    groups: list[list[Letter]] = []
    for letter in sorted(letters, key=lambda x: x.short_start):
        prev = groups[-1][-1] if groups else None
        if prev and _same_series(text, prev, letter):
            groups[-1].append(letter)
        else:
            groups.append([letter])
    out = []
    for group in groups:
        if len(group) < 2 or _enumeration([x.short for x in group]):
            continue
        for x in group:
            end = x.word_start + len(x.word)
            out.append(Abbreviation(x.short, x.word, x.short_start, x.short_start + 1, x.word_start, end))
    return out


def _same_series(text: str, first: Letter, second: Letter) -> bool:
    """Are the two coordinated: only a comma, "and" or "or" between the first's bracket and
    the second's word ("large (L), middle (M) and small (S)")? Words between them make one
    name instead ("human (h) Upf1 protein (p)")."""
    between = text[first.short_start + 1 : second.word_start]
    return bool(re.fullmatch(r"[)\]][ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?", between))


def _enumeration(shorts: list[str]) -> bool:
    """Do the letters run on in the alphabet ("a", "b", "c")?"""
    codes = [ord(s.lower()) for s in shorts]
    return all(b == a + 1 for a, b in zip(codes, codes[1:]))
