"""The configured embedding model, loaded the first time something is embedded.

Loading all-MiniLM-L6-v2 (torch, transformers, the weights) takes seconds; a glossary answer
takes well under a millisecond and an algorithm answer a few. `python -m rag ask "What does
TACE stand for?"` should not pay for a model it never uses, so the pipeline holds this stand-in
and the model loads when a retrieval first needs a vector. A server that wants the cost paid
before its first visitor calls `load()` (the pipeline's `warm()`), or passes a loaded embedder.

In: the model name, batch size and the index's vector dimension (known from the manifest
without loading anything). Out: the `Embedder` interface of rag/core/embed.py. Thread-safe:
concurrent first uses load the model once.
"""

from __future__ import annotations

import threading
from typing import Any, Sequence

import numpy as np

from rag.core.errors import IndexStaleError


class LazyEmbedder:
    def __init__(self, model_name: str, batch_size: int, dimension: int) -> None:
        self.name = model_name
        self.dimension = dimension  # the index's; checked against the model's when it loads
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> Any:
        """The loaded `SentenceTransformerEmbedder` (loading it now if need be)."""
        model = self._model
        if model is None:
            with self._lock:
                if self._model is None:
                    from rag.core.embed import load_embedder

                    model = load_embedder(self.name, self.batch_size)
                    if model.dimension != self.dimension:
                        raise IndexStaleError(
                            f"model {self.name!r} gives {model.dimension}-d vectors, the index holds "
                            f"{self.dimension}-d ones; rebuild it with: python -m ingest --force")
                    self._model = model
                model = self._model
        return model

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        return self.load().encode(texts, progress)

    def __getattr__(self, name: str) -> Any:
        """The loaded model's optional abilities (`encode_with_tokens`, `count_pieces`): what a
        model can do is known only once it is loaded, so asking loads it."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.load(), name)
