"""A follow-up question + the conversation so far -> a self-contained question.

Deterministic, no model: a question that leans on the previous turn ("and for pancreatic
primaries?", "what about it in G1?", "and the second one?") is joined with the last
self-contained question, so retrieval and routing see the whole request. A question that
stands on its own is left alone: a new topic must not drag the old one along.

Two further resolutions need the previous *answer*, which the pipeline supplies (it re-asks
the previous turn); the language facts they rest on live here:
- an anaphor ("it", "that paper", "the first one") points at the item the previous answer
  named: `pick_referent` chooses it among the references and figures that answer cited, and
  `name_referent` writes its name in place of the anaphor ("who wrote it?" -> "who wrote
  reference 4?");
- a bare "why?" asks for a reason: `reason_clause` finds where a passage states one (a
  causal or purpose connective and the clause it opens).
It does not decide what answers a question (rag/answer/ does) nor which unit a name points
at (rag/retrieval/structure.py does).
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
# Nouns a demonstrative can point with at a cited work or a figure ("that paper", "those studies").
_ITEM_NOUNS = (r"(?:paper|study|studies|article|reference|work|publication|source|citation|figure|"
               r"guideline|review|item|entry|one|trial)s?")
# A noun phrase that can only point back: a distal demonstrative or "the same/latter/former"
# with such a noun, or an ordinal "one" ("the second one"). Unlike "it", these need a referent
# however long the question is ("What is the title of that paper?").
_POINTING = re.compile(rf"\b(?:that|those|the same|the latter|the former)\s+{_ITEM_NOUNS}\b"
                       r"|\b(?:the latter|the former|that one|this one)\b", re.I)
_MAX_POINTING_WORDS = 12  # longer questions carry their own subject


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
    if len(words) <= _MAX_POINTING_WORDS and (_POINTING.search(question) or _ORDINAL_ONE.search(question)):
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


# -- what the previous answer named ---------------------------------------------------------
_ITEM_ID = re.compile(r"^(figure|reference)-(\d+)$")
# The review itself ("this review", "the article") is never the previous answer's item.
_SELF = re.compile(r"\b(?:this|the present|the current|our|the)\s+(?:review|article)\b", re.I)
_NAMED_ITEM = re.compile(r"\b(?:figure|fig\.?|reference|ref\.?)\s*\d+\b", re.I)
_PLURAL = re.compile(r"\b(?:they|them|their|those|these|both)\b", re.I)
_SINGULAR = re.compile(r"\b(?:it|its|that|this)\b", re.I)
# What `name_referent` replaces, longest first: "the second one", "that paper", "its", "it".
_REFERRING = re.compile(
    r"\b(?:the\s+)?(?:" + "|".join(w for w in ORDINALS if w.isalpha()) + r"|last|\d+(?:st|nd|rd|th))\s+one\b"
    rf"|\b(?:that|those|the same|the latter|the former)\s+{_ITEM_NOUNS}\b"
    r"|\b(?:the latter|the former|that one|this one|both of them|its|their|it|that|this|they|them|those|these|both)\b",
    re.I)


def points_back(question: str) -> bool:
    """Does the question use an anaphor that may point at an item of the previous answer?"""
    return bool(_ANAPHORA.search(question) or _POINTING.search(question) or _ORDINAL_ONE.search(question))


def item_name(unit_id: str) -> str:
    """"reference-4" -> "reference 4", as a question names it (a `doc:` prefix is dropped)."""
    m = _ITEM_ID.match(unit_id.rsplit(":", 1)[-1])
    return f"{m.group(1)} {m.group(2)}" if m else ""


def pick_referent(question: str, cited: list[str]) -> list[str]:
    """The items (references, figures) of the previous answer that the question points at.

    `cited`: the unit IDs the previous answer cited, in the order cited. An ordinal "one"
    picks from a list ("Which references are from 2008?" cites references 1 and 5; "the second
    one" is reference 5); "it", "that", "that paper" point at the one item an answer named;
    "they", "those" at all of a list. An answer that also quoted other passages, or a question
    that names its own item or the review itself, gives no referent.
    """
    if _SELF.search(question) or _NAMED_ITEM.search(question):
        return []
    cited = list(dict.fromkeys(cited))
    items = [u for u in cited if item_name(u)]
    if not items or len(items) != len(cited):
        return []
    ordinal = _ORDINAL_ONE.search(question)
    if ordinal:
        word = ordinal.group(1).lower()
        number = len(items) if word == "last" else (
            ORDINALS.get(word) or (int(re.sub(r"\D", "", word)) if word[0].isdigit() else 0))
        # With one item, "the second one" re-points a numbered anchor instead (see `rewrite`).
        return [items[number - 1]] if len(items) >= 2 and 1 <= number <= len(items) else []
    if len(items) >= 2:
        return items if _PLURAL.search(question) else []
    return items if _POINTING.search(question) or _SINGULAR.search(question) else []


def name_referent(question: str, names: list[str]) -> str:
    """Write the item's name in place of the first anaphor: "Which journal was that in?" ->
    "Which journal was reference 4 in?"; "What is its title?" -> "What is reference 4's title?"."""
    named = " and ".join(names)

    def replace(m: re.Match) -> str:
        return f"{named}'s" if m.group(0).lower() in ("its", "their") else named

    rewritten, count = _REFERRING.subn(replace, question, count=1)
    return rewritten if count else f"{question} ({named})"


# -- why? --------------------------------------------------------------------------------------
_WHY = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(?:why|how come|for what reason|what (?:is|was|'s) the "
                  r"(?:reason|rationale|purpose)|what for)\b", re.I)
# Connectives that open a clause giving a cause or a purpose ("as a result of advances ...",
# "aiming to potentially prolong survival ..."). A bare "as" is causal only before the
# clause's subject ("as they are less limited"), never in "as well as" or "such as".
_REASON = re.compile(r"\b(?:because|since|as a result of|due to|owing to|thanks to|in order to|so as to|"
                     r"so that|aim(?:s|ing|ed)? (?:at|to)|with a view to|given that|in view of|"
                     r"as (?:they|it|this|these|we|the latter)\b)", re.I)
_CLAUSE_END = re.compile(r"[,;:.]|\s\((?!\d)|$")


def asks_why(question: str) -> bool:
    """"Why?", "Why is that?", "How come?", "What is the reason?": a request for a reason."""
    return bool(_WHY.match(question))


def reason_clause(text: str) -> str:
    """The first clause of `text` that states a cause or purpose, from its connective to the
    clause's end, else "". Worked example: "Liver surgery ... is the treatment of choice ...,
    aiming to potentially prolong survival and ameliorate hormonal symptoms refractory to
    medical control." -> "aiming to potentially prolong survival and ameliorate hormonal
    symptoms refractory to medical control"."""
    m = _REASON.search(text)
    if not m:
        return ""
    end = _CLAUSE_END.search(text, m.end())
    return text[m.start():end.start() if end else len(text)].strip()
