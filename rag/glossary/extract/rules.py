"""Letter-matching rules: can these words be spelled out by this short form?

In: a short-form candidate ("TACE") and the text that may hold its long form. Out: the best
`Alignment` (where the long form starts and ends, how well it matches) or None. It does not
look for candidates in text; rag/glossary/extract/pairs.py does that.

The base rule is Schwartz & Hearst's (2003); the letter alignment and its Ab3P-style score
(Sohn et al. 2008) are in rag/glossary/extract/align.py. This module chooses what to align,
strictest evidence first (the whole short form, a spelled-out Greek letter, without a plural
"s" or a bracketed qualifier, without a gene-style number), and judges the resulting pair.
S&H's own right-to-left match and word window are kept here as the reference rule.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.core.text import ORDINALS, ROMAN
from rag.glossary.extract.align import Alignment, align, short_chars

_GREEK_NAME = re.compile(r"(?i)(?<![a-z])(alpha|beta|gamma|delta|epsilon|kappa)(?![a-z])")


def _ordinal_word(number: str) -> str | None:
    """"2" or "II" -> "second"."""
    value = int(number) if number.isdigit() else ROMAN.get(number.lower())
    return next((w for w, v in ORDINALS.items() if v == value and w.isalpha()), None)


# Words that may sit unmatched inside a long form ("signal transducer AND activator OF ...")
# and that a long form must not start with ("THE ribosomal protein" for "(RP)").
_PREPOSITIONS = frozenset("of from in for with on at by to".split())


def find_long_form(short: str, text: str, anchored: bool = False) -> Alignment | None:
    """The long form of `short` at the end of `text` (from its very start if `anchored`),
    or None. Strategies, strictest evidence first (after Ab3P):

    1. every character of the short form is matched (`align`);
    2. a spelled-out Greek letter stands for its symbol ("TNF-alpha" for "... factor α");
    3. a plural "s" or a bracketed qualifier may have no counterpart ("ESTs" for
       "expressed sequence tag", "PP1(C)" for "protein phosphatase 1");
    4. gene-style numbering: a trailing number, with an optional one-letter suffix
       ("Ycf1p", "HOT1", "TTF-I"), may have no counterpart ("yeast cadmium factor"), but
       then every content word must be matched and at least half the other characters
       must open words or run on from the previous one. The number written just before
       the long form belongs to it ("first transmembrane domain (TMD1)", "type 1 protein
       phosphatase (PP1)", "70-kD heat shock protein (Hsp70)").

    Each result must pass `long_form_ok`. Unless anchored, a prepositional tail that gives
    no character is left out: "phosphoglycerate kinase from yeast (PGK)" -> "phosphoglycerate
    kinase".
    """
    greek = _GREEK_NAME.sub(lambda m: m.group()[0], short)
    plural, qualified = re.fullmatch(r"(.*[A-Z0-9].*[A-Z0-9])s|(.*\w)\([^()]*\)|.*", short).groups()
    tries = (
        lambda: align(short, text, anchored),
        lambda: align(greek, text, anchored) if greek != short else None,
        lambda: align(plural or qualified, text, anchored) if plural or qualified else None,
        lambda: _numbered(qualified or short, text, anchored),
    )
    for attempt in tries:
        found = attempt()
        if found is None:
            continue
        tail = re.match(r"\s+(\w+)", text[found.end :])
        if anchored or not found.trailing or not (tail and tail.group(1) in _PREPOSITIONS):
            found = replace(found, end=len(text))
        if long_form_ok(short, text[found.start : found.end], found):
            return found
    return None


def long_form_ok(short: str, long: str, found: Alignment) -> bool:
    """Final checks on a pair, after S&H: the long form is longer than the short form, does
    not hold it as a word ("H-Ras (Ras)"), has balanced brackets and at most
    min(|SF| + 5, 2 * |SF|) words, is not a symbol beside a symbol ("BELL1 (BEL1)",
    "Sir2 (Sir2p)"), and the alignment is good enough: borrowing letters from inside words
    is only safe when no content word is left over; with one left over, at least 40% of
    the short form must open words (Ab3P's lesson)."""
    if len(long) <= len(short) or long.count("(") != long.count(")"):
        return False
    parts = {part.lower() for part in re.split(r"[\s/-]+", long)}
    if {short.lower(), re.sub(r"\([^()]*\)$", "", short).lower()} & parts:
        return False
    if len(long.split()) > max_long_words(short) or long.count("[") != long.count("]"):
        return False
    if len(long.split()) == 1 and not re.fullmatch(r"[A-Za-z][a-z]+", long):
        # One token that is not a plain word: a symbol, unless it spells words out
        # ("K-homology (KH)", "PIN-FORMED").
        runs = [short_chars(run) for run in re.findall(r"[^\W_]+", long)]
        capitals = not re.search(r"[a-z]", long) and len(re.findall(r"[A-Za-z]{3,}", long)) < 2
        core = short_chars(re.sub(r"(?<=[A-Z0-9])s$", "", short))
        if capitals or any(core in run for run in runs):
            return False
    return found.skipped == 0 or 5 * found.initials >= 2 * found.chars


def _numbered(short: str, text: str, anchored: bool) -> Alignment | None:
    numbered = re.fullmatch(r"(.*?[^\W\d_].*?)-?(\d+)[a-z]?|(.*?[^\W\d_].*?)-(I{1,3}|IV)", short)
    if not numbered:
        return None
    core, number = numbered.group(1, 2) if numbered.group(1) else numbered.group(3, 4)
    found = align(core, text, anchored)
    if not found or found.skipped or len(short_chars(core)) < 2:
        return None
    if 2 * (found.initials + found.contiguous) < found.chars:
        return None
    if set(re.findall(r"\d+", text[found.start :])) - {number}:
        return None  # other numbers in the long form should have matched the short form
    before = re.search(
        rf"(?i)(?<!\S)(?:(?:type\s+)?{re.escape(number)}(?:-\w+)?|{_ordinal_word(number) or '(?!)'})"
        r"\s+$",
        text[: found.start],
    )
    return replace(found, start=before.start()) if before and not anchored else found


def match_long_form(short: str, long: str) -> int | None:
    """Schwartz & Hearst's own right-to-left match, kept as the reference rule: the offset
    in `long` where the shortest long form of `short` starts, else None."""
    s_i, l_i = len(short) - 1, len(long) - 1
    while s_i >= 0:
        ch = short[s_i].lower()
        if not ch.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (
            long[l_i].lower() != ch or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())
        ):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = l_i + 1
    while start > 0 and not long[start - 1].isspace():
        start -= 1
    return start


def max_long_words(short: str) -> int:
    """Schwartz & Hearst's window: at most min(|SF| + 5, 2 * |SF|) words."""
    return min(len(short) + 5, 2 * len(short))
