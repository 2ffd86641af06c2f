"""Chemistry, measurement and biology notation in abbreviation definitions.

Precision: a symbol of the periodic table or the SI beside its own name ("zinc (Zn)",
"milligrams per kilogram (mg/kg)") and a bracket listing the members of a class ("OT subunits
(Ost4p, Ost3p, and Stt3p)") define nothing (symbols.py, pairs.py). Recall: amino-acid codes
and substitutions (residues.py), chemical names whose parent opens inside a word or after
locants (align.py, rules.py), species codes opening a symbol (spelled.py), and a term joined to
a bracketed one by a slash (align.py).

The sentences are written for these tests; each expected pair (or its absence) failed before
its mechanism.
"""

from __future__ import annotations

import pytest

from rag.glossary.extract.pairs import extract_abbreviations
from rag.glossary.extract.residues import read_residues
from rag.glossary.extract.symbols import CHEMICAL_PREFIX, names_symbol


def pairs(text: str) -> list[tuple[str, str]]:
    return [(a.short, a.long) for a in extract_abbreviations(text)]


@pytest.mark.parametrize("short, long, expected", [
    pytest.param("Zn", "zinc", True, id="element-symbol"),
    pytest.param("Cl-", "chloride", True, id="ion-with-charge"),
    pytest.param("Ca2+", "free calcium ions", True, id="ion-words-around-the-name"),
    pytest.param("Fe(III)", "ferric iron", True, id="oxidation-state"),
    pytest.param("CoCl2", "cobalt chloride", True, id="salt-formula"),
    pytest.param("mg/kg", "milligrams per kilogram", True, id="compound-unit"),
    pytest.param("kDa", "kilodaltons", True, id="prefixed-unit"),
    pytest.param("min", "minutes", True, id="time-unit"),
    pytest.param("bpm", "beats per minute", True, id="count-per-unit"),
    pytest.param("mmHg", "millimeters of mercury", True, id="pressure-unit"),
    pytest.param("NO", "nitric oxide", False, id="conventional-compound-abbreviation"),
    pytest.param("SNP", "sodium nitroprusside", False, id="name-is-not-the-elements"),
    pytest.param("ZF", "zinc finger", False, id="term-built-on-an-element"),
    pytest.param("CaBP", "calcium-binding protein", False, id="protein-named-after-an-element"),
    pytest.param("bp", "base pairs", False, id="base-pairs-are-a-term"),
])
def test_names_symbol(short: str, long: str, expected: bool) -> None:
    assert names_symbol(short, long) is expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Cells were exposed to zinc (Zn) and to chloride (Cl-) for 2 h.", [], id="element-and-ion"),
    pytest.param("Rats received 10 milligrams per kilogram (mg/kg) over 30 minutes (min).", [], id="units"),
    pytest.param("Cobalt chloride (CoCl2) mimics hypoxia.", [], id="formula"),
    pytest.param("Heart rate in beats per minute (bpm) fell.", [], id="rate-unit"),
    pytest.param("Zinc finger (ZF) proteins bind nitric oxide (NO).",
                 [("ZF", "Zinc finger"), ("NO", "nitric oxide")], id="terms-on-chemical-names-kept"),
])
def test_symbols_beside_their_names_define_nothing(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Three of the OT subunits (Ost4p, Ost3p, and Stt3p) form a complex.", [],
                 id="members-of-a-class"),
    pytest.param("Two upstream open reading frames (uORF1 and uORF2) control it.",
                 [("uORF1", "upstream open reading frames")], id="numbered-variants-are-the-class"),
])
def test_bracket_listing_members(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Splicing factors carry arginine/serine (RS)-rich domains.",
                 [("RS", "arginine/serine")], id="one-letter-codes-of-names"),
    pytest.param("The Arg-Gly-Asp (RGD) motif binds integrins.",
                 [("RGD", "Arg-Gly-Asp")], id="three-letter-codes"),
    pytest.param("Mutations of Leu-169 to Phe (L169F) confer resistance.",
                 [("L169F", "Leu-169 to Phe")], id="substitution"),
    pytest.param("The leucine 169 to phenylalanine (L169F) mutant is inactive.",
                 [("L169F", "leucine 169 to phenylalanine")], id="substitution-in-words"),
    pytest.param("Ser/Thr (S/T) kinases phosphorylate it.", [("S/T", "Ser/Thr")], id="slashed-codes"),
])
def test_amino_acid_codes(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("short, context, expected", [
    pytest.param("RS", "rich in arginine/serine", (8, 23), id="run"),
    pytest.param("L169F", "a change of Leu-169 to Phe", (12, 26), id="mutation"),
    pytest.param("L169F", "a change of Leu-168 to Phe", None, id="position-must-agree"),
    pytest.param("RS", "rich in serine/arginine", None, id="order-must-agree"),
    pytest.param("G", "the glycine", None, id="single-letter-left-to-series"),
    pytest.param("RS", "the Ras system", None, id="not-residues"),
])
def test_read_residues(short: str, context: str, expected: tuple[int, int] | None) -> None:
    assert read_residues(short, context) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Cells were grown with 1, 3-propanediol (Pr) added.",
                 [("Pr", "1, 3-propanediol")], id="spaced-locants-with-one-token-name"),
    pytest.param("The 1alpha,25-dihydroxyvitamin D(3) receptor (VDR) binds DNA.",
                 [("VDR", "1alpha,25-dihydroxyvitamin D(3) receptor")], id="parent-inside-a-prefixed-word"),
    pytest.param("Mutations in yeast 1,3-beta-glucan synthase (GS) were found.",
                 [("GS", "1,3-beta-glucan synthase")], id="greek-descriptor-is-no-word"),
    pytest.param("Yeast iso-1-ferricytochrome c (Cc) and ferricytochrome c peroxidase (CcP) bind.",
                 [("Cc", "iso-1-ferricytochrome c"), ("CcP", "ferricytochrome c peroxidase")],
                 id="oxidation-state-prefix"),
    pytest.param("The epidermal growth factor receptor (EGFR)/phosphatidylinositol 3-kinase (PI3K) pathway.",
                 [("EGFR", "epidermal growth factor receptor"), ("PI3K", "phosphatidylinositol 3-kinase")],
                 id="term-after-a-slash"),
])
def test_chemical_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("word, parent_at", [
    pytest.param("dihydroxyvitamin", 9, id="multiplied-substituent"),
    pytest.param("ferricytochrome", 5, id="oxidation-state"),
    pytest.param("methylation", None, id="a-suffix-is-no-parent"),
    pytest.param("phosphorylation", None, id="phosphoryl-is-no-prefix"),
])
def test_chemical_prefix(word: str, parent_at: int | None) -> None:
    m = CHEMICAL_PREFIX.match(word)
    assert (m.end() if m else None) == parent_at


@pytest.mark.parametrize("text, expected", [
    pytest.param("Little is known of human ORC (HsORC) in cells.", [("HsORC", "human ORC")], id="human"),
    pytest.param("We studied Arabidopsis GDI (AtGDI1) in roots.",
                 [("AtGDI1", "Arabidopsis GDI")], id="plant-with-gene-number"),
    pytest.param("cDNAs from Drosophila (Dm) were cloned.", [("Dm", "Drosophila")], id="code-alone"),
    pytest.param("It binds specificity protein (Sp) sites.",
                 [("Sp", "specificity protein")], id="letters-first"),
    pytest.param("It binds the rat ORC (HsORC) complex.", [], id="wrong-species"),
])
def test_species_codes(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected
