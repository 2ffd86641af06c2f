"""Symbols of chemistry and measurement: what they stand for, and when a bracket holding one
defines nothing.

In: a short-form candidate and a long form. Out: whether the pair is a symbol written beside
its own name (`names_symbol`), plus the tables other modules read by notation: the elements'
names (`ELEMENT_NAMES`, for ion concentrations in notation.py) and the amino acids' codes
(`AMINO_ACIDS`, for residues and mutations in residues.py).

An element's symbol ("Zn", "Cl-", "Cd2+", "Fe(III)") and a unit's ("mM", "kDa", "mg/kg",
"min") belong to the notation of chemistry and of the SI, fixed by IUPAC and the BIPM, not
coined by the author: "zinc (Zn)" or "milligrams per kilogram (mg/kg)" tell the reader which
symbol the text will use, as "five (5)" would; they define no abbreviation. Their letters
often spell the name out ("Zn" from "zinc"), so the letter rules alone would accept them. A formula is held to the same
test ("cobalt chloride (CoCl2)"); names of compounds that are abbreviations by convention
("nitric oxide (NO)") are not the elements' names and stay definitions.
"""

from __future__ import annotations

import re

# Element symbol -> its name and the names its ions go by in prose (IUPAC spellings, with
# the common variants). Elements whose symbol is one letter are here for notation.py; a
# one-letter short form is never accepted by the letter rules anyway.
ELEMENT_NAMES: dict[str, tuple[str, ...]] = {
    "H": ("hydrogen", "proton", "protons"), "Li": ("lithium",), "Na": ("sodium",),
    "K": ("potassium",), "Rb": ("rubidium",), "Cs": ("cesium", "caesium"),
    "Be": ("beryllium",), "Mg": ("magnesium",), "Ca": ("calcium",), "Sr": ("strontium",),
    "Ba": ("barium",), "Ti": ("titanium",), "V": ("vanadium", "vanadate"),
    "Cr": ("chromium", "chromate"), "Mn": ("manganese",), "Fe": ("iron", "ferrous", "ferric"),
    "Co": ("cobalt",), "Ni": ("nickel",), "Cu": ("copper", "cuprous", "cupric"),
    "Zn": ("zinc",), "Cd": ("cadmium",), "Hg": ("mercury", "mercuric"), "Ag": ("silver",),
    "Au": ("gold",), "Pt": ("platinum",), "Pb": ("lead",), "Sn": ("tin",),
    "Al": ("aluminium", "aluminum"), "Ga": ("gallium",), "Tl": ("thallium",),
    "Gd": ("gadolinium",), "La": ("lanthanum",), "U": ("uranium",),
    "B": ("boron",), "C": ("carbon",), "N": ("nitrogen",), "O": ("oxygen",),
    "Si": ("silicon",), "P": ("phosphorus",), "S": ("sulfur", "sulphur"),
    "Se": ("selenium", "selenite"), "As": ("arsenic", "arsenite", "arsenate"),
    "F": ("fluorine", "fluoride"), "Cl": ("chlorine", "chloride"), "Br": ("bromine", "bromide"),
    "I": ("iodine", "iodide"), "Mo": ("molybdenum",), "Sb": ("antimony",), "Bi": ("bismuth",),
}
# Words that may stand beside an element's name without making it a term: "free zinc ions".
_ION_WORDS = frozenset("ion ions ionic cation cations anion anions free ionized ionised metal".split())
# Element symbols with counts, then an optional charge or oxidation state: "Zn", "Zn2+",
# "Zn(2+)", "Cl-", "Fe(III)", "CoCl2", "MgSO4".
_FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+(?:\(?\d*[+-]\)?|\((?:I{1,3}|IV|V|VI)\))?")

# Units (SI and the clinical ones in daily use) spelled out: a prefix and a unit, plural or
# not. Time units are units too: "minutes (min)", "hours (h)".
_PREFIXES = r"(?:kilo|milli|micro|nano|pico|femto|mega|giga|centi|deci)?"
_UNITS = (
    r"(?:daltons?|molar|moles?|meters?|metres?|grams?|liters?|litres?|seconds?|volts?|hertz|"
    r"amperes?|watts?|joules?|newtons?|pascals?|kelvins?|gray|grays|sieverts?|becquerels?|"
    r"calories?|minutes?|hours?|days?|weeks?|degrees?(?:\s+(?:celsius|centigrade))?|"
    r"percent|units?|international\s+units?)"
)
_UNIT_WORD = rf"{_PREFIXES}{_UNITS}"
# A unit phrase: units joined by "per", "/", "x" or a power ("milligrams per kilogram",
# "micromoles per liter", "square meters", "millimeters of mercury"); a count per unit is
# one too ("beats per minute").
_UNIT_PHRASE = re.compile(
    rf"(?i)(?:(?:square\s+|cubic\s+)?{_UNIT_WORD}|(?:beats|breaths|counts|cycles)(?=\s+per\s))"
    rf"(?:\s*(?:per|/|x|of)\s*(?:square\s+|cubic\s+)?(?:{_UNIT_WORD}|mercury|water|body\s+weight))*"
)


# The parts of a systematic chemical name before its parent ("dihydroxy|vitamin",
# "ferri|cytochrome", "N-acetyl|glucosamine"): substituent and oxidation-state prefixes,
# with their multipliers. The parent opens where such a prefix ends on a consonant; a
# vowel there is a suffix instead ("methyl|ation").
CHEMICAL_PREFIX = re.compile(
    r"(?i)(?:di|tri|tetra|bis|tris)?(?:(?:hydroxy|methyl|ethyl|amino|oxo|deoxy|fluoro|chloro|bromo|"
    r"iodo|nitro|acetyl|carboxy|ferri|ferro|phospho(?!ryl))(?:di|tri|tetra|bis|tris)?)+"
    r"(?=[bcdfghjklmnpqrstvwxz][a-z]{3})"
)
# A locant or stereo descriptor that opens a chemical name, written against the rest of it
# ("1,3-", "3'-", "N-", "1alpha,", "beta-", "trans-"): part of the name, not a word of it.
DESCRIPTOR = r"(?:\d+'?|[A-Z]|\d*(?:alpha|beta|gamma|delta|cis|trans|iso))(?=[-,]\S)"


def names_symbol(short: str, long: str) -> bool:
    """Is `long` only the name of the element, salt or unit whose symbol `short` is ("zinc
    (Zn)", "free calcium ions (Ca2+)", "cobalt chloride (CoCl2)", "milligrams per kilogram
    (mg/kg)", "kilodaltons (kDa)")? Such a pair is notation, not a definition. A term built
    on the name is one ("zinc finger (ZF)"), and so is a name that is not the elements'
    ("nitric oxide (NO)", "sodium nitroprusside (SNP)")."""
    if _UNIT_PHRASE.fullmatch(long.strip()):
        return True
    if not _FORMULA.fullmatch(short):
        return False
    symbols = re.findall(r"[A-Z][a-z]?", short)
    if any(sym not in ELEMENT_NAMES for sym in symbols):
        return False
    names = {name for sym in symbols for name in ELEMENT_NAMES[sym]}
    words = [w for w in re.findall(r"[a-z]+", long.lower()) if w not in _ION_WORDS]
    return 0 < len(words) <= len(symbols) and all(w in names for w in words)


# The twenty amino acids of the genetic code: name, three-letter code, one-letter code
# (IUPAC-IUB), plus selenocysteine and the two codes for an undetermined pair.
AMINO_ACIDS: tuple[tuple[str, str, str], ...] = (
    ("alanine", "Ala", "A"), ("arginine", "Arg", "R"), ("asparagine", "Asn", "N"),
    ("aspartate", "Asp", "D"), ("cysteine", "Cys", "C"), ("glutamine", "Gln", "Q"),
    ("glutamate", "Glu", "E"), ("glycine", "Gly", "G"), ("histidine", "His", "H"),
    ("isoleucine", "Ile", "I"), ("leucine", "Leu", "L"), ("lysine", "Lys", "K"),
    ("methionine", "Met", "M"), ("phenylalanine", "Phe", "F"), ("proline", "Pro", "P"),
    ("serine", "Ser", "S"), ("threonine", "Thr", "T"), ("tryptophan", "Trp", "W"),
    ("tyrosine", "Tyr", "Y"), ("valine", "Val", "V"), ("selenocysteine", "Sec", "U"),
    ("aspartic acid", "Asp", "D"), ("glutamic acid", "Glu", "E"),
)
