"""rag/core/shorthand.py: chat and note shorthand is written out before a question is searched."""

from __future__ import annotations

import pytest

from rag.core.shorthand import expand_shorthand


@pytest.mark.parametrize("typed, standard", [
    ("wat yr did this come out & which vol", "what year did this come out & which volume"),
    ("tx for pts w/ liver mets", "treatment for patients with liver mets"),
    ("y?", "why?"),
    ("Fig 2 pls", "Figure 2 please"),
    ("r they used w/o surgery", "are they used without surgery"),
])
def test_shorthand_typed_as_a_word_is_written_out(typed, standard):
    assert expand_shorthand(typed) == standard


@pytest.mark.parametrize("text", ["Y-90 for PT", "TX options", "and/or", "the R0 resection", "G1/G2", "ki-67"])
def test_abbreviations_compounds_and_ordinary_words_are_left_alone(text):
    assert expand_shorthand(text) == text

