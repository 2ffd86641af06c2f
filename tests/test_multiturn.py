"""A treatment case told over several turns, and follow-ups after the algorithm's answer.

Specification: the case a conversation has told (rag/routing/treatment.py `case_told`) is the
anchor of a short follow-up; a turn that adds or changes one feature is that case with the
feature changed, turn by turn (rag/algorithm/inputs.py `extract_case`); a question about the
review's text after the algorithm's answer goes to retrieval, pointing at what was recommended
(rag/routing/referents.py). The glossary is the review's own; no model is loaded.
"""

from __future__ import annotations

import pytest

from rag.algorithm.inputs import extract_case
from rag.core.types import Answer
from rag.routing.followup import is_followup
from rag.routing.referents import FollowupResolver
from rag.routing.router import route
from rag.routing.treatment import case_told

LIMIT = 2000


def _case(history, question, glossary):
    """The route and the inputs the algorithm would run on, as the pipeline merges them."""
    from rag.algorithm.inputs import extract_inputs

    turn = route(question, history, glossary, LIMIT)
    inputs = extract_inputs(turn.own_words)
    if turn.previous_treatment:
        inputs = extract_case(turn.case_turns or (turn.previous_treatment,)).merged(inputs)
    return turn.route, inputs


STATED = ["62M, G2 ileal NET, liver mets in both lobes, no EHD."]


@pytest.mark.parametrize("question", [
    pytest.param("What next?", id="what-next"),
    pytest.param("and now?", id="and-now"),
    pytest.param("What would you suggest next?", id="suggest"),
    pytest.param("what happens now?", id="what-happens"),
    pytest.param("Is there anything they can do?", id="anything-they-can-do"),
])
def test_a_case_stated_without_a_question_is_the_anchor_of_the_next_step_asked(glossary, question):
    where, inputs = _case(STATED, question, glossary)
    assert where == "algorithm"
    assert (inputs.grade, inputs.primary, inputs.extrahepatic) == ("G2", "small-intestine", "none")


def test_a_turn_that_names_no_grade_site_or_age_continues_the_case(glossary):
    where, inputs = _case(["54F, G2 SI-NET, liver-only disease, 5 mets in the right lobe, no EHD."],
                          "The surgeons say they can get it all out. Plan?", glossary)
    assert where == "algorithm" and (inputs.grade, inputs.liver) == ("G2", "resectable")


def test_a_new_case_stated_in_full_replaces_the_earlier_one(glossary):
    where, inputs = _case(["Mrs B, 63, G1 small bowel NET, resectable liver mets, no extrahepatic disease. Plan?"],
                          "Different patient now: 45M, G2 pNET, liver mets and bone mets. Plan?", glossary)
    assert where == "algorithm"
    assert (inputs.grade, inputs.primary, inputs.liver, inputs.age) == ("G2", "pancreas", None, 45)


@pytest.mark.parametrize("history, expected", [
    pytest.param(["I'm 49 and I had a carcinoid in my small intestine.", "It's grade 1 and it has spread to my liver.",
                  "The scan shows nothing outside the liver and the surgeon says it can all come out."],
                 {"grade": "G1", "primary": "small-intestine", "extrahepatic": "none", "liver": "resectable"},
                 id="patient-in-pieces"),
    pytest.param(["Case for you: 59M.", "G2 pNET, primary still in situ.", "Liver: multiple bilobar mets, unresectable.",
                  "PET shows bone mets too."],
                 {"grade": "G2", "primary": "pancreas", "liver": "unresectable", "extrahepatic": "present"},
                 id="registrar-in-pieces"),
    pytest.param(["Handover: bed 4, Mr K, 67, G2 pancreatic NET with liver mets, unresectable, also bone mets."],
                 {"grade": "G2", "primary": "pancreas", "liver": "unresectable", "extrahepatic": "present"},
                 id="handover-without-a-question"),
])
def test_a_case_told_in_pieces_is_read_from_all_of_them(glossary, history, expected):
    where, inputs = _case(history, "Plan?", glossary)
    assert where == "algorithm"
    assert {name: getattr(inputs, name) for name in expected} == expected


def test_a_question_on_another_topic_ends_the_case():
    assert case_told(["58F, G1 pNET, resectable liver mets. Plan?", "Who wrote the review?"]) == ()
    assert case_told(["Who wrote the review?", "and when?"]) == ()


def test_the_latest_case_asked_as_a_whole_opens_the_case():
    first, second = "58F, G1 pNET, resectable liver mets. Plan?", "70M, G2 ileal NET, unresectable mets. Plan?"
    assert case_told([first, second, "what if he also had bone mets?"]) == (second, "what if he also had bone mets?")


@pytest.mark.parametrize("history, question, name, value", [
    # a test told with its result is a finding, so the first turn is a case
    pytest.param(["panNET G1, 2 liver lesions seg 6/7, fully resectable, staging otherwise clear - options?"],
                 "and if the PET now shows bone mets as well?", "extrahepatic", "present", id="after-a-told-staging-result"),
    # a bare request for a decision continues the case told just before it
    pytest.param(["small bowel NET grade 2 with bilateral liver mets, surgeon says resectable but",
                  "what would the review recommend"], "what if the remaining liver would be too small after resection",
                 "liver", "staged", id="after-a-bare-request"),
    # "instead" and "would it be different if" change the earlier case
    pytest.param(["45 yo man, ileal NET G1 Ki67 1%, 2 liver mets in one lobe resectable, no extrahepatic disease"],
                 "would it be different if the primary was in the pancreas instead?", "primary", "pancreas",
                 id="counterfactual-instead"),
    # two features stated with a short question; "nil" is "no", and "extrahepatic" may close its phrase alone
    pytest.param(["Pt had R hemihepatectomy 2019 for G2 SI-NET mets"],
                 "now 2 new lesions in left lobe, resectable, nil extrahepatic. redo?", "extrahepatic", "none",
                 id="features-with-a-short-question"),
    pytest.param(["55F jejunal NET, 2 liver mets seg 5, resectable, no EHD. plan?"],
                 "path came back Ki-67 40% - still the same?", "ki67_pct", 40.0, id="a-feature-then-a-short-question"),
])
def test_a_follow_up_changing_the_case_in_other_words_still_reaches_the_algorithm(glossary, history, question, name,
                                                                                  value):
    where, inputs = _case(history, question, glossary)
    assert where == "algorithm" and getattr(inputs, name) == value


def test_a_definition_asked_about_a_relative_tells_no_case(glossary):
    """"my dad" and "SI-NEN" name a patient and a site, but the turn asked what SI-NEN is; "and panNEN? is it
    the same thing" sets the two terms side by side."""
    turn = route("ok and panNEN? is it the same thing", ["Doctor wrote SI-NEN in my dad's letter, what is that"],
                 glossary, LIMIT)
    assert turn.route == "glossary" and turn.glossary_terms == ("panNEN", "SI-NEN")


@pytest.mark.parametrize("history, question, name, value", [
    pytest.param(["66M, G2 ileal NET, unresectable liver-only mets. Options?"], "and if it were G1?", "grade", "G1",
                 id="grade"),
    pytest.param(["60M, G2 pNET, unresectable liver-only mets."], "G1?", "grade", "G1", id="bare-grade-not-glossary"),
    pytest.param(["58F, G1 pNET, resectable liver mets, no EHD. Plan?"], "what if she also had bone mets?",
                 "extrahepatic", "present", id="extrahepatic"),
    pytest.param(["58F, G1 pNET, resectable liver mets, no EHD. Plan?", "what if she also had bone mets?"],
                 "and if it were G2?", "extrahepatic", "present", id="two-changes-in-a-row-keep-the-first"),
])
def test_a_feature_change_is_the_earlier_case_with_that_feature_replaced(glossary, history, question, name, value):
    where, inputs = _case(history, question, glossary)
    assert where == "algorithm" and getattr(inputs, name) == value
    assert inputs.primary is not None  # the rest of the case carries over


def test_a_changed_value_cites_the_phrase_it_came_from_now():
    inputs = extract_case(["66M, G2 ileal NET, unresectable liver-only mets.", "and if it were G1?"])
    assert inputs.grade == "G1" and [p for n, p in inputs.evidence if n == "grade"] == ["G1"]


@pytest.mark.parametrize("question, expected", [
    pytest.param("what does PVE mean here?", "glossary", id="a-term-is-a-glossary-question"),
    pytest.param("is that from figure 2?", "retrieval", id="a-figure-is-the-text"),
    pytest.param("where does the review say that?", "retrieval", id="the-review-is-the-text"),
    pytest.param("why would they treat the liver first?", "retrieval", id="a-reason-is-the-text"),
    # what decides a matter, or what a treatment does for a complaint: the review's criteria and aims
    pytest.param("what decides if it's feasible?", "retrieval", id="a-determinant-is-the-text"),
    pytest.param("will it help the flushing though?", "retrieval", id="what-a-treatment-does-is-the-text"),
    pytest.param("and if she had bone mets?", "algorithm", id="a-changed-feature-is-the-case"),
    pytest.param("what about ablation?", "algorithm", id="a-treatment-is-the-case"),
])
def test_a_follow_up_about_the_algorithms_answer_reaches_the_route_of_what_it_asks(glossary, question, expected):
    history = ["52F, G2 pNET, resectable liver mets but the remnant is too small. Plan?"]
    assert route(question, history, glossary, LIMIT).route == expected


def test_a_demonstrative_closing_the_question_points_back():
    assert is_followup("what does the review say about that?")
    assert not is_followup("What does this review say about transplantation in highly selected cases?")


class _Pipeline:
    """Answers the previous turn as the algorithm did; nothing else is asked of it."""

    def __init__(self, summary: str) -> None:
        self.summary = summary

    def ask(self, question, history):
        return Answer(question, "algorithm", "", algorithm={"status": "recommendation", "summary": self.summary})


@pytest.mark.parametrize("earlier, expected", [
    pytest.param("Mrs B, 63, G1 small bowel NET, resectable liver mets, no EHD. What's recommended?",
                 "where does the review say that? Liver resection with curative intent", id="the-outcome"),
    pytest.param("48F, G2 SI-NEN, unresectable liver-only mets. Could she be listed for a transplant?",
                 "where does the review say that? Could she be listed for a transplant?", id="the-treatment-asked"),
])
def test_that_after_the_algorithm_points_at_what_it_was_asked_or_recommended(glossary, earlier, expected):
    turn = route("where does the review say that?", [earlier], glossary, LIMIT)
    resolved = FollowupResolver(_Pipeline("Liver resection with curative intent")).resolve(turn)
    assert resolved.query == expected


@pytest.mark.parametrize("history, expected", [
    # the only site the case had is taken away: liver-only
    (["57M, G1 pNET, resectable liver mets, one lung met. Plan?", "and without the lung met?"], "none"),
    (["57M, G1 pNET, resectable liver mets, lung mets. Plan?", "what if there were no lung mets?"], "none"),
    # another stated site remains
    (["57M, G1 pNET, resectable liver mets, bone and lung mets. Plan?", "and without the lung mets?"], "present"),
    # a negated site the case never had says nothing of the one it has
    (["57M, G1 pNET, resectable liver mets, lung mets. Plan?", "and without bone mets?"], "present"),
    # the organ taken away may be named by another word for it than the case used
    (["57M, G1 pNET, resectable liver mets, osseous mets. Plan?", "and if there were no bone mets?"], "none"),
    (["57M, G1 pNET, resectable liver mets, peritoneal deposits. Plan?", "and without spread to the peritoneum?"], "none"),
])
def test_a_follow_up_that_takes_away_every_stated_site_leaves_liver_only_disease(history, expected):
    assert extract_case(history).extrahepatic == expected


@pytest.mark.model
def test_a_pronoun_after_a_legend_item_points_at_the_term_not_the_figure(pipeline):
    """An answer that quoted one item of Figure 2's legend named the item's term: "is that safe?"
    asks about the operation the conversation is about, never whether Figure 2 is safe."""
    history = ["my mum had part of her liver removed for neuroendocrine mets",
               "the scan shows new spots, they are talking about re-doing the liver op"]
    answer = pipeline.ask("is that safe?", history)
    assert "figure 2" not in answer.rewritten_question.lower()
    assert "[abstract-s4]" in answer.answer
