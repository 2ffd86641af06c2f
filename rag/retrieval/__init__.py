"""Ranking the review's units for a question; it never decides whether they answer it.

- `hybrid.py`: `HybridRetriever` (dense FAISS + BM25 + structural cues, fused);
- `structure.py`: units a question names through the document's structure ("Figure 2", "the DOI");
- `lay.py` + `data/`: lay words and journal-title abbreviations mapped to the review's own terms;
- `lc.py`: the retriever as a LangChain `BaseRetriever`.
"""
