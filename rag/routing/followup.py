"""A follow-up question + the conversation so far -> a self-contained question.

Deterministic, no model: a question that leans on the previous turn ("and for pancreatic
primaries?", "what about it in G1?", "and the second one?") is joined with the last
self-contained question, so retrieval and routing see the whole request. A question that
stands on its own is left alone: a new topic must not drag the old one along.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.core.text import ORDINALS

_LEADING_CUES = re.compile(
    r"^(and|but|also|so|then|what about|how about|and what about|what if|and if|same for|"
    r"is that|are they|does it|do they|is it|and for|and in|and with|and without)\b", re.I)
_QUESTION_START = re.compile(r"^(what|which|who|whom|whose|when|where|why|how|is|are|does|do|can|should|"
                             r"could|would|will|define|explain|describe|list|tell)\b", re.I)
_ANAPHORA = re.compile(r"\b(it|its|they|them|their|this|that|these|those|the same|the latter|"
                       r"the former|the second one|the first one|the other one|such)\b", re.I)
_BARE_WORDS = set("""why how when where who what which so come really exactly is are was were the a an any
there other else more then do does did can could should would options option alternatives alternative
risks risk benefits benefit advantages disadvantages indications contraindications criteria evidence
reasons reason limitations outcomes outcome results result source sources details example examples""".split())
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")


@dataclass(frozen=True)
class Rewrite:
    question: str  # what the pipeline should work with
    is_followup: bool
    previous: str = ""


def is_followup(question: str) -> bool:
    """Short or elliptical questions that cannot stand alone."""
    words = _WORD.findall(question)
    if _LEADING_CUES.match(question.strip()):
        return True
    if len(words) <= 6 and _ANAPHORA.search(question):
        return True
    # "Why?", "What are the alternatives?": nothing but a question word and a relational noun,
    # which only mean something about the previous answer.
    if words and len(words) <= 5 and all(w.lower() in _BARE_WORDS for w in words):
        return True
    # "For pancreatic primaries?" -- a fragment with no question word of its own.
    return len(words) <= 4 and not _QUESTION_START.match(question.strip())


_ORDINAL_ONE = re.compile(r"\b(" + "|".join(w for w in ORDINALS if w.isalpha()) + r"|next|last|\d+(?:st|nd|rd|th)?)\s+one\b",
                          re.I)
_NUMBERED = re.compile(r"\b(figure|fig\.?|reference|ref\.?)\s*(\d+)\b", re.I)


def rewrite(question: str, history: list[str] | None) -> Rewrite:
    """Join a follow-up with the most recent self-contained question in `history`.

    "What about the second one?" after "Who is the first author of reference 1?" becomes
    "Who is the first author of reference 2?": an ordinal "one" re-points the numbered item.
    """
    if not history or not is_followup(question):
        return Rewrite(question, False)
    anchor = next((h for h in reversed(history) if not is_followup(h)), history[-1])
    ordinal, numbered = _ORDINAL_ONE.search(question), _NUMBERED.search(anchor)
    if ordinal and numbered:
        word = ordinal.group(1).lower()
        number = ORDINALS.get(word) or (int(re.sub(r"\D", "", word)) if word[0].isdigit() else None)
        if word == "next":
            number = int(numbered.group(2)) + 1
        if number:
            swapped = anchor[:numbered.start(2)] + str(number) + anchor[numbered.end(2):]
            return Rewrite(swapped, True, anchor)
    return Rewrite(f"{question} {anchor}", True, anchor)
