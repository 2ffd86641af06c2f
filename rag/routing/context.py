"""Statements before a question -> (the question, the context it was given in).

"My mum has a NET. In which journal was the review published?": people tell their story and
then ask. The question sentence says what is asked; the statements say about whom. Read as one
text, the statements' words (a capitalised "NET", "mum") look like a subject of their own: a
bibliographic question about the review reads as one about some other work, and a passage is
judged on words nobody asked about. So the question sentence is what is asked and the
statements are context, the way an earlier turn is for a follow-up (rag/routing/followup.py).

Only complete statements that come before the last question count: a sentence ending in "?",
or opening with a question word or an inverted verb, is asked; everything else is told.
"""

from __future__ import annotations

import re

from rag.core.courtesy import ROLE
from rag.core.question import ABBREVIATED, OPENS_QUESTION
from rag.core.text import NON_CONTENT_WORDS
from rag.retrieval.numbered import numbered_items
from rag.routing.anaphora import POINTING

# (a period that closes an abbreviation, "Hofland et al.", ends no sentence)
_SENTENCE = re.compile(r"(?:" + ABBREVIATED + r"|[^.?!])+(?:[.?!]+|$)", re.I)


def _asks(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(OPENS_QUESTION.match(sentence))


def asks_anything(text: str) -> bool:
    """Does any sentence of `text` ask? "62M, G2 ileal NET, no EHD." only tells."""
    return any(_asks(s) for s in _SENTENCE.findall(text) if s.strip())


# A sentence after the question that speaks of the asker or the patient ("Sorry, I'm just very worried about
# my wife", "revising for surg exams", "his cancer is the neuroendocrine type", "I only see the epub date") is
# an aside on the question already asked: it is neither searched for nor weighed. A fragment that goes on with
# the question ("For resectable NELM.") is part of it.
_ASIDE = re.compile(r"^\s*(?:i|i'm|im|i've|ive|my|me|we|our|he|she|they|his|her|their|he's|she's|hes|shes|sorry|thanks"
                    r"|thank\s+you|cheers|[a-z]+ing"
                    # the people in the story named by a noun: "The family thought it was bad luck."
                    r"|(?:the|a|one\s+of\s+the)\s+(?:family|families|patients?|relatives?|parents?|kids|children|husband|wife))\b", re.I)


# Who made a statement, in reported speech ("my husband's surgeon said ...", "the nurse told us that ..."):
# the speaker is no part of what is asked about it.
_REPORTED = re.compile(r"^(?:(?:my|his|her|our|their|the|a)\s+(?:[\w'-]+\s+){0,3}?|dr\.?\s+\w+\s+)?(?:" + ROLE
                       + r"|specialists?|team)\s+(?:said|says|told\s+(?:me|us|him|her|them)|mentioned|thinks|explained|reckons)"
                       r"\s+(?:that\s+)?", re.I)
# Words that only ask whether a statement holds: "is that right?", "does the review agree?", "is that what
# the experts say too?".
_VERDICT = frozenset("true right correct accurate agree agrees same experts confirm confirms".split())
_POINTER = re.compile(r"\b(?:that|this|it|so|same)\b", re.I)


def _checks_statement(question: str) -> bool:
    """Does `question` ask nothing but whether the statement before it holds?"""
    words = re.findall(r"[a-z][a-z']*", question.lower())
    return bool(_POINTER.search(question)) and all(w in NON_CONTENT_WORDS or w in _VERDICT for w in words)


# A question whose subject points back ("is that normal for this kind of tumour?", "is it safe?", "what does
# that mean for him?") asks about what the statement before it told.
_SUBJECT_POINTS_BACK = re.compile(r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:(?:is|was|are|were|does|did|do|can|could|will|would"
                                  r"|should|has|have)\s+(?:that|this|it)\b|(?:that|this|it)(?:'s|\s+is|\s+was)\b"
                                  r"|(?:what|how|why)\s+(?:does|did|is|was|would)\s+(?:that|this)\b"
                                  # or its object: "In the references one paper is about X. Who wrote it?"
                                  r"|(?:who|where|when)\s+(?:\w+\s+)?(?:wrote|write|written|published|publish|cited?)\s+(?:it|that|this)\b"
                                  # or closing on it: "Figure 1 has a number in brackets. Which reference number is it?"
                                  r"|(?:which|what)\b[^?.!]*\b(?:is|was)\s+(?:it|that|this)\s*[?.!]*\s*$"
                                  # or its possessive before a field of the work told: "There is a reference with Kaltsas as
                                  # author. What is its title?"
                                  r"|(?:what|which|who|when|where)\b[^?.!]*\bits\s+(?:title|journal|authors?|year|date|name"
                                  r"|topic|subject|doi|volume|pages?)\b)", re.I)


# A bare request ("Can you tell me?", "Do you know?", "Any idea?", "Could you help?") asks what the statement
# before it said is wanted ("She wants to know who wrote it and where it was published. Can you tell me?").
_BARE_REQUEST = frozenset("please know idea help answer tell explain say find".split())


def _asks_nothing_of_its_own(question: str) -> bool:
    words = re.findall(r"[a-z][a-z']*", question.lower())
    return bool(words) and all(w in NON_CONTENT_WORDS or w in _BARE_REQUEST for w in words)


def leans_on_statement(question: str) -> bool:
    """Does the question sentence point back at the statement told before it, so that the statement
    must be searched with it ("got told it has spread into my liver. is that normal?")?"""
    # a noun phrase that can only point back does so wherever it stands: "... by Pape and colleagues. In which
    # journal and year this one appeared?"
    return bool(_SUBJECT_POINTS_BACK.search(question) or POINTING.search(question) or _OF_THAT_SORT.search(question)
                or _WORK_POINTED.search(question) or _CONDITION_TOLD.search(question) or _VIEW_OF_NOTHING.search(question)
                or _asks_nothing_of_its_own(question))


# A view asked with nothing it is a view on ends its sentence: "In general terms what is this paper's position?" is the
# position on what was just told ("... asks if a new liver could be an option for her husband.")
_VIEW_OF_NOTHING = re.compile(r"\b(?:review|paper|article|authors?|their|its)(?:['\u2019]s|s['\u2019])?\s+(?:(?:general|overall|official"
                              r"|own)\s+)?(?:position|view|stance|take|opinion|verdict)\s*(?:[?.!]+|$)", re.I)


# A condition that is the statement told: "... can be taken out. what is the go-to treatment when that's possible?",
# "if so", "in that case"
_CONDITION_TOLD = re.compile(r"\b(?:when|if|where|once|since)\s+(?:that|this|it)(?:['\u2019]?s|\s+is|\s+was)\s+(?:(?:really|actually"
                             r"|still)\s+)?(?:possible|the\s+case|so|true|an\s+option|feasible|doable)\b"
                             r"|\bin\s+that\s+case\b|\bif\s+so\b", re.I)


def asks_of_work_told(question: str, context: str) -> bool:
    """Does the question ask a field of a record ("Who is the first author and which journal?") right after a statement
    that introduces one of the cited works ("In the reference list there is one paper about the trends ...")? Then the
    fields are that work's, and the statement must be searched with the question."""
    from rag.answer.record_cues import record_fields_asked

    return bool(_WORK_TOLD.search(context)) and bool(record_fields_asked(question) - {"type"})


# A cited work introduced by a statement: "there is a paper on ...", "one of the refs is about ...", "in their
# reference list I saw a study ..."
_WORK_TOLD = re.compile(r"\b(?:there(?:'s|\s+is|\s+was|\s+are)|one\s+of|i\s+(?:saw|found|noticed|came\s+across))\b[^.?!]{0,40}?"
                        r"\b(?:papers?|refs?|references?|stud(?:y|ies)|articles?|works?|publications?)\b"
                        r"|\b(?:in|on|from)\s+(?:the|their|its|your)\s+(?:reference\s+list|bibliography|references)\b", re.I)


# A pronoun as what was published or written, wherever in the sentence: only a work told before can be it ("One of
# the cited papers looks at X. Who's the first author and where was it published?")
_WORK_POINTED = re.compile(r"\b(?:where|when|who)\s+(?:was|were|is|has|had)\s+(?:it|that|this|they)\s+(?:first\s+)?(?:been\s+)?"
                           r"(?:published|written|printed|cited|authored)\b|\bwho\s+(?:wrote|authored|published)\s+(?:it|that|this)\b"
                           # a field of a record asked of a pronoun: "There is a reference from the group of de Herder ...
                           # In which journal and year is it?"
                           r"|\b(?:which|what)\s+(?:journal|year|volume|issue)(?:\s+and\s+(?:which\s+|what\s+)?(?:journal|year|volume|issue))?"
                           r"\s+(?:is|was)\s+(?:it|that|this)\b", re.I)


# "of that sort", "anything like that": a demonstrative standing for the kind of thing just told
_OF_THAT_SORT = re.compile(r"\b(?:of|like)\s+(?:that|this)\s+(?:sort|kind|type|nature)\b|\b(?:anything|something)\s+like\s+"
                           r"(?:that|this)\b", re.I)


def split_context(text: str) -> tuple[str, str]:
    """(question, context): the text from its first asking sentence on (without the asides after its
    last one), and the statements before it; ("", "") parts are never invented, so a text with no
    statement around its question comes back as (text, "")."""
    sentences = [s for s in _SENTENCE.findall(text) if s.strip()]
    asking = [i for i, sentence in enumerate(sentences) if _asks(sentence)]
    if not asking:
        return text, ""
    first, last = asking[0], asking[-1]
    if not all(_ASIDE.match(s) for s in sentences[last + 1:]):
        last = len(sentences) - 1
    told = " ".join(s.strip() for s in sentences[:first])
    # A statement needs a verb-sized body; "Hi Dr." or "NELM." alone is not context. A question that
    # only points back at it ("is that what the article says too?", "is this true?") asks about it.
    if _checks_statement(" ".join(sentences[first:last + 1])):
        # the statement is what is asked, less who made it ("my surgeon said ...")
        return " ".join(_REPORTED.sub("", s.strip()) if i < first else s.strip()
                        for i, s in enumerate(sentences[:last + 1])), ""
    if len(told.split()) < 3:
        first, told = 0, ""
    return " ".join(s.strip() for s in sentences[first:last + 1]), told


# "that figure", "this reference" in the question, with the item numbered in the statement before it.
_DEMONSTRATIVE_ITEM = re.compile(r"\b(?:that|this|the\s+same)\s+(figure|fig|reference|ref|table)\b", re.I)
_KINDS = {"fig": "figure", "ref": "reference", "tab": "table"}


def named_from_context(question: str, told: str) -> str:
    """The question with "that figure" read as the figure the statement before it numbered ("I saw X in the
    figure 2 legend. Which ... are listed in that figure?"); with two figures numbered there, it names neither."""
    def numbered(m: re.Match) -> str:
        kind = _KINDS[m.group(1).lower()[:3]]
        items = [item for item in numbered_items(told) if item.startswith(kind + "-")]
        return f"{m.group(1)} {items[0].split('-')[1]}" if len(items) == 1 else m.group(0)
    return _DEMONSTRATIVE_ITEM.sub(numbered, question) if told else question
