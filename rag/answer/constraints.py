"""Hard constraints on an answer, outside the fitted gate: what the quoted pieces must hold for
the shape of question asked.

In: the question and the pieces the answerer (rag/answer/extractive.py) chose to quote.
Out: whether quoting them can answer it at all. The fitted gate weighs how well a passage
matches; these rules say what no match can make up for, and each is a fact about language or
about what a review can say, not a weight:
- a figure asked for ("what dose", "what's the mortality") needs a quantity, and a likelihood
  ("what are the chances", "which type is the most common") a quantity or a word of degree;
  a figure's caption is held to this too, since the page holds its caption, not its picture;
- a prediction of one person's outcome ("will my mum be cured?") is never answered by a
  review's statements about groups of patients;
- a question that names a population or a matter of daily life (children, pregnancy,
  driving, alcohol, cost) is about it, and a passage that does not name it says nothing of it;
  so is one that names a particular thing by its proper name ("the Milan criteria"), or a numbered
  item of the review ("reference 13"), which only that item answers.
The question-shape cues are in rag/answer/cues.py; what a passage's kind can answer, decided
before any passage is weighed, is in rag/answer/kinds.py.
"""

from __future__ import annotations

import re
from typing import Sequence

from rag.answer.circumstances import asks_personal_outcome, named_circumstances
from rag.answer.cues import ASKS_COUNT, DEGREE_RE, asks_for_number, asks_likelihood
from rag.answer.record_cues import citation_parts_for, record_fields_asked
from rag.answer.segments import Segment, strip_citation_marks
from rag.retrieval.lay import lay_expansions
from rag.retrieval.numbered import numbered_items
from rag.retrieval.record_words import ASKERS_PURPOSE
from rag.routing.scope import diseases_named
from rag.core.text import STOP_WORDS, local_id, zipf

# A quantity, not a number fused into a name or a compound label ("G1", "Ki-67", "2-stage",
# "1- and 2-stage"): those name a kind of thing and answer no "how many".
QUANTITY_RE = re.compile(r"(?<![\w-])\d+(?:[.,]\d+)?(?!\w|-)")


# A proper name before a kind noun names one particular thing ("the Milan criteria", "the RAPID
# trial", "the WHO classification"): only a passage that names it can say what it is.
# A year may stand between the name and the noun: "the ENETS 2016 guidelines", "the WHO 2019 classification".
NAMED_THING = re.compile(r"\b([A-Z][\w-]+)\s+(?:(?:19|20)\d{2}\s+)?(?:criteria|criterion|trial|classification|score|system|protocol|"
                         r"guidelines?|consensus|study|regimen|staging|grading)\b")


# Where a thing comes from describes it, it does not name it: "a European consensus", "an American study".
_DEMONYM = re.compile(r"(?:European|American|Asian|African|Australian|British|English|Scottish|Irish|Welsh|US|UK|USA|EU|"
                      r"Western|Eastern|Northern|Southern|Nordic|Scandinavian|Canadian|German|French|Italian|Spanish|"
                      r"Dutch|Swedish|Danish|Norwegian|Finnish|Greek|Swiss|Austrian|Belgian|Polish|Japanese|Chinese|"
                      r"Korean|Indian|International|National)")


# A choice offered to close a question: "..., everolimus or sunitinib?", "CAPTEM or streptozocin based?".
_CHOICE = re.compile(r"\b(?P<a>[A-Za-z][\w-]{2,})\s+or\s+(?P<b>[A-Za-z][\w-]{2,})(?:[- ]based)?\s*[?.!]*\s*$")


# Below this Zipf frequency a word is a technical name (a drug, a procedure: "everolimus" 1.6, "resection"
# 2.8), not an everyday word ("exception" 4.4, "surgery" 4.6).
_NAME_ZIPF = 3.0


# One named thing offered as the member a class of the text stands for: "is streptozocin the chemo they mean?"
_GUESSED_MEMBER = re.compile(r"^\W*(?:is|are|was|were)\s+(?:it\s+)?(?P<a>[A-Za-z][\w-]{3,})\s+the\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:chemo\w*|drugs?|agents?|therap(?:y|ies)|treatments?|regimens?|medications?|medicines?|ones?)\s+"
                             r"(?:that\s+)?(?:they|the\s+(?:review|authors|paper|article|abstract))\s+(?:means?|meant|use[sd]?|recommend\w*"
                             r"|suggest\w*|names?|refers?\s+to|ha(?:ve|s)\s+in\s+mind)\b", re.I)


def _names_a_choice(question: str, quoted: str) -> bool:
    """A question that closes by offering a choice of named things is answered only by a passage naming one
    of the options (by its first five letters, so "transplant" finds "transplantation")."""
    guess = _GUESSED_MEMBER.search(question)
    if guess and zipf(guess.group("a").casefold()) < _NAME_ZIPF and guess.group("a").casefold()[:5] not in quoted:
        return False  # "is streptozocin the chemo they mean?" of a passage that names chemotherapy, not the drug
    m = _CHOICE.search(question)
    if not m or {m.group("a").casefold(), m.group("b").casefold()} & STOP_WORDS:
        return True
    if all(zipf(m.group(g).casefold()) >= _NAME_ZIPF for g in ("a", "b")):
        return True  # a choice of everyday words ("routine option or exception?") may be answered in other words

    # an option named by its everyday or class word counts as named ("cytotoxics" of a passage saying "chemotherapy")
    return any(name.casefold()[:5] in quoted for option in (m.group("a"), m.group("b"))
               for name in (option, *(term for _, term in lay_expansions(option))))


# A judgement between options ("is TACE better than TAE?", "which gives longer survival, X or Y?") is
# answered only by a passage that itself compares or ranks: naming the options is no verdict on them.
_JUDGED = re.compile(r"\b(?:better|worse|superior|inferior|safer|riskier|compare|compares|comparing|comparison"
                     r"|(?:more|less)\s+(?:effective|successful|efficacious)"
                     r"|longer|shorter|outperforms?|best|worst|most\s+(?:effective|successful)"
                     # a multiple of one option's outcome: "doubles survival compared with embolisation"
                     r"|doubl(?:es|ed|ing)|tripl(?:es|ed|ing)|halv(?:es|ed|ing)|(?:two|three|\d+)[- ]?fold)\b", re.I)
_BETWEEN = re.compile(r"\b(?:than|or|vs\.?|versus|compared|which\s+one|which\s+of)\b", re.I)
_COMPARES = re.compile(r"\b(?:than|more|less|better|worse|best|superior|inferior|compared|versus|of\s+choice|preferred|"
                       r"optimal|mainstay|standard)\b", re.I)


# A comparison over time ("safer now than a few decades ago", "got better over the years") asks how things
# changed, which a passage on advances answers: it is no choice between options.
_OVER_TIME = re.compile(r"\b(?:now|nowadays|these\s+days|today|over\s+(?:the\s+)?(?:years|decades|time)|used\s+to|"
                        r"(?:years|decades)\s+ago|than\s+(?:before|ever|previously|in\s+the\s+past))\b", re.I)


# A person's state getting worse or better ("does it make people feel worse or die sooner?") is no verdict on options.
_CHANGE_OF_STATE = re.compile(r"\b(?:feel|feels|feeling|felt|get|gets|getting|got|make\s+\w+(?:\s+feel)?|makes\s+\w+(?:\s+feel)?"
                              r"|making\s+\w+(?:\s+feel)?)\s+(?:much\s+|any\s+|a\s+lot\s+|even\s+)?(?:worse|better)\b", re.I)


def judges_options(question: str) -> bool:
    """Does the question ask which of its options is better ("is TACE better than TAE?")?"""
    question = _CHANGE_OF_STATE.sub(" ", question)
    return bool(_JUDGED.search(question) and _BETWEEN.search(question) and not _OVER_TIME.search(question))


def _judges_options(question: str, quoted: str) -> bool:
    """Does a question that asks which option is better get a passage that compares at all?"""
    return not judges_options(question) or bool(_COMPARES.search(quoted))


_RECORD_FIELDS = {"authors", "title", "journal", "year", "doi", "pages", "volume"}
# A cited work asked for as such: "does the review cite ...", "is there a reference / paper / study on ..."
# The whole entry asked for ("- full cite?", "the full reference please"), or a work named by its topic and nothing
# else asked ("ref on US NET incidence trends?"): its entry answers, not the figures of its subject. Narrower than
# record_cues' whole-record cue on purpose: there "cite" alone asks the record ("how do I cite it?"), while here
# "does the review cite a study of X, and what sample size did it use?" asks what the work found.
_FULL_ENTRY = re.compile(r"\bfull\s+(?:cite|citation|reference|ref|record|entry)\b|\bcitation\b", re.I)
_WORK_ALONE = re.compile(r"^\W*(?:(?:the|a|any|that)\s+)?(?:refs?|references?|papers?|stud(?:y|ies)|articles?|publications?)\s+"
                         r"(?:on|about|regarding|concerning|covering)\s+[^?.!]*[?.!]?\s*$", re.I)
_ASKS_WORK = re.compile(r"\bcit(?:e|es|ed|ing)\b|\b(?:references?|refs?|papers?|stud(?:y|ies)|articles?|publications?|sources?)\b", re.I)



def _quotes_named_item(question: str, pieces: Sequence[Segment]) -> bool:
    """Do the pieces come from one of the numbered items the question names, if it names any? A numbered
    item ("reference 13", "figure 3", "table 1") is answered by that item only: a caption that cites "[13]"
    does not say what reference 13 is."""
    named = numbered_items(question)
    quoted = {local_id(p.unit.id) for p in pieces}
    if citation_parts_for(question) & _RECORD_FIELDS and any(n.startswith("reference-") and n not in quoted for n in named):
        return False  # "the authors of reference 13 that figure 1 is based on": reference 13's own entry only
    return not named or bool(quoted & set(named))


def can_answer(question: str, pieces: Sequence[Segment], structural: bool) -> bool:
    """May the chosen `pieces` answer `question`? `structural`: the question named their unit
    outright ("Figure 2", "the DOI"), which answers it unless it is a figure asked for more
    than its caption says."""
    if asks_personal_outcome(question):
        # the router keeps such a case away from the algorithm (rag/routing/router.py,
        # `_asks_beyond_algorithm`) so that it reaches this refusal
        return False
    # a conflict-of-interest statement is a statement about money from industry ("like pharma money")
    covered = {"money"} if any(p.unit.section == "coi" for p in pieces) else set()
    # (what the asker wants it for is no circumstance asked about: "I need it for a letter to the insurer")
    if not named_circumstances(ASKERS_PURPOSE.sub(" ", question)) - covered <= named_circumstances(" ".join(p.text for p in pieces)):
        return False
    quoted = " ".join(p.text for p in pieces).casefold()
    if any(name.casefold() not in quoted for name in NAMED_THING.findall(question)
           if name.casefold() not in STOP_WORDS and not _DEMONYM.fullmatch(name)):
        return False  # "what are the Milan criteria?" is not answered by a passage that never says "Milan"
    if any(name[:5].casefold() not in quoted for name in diseases_named(question)):
        return False  # "... better than hepatectomy for colorectal liver metastases?" of a passage that never names them
    if not _quotes_named_item(question, pieces):
        return False  # "what is reference 13?" of figure 1's caption, which cites [13]
    if not _judges_options(question, quoted):
        return False  # "is TACE better than TAE?" of the legend that only names both
    if not _names_a_choice(question, quoted):
        return False  # "which targeted drug, everolimus or sunitinib?" of a passage naming neither
    if structural and any(p.unit.section != "figure" for p in pieces):
        # a unit named outright answers, but not for a figure it does not print ("Ablation is one of the
        # keywords, so what is the maximum size ...?"); a record's years and pages are its figures
        # (how many of its items there are is counted off the unit itself: "how many keywords are given?")
        return (not asks_for_number(question) or bool(ASKS_COUNT.search(question))
                or any(QUANTITY_RE.search(strip_citation_marks(p.text)) for p in pieces))
    if all(p.unit.section == "reference" for p in pieces) and _ASKS_WORK.search(question) and (
            record_fields_asked(question) & _RECORD_FIELDS or _FULL_ENTRY.search(question) or _WORK_ALONE.match(question)):
        # a work asked for by its subject and a field of its entry ("any data on how common these tumours have
        # become in the US, and who wrote it?"): the entry answers; its subject's figures are not asked of it
        return True
    # Page numbers and years of a bibliographic record are not the figure a clinical
    # question asks for ("what is the incidence ...?").
    has_number = any(QUANTITY_RE.search(strip_citation_marks(p.text)) for p in pieces
                     if p.unit.section not in ("citation", "reference"))
    if asks_for_number(question) and not has_number:
        return False
    # A likelihood is answered by a figure or a word of degree ("frequently"), not by naming the event.
    return has_number or not asks_likelihood(question) or any(DEGREE_RE.search(p.text) for p in pieces)
