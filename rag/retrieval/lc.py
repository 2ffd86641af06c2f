"""LangChain boundary: the hybrid retriever as a `BaseRetriever` returning `Document`s.

The rest of the code works with the project's own types; this adapter exists so the
retriever plugs into any LangChain chain (for example the optional generative mode, or a
user's own chain), with the unit ID, label and scores in each document's metadata.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever


class UnitRetriever(BaseRetriever):
    """Top-k source units of the review for a query, as LangChain documents."""

    pipeline: Any
    top_k: int = 5
    mode: str = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.pipeline.retrieve(query, self.top_k, self.mode)
        docs = []
        for hit in hits:
            unit = self.pipeline.index.units[hit.unit_id]
            docs.append(Document(page_content=unit.text, metadata={
                "unit_id": unit.id, "section": unit.section, "label": unit.label, "score": hit.score,
                "dense": hit.dense, "lexical": hit.lexical, "structural": hit.structural,
                "start": unit.start, "end": unit.end}))
        return docs
