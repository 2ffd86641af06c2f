"""An intensifier after "what is" ("what is exactly IFNa?"), a sentence of thanks closing a message, a second question
joined by "and" after a class asked for by name, a verb's object before its "again" ("operate on him again"),
removable "but not all at once" as staged, and the liver disease itself said to have been operated on in the past.
Each case is a pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.algorithm.asked import named_treatments
from rag.algorithm.inputs import extract_inputs
from rag.algorithm.tree import load_tree
from rag.core.courtesy import without_pleasantries
from rag.glossary.questions import parse_glossary_terms


@pytest.mark.parametrize("question, terms", [
    # learners and speech put the intensifier after the verb
    ("IFNa - what is exactly this?", ("IFNa",)),
    ("what is exactly TACE?", ("TACE",)),
    ("what are actually PVE and PVL", ("PVE", "PVL")),
])
def test_an_intensifier_after_what_is_asks_nothing_more(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("text, question", [
    ("What are the options for him? Thank you, you've no idea how much this helps", "What are the options for him?"),
    ("Is surgery possible? Thanks so much, it means a lot to us.", "Is surgery possible?"),
    ("Is surgery possible? I really appreciate it, we are lost.", "Is surgery possible?"),
    # a question after the thanks is still asked
    ("Is surgery possible? Thanks, and what about TAE?", "Is surgery possible? Thanks, and what about TAE?"),
])
def test_a_closing_sentence_of_thanks_is_not_the_question(text, question):
    assert without_pleasantries(text) == question


def test_an_object_may_stand_before_again():
    tree = load_tree()
    assert named_treatments("would they be able to operate on him again?", tree) == ["repeat-resection"]
    assert named_treatments("could they go in on her again", tree) == ["repeat-resection"]
    assert named_treatments("would they be able to operate?", tree) == ["resection"]


@pytest.mark.parametrize("text, liver", [
    ("The surgeon said it can be removed but not all at once because the liver left would be too small.", "staged"),
    ("resectable, though not in a single operation", "staged"),
    ("they can take it all out at once", "resectable"),
])
def test_removable_only_not_at_once_is_staged(text, liver):
    assert extract_inputs(text).liver == liver


@pytest.mark.parametrize("text, recurrence", [
    ("midgut NET G1, liver metastases operated 3 years ago, now 2 new lesions in liver", True),
    ("hepatic mets resected in 2019, new lesions on the scan", True),
    ("liver metastases, to be resected next month", None),
])
def test_liver_disease_operated_in_the_past_is_a_recurrence(text, recurrence):
    assert extract_inputs(text).recurrence is recurrence


def test_a_second_question_joined_by_and_ends_the_class_asked_for():
    from rag.answer.cues import instance_class

    assert instance_class("In figure 1, what are the three distribution types and how are they defined?") == "distribution types"
    assert instance_class("what are the distribution types, and which one is commonest?") == "distribution types"



def test_an_abbreviation_of_the_reviews_own_topic_names_no_other_work():
    import re

    from rag.core.text import stem
    from rag.retrieval.works import names_other_work

    title = "Currently available treatment options for neuroendocrine liver metastases surgery ablation embolization"
    own_topic = frozenset(stem(w.lower()) for w in re.findall(r"[A-Za-z]+", title))
    own_names = frozenset({"machairas", "ann", "gastroenterol", "gastroenterology"})
    asked = "first author, journal and year of the NET liver mets treatment review?"
    assert not names_other_work(asked, own_names, own_topic)
    assert names_other_work("when was the ENETS guideline update published?", own_names, own_topic)


@pytest.mark.parametrize("question, leans", [
    ("There is a reference from the group of de Herder on NEN. In which journal and year is it?", True),
    ("A paper by Pape on prognosis. Which journal was it?", True),
    ("I read a paper by Pape on prognosis. Which journal published the review?", False),
])
def test_a_record_field_asked_of_a_pronoun_points_back_at_the_work_told(question, leans):
    from rag.routing.context import leans_on_statement

    assert leans_on_statement(question.split(". ", 1)[1]) is leans


def test_the_whole_record_or_a_work_named_alone_is_answered_by_its_entry():
    from rag.answer.constraints import _FULL_ENTRY, _WORK_ALONE

    assert _FULL_ENTRY.search("ref on US NET incidence/prevalence trends - full cite?")
    assert _WORK_ALONE.match("ref on US NET incidence/prevalence trends?")
    assert not _WORK_ALONE.match("what did the paper on US NET incidence find?")


@pytest.mark.parametrize("question, number", [
    ("What is the minimal future liver remnant the authors require before a major hepatectomy?", True),
    ("is the approach minimally invasive?", False),
])
def test_a_minimal_or_maximal_amount_asks_a_figure(question, number):
    from rag.answer.cues import asks_for_number

    assert asks_for_number(question) is number


@pytest.mark.parametrize("question, terms", [
    ("What is mean TACE?", ("TACE",)),
    ("what does mean PVL", ("PVL",)),
    ("Which abbreviation is used in the review for portal vein embolization?", ("portal vein embolization",)),
])
def test_learner_and_located_frames_ask_the_term(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("phrase, short", [
    ("embolisation of the portal vein", "PVE"),
    ("ligation of the portal vein", "PVL"),
])
def test_a_noun_with_an_of_phrase_names_what_the_compound_names(glossary, phrase, short):
    assert [e.short for e in glossary.lookup(phrase).matches][:1] == [short]


@pytest.mark.parametrize("text, named", [
    ("how big a job it would be", set()),
    ("is it a major job?", set()),
    ("can he keep his job?", {"employment"}),
])
def test_a_job_as_a_task_is_no_employment(text, named):
    from rag.answer.circumstances import named_circumstances

    assert named_circumstances(text) == named


@pytest.mark.parametrize("question", [
    "is this an actual study w/ patients or more of a review article?",
    "Is this article a study where they treated patients themselves or more of a summary of what's out there?",
])
def test_a_study_set_against_a_review_asks_the_article_type(question):
    from rag.answer.record_cues import citation_parts_for

    assert "type" in citation_parts_for(question)


@pytest.mark.parametrize("question, terms", [
    ("what's the short form they use in the chart for interferon alpha?", ("interferon alpha",)),
    # the slot ends with its question; a told sentence after it is no part of the term
    ("what's the abbreviation for interferon alpha? I want to recognise it on my letters", ("interferon alpha",)),
    ("the letter from the hospital says SA for my wife, what is SA meant to be", ("SA",)),
    ("SI-NEN?? is that the small bowel one or something else", ("SI-NEN",)),
])
def test_where_it_is_used_meant_to_be_and_which_one_it_is_ask_the_term(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_the_journal_abbreviation_is_a_field_of_the_record_not_a_glossary_term(glossary):
    question = "Need the full citation for the Machairas NELM review: journal abbreviation, volume(issue) and page range please."
    assert parse_glossary_terms(question, glossary) == ()


def test_a_noun_with_an_of_phrase_keeps_its_own_modifiers_first(glossary):
    assert [e.short for e in glossary.lookup("orthotopic transplant of liver").matches][:1] == ["OLT"]


@pytest.mark.parametrize("question", [
    "Please provide the full bibliographic reference, including DOI, for the review.",
    "This paper is original research or a review article? And who is the first author of it?",
])
def test_the_full_bibliographic_reference_and_a_type_in_statement_order_ask_the_record(question):
    from rag.answer.record_cues import citation_parts_for

    parts = citation_parts_for(question)
    assert parts == set() or "type" in parts


@pytest.mark.parametrize("context, question, told", [
    ("In the reference list there is one paper about the trends in the USA.", "Who is the first author and which journal?", True),
    ("I read the review on NELM.", "Who is the first author?", False),
    ("There is a paper on prognosis.", "Is surgery the treatment of choice?", False),
])
def test_record_fields_asked_after_a_work_is_introduced_are_that_works(context, question, told):
    from rag.routing.context import asks_of_work_told

    assert asks_of_work_told(question, context) is told


@pytest.mark.parametrize("text, refractory", [
    ("my flushing and runs dont get better even on the monthly shots", True),
    ("diarrhoea is not getting better with octreotide", True),
    ("flushing got better on lanreotide", None),
])
def test_symptoms_not_getting_better_on_treatment_are_refractory(text, refractory):
    assert extract_inputs(text).refractory_symptoms is refractory


def test_subject_terms_are_the_keywords():
    from rag.retrieval.structure import SECTION_CUES

    keywords = dict(SECTION_CUES)["keywords"]
    assert keywords.search("Which subject terms did the authors attach to the article?")
    assert keywords.search("what subject headings is it filed under")


@pytest.mark.parametrize("question, number", [
    ("How much weight do the authors give liver-targeted therapy in the overall care of NEN patients?", False),
    ("how much does TACE cost?", True),
])
def test_the_weight_given_to_a_treatment_asks_its_importance_not_a_figure(question, number):
    from rag.answer.cues import asks_for_number

    assert asks_for_number(question) is number
