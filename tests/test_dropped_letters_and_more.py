"""A short word with a letter dropped ("spred", "comon") read as the common word it lost a letter from, while a
short medical word that one replaced letter would make common ("ileal", not "ideal") is left alone; a possessive
pointing back at the thing asked ("its stated aims"); a bibliographic verb that is no topic; "what is TACE" closed by a
clause with its own subject; a patient's treatment asked before their features are told; whether the text says or
judges something; working together and the wider team; a note naming its class first ("<class> - what are they?");
and a figure's classes asked by another classifying noun ("patterns" for "types"). Each is a pattern of English, not
the wording of one evaluation item.
"""

from __future__ import annotations

import re

import pytest

from rag.answer.cues import instance_class
from rag.core.text import stem
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.aims import asks_aim
from rag.retrieval.spelling import Speller
from rag.retrieval.works import names_other_work
from rag.routing.addressee import addressee
from rag.routing.treatment import case_told, is_treatment_question

TEXT = "Liver surgery is the treatment of choice for resectable neuroendocrine liver metastases."


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller([TEXT])


@pytest.mark.parametrize("typo, meant", [
    ("spred", "spread"),
    ("comon", "common"),
    ("befor", "before"),
    ("cutof", "cutoff"),
])
def test_a_five_letter_word_with_a_letter_dropped_is_the_common_word(speller, typo, meant):
    assert speller.correct(typo) == meant


@pytest.mark.parametrize("word", ["ileal", "hilar", "nelms", "pnets"])
def test_a_short_word_that_only_a_replaced_letter_makes_common_is_left_alone(speller, word):
    assert speller.correct(word) is None


def test_a_capitalised_short_word_is_never_read_as_english(speller):
    assert speller.correct("Spred") is None


@pytest.mark.parametrize("question, aim", [
    ("what is the treatment of choice for resectable NELM and what are its stated aims?", False),  # the treatment's
    ("what are its stated aims?", True),
    ("what is the review about, and what are its stated aims?", True),
])
def test_a_possessive_points_back_at_the_thing_the_question_asked_about(question, aim):
    assert asks_aim(question) is aim


def test_the_verb_of_a_bibliographic_question_is_no_topic_of_another_work():

    title = "Currently available treatment options for neuroendocrine liver metastases"
    own_topic = frozenset(stem(w.lower()) for w in re.findall(r"[A-Za-z]+", title))
    own_names = frozenset({"machairas", "ann", "gastroenterol", "gastroenterology"})
    assert not names_other_work("Which journal was the review on NET liver mets published in?", own_names, own_topic)
    assert names_other_work("Which journal was the paper on prognostic factors published in?", own_names, own_topic)


@pytest.mark.parametrize("question, terms", [
    ("wat is TACE they keep saying it at the clinic", ("TACE",)),
    ("whats SI-NEN my letter says it", ("SI-NEN",)),
])
def test_a_written_abbreviation_closes_what_is_when_a_clause_with_its_own_subject_follows(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_determiner_after_the_abbreviation_does_not_close_the_slot(glossary):
    assert parse_glossary_terms("what is TACE the best option", glossary) != ("TACE",)


def test_a_treatment_asked_for_a_patient_opens_a_case_that_later_features_complete():
    assert case_told(["my dad has nets in his liver what can they do"]) == ("my dad has nets in his liver what can they do",)
    assert case_told(["what can be done for liver metastases?"]) == ()  # no one's case


@pytest.mark.parametrize("story, question", [
    ("I've had a small bowel neuroendocrine tumour and my last scan showed spots on the liver,",
     "so I'd like to understand whether the article says the liver is the main place these tumours tend to spread to"),
    ("My surgeon has talked about doing the liver operation in two goes,",
     "so does this paper consider that kind of staged operation to be safe nowadays?"),
])
def test_whether_the_text_says_or_judges_something_asks_the_text_whatever_the_story(story, question):
    assert addressee(question).verb == "text"
    assert not is_treatment_question(f"{story} {question}")


@pytest.mark.parametrize("question, cls", [
    ("transplant selection criteria for NELM (Milan?) - what r they per this paper", "transplant selection criteria for NELM"),
    ("targeted agents - which are they?", "targeted agents"),
    ("NELM treatments - what are they?", ""),  # no class whose members are named
])
def test_a_note_naming_its_class_first_asks_for_the_members_by_a_pronoun(question, cls):
    assert instance_class(question) == cls


@pytest.mark.model
@pytest.mark.parametrize("question", [
    pytest.param("In Figure 1, what are the individual distribution patterns drawn and how are they defined?",
                 id="patterns-for-the-captions-types"),
    pytest.param("fig 1 - what are the type I/II/III NELM distribution patterns exactly?", id="members-listed-with-slashes"),
])
def test_a_figures_classes_by_another_classifying_noun_are_beyond_its_caption(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
def test_what_figure_1_shows_is_still_its_caption(pipeline):
    answer = pipeline.ask("what does Figure 1 show?")
    assert not answer.abstained and [c.unit_id for c in answer.citations] == ["figure-1"]
