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
