"""A follow-up question + the conversation so far -> a self-contained question.

Deterministic, no model: a question that leans on the previous turn ("and for pancreatic primaries?", "and
the second one?") is joined with the last self-contained question, so retrieval and routing see the whole request. A question that
stands on its own is left alone: a new topic must not drag the old one along. What makes a
question lean: a leading conjunction or a clause with no main clause ("only if ..."), an anaphor in a short
question, an ordinal standing for an item ("the second"), a bare question word with a relational noun or a
degree word ("which year?"), a pronoun with only everyday words ("should it be done on its own?") or asked
a reason ("what's the point if it's already spread?"), or several sentences that each lean.

Two further resolutions need the previous *answer*, which the pipeline supplies (it re-asks
the previous turn); the language facts they rest on live here:
- an anaphor ("it", "that paper", "the first one", "the second") or an attribute whose owner
  is left unsaid ("which year?") points at the item the previous answer named:
  `pick_referent` chooses it among the references and figures that answer cited, and
  `name_referent` writes its name in place of the anaphor ("who wrote it?" -> "who wrote
  reference 4?"; "which year?" -> "which year of reference 4?");
- a bare "why?" asks for a reason, found in a passage by rag/routing/reasons.py (with "so what?").
It does not decide what answers a question (rag/answer/ does) nor which unit a name points at (structure.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.core.text import ORDINALS, STOP_WORDS, zipf
from rag.routing.anaphora import (ANAPHORA, CLOSING_DEMONSTRATIVE, COUNTERFACTUAL, ITEM_NOUNS, LEADING_CUES, POINTING,
                                    PRONOUN, REPORTING_THEY, THING_POINTED)
from rag.retrieval.numbered import numbered_items
from rag.routing.reasons import asks_why

_QUESTION_START = re.compile(r"^(what|which|who|whom|whose|when|where|why|how|is|are|does|do|can|should|"
                             r"could|would|will|define|explain|describe|list|tell)\b", re.I)
# Attributes of a publication, whose owner left unsaid ("which year?", "journal?") is the item talked about.
_ATTRIBUTE_NOUNS = set("""year years date dates journal journals title titles author authors pages page volume
issue doi publisher published surname surnames name names""".split())
_BARE_WORDS = set("""why how when where who what which so come really exactly is are was were the a an any
there other else more then do does did can could should would options option alternatives alternative
risks risk benefits benefit advantages disadvantages indications contraindications criteria evidence
reasons reason limitations outcomes outcome results result source sources details example examples
often frequently usually long many much soon far common rare safe effective possible necessary
and or plus lead senior s one ones best better worse worst preferred please pls plz thanks""".split()) | _ATTRIBUTE_NOUNS | {w for w in ORDINALS if w.isalpha()} | {"last"}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")
_MAX_POINTING_WORDS = 12  # longer questions carry their own subject
# Zipf frequency (wordfreq) from which a word is everyday English ("done", "own", "find"):
# a question made of such words and a pronoun names no subject of its own. Medical words sit
# below it ("cancer" 4.9, "surgery" 4.6, "liver" 4.2).
_EVERYDAY_ZIPF = 5.0


@dataclass(frozen=True)
class Rewrite:
    question: str  # what the pipeline should work with
    is_followup: bool
    previous: str = ""


def is_followup(question: str) -> bool:
    """Short or elliptical questions that cannot stand alone."""
    words = _WORD.findall(question)
    if LEADING_CUES.match(question.strip()):
        return True
    if len(words) <= 6 and ANAPHORA.search(question):
        return True
    if COUNTERFACTUAL.search(question) or REPORTING_THEY.search(question):
        return True
    if len(words) <= _MAX_POINTING_WORDS and (_ORDINAL_ONE.search(question) or CLOSING_DEMONSTRATIVE.search(question)) or (
            len(words) <= 2 * _MAX_POINTING_WORDS and POINTING.search(question)):  # "that one" points back in a longer one too
        return True
    # "Should it be done on its own?": a pronoun and everyday words, nothing named (naming the
    # review itself names a subject: "when was the review published and who wrote it?").
    if (len(words) <= _MAX_POINTING_WORDS and PRONOUN.search(question) and not _SELF.search(question)
            and all(_names_nothing(w) for w in words)):
        return True
    # "Why?", "What are the alternatives?": nothing but a question word and a relational noun,
    # which only mean something about the previous answer.
    if words and len(words) <= 5 and all(w.lower() in _BARE_WORDS for w in words) or omits_possessor(question):
        return True  # and a publication's attributes alone: "what year, and who's first author" ("s" of "who's")
    # A reason asked of a thing a pronoun points back to: "what's the point if it's already spread?", "why are they ...?"
    if len(words) <= _MAX_POINTING_WORDS and asks_why(question) and THING_POINTED.search(question):
        return True
    # Several sentences, each asking and leaning on what came before: "is ablation one of them? and surgery?"
    # (a comma may splice a second question on, its verb first: "who decides that, is it one doctor?")
    sentences = [s for s in _SENTENCE_BREAK.split(question.strip()) if _WORD.search(s)]
    if len(sentences) > 1 and all(is_followup(s) and (s.rstrip().endswith("?") or _QUESTION_START.match(
            re.sub(r"^(?:and|so|but|also)\s+", "", s, flags=re.I))) for s in sentences):
        return True
    # "For pancreatic primaries?" -- a fragment with no question word of its own.
    return len(words) <= 4 and not _QUESTION_START.match(question.strip())


_SENTENCE_BREAK = re.compile(r"(?<=[?!.])\s+|,\s+(?=(?:is|are|was|were|does|do|did|can|could|will|would|should)\s+"
                             r"(?:it|that|this|they|there|he|she)\b)", re.I)


def _names_nothing(word: str) -> bool:
    """A function word, a bare word, or everyday English: nothing a question could be about."""
    word = word.lower()
    return word in STOP_WORDS or word in _BARE_WORDS or zipf(word) >= _EVERYDAY_ZIPF


_ORDINAL_WORD = "(?:" + "|".join(w for w in ORDINALS if w.isalpha()) + r"|next|last|\d+(?:st|nd|rd|th))"
# An ordinal standing for an item of a list: with "one" ("the second one", "the 3rd one"), or
# heading its noun phrase alone after "the" ("who wrote the second?", "the last's journal?", "what
# journal was the second in?"),
# never an ordinal before its own noun ("the first author").
# The noun phrase ends there: a possessive, a break, the end, or a preposition stranded at the end
# ("what journal was the second in?").
_PHRASE_END = (r"(?='s\b|\s*[?!.,;:]|\s*$|\s+(?:in|on|by|from|of|about|for|with)\s*[?!.]*\s*$"
               # or a clause coordinated after it: "who wrote the second and what journal was it in?"
               r"|\s+(?:and|but)\s+(?:what|which|who|when|where|how|is|was|are|were|did|does|do)\b)")
_ORDINAL_ONE = re.compile(rf"\b({_ORDINAL_WORD}|\d+)\s+one\b|\bthe\s+({_ORDINAL_WORD}){_PHRASE_END}", re.I)


def _ordinal(m: re.Match) -> str:
    """The ordinal word of an `_ORDINAL_ONE` match, lower-cased: "second", "3rd", "last"."""
    return (m.group(1) or m.group(2)).lower()


_NUMBERED = re.compile(r"\b(figure|fig\.?|reference|ref\.?)\s*(\d+)\b", re.I)


def rewrite(question: str, history: list[str] | None) -> Rewrite:
    """Join a follow-up with the most recent self-contained question in `history`.

    "What about the second one?" after "Who is the first author of reference 1?" becomes
    "Who is the first author of reference 2?": an ordinal "one" re-points the numbered item, as it
    re-ranks an item named by its rank ("the first reference" -> "the last reference").
    """
    if not history or not is_followup(question):
        return Rewrite(question, False)
    anchor = next((h for h in reversed(history) if not is_followup(h)), history[-1])
    ordinal, numbered = _ORDINAL_ONE.search(question), _NUMBERED.search(anchor)
    if ordinal and numbered:
        word = _ordinal(ordinal)
        number = ORDINALS.get(word) or (int(re.sub(r"\D", "", word)) if word[0].isdigit() else None)
        if word == "next":
            number = int(numbered.group(2)) + 1
        if number:
            swapped = anchor[:numbered.start(2)] + str(number) + anchor[numbered.end(2):]
            return Rewrite(swapped, True, anchor)
    superlative, kind = _SUPERLATIVE_ONE.search(question), _LIST_NOUN.search(anchor)
    if superlative and kind:
        # "which references came out in 2008?" then "and the most recent one?": of the whole list
        return Rewrite(f"which is the {superlative.group(1).lower()} {kind.group(1).lower()}?", True, anchor)
    ranked = _ORDINAL_ITEM.search(anchor)
    if ordinal and ranked and _ordinal(ordinal) != "next":
        # "What is the first reference?" then "and the last one?": the item named by its rank
        return Rewrite(anchor[:ranked.start(1)] + _ordinal(ordinal) + anchor[ranked.end(1):], True, anchor)
    kind = numbered.group(1)[:3].lower() if numbered else ""
    named = next((item.split("-")[1] for item in numbered_items(question) if item[:3] == kind), None)
    if numbered and named:
        # "who is the first author of reference 1?" then "and reference 2?" (or "and the second reference?"): the
        # same question of reference 2
        return Rewrite(anchor[:numbered.start(2)] + named + anchor[numbered.end(2):], True, anchor)
    if _OWN_WORK.search(question) and not numbered and _asks_record_fields(question):
        # "does the review cite the ENETS guidelines?" then "and the Lancet Oncol one - first author and year?": the
        # fields of the work it names; the earlier work is not asked about
        return Rewrite(question, True, anchor)
    if _SELF.search(anchor) and not (numbered or _OWN_WORK.search(anchor) or _OTHER_WORKS.search(anchor)) and _asks_the_record(question):
        # "what is this review about?" then "and who wrote it and when was it published?": the review's own record,
        # which the question asks in full (the anchor's words would ask its aim again)
        return Rewrite(question, True, anchor)
    if numbered and (_OWN_WORK.search(question) or numbered_items(question)):
        # "page numbers for reference 1?" then "and the Hofland paper?": the same question of the work it names (and
        # "what's figure 1 about?" then "what does ref 13 that it's based on conclude?" asks of reference 13)
        anchor = anchor[:numbered.start()] + "the " + numbered.group(1) + anchor[numbered.end():]
    return Rewrite(f"{question} {anchor}", True, anchor)


def _asks_the_record(question: str) -> bool:
    """Does the question ask the record by its own words ("who wrote it", "when was it published"), not a bare "who"?"""
    from rag.retrieval.structure import SECTION_CUES

    return bool(SECTION_CUES[0][1].search(question))


def _asks_record_fields(question: str) -> bool:
    from rag.answer.record_cues import record_fields_asked  # (the record's cues read routing's words too)

    return bool(record_fields_asked(question))


# Works other than the review an earlier question may be about: "does the review cite the ENETS guidelines?"
_OTHER_WORKS = re.compile(r"\b(?:cites?|cited|citing|references?|refs?|guidelines?|consensus|stud(?:y|ies)|papers|trials?|works)\b", re.I)
# A work a follow-up names for itself, by a surname: "and the Hofland paper?", "the Dasari one?".
_OWN_WORK = re.compile(r"\b[A-Z][a-z]{2,}(?:\s+et\s+al\.?|'s)?\s+(?:paper|one|study|article|reference|ref|work|review)\b")


# A superlative "one" picks from the whole list the anchor was drawn from: "and the most recent one?".
_SUPERLATIVE_ONE = re.compile(r"\b(most\s+recent|latest|newest|oldest|earliest)\s+(?:one|ones)\b", re.I)
_LIST_NOUN = re.compile(r"\b(reference|figure|paper|study|article|citation)s?\b", re.I)
# An item named by its rank in a list: "the first reference", "the last figure".
_ORDINAL_ITEM = re.compile(rf"\bthe\s+({_ORDINAL_WORD})\s+(?:reference|ref|figure|fig|citation|cited\s+work)s?\b", re.I)


# -- what the previous answer named ---------------------------------------------------------
_ITEM_ID = re.compile(r"^(figure|reference)-(\d+)$")
# The review itself ("this review", "the article") is never the previous answer's item.
_SELF = re.compile(r"\b(?:this|the present|the current|our|the)\s+(?:review|article)\b", re.I)
_NAMED_ITEM = re.compile(r"\b(?:figure|fig\.?|reference|ref\.?)\s*\d+\b", re.I)
_PLURAL = re.compile(r"\b(?:they|them|their|those|these|both)\b", re.I)
_SINGULAR = re.compile(r"\b(?:it|its|that|this)\b", re.I)
# What `name_referent` replaces, longest first: "the second one", "that paper", "its", "it".
_REFERRING = re.compile(
    rf"\b(?:the\s+)?{_ORDINAL_WORD}\s+one\b|\bthe\s+{_ORDINAL_WORD}{_PHRASE_END}"
    rf"|\b(?:that|those|the same|the latter|the former)\s+{ITEM_NOUNS}\b"
    r"|\b(?:the latter|the former|that one|this one|both of them|its|their|it|that|this|they|them|those|these|both)\b",
    re.I)


def points_back(question: str) -> bool:
    """Does the question use an anaphor that may point at an item of the previous answer?"""
    return bool(ANAPHORA.search(question) or POINTING.search(question) or _ORDINAL_ONE.search(question))


def omits_possessor(question: str) -> bool:
    """Is the question a publication's attribute with its owner left unsaid ("Which year?",
    "what year + journal?", "pages?", "who is the first author?")? Such a relational noun belongs to what the previous
    answer named, as "its year" would."""
    words = [w.lower() for w in _WORD.findall(question)]
    return bool(words) and len(words) <= 8 and all(w in _BARE_WORDS for w in words) and any(
        w in _ATTRIBUTE_NOUNS for w in words)


def item_name(unit_id: str) -> str:
    """"reference-4" -> "reference 4", as a question names it (a `doc:` prefix is dropped)."""
    m = _ITEM_ID.match(unit_id.rsplit(":", 1)[-1])
    return f"{m.group(1)} {m.group(2)}" if m else ""


# A neighbour of a numbered item: "the one before it", "the reference after that", "the next one", "the previous paper".
_RELATIVE = re.compile(rf"\b(?:the\s+)?(?:one|{ITEM_NOUNS})\s+(?P<dir>before|after)\s+(?:it|that|this)(?:\s+one)?\b"
                       rf"|\bthe\s+(?P<dir2>next|previous|preceding|prior|following)\s+(?:one|{ITEM_NOUNS})\b", re.I)


# Another item of the kind, told apart by a word of its own: "and the Endocr Rev one", "the Pape one", "the 2008 one".
_DESCRIBED_ONE = re.compile(rf"\bthe\s+(?!(?:{_ORDINAL_WORD}|same|other|latter|former|next|previous|very|only|right|wrong)\b)"
                            r"[\w.'-]+(?:\s+[\w.'-]+){0,2}?\s+one\b(?!\s+(?:before|after)\b)", re.I)


def pick_referent(question: str, cited: list[str]) -> list[str]:
    """The items (references, figures) of the previous answer that the question points at.

    `cited`: the unit IDs the previous answer cited, in the order cited. An ordinal "one"
    picks from a list ("Which references are from 2008?" cites references 1 and 5; "the second
    one" is reference 5); "it", "that", "that paper" point at the one item an answer named;
    "they", "those" at all of a list. An answer that also quoted other passages, or a question
    that names its own item or the review itself, gives no referent.
    """
    if _SELF.search(question) or _NAMED_ITEM.search(question) or numbered_items(question) or _DESCRIBED_ONE.search(question):
        return []  # (named by its number, its place or what tells it apart: "and the Endocr Rev one - who wrote it?")
    cited = list(dict.fromkeys(cited))
    items = [u for u in cited if item_name(u)]
    if not items or len(items) != len(cited):
        return []
    step = _RELATIVE.search(question)
    numbered = re.fullmatch(r"(.+-)(\d+)", items[-1]) if len(items) == 1 else None
    if step and numbered:
        # "the one before it" after reference 3 is reference 2: numbered items stand in a list
        shift = -1 if (step.group("dir") or step.group("dir2")).lower() in ("before", "previous", "preceding", "prior") else 1
        return [f"{numbered.group(1)}{int(numbered.group(2)) + shift}"] if int(numbered.group(2)) + shift >= 1 else []
    ordinal = _ORDINAL_ONE.search(question)
    if ordinal:
        word = _ordinal(ordinal)
        number = len(items) if word == "last" else (
            ORDINALS.get(word) or (int(re.sub(r"\D", "", word)) if word[0].isdigit() else 0))
        # With one item, "the second one" re-points a numbered anchor instead (see `rewrite`).
        return [items[number - 1]] if len(items) >= 2 and 1 <= number <= len(items) else []
    if len(items) >= 2:
        return items if _PLURAL.search(question) else []
    # One item: "it", "that paper", an owner left unsaid ("which year?"), or "they", which
    # after one work means its authors ("what did they find?").
    return items if (POINTING.search(question) or _SINGULAR.search(question) or _PLURAL.search(question)
                     or omits_possessor(question)) else []


def name_referent(question: str, names: list[str]) -> str:
    """Write the item's name in place of the first anaphor: "Which journal was that in?" ->
    "Which journal was reference 4 in?"; "What is its title?" -> "What is reference 4's title?".
    An attribute with its owner left unsaid gets the owner after it: "which year?" -> "which
    year of reference 3?"."""
    named = " and ".join(names)

    def replace(m: re.Match) -> str:
        return f"{named}'s" if m.group(0).lower() in ("its", "their") else named

    rewritten, count = _REFERRING.subn(replace, question, count=1)
    if count:
        return rewritten
    attributes = [m for m in _WORD.finditer(question) if m.group().lower() in _ATTRIBUTE_NOUNS]
    if attributes:
        at = attributes[-1].end()
        return f"{question[:at]} of {named}{question[at:]}"
    return f"{question} ({named})"
