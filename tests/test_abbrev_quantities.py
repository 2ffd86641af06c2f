"""Kinds of definition the letter rules could not reach, each read by a general mechanism:
a quantity's symbol and subscript (parameters.py), single letters in a coordinated series
(series.py), long forms that are comma series (window.py), and legends whose last item
follows "and" or whose symbol is a quantity (legends.py).

The sentences are written for these tests; each expected pair failed before its mechanism.
"""

from __future__ import annotations

import pytest

from rag.glossary.extract.pairs import extract_abbreviations
from rag.glossary.extract.parameters import read_parameter
from rag.glossary.extract.pseudo import notation_estimate


def pairs(text: str) -> list[tuple[str, str]]:
    return [(a.short, a.long) for a in extract_abbreviations(text)]


@pytest.mark.parametrize("text, expected", [
    pytest.param("The maximum plasma concentration (Cmax) was reached at 2 h.",
                 [("Cmax", "maximum plasma concentration")], id="subscript-read-first"),
    pytest.param("The peak serum concentration (C(max)) was high.",
                 [("C(max)", "peak serum concentration")], id="bracketed-subscript-and-its-synonym"),
    pytest.param("Its elimination half-life (t1/2) was 4 h.", [("t1/2", "half-life")], id="half-life"),
    pytest.param("The Michaelis constant (K(m)) rose and the maximal velocity (V(max)) fell.",
                 [("K(m)", "Michaelis constant"), ("V(max)", "maximal velocity")],
                 id="enzyme-kinetics-symbols"),
    pytest.param("The equilibrium dissociation constant (Kd) was 3 nM.",
                 [("Kd", "dissociation constant")], id="constant-is-not-the-initial"),
    pytest.param("The half-maximal inhibitory concentration (IC50) was 3 nM.",
                 [("IC50", "half-maximal inhibitory concentration")], id="fifty-read-as-half-maximal"),
    pytest.param("The median lethal dose (LD50) was 3 mg/kg.",
                 [("LD50", "median lethal dose")], id="fifty-read-as-median"),
    pytest.param("The binding constant (Kd) was 3 nM.", [], id="subscript-word-missing"),
    pytest.param("The plasma maximum (Cmax) was high.", [], id="quantity-word-missing"),
])
def test_quantities(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_a_gene_symbol_is_no_quantity() -> None:
    """Only the conventional letters of quantities are read as symbols: R is none, so "Rap"
    is left to the letter rules, which read it as usual."""
    assert read_parameter("Rap", "the Ras related protein") is None
    assert read_parameter("Rab", "a receptor binding rate") is None
    assert pairs("the Ras related protein (Rap) was") == [("Rap", "Ras related protein")]


def test_read_parameter_inside_the_bracket_must_hold_the_name_alone() -> None:
    """"Cmax (maximum concentration)" defines it; "Cmax (maximum concentration at 2 h)" is
    a remark, though its start reads as the name."""
    assert pairs("Cmax (maximum concentration) rose.") == [("Cmax", "maximum concentration")]
    assert read_parameter("Cmax", "maximum concentration") == (0, len("maximum concentration"))
    assert pairs("Cmax (maximum concentration at 2 h) rose.") == []


def test_notation_never_fires_on_randomised_pairs() -> None:
    """Each short form is paired with the context of another document: a notation reading
    needs the quantity's word and the subscript's, so it reads none of them, while it reads
    the two real definitions."""
    texts = ["The maximum plasma concentration (Cmax) was reached at 2 h.",
             "The Michaelis constant (K(m)) was 3 mM.",
             "Levels of tumour necrosis factor (TNF) rose.",
             "The half-life (t1/2) was short."]
    estimate = notation_estimate(texts, shuffles=5, seed=1)
    assert (estimate.real, estimate.random) == (3, 0.0)


@pytest.mark.parametrize("text, expected", [
    pytest.param("known as the large (L), middle (M) and small (S) proteins.",
                 [("L", "large"), ("M", "middle"), ("S", "small")], id="three-members"),
    pytest.param("The tumour (T), node (N), and metastasis (M) stages were assessed.",
                 [("T", "tumour"), ("N", "node"), ("M", "metastasis")], id="serial-comma"),
    pytest.param("The rate was high at time (t) zero.", [], id="a-letter-alone"),
    pytest.param("To date, human (h) Upf1 protein (p) was studied.", [], id="words-between-make-one-name"),
    pytest.param("They used an assay (a), a blot (b) and a count (c).", [], id="an-enumeration"),
])
def test_single_letter_series(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Staging used the tumor, node, metastasis (TNM) classification.",
                 [("TNM", "tumor, node, metastasis")], id="comma-series"),
    pytest.param("Staging used the Tumor, Node, and Metastasis (TNM) classification.",
                 [("TNM", "Tumor, Node, and Metastasis")], id="capitalised-with-and"),
    pytest.param("We measured body weight, heart rate, blood pressure (BP) and others.",
                 [("BP", "blood pressure")], id="a-list-before-the-long-form-stays-out"),
])
def test_long_forms_that_are_comma_series(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("We used two tools: MMSE, Mini-Mental State Examination, and CDR, Clinical Dementia Rating.",
                 [("MMSE", "Mini-Mental State Examination"), ("CDR", "Clinical Dementia Rating")],
                 id="last-item-after-and"),
    pytest.param("Abbreviations: AUC, area under the curve; Cmax, maximum plasma concentration; t1/2, half-life.",
                 [("AUC", "area under the curve"), ("Cmax", "maximum plasma concentration"),
                  ("t1/2", "half-life")], id="quantities-in-a-legend"),
])
def test_legends(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected
