"""Could this bracketed or listed string be a short form?

In: a candidate string ("TACE", "[Ca2+]i", "n = 6"). Out: yes or no (`is_short_form`), and the
class of a short form (`short_class`), by which rag/glossary/extract/rules.py keeps or drops
each rule. It does not look for long forms.
"""

from __future__ import annotations

import re

from rag.core.text import FUNCTION_WORDS

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
# A concentration or a complex is written in square brackets ("[Ca2+]i", "[3H]thymidine"):
# the bracket opens the short form, a letter must follow it.
_BRACKETED_START = re.compile(r"\[[A-Za-z0-9]")

SHORT_CLASSES = ("one character", "lower-case", "two characters", "three or more")


def short_class(short: str) -> str:
    """The class a short form's rules are judged in: a single character ("L") or an
    all-lower-case word ("ds") is far weaker evidence than "TACE", so each class keeps
    only the rules that stay precise on it."""
    chars = [c for c in short if c.isalnum()]
    if len(chars) == 1:
        return SHORT_CLASSES[0]
    if re.fullmatch(r"[a-z][a-z.]*", short):
        return SHORT_CLASSES[1]
    return SHORT_CLASSES[2] if len(chars) == 2 else SHORT_CLASSES[3]


def is_short_form(candidate: str) -> bool:
    """Could `candidate` be an abbreviation? Schwartz & Hearst's test (a letter somewhere,
    a letter or digit first, at most two words and 10 characters), widened to three words
    and 15 characters ("8-bromo-cAMP", "RNA pol II"), to a single character (whose rules
    are judged on their own, see `short_class`) and to a square bracket first ("[Ca2+]i"),
    and narrowed against what brackets hold in prose: measures ("5 min", "n = 6"),
    enumerations ("ii"), Latin ("i.e."), plain words ("prion", "the"), word pairs without
    a capital, digit or Greek letter ("in part")."""
    words = candidate.split()
    alnum = [c for c in candidate if c.isalnum()]
    if not alnum or len(candidate) > MAX_SHORT_CHARS or not 1 <= len(words) <= 3:
        return False
    if not (candidate[0].isalnum() or _BRACKETED_START.match(candidate)):
        return False
    if not any(c.isalpha() for c in candidate):
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
