"""A question's frame words in standard spelling, before rag/glossary/questions.py matches it
against the frames of rag/glossary/frames.py.

In: the question as typed and a `Glossary` (only `lookup` is used, to leave its terms alone).
Out: `standard_frame(question, glossary)`: whitespace and apostrophes evened out, "=", "&" and
a spaced "+" in words, chat spellings and slips of frame words standard ("wats" -> "what is",
"stnd" -> "stand"), and the courtesy, the place named first and a confirmation tag taken off
("in the flowchart what does PVE mean" -> "what does PVE mean"; "..., correct?" -> "...").

It never rewrites a term: a token typed as an abbreviation ("WAT", "U") or one the glossary
holds stays as typed. Which terms are asked about is decided in rag/glossary/questions.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from rag.core.text import zipf
from rag.glossary.frames import CONTEXT_LEAD, COURTESY_LEAD, DIGIT_WORDS, FRAME_WORDS, RARE_ZIPF, SYMBOLS, TEXT_SPEAK
from rag.glossary.tails import CONFIRM_TAIL, COURTESY_TAIL
from rag.glossary.keys import typed_as_word

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["SPELLED_LETTERS", "standard_frame"]


def standard_frame(question: str, glossary: Glossary) -> str:
    """Whitespace and apostrophes evened out, trailing punctuation dropped, and every
    `TEXT_SPEAK` word typed like a word (never "WAT" or "U") in its standard spelling:
    "wats PVL?" -> "what is PVL", "PVL stands 4" -> "PVL stands for"."""
    text = _spelled_out(_ASIDE.sub("", question.replace("\u2019", "'").strip()).rstrip("?.! "), glossary)
    for pattern, word in SYMBOLS:
        text = pattern.sub(word, text)
    text = _AFTER_COPULA.sub(r"\1", _INTENSIFIER.sub(r"\1", _standard_words(text, glossary)))
    text = _LEARNER_MEAN.sub("what means", text)
    text = _SUPPOSED.sub(r"\1 \2", _DROPPED_DO.sub(_with_do, text))
    text = COURTESY_TAIL.sub("", COURTESY_LEAD.sub("", CONTEXT_LEAD.sub("", text))).rstrip("?.! ").strip() or text
    return CONFIRM_TAIL.sub("", text).strip() or text


# A wh-question whose auxiliary was dropped, as learners of English and quick typists write it: "what they
# mean", "what it stand for" -> "what do they mean", "what does it stand for".
_DROPPED_DO = re.compile(r"\bwhat\s+(?P<who>they|these|those|it|this|that)\s+(?P<verb>mean|stand\s+for)s?\b", re.I)


def _with_do(m: re.Match[str]) -> str:
    plural = m.group("who").lower() in ("they", "these", "those")
    return f"what {'do' if plural else 'does'} {m.group('who')} {m.group('verb')}"


# "supposed to be/mean" only hedges what is asked: "what is that supposed to be?" asks "what is that?".
_SUPPOSED = re.compile(r"\b(is|are)\s+(\S+(?:\s+\S+)?)\s+(?:supposed|meant)\s+to\s+(?:be|mean)\b", re.I)


# A bracketed remark of several words closing the question is an aside on where the term was met, not part
# of it: "expand IRE (liver ablation context)"; a bracketed single token ("what is '(PVL)'") is the term.
_ASIDE = re.compile(r"\s+\([^()]*\s[^()]*\)\s*[?.!]*\s*$")


# Letters said one by one, as dictation types them ("what is a l p p s", "pan n e n"): a run of two or
# more single letters, perhaps after the word it continues.
# The letters may be set apart by commas, hyphens or "then": "O, then L, then T", "O-L-T".
_BETWEEN = r"(?:\s*[,-]\s*(?:then\s+)?|\s+then\s+|\s+)"
SPELLED_LETTERS = _LETTERS = re.compile(rf"(?<![\w'-])(?:(?P<lead>[A-Za-z]{{2,4}})\s+)?(?P<run>[A-Za-z](?:{_BETWEEN}[A-Za-z]){{1,7}})(?![\w'-])")


def _spelled_out(text: str, glossary: Glossary) -> str:
    """A short form spelled letter by letter, joined as the glossary prints it; a run that
    joins into no short form the glossary holds is left as typed ("is it a or b")."""
    def known(term: str) -> str:
        found = glossary.lookup(term)
        return found.matches[0].short if found.match_kind in ("exact", "variant") and found.matches else ""

    def joined(m: re.Match[str]) -> str:
        lead, run = m.group("lead"), re.sub(rf"{_BETWEEN}", "", m.group("run"))
        with_lead = known(lead + run) if lead else ""
        if with_lead:
            return with_lead  # "pan n e n" -> panNEN
        alone = known(run)
        return ((lead + " ") if lead else "") + alone if alone else m.group(0)

    return _LETTERS.sub(joined, text)


# An intensifier after a question word asks nothing more: "what on earth is PVE?", "what the
# heck does TAE mean", "what in the world is ALPPS", "what exactly do they mean by OLT", "what even is SA".
_INTENSIFIER = re.compile(r"\b(what|who|why|how|where)\s+(?:on\s+earth|in\s+the\s+world|the\s+(?:heck|hell|dickens)|exactly|precisely"
                          r"|(?:even|actually|really)(?=\s+(?:is|are|was|were|does|do|did)\b))\b",
                          re.I)
# ... or after its verb, as learners and speech often place it: "what is exactly IFNa", "IFNa - what is
# exactly this?", "what are actually PVE and PVL".
_AFTER_COPULA = re.compile(r"\b((?:what|who)\s+(?:is|are|was|were))\s+(?:exactly|precisely|actually|really)\b", re.I)
# A learner's "what is mean X" / "what does mean X" is "what does X mean", as "what means X" already reads ("what
# is mean of X" is the noun, read as it is).
_LEARNER_MEAN = re.compile(r"\bwhat\s+(?:is|'s|does|do)\s+mean\b(?=\s+(?!of\b)\S)", re.I)


def _standard_words(text: str, glossary: Glossary) -> str:
    """Each `TEXT_SPEAK` word, and each slip of a frame word, typed like a word in its
    standard spelling (see above)."""
    words = text.split()
    # Typed all in capitals, "WATS TAE" marks nothing by case: a word the glossary does not
    # hold may be chat spelling too ("WATS" -> "what is"), never a term ("RE" stays).
    shouted = not any(c.islower() for c in text)
    out = []
    for i, word in enumerate(words):
        standard = None
        if _typed_as_frame_word(word):
            standard = TEXT_SPEAK.get(word.casefold()) or _frame_word_slip(word, glossary)
        elif shouted and glossary.lookup(word).match_kind not in ("exact", "variant"):
            standard = TEXT_SPEAK.get(word.casefold())
        if standard and word in DIGIT_WORDS:
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            if not (before.isalpha() and before.islower() and (not after or after.isalpha())):
                standard = None
        out.append(standard or word)
    return " ".join(out).rstrip("?.! ").strip()


def _frame_word_slip(word: str, glossary: Glossary) -> str | None:
    """The frame word `word` is one keystroke from ("stnd" -> "stand", "defintion" ->
    "definition"), when English hardly uses `word` and the glossary does not hold it."""
    folded = word.casefold()
    if len(folded) < 3 or not folded.isalpha() or folded in FRAME_WORDS:
        return None
    near = _near_frame_words(folded)
    if not near or glossary.lookup(word).match_kind in ("exact", "variant") or zipf(folded) >= RARE_ZIPF:
        return None
    return min(near, key=lambda w: abs(len(w) - len(folded)))


@lru_cache(maxsize=8192)
def _near_frame_words(folded: str) -> tuple[str, ...]:
    """The frame words one edit from `folded`: every word of every question is tried, and most recur."""
    return tuple(w for w in FRAME_WORDS if len(w) >= 4 and OSA.distance(folded, w) == 1)


def _typed_as_frame_word(word: str) -> bool:
    """"wats", "Wats", "4", "u" may be chat spellings; "WAT", "U" (capitals) may be terms."""
    if len(word) == 1 and word.isalpha():
        return word.islower()
    return typed_as_word(word)
