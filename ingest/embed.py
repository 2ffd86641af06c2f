"""Chunks -> a FAISS inner-product index over their normalised embeddings.

The model itself is loaded by `rag.core.embed` (the question path embeds queries with the
same loader, so both sides agree on the model by construction). This stage only turns the
build's chunks into vectors and the vectors into the index file's FAISS structure; FAISS is
imported here, not at module import, so `python -m ingest --print-units` stays light.
"""

from __future__ import annotations

from typing import Any, Sequence

from rag.core.embed import Embedder
from rag.core.types import Chunk


def embed_chunks(chunks: Sequence[Chunk], embedder: Embedder, progress: bool = False) -> Any:
    """A `faiss.IndexFlatIP` holding one normalised vector per chunk, in chunk order."""
    import faiss

    vectors = embedder.encode([c.text for c in chunks], progress=progress)
    index = faiss.IndexFlatIP(embedder.dimension)
    index.add(vectors)
    return index
