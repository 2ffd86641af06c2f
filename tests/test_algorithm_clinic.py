"""Specification: cases written as clinic letters reach the right Figure 2 branch (issue 11, item 3).

Each table row is a wording clinicians use for one algorithm input ("well diff", "R0 possible",
"mets to liver and lungs", "4 lesions in the right lobe"); the last tables say which questions
are requests for a decision (the algorithm) and which only mention a treatment while asking for
a detail the review does not give (a dose, a rate), which belong to retrieval.
"""

from __future__ import annotations

import pytest

from rag.algorithm.engine import run_algorithm
from rag.algorithm.inputs import extract_inputs
from rag.routing.treatment import asks_for_detail, is_treatment_question


@pytest.mark.parametrize("question, grade", [
    pytest.param("well diff panc NET", "G1/G2", id="well-diff"),
    pytest.param("poorly diff tumour of the pancreas", "NEC", id="poorly-diff"),
    pytest.param("well diff G3 NET", "G3", id="stated-grade-beats-well-diff"),
    pytest.param("a diffuse pattern in the liver", None, id="diffuse-is-not-diff"),
])
def test_clipped_differentiation_is_read_as_the_full_word(question, grade):
    assert extract_inputs(question).grade == grade


@pytest.mark.parametrize("question, ki67", [
    pytest.param("ileal NET, Ki67 of 4 percent", 4.0, id="percent-in-words"),
    pytest.param("Ki-67 2 per cent", 2.0, id="per-cent"),
    pytest.param("Ki-67 <2%", 2.0, id="bound-sign-keeps-the-figure"),
])
def test_ki67_written_in_words(question, ki67):
    assert extract_inputs(question).ki67_pct == ki67


@pytest.mark.parametrize("question, grade, status", [
    pytest.param("well-differentiated ileal NET, Ki-67 25%, unresectable liver-only mets", "G3", "out-of-scope",
                 id="ki67-outranks-well-differentiated"),
    pytest.param("low grade pNET, Ki-67 2%, unresectable liver-only mets", "G1", "recommendation",
                 id="ki67-refines-low-grade"),
    pytest.param("G2 pNET, Ki-67 25%, unresectable liver-only mets", "G2", "recommendation",
                 id="a-stated-grade-is-kept"),
])
def test_a_stated_ki67_outranks_a_grade_read_from_wording(question, grade, status):
    result = run_algorithm(extract_inputs(question))
    used = {u.name: u for u in result.inputs}
    assert (used["grade"].value, result.status) == (grade, status)


@pytest.mark.parametrize("question, liver, assumed", [
    pytest.param("liver mets R0 possible", "resectable", False, id="R0-possible"),
    pytest.param("complete resection is feasible", "resectable", False, id="complete-resection-feasible"),
    pytest.param("R0 not achievable", "unresectable", False, id="R0-not-achievable"),
    pytest.param("R0 resection impossible", "unresectable", False, id="R0-impossible"),
    pytest.param("liver mets too numerous to resect", "unresectable", False, id="too-numerous-to-resect"),
    pytest.param("liver mets too extensive for surgery", "unresectable", False, id="too-extensive-for-surgery"),
    pytest.param("liver mets amenable to right hepatectomy", "resectable", False, id="amenable-to-hepatectomy"),
    pytest.param("liver mets not amenable to right hepatectomy", "unresectable", False,
                 id="not-amenable-to-hepatectomy"),
    pytest.param("4 lesions in the right lobe", "resectable", True, id="one-named-lobe"),
    pytest.param("lesions in the left hemiliver", "resectable", True, id="one-named-hemiliver"),
    pytest.param("after a left hepatectomy", None, False, id="an-operation-names-no-lobe"),
])
def test_resectability_wording(question, liver, assumed):
    inputs = extract_inputs(question)
    assert inputs.liver == liver
    assert ("liver" in inputs.assumed) is assumed


def test_lobes_named_on_both_sides_read_as_bilobar():
    inputs = extract_inputs("lesions in the right lobe and in segment 3")
    assert (inputs.liver, inputs.distribution, "distribution" in inputs.assumed) == (None, "II", True)


@pytest.mark.parametrize("question, expected", [
    pytest.param("mets to liver and lungs", "present", id="organ-list-after-mets-to"),
    pytest.param("spread to the liver, nodes and bone", "present", id="three-organ-list"),
    pytest.param("no mets to liver or bone", None, id="negated-organ-list"),
    pytest.param("mets to the liver", None, id="liver-alone-is-not-extrahepatic"),
])
def test_extrahepatic_site_in_a_list_of_organs(question, expected):
    assert extract_inputs(question).extrahepatic == expected


@pytest.mark.parametrize("question, leaf", [
    pytest.param("66M, small bowel NET, low grade, liver mets R0 possible, no EHD. Tx?", "resection",
                 id="R0-possible-resection"),
    pytest.param("58M, panc NET G2, liver mets too numerous to resect, no EHD. PRRT vs everolimus?",
                 "unresectable-liver-only", id="too-numerous-unresectable"),
    pytest.param("65F, G2 SB NET, mets to liver and lungs, liver disease resectable. Resect the liver?",
                 "extrahepatic-disease", id="lungs-in-an-organ-list"),
    pytest.param("71M, well diff panc NET, liver mets not amenable to surgery, liver-only. What are the options?",
                 "unresectable-liver-only", id="well-diff-unresectable"),
    pytest.param("midgut NET Ki-67 <1%, 4 lesions in the right lobe, no EHD. Is transplant an option?",
                 "resection", id="right-lobe-resection"),
])
def test_clinic_letter_cases_reach_their_branch(question, leaf):
    assert is_treatment_question(question) and not asks_for_detail(question)
    result = run_algorithm(extract_inputs(question))
    assert result.status == "recommendation"
    assert leaf in [step.node for step in result.path if step.question == "Outcome"]


@pytest.mark.parametrize("question, expected", [
    pytest.param("panc NET G2 with bone mets, liver status not yet assessed - what would you offer?", True,
                 id="what-would-you-offer"),
    pytest.param("G2 panc NET, liver-limited disease but R0 not achievable. Listing?", True, id="listing"),
    pytest.param("Should liver transplantation be offered to every patient with neuroendocrine liver metastases?",
                 False, id="offered-to-every-patient-asks-the-text"),
    pytest.param("which NET pts w/ liver mets get offered the op - the well diff ones?", False,
                 id="who-gets-offered-asks-the-text"),
    # a case told as a referral line, asking nothing, asks what to do with it
    pytest.param("Ki-67 3% ileal NET, solitary liver met in segment 6, no extrahepatic disease", True,
                 id="a-referral-line-of-three-features"),
    pytest.param("G2 pNET with liver mets.", False, id="two-features-told-are-no-case"),
    # "what do we do" and "what are we doing for him" ask a colleague what to do with a case; "doing" is no "doi"
    pytest.param("G2 pNET, bone mets. what do we do?", True, id="what-do-we-do"),
    pytest.param("ileal NET G1, 3 liver mets in both lobes, no spread elsewhere - what are we doing for him?", True,
                 id="what-are-we-doing-for-him"),
    pytest.param("What do you do when NELM are unresectable?", False, id="what-do-you-do-in-general-asks-the-text"),
    pytest.param("Ki-67 3% ileal NET, solitary liver met, no EHD: what does the review say about resection?", False,
                 id="a-case-with-a-question-about-the-text"),
])
def test_clinician_requests_are_treatment_questions(question, expected):
    assert is_treatment_question(question) is expected


@pytest.mark.parametrize("question, expected", [
    pytest.param("52M low grade ileal NET, unresectable liver mets: starting dose of everolimus?", True,
                 id="bare-dose-after-a-colon"),
    pytest.param("54F G2 pNET, unresectable - usual dose of octreotide?", True, id="bare-dose-after-a-dash"),
    pytest.param("pNET G2 unresectable liver mets: what's the response rate of PRRT?", True, id="whats-a-rate"),
    pytest.param("G2 pNET, unresectable liver mets: treatment plan?", False, id="a-plan-is-a-decision"),
    pytest.param("G2 pNET, unresectable liver mets: options?", False, id="options-are-a-decision"),
    # whether those who treat can do it safely is what the text says of the treatment
    pytest.param("NELM back after hepatectomy - can they resect again safely?", True, id="can-they-do-it-safely"),
    # a choice between two named drugs, and the criteria a treatment is given by, are details the pathway lacks
    pytest.param("My mum has monthly injections. Is it octreotide or lanreotide that this paper recommends?", True,
                 id="a-choice-of-named-drugs"),
    pytest.param("G2 pNET, unresectable: resection or transplant?", False, id="a-choice-of-treatments-is-a-decision"),
    pytest.param("which selection criteria does the review apply before listing a NELM patient for OLT?", True,
                 id="criteria"),
])
def test_a_detail_asked_as_a_bare_noun_phrase(question, expected):
    assert asks_for_detail(question) is expected


@pytest.mark.parametrize("question, expected", [
    # the review as the one who decides, about a told case, asks for its pathway
    pytest.param("how does the review approach recurrence in the liver after a previous liver resection for a G1 NET,"
                 " if it's still resectable and there's no disease anywhere else?", True, id="how-does-the-review-approach-a-case"),
    pytest.param("What does the review say about resection for resectable G1/G2 NELM without extrahepatic disease?", False,
                 id="what-the-review-says-stays-the-text"),
    # what the figure lists, asked without a case, is about the text; with a case it is the pathway's answer
    pytest.param("in the algorithm, what procedures on the portal vein are listed (before staged hepatectomy)?", False,
                 id="what-the-algorithm-lists"),
    pytest.param("Which systemic options does the algorithm list for a G2 pancreatic NEN with unresectable liver"
                 " metastases?", True, id="what-the-algorithm-lists-for-a-case"),
    # "a patient" is any patient
    pytest.param("which kind of tumour (well or poorly differentiated) makes a patient eligible for resecting the liver"
                 " mets?", False, id="a-patient-is-any-patient"),
    # whether the review says anything asks about its text, whoever the asker has in mind
    pytest.param("My consultant wants a staged approach for bilobar disease in a pt with a midgut NET. Does this review"
                 " say anything about whether staged liver resections are safe, and who should be doing them?", False,
                 id="does-the-review-say-anything"),
    pytest.param("different thing - my dad has a G2 small bowel NET that spread to the liver and the lungs, what"
                 " treatment does the review point to?", True, id="my-dad-is-a-patient"),
    pytest.param("Does the decision tree in figure 2 cover grade 3 neuroendocrine liver secondaries as well?", False,
                 id="what-the-figure-covers"),
    pytest.param("G2 pNET, unresectable liver mets, no EHD. does the algorithm cover her?", True,
                 id="whether-the-figure-covers-a-patient"),
    pytest.param("Reviewer comment: two-step hepatectomies for NET metastases are too hazardous to recommend - is that"
                 " the authors' view?", False, id="the-authors-view"),
])
def test_questions_from_the_blind_round_of_december_5(question, expected):
    assert is_treatment_question(question) is expected


@pytest.mark.parametrize("question, expected", [
    pytest.param("is a two step liver op safe these days or is it still experimental? he is booked in", True,
                 id="how-safe-a-treatment-is"),
    pytest.param("the surgeon wants to operate on the liver, is that the right thing or is it too risky??", False,
                 id="is-it-too-risky-for-her-asks-a-decision"),
    pytest.param("are complex or staged liver resections safe these days?", True, id="the-treatment-first-then-safe"),
])
def test_the_safety_of_a_treatment_is_a_detail_the_text_speaks_to(question, expected):
    assert asks_for_detail(question) is expected
