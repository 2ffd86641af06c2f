"""Find abbreviation definitions in running text.

In: any text. Out: `Abbreviation` values (short form, long form, character offsets), in
order of appearance, one per distinct (short, long) pair. Two patterns are recognised:

- parenthetical definitions, "long form (SF)" and "SF (long form)" (also "(SF, remark)",
  "(SF1 and SF2)", "(long form, SF)", "SF (for long form)", nested and square brackets),
  after Schwartz & Hearst (2003) with Ab3P-style scoring of the letter alignment (Sohn et
  al. 2008) in rag/glossary/extract/align.py and rules.py;
- legend-style glossaries as in figure captions, "TACE, transarterial chemoembolization;
  TAE, transarterial embolization; ...", including a comma slipped in where a semicolon
  belongs.

It does not resolve abbreviations that are used without a definition, and it does not
normalise spellings (that is the glossary's job). Measured on MEDSTRACT and the
Schwartz-Hearst corpus by `python -m eval.abbreviations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.core.errors import InvalidArgumentError
from rag.core.text import FUNCTION_WORDS
from rag.glossary.extract.rules import find_long_form, max_long_words

_OPEN, _CLOSE = "([", ")]"
# No long form is longer than this; bounding the look-back keeps long texts linear.
_LOOKBACK_CHARS = 600


@dataclass(frozen=True)
class Abbreviation:
    """One definition: `text[short_start:short_end] == short`, likewise for `long`."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def extract_abbreviations(text: str) -> list[Abbreviation]:
    """Return every abbreviation defined in `text`, in order of appearance.

    A pair defined twice is reported once, at its first definition.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(
            f"text must be a str, was: {type(text).__name__}; pass the text itself (decode bytes first)")
    found = _parenthetical(text) + _legends(text)
    found.sort(key=lambda a: min(a.short_start, a.long_start))
    seen: set[tuple[str, str]] = set()
    out = []
    for abbr in found:
        if (abbr.short, abbr.long) not in seen:
            seen.add((abbr.short, abbr.long))
            out.append(abbr)
    return out


# Words that belong to a clause, not to a name: a long form never reaches back past them
# ("a mutation in the Notch locus CALLED split (N(spl))", "protein IS responsible ...").
CLAUSE_WORDS = frozenset(
    "is are was were be been being has have had that which who whom whose we our us they "
    "their them there here than but not can could may might will would should must also "
    "thus however although because while whereas when where called named termed "
    "designated known".split()
)
# Latin abbreviations that open a bracket but never name a term.
_LATIN = frozenset(
    ["e.g.", "e.g", "i.e.", "i.e", "i. e.", "cf.", "ca.", "etc.", "viz.", "vs.", "vs", "et al."]
)
MAX_SHORT_CHARS = 15
_GREEK_NAMES = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta kappa lambda mu sigma omega".split()
)


def is_short_form(candidate: str) -> bool:
    """Could `candidate` be an abbreviation? Schwartz & Hearst's test (a letter somewhere,
    a letter or digit first, at most two words and 10 characters), widened to three words
    and 15 characters ("8-bromo-cAMP", "RNA pol II"), and narrowed against what brackets
    hold in prose: measures ("5 min", "n = 6"), enumerations ("ii"), Latin ("i.e."),
    plain words ("prion", "the"), word pairs without a capital, digit or Greek letter
    ("in part")."""
    words = candidate.split()
    alnum = [c for c in candidate if c.isalnum()]
    if not 2 <= len(alnum) or len(candidate) > MAX_SHORT_CHARS or not 1 <= len(words) <= 3:
        return False
    if not candidate[0].isalnum() or not any(c.isalpha() for c in candidate):
        return False
    if re.search(r"[=<>%]", candidate) or candidate.rstrip(",;") in _LATIN:
        return False
    if len(words) >= 2 and (
        re.fullmatch(r"[\d.,]+", words[0])
        or not (re.search(r"[A-Z0-9]", candidate) or _GREEK_NAMES & {w.lower() for w in words})
    ):
        return False
    if candidate.isalpha() and candidate.islower():
        if len(candidate) > 4 or re.fullmatch(r"[ivx]+", candidate):
            return False
        if candidate in FUNCTION_WORDS or candidate in CLAUSE_WORDS:
            return False
    return True


def _make(text: str, s0: int, s1: int, l0: int, l1: int) -> Abbreviation:
    return Abbreviation(text[s0:s1], text[l0:l1], s0, s1, l0, l1)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _brackets(text: str) -> list[tuple[int, int, int]]:
    """(open, close, enclosing open or -1) for every matched (...) and [...] pair."""
    pairs, stack = [], []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE:
            kind = _OPEN[_CLOSE.index(ch)]
            # Close the innermost bracket of the same kind; a stray closer is ignored.
            for depth in range(len(stack) - 1, -1, -1):
                if text[stack[depth]] == kind:
                    start = stack[depth]
                    del stack[depth:]
                    pairs.append((start, i, stack[-1] if stack else -1))
                    break
    return sorted(pairs)


def _parenthetical(text: str) -> list[Abbreviation]:
    out = []
    for open_i, close_i, outer in _brackets(text):
        # Like S&H, only a bracket that opens after a space: "GABA(A)" and "Cu(II)" are names.
        if open_i > 0 and not (text[open_i - 1].isspace() or text[open_i - 1] in _OPEN):
            continue
        pair = _definition(text, open_i, close_i, outer + 1)
        if pair:
            out.append(pair)
    return out


def _definition(text: str, open_i: int, close_i: int, lo: int) -> Abbreviation | None:
    """Try, in turn: "long form (SF)"; "long form (SF, remark)" or "(SF1 and SF2)";
    "(long form, SF)"; "SF (long form)"."""
    c0, c1 = _strip(text, open_i + 1, close_i)
    if c0 == c1:
        return None
    inner = text[c0:c1]
    tries = [(c0, c1)]
    first = re.match(r"[^\s,;]+(?=[,;]\s|\s+(?:and|or)\s)", inner)
    if first:
        tries.append((c0, c0 + first.end()))
    for s0, s1 in tries:
        if is_short_form(text[s0:s1]):
            # A short form picked out of a longer bracket is weaker evidence: then
            # every content word of the long form must give a character.
            pair = _long_before(text, lo, open_i, s0, s1, strict=s1 != c1)
            if pair:
                return pair
    last = re.fullmatch(r"(.+),\s+(\S+)", inner)
    if last and is_short_form(last.group(2)):
        pair = _long_before(text, c0, c0 + last.end(1), c0 + last.start(2), c1)
        if pair:
            return pair
    return _short_before(text, lo, open_i, c0, c1)


def _window_start(text: str, lo: int, end: int, max_words: int) -> int | None:
    """Where the words that may hold a long form begin: at most `max_words` tokens back
    from `end`, never across a clause end, a comma (unless a number follows, as in
    "1, 3-propanediol"), a blank line, another bracketed group or a word of clause grammar
    ("is", "which", "called")."""
    cut = end - _LOOKBACK_CHARS > lo
    lo = max(lo, end - _LOOKBACK_CHARS)
    paragraph = text.rfind("\n\n", lo, end)  # a blank line ends any phrase
    if paragraph >= 0:
        lo, cut = paragraph + 2, False
    tokens = list(re.finditer(r"\S+", text[lo:end]))
    if cut and not text[lo - 1].isspace():
        tokens = tokens[1:]  # the first token was cut by the look-back limit
    start = None
    for k in range(len(tokens) - 1, max(-1, len(tokens) - 1 - max_words), -1):
        tok = tokens[k].group()
        if k < len(tokens) - 1 and (
            re.search(r"[.;:!?]$", tok)
            or (tok.endswith(",") and not tokens[k + 1].group()[0].isdigit())
        ):
            break
        if tok[0] in _OPEN or not _balanced(tok) or tok in CLAUSE_WORDS:
            break
        start = lo + tokens[k].start()
    return start


def _balanced(token: str) -> bool:
    return token.count("(") == token.count(")") and token.count("[") == token.count("]")


def _long_before(
    text: str, lo: int, open_i: int, s0: int, s1: int, strict: bool = False
) -> Abbreviation | None:
    """"long form (SF)": the long form ends just before the bracket."""
    short = text[s0:s1]
    end = _strip(text, lo, open_i)[1]
    start = _window_start(text, lo, end, max_long_words(short))
    if start is None:
        return None
    found = find_long_form(short, text[start:end])
    if found is None or (strict and found.skipped):
        return None
    l0, end = start + found.start, start + found.end
    # Chemical locants written with a space belong to the name: "1, 3-propanediol (Pr)".
    locants = re.search(r"(?<![\w,])\d+(?:,\d+)*,\s+$", text[start:l0])
    if locants:
        l0 = start + locants.start()
    return _make(text, s0, s1, l0, end)


def _short_before(text: str, lo: int, open_i: int, c0: int, c1: int) -> Abbreviation | None:
    """"SF (long form)": the token before the bracket is the short form (or its last
    hyphen/slash part: "alpha/beta-SNAP (Soluble NSF Attachment Protein)"), the bracket
    holds the long form (from its start, after an optional "for" or quote)."""
    lo = max(lo, open_i - _LOOKBACK_CHARS)
    m = re.search(r"(\S+)\s+$", text[lo:open_i])
    if not m:
        return None
    lead = re.match(r"(?:for\s+)?[\"'\u201c]?", text[c0:c1])
    l0 = c0 + lead.end()
    l1 = _strip(text, l0, c0 + (re.search(r";|$", text[c0:c1]).start()))[1]
    long = text[l0:l1]
    # A long form is made of words: "PDZ (PSD95/Dlg/ZO-1)" lists symbols instead.
    if not re.search(r"[a-z]{3}", long):
        return None
    s1 = lo + m.end(1)
    for s0 in (lo + m.start(1), lo + m.start(1) + _last_part(m.group(1))):
        short = text[s0:s1]
        if not is_short_form(short) or not re.search(r"[A-Z0-9]", short):
            continue
        fits = len(long.split()) <= max_long_words(short)
        if fits and find_long_form(short, long, anchored=True):
            return _make(text, s0, s1, l0, l1)
    return None


def _last_part(token: str) -> int:
    cut = max(token.rfind("-"), token.rfind("/"))
    return cut + 1 if 0 < cut < len(token) - 2 else 0


# A legend item: a short form, a separator (",", ":" or "="), then its long form up to
# ";", ",", "." or a line end. A lookahead, so that items may be tried at every token.
_LEGEND_ITEM = re.compile(
    r"(?:^|(?<=[\s;,.(]))(?=(?P<short>[^\s,;:=]{1,15})[ \t]*[,:=][ \t]+"
    r"(?P<long>[^;,.\n]{1,200}?)[ \t]*(?:[;,.\n]|$))"
)
_LEGEND_HEAD = re.compile(r"(?i)abbreviations?\s*(?:used)?\s*:\s*$")


def _legends(text: str) -> list[Abbreviation]:
    """Glossaries like "TACE, transarterial chemoembolization; TAE, ...".

    An item counts only if its long form spells the short form out from its first word,
    and only inside a run of at least two such items or right after "Abbreviations:", so
    prose such as "Overall, liver surgery, ..." is ignored. A comma may stand where a
    semicolon belongs ("PPRT, peptide receptor radionuclide therapy, OLT, ...").
    """
    items = []
    for m in _LEGEND_ITEM.finditer(text):
        short, long = m.group("short"), m.group("long")
        if not is_short_form(short) or not any(c.isupper() for c in short):
            continue
        if len(long.split()) > max_long_words(short):
            continue
        if find_long_form(short, long, anchored=True) is None:
            continue
        items.append(_make(text, m.start("short"), m.end("short"), m.start("long"), m.end("long")))
    out = []
    for i, item in enumerate(items):
        near_prev = i > 0 and _adjacent(text, items[i - 1], item)
        near_next = i + 1 < len(items) and _adjacent(text, item, items[i + 1])
        headed = _LEGEND_HEAD.search(text, max(0, item.short_start - 40), item.short_start)
        if near_prev or near_next or headed:
            out.append(item)
    return out


def _adjacent(text: str, first: Abbreviation, second: Abbreviation) -> bool:
    gap = text[first.long_end : second.short_start]
    return bool(re.fullmatch(r"[ \t]*[;,.][ \t]*", gap))
