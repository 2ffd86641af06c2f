"""Character alignment: the best way to spell a short form out of the end of a text, scored.

In: a short form ("TACE") and the text that may end with its long form. Out: the best
`Alignment` (where the long form starts and ends, and the evidence behind it) or None, plus
the character folding both sides share (`fold`, `short_chars`). rag/glossary/extract/rules.py
decides which alignments to try and whether the pair they give is acceptable.

The base rule is Schwartz & Hearst's (2003): every letter and digit of the short form must
occur in the long form, in order, and the first one must open a word. Where S&H take the
shortest such long form, this module scores every alignment, in the spirit of Ab3P (Sohn et
al. 2008), which ranks strategies from "each letter opens a word" down to "letters anywhere":

- a character that opens a word is the strongest evidence, one that opens a part of a word
  ("GlcNAc", "2A", the parent of a chemical name: "dihydroxy-Vitamin", "ferri-Cytochrome") or directly follows the previous match ("Pol" in "polymerase") is good,
  any other inner character counts for nothing;
- a content word of the long form that gives no character is a penalty, so "components of
  the yeast" cannot stand for CPF by borrowing P and F from inside words;
- the best-scoring start wins, so "protein phosphatase 2A (PP2A)" takes in "protein".

Greek letters match their Latin initial (α = a), a digit may match its number word
("two-dimensional" for 2D), a genotype sign its word ("-/-" for "null" or "deficient"), a
species code its organism ("Hs" for "human", only if the letters align nothing; spelled.py),
and a number is matched whole or not at all. Chemical locants and descriptors ("1,3-",
"beta-") are no words a character must come from. It does not judge
the pair (length, brackets, symbols) and does not look for candidates in text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.core.text import FUNCTION_WORDS
from rag.glossary.extract.spelled import fold, short_chars, signed_chars, species_chars, spelled_by
from rag.glossary.extract.symbols import CHEMICAL_PREFIX, DESCRIPTOR

__all__ = ["Alignment", "align", "fold", "short_chars"]

# A count before a long form is not part of it: "two tetratricopeptide repeats (TPR)".
_QUANTIFIERS = frozenset("two three four five six seven eight nine ten several both many multiple various "
                         "numerous few each".split())
# Weights of the alignment score (see module docstring).
WORD_START, PART_START, CONTIGUOUS, INNER, SKIPPED_WORD, SKIPPED_STOP = 2, 1, 1, 0, -2, -1


@dataclass(frozen=True)
class Alignment:
    """A long form found for a short form: `text[start:end]` of the searched text."""

    start: int
    end: int
    score: int
    chars: int  # alnum characters in the short form
    initials: int  # ... matched where a word or a part of one begins
    contiguous: int  # ... matched right after the previous one, inside a word
    skipped: int  # content words of the long form that gave no character
    trailing: int  # ... of which after the last matched character
    rule: str = ""  # the rule that accepted it (rag/glossary/extract/rules.py)


def align(short: str, text: str, anchored: bool = False) -> Alignment | None:
    """Best alignment of `short` to a long form ending at the end of `text`, else None.

    Worked example: short "RRS", text "the Ras recruitment system". Starting at "Ras",
    each letter opens a word (score 6); starting at "recruitment", the middle R is an inner
    letter (score 4). "Ras recruitment system" wins; S&H's shortest match would drop "Ras".
    On a tie the longer long form wins ("cytochrome c oxidase" over "c oxidase"), but in
    "X and Y (SF)" a long form found in Y alone wins ("Ah receptor and Ah nuclear
    translocator (Arnt)" defines "Ah nuclear translocator"). As in S&H, the long form
    takes in the whole token of its first letter: "preSu9(1-112)-dihydrofolate reductase".
    """
    if not text:
        return None
    found = _align(signed_chars(short), text, anchored)
    species = species_chars(short) if found is None else None
    return _align(species, text, anchored) if species else found


def _align(sf: str, text: str, anchored: bool) -> Alignment | None:
    if not sf:
        return None
    folded = "".join(fold(c) for c in text)
    words = _Words.of(text)
    gains = _start_gains(text, words.parents)
    n, m = len(sf), len(text)
    # Where each short-form character can be matched: (position, length, start gain).
    options: dict[str, list[tuple[int, int, int]]] = {}
    for ch in set(sf):
        # A function word gives at most its first letter ("Department Of Energy").
        opts = [
            (p, 1, gains[p])
            for p in range(m)
            if folded[p] == ch and (gains[p] or not words.minor[words.ids[p]])
        ]
        phrases = spelled_by(ch)
        firsts = {phrase[0] for phrase in phrases}
        for k, (w0, w1) in enumerate(words.spans if phrases else ()):
            if text[w0:w1].lower() not in firsts:
                continue
            for phrase in phrases:
                span = words.spans[k : k + len(phrase)]
                if len(span) == len(phrase) and all(text[a:b].lower() == w for (a, b), w in zip(span, phrase)):
                    opts.append((w0, span[-1][1] - w0, WORD_START))
        options[ch] = sorted(opts)

    def digit_ok(i: int, p: int, prev: int) -> bool:
        """A number is matched whole by a digit run of the short form ("1" is not "15")."""
        if not text[p].isdigit():
            return True
        if p > 0 and text[p - 1].isdigit() and prev != p - 1:
            return False
        return not (p + 1 < m and text[p + 1].isdigit()) or (i + 1 < n and sf[i + 1] == text[p + 1])

    @lru_cache(maxsize=None)
    def best(i: int, prev: int) -> tuple[int, int, int, int, int, int] | None:
        """(score, initials, contiguous, skipped, trailing, end of the last matched word)
        for matching sf[i:] after position `prev`."""
        w_prev = words.ids[prev]
        if i == n:
            cost, skipped = words.penalty(w_prev + 1, len(words.spans))
            return (cost, 0, 0, skipped, skipped, words.spans[w_prev][1])
        result = None
        for p, length, gain in options[sf[i]]:
            if p <= prev or (length == 1 and not digit_ok(i, p, prev)):
                continue
            rest = best(i + 1, p + length - 1)
            if rest is None:
                continue
            cost, skipped = words.penalty(w_prev + 1, words.ids[p])
            next_to = not gain and p == prev + 1
            score = rest[0] + (gain or (CONTIGUOUS if next_to else INNER)) + cost
            if result is None or score > result[0]:
                result = (score, rest[1] + (gain > 0), rest[2] + next_to, rest[3] + skipped)
                result += rest[4:]
        return result

    candidates = []
    for p, length, _ in options[sf[0]]:
        w = words.ids[p]
        if (words.spans[w][0] != p and p not in words.parents) or text[p : words.spans[w][1]] in FUNCTION_WORDS:
            continue  # begin where a word (or a chemical parent name) begins, not at "the"
        if length == 1 and re.match(r"(\w+)\s", text[p:]) and re.match(r"\w+", text[p:]).group().lower() in _QUANTIFIERS:
            continue  # "two tetratricopeptide repeats": T opens "tetratricopeptide" instead
        start = _token_start(text, p)
        if text[start] == "(":
            continue  # a bracketed group opens no long form: "interleukin (IL)-2 receptor"
        if (length == 1 and not digit_ok(0, p, -1)) or (
            anchored and re.search(r"[^\W\d_]", text[:start])
        ):
            continue  # anchored: only locants may precede ("3',5' cyclic AMP")
        rest = best(1, p + length - 1)
        if rest is None:
            continue
        first_word = next(k for k, span in enumerate(words.spans) if span[1] > start)
        cost, skipped = words.penalty(first_word, w)
        score, initials, contiguous, rest_skipped, trailing, end = rest
        candidates.append(
            Alignment(start, end, WORD_START + score + cost, n, 1 + initials, contiguous,
                      rest_skipped + skipped, trailing)
        )
    best.cache_clear()
    if not candidates:
        return None
    chosen = max(candidates, key=lambda c: (c.score, -c.start))
    conj = [c.end() for c in re.finditer(r"\s(?:and|or)\s", text[chosen.start :])]
    later = [c for c in candidates if conj and c.start >= chosen.start + conj[-1]]
    return max(later, key=lambda c: (c.score, -c.start)) if later else chosen


def _start_gains(text: str, parents: frozenset[int] = frozenset()) -> list[int]:
    """Per character, what matching it is worth: WORD_START after a non-alnum, PART_START
    at a lower-to-upper hump ("GlcNAc"), where letters and digits meet ("2A") or where a
    chemical parent name opens ("dihydroxyVitamin"), else 0."""
    out = []
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        if not ch.isalnum():
            out.append(0)
        elif not prev.isalnum():
            out.append(WORD_START)
        elif (ch.isupper() and prev.islower()) or ch.isalpha() != prev.isalpha():
            out.append(PART_START)
        else:
            out.append(0)
    for i in parents:
        out[i] = PART_START
    return out


_DESCRIPTOR_AT = re.compile(rf"(?<![^\W_]){DESCRIPTOR}")


@dataclass(frozen=True)
class _Words:
    """Alnum runs of the searched text and what leaving each one unmatched costs."""

    ids: tuple[int, ...]  # word index per character, -1 outside words
    spans: tuple[tuple[int, int], ...]
    cost: tuple[int, ...]  # cumulative: cost[k] = penalty of words 0..k-1
    content: tuple[int, ...]  # cumulative count of content words
    minor: tuple[bool, ...]  # per word: a lowercase function word ("of", "the")
    parents: frozenset[int] = frozenset()  # where a chemical parent name opens inside a word

    @classmethod
    def of(cls, text: str) -> _Words:
        ids = [-1] * len(text)
        spans, cost, content, minor, parents = [], [0], [0], [], set()
        # Locants and descriptors of a chemical name ("1alpha,25-", "beta-") give no letter
        # and cost nothing: "1,3-beta-glucan synthase (GS)".
        descriptors = {m.start() for m in _DESCRIPTOR_AT.finditer(text)}
        for k, m in enumerate(re.finditer(r"[^\W_]+", text)):
            word = m.group()
            prefix = CHEMICAL_PREFIX.match(word) if len(word) > 7 else None
            if prefix and prefix.end() < len(word):
                parents.add(m.start() + prefix.end())
            is_stop = word.lower() in FUNCTION_WORDS
            is_content = len(word) > 1 and not is_stop and not word.isdigit() and m.start() not in descriptors
            spans.append(m.span())
            cost.append(cost[-1] + (SKIPPED_WORD if is_content else SKIPPED_STOP * is_stop))
            content.append(content[-1] + is_content)
            minor.append(word in FUNCTION_WORDS)
            ids[m.start() : m.end()] = [k] * len(word)
        return cls(tuple(ids), tuple(spans), tuple(cost), tuple(content), tuple(minor), frozenset(parents))

    def penalty(self, lo: int, hi: int) -> tuple[int, int]:
        """(score penalty, content words) for leaving words lo..hi-1 unmatched."""
        if hi <= lo:
            return 0, 0
        return self.cost[hi] - self.cost[lo], self.content[hi] - self.content[lo]


def _token_start(text: str, p: int) -> int:
    """Start of the whitespace-delimited token holding `p`, minus opening quotes and a
    bracketed term joined to it by a slash, and minus
    a hyphenated symbol or "non" before `p` that gives no character: the term is the
    part after the hyphen ("HKIII-green fluorescent protein (GFP)", "non-A hepatitis")."""
    start = p
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while start < p and text[start] in "\"'`\u201c\u2018":
        start += 1
    slash = text.rfind(")/", start, p)
    if slash >= 0:  # "(EGFR)/phosphatidylinositol 3-kinase (PI3K)": a slash joins two terms
        start = slash + 2
    if p - start > 1 and text[p - 1] == "-" and _MODIFIER_PREFIX.fullmatch(text[start : p - 1]):
        return p
    return start


# A symbol (capitals, or letters and digits mixed: "HKIII", "Cla4p", "GST") or a negation
# before a hyphen names another thing or negates the term; chemical locants and
# descriptors ("1,3-", "trans-", "beta-", "N-") belong to the name and are kept.
_MODIFIER_PREFIX = re.compile(r"[A-Z]{2,}\d*|[A-Za-z]+\d+[A-Za-z]*|[A-Z][a-z]+\d+[a-z]?|non|Non")
