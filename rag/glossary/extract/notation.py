"""Short forms written in chemical notation, read by their symbols rather than their letters.

In: a short form and the text before its bracket. Out: (start, end) of the long form in that
text, or None. One notation is read: an ion concentration in square brackets, "[Ca2+]i" for
"intracellular calcium concentration", "[K+]o" for "extracellular potassium". Its letters do
not spell the long form out ("Ca" is not the initial of "calcium"; the "i" of "[Ca2+]i" is
written last but read first), so the letter rules of rules.py can never accept it; what
stands for each part is a fact of the notation, looked up here. Because the element's name
(or its symbol) must be written in the long form, this reading is no guess that chance
agreement could trigger, and it is not one of the letter rules whose pseudo-precision
pseudo.py measures. It does not read formulas ("NaCl") or units, which define nothing.
"""

from __future__ import annotations

import re

from rag.glossary.extract.symbols import ELEMENT_NAMES

# "[Ca2+]i", "[Ca(2+)]i", "[K+]o", "[H+]", "[Cl-]i": a symbol, its charge, and where.
_ION = re.compile(r"\[(?P<symbol>[A-Z][a-z]?)\(?\d*[+-]\)?\](?P<where>[a-z]?)")
# Words a long form of an ion concentration is made of, besides the ion's name: where it is
# measured, in what state, and what of it ("intracellular free calcium concentration").
_ION_WORDS = frozenset(
    "intracellular extracellular cytosolic cytoplasmic intraterminal internal external "
    "mitochondrial nuclear luminal plasma serum synaptic free ionized ionised total "
    "ion ions ionic concentration concentrations level levels activity content of".split()
)
MAX_ION_WORDS = 6


def read_ion(short: str, context: str) -> tuple[int, int] | None:
    """(start, end) in `context` of the phrase naming the ion concentration `short` ends,
    or None. Worked example: "a rise in the intracellular calcium concentration" before
    "([Ca2+]i)": back from the end, "concentration", "calcium" and "intracellular" are
    words of an ion concentration and "the" is not, so the long form is "intracellular
    calcium concentration"; it names calcium, the element of "Ca", so it is accepted."""
    m = _ION.fullmatch(short)
    if not m:
        return None
    symbol = m.group("symbol")
    names = set(ELEMENT_NAMES.get(symbol, ()))
    if not names:
        return None
    spelled = re.compile(rf"{re.escape(symbol)}\(?\d*[+-]?\)?")  # "Ca2+" written in the text
    end = len(context.rstrip())
    start, named = None, False
    for k, tok in enumerate(reversed(list(re.finditer(r"\S+", context[:end])))):
        word = tok.group().lower()
        is_name = word in names or bool(spelled.fullmatch(tok.group()))
        if k >= MAX_ION_WORDS or not (is_name or word in _ION_WORDS):
            break
        start, named = tok.start(), named or is_name
    if start is None or not named:
        return None
    lead = re.match(r"of\s+", context[start:end])  # "an increase of cytosolic calcium"
    return (start + lead.end() if lead else start), end
