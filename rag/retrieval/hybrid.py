"""Question -> ranked source units, by hybrid dense + BM25 retrieval over the chunks.

Three ranked lists are fused per unit:
- dense: cosine similarity of the question to every chunk (FAISS inner product over
  normalised vectors); a unit scores the best chunk that covers it;
- lexical: BM25 (bm25s, English stop words, Snowball stemming) over the same chunk texts,
  because biomedical questions hinge on exact terms and abbreviations;
- structural: units the question names through the document's structure ("Figure 1",
  "the second reference", "the DOI", "conflict of interest", "the aim of the review"),
  which embeddings of passage text cannot see.
Before both searches the question is expanded with the review's glossary in both
directions (PRRT -> peptide receptor radionuclide therapy, liver transplantation -> OLT).
Fusion is reciprocal rank fusion or a convex combination (a setting; the evaluation compares
them). This module ranks; it does not decide whether the text answers the question.
"""

from __future__ import annotations

from dataclasses import dataclass
import json
import re
from typing import Any, Callable, Sequence

import numpy as np

from rag.core.index import LoadedIndex
from rag.core.settings import Settings
from rag.core.text import local_id, stem, stem_words
from rag.retrieval.structure import structural_units, topic_of
from rag.retrieval.lay import JOURNAL_WORDS_PATH
from rag.retrieval.works import (author_names, journal_words, names_other_work, reference_year, references_by_author, references_by_journal,
                                 references_by_year)


# This document named as such, and no cited work: a year beside it is a year given for it ("When did the review
# first come out online? A member says it's from 2020").
_OWN_DOCUMENT = re.compile(r"\b(?:the|this)\s+(?:review|article|paper)\b(?!'s\s+(?:references?|refs?|citations?))", re.I)
_CITED_WORKS = re.compile(r"\b(?:references?|refs?|cit(?:e|es|ed|ing|ations?)|stud(?:y|ies)|et\s+al)\b", re.I)


@dataclass(frozen=True)
class Hit:
    """One ranked unit: its fused score and what each retriever saw."""

    unit_id: str
    score: float
    dense: float
    lexical: float
    structural: bool = False


class HybridRetriever:
    """Ranks the units of a loaded index for a question. Thread-safe for reads."""

    def __init__(self, index: LoadedIndex, embedder: Any, settings: Settings,
                 expand: Callable[[str], str] | None = None) -> None:
        import bm25s

        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.expand = expand or (lambda q: q)
        self._chunk_units = [c.unit_ids for c in index.chunks]
        self._chunk_weight = np.array([1.0 if len(c.unit_ids) == 1 else settings.window_chunk_weight
                                       for c in index.chunks])
        tokens = bm25s.tokenize([c.text for c in index.chunks], stopwords="en", stemmer=stem_words,
                                show_progress=False, return_ids=False)
        self._bm25 = bm25s.BM25()
        self._bm25.index(tokens, show_progress=False)  # tokenised once, for the index and the vocabulary
        self._vocabulary = {t for doc in tokens for t in doc}
        self._unit_order = {u.id: i for i, u in enumerate(u for a in index.articles for u in a.units)}
        # The indexed articles' own first authors and journals, printed or written out ("the Machairas
        # review", "the one in Annals of Gastro"; rag/retrieval/data/journal_words.json).
        printed = {w.lower() for a in index.articles for w in re.findall(r"[A-Za-z]+", f"{a.first_author} {a.journal}")}
        written_out = json.loads(JOURNAL_WORDS_PATH.read_text(encoding="utf-8"))["terms"]
        self._own_names = frozenset(printed | {full for full, short in written_out.items() if set(short) & printed})
        # The words this review is about: its title, keywords and the short forms its own text
        # defines ("the paper on liver metastases", "the NELM review"); rag/retrieval/works.py.
        defined = [e.get("short", "") for e in (index.glossary or {}).get("entries", ()) if e.get("source") == "review"]
        self._own_topic = frozenset(stem(w.lower()) for a in index.articles
                                    for w in re.findall(r"[A-Za-z][A-Za-z\-]+", " ".join([a.title, *a.keywords, *defined])))
        self._reference_authors = [(u.id, author_names(u.text)) for a in index.articles for u in a.units
                                   if u.section == "reference"]
        self._reference_years = [(u.id, reference_year(u.text)) for a in index.articles for u in a.units
                                 if u.section == "reference"]
        self._reference_journals = [(u.id, journal_words(u.text)) for a in index.articles for u in a.units
                                    if u.section == "reference"]
        self._own_years = frozenset(str(a.year) for a in index.articles if a.year)
        self._last_query: tuple[str | None, str] = (None, "")

    def query_text(self, question: str) -> str:
        """What is searched for: the topic of "Does the review discuss X?" (else the question),
        expanded with the glossary and lay vocabulary. The question's embedding and its search both
        need it, so the last one is kept (one (question, text) pair: replacing it is atomic)."""
        last = self._last_query
        if last[0] == question:
            return last[1]
        expanded = self.expand(topic_of(question) or question)
        self._last_query = (question, expanded)
        return expanded

    def retrieve(self, question: str, top_k: int | None = None, mode: str = "hybrid",
                 vector: np.ndarray | None = None) -> list[Hit]:
        """Top units for `question`; `mode` is "hybrid", "dense" or "bm25" (for evaluation);
        `vector`: the embedding of `query_text(question)`, when the caller has it already."""
        top_k = top_k or self.settings.top_k
        expanded = self.query_text(question)
        dense = self._dense_scores(expanded, vector) if mode in ("hybrid", "dense") else {}
        lexical = self._lexical_scores(expanded) if mode in ("hybrid", "bm25") else {}
        structural = structural_units(question, self.index.articles) if mode == "hybrid" else []
        # A year beside this review's own author or journal ("Machairas et al. Ann Gastroenterol 2020 - right
        # year?") is a year given for this review, right or wrong, and names no cited work.
        own_named = bool({w.lower() for w in re.findall(r"[A-Za-z]+", question)} & self._own_names) or bool(
            _OWN_DOCUMENT.search(question) and not _CITED_WORKS.search(question))  # "the review ... from 2020?"
        by_year = [] if own_named else references_by_year(question, self._reference_years, self._own_years)
        by_author = _named_works(references_by_author(question, self._reference_authors)
                                 + references_by_journal(question, self._reference_journals), by_year) if mode == "hybrid" else []
        # "Pape 2008 - volume + page range": a cited work's author makes it that work's record.
        other_work = bool(by_author) or names_other_work(question, self._own_names, self._own_topic)
        soft = [u for u in structural if local_id(u) == "citation" and other_work]
        structural = [u for u in structural if u not in soft]
        if soft and by_author:
            # "page numbers for the Dasari article?": a record field of a work named by its
            # author names that work's entry outright, as "the DOI" names the review's record
            structural = [*by_author, *(u for u in structural if u not in by_author)]
        elif mode == "hybrid":  # "the Hofland review": one more vote, not a named unit (the
            # question may ask what the work found, which its reference entry cannot say)
            soft += [uid for uid in by_author if uid not in structural]
        fused = self._fuse(dense, lexical, structural, mode, soft)
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], self._unit_order.get(kv[0], 0)))
        return [Hit(uid, score, dense.get(uid, 0.0), lexical.get(uid, 0.0), uid in structural)
                for uid, score in ranked[:top_k]]

    def _dense_scores(self, text: str, vector: np.ndarray | None) -> dict[str, float]:
        query = vector if vector is not None else self.embedder.encode([text])
        # Fusion only looks at the head of each list; a bounded k keeps large indexes fast.
        depth = min(self.index.vectors.ntotal, self.settings.fusion_candidates)
        scores, ids = self.index.vectors.search(np.asarray(query, dtype=np.float32), depth)
        best: dict[str, float] = {}
        for score, i in zip(scores[0], ids[0]):
            if i < 0:
                continue
            weighted = float(score) * self._chunk_weight[i]
            for uid in self._chunk_units[i]:
                if weighted > best.get(uid, -1.0):
                    best[uid] = weighted
        return best

    def _lexical_scores(self, text: str) -> dict[str, float]:
        import bm25s

        tokens = bm25s.tokenize([text], stopwords="en", stemmer=stem_words, show_progress=False,
                                return_ids=False)[0]
        # Expansion adds alternatives ("metastasis metastases metastatic"), not emphasis: once
        # stemmed they are one term, which must count once.
        tokens = [t for t in tokens if t in self._vocabulary]
        if not tokens:
            return {}
        scores = self._bm25.get_scores(tokens)
        best: dict[str, float] = {}
        nonzero = np.nonzero(scores)[0]
        if len(nonzero) > self.settings.fusion_candidates:
            nonzero = nonzero[np.argpartition(-scores[nonzero], self.settings.fusion_candidates)[:self.settings.fusion_candidates]]
        for i in nonzero:
            for uid in self._chunk_units[i]:
                best[uid] = max(best.get(uid, 0.0), float(scores[i]) * self._chunk_weight[i])
        return best

    def _fuse(self, dense: dict[str, float], lexical: dict[str, float], structural: list[str],
              mode: str, soft: Sequence[str] = ()) -> dict[str, float]:
        fused: dict[str, float] = {}
        if self.settings.fusion == "convex" and mode == "hybrid":
            top_lex = max(lexical.values(), default=0.0) or 1.0
            w = self.settings.dense_weight
            for uid in set(dense) | set(lexical):
                fused[uid] = w * max(dense.get(uid, 0.0), 0.0) + (1 - w) * lexical.get(uid, 0.0) / top_lex
        else:
            k = self.settings.rrf_k
            for scores in (dense, lexical):
                for rank, uid in enumerate(sorted(scores, key=lambda u: -scores[u]), 1):
                    fused[uid] = fused.get(uid, 0.0) + 1.0 / (k + rank)
        # A cue that may be about another work ("published", "authors") is one more vote.
        for uid in soft:
            fused[uid] = fused.get(uid, 0.0) + (self.settings.author_vote if self.settings.fusion == "convex" else 1.0 / (self.settings.rrf_k + 1))
        # A unit the question names outright ranks above anything similarity finds.
        bonus = 1.0 + max(fused.values(), default=0.0)
        for rank, uid in enumerate(structural):
            fused[uid] = fused.get(uid, 0.0) + bonus / (1 + rank)
        return fused


def _named_works(by_author: list[str], by_year: list[str]) -> list[str]:
    """The cited works a question names: by author and year together ("Pape 2008"), the works
    both name; else by either alone ("the one from 2017")."""
    both = [uid for uid in by_author if uid in by_year]
    return both or by_author or by_year
