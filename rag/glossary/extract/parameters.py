"""Short forms of quantities, written as a symbol and a subscript, read by their notation.

In: a short form and the text before its bracket (or the bracket's content). Out: (start,
end) of the long form in that text, or None. A quantity is written as its symbol with a
subscript that qualifies it: "Cmax" or "C(max)" for "maximum concentration", "t1/2" for
"half-life", "K(m)" for "Michaelis constant", "IC50" for "half-maximal inhibitory
concentration". Two facts of that notation defeat the letter rules of rules.py:

- the subscript is written after the symbol but read first, because English puts the
  qualifier before the noun it qualifies ("maximum" + "concentration" = C + max);
- the symbol is the quantity's conventional letter, not always its initial (K and k for a
  "constant", t for the "life" of a half-life), and the subscript may be a number whose word
  is written ("1/2" is "half"; the 50 of a 50% effect is "half-maximal" or "median").

So the reading asks for the subscript's word and then the symbol's quantity word at the end
of the text: both come from the tables below, which is why chance agreement (pseudo.py's
randomised pairing) hardly ever triggers it. It reads only symbols of one to three letters
with one subscript; it does not read units ("mM") or formulas.
"""

from __future__ import annotations

import re

from rag.core.text import FUNCTION_WORDS
from rag.glossary.extract.shortform import CLAUSE_WORDS

# A one-letter symbol and its subscript, inline or bracketed: "Cmax", "C(max)", "t1/2",
# "t(1/2)", "t½", "K(m)", "Km", "k(cat)"; or the capitals of a dose-response measure and its
# 50: "IC50", "EC(50)", "TCID50".
_PARAMETER = re.compile(
    r"(?P<symbol>[A-Za-z])(?:\((?P<bracketed>[a-z]{1,3}|1/2|½)\)|(?P<inline>[a-z]{1,3}|1/2|½))"
    r"|(?P<symbols>[A-Z]{2,5})(?:\((?P<number>50)\)|(?P<number_inline>50))"
)
# Conventional one-letter symbols of quantities (IUPAC Green Book; pharmacokinetics) and
# what they are called. Only these letters are read as a symbol: "Ras" is not R + "as".
_QUANTITY_WORDS = {
    "c": ("concentration", "concentrations"),
    "e": ("effect", "efficacy", "response"),
    "k": ("constant", "constants", "rate"),
    "v": ("velocity", "velocities", "volume", "rate"),
    "t": ("time", "life", "lives"),
}
# Subscripts that are words written out in other ways: the extreme values of a curve, its
# half, and the midpoint of a dose-response curve.
_SUBSCRIPT_WORDS = {
    "max": ("maximum", "maximal", "peak", "highest"),
    "min": ("minimum", "minimal", "trough", "lowest"),
    "1/2": ("half",),
    "½": ("half",),
    "50": ("half-maximal", "half maximal", "half-maximum", "half maximum", "median", "50%", "50 %"),
}
# Words allowed between the subscript's word and the quantity's: what the quantity is
# measured in or of ("maximum PLASMA concentration", "Michaelis-MENTEN constant").
MAX_BETWEEN_WORDS = 2


def read_parameter(short: str, context: str) -> tuple[int, int] | None:
    """(start, end) in `context` of the phrase `short` names, or None.

    Worked example: "the maximum plasma concentration" before "(Cmax)". The symbol C is
    read as "concentration", the last word; the subscript "max" as "maximum", found at most
    two words earlier with no clause word between; the long form runs from "maximum" to the
    end: "maximum plasma concentration". "(K(m))" after "the Michaelis constant" gives
    "Michaelis constant": K is a constant, "m" opens "Michaelis"."""
    m = _PARAMETER.fullmatch(short)
    if not m:
        return None
    symbol = m.group("symbol") or m.group("symbols")
    sub = next(g for g in m.group("bracketed", "inline", "number", "number_inline") if g)
    end = len(context.rstrip())
    tokens = list(re.finditer(r"\S+", context[:end]))
    head = _head(symbol, tokens) if tokens else None
    if head is None:
        return None
    k0, head_at = head
    if head_at > tokens[k0].start():  # "half-life": the subscript's word opens the token
        return (tokens[k0].start(), end) if _opens_with(sub, context[tokens[k0].start() : head_at]) else None
    for k in range(k0 - 1, max(-1, k0 - 2 - MAX_BETWEEN_WORDS), -1):
        word = tokens[k].group()
        if re.search(r"[,;:.()\[\]]$", word) or word.lower() in CLAUSE_WORDS:
            return None
        if _opens_with(sub, context[tokens[k].start() : head_at]):
            return tokens[k].start(), end
    return None


def _head(symbol: str, tokens: list[re.Match[str]]) -> tuple[int, int] | None:
    """(token index, offset) where the words the symbol stands for begin, or None: a
    one-letter symbol is its quantity's name, the last word or the last part of a hyphenated
    one ("half-LIFE"); capitals ("IC") are the initials of as many last words."""
    last = tokens[-1]
    if len(symbol) == 1:
        part = re.search(r"[A-Za-z]+$", last.group())
        if not part or part.group().lower() not in _QUANTITY_WORDS.get(symbol.lower(), ()):
            return None
        return len(tokens) - 1, last.start() + part.start()
    if len(tokens) < len(symbol):
        return None
    words = tokens[-len(symbol) :]
    if any(w.group()[0].lower() != s.lower() for w, s in zip(words, symbol)):
        return None
    return len(tokens) - len(symbol), words[0].start()


def _opens_with(sub: str, text: str) -> bool:
    """Does `text` open with the subscript's word: one of its written forms ("peak" for max,
    "half" for 1/2), or, for letters, a word they begin ("Michaelis" for m, "catalytic" for
    cat) or whose parts they open ("steady-state" for ss)? A function word is no such word."""
    text = text.lower()
    if any(re.match(rf"{re.escape(word)}(?![a-z])", text) for word in _SUBSCRIPT_WORDS.get(sub, ())):
        return True
    if not sub.isalpha():
        return False
    parts = re.findall(r"[a-z]+", text)
    if not parts or parts[0] in FUNCTION_WORDS or parts[0] in CLAUSE_WORDS:
        return False
    if parts[0].startswith(sub) and len(parts[0]) > len(sub):
        return True
    return len(sub) > 1 and len(parts) >= len(sub) and all(p[0] == s for p, s in zip(parts, sub))
