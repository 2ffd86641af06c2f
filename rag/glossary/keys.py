"""Glossary keys: how a term is normalised for lookup, and which spellings count as the same.

In: a short form, a long form or a user's term, as text. Out: folded keys (`short_key`,
`long_words`, `singular_key`), the word runs of a long form that may name it (`ngrams`), and
the spelling variants a definition implies (`standard_spelling`, `greek_variants`):
  (a) a short form of >= 3 capitals that is the initials of its long form but for one slip
      (a letter doubled over its neighbour, or two neighbours swapped) gets the initial-letter
      spelling as a variant ("PPRT, peptide receptor radionuclide therapy" -> PRRT);
  (b) a short form ending in a Greek letter (long form "... alpha") is the same with "a",
      "alpha" or "α", hyphenated or not (IFNa == IFN-a == IFN-alpha == IFN-α);
  (c) case, hyphens and a plural "s" are ignored at lookup time ("NELMs", "tace", "SINEN");
  (d) `typing_slip` names the two one-keystroke slips a short form survives as a typo (a
      letter doubled over its neighbour, two neighbours swapped), and `typed_as_word` says
      when a term is typed the way English words are (no capital after its first letter).

Pure functions on strings, nothing else: no entries, no lookup tables, no I/O. Keys are
recomputed from the entries whenever a `Glossary` is built or loaded (rag/glossary/store.py), whereas
the variants of rules (a) and (b) are stored in each entry at ingest time, so changing those
rules needs an index rebuild.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from typing import Iterable

from rag.core.text import FUNCTION_WORDS, fold_spelling, stem
from rag.glossary.extract.rules import match_long_form

__all__ = ["short_key", "long_words", "singular_key", "fold", "ngrams", "standard_spelling",
           "typing_slip", "plausible_slip", "typed_as_word", "greek_variants", "FUNCTION_WORDS", "WORD"]

# Greek letters as printed in biomedical short forms: symbol -> name -> Latin stand-in.
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa"}
_GREEK_LATIN = {"alpha": "a", "beta": "b", "gamma": "g", "delta": "d", "kappa": "k"}
_SEPARATORS = re.compile(r"[\s\-‐‑–—/._'’]+")
WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """NFKC, case-folded, Greek symbols spelt out: "IFN-α" -> "ifn-alpha"."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for symbol, name in _GREEK.items():
        text = text.replace(symbol, name)
    return text


@lru_cache(maxsize=65536)  # every word of every question is keyed, and words recur
def short_key(term: str) -> str:
    """Case, Greek symbols and separators folded: "IFN-α" -> "ifnalpha", "SI-NEN" -> "sinen"."""
    return _SEPARATORS.sub("", fold(term))


@lru_cache(maxsize=65536)
def long_words(text: str) -> tuple[str, ...]:
    """The stemmed word key of a long form: "Portal-vein ligations" -> ("portal", "vein", "ligation")."""
    return tuple(stem(fold_spelling(w)) for w in WORD.findall(fold(text)))


def singular_key(term: str, key: str) -> str | None:
    """Key without a plural "s"/"'s", unless the term is all capitals ("RES" is not RE's plural)."""
    if not key.endswith("s") or len(key) <= 2 or term.isupper():
        return None
    return key[:-1]


def typed_as_word(term: str) -> bool:
    """No capital after the first character: "tace", "Tace", "re", "Ki-67". Such a term may be
    an ordinary word, whereas "TACE", "IFNa" or "panNEN" can only be an abbreviation."""
    return not any(c.isupper() for c in term[1:])


def ngrams(words: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """Contiguous word runs of a long form that can name it ("liver transplantation" in
    "orthotopic liver transplantation"); runs of only function words or one short word cannot."""
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            gram = words[i:j]
            if all(w in FUNCTION_WORDS for w in gram) or (len(gram) == 1 and len(gram[0]) < 4):
                continue
            yield gram


# --- spelling-variant rules -------------------------------------------------------------

def standard_spelling(short: str, long: str) -> str | None:
    """Rule (a): the initial-letter spelling when the printed short form is a slip of it.

    Only for n capitals defined by n plain words (function words and hyphens aside), and
    only for two kinds of slip: a letter doubled over its neighbour ("PPRT" for the initials
    of "peptide receptor radionuclide therapy", PRRT), or two neighbours swapped where the
    long form's letters cannot explain the order (TCA = TriCarboxylic Acid cycle is no slip).
    Deliberate spellings differ in other ways, so on the 1,125 gold definitions of MEDSTRACT
    and the Schwartz-Hearst corpus this rule fires on none (tests/test_glossary.py).
    """
    words = [w for w in re.split(r"[\s\-]+", long) if w and w.lower() not in FUNCTION_WORDS]
    if len(short) < 3 or not (short.isalpha() and short.isupper()) or len(words) != len(short):
        return None
    if not all(w.isalpha() and w[1:].islower() for w in words):
        return None
    initials = "".join(w[0] for w in words).upper()
    kind = typing_slip(short, initials)
    if kind == "double":
        return initials
    if kind == "swap":
        return initials if match_long_form(short, long) is None else None
    return None


def typing_slip(typed: str, intended: str) -> str | None:
    """Which one-keystroke slip turns `intended` into `typed`, if any: "double" (a letter
    doubled over its neighbour: "allps" for "alpps", "PPRT" for "PRRT") or "swap" (two
    neighbours swapped: "tcae" for "tace"); None for anything else, including equality.

    Both keep the length and every letter but one of the word, which is why a one-letter
    substitution or deletion ("tale", "alps") is not a slip here: those usually spell
    another English word, whereas these two slips rarely do.
    """
    if len(typed) != len(intended):
        return None
    diff = [i for i, (a, b) in enumerate(zip(typed, intended)) if a != b]
    if len(diff) == 1:
        i = diff[0]
        return "double" if typed[i] in {typed[j] for j in (i - 1, i + 1) if 0 <= j < len(typed)} else None
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        i, j = diff
        return "swap" if (typed[i], typed[j]) == (intended[j], intended[i]) else None
    return None


# Letters typed with a neighbouring key on a QWERTY keyboard (rows and the keys diagonally
# below), the substitution slips fingers make.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {c: {r[j] for r in _ROWS[max(0, i - 1):i + 2] for j in range(len(r))
                   if abs(j - _ROWS[i].index(c)) <= 1} - {c}
               for i, row in enumerate(_ROWS) for c in row}
_VOWELS = set("aeiou")


def plausible_slip(typed: str, intended: str) -> bool:
    """Is `typed` one edit from `intended` the way a slip of the fingers or of memory makes it?
    A swap, a letter doubled over its neighbour ("ALPSS" for ALPPS), a letter added or dropped
    after the first, a key's neighbour, or one vowel for another ("TACA" for TACE). Another
    short form one letter away ("SBRT", stereotactic body radiotherapy, is not a slip of SIRT;
    "FNA" not of IFNa) is a word of its own, so a short key (<= 5 letters) gets a "did you
    mean" only for these slips.
    """
    a, b = typed.casefold(), intended.casefold()
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diff) == 2:
            return typing_slip(a, b) == "swap"
        if len(diff) != 1:
            return False
        x, y = a[diff[0]], b[diff[0]]
        return (x in _VOWELS and y in _VOWELS) or x in _NEIGHBOURS.get(y, set()) or typing_slip(a, b) == "double"
    shorter, longer = sorted((a, b), key=len)
    if len(longer) - len(shorter) != 1 or shorter[0] != longer[0]:
        return False
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer)))


def greek_variants(short: str, long: str) -> list[str]:
    """Rule (b): "IFNa" defined as "interferon alpha" -> IFN-a, IFN-alpha, IFN-α, IFNalpha, IFNα."""
    words = fold(long).split()
    if not words or words[-1] not in _GREEK_LATIN:
        return []
    name = words[-1]
    symbol = next(s for s, n in _GREEK.items() if n == name)
    m = re.fullmatch(rf"(.+?)[\s\-]?(?:{name}|{symbol}|{_GREEK_LATIN[name]})", short, re.IGNORECASE)
    if not m:
        return []
    stem = m.group(1)
    forms = [stem + sep + letter for sep in ("-", "") for letter in (_GREEK_LATIN[name], name, symbol)]
    return [f for f in forms if f != short]
