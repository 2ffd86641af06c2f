"""A long form described in the asker's words rather than named: "what's the acronym for the
two-step liver op where they split the liver and tie off the portal vein?".

The glossary's reverse lookup (rag/glossary/store.py) matches a long form by its words, so a
description in lay words finds nothing, and a "did you mean" on spelling cannot help. What can
is meaning: the description and each of the review's long forms are embedded with the
retrieval model, and the closest long forms are offered, labelled as matched by meaning, so the
reader checks the match rather than takes it as the review's words.

Only a description is matched so (`is_description`): a name of another procedure ("hepatic
artery infusion") is something the review does not define, not a description of what it does.
In: a description (with its lay and glossary expansions, which the caller makes), the review's
own entries and an `encode` function. Out: the closest entries, best first: none when no long
form is close (`MIN_SIMILARITY`), two when the runner-up is nearly as close (`TIE_MARGIN`:
ligation and embolization of the portal vein are near neighbours, and a reader told both can
choose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from rag.glossary.types import GlossaryEntry, GlossaryLookup

__all__ = ["Described", "DescribedTerms", "MIN_SIMILARITY", "TIE_MARGIN", "is_description", "reworded"]

# Cosine similarity of all-MiniLM-L6-v2 vectors. Lay descriptions of a legend term score about
# 0.55-0.85 against its long form ("liver transplant" 0.77 for orthotopic liver transplantation),
# unrelated phrases below 0.5 ("a liver scan" 0.49, "the weather" 0.05).
MIN_SIMILARITY = 0.5
TIE_MARGIN = 0.06


@dataclass(frozen=True)
class Described:
    """One entry offered for a description, with how close its long form is in meaning."""

    entry: GlossaryEntry
    similarity: float


class DescribedTerms:
    """The review's long forms, embedded once (on first use), matched to descriptions."""

    def __init__(self, entries: Sequence[GlossaryEntry], encode: Callable[[list[str]], np.ndarray]) -> None:
        self.entries = tuple(e for e in entries if e.source == "review")
        self._encode = encode
        self._vectors: np.ndarray | None = None

    def closest(self, descriptions: Sequence[str]) -> tuple[Described, ...]:
        """The entries closest to any wording of one description (as typed, and with its
        expansions), best first."""
        if not self.entries or not descriptions or not is_description(descriptions[0]):
            return ()
        if self._vectors is None:
            self._vectors = _unit(self._encode([e.long for e in self.entries]))
        similarity = (_unit(self._encode(list(descriptions))) @ self._vectors.T).max(axis=0)
        order = np.argsort(-similarity)
        best = float(similarity[order[0]])
        if best < MIN_SIMILARITY:
            return ()
        return tuple(Described(self.entries[i], round(float(similarity[i]), 3)) for i in order[:2]
                     if similarity[i] >= best - TIE_MARGIN)


# What makes a phrase a description rather than a name: a clause or a placeholder noun inside
# ("the op where they ...", "the one that ...", "the beads thing"), or the length of one.
_DESCRIBING = re.compile(r"\b(?:where|when|which|that|who|whereby|thing|things|stuff|one|ones)\b", re.I)
DESCRIPTION_MIN_WORDS = 5


def is_description(text: str) -> bool:
    """"the two-step op where they split the liver" describes; "hepatic artery infusion" names
    a procedure, which the review either defines (the word lookup finds it) or does not: a name
    of something else is not offered the nearest entry."""
    return bool(_DESCRIBING.search(text)) or len(text.split()) >= DESCRIPTION_MIN_WORDS


def reworded(found: GlossaryLookup, lookup: Callable[[str], GlossaryLookup],
             aliases: Callable[[str], Sequence[tuple[str, str]]]) -> GlossaryLookup:
    """A long form typed with words the review does not use ("small bowel neuroendocrine
    neoplasm" for small intestine ...), found by putting each phrase's other name in (lay
    words, spellings, rag/retrieval/lay.py) until the reverse lookup matches; else `found`."""
    if found.matches or " " not in found.query.strip():
        return found
    text = found.query
    for phrase, other in aliases(found.query):
        if lookup(other).match_kind in ("exact", "variant"):
            continue  # a short form in a long form's place ("NEN") only hides the long form
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", other, text, flags=re.IGNORECASE)
        again = lookup(text)
        if again.match_kind == "reverse":
            return GlossaryLookup(found.query, again.matches, "reverse")
    return found


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
