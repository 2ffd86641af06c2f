"""Routing: does a question that names a treatment ask for a detail of it rather than a decision?

A dose or regimen, a threshold (how much tumour to debulk), an outcome figure (survival, a rate), how safe it is, or a
choice between two named drugs. Figure 2 is a pathway of choices; it holds none of these, so the retrieval answerer
quotes the review where it gives one and declines where it does not (rag/routing/router.py sends them there).

In: the user's question. Out: `asks_for_detail(question) -> bool`. Patterns of English only; nothing is looked up.
"""

from __future__ import annotations

import re

from rag.core.question import asking_part, tidy_question
from rag.core.text import zipf
from rag.routing.requests import CASE_REQUEST, REQUEST, SENTENCE

__all__ = ["asks_for_detail"]

_F = re.IGNORECASE

# A decision noun between the question word and the detail ("what treatment gives the best survival?") keeps the
# question a request for a decision.
_DETAIL_NOUN = (r"(?:doses?|dosages?|dosing|regimens?|schedules?|cycles?|thresholds?|cut-?offs?|percentage|percent|per cent|criteria|criterion|"
                r"proportion|survival|prognosis|life expectancy|mortality|morbidity|complications?|(?:\w+ )?rates?|median|mg)")
_DETAIL = re.compile(
    rf"\b(?:what(?:['\u2019]s)?|which|is there an?|are there)\s+"
    rf"(?:(?!(?:treat|therap|manag|option|approach|procedure))[\w/-]+\s+){{0,4}}?{_DETAIL_NOUN}\b|"
    r"\bhow (?:much|many|long|often)\b|\bwhat\s*(?:%|per ?cent\b)|"
    # a detail asked as a bare noun phrase at the start of a clause: "...: starting dose of everolimus?"
    rf"(?:^|[:?!;]|\s[-\u2013\u2014]\s)\s*(?:[\w-]+(?:\s*/\s*|\s+)){{0,3}}?{_DETAIL_NOUN}\b|"
    # how safe a treatment is, which the review's text speaks to, not its pathway: "is a two step op safe?"
    # (a treatment as the subject; "is it too risky?" about a case's planned operation asks for a decision)
    r"\b(?:is|are)\s+(?:(?:a|an|the|this|such)\s+)?(?!it\b|that\b)(?:[\w-]+\s+){1,5}?(?:safe|risky|dangerous|experimental)\b|"
    # whether those who treat can do it safely: "can they re-resect safely?"
    r"\b(?:can|could)\s+(?:they|surgeons|you|we|doctors)\s+(?:[\w-]+\s+){1,3}?safely\b|"
    r"\bhow (?:safe|risky|dangerous)\b|\b(?:safety|risks?|dangers?) of\b|"
    r"\b(?!(?:it|that|this|he|she|they)\b)[\w-]+\s+(?:is|are)\s+(?:\w+\s+)?(?:safe|risky|dangerous|experimental)\b|"
    # a treatment's harms, and a dose put as a yes/no ("is everolimus 10 mg the dose they recommend?")
    r"\b(?:side[- ]effects?|adverse (?:effects?|events?|reactions?)|toxicit(?:y|ies))\b|"
    r"\b(?:is|are)\b[^.?!]*\b(?:doses?|dosages?|dosing|regimens?|schedules?)\b|"
    # whether the text gives a figure: "does this review give any 5-year survival figures?"
    rf"\b(?:does|do|did)\s+(?:the|this|it|they)\s+(?:(?:review|article|paper|abstract)\s+)?(?:give|quote|report|state|provide|"
    rf"mention|cite)\s+(?:any\s+|a\s+)?(?:[\w-]+\s+){{0,4}}?{_DETAIL_NOUN}\b", _F)
# A treatment's after-effects, managed or watched for: "how do I manage post-embolisation syndrome at home, what symptoms
# should I tell the family to watch for?" (what is managed is the after-effect, not the tumour)
_AFTER_EFFECT = re.compile(r"\b(?:side[- ]effects?|adverse (?:effects?|events?|reactions?)|toxicit(?:y|ies)|post-?[a-z]+\s+syndrome"
                           r"|(?:symptoms?|signs?)\s+(?:\w+\s+){0,6}?(?:to\s+)?(?:watch|look)\s+(?:out\s+)?for)\b", _F)
# Within the sentence that asks for the detail, only a question word on a decision noun asks for a
# decision too ("what treatment, and at what dose?"); "what dose should she get?" does not.
_DECISION_ASK = re.compile(
    r"\b(?:what|which)\s+(?:(?:is|are|would be|the|best|next|recommended|first-line)\s+){0,3}"
    r"(?:treatments?|therap(?:y|ies)|management|options?|approach|steps?)\b|"
    r"\bhow (?:should|would|do|to)\b[^?]*\b(?:treat|manag)\w*", _F)


def _names_a_drug_choice(text: str) -> bool:
    """"Is it octreotide or lanreotide that this paper recommends?": a choice between two named drugs (rare words, no
    procedure) asks for a named agent, a detail the pathway does not give; so does a combination ("capecitabine + temozolomide")."""
    return any(all(zipf(w.lower()) < _DRUG_ZIPF and not _PROCEDURE.fullmatch(w) for w in m.groups())  # not "resect + ablate"
               for m in re.finditer(r"\b([a-z][a-z-]{5,})\s*(?:\bor\b|\+|\bplus\b)\s*([a-z][a-z-]{5,})\b", text, _F))


_PROCEDURE = re.compile(r"resect\w*|ablat\w*|emboli[sz]\w*|operat\w*|surg\w*|transplant\w*|\w*ectom(?:y|ies)", _F)
_DRUG_ZIPF = 2.0  # "octreotide" 1.4, "everolimus" 0.9; "resection" 2.8, "transplant" 3.6


def asks_for_detail(question: str) -> bool:
    """True when the question asks for a dose, regimen, threshold or outcome figure and, outside the
    sentence that asks it, for no decision ("54F, G2 pNET, unresectable liver mets. What dose of
    lanreotide?" is True; "... what treatment, and at what dose?" asks for a decision too: False)."""
    text = tidy_question(question)
    if _names_a_drug_choice(asking_part(text)) or (_AFTER_EFFECT.search(asking_part(text)) and not CASE_REQUEST.search(text)):
        return True  # (a plan asked beside them still asks for a decision: "what do you recommend, and what to watch for?")
    detail = _DETAIL.search(text)
    if not detail:
        return False
    # where the detail's words start: a match may begin at the ";" that ends the sentence before
    at = detail.start() + len(detail.group(0)) - len(detail.group(0).lstrip(":?!;-\u2013\u2014 "))
    asking = next(s for s in SENTENCE.finditer(text) if s.start() <= at < s.end())
    rest = text[:asking.start()] + " " + text[asking.end():]
    return not (REQUEST.search(rest) or CASE_REQUEST.search(rest) or _DECISION_ASK.search(asking.group(0)))
