"""A short word with a letter dropped ("spred", "comon") read as the common word it lost a letter from, while a
short medical word that one replaced letter would make common ("ileal", not "ideal") is left alone. Each is a
pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.retrieval.spelling import Speller

TEXT = "Liver surgery is the treatment of choice for resectable neuroendocrine liver metastases."


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller([TEXT])


@pytest.mark.parametrize("typo, meant", [
    ("spred", "spread"),
    ("comon", "common"),
    ("befor", "before"),
    ("cutof", "cutoff"),
])
def test_a_five_letter_word_with_a_letter_dropped_is_the_common_word(speller, typo, meant):
    assert speller.correct(typo) == meant


@pytest.mark.parametrize("word", ["ileal", "hilar", "nelms", "pnets"])
def test_a_short_word_that_only_a_replaced_letter_makes_common_is_left_alone(speller, word):
    assert speller.correct(word) is None


def test_a_capitalised_short_word_is_never_read_as_english(speller):
    assert speller.correct("Spred") is None
