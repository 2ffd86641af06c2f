"""The one place a question's route is decided: raw question + conversation -> a typed `Turn`.

Routes, checked in this order (the first that holds wins):
1. `glossary`: an abbreviation question ("What does TACE stand for?", "define PVL");
2. `out_of_scope`: another cancer is named and no neuroendocrine term (rag/routing/scope.py);
   it is declined by name, and never reaches the NEN algorithm;
3. `algorithm`: a treatment decision for a case (rag/routing/treatment.py), unless it only asks
   for a figure (a dose, a rate) that the Figure 2 pathway cannot give;
4. a follow-up ("And TAE?", "and for G1?") takes the route of the question it leans on;
5. `retrieval`: everything else, with its chat shorthand written out (rag/core/shorthand.py)
   and a follow-up rewritten into a self-contained question.

The pipeline (rag/pipeline.py) only dispatches on `Turn.route`. The predicates each route
rests on live with their knowledge (glossary phrasing, case features, disease names); this
module holds their order and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Literal, Sequence

from rag.algorithm.inputs import extract_inputs
from rag.answer.circumstances import asks_personal_outcome
from rag.answer.cues import asks_for_number
from rag.core.courtesy import unshouted, without_pleasantries
from rag.core.errors import InvalidQuestionError
from rag.core.question import asking_part, normalise_question
from rag.core.shorthand import expand_shorthand
from rag.core.text import STOP_WORDS
from rag.glossary.anaphoric import POINTER
from rag.glossary.comparisons import SAME_OR_NOT
from rag.glossary.keys import short_key
from rag.glossary.questions import KIND_GUESS, parse_glossary_question, parse_glossary_terms, short_forms_in
from rag.glossary.siblings import points_to_sibling, sibling_term
from rag.routing.addressee import addressee
from rag.routing.context import asks_anything, asks_of_work_told, leans_on_statement, named_from_context, split_context
from rag.routing.correction import corrected
from rag.routing.followup import is_followup, rewrite
from rag.routing.options import only_options, option_after_case
from rag.routing.reasons import asks_purpose, asks_what_decides, asks_what_it_does, asks_why
from rag.routing.scope import other_disease
from rag.routing.term_followup import followup_term
from rag.routing.treatment import (asks_about_cited_work, asks_for_detail, asks_next_step, case_told, is_treatment_question,
                                   names_treatment, names_tumour, updates_case)

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["Route", "Turn", "route"]

Route = Literal["glossary", "algorithm", "retrieval", "out_of_scope"]


@dataclass(frozen=True)
class Turn:
    """One question in context, normalised and routed."""

    question: str  # what the user typed, normalised
    history: tuple[str, ...]  # earlier user questions, oldest first (invalid ones dropped)
    query: str  # the self-contained question (a follow-up joined with what it leans on)
    route: Route
    glossary_term: str = ""  # glossary: the term asked about (the first, when there are several)
    glossary_terms: tuple[str, ...] = ()  # glossary: every term asked about ("TACE vs TAE"), in order
    previous_treatment: str = ""  # algorithm follow-up: the case it adds to
    case_turns: tuple[str, ...] = ()  # algorithm follow-up: the earlier turns that told that case, oldest first
    other_disease: str = ""  # out_of_scope: the non-neuroendocrine disease named
    asked: str = ""  # the question with its shorthand written out ("wat yr" -> "what year"), if that changed it
    # retrieval: units known not to answer it: the passages a "why?" already heard without a
    # reason, a cited work's entry asked what the work found (rag/routing/referents.py)
    cannot_answer: tuple[str, ...] = ()
    # retrieval: units the previous answer quoted, which a follow-up asking for another option
    # ("what if surgery isn't possible?", "what else?") is not answered with again
    exclude: tuple[str, ...] = ()
    # retrieval: statements told before the question ("My mum has a NET."), read as context of
    # the question sentence (rag/routing/context.py): not searched for, but weighed in the
    # answer's words; the query then leads with the question
    context: str = ""
    cite_record: bool = False  # retrieval: "who says so?": the answer also gives the record of the work it quotes

    @property
    def searched(self) -> str:
        """What retrieval searches for: the query, but only the question sentence of a question
        told after a story ("My mum has a NET."), unless it points back at the story ("is that normal?")."""
        return self.query if not self.context or self.leans_on_context else self.asked

    @property
    def leans_on_context(self) -> bool:
        """Does the question point back at the statement told before it ("... instead of an operation. is that a
        real thing?"), so that the statement is searched, and weighed, with it?"""
        return bool(self.context) and (leans_on_statement(self.asked) or asks_of_work_told(self.asked, self.context))

    @property
    def own_words(self) -> str:
        """What the user asked, in standard spelling, before any joining with earlier turns:
        a query that differs from it was rewritten from the conversation."""
        return self.asked or self.question


def route(question: str, history: Sequence[str], glossary: "Glossary", max_chars: int,
          read: Callable[[str], str] | None = None) -> Turn:
    """Route `question` (raises `InvalidQuestionError` for text that is not a question). What is
    routed is the question without greetings and thanks, and as `read` spells it (the typos
    rag/retrieval/spelling.py corrects); the turn keeps the text as typed."""
    typed = normalise_question(question, max_chars)
    question = without_pleasantries(unshouted(typed, glossary.shouted_terms()))
    question = read(question) if read else question
    earlier = []
    for text in history or ():
        try:
            earlier.append(normalise_question(text, max_chars))
        except InvalidQuestionError:
            continue  # a bad earlier turn must not break the current one
    past = tuple(earlier)
    question = (corrected(question, past[-1]) if past else "") or question  # "no sorry I meant SA not TAE"
    # a definition asked ("Doctor wrote SI-NEN in my dad's letter, what is that") tells no case, whatever it names
    case = case_told(tuple(t for i, t in enumerate(past) if not _asks_definition(t, glossary, alone=i == 0)))
    if case and _only_features(question):
        # "G1?" after a case changes its grade; it does not ask what "G1" stands for
        return _case_turn(typed, past, case, question)
    terms = parse_glossary_terms(question, glossary, alone=not past)
    if terms and all(POINTER.fullmatch(t) or _ORDINAL_ONE.fullmatch(t) for t in terms):
        # "is TACE in the algorithm?" then "and what does that stand for" / "what do those letters mean": the
        # pointer names the earlier short form(s); with none before it, it names nothing
        place = _ORDINAL_ONE.fullmatch(terms[0])
        terms = next((found for turn in reversed(past) if (found := short_forms_in(turn, glossary))), ())  # the latest named
        if place and terms:  # "they list PVE and PVL ..." then "what's the second one stand for?": that one of them
            at = _ORDINALS.index(place.group(1).lower())
            terms = (terms[min(at, len(terms) - 1)],) if at < len(terms) or at == len(_ORDINALS) - 1 else ()
    if terms and case and names_treatment(question) and only_options(question, terms):
        # a case told, then only treatments named ("SSA?", "TACE or TAE?"): asked for that case, as in one turn
        return _case_turn(typed, past, case, question)
    if terms and not option_after_case(question, terms):
        return Turn(typed, past, question, "glossary", glossary_term=terms[0], glossary_terms=terms)
    plain = expand_shorthand(question)
    if past and points_to_sibling(plain) and (sibling := sibling_term(
            plain, parse_glossary_question(past[-1], glossary), glossary)):
        # "what does SI-NEN mean?" then "and the pancreas one?": another member of the family just defined
        return Turn(typed, past, f"{past[-1]} {question}", "glossary", glossary_term=sibling, glossary_terms=(sibling,))
    asked = plain if plain != typed else ""
    disease = other_disease(question)
    if disease:
        return Turn(typed, past, rewrite(plain, list(past)).question, "out_of_scope", other_disease=disease,
                    asked=asked)
    anchor = next((h for h in reversed(past) if not is_followup(h)), past[-1]) if past else ""
    if (is_treatment_question(question) and not _asks_beyond_algorithm(question)
            and not _leans_on_text_question(question, anchor)):
        # "and if she also had bone mets?" is a case of its own by its words, but changes the case
        # before; so does a turn that names no grade, site or age ("The surgeons say they can get
        # it all out. Plan?"): a new case names what identifies its tumour
        if case and (is_followup(question) or not names_tumour(question)):
            return _case_turn(typed, past, case, question)
        return Turn(typed, past, question, "algorithm", asked=question if question != typed else "")
    if past and is_followup(question):
        term = followup_term(question)
        # the term of the turn just before, else of the anchor ("and PVL?" as an anchor asks PVL): after "what's the
        # algorithm figure about?" and "ok what does TAE mean in it", "and RE?" follows TAE
        earlier = next(iter(parse_glossary_terms(past[-1], glossary, alone=True) or parse_glossary_terms(
            anchor, glossary, alone=True)), None)
        listed = () if not term or glossary.lookup(term).matches else parse_glossary_terms(term, glossary, alone=True)
        if earlier and term and (glossary.lookup(term).matches or listed):
            # "What does TACE stand for?" then "And TAE?" ("and TAE and RE?"): the same kind; "and panNEN? is it the same?"
            both = listed or ((term, earlier) if SAME_OR_NOT.search(question) and short_key(earlier) != short_key(term) else (term,))
            return Turn(typed, past, f"{anchor} {question}", "glossary", glossary_term=both[0], glossary_terms=both)
        if earlier and not short_forms_in(question, glossary) and _LETTER_ASKED.search(question):
            # "what is OLT" then "what about the first letter, the O?": the letters are the earlier term's
            return Turn(typed, past, f"{anchor} {question}", "glossary", glossary_term=earlier, glossary_terms=(earlier,))
        # "What does PVL stand for?" then "and how is it different from PVE?": "it" is the term ("is it a surgery?" is not)
        terms = parse_glossary_terms(_PRONOUN.sub(earlier, question), glossary) if earlier and not KIND_GUESS.search(question) else ()
        if terms:
            return Turn(typed, past, f"{anchor} {question}", "glossary", glossary_term=terms[0], glossary_terms=terms)
        pronoun = _PRONOUN.search(question)
        if earlier and pronoun and not short_forms_in(question[:pronoun.start()], glossary):
            # "what does OLT mean" then "is it recommended for NELM?": "it" is the term, asked about in the text
            # (in "and TAE, is it safe?" the term before the pronoun is its antecedent)
            return Turn(typed, past, _PRONOUN.sub(earlier, question, count=1), "retrieval", asked=question)
    if case and _continues_case(question):
        return _case_turn(typed, past, case, question)
    rewritten = rewrite(plain, list(past)).question
    ask, told = split_context(plain)
    ask = named_from_context(ask, told)
    if (told or ask != plain) and rewritten == plain:
        return Turn(typed, past, f"{ask} {told}".strip(), "retrieval", asked=ask, context=told)
    return Turn(typed, past, rewritten, "retrieval", asked=asked)


# A place in the list the earlier turn named: "the second one", "the last".
_ORDINALS = ("first", "second", "third", "fourth", "last")
_ORDINAL_ONE = re.compile(r"(?:the\s+)?(first|second|third|fourth|last)(?:\s+one)?", re.I)


def _asks_definition(text: str, glossary: "Glossary", alone: bool) -> bool:
    if not asks_anything(text):
        return False  # "She's 66, small intestinal NET, G1." tells, whatever term closes it
    terms = parse_glossary_terms(text, glossary, alone=alone)
    return bool(terms) and not option_after_case(text, terms)


def _case_turn(typed: str, past: tuple[str, ...], case: tuple[str, ...], question: str) -> Turn:
    """The algorithm on the case the conversation told, with what `question` states on top."""
    told = " ".join(case)
    return Turn(typed, past, f"{told} {question}", "algorithm", previous_treatment=told, case_turns=case,
                asked=question if question != typed else "")


# Asking about the review's text rather than the case: "where does the review say that?", "is
# that from figure 2?", "what's the evidence?". After a case, such a follow-up goes to retrieval.
# "path review", "on review", "surgical review": a pathologist's, radiologist's or surgeon's look, not this review
_ABOUT_TEXT = re.compile(r"\b(?:(?<!\bon )(?<!path )(?<!pathology )(?<!histology )(?<!radiology )(?<!slide )(?<!MDT )(?<!surgical )"
                         r"(?<!clinical )(?<!radiological )review|"
                         r"article|paper|text|authors?|figures?|fig|tables?|references?|sources?|"
                         r"evidence|literature|stud(?:y|ies)|guidelines?|citations?|cited|quote\w*|page)\b", re.I)


def _continues_case(question: str) -> bool:
    """After a told case, does `question` ask about that case? A follow-up ("and now?", "what about
    ablation?") or a request for the next step ("What would you suggest next?") does, unless it
    asks about the review's text or only for a figure the pathway cannot give."""
    if (_ABOUT_TEXT.search(question) and addressee(question).verb != "decision") or _asks_beyond_algorithm(question) or (
            asks_what_it_does(question)):
        return False  # ("so what would this paper do then" asks the review to decide for the case)
    if asks_why(question) and (not is_followup(question) or len(question.split()) > 4):
        return False  # "why would they treat the liver first?" asks the review's reason; "why not surgery?" the case's
    return is_followup(question) or asks_next_step(question) or updates_case(question)


_LINK_WORDS = frozenset({"instead", "now", "rather", "case", "had", "were", "was"}) | STOP_WORDS


def _only_features(question: str) -> bool:
    """Is the question a follow-up made only of case features and linking words ("G1?", "and
    pancreatic?", "what if G3 instead?")? Then it changes the case, whatever else the words
    could name."""
    if not is_followup(question):
        return False
    inputs = extract_inputs(question)
    if not inputs.known():
        return False
    rest = question.lower()
    for _, phrase in inputs.evidence:
        for part in phrase.lower().split("; "):
            rest = rest.replace(part, " ")
    return all(w in _LINK_WORDS for w in re.findall(r"[a-z0-9]+", rest))


_PRONOUN = re.compile(r"\b(?:it|that|this)\b(?!\s+(?:one|term|abbreviation)\b)", re.I)
# A letter of a term asked by its place or quoted: "the first letter", "the initials", "the 'O'" (not "a letter to
# the GP", the correspondence).
_LETTER_ASKED = re.compile(r"\b(?:the|its|each|every|which|first|second|third|last|final)\s+(?:\w+\s+)?(?:letters?|initials?)\b"
                           r"(?!\s+(?:to|from|of\s+referral)\b)|\bthe\s+['\"\u2018\u2019]?[A-Za-z]['\"\u2018\u2019]?\s*(?:[?,.!]|$"
                           r"|\s+(?:at|in|stand|mean))", re.I)


def _leans_on_text_question(question: str, anchor: str) -> bool:
    """"Should it be done on its own?" after "Is transplant an option for NELM?": a follow-up stating no case
    feature of its own asks about what the earlier question was about, a decision only if that question was one."""
    return (bool(anchor) and is_followup(question) and not extract_inputs(question).known()
            and not is_treatment_question(anchor))


def _asks_the_text_what_decides(asked: str) -> bool:
    """What decides a matter, asked of the review ("in this review, what determines whether an operation
    is possible?"), is its criteria whatever case came first; a bare "what decides?" after a case asks
    what decides for that case, which the pathway answers by what it still needs."""
    return asks_what_decides(asked) and addressee(asked).named


def _asks_beyond_algorithm(question: str) -> bool:
    """A dose, a rate or a count is not something the Figure 2 pathway can give; without any
    case detail such a question ("which dose of lanreotide?") belongs to retrieval, which
    says honestly when the review does not state it. So does a case that asks only for such a
    detail ("54F, G2 pNET: what dose of lanreotide?"; see `asks_for_detail`), or how one
    person's illness will turn out ("59M, G1 SI-NET, bilobar mets: will he be cured?"), or what a treatment is for:
    the pathway chooses a branch, the text says what its treatments aim at."""
    if (asks_for_detail(question) or asks_personal_outcome(question) or asks_about_cited_work(question)
            or _asks_the_text_what_decides(asking_part(question)) or asks_purpose(question)):
        # nor what a cited work recommends ("what did the ENETS guidelines recommend for bone mets?"):
        # a pathway is no prognosis: "..., will he be cured?" is retrieval's to decline, and
        # rag/answer/constraints.py `can_answer` does
        return True
    if not asks_for_number(question):
        return False
    return not extract_inputs(question).known()
