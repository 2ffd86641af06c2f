"""Whom a question is put to, and with which kind of verb (rag/routing/addressee.py).

Specification: a question that asks what the review's text or its figure *holds* (mention, list,
cover, the authors' view) is a text question whoever it is about; one that asks the review to
*decide* (recommend, manage, approach) is a decision; a question that names neither is put to
nobody in particular.
"""

from __future__ import annotations

import pytest

from rag.routing.addressee import Addressee, addressee


@pytest.mark.parametrize("question, source, verb", [
    pytest.param("Does the review mention ALPPS?", "review", "text", id="mention"),
    pytest.param("did this paper say anything about staged resections?", "review", "text", id="say-anything"),
    pytest.param("does the review list transplant for my dad's case?", "review", "text", id="list-with-a-patient"),
    pytest.param("is that the authors' view?", "review", "text", id="the-authors-view"),
    pytest.param("does the decision tree in figure 2 cover grade 3?", "figure", "text", id="figure-covers"),
    pytest.param("how does the review manage a G1 recurrence, still resectable?", "review", "decision", id="manage"),
    pytest.param("what does the article recommend for unresectable NELM?", "review", "decision", id="recommend"),
    pytest.param("what does the review say about PRRT?", "review", "", id="put-to-the-review-verb-open"),
    # a claim it is asked whether it makes, whoever the asker has in mind; a recommendation for someone is a decision
    pytest.param("our patient flushes despite injections. Does the review suggest liver surgery can help the symptoms?",
                 "review", "text", id="suggest-a-claim"),
    pytest.param("does the review recommend surgery for her?", "review", "decision", id="recommend-for-someone"),
    pytest.param("what treatment for a G2 pNET with unresectable liver mets?", "", "", id="nobody"),
])
def test_the_source_asked_and_the_kind_of_verb(question, source, verb):
    asked = addressee(question)
    assert (asked.source, asked.verb) == (source, verb)


@pytest.mark.parametrize("question, listed", [
    ("in the algorithm, what procedures are listed?", True),
    ("does the figure show PVE?", True),
    ("which procedures help a patient with liver mets?", False),
])
def test_what_is_listed_or_shown_is_asked_of_whatever_shows_it(question, listed):
    assert addressee(question).listed is listed


@pytest.mark.parametrize("question, named", [
    ("In this review, what is it that determines whether an operation is possible?", True),
    ("according to them, what decides?", True),
    ("what decides?", False),
])
def test_the_review_is_named_anywhere_in_the_question(question, named):
    assert addressee(question).named is named


def test_an_addressee_is_plain_frozen_data():
    with pytest.raises(AttributeError):
        Addressee().source = "review"  # type: ignore[misc]
