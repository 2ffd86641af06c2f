"""What a passage's kind lets it answer, whatever words it shares with the question.

Word overlap cannot see that a keyword list states no finding, that a legend item only
defines a term, that a reference entry never says what the cited work found, or that a
passage naming a class ("molecular targeted agents") names none of its members. These are
facts about the kinds of passage a PubMed page holds, so they are rules, not weights: the
answerer (rag/answer/extractive.py) drops a passage whose kind cannot answer before anything
else is weighed. The question-shape cues they read are in rag/answer/cues.py.
"""

from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence

from rag.answer.cues import ENUMERATION, FIGURE_LAYOUT, NAMING_CUE, PRESENCE_RE, TOPIC_RE, instance_class, member_kind
from rag.answer.record_cues import LITERATURE_CUE, asks_unprinted_entry_field, asks_what_a_work_found
from rag.retrieval.works import author_names, names_journal
from rag.answer.segments import Segment, is_legend_item, reading_text

Aliases = Sequence[tuple[str, str]]


class Answerer(Protocol):
    """What these rules need of the answerer (rag/answer/extractive.py): its terms and coverage."""

    def terms(self, text: str) -> list[str]: ...
    def weights(self, question: str) -> dict[str, float]: ...
    def aliases(self, text: str) -> list[tuple[str, str]]: ...
    def coverage(self, weights: dict[str, float], text: str, aliases: Aliases = ()) -> float: ...
    def terms_with_aliases(self, text: str, aliases: Aliases) -> set[str]: ...
    def naming_terms(self, naming_question: bool) -> frozenset[str]: ...


def kind_rule(answerer: Answerer, question: str, asked: str,
              aliases: Sequence[tuple[str, str]]) -> Callable[[Segment], bool]:
    """Which kinds of passage can answer this question at all (`asked`: the user's own
    words of a rewritten follow-up). Worked per question once, then per passage:
    - a keyword list names topics and states no finding: "does the review cover ablation?",
      never "does ablation work?";
    - a legend item ("SA, somatostatin analogues") defines a term: "what is SA?", not "what
      is the mechanism of action of SA?"; it also shows the term is in its figure ("is SA
      anywhere in the algorithm?"), and when the question names short forms, only their items
      answer it;
    - a reference entry gives authors, title and journal, never what the work found, and
      answers only a question about the literature (or one naming its author): "do lung NETs
      spread to the liver?" is not answered by a guideline's title;
    - a passage that names a class only ("molecular targeted agents") does not answer a
      request for its members by name ("which targeted agents exactly?");
    - a question asking who is answered by a passage naming such people: "done by who?" those who
      treat ("experienced surgeons"), "in whom?" those treated ("patients with NELM from ...");
      a bibliographic record names its authors.
    """
    # a follow-up that puts a question of its own ("and do those come before or after the chemo?") asks what its
    # words ask; an elliptical one ("and ablation?") asks what the earlier turn asked of a new subject
    topical = bool(TOPIC_RE.search(asked if asked != question and _OWN_CLAUSE.search(asked) else question))
    presence = bool(PRESENCE_RE.search(question))
    finding = asks_what_a_work_found(asked)
    wanted = instance_class(asked)
    wanted_weights, wanted_aliases = (answerer.weights(wanted), answerer.aliases(wanted)) if wanted else ({}, [])
    kind = member_kind(wanted) if wanted else ""
    naming = answerer.naming_terms(NAMING_CUE.search(question) is not None)
    question_terms = set(answerer.terms(question))
    literature = LITERATURE_CUE.search(question) is not None
    words = set(re.findall(r"[a-z][\w'\-]+", question.lower()))
    named = _short_forms_named(question, aliases)
    people = names_who_is_asked(asked)

    def can_answer(seg: Segment) -> bool:
        section = seg.unit.section
        if (section == "keywords" and not topical) or (section == "reference" and finding):
            return False
        if people and section in ("abstract", "figure", "keywords") and not people.search(seg.text):
            return False  # "in whom?" needs the patients named, "done by who?" those who do it
        if named and is_legend_item(seg) and not _defines_one_of(seg.text, named):
            return False  # "is TACE one of the options ...?" is not answered by the ALPPS item
        if section == "reference" and (asks_unprinted_entry_field(question, seg.unit.text) or not (
                literature or author_names(seg.unit.text) & words or names_journal(seg.unit.text, words))):
            return False
        if is_legend_item(seg) and not presence and not question_terms <= answerer.terms_with_aliases(reading_text(seg), aliases) | naming:
            return False
        if kind and not set(answerer.terms(kind)) & answerer.terms_with_aliases(seg.text, wanted_aliases):
            return False  # "which transplant criteria do they use?": a passage that names no criteria lists none
        return not wanted or not names_only_class(answerer, wanted, wanted_weights, wanted_aliases, seg.text)

    return can_answer


# Who is asked, as the doer ("done by who?", "who does them?", "who decides?") or as the one treated ("in
# whom?", "which patients?", "who can get it?"): English marks the first with "by" or a verb of doing.
_ASKS_DOER = re.compile(r"\bby\s+(?:who|whom)\b|\bwho(?:'s|\s+is|\s+are|\s+should(?:\s+be)?|\s+would)?\s+(?:does|do|did|doing"
                        r"|performs?|performing|carr(?:y|ies)\s+out|decides?|deciding|involved|makes?\s+the)\b", re.I)
_ASKS_TREATED = re.compile(r"\b(?:in|for|to)\s+whom\b|^\W*(?:(?:and|but|so|ok)\s+)?(?:in|for)\s+who\b|\b(?:which|what)\s+"
                           r"(?:kinds?\s+of\s+|sorts?\s+of\s+)?(?:patients|people|persons|individuals)\b"
                           # asked outright, not embedded ("... restricted in who can have them" asks about the restriction)
                           r"|^\W*(?:(?:and|but|so|ok)\s+)?who\s+(?:should|can|could|"
                           r"would|may|might)\s+(?:get|have|receive|be\s+(?:offered|considered|treated|eligible|selected))\b"
                           # in the present, after an opener or two: "ok so who actually gets one, anyone with liver mets?"
                           r"|^\W*(?:(?:and|but|so|ok|okay)[\s,]+){0,2}who\s+(?:(?:actually|really|then|usually)\s+)?"
                           r"(?:gets|receives|qualifies|is\s+(?:offered|eligible|selected))\b"
                           r"|^\W*(?:(?:and|but|so|ok)\s+)?who\s+(?:is|are)\s+(?:eligible|suitable|a\s+candidate|candidates)\b", re.I)
# The people a passage names: those who treat (clinicians, teams, agent nouns in -ist/-ian/-eon), those treated.
_DOERS = re.compile(r"\b(?:surgeons?|physicians?|doctors?|clinicians?|nurses?|team|teams|experts?|specialists?|multidisciplinary"
                    r"|[a-z]+(?:ists?|ians?|geons?))\b", re.I)
# (in the plural: a group; "patient care", "patient-related" name no one)
_TREATED = re.compile(r"\b(?:patients|people|persons|individuals|cases|adults|children|men|women)\b", re.I)


def names_who_is_asked(asked: str) -> re.Pattern[str] | None:
    """The people a passage must name to answer who is asked, if a who is asked."""
    return _DOERS if _ASKS_DOER.search(asked) else _TREATED if _ASKS_TREATED.search(asked) else None


# A token typed as a short form: two capitals or more ("TACE", "SI-NEN", "panNEN", "IFNa"; not "Liver").
_SHORT_FORM = re.compile(r"(?<![\w-])(?=[\w-]*[A-Z][\w-]*[A-Z])[A-Za-z][\w-]*")


def _short_forms_named(question: str, aliases: Sequence[tuple[str, str]]) -> frozenset[str]:
    """The short forms a question names, with what the glossary says they stand for ("PRRT" ->
    the printed "PPRT" and its long form), folded."""
    named = {m.group(0).casefold() for m in _SHORT_FORM.finditer(question)}
    return frozenset(named | {other.casefold() for phrase, other in aliases if phrase.casefold() in named})


def _defines_one_of(item: str, named: frozenset[str]) -> bool:
    """Does a legend item ("TACE, transarterial chemoembolization") define a named term? The page
    runs two items into one piece where its legend has a comma for a semicolon ("PPRT, ..., OLT,
    orthotopic liver transplantation"), so every term in the piece counts, not only its first."""
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", item, re.I) for n in named)


def names_only_class(answerer: Answerer, wanted: str, weights: dict[str, float],
                     aliases: Sequence[tuple[str, str]], text: str) -> bool:
    """The passage speaks of the class ("systemic molecular targeted agents") and lists no
    member of it: no "such as", "including", "e.g." or colon after the class is named."""
    if answerer.coverage(weights, text, aliases) < 1.0:
        return False
    wanted_terms = set(answerer.terms(wanted))
    last = max((m.end() for m in re.finditer(r"\b\w+\b", text) if set(answerer.terms(m.group())) & wanted_terms),
               default=0)
    return not ENUMERATION.search(text[last:])


def caption_cannot_answer(answerer: Answerer, question: str, pieces: Sequence[Segment], aliases: Aliases) -> bool:
    """A figure named outright ("Figure 1") is on the page as its caption and legend only, so it
    answers what they say, not what the picture would show:
    - the names of a class's members that the caption names as a class only ("what are the
      distribution types in Figure 1 called?" of "Proposed types of ... distribution");
    - a numbered member of a class ("type 2") that none of its pieces names;
    - whether it shows something none of its pieces names ("does Figure 2 show the survival of
      each arm?"): a yes/no question none of whose content words (beyond naming and framing
      words) any piece of the figure holds.
    What it is about, its title and the terms its legend defines stay answerable."""
    if FIGURE_LAYOUT.search(question):
        return True  # "which box is at the top of the figure 2 flowchart?": its drawing
    members = _NUMBERED_MEMBER.findall(question)
    if any(not any(re.search(rf"\b{re.escape(m)}\b", p.text, re.I) for p in pieces) for m in members):
        return True  # "what's type 2 in figure 1?" of a caption that names no type 2
    wanted = instance_class(question)
    if wanted and any(names_only_class(answerer, named, answerer.weights(named), answerer.aliases(named), p.text)
                      for p in pieces for named in [_classified_as_in(wanted, p.text)]):
        return True
    if not (PRESENCE_RE.search(question) and _YES_NO.match(question)):
        return False
    content = set(answerer.weights(question)) - answerer.naming_terms(True)
    held = set().union(*(answerer.terms_with_aliases(reading_text(p), aliases) for p in pieces))
    return bool(content) and not content & held


# One numbered member of a class: "type 2", "type II", "class III" (a grade, "G2", names a member by a code
# the legend may define, and is not read here).
# ("type I/II/III" lists members; "type 2-stage" or "type 1/" names none)
_NUMBERED_MEMBER = re.compile(r"\b(?:types?|class(?:es)?|categor(?:y|ies)|patterns?)\s+(?:[IVX]{1,4}|\d{1,2})\b(?!-|/(?![IVX\d]))")
# The nouns a classification's members are counted by: "distribution patterns" are the "types of ... distribution" a
# caption names, whichever of them each uses.
_CLASSIFIER = re.compile(r"\b(?:types?|kinds?|sorts?|class(?:es)?|categor(?:y|ies)|patterns?|subtypes?|forms?|variet(?:y|ies))\b", re.I)


def _classified_as_in(wanted: str, text: str) -> str:
    """`wanted` with its classifying noun in the word `text` uses for it."""
    used = _CLASSIFIER.search(text)
    return _CLASSIFIER.sub(used.group(0), wanted) if used else wanted
_OWN_CLAUSE = re.compile(r"\b(?:do|does|did|is|are|was|were|can|could|will|would|should|what|which|how|why|when|where|who)\b", re.I)
_YES_NO = re.compile(r"^\W*(?:is|are|was|were|does|do|did|has|have|can|could|will|would)\b", re.I)
