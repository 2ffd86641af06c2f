"""Letter-matching rules: can these words be spelled out by this short form?

In: a short-form candidate ("TACE") and the text that may hold its long form. Out: the best
`Alignment` (where the long form starts and ends, how well it matches) or None. It does not
look for candidates in text; rag/glossary/extract/pairs.py does that.

The base rule is Schwartz & Hearst's (2003): every letter and digit of the short form must
occur in the long form, in order, and the first one must open a word. Where S&H take the
shortest such long form, this module scores every alignment, in the spirit of Ab3P (Sohn et
al. 2008), which ranks strategies from "each letter opens a word" down to "letters anywhere":

- a character that opens a word is the strongest evidence, one that opens a part of a word
  ("GlcNAc", "2A") or directly follows the previous match ("Pol" in "polymerase") is good,
  any other inner character counts for nothing;
- a content word of the long form that gives no character is a penalty, so "components of
  the yeast" cannot stand for CPF by borrowing P and F from inside words;
- the best-scoring start wins, so "protein phosphatase 2A (PP2A)" takes in "protein".

Greek letters match their Latin initial (α = a), a digit may match its number word
("two-dimensional" for 2D), and a number is matched whole or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

# Greek letter -> Latin initial of its name (χ chi -> c, ψ psi -> p, ω omega -> o).
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", "abgdezetiklmnxoprsstufcpo"))
_GREEK_NAME = re.compile(r"(?i)(?<![a-z])(alpha|beta|gamma|delta|epsilon|kappa)(?![a-z])")
_NUMBER_WORDS = {
    "1": ("one", "first"), "2": ("two", "second", "ii"), "3": ("three", "third", "iii"),
    "4": ("four", "iv"), "5": ("five",), "6": ("six", "vi"), "7": ("seven", "vii"),
    "8": ("eight", "viii"), "9": ("nine", "ix"),
}
_ORDINALS = {"1": "first", "2": "second", "3": "third", "I": "first", "II": "second"}
# Words that may sit unmatched inside a long form ("signal transducer AND activator OF ...")
# and that a long form must not start with ("THE ribosomal protein" for "(RP)").
STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it of on or that the this these those to "
    "was were which with".split()
)
_PREPOSITIONS = frozenset("of from in for with on at by to".split())
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
        rf"(?i)(?<!\S)(?:(?:type\s+)?{re.escape(number)}(?:-\w+)?|{_ORDINALS.get(number, '(?!)')})"
        r"\s+$",
        text[: found.start],
    )
    return replace(found, start=before.start()) if before and not anchored else found


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
    sf = short_chars(short)
    if not sf or not text:
        return None
    folded = "".join(fold(c) for c in text)
    gains, words = _start_gains(text), _Words.of(text)
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
        for w0, w1 in words.spans if ch in _NUMBER_WORDS else ():
            if text[w0:w1].lower() in _NUMBER_WORDS[ch]:
                opts.append((w0, w1 - w0, WORD_START))
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
        if words.spans[w][0] != p or text[p : words.spans[w][1]] in STOPWORDS:
            continue  # begin where a word begins, not at "the" ("The Scripps ..." may)
        if length == 1 and re.match(r"(\w+)\s", text[p:]) and re.match(r"\w+", text[p:]).group().lower() in _QUANTIFIERS:
            continue  # "two tetratricopeptide repeats": T opens "tetratricopeptide" instead
        start = _token_start(text, p)
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


def fold(ch: str) -> str:
    """Lower-case, with Greek letters folded to their Latin initial."""
    low = ch.lower()
    return _GREEK.get(low, low)


def short_chars(short: str) -> str:
    """The letters and digits of a short form, folded: "IFN-α" -> "ifna"."""
    return "".join(fold(c) for c in short if c.isalnum())


def _start_gains(text: str) -> list[int]:
    """Per character, what matching it is worth: WORD_START after a non-alnum, PART_START
    at a lower-to-upper hump ("GlcNAc") or where letters and digits meet ("2A"), else 0."""
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
    return out


@dataclass(frozen=True)
class _Words:
    """Alnum runs of the searched text and what leaving each one unmatched costs."""

    ids: tuple[int, ...]  # word index per character, -1 outside words
    spans: tuple[tuple[int, int], ...]
    cost: tuple[int, ...]  # cumulative: cost[k] = penalty of words 0..k-1
    content: tuple[int, ...]  # cumulative count of content words
    minor: tuple[bool, ...]  # per word: a lowercase function word ("of", "the")

    @classmethod
    def of(cls, text: str) -> _Words:
        ids = [-1] * len(text)
        spans, cost, content, minor = [], [0], [0], []
        for k, m in enumerate(re.finditer(r"[^\W_]+", text)):
            word = m.group()
            is_stop = word.lower() in STOPWORDS
            is_content = len(word) > 1 and not is_stop and not word.isdigit()
            spans.append(m.span())
            cost.append(cost[-1] + (SKIPPED_WORD if is_content else SKIPPED_STOP * is_stop))
            content.append(content[-1] + is_content)
            minor.append(word in STOPWORDS)
            ids[m.start() : m.end()] = [k] * len(word)
        return cls(tuple(ids), tuple(spans), tuple(cost), tuple(content), tuple(minor))

    def penalty(self, lo: int, hi: int) -> tuple[int, int]:
        """(score penalty, content words) for leaving words lo..hi-1 unmatched."""
        if hi <= lo:
            return 0, 0
        return self.cost[hi] - self.cost[lo], self.content[hi] - self.content[lo]


def _token_start(text: str, p: int) -> int:
    """Start of the whitespace-delimited token holding `p`, minus opening quotes."""
    start = p
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while start < p and text[start] in "\"'`\u201c\u2018":
        start += 1
    return start


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
