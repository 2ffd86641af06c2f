"""A treatment the question names is placed in the pathway: recommended for this case, kept off
by a stated feature, or waiting on an unknown one."""

from __future__ import annotations

from rag.algorithm.engine import run_algorithm
from rag.algorithm.inputs import extract_inputs
from rag.algorithm.render import render_markdown
from rag.algorithm.tree import load_tree


def _asked(question: str):
    return {t.recommendation: t for t in run_algorithm(extract_inputs(question), question=question).asked}


def test_a_treatment_on_another_branch_names_the_stated_feature_that_keeps_the_case_off_it():
    asked = _asked("62F, G2 pNET, resectable liver-only mets. Could she be listed for a transplant instead?")
    transplant = asked["transplant"]
    assert not transplant.reached
    assert transplant.blocked_by and "liver status is resectable" in transplant.blocked_by[0]
    assert "abstract-s5" in transplant.citations


def test_a_treatment_the_pathway_recommends_for_the_case_says_so():
    asked = _asked("G1 SI-NEN, unresectable bilobar liver mets, no EHD: is TACE an option?")
    assert asked["liver-directed"].reached


def test_an_unknown_input_that_decides_the_branch_is_named():
    asked = _asked("her liver mets can be removed, but could she have the operation?")
    assert asked["resection"].depends_on == ("grade",)


def test_only_the_sentence_that_asks_is_searched_for_treatments():
    asked = _asked("G2 pNET, no previous liver surgery, unresectable liver-only mets. Is TACE possible?")
    assert "resection" not in asked and "liver-directed" in asked


def test_a_question_naming_no_treatment_gets_no_section():
    result = run_algorithm(extract_inputs("G2 pNET, resectable liver mets: plan?"), question="G2 pNET, resectable liver mets: plan?")
    assert result.asked == ()
    assert "treatment asked about" not in render_markdown(result)


def test_the_answer_shows_where_the_asked_treatment_lies():
    question = "48M G1 ileal NET, resectable liver mets, no EHD. Would TACE be better?"
    text = render_markdown(run_algorithm(extract_inputs(question), question=question))
    assert "**The treatment asked about**" in text
    assert "Liver-directed interventional radiology" in text
    assert "This case does not reach it: liver status is resectable" in text


def test_every_treatment_name_in_the_tree_finds_its_own_recommendation():
    tree = load_tree()
    for rec_id, spec in tree["recommendations"].items():
        for name in spec.get("names", ()):
            found = _asked(f"G2 pNET, liver mets: what about {name}?")
            assert rec_id in found, (rec_id, name)


def test_what_the_asked_treatment_s_text_says_beyond_the_review_is_marked_external():
    """The review names "molecular targeted agents", never everolimus: the drug names are ENETS's."""
    question = "is everolimus recommended for pNET liver mets?"
    result = run_algorithm(extract_inputs(question), question=question)
    section = render_markdown(result).split("**The treatment asked about**")[1].split("\n\n")[0]
    assert "everolimus" in section and "(external: ENETS 2016 consensus" in section
