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

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from rag.core.index import LoadedIndex
from rag.core.settings import Settings

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_NUMBER = r"(\d+|" + "|".join(_ORDINALS) + r")"
_FIGURE_RES = (re.compile(rf"\b(?:figure|fig\.?)\s*{_NUMBER}\b", re.I),
               re.compile(rf"\b{_NUMBER}\s+(?:figure|fig)\b", re.I))
_REFERENCE_RES = (re.compile(rf"\b(?:reference|ref\.?|citation)\s*(?:no\.?\s*|number\s*|#\s*)?{_NUMBER}\b", re.I),
                  re.compile(rf"\b{_NUMBER}\s+(?:reference|ref|cited (?:work|paper|article|study))s?\b", re.I))
_LAST_RE = {"figure": re.compile(r"\b(?:last|final)\s+(?:figure|fig)\b", re.I),
            "reference": re.compile(r"\b(?:last|final)\s+(?:reference|ref|cited)\b", re.I)}
# Questions about the record itself, and the section that answers them.
_SECTION_CUES = (
    ("citation", re.compile(
        r"\b(doi|journal|published|publication|publish|(?:what|which) year|year of publication|volume|issue|pages?|authors?|wrote|written|"
        r"title|titled|e-?pub\w*|article type|type of (?:article|paper|publication)|kind of (?:article|paper)|"
        r"cite|citation for (?:this|the) (?:review|article|paper)|digital object identifier|original (?:research|study|article)|"
        r"research article|review article)\b", re.I)),
    ("keywords", re.compile(r"\bkey\s*words?\b|\bkeywords?\b|\bindex terms?\b", re.I)),
    ("coi", re.compile(r"\b(conflicts? of interest|competing interests?|disclosures?|declare\w*)\b", re.I)),
)
_PURPOSE_RE = re.compile(
    r"\b(?:aims?|purpose|objectives?|goals?|scope|focus)\s+of\s+(?:this|the)\s+(?:review|article|paper|work)\b"
    # "Does the review discuss ...?" asks for its purpose only when nothing specific follows;
    # "Does the review discuss sunitinib?" asks whether a topic is covered (word coverage decides).
    r"|\b(?:does|do|did) (?:the|this) (?:review|article|paper|authors?) (?:discuss|cover|address|focus on|include)"
    r"(?:\s+(?:in (?:general|short|brief)|overall|mainly|mostly|chiefly))?\s*(?:\?|$)"
    r"|\bwhat is (?:this|the) (?:review|article|paper) about\b|\bwhy did the authors write\b", re.I)
_SELF_REFERENCE_RE = re.compile(r"\b(?:this|the present|the current|our)\s+(?:review|study|article|paper)\b"
                                r"|\bwe\s+(?:discuss|review|describe|summari[sz]e|present|report)\b", re.I)
# Words that leave a bibliographic question about the review itself ("Which journal published
# the review?"); anything else ("... the ENETS guideline update") names some other work.
_BIBLIO_FILLER = set("""what which when where who whom whose how does did was were is are the this that these
those review article paper study its it have has been there their they listed list find tell give please
and for from with about into onto year date name first last main me our your you can could would should""".split())
# "Does the review discuss liver transplantation?": the framing matches the abstract's own
# "In the present review, we discuss ..." sentence; the topic alone is what to search for.
_TOPIC_RES = (
    re.compile(r"^\s*(?:does|do|did) (?:the|this) (?:review|article|paper|abstract|authors?) (?:ever )?"
               r"(?:discuss|cover|mention|address|talk about|deal with|touch on|include|refer to|consider)\s+"
               r"(?P<topic>.+?)\s*\??\s*$", re.I),
    re.compile(r"^\s*(?:is|are|was|were) (?P<topic>.+?) (?:discussed|covered|mentioned|addressed|included|considered)"
               r"(?: (?:in|by) (?:the|this) (?:review|article|paper|abstract|authors?))?\s*\??\s*$", re.I),
)
_CANDIDATES = 200  # chunks taken from each retriever before fusion
_REFERENCE_LIST_CUE = re.compile(r"\b(reference|references|cited)\b"
                                 r"|\b(?:does|do|did) (?:the|this) (?:review|article|paper|authors?) cite\b", re.I)


def topic_of(question: str) -> str:
    """The topic of "Does the review discuss X?" / "Is X mentioned?", or "" for other questions."""
    for pattern in _TOPIC_RES:
        m = pattern.match(question)
        if m:
            return m.group("topic")
    return ""


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
        import Stemmer

        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.expand = expand or (lambda q: q)
        self._stemmer = Stemmer.Stemmer("english")
        self._chunk_units = [c.unit_ids for c in index.chunks]
        self._chunk_weight = np.array([1.0 if len(c.unit_ids) == 1 else 0.97 for c in index.chunks])
        tokens = bm25s.tokenize([c.text for c in index.chunks], stopwords="en", stemmer=self._stemmer,
                                show_progress=False, return_ids=False)
        self._bm25 = bm25s.BM25()
        self._bm25.index(tokens, show_progress=False)  # tokenised once, for the index and the vocabulary
        self._vocabulary = {t for doc in tokens for t in doc}
        self._unit_order = {u.id: i for i, u in enumerate(u for a in index.articles for u in a.units)}
        self._reference_authors = [(u.id, _author_names(u.text)) for a in index.articles for u in a.units
                                   if u.section == "reference"]

    def retrieve(self, question: str, top_k: int | None = None, mode: str = "hybrid",
                 vector: np.ndarray | None = None) -> list[Hit]:
        """Top units for `question`; `mode` is "hybrid", "dense" or "bm25" (for evaluation)."""
        top_k = top_k or self.settings.top_k
        expanded = self.expand(topic_of(question) or question)
        dense = self._dense_scores(expanded, vector) if mode in ("hybrid", "dense") else {}
        lexical = self._lexical_scores(expanded) if mode in ("hybrid", "bm25") else {}
        structural = structural_units(question, self.index.articles) if mode == "hybrid" else []
        soft = [u for u in structural if _local_id(u) == "citation" and _names_other_work(question)]
        structural = [u for u in structural if u not in soft]
        if mode == "hybrid":  # "the Hofland review": one more vote, not a named unit (the
            # question may ask what the work found, which its reference entry cannot say)
            soft += [uid for uid in _references_by_author(question, self._reference_authors) if uid not in structural]
        fused = self._fuse(dense, lexical, structural, mode, soft)
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], self._unit_order.get(kv[0], 0)))
        return [Hit(uid, score, dense.get(uid, 0.0), lexical.get(uid, 0.0), uid in structural)
                for uid, score in ranked[:top_k]]

    def _dense_scores(self, text: str, vector: np.ndarray | None) -> dict[str, float]:
        query = vector if vector is not None else self.embedder.encode([text])
        # Fusion only looks at the head of each list; a bounded k keeps large indexes fast.
        depth = min(self.index.vectors.ntotal, _CANDIDATES)
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

        tokens = bm25s.tokenize([text], stopwords="en", stemmer=self._stemmer, show_progress=False,
                                return_ids=False)[0]
        tokens = [t for t in tokens if t in self._vocabulary]
        if not tokens:
            return {}
        scores = self._bm25.get_scores(tokens)
        best: dict[str, float] = {}
        nonzero = np.nonzero(scores)[0]
        if len(nonzero) > _CANDIDATES:
            nonzero = nonzero[np.argpartition(-scores[nonzero], _CANDIDATES)[:_CANDIDATES]]
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
            fused[uid] = fused.get(uid, 0.0) + (0.25 if self.settings.fusion == "convex" else 1.0 / (self.settings.rrf_k + 1))
        # A unit the question names outright ranks above anything similarity finds.
        bonus = 1.0 + max(fused.values(), default=0.0)
        for rank, uid in enumerate(structural):
            fused[uid] = fused.get(uid, 0.0) + bonus / (1 + rank)
        return fused


def structural_units(question: str, articles: Sequence[Any]) -> list[str]:
    """Unit IDs the question points at through the document's structure, best first.

    Worked example: "What is the second reference about?" -> ["reference-2"];
    "Which journal published the review?" -> ["citation"].
    """
    found: list[str] = []
    for article in articles:
        by_local = {_local_id(u.id): u.id for u in article.units}
        figures = sorted(n for n in (_number_of(k, "figure-") for k in by_local) if n)
        references = sorted(n for n in (_number_of(k, "reference-") for k in by_local) if n)
        for kind, numbers, patterns in (("figure", figures, _FIGURE_RES), ("reference", references, _REFERENCE_RES)):
            for pattern in patterns:
                for m in pattern.finditer(question):
                    n = _as_number(m.group(1))
                    if n and f"{kind}-{n}" in by_local:
                        found.append(by_local[f"{kind}-{n}"])
            if _LAST_RE[kind].search(question) and numbers:
                found.append(by_local[f"{kind}-{numbers[-1]}"])
        named = bool(found)  # "the title of Figure 2" asks about the figure, not the record
        for section, pattern in _SECTION_CUES:
            if pattern.search(question) and section in by_local:
                if section == "citation" and (named or _REFERENCE_LIST_CUE.search(question)):
                    continue  # "which reference was published in 2017" is about the reference list
                found.append(by_local[section])
        if _asks_for_reference_list(question):
            found.extend(by_local[f"reference-{n}"] for n in references)
        if _REFERENCE_LIST_CUE.search(question):
            found.extend(_references_by_year(question, [u for u in article.units if u.section == "reference"]))
        if _PURPOSE_RE.search(question):
            found.extend(u.id for u in article.units
                         if u.section == "abstract" and _SELF_REFERENCE_RE.search(u.text))
    return list(dict.fromkeys(found))


_LIST_WORDS = {"references", "reference", "cited", "cites", "cite", "listed", "list", "included", "include",
               "works", "papers", "studies", "sources", "bibliography", "show", "all"}


_YEAR_IN_QUESTION = re.compile(r"\b(?:19|20)\d{2}\b")
_NEWEST = re.compile(r"\b(?:most recent|latest|newest|last published)\b", re.I)
_OLDEST = re.compile(r"\b(?:oldest|earliest|first published)\b", re.I)
_PUBLICATION_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*;")  # "Lancet Oncol. 2008;9:61-72"


def _references_by_year(question: str, references: Sequence[Any]) -> list[str]:
    """"Which references are from 2016?", "the most recent reference": the reference list's
    own publication years answer these; similarity cannot compare years."""
    years = {}
    for unit in references:
        m = _PUBLICATION_YEAR.search(unit.text)
        if m:
            years[unit.id] = int(m.group(1))
    if not years:
        return []
    asked = {int(y) for y in _YEAR_IN_QUESTION.findall(question)}
    if asked:
        return [uid for uid, year in years.items() if year in asked]
    if _NEWEST.search(question):
        return [uid for uid, year in years.items() if year == max(years.values())]
    if _OLDEST.search(question):
        return [uid for uid, year in years.items() if year == min(years.values())]
    return []


_NAME = re.compile(r"\b[A-Z][\w'\-]{2,}")


def _author_names(reference_text: str) -> frozenset[str]:
    """Surnames in a reference's author list: "Hofland J, Kaltsas G, de Herder WW. ..." ."""
    return frozenset(_NAME.findall(reference_text.split(". ", 1)[0]))


def _references_by_author(question: str, authors: Sequence[tuple[str, frozenset[str]]]) -> list[str]:
    """"The Hofland review", "Dasari et al.": a surname from a reference's author list, written
    as a name (capitalised), points at that reference."""
    names = set(_NAME.findall(question))
    return [uid for uid, surnames in authors if names & surnames] if names else []


def _asks_for_reference_list(question: str) -> bool:
    """"Which references are cited?" / "List the references" -- the list itself, with no
    other condition ("... published in 2008" is a question about some of them)."""
    if not re.search(r"\b(?:references|bibliography|reference list)\b", question, re.I) or re.search(r"\d", question):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z\-]{2,}", question)
    return not [w for w in words if w.lower() not in _BIBLIO_FILLER | _LIST_WORDS]


def _names_other_work(question: str) -> bool:
    """Does a bibliographic question carry its own subject ("when was the ENETS guideline
    update published?") rather than ask about this review ("when was it published?")?"""
    cues = _SECTION_CUES[0][1]
    rest = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]{2,}", cues.sub(" ", question))
            if w.lower() not in _BIBLIO_FILLER]
    # A name ("the Hofland review", "the Dasari study") points at a cited work by itself.
    later_words = re.findall(r"[A-Za-z][A-Za-z\-]{2,}", question)[1:]
    named = [w for w in later_words if w[0].isupper() and w in rest]
    return len(rest) >= 2 or bool(named)


def _local_id(unit_id: str) -> str:
    return unit_id.split(":", 1)[1] if ":" in unit_id else unit_id


def _number_of(local_id: str, prefix: str) -> int | None:
    return int(local_id[len(prefix):]) if local_id.startswith(prefix) and local_id[len(prefix):].isdigit() else None


def _as_number(token: str) -> int | None:
    token = token.lower()
    return int(token) if token.isdigit() else _ORDINALS.get(token)
