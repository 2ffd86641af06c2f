"""Routing: does a question ask for a treatment decision, or about what the review says?

In: the user's question. Out: `is_treatment_question(question) -> bool`; True sends it to the
deterministic algorithm (rag/algorithm/engine.py), False to retrieval. The boundary: "What does the
review say about liver transplantation?" asks about the text; "Is he a candidate for
transplantation?" or "What treatment for an unresectable G2 pNET?" asks for a decision.

Rules are regular expressions plus a count of the case features `extract_inputs` finds, so the
decision is predictable and testable; the words of a request for a decision are in rag/routing/requests.py, a detail
asked of a treatment (a dose, a threshold, an outcome figure) in rag/routing/details.py. It does not read the inputs for
the algorithm (rag/algorithm/inputs.py does that) and does not decide treatment.
"""

from __future__ import annotations

import re
from typing import Sequence

from rag.algorithm.inputs import extract_case, extract_inputs
from rag.algorithm.phrases import GRADE_BY_NAME
from rag.answer.circumstances import named_circumstances
from rag.answer.cues import FIGURE_LAYOUT
from rag.core.question import asking_part, normalise_question, tidy_question
from rag.retrieval.aims import asks_aim
from rag.routing.addressee import addressee
from rag.routing.context import asks_anything
from rag.routing.details import asks_for_detail
from rag.routing.requests import (ALGORITHM, CASE_REQUEST, GENERIC_REQUEST, PATIENT, REQUEST, TREATMENT_NAME,
                                   asks_general_fact)
from rag.routing.followup import is_followup

__all__ = ["asks_about_cited_work", "asks_for_detail", "asks_next_step", "case_told", "is_treatment_question", "names_treatment",
           "names_tumour", "updates_case"]

_F = re.IGNORECASE

_NOT_TREATMENT = re.compile(
    # ("who is" asks who only where a clause opens: "my mum who isn't very techy" is a relative clause)
    r"\b(?:stand for|abbreviat\w*|acronym|(?:(?<![\w'] )|(?<=\band )|(?<=\bso ))who (?:is|are|was|were)|who wrote|first author|authors?\b|journal|doi\b|"
    # ("the published pathway" is the review's algorithm, which a case is checked against)
    r"published(?! (?:pathway|algorithm|flow ?chart|decision tree))|publication|pubmed|references?\b|keywords?|conflicts? of interest|"
    r"cite\b|citation|bibliograph\w*|"
    r"articles\b|papers\b|search terms?|"
    r"define|definition|what does \w+ mean|meaning of|"
    # what a treatment is for: "what is an operation intended to achieve?"
    r"(?:aims?|goals?|purpose|point) of|(?:intended|meant|supposed|designed) to (?:achieve|accomplish|do))", _F)
# A patient who asks relays the question ("tx of choice per this review? pt asking in clinic"); it tells no case.
_RELAYING_PATIENT = re.compile(r"\b(?:(?:my|a|the)\s+)?(?:pt|patient)\s+(?:(?:on\s+the\s+(?:phone|line)|here|today)\s+)?(?:is\s+|was\s+)?"
                               r"(?:ask(?:ing|s|ed)|wants?\s+to\s+know|wanted\s+to\s+know|wondering)\b", _F)
# "A NET patient", "any such patient": an indefinite patient, however qualified, is any patient and tells no case.
_GENERIC_PATIENT = re.compile(r"\b(?:a|an|any|every|each)\s+(?:[\w-]+\s+){1,2}?(?:patient|pt)s?\b", _F)
# How strong the evidence is, or the grade of a recommendation: a question about the text, whatever case it names.
_EVIDENCE_GRADING = re.compile(r"\b(?:levels?\s+of\s+evidence|evidence\s+(?:levels?|grades?|grading)|(?:grades?|strength)\s+of\s+"
                               r"(?:the\s+)?(?:recommendations?|evidence)|recommendation\s+grades?)\b", _F)
# Questions about finding or staging the disease. A case tells how it was found ("CT scan shows
# ...", "staging PET negative"), so these words decide only in the sentence that asks.
_DIAGNOSTIC = re.compile(r"\b(?:imaging|staging|diagnos\w*|scan\w*|biopsy|marker|detect\w*"
                         # whether it runs in families, and testing for it: "is this kind of tumour inherited? should I get tested?"
                         r"|inherit\w*|heredit\w*|genetic\w*|(?:get|be|being)\s+tested)", _F)
# A test told with its result, or as where a finding was seen, is a finding of the case, not a question
# about the test: "staging otherwise clear", "the scan showed ...", "biopsy negative", "resectable on imaging".
_TOLD_FINDING = re.compile(r"\b(?:imaging|staging|scans?|biopsy|markers?)\s+(?:(?:is|was|were|are|now|otherwise|also)\s+){0,2}"
                           r"(?:clear|negative|neg|positive|normal|unremarkable|shows?|showed|shown|confirm\w*|reveal\w*"
                           r"|demonstrat\w*|done|complete\w*)\b"
                           # where a finding was seen: "resectable on imaging", "no disease elsewhere at staging"
                           r"|\b(?:on|at|by|per)\s+(?:the\s+)?(?:imaging|staging|scans?|biopsy)\b", _F)
# Whether the review holds a figure or a scheme at all.
_SHOWN_AT_ALL = re.compile(r"^\s*(?:is|are)\s+there\s+(?:an?|any|some)\s+(?:kind\s+of\s+|sort\s+of\s+)?(?:[\w-]+\s+)?"
                           r"(?:flow\s?charts?|algorithms?|figures?|diagrams?|charts?|pictures?|tables?|schemes?|pathways?)\b", _F)
# A cited work as the subject: "Pavel et al.", or a guideline, a study, a trial or a numbered
# reference before a verb of finding ("what did the ENETS guidelines recommend", "what do the
# trials show"; not "based on the studies, what do you recommend?").
_CITED_WORK = re.compile(r"\bet al\b|\b(?:guidelines?|consensus|stud(?:y|ies)|trials?|ref(?:erence)?\s*\d+)\s+"
                         r"(?:\w+\s+){0,2}?(?:recommend|say|said|suggest|found|find|show|report|conclude|advise"
                         r"|propose)\w*", _F)


# A figure named by its number or as the pathway, asked whether it is for one kind of tumour or only another (a
# choice of scope), with at most one feature of a case and no decision asked: what the figure holds.
_FIGURE_NAMED = re.compile(ALGORITHM.pattern + r"|\bfig(?:ure|\.)?\s?\d\b", _F)  # the pathway's names, or any figure
_SCOPE_CHOICE = re.compile(r"\bor\s+(?:is\s+it\s+|are\s+they\s+)?(?:only|just|solely|purely)\b", _F)


def asks_about_cited_work(text: str) -> bool:
    """What a cited work found or recommended is no case for the pathway; retrieval declines it."""
    return bool(_CITED_WORK.search(text))
def is_treatment_question(question: str) -> bool:
    """True for a patient scenario or a request for a recommendation; False for content questions.

    The boundary: "What does the review say about liver transplantation?" asks about the text
    (retrieval answers it); "Is he a candidate for transplantation?" or "What treatment for an
    unresectable G2 pNET?" asks for a decision (the algorithm answers it).
    """
    text = normalise_question(question)
    if _EVIDENCE_GRADING.search(text):
        return False  # "the level of evidence the authors assign to RE for unresectable NELM" asks about the text
    if asks_aim(text):
        return False  # "what treatment approaches does this review set out to discuss?" asks the review's aim
    specifics = _count_specifics(text)
    patient = bool(PATIENT.search(_GENERIC_PATIENT.sub(" ", _RELAYING_PATIENT.sub(" ", text)))) or extract_inputs(text).age is not None
    request = bool(REQUEST.search(text)) or bool(CASE_REQUEST.search(text) and (specifics or patient))
    if (_NOT_TREATMENT.search(text) or _DIAGNOSTIC.search(_TOLD_FINDING.sub(" ", asking_part(text)))) and (not request or not specifics):
        return False  # bibliographic, glossary or diagnostic questions ("how should I cite it?")
    if _SHOWN_AT_ALL.search(text) or FIGURE_LAYOUT.search(text):
        # "is there some kind of flowchart for deciding what treatment someone gets?" asks about the text;
        # "which box is at the top of the figure 2 flowchart?" about its drawing
        return False
    asked = addressee(text)
    if asked.source == "review" and not patient and not (ALGORITHM.search(text) and specifics >= 2) and not (
            asked.verb == "decision" and specifics >= _CASE_FEATURES):
        # "what does the review say about ..." asks about the text, not "what does its pathway offer a G1 SI-NEN?"
        # nor "how does the review approach a G1 recurrence, still resectable, no disease elsewhere?"
        return False
    # what the text or the figure holds, whoever the asker has in mind: "... in a pt with a midgut NET. Does this
    # review say anything about whether staged resections are safe?"; "in the algorithm, what is listed?"
    if asks_about_cited_work(text) or (asked.listed and specifics < 2) or (asked.source == "review" and asked.verb == "text") or (
            asked.source == "figure" and asked.verb == "text" and not patient and specifics < 2):
        return False  # "What did Pavel et al. recommend for G2 tumours?" asks about a cited work
    if _FIGURE_NAMED.search(text) and _SCOPE_CHOICE.search(text) and not (request or patient) and specifics <= 1:
        # "can I use the fig 2 flowchart for a high-grade case or is it only for low-grade disease?": whom the figure
        # is for ("G3 NEC with liver mets - does the algorithm apply?" asks it to place a tumour)
        return False
    if request and (specifics or _names_treatment(text) or GENERIC_REQUEST.search(text) or not named_circumstances(text)):
        return True  # ("what foods should he keep off?" names daily life only: the text's to answer or decline)
    if patient and asks_general_fact(text):
        return False  # "my mum has a pancreatic NET ... is the liver the main place they spread to"
    if patient and specifics:
        return True  # a case description is a request for a decision
    if specifics >= _CASE_FEATURES and not asks_anything(text):
        return True  # a case told as a referral line, asking nothing ("Ki-67 8% pNET, solitary met, no EHD")
    if ALGORITHM.search(text) and specifics:
        return True  # "G1 SI-NEN, resectable: what does the algorithm suggest?"
    # A generic "treatment/options" question about one feature ("What is the treatment of choice
    # for resectable NELM?") asks what the review says; two or more features describe a case, and
    # a grade alone ("management of a G3 NEC?") asks which pathway applies, if any.
    if specifics >= 2 and _names_treatment(text):
        return True
    return bool(GENERIC_REQUEST.search(text)) and (specifics >= 2 or _stated_grade(extract_inputs(text)) is not None)


def _count_specifics(text: str) -> int:
    """How many case features (grade, primary, liver status, ...) the question states."""
    inputs = extract_inputs(text)
    return sum(getattr(inputs, name) is not None for name in (
        "primary", "liver", "distribution", "extrahepatic", "refractory_symptoms", "recurrence",
        "primary_resected", "liver_involvement_pct", "stable_months", "age", "ki67_pct")) + (_stated_grade(inputs) is not None)


def _stated_grade(inputs) -> str | None:
    """The grade a question states: not one read off the tumour's name ("carcinoid" is a
    well-differentiated NET, which the algorithm may assume, but "how is carcinoid heart disease
    managed?" states no case)."""
    named = dict(inputs.evidence).get("grade", "")
    return None if GRADE_BY_NAME.fullmatch(named) else inputs.grade


# -- the case a conversation tells ---------------------------------------------------------------
# Asking for the next course of action, in the words English uses for it when the situation is
# already known: "what next?", "what happens now?", "is there anything they can do?", "where do
# we go from here?". On its own such a question names nothing; after a case it asks about it.
_NEXT_STEP = re.compile(
    r"\b(?:what (?:happens|comes|follows|now|next|then)|and now|(?:now|then) what|where (?:do|does|can) (?:we|they|she|he|i) go "
    r"(?:from here|next)|anything (?:else )?(?:we|they|you|i|the doctors?|the surgeons?) (?:can|could) do|"
    r"what (?:is|are|'s) the (?:plan|options?|next steps?)|(?:what|which) options?|next steps?|"
    # whether a told change alters the plan: "does that change anything?", "would that change things?"
    r"(?:does|do|would|will|could) (?:that|this|it) change (?:anything|things|the plan|the options|the treatment|much))\b", _F)
# What identifies a tumour, as opposed to its current state: a new case names its grade, its
# primary site or the patient's age; "the surgeons say it's resectable now" names none of them.
_IDENTITY = ("grade", "primary", "age", "ki67_pct")
_CASE_FEATURES = 3


def asks_next_step(question: str) -> bool:
    """Does the question ask for a decision or the next course of action, in any of the ways
    a case is asked about ("Plan?", "options?", "What would you suggest?", "what happens now?")?"""
    text = tidy_question(question)
    return bool(_NEXT_STEP.search(text) or REQUEST.search(text) or CASE_REQUEST.search(text)
                or GENERIC_REQUEST.search(text))


def updates_case(question: str) -> bool:
    """After a told case, does `question` change or ask about that case? A statement of case features
    ("Ki67 is actually 25% on review", "restaging CT now shows peritoneal nodules") changes it; a question
    naming a pathway treatment for the patient ("could he get a new liver?", "she's 70 - still
    transplantable?") or stating two features asks about it for that case. "How does TACE work?" names no patient: the review's."""
    text = tidy_question(question)
    if not asks_anything(text):
        return bool(extract_inputs(text).known())
    # or features stated with a short question ("2 new lesions, resectable, nil extrahepatic. redo?", "path came
    # back Ki-67 40% - still the same?")
    return (names_treatment(text) and bool(PATIENT.search(text)) or _count_specifics(text) >= 2
            or bool(extract_inputs(text).known()) and len(_LAST_CLAUSE.split(text.strip())[-1].split()) <= 4)


def _bare_request(text: str) -> bool:
    """A short request for a decision that states nothing ("what would the review recommend", "plan?"):
    it asks about the case told before it, as a continuation of that turn."""
    return len(text.split()) <= 6 and asks_next_step(text) and not extract_inputs(text).known()


_LAST_CLAUSE = re.compile(r"(?<=[.;:!?])\s+|\s+[-\u2013\u2014]+\s+")


def names_tumour(question: str) -> bool:
    """Does the question state what identifies a case (grade, primary site, Ki-67, age)?"""
    inputs = extract_inputs(question)
    return any(getattr(inputs, name) is not None for name in _IDENTITY)


# The person of a told case, pointed at by a pronoun in a later turn. (Not PATIENT, which also reads "I have" and "my
# doctor": a later "I have a question about the authors" is no turn about the case's person.)
_CASE_PERSON = re.compile(r"\b(?:him|he|she|his)\b|\b(?:for|to|on|with|in)\s+her\b", _F)


def case_told(history: Sequence[str]) -> tuple[str, ...]:
    """The earlier turns that tell the case the conversation is about, oldest first; () if none.

    People tell a case in pieces ("I'm 49 and had a carcinoid in my small intestine." / "It's
    grade 1 and has spread to my liver." / "The surgeon says it can all come out.") and change
    it in follow-ups ("what if she also had bone mets?"). Walking back from the latest turn,
    statements and follow-ups belong to the case; the latest self-contained treatment question
    opens it (what came before was another case), and a question on another topic ends it.
    The turns must state a case feature (rag/algorithm/inputs.py) and one, or all together, read as
    a case (`is_treatment_question`); a chat about the review's authors tells none.
    """
    turns: list[str] = []
    for text in reversed(history):
        # (a question about the person told, by a pronoun, stays in the case: "what's the role of embolization for him?")
        asks, follows = asks_anything(text), is_followup(text) or _bare_request(text) or bool(_CASE_PERSON.search(text))
        if asks and not follows and not is_treatment_question(text):
            break  # a question on another topic
        turns.append(text)
        if asks and not follows and extract_case([text]).known():
            break  # a case asked as a whole: earlier turns were another conversation
        # (a request that states nothing of its own, "what can the radiology team do for him?", leans on what was told)
    turns.reverse()
    known = len(extract_case(turns).known())
    # three pathway features told together describe a case ("Handover: bed 4, G2 pancreatic NET,
    # liver mets, unresectable, bone mets on the PET."), whether or not a patient is named; a treatment asked
    # for a patient whose features are still to come ("my dad has nets in his liver what can they do") opens one too
    if known >= _CASE_FEATURES:
        return tuple(turns)
    asked_for = any(is_treatment_question(t) for t in turns)  # (read only where the features alone do not decide)
    if not (known or asked_for and any(PATIENT.search(t) for t in turns)) or not (asked_for or is_treatment_question(" ".join(turns))):
        return ()
    return tuple(turns)


def names_treatment(question: str) -> bool:
    """Does the question name one of the treatments Figure 2 chooses between ("listed", "TACE")?"""
    return _names_treatment(tidy_question(question)) or bool(re.search(r"\blisted\b", question, _F))


def _names_treatment(text: str) -> bool:
    """The routing's own names, or any name tree.yaml gives a recommendation ("metastasectomy", "2-stage")."""
    from rag.algorithm.asked import named_treatments
    from rag.algorithm.tree import load_tree

    return bool(TREATMENT_NAME.search(text)) or bool(named_treatments(text, load_tree()))
