"""Characters of a short form that a whole word (or two) of the long form spells out.

In: a short form. Out: its characters as the aligner matches them (`signed_chars`), folded
(`fold`, `short_chars`), and, per character that a word must supply, the words that may
(`spelled_by`). rag/glossary/extract/align.py does the matching; this module only says
what stands for what. Three conventions are read:

- a digit may be its number word: "IL-2" for "interleukin two", "second" or "II";
- a genotype sign is a word: "-/-" for "null" or "deficient" ("GATA6-deficient (GATA6(-/-))");
- a species code of two letters opening a gene or protein symbol is its organism, as in
  the symbols of HGNC-style nomenclature ("Hs" Homo sapiens, "At" Arabidopsis thaliana,
  "Sc" Saccharomyces cerevisiae): "human ORC (HsORC)", "Arabidopsis GDI (AtGDI1)". Its
  letters are a binomial's initials, which the common name ("human") does not spell; it
  is read only when the letters alone align nothing (`species_chars`), so "Sp" may still
  spell "specificity protein".

Each such character is a private-use code point, so no character of the text matches it;
only a word of its table can supply it.
"""

from __future__ import annotations

import re

from rag.core.text import CARDINALS, ORDINALS, ROMAN

# Greek letter -> Latin initial of its name (χ chi -> c, ψ psi -> p, ω omega -> o).
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", "abgdezetiklmnxoprsstufcpo"))
# The words that can supply a digit of a short form. A single-letter numeral ("i", "v") is a
# letter far more often.
_NUMBER_WORDS = {str(n): tuple((w,) for table in (CARDINALS, ORDINALS, ROMAN) for w, v in table.items()
                               if v == n and w.isalpha() and len(w) > 1) for n in range(1, 10)}
_SIGN_WORDS = {
    "-/-": ("\ue000", ("null", "deficient", "knockout", "homozygous")),
    "+/-": ("\ue001", ("heterozygous", "heterozygote", "hemizygous")),
}
SIGN_OF = {mark: words for mark, words in _SIGN_WORDS.values()}
# Species code -> how prose names the organism: its common name, genus, or binomial.
_SPECIES = {
    "Hs": ("human", "homo sapiens"), "Mm": ("mouse", "murine", "mus musculus"),
    "Rn": ("rat", "rattus norvegicus"), "Sc": ("yeast", "saccharomyces cerevisiae"),
    "Sp": ("schizosaccharomyces pombe", "pombe"), "At": ("arabidopsis", "arabidopsis thaliana"),
    "Dm": ("drosophila", "drosophila melanogaster"), "Ce": ("caenorhabditis elegans", "elegans"),
    "Xl": ("xenopus", "xenopus laevis"), "Dr": ("zebrafish", "danio rerio"),
    "Gg": ("chicken", "gallus gallus"), "Ec": ("escherichia coli", "coli"),
}
_SPECIES_MARK = {code: chr(0xE010 + k) for k, code in enumerate(_SPECIES)}
_SPECIES_CODE = re.compile(rf"({'|'.join(_SPECIES)})(?=[A-Z0-9]|$)")
_SPELLED: dict[str, tuple[tuple[str, ...], ...]] = {
    **_NUMBER_WORDS,
    **{mark: tuple((w,) for w in words) for mark, words in _SIGN_WORDS.values()},
    **{_SPECIES_MARK[code]: tuple(tuple(name.split()) for name in names) for code, names in _SPECIES.items()},
}


def fold(ch: str) -> str:
    """Lower-case, with Greek letters folded to their Latin initial."""
    low = ch.lower()
    return _GREEK.get(low, low)


def short_chars(short: str) -> str:
    """The letters and digits of a short form, folded: "IFN-α" -> "ifna"."""
    return "".join(fold(c) for c in short if c.isalnum())


def signed_chars(short: str) -> str:
    """`short_chars`, with each genotype sign kept as one character: "Jnk1-/-" -> "jnk1\\ue000"."""
    for sign, (mark, _) in _SIGN_WORDS.items():
        if short.endswith(sign) or short.endswith(f"({sign})"):
            return short_chars(short[: short.rindex(sign)]) + mark
    return short_chars(short)


def species_chars(short: str) -> str | None:
    """`signed_chars` with an opening species code as one character ("HsORC" ->
    "\\ue010orc"), or None if `short` opens with none."""
    m = _SPECIES_CODE.match(short)
    return _SPECIES_MARK[m.group(1)] + signed_chars(short[m.end() :]) if m else None


def spelled_by(ch: str) -> tuple[tuple[str, ...], ...]:
    """The words (each a tuple of one or two lower-case words) that may supply `ch`."""
    return _SPELLED.get(ch, ())


def spells_sign(short: str, long: str) -> bool:
    """Does `short` end in a genotype sign that `long` spells out ("GATA6-deficient")?"""
    mark = signed_chars(short)[-1:]
    words = {w.lower() for w in re.findall(r"[^\W_]+", long)}
    return bool(words & set(SIGN_OF.get(mark, ())))
