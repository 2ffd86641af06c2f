"""Naming the review as the source ("according to the authors, ...") and typing a question with a
full stop are ways people reword a question; neither may change what it is answered with."""

from __future__ import annotations

import pytest

from rag.core.courtesy import without_pleasantries


@pytest.mark.parametrize("typed, read", [
    pytest.param("According to the authors, what has made complex liver resections safe to perform?",
                 "what has made complex liver resections safe to perform?", id="authors-first"),
    pytest.param("According to this paper, is a liver transplant in the decision chart?",
                 "is a liver transplant in the decision chart?", id="this-paper-first"),
    pytest.param("Per the review: which treatment is called RE?", "which treatment is called RE?",
                 id="per-the-review-colon"),
    pytest.param("Where do locoregional therapies fit relative to hepatectomy, according to the review?",
                 "Where do locoregional therapies fit relative to hepatectomy?", id="review-last"),
    pytest.param("What, according to the authors, is the treatment of choice?",
                 "What is the treatment of choice?", id="authors-in-the-middle"),
    pytest.param("hi, according to the review, what is TACE? thanks", "what is TACE?", id="with-manners"),
    pytest.param("whats the first line mgmt for operable NELM according to the authors",
                 "whats the first line mgmt for operable NELM", id="authors-last-without-a-comma"),
])
def test_the_review_named_as_the_source_is_not_part_of_the_question(typed, read):
    assert without_pleasantries(typed) == read


@pytest.mark.parametrize("typed", [
    pytest.param("According to reference 4, what is the incidence of NEN?", id="another-work"),
    pytest.param("According to Dasari et al., how common are NENs?", id="a-cited-author"),
    pytest.param("Who are the authors of the review?", id="the-authors-asked-for"),
])
def test_another_work_named_as_the_source_stays(typed):
    assert without_pleasantries(typed) == typed


@pytest.mark.parametrize("typed, read", [
    pytest.param("can they resect again safely? quick answer pls, pt waiting", "can they resect again safely?", id="haste"),
    pytest.param("what is PVE? asap", "what is PVE?", id="asap"),
    pytest.param("Is it urgent?", "Is it urgent?", id="urgency-asked-stays"),
])
def test_haste_after_the_question_asks_nothing(typed, read):
    assert without_pleasantries(typed) == read


@pytest.mark.parametrize("typed, read", [
    pytest.param("What does the review discuss.", "What does the review discuss?", id="wh-with-full-stop"),
    pytest.param("I need to know what the aim of this review is.", "what the aim of this review is?",
                 id="request-with-full-stop"),
])
def test_a_question_typed_with_a_full_stop_is_read_as_a_question(typed, read):
    assert without_pleasantries(typed) == read


def test_a_statement_keeps_its_full_stop():
    assert without_pleasantries("My mother has a NET in her liver.") == "My mother has a NET in her liver."


@pytest.mark.model
@pytest.mark.parametrize("question, unit", [
    pytest.param("According to the authors, what has made complex 1- and 2-stage liver resections safe to perform?",
                 "abstract-s4", id="authors-first"),
    pytest.param("What does the review discuss, according to the review?", "abstract-s8", id="review-last"),
    pytest.param("I need to know what does the review discuss.", "abstract-s8", id="full-stop"),
])
def test_a_reworded_question_is_answered_from_the_same_passage(pipeline, question, unit):
    answer = pipeline.ask(question)
    assert not answer.abstained
    assert unit in {c.unit_id for c in answer.citations}


@pytest.mark.model
@pytest.mark.parametrize("question, unit", [
    pytest.param("Is OLT widely recommended for neuroendocrine liver metastases?", "abstract-s5", id="olt"),
])
def test_another_name_for_the_same_thing_is_answered_from_the_same_passage(pipeline, question, unit):
    answer = pipeline.ask(question)
    assert not answer.abstained
    assert unit in {c.unit_id for c in answer.citations}
