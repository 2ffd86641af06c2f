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
    ("can U tell me what R the options", "can You tell me what Are the options"),
])
def test_shorthand_typed_as_a_word_is_written_out(typed, standard):
    assert expand_shorthand(typed) == standard


@pytest.mark.parametrize("text", ["Y-90 for PT", "TX options", "and/or", "the R0 resection", "G1/G2", "ki-67",
                                  "6 lesions R lobe, L hepatectomy"])
def test_abbreviations_compounds_and_ordinary_words_are_left_alone(text):
    assert expand_shorthand(text) == text



@pytest.mark.parametrize("typed, standard", [
    ("pub yr?", "publication year?"),
    ("vol/iss?", "volume and issue?"),
    ("vol/iss/pp for the review?", "volume and issue and pages for the review?"),
    ("do the kw include ablation", "do the keywords include ablation"),
    ("1st auth", "first author"),
    ("2nd ref pp", "second reference pages"),
    ("who wrote ref. 4?", "who wrote reference 4?"),
    ("what does Fig. 1 show?", "what does Figure 1 show?"),
])
def test_clipped_words_of_a_reference_are_written_out(typed, standard):
    """"pub" is "publication" only before a field a record prints; two clipped words joined by a
    slash list them all."""
    assert expand_shorthand(typed) == standard


@pytest.mark.parametrize("text", ["the pub down the road", "G2 pt"])
def test_pub_alone_is_the_word(text):
    assert "publication" not in expand_shorthand(text)


@pytest.mark.parametrize("typed, standard", [
    ("jrnl + yr?", "journal and year?"),
    ("1st au surname for citation mgr", "first author surname for citation manager"),
    ("5-yr overall survival?", "5-year overall survival?"),
])
def test_more_clipped_words_and_a_clipped_unit_after_a_number(typed, standard):
    """"au" is the author field of PubMed and of reference managers; a clipped unit joined to its number by a
    hyphen is still the unit ("5-yr" is "5-year"), while a hyphen between letters still marks a compound."""
    assert expand_shorthand(typed) == standard


@pytest.mark.parametrize("text", ["pan-NEN", "post-tx", "SI-NEN"])
def test_a_hyphen_after_letters_still_marks_a_compound(text):
    assert expand_shorthand(text) == text
