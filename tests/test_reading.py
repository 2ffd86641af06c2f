"""A question is read as meant: without the greeting and thanks around it, and with its typos
written as the words they were meant to be, before it is routed; the turn keeps what was typed."""

from __future__ import annotations

import pytest

from rag.core.courtesy import unshouted, without_pleasantries
from rag.routing.context import named_from_context, split_context
from rag.retrieval.spelling import Speller


@pytest.mark.parametrize("typed, read", [
    ("hi, and TAE?", "and TAE?"),
    ("Why? thanks", "Why?"),
    ("Good morning doctor - is a liver transplant an option?", "is a liver transplant an option?"),
    ("Hello there, quick question: what is TACE? Many thanks in advance!", "what is TACE?"),
    ("Thank you for the answer. What about PVE?", "What about PVE?"),
    ("thanks!", "thanks!"),  # nothing but manners: left for the router to judge
    ("the transplant thanks to surgery?", "the transplant thanks to surgery?"),
    ("hit me with the facts", "hit me with the facts"),
    ("can you tell me which targeted agents exactly?", "which targeted agents exactly?"),  # a request frame
    ("I'd like to know what TACE stands for", "what TACE stands for"),
    ("do you know if TACE is safe?", "TACE is safe?"),
    ("quick question: and TAE?", "and TAE?"),
    ("please, why?", "why?"),
    ("can you tell me about TACE", "can you tell me about TACE"),  # no question inside: left whole
    ("please", "please"),
])
def test_greetings_and_thanks_around_a_question_are_not_part_of_it(typed, read):
    assert without_pleasantries(typed) == read


@pytest.fixture(scope="module")
def speller():
    return Speller(["Liver transplantation is restricted; ALPPS, associating liver partition and portal vein "
                    "ligation for staged hepatectomy; panNEN, pancreatic neuroendocrine neoplasm. Resectable."],
                   terms=["panNEN", "ALPPS", "SIRT"])


@pytest.mark.parametrize("typed, read", [
    ("is repeat heptaectomy safe?", "is repeat hepatectomy safe?"),  # the review's own word
    ("Who is the first author of referecne 1?", "Who is the first author of reference 1?"),  # English
    ("Where was the review publisehd?", "Where was the review published?"),
    ("ALPPS procedure meainng", "ALPPS procedure meaning"),
])
def test_a_typo_is_read_as_the_word_meant(speller, typed, read):
    assert speller.read(typed) == read


@pytest.mark.parametrize("typed", [
    "what does pannen stand for",  # a glossary term in lower case is not a typo
    "what is sirt",
    "is resectable disease curable",  # words the review or English knows stay
    "What did Frilling find?",  # a name is matched only to the review's own words
    "lanreotide dose",  # no common word one edit away
])
def test_words_the_review_the_glossary_or_english_know_are_left_alone(speller, typed):
    assert speller.read(typed) == typed


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "hi, which molecular targeted agents does the review name?",
    "What are the Milan criteria for liver transplantation in neuroendocrine liver metastases? thanks",
])
def test_manners_do_not_turn_a_declined_question_into_an_answer(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
def test_manners_do_not_hide_a_follow_up(pipeline):
    answer = pipeline.ask("hi, and TAE?", history=["What does TACE stand for?"])
    assert answer.route == "glossary" and "transarterial embolization" in answer.answer


@pytest.mark.model
def test_a_typo_in_a_framing_word_reaches_the_unit_it_names(pipeline):
    answer = pipeline.ask("Who is the first author of referecne 1?")
    assert not answer.abstained and "Modlin IM" in answer.answer
    assert answer.question == "Who is the first author of referecne 1?"  # the turn keeps what was typed


@pytest.mark.parametrize("text, question, context", [
    ("my mum has a NET. In which journal was the review published?",
     "In which journal was the review published?", "my mum has a NET."),
    ("54 year old with G2 pNET and unresectable liver mets. What should we do?",
     "What should we do?", "54 year old with G2 pNET and unresectable liver mets."),
    ("What is TACE?", "What is TACE?", ""),
    ("Dr. Smith said ALPPS. What is ALPPS?", "What is ALPPS?", "Dr. Smith said ALPPS."),
    # a period that closes an abbreviation ends no sentence
    ("Hofland et al. year and volume?", "Hofland et al. year and volume?", ""),
    ("Surgeons e.g. in Athens do it. Who wrote the review?", "Who wrote the review?",
     "Surgeons e.g. in Athens do it."),
    ("I am worried. my husband has NET in the liver, is surgery the best option",  # nothing is asked apart
     "I am worried. my husband has NET in the liver, is surgery the best option", ""),
])
def test_statements_told_before_a_question_are_its_context(text, question, context):
    assert split_context(text) == (question, context)


@pytest.mark.parametrize("text, question, context", [
    # a sentence after the question that speaks of the asker or the patient is an aside, neither searched nor weighed
    ("2 stage hepatectomy for NELM - is it considered safe nowadays? revising for surg exams",
     "2 stage hepatectomy for NELM - is it considered safe nowadays?", ""),
    ("is an operation really the best option? Sorry, I'm just very worried about my wife",
     "is an operation really the best option?", ""),
    ("My mum has a NET. Is surgery possible? She is 70.", "Is surgery possible?", "My mum has a NET."),
    ("received and accepted dates? I only see the epub date", "received and accepted dates?", ""),
    # a fragment that goes on with the question is no aside
    ("What is the treatment of choice? For resectable NELM.", "What is the treatment of choice? For resectable NELM.", ""),
])
def test_an_aside_after_the_question_is_set_apart(text, question, context):
    assert split_context(text) == (question, context)


@pytest.mark.parametrize("text, question", [
    # who is asking, said first, is no part of the question
    ("GP here - what is the treatment of choice for resectable NELM?", "what is the treatment of choice for resectable NELM?"),
    ("NET CNS here: is transplant restricted?", "is transplant restricted?"),
    ("Transplant surgeon. What is the review's position on OLT?", "What is the review's position on OLT?"),
    ("I'm a medical translator - what plan must it sit inside?", "what plan must it sit inside?"),
    ("GP: where do liver-directed therapies sit?", "where do liver-directed therapies sit?"),
    ("what happens here - is it surgery?", "what happens here - is it surgery?"),  # a question, not a role
])
def test_a_self_introduction_before_the_question_is_set_apart(text, question):
    assert without_pleasantries(text) == question


@pytest.mark.parametrize("text, question", [
    ("True or false: liver transplantation is a first-line option for most patients with NELM.",
     "is it true that liver transplantation is a first-line option for most patients with NELM?"),
    ("Which is the treatment of choice for resectable NELM? A) PRRT B) liver surgery C) TACE",
     "Which is the treatment of choice for resectable NELM?"),
])
def test_an_exam_item_is_read_as_its_stem(text, question):
    assert without_pleasantries(text) == question


@pytest.mark.parametrize("text, question", [
    ("Dear Sir, I should be most grateful to learn what the preferred treatment is. Yours faithfully, R. Whitfield",
     "what the preferred treatment is?"),
    ("What is TACE? Kind regards, Anna", "What is TACE?"),
    ("What are the options for him? Thank you, you've no idea how much this helps", "What are the options for him?"),
    ("Is surgery possible? Thanks so much, it means a lot to us.", "Is surgery possible?"),
    ("Is surgery possible? Thanks, and what about TAE?", "Is surgery possible? Thanks, and what about TAE?"),
])
def test_a_letter_s_greeting_request_and_sign_off_are_not_the_question(text, question):
    assert without_pleasantries(text) == question


@pytest.mark.parametrize("text, question", [
    # a question that only asks whether the statement before it holds asks about that statement
    ("my surgeon said whether she can operate depends on how much liver is affected. is that what the experts say too",
     "whether she can operate depends on how much liver is affected. is that what the experts say too"),
    ("The nurse told us that the liver is the usual place. Is this true?", "the liver is the usual place. Is this true?"),
])
def test_a_statement_asked_about_is_the_question(text, question):
    assert split_context(text) == (question, "")


def test_a_statement_followed_by_its_own_question_stays_context():
    assert split_context("My mum has a NET. Is surgery possible?") == ("Is surgery possible?", "My mum has a NET.")


def test_contractions_typed_with_or_without_the_apostrophe_are_function_words():
    from rag.core.text import STOP_WORDS, tokens

    assert {"isnt", "theyve", "dont"} <= STOP_WORDS
    assert set(tokens("isn't it done?")) - STOP_WORDS == {"done"}


@pytest.mark.model
@pytest.mark.parametrize("question, expected", [
    ("My mum has a NET. In which journal was the review published?", "Ann Gastroenterol"),
    ("My mum has a NET. Who wrote the review?", "Nikolaos Machairas"),
])
def test_a_story_told_first_does_not_turn_a_question_about_the_review_into_one_about_another_work(
        pipeline, question, expected):
    answer = pipeline.ask(question)
    assert not answer.abstained and expected in answer.answer and "[citation]" in answer.answer


@pytest.mark.parametrize("typed, read", [
    ("IS SURGERY THE BEST TREATMENT FOR NELM?", "is surgery the best treatment for NELM?"),
    ("WHAT DOES TACE STAND FOR?", "what does TACE stand for?"),
    ("What does TACE mean?", "What does TACE mean?"),  # ordinary case is left as typed
    ("TACE?", "TACE?"),  # too short to tell shouting from an abbreviation
])
def test_a_question_typed_in_capitals_is_read_in_ordinary_case_but_for_its_terms(typed, read):
    assert unshouted(typed, frozenset({"TACE", "NELM"})) == read


@pytest.mark.model
def test_a_shouted_question_is_answered_like_a_typed_one(pipeline):
    answer = pipeline.ask("ON WHICH PAGES DOES THE ARTICLE APPEAR?")
    assert not answer.abstained and "130-141" in answer.answer


def test_no_answering_a_question_is_not_taken_for_an_abbreviation():
    """"No." closes a sentence: only abbreviations whose period never ends one are read through."""
    assert split_context("They said it is not resectable. No. What about TACE?") == (
        "What about TACE?", "They said it is not resectable. No.")


@pytest.mark.parametrize("question, told, read", [
    ("Which are listed in that figure?", "I saw it in the figure 2 legend.", "Which are listed in figure 2?"),
    ("Which are listed in that figure?", "Figure 1 and figure 2 both mention it.", "Which are listed in that figure?"),
    ("who wrote that reference?", "The caption cites ref 13.", "who wrote reference 13?"),
])
def test_that_figure_is_the_one_the_statement_before_it_numbered(question, told, read):
    assert named_from_context(question, told) == read
