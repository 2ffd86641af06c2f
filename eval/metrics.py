"""Metric functions for the evaluation set: plain values in, numbers out, no model.

Retrieval (ranked unit IDs against gold unit IDs):
- `recall_at_k` uses hit@k semantics: 1.0 when at least one gold unit is among the top k,
  else 0.0. Most items have one gold unit, and one supporting passage is enough to answer,
  which is the usual reading of Recall@k for single-passage QA (e.g. DPR, Karpukhin et al.
  2020). `gold_share_at_k` gives the other reading (share of gold units found) for the few
  multi-unit items.
- `reciprocal_rank` is 1/rank of the first gold unit (0.0 when none is ranked); its mean is MRR.
- `ndcg_at_k` uses binary relevance: DCG = sum over ranks i <= k of rel_i / log2(i + 1),
  divided by the DCG of the ideal ranking (all gold units first).
Items without gold units (abstentions) have no retrieval target: these functions return
None for them and `mean` skips None, so refusals do not count as retrieval misses.
Ranked lists are deduplicated (first occurrence kept), since several chunks can cover one
unit; a bare gold ID ("abstract-s2") matches a prefixed one ("machairas2021:abstract-s2").

Citations, after ALCE (Gao et al. 2023, "Enabling Large Language Models to Generate Text
with Citations"), with its NLI judge replaced by a text test:
- an answer is split into statements, each with the unit IDs that close it
  (`split_answer_sentences`, from `rag/answer/citations.py`, the product's one parser of
  citations, which the generative verifier uses too);
- a statement is supported when the joined text of its cited units supports it. The
  default judge `verbatim_support` asks for the statement verbatim after case/whitespace/
  dash normalisation: exact for extractive answers, which only copy unit text. For the
  generative mode pass `lexical_judge(threshold)`, an approximate token-overlap test;
- citation recall = supported statements / all statements (uncited ones count as 0);
- citation precision = needed citations / all citations, where, as in ALCE's reference
  code, a citation of an unsupported statement is not needed, a lone citation of a
  supported one is, and in a supported multi-citation statement a citation is needed
  unless it alone fails to support the statement while the others still do.

Answers: `facts_present`. Abstention, routes, latency and per-category means are in
eval/aggregate.py.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Callable, Collection, Iterable, Mapping, Sequence

# split_answer_sentences is also re-exported: eval code and tests take it from here, but the
# parser lives in the product (one home).
from rag.answer.citations import split_answer_sentences
from rag.core.errors import ConfigError
from rag.core.text import STOP_WORDS, local_id

Judge = Callable[[str, str], bool]


# --- retrieval --------------------------------------------------------------------------

def _is_gold(candidate: str, gold: Collection[str]) -> bool:
    return candidate in gold or local_id(candidate) in gold


def _ranked_unique(ranked_ids: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for uid in ranked_ids:
        if uid not in seen:
            seen.add(uid)
            out.append(uid)
    return out


def _check_k(k: int) -> None:
    if not isinstance(k, int) or k < 1:
        raise ConfigError(f"k must be a positive integer, was: {k!r}")


def recall_at_k(ranked_ids: Sequence[str], gold_ids: Collection[str], k: int) -> float | None:
    """Hit@k: 1.0 if any gold unit is in the top k, else 0.0; None when there is no gold."""
    _check_k(k)
    if not gold_ids:
        return None
    gold = set(gold_ids)
    return 1.0 if any(_is_gold(u, gold) for u in _ranked_unique(ranked_ids)[:k]) else 0.0


def gold_share_at_k(ranked_ids: Sequence[str], gold_ids: Collection[str], k: int) -> float | None:
    """Share of the gold units found in the top k (set recall); None when there is no gold."""
    _check_k(k)
    if not gold_ids:
        return None
    top = _ranked_unique(ranked_ids)[:k]
    gold = set(gold_ids)
    return sum(1 for g in gold if any(_is_gold(c, {g}) for c in top)) / len(gold)


def reciprocal_rank(ranked_ids: Sequence[str], gold_ids: Collection[str]) -> float | None:
    """1/rank of the first gold unit (ranks from 1), 0.0 if none; None when there is no gold."""
    if not gold_ids:
        return None
    gold = set(gold_ids)
    for rank, uid in enumerate(_ranked_unique(ranked_ids), start=1):
        if _is_gold(uid, gold):
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked_ids: Sequence[str], gold_ids: Collection[str], k: int) -> float | None:
    """Binary-relevance nDCG@k; None when there is no gold.

    Example: gold {a, b}, ranking [x, a, b]: DCG@3 = 1/log2(3) + 1/log2(4) = 0.631 + 0.5;
    ideal = 1/log2(2) + 1/log2(3) = 1 + 0.631; nDCG@3 = 1.131 / 1.631 = 0.693.
    """
    _check_k(k)
    if not gold_ids:
        return None
    gold = set(gold_ids)
    dcg = sum(1.0 / math.log2(i + 1)
              for i, uid in enumerate(_ranked_unique(ranked_ids)[:k], start=1) if _is_gold(uid, gold))
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(gold), k) + 1))
    return dcg / ideal


def retrieval_scores(ranked_ids: Sequence[str], gold_ids: Collection[str],
                     ks: Sequence[int] = (1, 3, 5), ndcg_k: int = 5) -> dict[str, float | None]:
    """The retrieval columns of the report for one item: recall@k for each k, rr, ndcg@k."""
    scores: dict[str, float | None] = {f"recall@{k}": recall_at_k(ranked_ids, gold_ids, k) for k in ks}
    scores["rr"] = reciprocal_rank(ranked_ids, gold_ids)
    scores[f"ndcg@{ndcg_k}"] = ndcg_at_k(ranked_ids, gold_ids, ndcg_k)
    return scores


# --- text normalisation and matching ----------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201c\u201d"), "'")
_EDGE_PUNCT = " \t\n.,;:!?'\"()-*_#>"


def normalise_text(text: str) -> str:
    """NFKC, lower case, one kind of dash and quote, single spaces, no markdown emphasis."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    text = re.sub(r"\*\*|__|`", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def contains_phrase(text: str, phrase: str) -> bool:
    """Case-insensitive phrase match that respects word edges: "RE" is not found in "are".

    The edge check applies only where the phrase itself starts or ends with a letter or
    digit, so "(2)" is found in "34(2)" and "130-141" in "pp. 130-141".
    """
    needle = normalise_text(phrase)
    if not needle:
        return False
    head = r"(?<!\w)" if needle[0].isalnum() else ""
    tail = r"(?!\w)" if needle[-1].isalnum() else ""
    return re.search(head + re.escape(needle) + tail, normalise_text(text)) is not None


# --- answers ----------------------------------------------------------------------------

def facts_present(answer: str, required_facts: Sequence[Sequence[str]]) -> float | None:
    """Share of facts with at least one alternative in `answer`; None when nothing is required.

    Example: facts [["liver surgery", "resection"], ["resectable"]] against "Resection is
    the treatment of choice" -> the first fact is present, the second is not -> 0.5.
    """
    if not required_facts:
        return None
    found = sum(1 for fact in required_facts if any(contains_phrase(answer, alt) for alt in fact))
    return found / len(required_facts)


# --- citations --------------------------------------------------------------------------

def _strip_edges(text: str) -> str:
    return normalise_text(text).strip(_EDGE_PUNCT)


def verbatim_support(sentence: str, evidence: str) -> bool:
    """True when the normalised sentence (edge punctuation stripped) occurs in the evidence."""
    needle = _strip_edges(sentence)
    return bool(needle) and needle in normalise_text(evidence)


def _content_tokens(text: str) -> list[str]:
    return [t for t in re.findall(r"\w+", normalise_text(text)) if t not in STOP_WORDS]


def lexical_support(sentence: str, unit_text: str) -> float:
    """Share of the sentence's content tokens that occur in `unit_text` (approximate).

    Approximate by design: it ignores order and negation ("is indicated" and "is not
    indicated" score alike), so it is for the generative mode only, where no exact test
    exists without an NLI model. 0.0 for a sentence with no content tokens.
    Example: "Liver surgery is the treatment of choice" against abstract-s2 -> content
    tokens {liver, surgery, treatment, choice} all present -> 1.0.
    """
    tokens = _content_tokens(sentence)
    if not tokens:
        return 0.0
    vocabulary = set(_content_tokens(unit_text))
    return sum(1 for t in tokens if t in vocabulary) / len(tokens)


def lexical_judge(threshold: float = 0.8) -> Judge:
    """A judge for the generative mode: supported when lexical_support >= threshold."""
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], was: {threshold!r}")
    return lambda sentence, evidence: lexical_support(sentence, evidence) >= threshold


def _evidence(ids: Iterable[str], unit_texts: Mapping[str, str]) -> str:
    """Joined text of the cited units; an ID the mapping lacks contributes nothing."""
    return " ".join(unit_texts.get(u, unit_texts.get(local_id(u), "")) for u in ids)


def citation_recall(statements: Sequence[tuple[str, Sequence[str]]], unit_texts: Mapping[str, str],
                    judge: Judge = verbatim_support) -> float | None:
    """Share of statements supported by their citations together; None for no statements."""
    if not statements:
        return None
    supported = sum(1 for text, ids in statements if ids and judge(text, _evidence(ids, unit_texts)))
    return supported / len(statements)


def citation_precision(statements: Sequence[tuple[str, Sequence[str]]], unit_texts: Mapping[str, str],
                       judge: Judge = verbatim_support) -> float | None:
    """Share of citations that are needed (ALCE); 0.0 with no citations, None for no statements.

    Example: "Liver surgery ... is the treatment of choice [abstract-s2][figure-2]": both
    together support it; abstract-s2 alone does, so it is needed; figure-2 alone does not
    and removing it leaves support intact, so it is not -> 1/2 = 0.5.
    """
    if not statements:
        return None
    total = needed = 0
    for text, ids in statements:
        ids = list(ids)
        total += len(ids)
        if not ids or not judge(text, _evidence(ids, unit_texts)):
            continue
        if len(ids) == 1:
            needed += 1
            continue
        for i, uid in enumerate(ids):
            alone = judge(text, _evidence([uid], unit_texts))
            others = judge(text, _evidence(ids[:i] + ids[i + 1:], unit_texts))
            needed += 1 if alone or not others else 0
    return needed / total if total else 0.0


def citation_scores(markdown_answer: str, unit_texts: Mapping[str, str],
                    judge: Judge = verbatim_support) -> dict[str, float | None]:
    """Split `markdown_answer` and score it: {"citation_recall": .., "citation_precision": ..}."""
    statements = split_answer_sentences(markdown_answer, known_ids=set(unit_texts))
    return {"citation_recall": citation_recall(statements, unit_texts, judge),
            "citation_precision": citation_precision(statements, unit_texts, judge)}
