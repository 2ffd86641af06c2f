"""rag/core/text.py: the one copy of the word tables, stemmer and unit-ID helpers."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rag.core.text import (CARDINALS, FUNCTION_WORDS, ORDINALS, STOP_WORDS, fold_spelling, local_id, number_value,
                           resolve_unit_id, stem, tokens)


@pytest.mark.parametrize("a, b", [
    pytest.param("resected", "resection", id="snowball-inflections"),
    pytest.param("therapies", "therapy", id="plural"),
])
def test_one_stemmer_maps_inflections_together(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("variant, standard", [
    pytest.param("tumours", "tumors", id="british-our"),
    pytest.param("metastasis", "metastases", id="greek-plural"),
    pytest.param("analogues", "analogs", id="ogue"),
    pytest.param("embolisation", "embolization", id="isation"),
    pytest.param("hypoglycaemia", "hypoglycemia", id="aemia"),
])
def test_spelling_variants_fold_to_one_stem(variant, standard):
    assert stem(fold_spelling(variant)) == stem(fold_spelling(standard))


def test_short_and_non_alphabetic_words_keep_their_spelling():
    assert [fold_spelling(w) for w in ("four", "your", "SI-NEN", "ki-67")] == ["four", "your", "si-nen", "ki-67"]


def test_function_words_are_a_subset_of_the_stop_words_and_hold_no_content_word():
    assert FUNCTION_WORDS < STOP_WORDS
    assert not {"liver", "resection", "survival", "one"} & STOP_WORDS


@pytest.mark.parametrize("token, value", [("3", 3), ("three", 3), ("third", 3), ("3rd", 3), ("Twelve", 12),
                                          ("twenty-four", 24), ("some", None)])
def test_number_words_read_as_their_value(token, value):
    assert number_value(token) == value


def test_ordinals_and_cardinals_agree():
    assert all(CARDINALS[c] == ORDINALS[o] for c, o in (("one", "first"), ("two", "second"), ("ten", "tenth")))


def test_tokens_keep_hyphenated_short_forms_and_decimals_whole():
    assert tokens("SI-NEN in 5.5% of G2") == ["si-nen", "in", "5.5", "of", "g2"]


UNITS = {"abstract-s2": SimpleNamespace(doc_key="machairas2021")}
MULTI = {"machairas2021:abstract-s6": SimpleNamespace(doc_key="machairas2021"),
         "other2020:abstract-s6": SimpleNamespace(doc_key="other2020"),
         "machairas2021:figure-2": SimpleNamespace(doc_key="machairas2021")}


@pytest.mark.parametrize("raw, units, doc_key, expected", [
    pytest.param("abstract-s2", UNITS, "", "abstract-s2", id="exact"),
    pytest.param("machairas2021:abstract-s2", UNITS, "", "abstract-s2", id="prefix-of-the-one-document"),
    pytest.param("other2020:abstract-s2", UNITS, "", None, id="prefix-of-another-document"),
    pytest.param("figure-2", MULTI, "", "machairas2021:figure-2", id="bare-id-in-one-document"),
    pytest.param("abstract-s6", MULTI, "", None, id="ambiguous-bare-id-is-not-guessed"),
    pytest.param("abstract-s6", MULTI, "machairas2021", "machairas2021:abstract-s6", id="bare-id-in-named-document"),
    pytest.param("abstract-s9", UNITS, "", None, id="unknown"),
])
def test_a_cited_id_resolves_to_one_unit_or_none(raw, units, doc_key, expected):
    assert resolve_unit_id(raw, units, doc_key) == expected


def test_local_id_drops_the_document_prefix():
    assert (local_id("machairas2021:abstract-s2"), local_id("coi")) == ("abstract-s2", "coi")
