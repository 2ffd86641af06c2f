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
