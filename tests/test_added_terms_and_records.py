"""Terms added in a follow-up ("and PVL? ALPPS too pls"), guesses checked against the review ("I assume that's
orthotopic liver transplantation, can you confirm from the review?"), the asker's own reference collection, a
figure asked for as such ("does it give a number for OS?"), and "written" as an adjective. Each case is a pattern
of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.answer.cues import asks_for_number, instance_class
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.structure import structural_units


@pytest.mark.parametrize("question, term", [
    ("and PVL? ALPPS too pls", "PVL and ALPPS"),  # a sentence of its own adds a term
    ("and RE? also SA", "RE and SA"),
    ("And TAE - how does its expansion differ?", "TAE"),  # a clause only setting it beside the earlier term
    ("and TAE - is it safe?", "TAE - is it safe"),  # a clause asking something else stays
])
def test_a_follow_up_names_its_terms(question, term):
    from rag.routing.term_followup import followup_term

    assert followup_term(question) == term


@pytest.mark.model
@pytest.mark.parametrize("history, question, terms", [
    # the term of the turn just before, though an earlier turn anchors the conversation
    (["what's the tx algorithm figure about?", "ok what does TAE mean in it"], "and RE?", ("RE",)),
    (["What does PVE mean in Figure 2?"], "and PVL? ALPPS too pls", ("PVL", "ALPPS")),
    (["What does TACE stand for?"], "And TAE - how does its expansion differ?", ("TAE", "TACE")),
])
def test_glossary_follow_ups(pipeline, history, question, terms):
    answer = pipeline.ask(question, history)
    assert answer.route == "glossary"
    assert all(f"**{t}**" in answer.answer for t in terms)


@pytest.mark.parametrize("question, terms", [
    # a guess swallows no later sentence: "And IFNa?" asks another term
    pytest.param("In the Figure 2 legend, is 'SA' somatostatin analogues or something else? And IFNa?", ("SA", "IFNa"),
                 id="guess-then-another-term"),
    # a guess after the term, pointing back at the statement's only short form
    pytest.param("Someone wrote OLT in the eligibility section of our draft - I assume that's orthotopic liver "
                 "transplantation, can you confirm from the review?", ("OLT",), id="guess-after-the-term"),
    pytest.param("she had TACE - it is safe", (), id="a-statement-is-no-guess"),
    # what kind of thing it is, or whether it is spelt so, asks no more than the definition
    pytest.param("whats OLT?? is it like a transplant thing", ("OLT",), id="like-a-thing"),
    pytest.param("the paper of my aunt say PPRT, what is this letters? is spelled like that", ("PPRT",), id="spelled-so"),
])
def test_guesses_and_identity_tails(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, units", [
    ("need vol/issue/pages for the machairas review for our ref binder", ["citation"]),  # the asker's own collection
    ("What do the authors say they set out to cover in this review?", ["abstract-s8"]),
    # "written" before a noun is an adjective and asks nothing of the record
    ("For the written exam: according to Machairas et al., what constitutes the treatment of choice?", []),
    ("who was it written by?", ["citation"]),
])
def test_record_and_aim_cues(article, question, units):
    assert [u.split(":")[-1] for u in structural_units(question, [article])] == units


@pytest.mark.parametrize("question, asks", [
    ("does the machairas review give a number for OS post hepatectomy?", True),
    ("any stats on survival after resection?", True),
    ("is it true that in NEN the liver is the number one organ for far away spread?", False),
    ("what's the aog doi suffix of the review (the number after aog.2021)", False),
    ("a number of studies looked at this - which are cited?", False),
])
def test_a_figure_asked_for_as_such(question, asks):
    assert asks_for_number(question) is asks


@pytest.mark.parametrize("question, cls", [
    ("so figure 1 is about 'types of distribution'... what ARE the types? like what does the picture actually show",
     "types"),
    # an aside between dashes, as between brackets
    ("Which transplant selection criteria - Milan or otherwise - do the authors specify for NELM candidates?",
     "transplant selection criteria"),
])
def test_the_members_of_a_class_asked_for(question, cls):
    assert instance_class(question) == cls


def test_a_surgeons_review_is_no_question_about_the_text():
    from rag.routing.router import _continues_case

    assert _continues_case("What if surgical review says the remnant would be too small - does that exclude him?")
    assert not _continues_case("what if the review says otherwise?")


@pytest.mark.model
def test_a_source_asked_about_a_topic_is_answered_by_its_entry(pipeline):
    answer = pipeline.ask("is there a source in it about how common these tumors are in the US? i need a stat source")
    assert not answer.abstained and answer.citations[0].unit_id.split(":")[-1] == "reference-4"


@pytest.mark.parametrize("typed, read", [
    ("True or false, with justification: surgery is the treatment of choice.",
     "is it true that surgery is the treatment of choice?"),
])
def test_an_exam_item_asking_for_a_justification(typed, read):
    from rag.core.courtesy import without_pleasantries

    assert without_pleasantries(typed) == read


@pytest.mark.parametrize("question, terms", [
    # asking whether the review uses the term asks no more than the glossary says
    pytest.param("what does MEN1 stand for? is it in this review anywhere, my lecturer mentioned it with pancreatic NETs",
                 ("MEN1",), id="is-it-in-the-review"),
    pytest.param("tace vs tae - whats the extra letter", ("tace", "tae"), id="the-extra-letter"),
    # a quoted phrase closing the statement is the nearest antecedent of "it"
    pytest.param("my letter says 'TACE' - what does that mean?", ("TACE",), id="a-quoted-term"),
])
def test_more_abbreviation_frames(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_quoted_phrase_is_what_it_points_at():
    from rag.glossary.pointers import _QUOTED_LAST

    assert _QUOTED_LAST.search("for panNEN the figure says 'molecular targeted agents' -")


@pytest.mark.parametrize("question, units", [
    ("what search terms / tags is the paper filed under?", ["keywords"]),
    ("When did the review first come out online?", ["citation"]),
])
def test_more_record_cues(article, question, units):
    assert [u.split(":")[-1] for u in structural_units(question, [article])] == units


def test_an_instruction_opening_the_question_is_no_finding_asked():
    from rag.answer.record_cues import asks_what_a_work_found

    assert not asks_what_a_work_found("Identify the cited source addressing prognostic factors, with first author")
    assert asks_what_a_work_found("What did the Pape study identify as prognostic factors?")


@pytest.mark.model
@pytest.mark.parametrize("history, question, unit", [
    (["what does figure 1 show?"], "which reference is that classification taken from?", "figure-1"),
    ([], "When did the review first come out online? A member says it's from 2020 but I thought it was newer.",
     "citation"),  # a year beside this review named as such is a year given for it, not a cited work's
])
def test_pointers_and_years(pipeline, history, question, unit):
    answer = pipeline.ask(question, history)
    assert not answer.abstained and answer.citations[0].unit_id.split(":")[-1] == unit


def test_a_case_checked_against_the_published_pathway_is_a_case():
    from rag.routing.treatment import is_treatment_question

    assert is_treatment_question("58F, well-differentiated G2 pancreatic NEN, unresectable bilobar liver metastases, no "
                                 "extrahepatic disease. Please confirm whether management aligns with the published pathway.")
    assert is_treatment_question("poorly differentiated NEC G3 w/ liver mets, liver-only. does the pathway cover him?")


@pytest.mark.parametrize("question, terms", [
    pytest.param("I assume 'OLT' in the figure means 'open liver transplant' - is that correct?", ("OLT",), id="dash-correct"),
    pytest.param("I take OLT to denote 'orthotopic liver transplantation' - is that the expansion used here?", ("OLT",),
                 id="i-take-x-to-denote"),
    pytest.param("Could you clarify what the term SI-NEN denotes as used in the treatment algorithm?", ("SI-NEN",),
                 id="what-x-denotes"),
])
def test_guesses_and_denotations(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, units", [
    ("For referencing in a policy brief, what persistent digital identifier has been assigned to this article?",
     ["citation"]),
    ("What exactly does the review say it sets out to discuss? I'd like the stated aim, not a summary.", ["abstract-s8"]),
])
def test_identifier_and_aim_in_other_words(article, question, units):
    assert [u.split(":")[-1] for u in structural_units(question, [article])] == units


def test_the_askers_purpose_names_no_circumstance():
    from rag.answer.circumstances import named_circumstances
    from rag.retrieval.record_words import ASKERS_PURPOSE

    question = "Which journal was this published in? I need it for a letter to the insurer."
    assert named_circumstances(question)  # "insurer" names money
    assert not named_circumstances(ASKERS_PURPOSE.sub(" ", question))  # but only as whom the letter is for


def test_a_wh_question_closing_on_it_leans_on_the_statement_before():
    from rag.routing.context import leans_on_statement

    assert leans_on_statement("Which reference number is it?")
    assert not leans_on_statement("Which reference is about incidence?")


def test_a_liver_operation_some_years_back_and_going_in_again():
    from rag.algorithm.inputs import extract_inputs
    from rag.routing.treatment import is_treatment_question

    case = "Had part of my liver taken out three years back. Now new spots. Only in the liver. Grade 1. Can they go in again."
    assert extract_inputs(case).recurrence is True
    assert is_treatment_question(case)


@pytest.mark.parametrize("question, terms", [
    # the last sentence that asks may close on a bare term, though told sentences follow
    pytest.param("IFNa ?? it is on her treatment paper", ("IFNa",), id="told-after-a-bare-term"),
    # a yes/no guess at the expansion of the term another sentence asks to define asks no more
    pytest.param("is RE here radiofrequency something? or what is RE in the figure, she is confused", ("RE",),
                 id="guess-beside-a-definition"),
    pytest.param("what is TACE? is TACE safe?", (), id="a-second-question-asks-more"),
    # a sentence of its own adds a term
    pytest.param("what is PVL? ALPPS too", ("PVL", "ALPPS"), id="added-term"),
])
def test_several_sentences_about_terms(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms
