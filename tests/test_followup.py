"""Follow-up detection and deterministic rewriting."""

from __future__ import annotations

import pytest

from rag.routing.followup import is_followup, rewrite

PREVIOUS = "What is the treatment of choice for resectable NELM?"


@pytest.mark.parametrize("question, expected", [
    ("and for pancreatic primaries?", True),
    ("What about transplantation?", True),
    ("Is it safe?", True),
    ("And the second one?", True),
    ("For pancreatic primaries?", True),
    ("Why?", True),
    ("What are the alternatives?", True),
    ("What are the alternatives to liver surgery?", False),
    ("What is the DOI of the review?", False),
    ("In which journal was the review published?", False),
    ("What does the review say about liver transplantation for NELM?", False),
], ids=lambda v: v if isinstance(v, str) else None)
def test_follow_ups_are_recognised(question, expected):
    assert is_followup(question) is expected


def test_a_follow_up_is_joined_with_the_last_self_contained_question():
    result = rewrite("and what about transplantation?", [PREVIOUS, "and is it safe?"])
    assert result.is_followup and result.previous == PREVIOUS
    assert result.question == f"and what about transplantation? {PREVIOUS}"


@pytest.mark.parametrize("history", [None, []], ids=["none", "empty"])
def test_without_history_nothing_is_rewritten(history):
    assert rewrite("and for pancreatic primaries?", history).question == "and for pancreatic primaries?"


def test_a_new_self_contained_question_does_not_drag_the_old_topic_along():
    result = rewrite("Who is the first author of the review?", [PREVIOUS])
    assert not result.is_followup and result.question == "Who is the first author of the review?"


@pytest.mark.parametrize("question, anchor, expected", [
    ("What about the second one?", "Who is the first author of reference 1?", "Who is the first author of reference 2?"),
    ("And the next one?", "What does Figure 1 show?", "What does Figure 2 show?"),
    ("and the 3rd one?", "What is reference 5 about?", "What is reference 3 about?"),
], ids=["second", "next", "3rd"])
def test_an_ordinal_one_re_points_the_numbered_item(question, anchor, expected):
    assert rewrite(question, [anchor]).question == expected
