"""Kinds of definition the letter rules alone missed, each read by a general mechanism:
notation (ion concentrations, genotype signs, the yeast protein suffix), an apposition
without brackets, and a verb that no long form starts with.

The sentences are written for these tests; each expected pair failed before its mechanism
(rag/glossary/extract/notation.py, align.py, rules.py, window.py, pairs.py).
"""

from __future__ import annotations

import pytest

from rag.glossary.extract.spelled import spells_sign
from rag.glossary.extract.notation import read_ion
from rag.glossary.extract.pairs import extract_abbreviations


def pairs(text: str) -> list[tuple[str, str]]:
    return [(a.short, a.long) for a in extract_abbreviations(text)]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Thapsigargin raised the cytosolic calcium concentration ([Ca2+]i) within minutes.",
                 [("[Ca2+]i", "cytosolic calcium concentration")], id="calcium-inside-the-cell"),
    pytest.param("Lowering the external sodium ([Na+]o) slowed the recovery.",
                 [("[Na+]o", "external sodium")], id="sodium-outside-the-cell"),
    pytest.param("an increase of free intracellular Ca2+ ([Ca(2+)]i) followed",
                 [("[Ca(2+)]i", "free intracellular Ca2+")], id="the-ion-written-as-its-symbol"),
    pytest.param("the rise in [K+]i (intracellular potassium) was slow",
                 [("[K+]i", "intracellular potassium")], id="short-form-first"),
    pytest.param("changes in the bath ([K+]o) were small", [], id="no-ion-named-no-definition"),
    pytest.param("the intracellular calcium concentration ([Mg2+]i) was", [], id="another-ion-named"),
])
def test_ion_concentrations(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_read_ion_offsets() -> None:
    """"the" is not a word of an ion concentration: the phrase starts after it."""
    context = "a rise in the intracellular calcium concentration"
    start, end = read_ion("[Ca2+]i", context)
    assert context[start:end] == "intracellular calcium concentration"
    assert read_ion("NaCl", "sodium chloride") is None  # a formula is not a concentration


@pytest.mark.parametrize("text, expected", [
    pytest.param("Fibroblasts from Trp53-null (Trp53-/-) embryos grew faster.",
                 [("Trp53-/-", "Trp53-null")], id="null"),
    pytest.param("we derived Klf4-deficient (Klf4(-/-)) cells", [("Klf4(-/-)", "Klf4-deficient")],
                 id="deficient-sign-in-brackets"),
    pytest.param("Apc heterozygous (Apc+/-) mice developed polyps", [("Apc+/-", "Apc heterozygous")],
                 id="heterozygous"),
    pytest.param("the Trp53 (Trp53-/-) line", [], id="a-sign-the-text-does-not-spell-out"),
])
def test_genotype_signs(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_spells_sign() -> None:
    assert spells_sign("Klf4(-/-)", "Klf4-deficient")
    assert not spells_sign("Klf4(-/-)", "Klf4-positive")
    assert not spells_sign("Klf4", "Klf4-deficient")


@pytest.mark.parametrize("text, expected", [
    pytest.param("the spindle body protein (Spb4p) localises to the pole",
                 [("Spb4p", "spindle body protein")], id="p-is-protein"),
    pytest.param("the mitochondrial import receptor (Mir1p) binds",
                 [("Mir1p", "mitochondrial import receptor")], id="p-without-counterpart"),
])
def test_yeast_protein_suffix(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("The signal is relayed by mitogen-activated protein kinase, MAPK, to the nucleus.",
                 [("MAPK", "mitogen-activated protein kinase")], id="apposition"),
    pytest.param("Cells exposed to reactive oxygen species, ROS, died.",
                 [("ROS", "reactive oxygen species")], id="apposition-after-a-preposition"),
    pytest.param("In the liver, TACE, surgery and ablation were compared.", [],
                 id="a-list-item-is-no-apposition"),
])
def test_appositions(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("These drugs were found to induce nitric oxide synthase (iNOS) in macrophages.", [],
                 id="an-infinitive-is-not-inducible"),
    pytest.param("In culture they secrete growth factors (SGF) that", [], id="a-verb-after-a-pronoun"),
    pytest.param("antibodies binding to heat shock protein (HSP) were", [("HSP", "heat shock protein")],
                 id="a-noun-after-to-still-counts"),
    pytest.param("the inducible nitric oxide synthase (iNOS) gene",
                 [("iNOS", "inducible nitric oxide synthase")], id="the-adjective-still-counts"),
    pytest.param("Levels rose, as did cyclic GMP (cGMP) in", [("cGMP", "cyclic GMP")],
                 id="an-inverted-subject-after-as-did"),
    pytest.param("higher than do wild-type cells (WTC) and", [("WTC", "wild-type cells")],
                 id="an-inverted-subject-after-than-do"),
    pytest.param("as would bind nuclear factor (BNF) in", [], id="a-modal-after-as-still-precedes-a-verb"),
])
def test_a_verb_opens_no_long_form(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected
