"""Metric and aggregation functions (eval/metrics.py, eval/aggregate.py) on hand-computed examples; each expected value is derived
in the case's comment or the test's docstring."""

from __future__ import annotations

import math

import pytest

from eval.aggregate import AbstentionScores, abstention_scores, aggregate_by, mean, percentile, route_accuracy
from eval.metrics import (
    citation_precision, citation_recall, citation_scores, contains_phrase, facts_present, gold_share_at_k,
    lexical_judge, lexical_support, ndcg_at_k, recall_at_k, reciprocal_rank, retrieval_scores,
    split_answer_sentences, verbatim_support,
)
from rag.core.errors import ConfigError

# --- retrieval --------------------------------------------------------------------------


@pytest.mark.parametrize("ranked, gold, k, expected", [
    pytest.param(["a", "b", "c"], ["a"], 1, 1.0, id="gold-first"),
    pytest.param(["x", "a", "c"], ["a"], 1, 0.0, id="gold-second-k1"),
    pytest.param(["x", "a", "c"], ["a"], 3, 1.0, id="gold-second-k3"),
    pytest.param(["x", "y", "z", "a"], ["a"], 3, 0.0, id="gold-fourth-k3"),
    pytest.param(["x", "b"], ["a", "b"], 2, 1.0, id="one-of-two-gold-is-a-hit"),
    pytest.param([], ["a"], 5, 0.0, id="nothing-ranked"),
    pytest.param(["x", "x", "x", "a"], ["a"], 2, 1.0, id="duplicates-collapse"),  # [x, a]
    pytest.param(["doc:a"], ["a"], 1, 1.0, id="prefixed-candidate-bare-gold"),
    pytest.param(["a"], ["doc:a"], 1, 0.0, id="bare-candidate-prefixed-gold"),
    pytest.param(["a"], [], 1, None, id="no-gold"),
])
def test_recall_at_k_is_hit_at_k(ranked, gold, k, expected):
    assert recall_at_k(ranked, gold, k) == expected


@pytest.mark.parametrize("ranked, gold, k, expected", [
    pytest.param(["x", "b", "y"], ["a", "b"], 3, 0.5, id="one-of-two"),
    pytest.param(["b", "a"], ["a", "b"], 2, 1.0, id="both"),
    pytest.param(["b", "x", "a"], ["a", "b"], 2, 0.5, id="second-beyond-k"),
    pytest.param(["x"], [], 1, None, id="no-gold"),
])
def test_gold_share_at_k(ranked, gold, k, expected):
    assert gold_share_at_k(ranked, gold, k) == expected


@pytest.mark.parametrize("ranked, gold, expected", [
    pytest.param(["a", "b"], ["a"], 1.0, id="rank-1"),
    pytest.param(["x", "y", "a"], ["a"], 1 / 3, id="rank-3"),
    pytest.param(["x", "b", "a"], ["a", "b"], 0.5, id="first-gold-counts"),
    pytest.param(["x", "x", "a"], ["a"], 0.5, id="duplicates-collapse"),  # [x, a] -> rank 2
    pytest.param(["x", "y"], ["a"], 0.0, id="not-ranked"),
    pytest.param(["x"], [], None, id="no-gold"),
])
def test_reciprocal_rank(ranked, gold, expected):
    got = reciprocal_rank(ranked, gold)
    assert got is None if expected is None else got == pytest.approx(expected)


@pytest.mark.parametrize("ranked, gold, k, expected", [
    pytest.param(["a", "x"], ["a"], 5, 1.0, id="ideal"),
    # gold at rank 2: 1/log2(3) = 0.6309; ideal 1/log2(2) = 1
    pytest.param(["x", "a"], ["a"], 5, 1 / math.log2(3), id="rank-2"),
    # DCG = 1/log2(3) + 1/log2(4) = 1.1309; ideal = 1 + 1/log2(3) = 1.6309 -> 0.6934
    pytest.param(["x", "a", "b"], ["a", "b"], 3, (1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3)),
                 id="two-gold-ranks-2-3"),
    # only one of two gold fits in k=1, and it is first: DCG 1, ideal (min(2,1)=1 slot) 1
    pytest.param(["a", "b"], ["a", "b"], 1, 1.0, id="ideal-truncated-to-k"),
    pytest.param(["x", "y", "a"], ["a"], 2, 0.0, id="beyond-k"),
    pytest.param([], ["a"], 5, 0.0, id="nothing-ranked"),
    pytest.param(["a"], [], 5, None, id="no-gold"),
])
def test_ndcg_at_k_binary(ranked, gold, k, expected):
    got = ndcg_at_k(ranked, gold, k)
    assert got is None if expected is None else got == pytest.approx(expected)


def test_retrieval_scores_gathers_the_report_columns():
    """Gold b at rank 2: recall@1 0, @3 1, @5 1, rr 1/2, ndcg@5 1/log2(3)."""
    scores = retrieval_scores(["a", "b", "c"], ["b"])
    assert scores == pytest.approx({"recall@1": 0.0, "recall@3": 1.0, "recall@5": 1.0, "rr": 0.5,
                                    "ndcg@5": 1 / math.log2(3)})


@pytest.mark.parametrize("func", [recall_at_k, gold_share_at_k, ndcg_at_k], ids=lambda f: f.__name__)
@pytest.mark.parametrize("k", [0, -1, 1.5])
def test_k_must_be_a_positive_integer(func, k):
    with pytest.raises(ConfigError, match=rf"k must be a positive integer, was: {k}"):
        func(["a"], ["a"], k)


# --- facts ------------------------------------------------------------------------------

S2 = ("Liver surgery with the intention to cure is the treatment of choice for resectable "
      "neuroendocrine liver metastases (NELM), aiming to potentially prolong survival.")


@pytest.mark.parametrize("answer, facts, expected", [
    pytest.param(S2, [["liver surgery", "resection"], ["resectable"]], 1.0, id="all-present"),
    # first fact via its second alternative, second fact absent -> 1/2
    pytest.param("Resection is advised.", [["liver surgery", "resection"], ["resectable"]], 0.5, id="half"),
    pytest.param("LIVER SURGERY", [["liver surgery"]], 1.0, id="case-insensitive"),
    pytest.param("Why are these drugs safe?", [["RE"], ["SA"]], 0.0, id="word-edges"),  # not in "are", "safe"
    pytest.param("Ann Gastroenterol. 2021;34(2):130\u2013141.", [["34"], ["(2)"], ["130-141"]], 1.0,
                 id="punctuation-and-en-dash"),
    pytest.param("**TACE** \u2014 transarterial  chemoembolization", [["TACE"], ["transarterial chemoembolization"]],
                 1.0, id="markdown-and-spaces"),
    pytest.param("anything", [], None, id="nothing-required"),
])
def test_facts_present(answer, facts, expected):
    assert facts_present(answer, facts) == expected


@pytest.mark.parametrize("text, phrase, expected", [
    ("the G1/G2 branch", "G1/G2", True),
    ("figure [13]", "13", True),
    ("130-141", "30", False),
    ("", "liver", False),
    ("liver", "", False),
])
def test_contains_phrase(text, phrase, expected):
    assert contains_phrase(text, phrase) is expected


# --- splitting answers into cited statements --------------------------------------------

@pytest.mark.parametrize("answer, expected", [
    pytest.param("Surgery is preferred [abstract-s2]. Figure 2 is an algorithm [figure-2][keywords].",
                 [("Surgery is preferred.", ["abstract-s2"]),
                  ("Figure 2 is an algorithm.", ["figure-2", "keywords"])], id="citation-before-period"),
    pytest.param("Surgery is preferred. [abstract-s2] Figure 2 is an algorithm. [figure-2]",
                 [("Surgery is preferred.", ["abstract-s2"]), ("Figure 2 is an algorithm.", ["figure-2"])],
                 id="citation-after-period"),
    pytest.param("One [machairas2021:abstract-s2; figure-2].", [("One.", ["machairas2021:abstract-s2", "figure-2"])],
                 id="prefixed-ids-in-one-bracket"),
    pytest.param("One [abstract-s1] [figure-2]. [coi] Two.", [("One.", ["abstract-s1", "figure-2", "coi"]), ("Two.", [])],
                 id="adjacent-groups-merge-trailing-text-uncited"),
    pytest.param("Proposed types of distribution [13] [figure-1].",
                 [("Proposed types of distribution [13].", ["figure-1"])], id="reference-number-is-text"),
    pytest.param("See [the guide](http://x) now [coi].", [("See [the guide](http://x) now.", ["coi"])], id="link-is-text"),
    pytest.param("- **TACE** \u2014 transarterial chemoembolization [figure-2]\n- **TAE** \u2014 x [figure-2]",
                 [("**TACE** \u2014 transarterial chemoembolization", ["figure-2"]), ("**TAE** \u2014 x", ["figure-2"])],
                 id="bullets"),
    pytest.param("Modlin IM, et al. Gastroenteropancreatic neuroendocrine tumours. Lancet Oncol. 2008;9:61\u201372 "
                 "[reference-1].",
                 [("Modlin IM, et al. Gastroenteropancreatic neuroendocrine tumours. Lancet Oncol. 2008;9:61\u201372.",
                   ["reference-1"])], id="quoted-reference-stays-whole"),
    pytest.param("First line\n[abstract-s1]", [("First line", ["abstract-s1"])], id="citation-on-its-own-line"),
    pytest.param("No citations here.", [("No citations here.", [])], id="uncited"),
    pytest.param("[abstract-s1]", [], id="citation-with-nothing-to-cite"),
    pytest.param("", [], id="empty"),
])
def test_split_answer_sentences(answer, expected):
    assert split_answer_sentences(answer) == expected


def test_known_ids_extend_what_counts_as_a_citation():
    assert split_answer_sentences("Text [S1].") == [("Text [S1].", [])]
    assert split_answer_sentences("Text [S1].", known_ids={"S1"}) == [("Text.", ["S1"])]


# --- citation recall and precision (ALCE) -----------------------------------------------

UNITS = {
    "abstract-s2": S2,
    "figure-2": "Treatment algorithm for well-differentiated (G1/G2) neuroendocrine liver metastases TACE, "
                "transarterial chemoembolization",
    "keywords": "Keywords: Neuroendocrine; ablation; embolization; liver metastasis; surgery.",
}
QUOTE_S2 = "Liver surgery with the intention to cure is the treatment of choice"
QUOTE_F2 = "TACE, transarterial chemoembolization"
# A statement that needs both units: its first half is in abstract-s2, its second in figure-2.
BRIDGE = "aiming to potentially prolong survival. Treatment algorithm for well-differentiated"


@pytest.mark.parametrize("statements, recall, precision", [
    # one statement, its only citation supports it: 1/1 supported, 1/1 needed
    pytest.param([(QUOTE_S2, ["abstract-s2"])], 1.0, 1.0, id="single-supported"),
    # wrong citation: 0/1 supported; the citation of an unsupported statement is not needed
    pytest.param([(QUOTE_S2, ["figure-2"])], 0.0, 0.0, id="single-wrong"),
    # s2 alone supports -> needed; figure-2 alone fails and s2 still supports -> not needed: 1/2
    pytest.param([(QUOTE_S2, ["abstract-s2", "figure-2"])], 1.0, 0.5, id="one-superfluous"),
    # each alone fails, removing either breaks support -> both needed: 2/2
    pytest.param([(BRIDGE, ["abstract-s2", "figure-2"])], 1.0, 1.0, id="both-needed-jointly"),
    # two statements, one uncited: recall 1/2; citations: 1 needed of 1
    pytest.param([(QUOTE_S2, ["abstract-s2"]), ("Unsupported claim.", [])], 0.5, 1.0, id="uncited-statement"),
    # 3 citations: s2 for statement 1 (needed), f2 (needed), keywords (alone fails, f2 still supports): 2/3
    pytest.param([(QUOTE_S2, ["abstract-s2"]), (QUOTE_F2, ["figure-2", "keywords"])], 1.0, 2 / 3,
                 id="two-statements"),
    # unknown unit supplies no text: unsupported, its citation not needed
    pytest.param([(QUOTE_S2, ["abstract-s9"])], 0.0, 0.0, id="unknown-unit"),
    # prefixed citation resolves to the bare key
    pytest.param([(QUOTE_S2, ["machairas2021:abstract-s2"])], 1.0, 1.0, id="prefixed-id"),
    # ALCE: statements but no citations at all -> precision 0
    pytest.param([("Nothing cited.", [])], 0.0, 0.0, id="no-citations"),
    pytest.param([], None, None, id="no-statements"),
])
def test_citation_recall_and_precision(statements, recall, precision):
    assert citation_recall(statements, UNITS) == (pytest.approx(recall) if recall is not None else None)
    assert citation_precision(statements, UNITS) == (pytest.approx(precision) if precision is not None else None)


@pytest.mark.parametrize("sentence, evidence, expected", [
    pytest.param("LIVER SURGERY  with the intention to cure.", S2, True, id="case-space-period"),
    pytest.param("Liver surgery is the treatment of choice", S2, False, id="not-verbatim"),
    pytest.param("130\u2013141", "pages 130-141", True, id="dash-kinds"),
    pytest.param("...", S2, False, id="nothing-left"),
])
def test_verbatim_support(sentence, evidence, expected):
    assert verbatim_support(sentence, evidence) is expected


@pytest.mark.parametrize("sentence, evidence, expected", [
    # content tokens {liver, surgery, treatment, choice}: all in s2 -> 4/4
    pytest.param("Liver surgery is the treatment of choice", S2, 1.0, id="all-tokens"),
    # {liver, transplantation, treatment, choice}: transplantation missing -> 3/4
    pytest.param("Liver transplantation is the treatment of choice", S2, 0.75, id="three-of-four"),
    pytest.param("the of and", S2, 0.0, id="only-stopwords"),
    pytest.param("", S2, 0.0, id="empty"),
])
def test_lexical_support(sentence, evidence, expected):
    assert lexical_support(sentence, evidence) == pytest.approx(expected)


def test_lexical_judge_makes_citation_metrics_approximate_for_paraphrases():
    """The paraphrase fails the verbatim test but passes lexical support at 0.75 (3/4 >= 0.75)."""
    statements = [("Liver transplantation is the treatment of choice", ["abstract-s2"])]
    assert citation_recall(statements, UNITS) == 0.0
    assert citation_recall(statements, UNITS, judge=lexical_judge(0.75)) == 1.0
    assert citation_recall(statements, UNITS, judge=lexical_judge(0.8)) == 0.0


@pytest.mark.parametrize("threshold", [0, -0.1, 1.01])
def test_lexical_judge_threshold_is_checked(threshold):
    with pytest.raises(ConfigError, match=r"threshold must be in \(0, 1\]"):
        lexical_judge(threshold)


def test_citation_scores_end_to_end_on_an_extractive_answer():
    """Two statements, both verbatim with one needed citation each, plus a superfluous
    [keywords] on the second: recall 2/2, precision 2/3."""
    answer = f"{QUOTE_S2} [abstract-s2]. {QUOTE_F2} [figure-2][keywords]."
    assert citation_scores(answer, UNITS) == pytest.approx({"citation_recall": 1.0, "citation_precision": 2 / 3})


# --- abstention, routes, percentiles, aggregation ---------------------------------------

def test_abstention_scores():
    """Expected/predicted: 3 right refusals, 1 refusal of an answerable item, 1 missed
    refusal, 5 answered. Precision 3/4, recall 3/4, false refusals 1/6."""
    pairs = [(True, True)] * 3 + [(False, True)] + [(True, False)] + [(False, False)] * 5
    assert abstention_scores(pairs) == AbstentionScores(3, 1, 1, 5, 0.75, 0.75, 1 / 6)


@pytest.mark.parametrize("pairs, expected", [
    pytest.param([], AbstentionScores(0, 0, 0, 0, None, None, None), id="empty"),
    pytest.param([(False, False)], AbstentionScores(0, 0, 0, 1, None, None, 0.0), id="no-refusals"),
    pytest.param([(True, True)], AbstentionScores(1, 0, 0, 0, 1.0, 1.0, None), id="nothing-answerable"),
])
def test_abstention_scores_edge_cases(pairs, expected):
    assert abstention_scores(pairs) == expected


@pytest.mark.parametrize("route, expected", [
    pytest.param(None, 3 / 5, id="all"),         # 3 of 5 agree
    pytest.param("glossary", 1 / 2, id="glossary"),  # expected glossary twice, right once
    pytest.param("algorithm", 1.0, id="algorithm"),
    pytest.param("retrieval", 1 / 2, id="retrieval"),
    pytest.param("other", None, id="no-such-items"),
])
def test_route_accuracy(route, expected):
    pairs = [("glossary", "glossary"), ("glossary", "retrieval"), ("algorithm", "algorithm"),
             ("retrieval", "retrieval"), ("retrieval", "algorithm")]
    assert route_accuracy(pairs, route) == expected


@pytest.mark.parametrize("values, p, expected", [
    pytest.param([10, 20, 30, 40], 50, 25.0, id="median-even"),   # rank 1.5 -> 20 + 0.5*10
    pytest.param([10, 20, 30, 40], 95, 38.5, id="p95"),           # rank 2.85 -> 30 + 0.85*10
    pytest.param([3, 1, 2], 50, 2.0, id="unsorted"),
    pytest.param([7], 95, 7.0, id="single"),
    pytest.param([1, 2], 0, 1.0, id="p0"),
    pytest.param([1, 2], 100, 2.0, id="p100"),
    pytest.param([], 50, None, id="empty"),
])
def test_percentile(values, p, expected):
    assert percentile(values, p) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize("p", [-1, 101])
def test_percentile_range_is_checked(p):
    with pytest.raises(ConfigError, match=rf"between 0 and 100, was: {p}"):
        percentile([1.0], p)


def test_mean_skips_not_applicable_values():
    assert mean([1.0, None, 0.0]) == 0.5
    assert mean([None]) is None
    assert mean([]) is None


def test_aggregate_by_category():
    """a: rr (1 + 0.5)/2 = 0.75, facts 1.0; b: rr not applicable, facts 0; all: rr 0.75, facts 2/3."""
    rows = [{"category": "a", "rr": 1.0, "facts": 1.0}, {"category": "a", "rr": 0.5, "facts": 1.0},
            {"category": "b", "rr": None, "facts": 0.0}]
    summary = aggregate_by(rows, "category", ["rr", "facts"])
    assert summary["a"] == {"n": 2, "rr": 0.75, "facts": 1.0}
    assert summary["b"] == {"n": 1, "rr": None, "facts": 0.0}
    assert summary["all"] == pytest.approx({"n": 3, "rr": 0.75, "facts": 2 / 3})


def test_aggregate_by_names_a_missing_group_key():
    with pytest.raises(ConfigError, match=r"no 'category' field"):
        aggregate_by([{"rr": 1.0}], "category", ["rr"])
