"""The numbered items a question names: "Figure 1", "reference 13", "the second reference", "table 1".

In: a question. Out: local unit IDs ("reference-13"), whether the page holds them or not. Both the
structural retriever (rag/retrieval/structure.py), which keeps those the page has, and the answer's
constraints (rag/answer/constraints.py), which let only a named item answer for itself, read them here.
"""

from __future__ import annotations

import re

from rag.core.text import CARDINALS, ORDINALS, number_value

__all__ = ["numbered_items", "abstract_sentence"]

_NUMBER = r"(\d+|" + "|".join(sorted({**CARDINALS, **ORDINALS}, key=len, reverse=True)) + r")"
_ORDINAL = r"(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")"
# A paper's numbered pictures are its figures, whatever a reader calls them ("the first picture", "image 2").
_FIGURE_WORD = r"(?:figure|fig|picture|pic|image|diagram|illustration|graphic|chart|flow\s*chart)"
_FIGURE_RES = (re.compile(rf"\b(?:{_FIGURE_WORD}\.?)\s*{_NUMBER}\b", re.I),
               re.compile(rf"\b{_ORDINAL}\s+{_FIGURE_WORD}\b", re.I))  # "the first picture"; "one figure" is a count
# (its number perhaps in the brackets the text cites it with: "ref [13]")
_REFERENCE_RES = (re.compile(rf"\b(?:reference|ref\.?|citation)\s*(?:no\.?\s*|number\s*|#\s*|[\[(]\s*)?{_NUMBER}\b", re.I),
                  # "the 2nd reference": an ordinal before the noun names a position; a cardinal counts ("there is one
                  # reference about ...", "list the 5 references")
                  re.compile(rf"\b{_ORDINAL}\s+(?:reference|ref|cited (?:work|paper|article|study))\b", re.I))
# A table named by its number; this page has no tables, so a question naming one names nothing it holds.
_TABLE_RES = (re.compile(rf"\b(?:table|tab\.?)\s*{_NUMBER}\b", re.I),)
# Several named at once, as a list or a range: "references 1 and 5", "refs 2 & 3", "figures 1-2", "refs 1 to 3".
_SEPARATOR = r"\s*(?:,\s*(?:and\s+)?|and|&|/|or|to|-|\u2013)\s*"
_LIST = {kind: re.compile(rf"\b(?:{words})\s*({_NUMBER}(?:{_SEPARATOR}{_NUMBER})+)\b", re.I) for kind, words in (
    ("figure", r"figures?|figs?\.?"), ("reference", r"references?|refs?\.?|citations?"), ("table", r"tables?|tabs?\.?"))}
# The opening items of a list by their count: "the first two references" are references 1 and 2.
_FIRST = {kind: re.compile(rf"\bfirst\s+{_NUMBER}\s+(?:{words})\b", re.I) for kind, words in (
    ("figure", r"figures|figs|pictures|images"), ("reference", r"references|refs|citations|cited works|papers"), ("table", r"tables"))}
_NUMBERED = (("figure", _FIGURE_RES), ("reference", _REFERENCE_RES), ("table", _TABLE_RES))


def _listed(kind: str, question: str) -> list[int]:
    """The numbers of a list or range of one kind of item ("refs 1 to 3" -> 1, 2, 3)."""
    out: list[int] = []
    for m in _LIST[kind].finditer(question):
        numbers = [number_value(n) or 0 for n in re.findall(_NUMBER, m.group(1), re.I)]
        ranged = re.search(r"\d\s*(?:-|\u2013|to)\s*\d", m.group(1)) and len(numbers) == 2 and 0 < numbers[1] - numbers[0] < 20
        out.extend(range(numbers[0], numbers[1] + 1) if ranged else numbers)
    for m in _FIRST[kind].finditer(question):
        out.extend(range(1, min(number_value(m.group(1)) or 0, 20) + 1))
    return out


def numbered_items(question: str) -> tuple[str, ...]:
    """The local IDs of the numbered items a question names (figures, references, tables; each kind in the
    order named), whether the page has them or not: "what is reference 13?" -> ("reference-13",), "the
    second figure" -> ("figure-2",). A year is no position ("the Neuroendocrinology 2016 ref" names a work by its year)."""
    named = [(kind, number_value(m.group(1))) for kind, patterns in _NUMBERED for pattern in patterns
             for m in pattern.finditer(question)]
    named += [(kind, n) for kind in _LIST for n in _listed(kind, question)]
    order = {kind: i for i, (kind, _) in enumerate(_NUMBERED)}
    named.sort(key=lambda kn: order[kn[0]])  # each kind in the order named (a stable sort)
    return tuple(dict.fromkeys(f"{kind}-{n}" for kind, n in named if n and not 1900 <= n <= 2099))


# A sentence of the abstract by its position: "the final sentence of the abstract", "the abstract's 3rd sentence",
# "sentence 2 of the abstract", "abstract sentence 4".
_POSITION = rf"(?:{_NUMBER[1:-1]}|last|final|closing|concluding|opening)"
_SENTENCE_RES = (re.compile(rf"\b(?P<n>{_POSITION})\s+sentence\s+(?:of|in)\s+(?:the|its|this)\s+abstract\b", re.I),
                 re.compile(rf"\babstract(?:'s|\u2019s)?\s+(?P<n>{_POSITION})\s+sentence\b", re.I),
                 re.compile(r"\b(?:abstract\s+)?sentence\s+(?:no\.?\s*|number\s*|#\s*)?(?P<n>\d+)\s+(?:of|in)\s+(?:the|its|this)\s+abstract\b",
                            re.I),
                 re.compile(r"\babstract\s+sentence\s+(?P<n>\d+)\b", re.I))


def abstract_sentence(question: str, count: int) -> str:
    """The local ID of the abstract sentence a question names by its position ("abstract-s8" for "the final
    sentence of the abstract" of an eight-sentence abstract), or ""."""
    for pattern in _SENTENCE_RES:
        m = pattern.search(question)
        if m:
            word = m.group("n").lower()
            n = count if word in ("last", "final", "closing", "concluding") else 1 if word == "opening" else number_value(word)
            return f"abstract-s{n}" if n and 0 < n <= count else ""
    return ""
