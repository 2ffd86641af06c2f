"""Short forms written in the one-letter code of amino acids, read by the code.

In: a short form and the text before its bracket (or the bracket's content). Out: (start, end)
of the long form in that text, or None. Two notations are read:

- a run of residues, "arginine/serine (RS)", "Arg-Gly-Asp (RGD)", "Ser/Thr (S/T)";
- a substitution, "Leu-169 to Phe (L169F)", "leucine 169 to phenylalanine (L169F)",
  "His46Cys (H46C)": the residue, its position, the residue put in its place.

The one-letter code is not the initial of the name (R is arginine, F phenylalanine, W
tryptophan, D "Asp"), so the letter rules of rules.py miss most such pairs; the code is a
fixed table (IUPAC-IUB, in symbols.py), so a reading here is no chance agreement. At least
two residues are asked for: a single bracketed letter ("glycine (G)") is left to the rules
for single letters. It does not read nucleotides ("A/T") or protein sequences in prose.
"""

from __future__ import annotations

import re

from rag.glossary.extract.symbols import AMINO_ACIDS

_CODE_OF = {name: code for name, _, code in AMINO_ACIDS} | {three.lower(): code for _, three, code in AMINO_ACIDS}
# A residue: its name in any case ("Arginine"), or its three-letter code capitalised or in
# capitals ("Arg", "ARG"; "arg" and "met" are too often other words), with an optional
# position ("Leu-169", "Leu169", "leucine 169").
_NAMES = "|".join(sorted({name for name, _, _ in AMINO_ACIDS}, key=len, reverse=True))
_THREES = "|".join(sorted({t for _, t, _ in AMINO_ACIDS} | {t.upper() for _, t, _ in AMINO_ACIDS}))
_RESIDUE = rf"(?:(?i:{_NAMES})|(?:{_THREES}))(?![a-z])(?:[-\s]?\d+(?![\d.]))?"
# What joins residues: a hyphen, a slash, an arrow, "to", "by", "and", or nothing after a
# position ("His46Cys").
_JOIN = r"(?:\s*(?:-->|->|\u2192|/|-|,)\s*|\s+(?:to|by|and|or)\s+|(?<=\d))"
_CHAIN = re.compile(rf"{_RESIDUE}(?:{_JOIN}{_RESIDUE})*\s*$")
_ITEM = re.compile(rf"({_RESIDUE})")
# No chain of residues a short form of 15 characters spells is longer than this.
_MAX_CHARS = 200
# The short forms read: two or more codes, or a code, a position and a code.
_SHORT = re.compile(r"[A-Z](?:[/-]?[A-Z])+|[A-Z]\d+[A-Z]")


def read_residues(short: str, context: str) -> tuple[int, int] | None:
    """(start, end) in `context` of the residues `short` writes in one-letter code, or None.

    Worked example: "of Leu-169 to Phe" before "(L169F)". The text ends in a chain of
    residues, "Leu-169" and "Phe"; their codes and positions, L + 169 and F, spell "L169F"
    from "Leu-169" on, so the long form is "Leu-169 to Phe"."""
    if not _SHORT.fullmatch(short):
        return None
    end = len(context.rstrip())
    last = re.search(r"([A-Za-z]+)[-\s]?\d*$", context[max(0, end - 20) : end])
    if not last or last.group(1).lower() not in _CODE_OF:
        return None  # the text must end with a residue
    lo = max(0, end - _MAX_CHARS)
    chain = _CHAIN.search(context, lo, end)
    if not chain:
        return None
    items = list(_ITEM.finditer(context, chain.start(), end))
    spelled = [_spell(m.group()) for m in items]
    want = re.sub(r"[/-]", "", short)
    for k in range(len(items)):
        if "".join(spelled[k:]) == want:
            return items[k].start(), end
    return None


def _spell(item: str) -> str:
    """"Leu-169" -> "L169", "arginine" -> "R"."""
    m = re.fullmatch(r"([A-Za-z]+)[-\s]?(\d*)", item)
    return _CODE_OF[m.group(1).lower()] + m.group(2)
