"""Filter-as-you-type over the glossary, for the app's sidebar search box.

In: a `Glossary` (rag/glossary/store.py) and whatever the user has typed so far ("tace", "liver",
"embolisation", "transplantaton"). Out: `filter_entries(glossary, text, limit)`, a ranked list
of `GlossaryEntry` values from both lists, review-defined and supplementary.

Unlike `Glossary.lookup`, which answers one finished question and never guesses, a filter must
show something sensible after every keystroke, so it ranks partial and misspelt matches too:

  tier 0, the short form (or a spelling variant) equals, starts with or contains the text
          ("NET" finds NET, then PanNET and ENETS);
  tier 1, the other direction: a word of the long form starts with the text ("liver" finds
          NELM, OLT, ALPPS, ...); from three characters on, so does a part of a compound word
          whose rest is itself a word of the glossary ("emb" finds TACE: "chemoembolization" is
          "chemo" + "embolization", a word of TAE's long form; "net" never finds "magnetic");
          from four characters on, the long form contains it anywhere;
  tier 2, typo-tolerant matches (rapidfuzz): a short form within one edit of the text (two
          for longer ones; a swap counts once, so "TCAE" finds TACE), or a long form
          whose words (or best-aligned part) are >= 85% similar ("embolisaton" finds TAE,
          TACE, PVE).

Within a tier review-defined entries come first, then supplementary ones; within those the
closer match first, then alphabetical. An exact supplementary hit ("NET") therefore still
outranks a mere typo-neighbour from the review ("NEN"), which is what a reader typing "NET"
wants. Supplementary entries are not relabelled here: the app shows their `source`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from rag.core.errors import InvalidQuestionError
from rag.glossary.keys import fold, short_key
from rag.glossary.types import GlossaryEntry

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["filter_entries", "MAX_FILTER_CHARS"]

MAX_FILTER_CHARS = 200  # a search box, not a question: longer input is a paste by mistake
_LONG_FUZZY_CUTOFF = 85.0
_MIN_FUZZY_CHARS = 3
_MIN_PART_CHARS = 3
_WORD = re.compile(r"[^\W_]+")


def filter_entries(glossary: "Glossary", text: str, limit: int = 30) -> list[GlossaryEntry]:
    """Entries matching `text` (see the module docstring for the ranking), at most `limit`.

    Empty text lists everything: review entries in the order the review defines them, then
    supplementary ones alphabetically, so the box doubles as a browsable glossary.
    """
    if not isinstance(text, str):
        raise InvalidQuestionError(f"glossary filter text must be a string, was: {type(text).__name__}")
    if not 1 <= limit <= 1000:
        raise InvalidQuestionError(f"limit must be between 1 and 1000, was: {limit}")
    query = " ".join(text.split())[:MAX_FILTER_CHARS]
    if not query:
        extra = sorted(glossary.supplementary, key=lambda e: fold(e.short))
        return (list(glossary.entries) + extra)[:limit]
    ranked = []
    vocabulary = {w for e in (*glossary.entries, *glossary.supplementary) for w in _WORD.findall(fold(e.long))}
    for source_rank, group in enumerate((glossary.entries, glossary.supplementary)):
        for order, entry in enumerate(group):
            found = _score(entry, query, vocabulary)
            if found is not None:
                tier, closeness = found
                ranked.append(((tier, source_rank, -closeness, fold(entry.short), order), entry))
    ranked.sort(key=lambda pair: pair[0])
    return [entry for _, entry in ranked[:limit]]


def _score(entry: GlossaryEntry, query: str, vocabulary: set[str]) -> tuple[int, float] | None:
    """(tier, closeness 0..100) for one entry, or None when it does not match at all;
    `vocabulary`, the glossary's long-form words, tells where a compound word splits."""
    key = short_key(query)
    folded = fold(query)
    shorts = [short_key(s) for s in (entry.short, *entry.variants)]
    long_folded = fold(entry.long)
    if key:
        if key in shorts:
            return 0, 100.0
        if any(s.startswith(key) for s in shorts):
            return 0, 95.0
        if len(key) >= 2 and any(key in s for s in shorts):
            return 0, 90.0
    words = long_folded.replace("-", " ").split()
    if any(word.startswith(folded) for word in words) or long_folded.startswith(folded):
        return 1, 90.0 if long_folded.startswith(folded) else 85.0
    parts = _compound_parts(long_folded, vocabulary) if len(folded) >= _MIN_PART_CHARS else []
    if any(part.startswith(folded) for part in parts):
        return 1, 82.0
    # Anywhere inside a word only from 4 characters on: "net" must not find "magnetic".
    if len(folded) >= 4 and folded in long_folded:
        return 1, 80.0
    return _fuzzy(shorts, long_folded, key, folded)


def _compound_parts(long_folded: str, words: set[str]) -> list[str]:
    """The later parts of compound words: "chemoembolization" -> ["embolization"] when
    "embolization" is a word of the glossary on its own."""
    return [word[i:] for word in _WORD.findall(long_folded)
            for i in range(1, len(word) - _MIN_PART_CHARS + 1) if word[i:] in words]


def _fuzzy(shorts: list[str], long_folded: str, key: str, folded: str) -> tuple[int, float] | None:
    best = None
    if len(key) >= _MIN_FUZZY_CHARS and " " not in folded:
        allowed = 1 if len(key) <= 5 else 2
        distance = min(OSA.distance(key, s) for s in shorts)
        if distance <= allowed:
            best = 100.0 - 10.0 * distance
    if len(folded) >= 4:
        # Word by word: every typed word is close to some word of the long form, so two slips
        # in one word ("embolisaton" for "embolization", ratio 87) still match. partial_ratio
        # aligns the whole text with the best-matching part ("transplantaton" in "orthotopic
        # liver transplantation", 93), which catches a slip that splits or joins words.
        similarity = max(_word_similarity(folded, long_folded), fuzz.partial_ratio(folded, long_folded))
        if similarity >= _LONG_FUZZY_CUTOFF:
            best = max(best or 0.0, similarity)
    return None if best is None else (2, best)


def _word_similarity(folded: str, long_folded: str) -> float:
    """Mean over the typed words of their best fuzz.ratio against a word of the long form;
    0 when any typed word has no partner of at least 80 (a short word must be a prefix)."""
    typed, words = _WORD.findall(folded), _WORD.findall(long_folded)
    if not typed or not words:
        return 0.0
    scores = []
    for t in typed:
        if len(t) < 4:
            score = 100.0 if any(w.startswith(t) for w in words) else 0.0
        else:
            score = max(fuzz.ratio(t, w) for w in words)
        if score < 80.0:
            return 0.0
        scores.append(score)
    return sum(scores) / len(scores)
