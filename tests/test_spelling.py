"""rag/retrieval/spelling.py: typos point at the review's own words, never at general English."""

from __future__ import annotations

import pytest

from rag.retrieval.spelling import Speller

TEXT = ("Liver surgery with the intention to cure is the treatment of choice for resectable neuroendocrine "
        "liver metastases; liver transplantation and chemoembolization in highly selected patients.")


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller([TEXT])


@pytest.mark.parametrize("typo, meant", [
    pytest.param("resecable", "resectable", id="dropped-letter"),
    pytest.param("neuroendocrin", "neuroendocrine", id="clipped"),
    pytest.param("transplantaion", "transplantation", id="swapped"),
    pytest.param("chemoembolisaton", "chemoembolization", id="two-edits-in-a-long-word"),
])
def test_a_typo_of_a_review_word_is_corrected(speller, typo, meant):
    assert speller.correct(typo) == meant


@pytest.mark.parametrize("word", [
    pytest.param("respectable", id="english-word-is-never-a-typo"),
    pytest.param("mets", id="short-clipped-word"),
    pytest.param("alpps", id="short-form"),
    pytest.param("surgery", id="already-a-review-word"),
    pytest.param("zzzzzzzz", id="nothing-close"),
])
def test_words_english_knows_or_the_review_uses_are_left_alone(speller, word):
    assert speller.correct(word) is None


def test_corrections_list_each_typo_once(speller):
    assert speller.corrections("Is resecable NELM resecable?") == [("resecable", "resectable")]


@pytest.mark.parametrize("typo, meant", [
    pytest.param("intrest", "interest", id="common-misspelling-seen-on-the-web"),
    pytest.param("refrence", "reference", id="dropped-letter-of-a-frame-word"),
])
def test_a_rare_spelling_a_thousand_times_rarer_than_its_neighbour_is_a_slip(speller, typo, meant):
    """Web text has seen common slips ("intrest", Zipf 1.9), so "unknown to English" misses
    them; a neighbour 3 Zipf points (1,000x) more frequent explains the word better."""
    assert speller.correct(typo) == meant


@pytest.mark.parametrize("typo, meant", [
    pytest.param("publisehd", "published", id="transposition"),
    pytest.param("abbreviatoin", "abbreviation", id="transposition-late"),
    pytest.param("meanning", "meaning", id="inserted-letter"),
    pytest.param("definiton", "definition", id="dropped-letter"),
    pytest.param("journel", "journal", id="substitution"),
])
def test_an_unknown_lower_case_word_one_edit_from_a_common_english_word_is_that_word(speller, typo, meant):
    """Every kind of single edit (Damerau: a transposition counts as one) reaches the English word: each
    one-edit variant of the typo is looked up among the common words."""
    assert speller.correct(typo) == meant


@pytest.mark.parametrize("word", ["recieve", "seperate", "ileal", "ligated", "debulking", "octreotide"])
def test_a_rare_word_without_an_overwhelming_neighbour_is_left_alone(speller, word):
    """Clinical words ("ileal", one letter from "ideal") and slips common enough to be read as
    they are ("recieve", Zipf 2.8) are not rewritten."""
    assert speller.correct(word) is None


def test_a_compound_written_open_is_the_word_the_review_writes_closed_up():
    speller = Speller(["Neuroendocrine neoplasms (NEN) ... SI-NEN ... surgical and non-surgical approaches"])
    assert speller.read("the doc said its neuro-endocrine") == "the doc said its neuroendocrine"
    # one the review itself writes hyphenated, or whose parts make no word of it, stays as typed
    assert speller.read("is SI-NEN a non-surgical thing?") == "is SI-NEN a non-surgical thing?"
