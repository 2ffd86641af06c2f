"""Lay wording -> the clinical terms a review uses, for query expansion and term coverage.

"If the cancer in my liver can be removed, is an operation the best treatment?" shares almost
no words with "Liver surgery ... is the treatment of choice for resectable NELM". A small,
reviewed vocabulary (rag/retrieval/data/lay_terms.json) bridges the two: the retriever searches with
the clinical equivalents too, and the answerer counts "operation" as matched where the text
says "surgery". It only ever adds search terms; answers still quote the review verbatim.

Reference lists print journal titles in ISO 4 abbreviation ("Endocr Rev"); for questions about
publications a second table (rag/retrieval/data/journal_words.json) maps title words to those forms.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from rag.core.text import CARDINALS, RECORD_WORDS

LAY_TERMS_PATH = Path(__file__).resolve().parent / "data" / "lay_terms.json"
JOURNAL_WORDS_PATH = Path(__file__).resolve().parent / "data" / "journal_words.json"
# Journal-title abbreviations matter only where the question is about a publication: "surgery"
# in a clinical question must not match "Surg" in a journal name.
_PUBLICATION_CUE = re.compile(rf"\b(?:{RECORD_WORDS}|appeared|appear|issue|volume)\b", re.I)


@lru_cache(maxsize=4)
def _compiled(path: Path = LAY_TERMS_PATH) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...], frozenset[str]], ...]:
    terms = json.loads(Path(path).read_text(encoding="utf-8"))["terms"]
    # Longest phrases first, so "come back" is seen before "back" could be.
    ordered = sorted(terms.items(), key=lambda kv: -len(kv[0]))
    # A compound is written open or hyphenated alike: "first-line" is "first line" (not closed up: "firstline");
    # each word may take its plural or third-person ending ("hepatectomies", "cuts out").
    return tuple((re.compile(rf"(?<![\w-]){_open_or_hyphenated(lay)}(?![\w-])", re.I), lay, tuple(clinical),
                  _s_forms(re.split(r"[\s-]", lay)[0].casefold()) | _closed_up_first(lay) | _as_digits(lay))
                 for lay, clinical in ordered)


def _as_digits(lay: str) -> frozenset[str]:
    """A phrase opening with a number word is also found by its digits: "two-step" by "2 step"."""
    value = CARDINALS.get(re.split(r"[\s-]", lay)[0].casefold())
    return frozenset({str(value)}) if value else frozenset()


# Prefixes English writes hyphenated or closed up alike: "non-operative" / "nonoperative", "re-do" / "redo".
_PREFIXES = frozenset({"non", "re", "pre", "post", "co", "multi", "anti", "sub", "inter", "intra", "trans"})


def _prefixed(phrase: str) -> bool:
    """Is `phrase` a hyphenated compound opening with one of `_PREFIXES` ("non-operative")?"""
    return "-" in phrase and re.split(r"[\s-]+", phrase.casefold())[0] in _PREFIXES


def _closed_up_first(lay: str) -> frozenset[str]:
    """The first word of a prefixed compound written closed up ("nonoperative"), to find the phrase by."""
    words = re.split(r"[\s-]+", lay.casefold())
    return _s_forms(words[0] + words[1]) if _prefixed(lay) else frozenset()


def _open_or_hyphenated(phrase: str) -> str:
    words = re.split(r"[\s-]+", phrase)
    if re.fullmatch(r"[\w]+-(?:to|on|in|at|off|up|out)", phrase, re.I):
        # a compound of a verb and its particle names a thing only hyphenated: "the go-to treatment", "add-ons";
        # "goes to the liver" and "add on" are the verbs
        return re.escape(words[0]) + "-" + _with_s_ending(words[1])
    if len(words) == 2 and words[1].casefold() in _PARTICLES:
        # a transitive phrasal verb takes its object between verb and particle: "take it out", "cut the tumour out"
        return _with_s_ending(words[0]) + _SEPARATED_OBJECT + r"[\s-]" + re.escape(words[1])
    if _prefixed(phrase):
        return re.escape(words[0]) + r"[\s-]?" + r"[\s-]".join(_with_s_ending(w) for w in words[1:])
    pattern, after_the = _with_s_ending(words[0]), False
    for w in words[1:]:
        if w.casefold() == "the":
            pattern, after_the = pattern + rf"[\s-](?:{_DEFINITE}\s+)?", True
        else:
            pattern, after_the = pattern + ("" if after_the else r"[\s-]") + _with_s_ending(w), False
    return pattern


# Inside a phrase, "the" stands for any definite determiner, or none: "gone to the liver" is also "gone to her
# liver", "block the blood supply" also "block its blood supply", and "go to liver", as learners and notes drop
# the article (a phrase's first word stays as written: "the runs").
_DEFINITE = r"(?:the|his|her|their|my|your|our|its)"


# The particles of English phrasal verbs, and the short objects that may stand between verb and particle
# (a pronoun, a quantifier, or a determiner with its noun); a longer object follows the particle instead.
_PARTICLES = frozenset({"out", "back", "off", "away", "up", "down"})
_SEPARATED_OBJECT = (r"(?:\s+(?:it|them|him|her|this|that|these|those|more|some|all|everything|bits?"
                     r"|(?:the|a|an|his|her|their|my|your|our|some|any)\s+[a-z]+))?")


def _with_s_ending(word: str) -> str:
    """A word or its plural / third-person form, as a pattern: "hepatectomy" -> "hepatectomy|hepatectomies"; a number
    word also as its digits ("two" -> "two|2"), as a number is written either way."""
    value = CARDINALS.get(word.casefold())
    if value:
        return f"(?:{re.escape(word)}|{value})"
    return "(?:" + "|".join(re.escape(f) for f in sorted(_s_forms(word), key=len, reverse=True)) + ")"


def _s_forms(word: str) -> frozenset[str]:
    """`word` with its -s/-es ending, or -ies for a final consonant + y. Only these endings: -ed and -ing
    change some words' sense ("spotted" is not "spots")."""
    forms = {word, word + "s", word + "es"}
    if len(word) > 2 and word[-1].lower() == "y" and word[-2].lower() not in "aeiou":
        forms.add(word[:-1] + "ies")
    return frozenset(forms)


# A phrase can only match where its first word stands as a token of the text (the patterns' own
# edges are \w and "-"), so a set lookup spares the search of every phrase (a hot path).
_TOKEN = re.compile(r"[\w-]+")


def lay_expansions(text: str) -> list[tuple[str, str]]:
    """(lay phrase found in `text`, a clinical equivalent), for every match; and for a question
    about a publication, (journal title word, its ISO 4 abbreviation)."""
    out = _expansions(text, LAY_TERMS_PATH)
    if _PUBLICATION_CUE.search(text):
        out.extend(_expansions(text, JOURNAL_WORDS_PATH))
    return out


@lru_cache(maxsize=4)
def _by_first_word(path: Path) -> dict[str, tuple[int, ...]]:
    """Each form of a phrase's first word -> the phrases (their places in `_compiled`) that open with it."""
    index: dict[str, list[int]] = {}
    for i, (_, _, _, first) in enumerate(_compiled(path)):
        for form in first:
            index.setdefault(form, []).append(i)
    return {form: tuple(at) for form, at in index.items()}


def _expansions(text: str, path: Path) -> list[tuple[str, str]]:
    out = []
    tokens = {part for t in _TOKEN.findall(text.casefold()) for part in (t, *t.split("-"))}
    seen: set[tuple[int, int]] = set()
    phrases, opening = _compiled(path), _by_first_word(path)
    for pattern, _, clinical, _ in (phrases[i] for i in sorted({i for t in tokens for i in opening.get(t, ())})):
        m = pattern.search(text)
        if m and m.span() not in seen:  # "NETs" as listed, not again as the plural of "NET"
            seen.add(m.span())
            out.extend((m.group(0), term) for term in clinical)
    return out + _compound_parts(text, path, seen)


# Prefixes that turn a compound's sense around ("non-surgical" is not "surgical").
_NEGATING = frozenset({"non", "un", "anti", "dis", "counter", "de", "a", "in", "im", "il", "ir", "no", "not"})
_COMPOUND = re.compile(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])")


def _compound_parts(text: str, path: Path, seen: set[tuple[int, int]]) -> list[tuple[str, str]]:
    """A hyphenated compound no phrase names says what its parts say: "hepatic-directed" is hepatic and
    directed (liver, targeted), "liver-predominant" liver and predominant. One whose first part negates is
    left alone, and one a phrase already matched (whole or in part) is not read again."""
    out = []
    for m in _COMPOUND.finditer(text):
        parts = m.group(0).split("-")
        if parts[0].casefold() in _NEGATING or any(a < m.end() and m.start() < b for a, b in seen):
            continue
        for part in parts:
            for i in _by_first_word(path).get(part.casefold(), ()):
                pattern, _, clinical, _ = _compiled(path)[i]
                if pattern.fullmatch(part):
                    out.extend((part, term) for term in clinical)
    return out
