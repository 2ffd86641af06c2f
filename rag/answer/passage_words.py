"""Contextual word vectors of the review's citable pieces, computed once per piece text.

The ranker and the gate (rag/answer/choice.py, gate.py) align a question's words with each
candidate piece's; the piece side is the same for every question, so it is cached here. For
an index small enough (`Settings.passage_vectors_at_load`) every piece is encoded in one batch
when the model is warmed, so the first question about a piece costs no second forward pass; a
larger index fills the cache as pieces are quoted. Dict reads and writes are thread-safe.
"""

from __future__ import annotations

from typing import Any, Iterable

from rag.answer.gate import WordVectors, words_of
from rag.answer.segments import segments_of
from rag.core.settings import Settings
from rag.core.types import SourceUnit

_MAX_CACHED = 50_000


class PassageWords:
    """`passage_words(text)` -> the piece's word vectors, or None when the embedder gives no
    word vectors (the gate then relies on word matches)."""

    def __init__(self, embedder: Any, settings: Settings) -> None:
        self.embedder = embedder
        self.settings = settings
        self._cache: dict[str, WordVectors] = {}

    def __call__(self, text: str) -> WordVectors | None:
        if not hasattr(self.embedder, "encode_with_tokens"):
            return None
        found = self._cache.get(text)
        if found is None:
            [(sentence, tokens)] = self.embedder.encode_with_tokens([text])
            found = words_of(tokens.tokens, tokens.vectors, sentence)
            if len(self._cache) < _MAX_CACHED:
                self._cache[text] = found
        return found

    def warm(self, units: Iterable[SourceUnit]) -> None:
        """Every citable piece of `units` in one batch, if there are few enough."""
        if not hasattr(self.embedder, "encode_with_tokens"):
            return
        texts = list(dict.fromkeys(seg.text for u in units for seg in segments_of(u)))
        if len(texts) > self.settings.passage_vectors_at_load:
            return
        for text, (sentence, tokens) in zip(texts, self.embedder.encode_with_tokens(texts)):
            self._cache[text] = words_of(tokens.tokens, tokens.vectors, sentence)
