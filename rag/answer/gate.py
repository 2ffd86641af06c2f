"""Does the chosen passage answer the question? A few general signals, weighed by data.

Word coverage alone (the share of the question's words found in the passage) refuses
meaning-preserving rewording: a synonym the text does not use ("hepatectomy" where it says
"liver resection"), lay words, the filler of a worried relative's question. No single cheap
signal separates answerable from unanswerable questions well, so the gate combines several,
each a general property of a question-passage pair, never the wording of any question:

- `coverage`: the answerer's IDF-weighted share of the question's terms in the passage;
- `soft_alignment`: BERTScore-style recall (Zhang et al. 2020) of the question's content words
  against the passage's words, from MiniLM's contextual word-piece vectors (the query's come
  from the same forward pass that embeds it), weighted by how rare each word is in English;
- `weakest_rare`: the worst-aligned rare word (a question about "sunitinib" is not answered by
  a passage that matches everything else);
- `unmatched_rare`: how many rare words (general-English Zipf frequency below 3.5, wordfreq)
  neither the passage's terms nor its meaning match;
- `fused`, `dense`, `lexical_share`, `top_ranked`: what retrieval thought of the passage;
- `passage_similarity`: the cosine of the searched text and the quoted piece itself (a legend
  item or a caption's title, not the whole chunk retrieval scored);
- `content_words`: how much the question asks (log of its content-word count);
- `followup`: whether the question was joined with an earlier turn, whose words then dilute
  every other signal (a different regime, so the model may weigh it apart);
- `coverage_lead`, `soft_lead`: by how much the passage's coverage and alignment lead the best
  other candidate unit's (rag/answer/choice.py); they rank candidates only, since a question
  two passages answer equally well is no less answerable.

A logistic regression over these, fitted on every (question, candidate passage) pair of the
dev split only (`python -m eval.fit_gate`), gives the probability that answering with the
passage is right; the answerer quotes the most probable candidate (rag/answer/choice.py).
Its coefficients, scaling and threshold are data in `data/gate.json`, not numbers in code. Hard constraints stay hard
and outside the model (rag/answer/extractive.py): a figure asked for must be in the passage,
a passage's kind limits what it can answer, and another cancer is declined by the router.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from rag.core.errors import ConfigError
from rag.core.text import NON_CONTENT_WORDS, rarity, zipf

GATE_PATH = Path(__file__).resolve().parent / "data" / "gate.json"
FEATURES = ("coverage", "soft_alignment", "weakest_rare", "unmatched_rare", "fused", "dense", "lexical_share",
            "top_ranked", "content_words", "passage_similarity", "followup", "coverage_lead", "soft_lead")
RANK_ONLY = ("coverage_lead", "soft_lead")  # read by the ranker; the gate's weights on them are 0
RARE_ZIPF = 3.5  # rarer in general English than about 3 per million words: a word that carries the question
MATCHED_SIMILARITY = 0.75  # contextual similarity at which a word counts as matched by meaning
_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")


@dataclass(frozen=True)
class WordVectors:
    """A text's words (word pieces joined back: "res ##ect ##able" -> "resectable") and one
    unit vector per word."""

    words: tuple[str, ...]
    vectors: np.ndarray
    sentence: np.ndarray | None = None  # the whole text's unit vector, from the same forward pass


@dataclass(frozen=True)
class GateFeatures:
    coverage: float
    soft_alignment: float
    weakest_rare: float
    unmatched_rare: float
    fused: float
    dense: float
    lexical_share: float
    top_ranked: float
    content_words: float
    passage_similarity: float
    followup: float
    # How far this passage leads the best other unit (rag/answer/choice.py fills these in).
    coverage_lead: float = 0.0
    soft_lead: float = 0.0

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in FEATURES], dtype=np.float64)

    def to_dict(self) -> dict[str, float]:
        return {k: round(float(v), 6) for k, v in asdict(self).items()}


def words_of(tokens: Sequence[str], vectors: np.ndarray, sentence: np.ndarray | None = None) -> WordVectors:
    """Join word pieces into words, each the normalised mean of its pieces' vectors."""
    words: list[str] = []
    starts: list[int] = []  # a word's pieces are consecutive: each word is the run from its start to the next
    for i, piece in enumerate(tokens):
        if piece.startswith("##") and words:
            words[-1] += piece[2:]
        else:
            words.append(piece)
            starts.append(i)
    if not words:
        return WordVectors((), np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32), sentence)
    # one reduction over the runs, not one mean per word (a query's words are read on every question); the sum
    # has the mean's direction, and only the direction is kept
    out = np.add.reduceat(np.asarray(vectors[:len(tokens)], dtype=np.float64), starts, axis=0)
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return WordVectors(tuple(words), out.astype(np.float32), sentence)


def is_content(word: str) -> bool:
    return bool(_WORD.fullmatch(word)) and word not in NON_CONTENT_WORDS and len(word) > 1


def has_content(text: str) -> bool:
    """Does `text` hold a word that asks for something ("for whom?" holds none)?"""
    return any(is_content(w) for w in re.findall(r"[a-z]+", text.lower()))


def alignment(question: WordVectors | None, passage: WordVectors | None,
              matched_by_terms: Callable[[str], bool]) -> tuple[float, float, float, int]:
    """(soft alignment, weakest rare word, unmatched rare words, content words) of a question
    against a passage. A word matched by the answerer's terms (stem or alias) counts as fully
    aligned; without vectors the alignment falls back to those matches alone."""
    if question is None:
        return 0.0, 0.0, 0.0, 0
    content = [(i, w) for i, w in enumerate(question.words) if is_content(w)]
    if not content:
        return 0.0, 0.0, 0.0, 0
    have_vectors = passage is not None and len(passage.words) > 0
    sims = (question.vectors[[i for i, _ in content]] @ passage.vectors.T).max(axis=1) if have_vectors \
        else np.zeros(len(content))
    total = weight = 0.0
    weakest, unmatched = 1.0, 0
    for (_, word), sim in zip(content, sims):
        score = 1.0 if matched_by_terms(word) else float(sim)
        w = rarity(word)
        total += w * score
        weight += w
        if zipf(word) < RARE_ZIPF:
            weakest = min(weakest, score)
            unmatched += score < MATCHED_SIMILARITY
    return total / weight, weakest, float(unmatched), len(content)


def gate_features(hit: Any, candidates: Sequence[Any], coverage: float, question: WordVectors | None,
                  passage: WordVectors | None, matched_by_terms: Callable[[str], bool],
                  followup: bool = False) -> GateFeatures:
    """The gate's view of the best passage: its retrieval `hit` among the ranked `candidates`,
    the answerer's `coverage` of it, and the two texts' word vectors."""
    soft, weakest, unmatched, n = alignment(question, passage, matched_by_terms)
    if question is None:  # an embedder without word vectors: the words' own match stands in
        soft, weakest = coverage, coverage
    if question is not None and passage is not None and question.sentence is not None and passage.sentence is not None:
        similarity = float(question.sentence @ passage.sentence)
    else:
        similarity = float(hit.dense)
    top_lexical = max((h.lexical for h in candidates), default=0.0) or 1.0
    return GateFeatures(coverage=coverage, soft_alignment=soft, weakest_rare=weakest, unmatched_rare=unmatched,
                        fused=float(hit.score), dense=float(hit.dense), lexical_share=float(hit.lexical) / top_lexical,
                        top_ranked=1.0 if candidates and hit.unit_id == candidates[0].unit_id else 0.0,
                        content_words=math.log1p(n), passage_similarity=similarity, followup=1.0 if followup else 0.0)


@dataclass(frozen=True)
class Ranker:
    """A fitted conditional logit over one question's candidates: the candidate with the
    highest coef . (x - mean) / scale is the one most likely to answer. Only differences
    between candidates matter, so it has no intercept and no threshold."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]

    def score(self, features: GateFeatures) -> float:
        return float(np.dot(self.coef, (features.vector() - np.array(self.mean)) / np.array(self.scale)))


@dataclass(frozen=True)
class Gate:
    """A fitted logistic regression, p = sigmoid(coef . (x - mean) / scale + intercept), on the
    chosen passage; and the `ranker` that chose it, when one was fitted."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    fitted_on: str = ""
    ranker: Ranker | None = None

    def probability(self, features: GateFeatures) -> float:
        z = (features.vector() - np.array(self.mean)) / np.array(self.scale)
        return 1.0 / (1.0 + math.exp(-(float(np.dot(self.coef, z)) + self.intercept)))

    def to_dict(self) -> dict:
        return {"features": list(FEATURES), **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict) -> "Gate":
        if list(data.get("features", [])) != list(FEATURES):
            raise ConfigError(f"The answer gate was fitted on features {data.get('features')}, this code computes "
                              f"{list(FEATURES)}; refit it with: python -m eval.fit_gate")
        ranked = data.get("ranker")
        ranker = Ranker(tuple(ranked["mean"]), tuple(ranked["scale"]), tuple(ranked["coef"])) if ranked else None
        return cls(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]), float(data["intercept"]),
                   float(data["threshold"]), str(data.get("fitted_on", "")), ranker)


def load_gate(path: Path = GATE_PATH) -> Gate | None:
    """The fitted gate, or None where none has been fitted (the answerer then falls back to
    the coverage threshold alone)."""
    if not Path(path).is_file():
        return None
    try:
        return Gate.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"Cannot read the answer gate {path} ({e}); refit it with: python -m eval.fit_gate") from e
