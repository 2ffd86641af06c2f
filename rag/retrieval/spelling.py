"""Typos in a question -> the word they were meant to be.

"resecton", "metastatis", "neuroendocrin": a word English does not know (general-English
Zipf frequency below 1, wordfreq) and the review does not use, one or two edits away from a
word the review does use, was meant to be that word. Failing that, a lower-case word one
edit (a transposition counts as one) from a common English word ("referecne", "abbreviaiton",
"publisehd") was meant to be that word: the words that frame a question ("reference",
"published", "meaning") are not the review's, but the router reads them. So is a rare word
that a common one outweighs a thousandfold ("intrest", "refrence": a web-text frequency list
has seen the common slips too, `SLIP_MARGIN`). A naive English
speller turns "resectable" into "respectable", "mets" into "sets" and "alpps" into "apps"; here
a word the review knows, or English uses with some frequency, is never touched, and a capitalised word (a name) is only
ever matched to the review's own words.

A compound written open that the review writes closed up ("neuro-endocrine", "neuro endocrine") is that word too,
when the closed-up word is a technical one (rarer in English than `TECHNICAL_ZIPF`): "over all" stays two words.
Corrections are offered as aliases (typo, intended word), like lay words, and `read` writes
them into the question before it is routed; they never change what is quoted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from rag.core.text import zipf

_WORD = re.compile(r"[A-Za-z][a-z]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9-]*")  # "panNEN", "SI-NEN", "IFNa" as they are written
_COMPOUND = re.compile(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w-])")  # "neuro-endocrine" written open
_OPEN_PAIR = re.compile(r"(?<![\w-])(?=([A-Za-z]{3,}) ([A-Za-z]{3,})(?![\w-]))")  # "neuro endocrine", pairs overlapping
TECHNICAL_ZIPF = 3.5  # the answer gate's rare-word cut (rag/answer/gate.py): a word that carries a question
MIN_LENGTH = 5  # shorter words are too often other words one edit away
UNKNOWN_ZIPF = 1.0  # English has (almost) never seen the word
# A web-text frequency list has seen the common misspellings too ("intrest" 1.9, "refrence" 1.6).
# By the noisy-channel reading a typed word is a slip of its one-edit neighbour when the
# neighbour is so much more frequent that one slip per thousand words, or so, still explains the
# typed word better than the word itself: 3 Zipf points is a factor of 1,000. Only words rarer
# than RARE_ZIPF are weighed so, so that no real word of some use is ever rewritten.
RARE_ZIPF = 2.5
SLIP_MARGIN = 3.0
COMMON_ZIPF = 3.0  # an English word common enough (once per million words) to be the one meant
ENGLISH_MIN_LENGTH = 6  # a shorter unknown word is as likely an abbreviation or a name as a typo...
# ...unless it is a longer common word with one letter dropped ("spred", "comon", "befor"): a dropped letter
# is the commonest slip, and a five-letter word plus a letter is a six-letter word, so a short medical word
# that a letter replaced would make common ("ileal", "ideal") is still never touched.
DROPPED_MIN_LENGTH = 5


@lru_cache(maxsize=1)
def _common_english() -> tuple[dict[str, int], str]:
    """Common English words with their frequency rank (most frequent first), and the letters they are spelt with."""
    from wordfreq import top_n_list, zipf_frequency

    ranked = top_n_list("en", 40_000)  # most frequent first
    lo, hi = 0, len(ranked)
    while lo < hi:  # the first word rarer than COMMON_ZIPF
        mid = (lo + hi) // 2
        lo, hi = (mid + 1, hi) if zipf_frequency(ranked[mid], "en") >= COMMON_ZIPF else (lo, mid)
    words = [w for w in ranked[:lo] if w.isalpha() and len(w) >= ENGLISH_MIN_LENGTH - 1]
    return {w: i for i, w in enumerate(words)}, "".join(sorted({c for w in words for c in w}))


def _one_edit(word: str, letters: str) -> set[str]:
    """Every string one edit from `word`: a letter dropped, two neighbours swapped, one replaced or one added
    (the optimal-string-alignment distance 1). A few hundred set lookups find a typo's common neighbours, where
    comparing it with each common word took ~0.6 ms."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters})


def _with_one_more(word: str, letters: str) -> set[str]:
    """Every string `word` would be with one letter put back."""
    return {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}


def _english_near(low: str, seen: float = 0.0) -> str | None:
    """The common English word one edit from `low` (the shortest, then the most frequent), when `low` is
    unknown (`seen` 0) or that word outweighs it by SLIP_MARGIN. A word shorter than ENGLISH_MIN_LENGTH
    is only read as a common word with a letter dropped."""
    rank, letters = _common_english()
    edits = _one_edit(low, letters) if len(low) >= ENGLISH_MIN_LENGTH else _with_one_more(low, letters)
    close = [w for w in edits if w in rank and w != low]
    best = min(close, key=lambda w: (len(w), rank[w]), default=None)
    if best and seen >= UNKNOWN_ZIPF and zipf(best) - seen < SLIP_MARGIN:
        return None
    return best


class Speller:
    """Built once per index from its texts; `corrections` is then pure."""

    def __init__(self, texts: Iterable[str], terms: Iterable[str] = ()) -> None:
        """`texts`: the index's units; `terms`: the glossary's short forms ("panNEN", "SIRT"),
        which are never corrected, however they are typed ("pannen")."""
        texts = list(texts)
        self.vocabulary = sorted({w.lower() for text in texts for w in _WORD.findall(text) if len(w) >= MIN_LENGTH - 1})
        tokens = {w.lower() for text in [*texts, *terms] for w in _TOKEN.findall(text)}
        self._known = frozenset(self.vocabulary) | tokens | {part for t in tokens for part in t.split("-")}
        self._words = frozenset(self.vocabulary)
        self._cache: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The review word `word` was meant to be, or None."""
        low = word.lower()
        if word in self._cache:  # keyed as written: a capitalised word is only matched to the review's words
            return self._cache[word]
        found = None
        seen = zipf(low) if len(low) >= MIN_LENGTH and low not in self._known else RARE_ZIPF
        if seen < UNKNOWN_ZIPF:
            limit = 1 if len(low) < 8 else 2
            best = process.extractOne(low, self.vocabulary, scorer=OSA.distance, score_cutoff=limit)
            found = best[0] if best else None
        if not found and seen < RARE_ZIPF and word.islower() and len(low) >= DROPPED_MIN_LENGTH:
            found = _english_near(low, seen)
        if len(self._cache) < 100_000:
            self._cache[word] = found
        return found

    def read(self, text: str) -> str:
        """`text` with each correctable word written as the word meant: "Who wrote referecne 1?"
        -> "Who wrote reference 1?"."""
        fixed = dict(self.corrections(text))
        if not fixed:
            return text
        text = _COMPOUND.sub(lambda m: fixed.get(m.group(0), m.group(0)), text)
        for written, closed in fixed.items():
            if " " in written:
                text = text.replace(written, closed)
        return _WORD.sub(lambda m: fixed.get(m.group(0), m.group(0)), text)

    def closed_up(self, compound: str) -> str | None:
        """The review's word a hyphenated compound writes open ("neuro-endocrine" -> "neuroendocrine"), or None."""
        joined = compound.replace("-", "").lower()
        return joined if joined in self._words and compound.lower() not in self._known else None

    def corrections(self, text: str) -> list[tuple[str, str]]:
        """(typo in `text`, the review's word) for every correctable word, and for every compound the
        review writes closed up."""
        out = [(c, closed) for c in dict.fromkeys(_COMPOUND.findall(text)) if (closed := self.closed_up(c))]
        for pair in dict.fromkeys(f"{a} {b}" for a, b in _OPEN_PAIR.findall(text)):
            closed = self.closed_up(pair.replace(" ", "-"))
            if closed and zipf(closed) < TECHNICAL_ZIPF:
                out.append((pair, closed))
        for word in dict.fromkeys(_WORD.findall(text)):
            fixed = self.correct(word)
            if fixed:
                out.append((word, fixed))
        return out
