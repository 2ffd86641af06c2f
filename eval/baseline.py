"""The peer baseline: the LangChain tutorial pipeline a new user would build over this page.

RecursiveCharacterTextSplitter (1,000 characters, 200 overlap) over the saved page text,
the same all-MiniLM-L6-v2 embeddings through langchain-huggingface, a FAISS vector store
from langchain-community, top-4 similarity search, and the top chunk as the answer. It is
scored by the same code as the product (eval/run.py): a chunk's "citations" are the units
its character span overlaps. These packages are evaluation-only; the product never
imports this module.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from eval.run import SystemOutput
from eval.schema import EvalQuestion
from rag.core.types import SourceUnit


@dataclass(frozen=True)
class Baseline:
    store: Any
    units: tuple[SourceUnit, ...]
    top_k: int = 4

    def ask(self, question: str) -> tuple[str, list[list[str]]]:
        """(top chunk text, for each of the top-k chunks the unit IDs it overlaps)."""
        docs = self.store.similarity_search(question, k=self.top_k)
        return (docs[0].page_content if docs else ""), [self._overlapping(doc) for doc in docs]

    def _overlapping(self, doc: Any) -> list[str]:
        start = doc.metadata["start_index"]
        end = start + len(doc.page_content)
        return [u.id for u in self.units if u.start < end and u.end > start]


def build_baseline(seed: Path, units: Sequence[SourceUnit], model_path: str) -> Baseline:
    from langchain_community.vectorstores import FAISS
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
    docs = splitter.create_documents([Path(seed).read_text(encoding="utf-8")])
    embeddings = HuggingFaceEmbeddings(model_name=model_path, model_kwargs={"device": "cpu"})
    return Baseline(FAISS.from_documents(docs, embeddings), tuple(units))


def baseline_output(baseline: Baseline, item: EvalQuestion) -> SystemOutput:
    """The tutorial has no history handling: a follow-up is embedded as typed."""
    started = time.perf_counter()
    text, chunks = baseline.ask(item.question)
    latency = (time.perf_counter() - started) * 1000
    # Ranks are the chunks' ranks: a chunk counts as a hit at its rank when it covers a gold
    # unit, which is how a user of the tutorial sees it ("the right passage came first").
    ranked = tuple(next((u for u in ids if u in item.gold_units), f"chunk-{rank}")
                   for rank, ids in enumerate(chunks, 1))
    top_units = chunks[0] if chunks else []
    # The whole top chunk is the answer, cited by every unit it overlaps; what a reader must
    # check is the whole chunk, so that is the cited length.
    answer = f"{text} [{', '.join(top_units)}]" if top_units else text
    return SystemOutput("retrieval", answer, False, tuple(ranked), (("chunk", len(text)),), latency)
