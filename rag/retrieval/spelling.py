"""Typos in a question -> the review's own word they were meant to be.

"resecton", "metastatis", "neuroendocrin": a word English does not know (general-English
Zipf frequency below 1, wordfreq) and the review does not use, one or two edits away from a
word the review does use, was meant to be that word. The correction only ever points at the
review's vocabulary (its units and its glossary), never at general English: a naive English
speller turns "resectable" into "respectable", "mets" into "sets" and "alpps" into "apps".
Corrections are offered as aliases (typo, intended word), like lay words: they add search
terms and let the answerer count the word as matched; they never change what is quoted.
"""

from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from rag.core.text import zipf

_WORD = re.compile(r"[A-Za-z][a-z]+")
MIN_LENGTH = 5  # shorter words are too often other words one edit away
UNKNOWN_ZIPF = 1.0  # English has (almost) never seen the word


class Speller:
    """Built once per index from its texts; `corrections` is then pure."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.vocabulary = sorted({w.lower() for text in texts for w in _WORD.findall(text) if len(w) >= MIN_LENGTH - 1})
        self._known = frozenset(self.vocabulary)
        self._cache: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The review word `word` was meant to be, or None."""
        low = word.lower()
        if low in self._cache:
            return self._cache[low]
        found = None
        if len(low) >= MIN_LENGTH and low not in self._known and zipf(low) < UNKNOWN_ZIPF:
            limit = 1 if len(low) < 8 else 2
            best = process.extractOne(low, self.vocabulary, scorer=OSA.distance, score_cutoff=limit)
            found = best[0] if best else None
        if len(self._cache) < 100_000:
            self._cache[low] = found
        return found

    def corrections(self, text: str) -> list[tuple[str, str]]:
        """(typo in `text`, the review's word) for every correctable word."""
        out = []
        for word in dict.fromkeys(_WORD.findall(text)):
            fixed = self.correct(word)
            if fixed:
                out.append((word, fixed))
        return out
