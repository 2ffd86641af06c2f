"""Specification: a case reaches its Figure 2 branch however it is told (issue 11, item 3).

The same case is written by a tumour board, a GP's referral letter, a registrar's handover, a
patient, or someone whose first language is not English. Each table row is one general way of
saying an input: the Ki-67 index under its other names, metastases "in the liver and in the
bones", resectability in a surgeon's or a patient's words ("not operable", "can get it all
out"), a recurrence that "came back", and typos of the words the algorithm reads. The last
tables say when the case's own story (how it was staged) must not make it a diagnostic question,
and that a dose asked after a semicolon is still only a dose.
"""

from __future__ import annotations

import pytest

from rag.algorithm.engine import run_algorithm
from rag.algorithm.inputs import extract_inputs
from rag.routing.treatment import asks_for_detail, is_treatment_question


@pytest.mark.parametrize("question, ki67", [
    pytest.param("ileal NET, Ki67 of 4. Liver mets", 4.0, id="no-per-cent-sign-then-a-full-stop"),
    pytest.param("pNET, MIB-1: 12, liver mets", 12.0, id="mib-1-with-a-colon"),
    pytest.param("pNET, proliferation index 8%", 8.0, id="proliferation-index"),
    pytest.param("Ki-67 labelling index 3", 3.0, id="labelling-index"),
    pytest.param("Ki-67 unknown, 58M", None, id="an-age-after-the-name-is-not-the-index"),
    pytest.param("Ki-67 1-2", None, id="a-range-without-a-sign-stays-unknown"),
    pytest.param("Ki-67 4 cm", None, id="a-size-is-not-the-index"),
])
def test_the_ki67_index_under_its_other_names(question, ki67):
    assert extract_inputs(question).ki67_pct == ki67


@pytest.mark.parametrize("question, expected", [
    pytest.param("secondaries in the liver and in the bones", "present", id="each-organ-with-its-preposition"),
    pytest.param("it has spread to the liver and also to my bones", "present", id="spread-also-to"),
    pytest.param("metastases in liver and also in the bone", "present", id="singular-organ"),
    pytest.param("liver mets and mediastinal lymph node metastases", "present", id="distant-node-station"),
    pytest.param("liver mets, bone secondaries", "present", id="british-clinical-secondaries"),
    pytest.param("hepatic mets with peritoneal seeding", "present", id="peritoneal-seeding"),
    pytest.param("liver mets, no disease outside the liver", "none", id="negated-disease-outside-the-liver"),
    pytest.param("liver full of mets, nothing outside liver", "none", id="nothing-outside-the-liver"),
    pytest.param("secondaries in the liver", None, id="liver-alone-is-not-extrahepatic"),
])
def test_extrahepatic_disease_in_other_words(question, expected):
    assert extract_inputs(question).extrahepatic == expected


@pytest.mark.parametrize("question, liver", [
    pytest.param("liver mets, they say it's not operable", "unresectable", id="not-operable"),
    pytest.param("not possible to operate", "unresectable", id="not-possible-to-operate"),
    pytest.param("liver full of metastasis cannot resect", "unresectable", id="cannot-resect-active-voice"),
    pytest.param("liver mets that cannot all be removed", "unresectable", id="cannot-all-be-removed"),
    pytest.param("liver mets not suitable for surgery", "unresectable", id="not-suitable-for-surgery"),
    pytest.param("hepatic lesions beyond surgical resection", "unresectable", id="beyond-surgical-resection"),
    pytest.param("the surgeon says he can take it all out", "resectable", id="take-it-all-out"),
    pytest.param("surgeons say they can get it all out", "resectable", id="get-it-all-out"),
    pytest.param("one spot this time and it is removable", "resectable", id="removable"),
    pytest.param("in the liver only one metastasis, can be operated", "resectable", id="can-be-operated"),
    pytest.param("I do not know whether they are resectable", None, id="uncertainty-is-not-a-status"),
    pytest.param("they can remove the primary", None, id="removing-the-primary-says-nothing-of-the-liver"),
    pytest.param("not resectable even in 2 stages", "unresectable", id="even-in-two-stages-is-concessive"),
    pytest.param("the liver is full of it so they cant operate", "unresectable", id="cant-without-apostrophe"),
    pytest.param("surgeon says they can come out", "resectable", id="they-can-come-out"),
    pytest.param("the healthy liver left behind would be too small", "staged", id="liver-left-behind-too-small"),
])
def test_resectability_in_a_surgeons_and_a_patients_words(question, liver):
    assert extract_inputs(question).liver == liver


@pytest.mark.parametrize("question, liver, distribution", [
    pytest.param("it's only in the left side of the liver", "resectable", None, id="one-side-of-the-liver"),
    pytest.param("lesions in the right liver", "resectable", None, id="the-right-liver-is-a-hemiliver"),
    pytest.param("lots of spots in both sides of the liver", None, "II", id="both-sides-of-the-liver"),
    pytest.param("metastasis in liver is many in both lobe", None, "II", id="both-lobe-singular"),
])
def test_liver_sides_in_lay_words(question, liver, distribution):
    inputs = extract_inputs(question)
    assert (inputs.liver, inputs.distribution) == (liver, distribution)


@pytest.mark.parametrize("question, recurrence", [
    pytest.param("My liver metastases came back after liver surgery", True, id="came-back"),
    pytest.param("the liver lesions have returned", True, id="returned"),
    pytest.param("now 2 new liver lesions after a right hepatectomy", True, id="new-lesions-after-hepatectomy"),
    pytest.param("right hepatectomy 3 years ago, now new lesions", True, id="operation-years-ago"),
    pytest.param("had his liver op for carcinoid mets 2 yrs ago, now 2 new spots", True, id="liver-op-years-ago"),
    pytest.param("the biopsy came back G2", None, id="a-result-that-came-back-is-no-recurrence"),
    pytest.param("G2 pNET, resectable liver mets: any therapy after liver surgery?", None,
                 id="asking-about-after-surgery-is-no-recurrence"),
])
def test_recurrence_in_plain_words(question, recurrence):
    assert extract_inputs(question).recurrence is recurrence


@pytest.mark.parametrize("question, leaf", [
    pytest.param("Dear Dr, Re: Mr B, 59. Known small intestinal carcinoid, low grade. His recent scan shows "
                 "secondaries in the liver and in the bones. What treatment is now recommended?",
                 "extrahepatic-disease", id="gp-letter-secondaries-in-the-bones"),
    pytest.param("I'm 56, neuroendocrine tumour in my small intestine, grade 1. It has spread to my liver but the "
                 "surgeon says he can take it all out. Is surgery the normal treatment?", "resection",
                 id="patient-take-it-all-out"),
    pytest.param("Patient is man 62 years, have NET of pancreas grade 2, metastasis in liver is many in both lobe, "
                 "surgeon tell not possible to operate. Which therapy is recommend?", "unresectable-liver-only",
                 id="non-native-not-possible-to-operate"),
    pytest.param("Well differentiated pancreatic NET, Ki67 of 4. My liver metastases came back after liver surgery, "
                 "only one spot this time and it is removable. What should I do next?", "repeat-resection",
                 id="patient-came-back-removable"),
])
def test_cases_in_new_voices_reach_their_branch(question, leaf):
    assert is_treatment_question(question) and not asks_for_detail(question)
    result = run_algorithm(extract_inputs(question))
    assert leaf in [step.node for step in result.path if step.question == "Outcome"]


@pytest.mark.parametrize("question, expected", [
    pytest.param("MDT summary: 63 F. Pancreatic tail NET, grade 2. Bilobar liver metastases, judged unresectable. "
                 "Staging CT chest and bone scan negative. For discussion: systemic versus liver-directed therapy.",
                 True, id="the-staging-told-in-the-case"),
    pytest.param("My mum is 70, grade 1 NET of the pancreas that spread to her liver. The scan shows it's only in "
                 "the left side of the liver. What's the usual treatment?", True, id="the-scan-told-in-the-story"),
    pytest.param("What imaging should a 54F with a G2 pNET and liver mets have?", False, id="asking-about-imaging"),
    pytest.param("G2 pNET with liver mets: which scan is best for staging?", False, id="asking-about-staging"),
])
def test_how_a_case_was_staged_does_not_make_it_a_diagnostic_question(question, expected):
    assert is_treatment_question(question) is expected


def test_a_dose_asked_after_a_semicolon_is_a_detail():
    """The detail's match starts at the ";" that closes the case; the sentence that asks is the one
    after it, so the case's own words are what is left, and they ask for no decision."""
    assert asks_for_detail("Tumour board question: 58M with G2 ileal NET and unresectable liver-only mets; "
                           "what starting dose of lanreotide should we use?")


def test_a_share_asked_with_a_per_cent_sign_is_a_detail():
    assert asks_for_detail("G2 midgut NET, refractory flushing, planning debulking: what % of the tumour has to go?")


@pytest.fixture
def pipeline(fake_index, fake_embedder):
    from rag.core.index import load_index
    from rag.pipeline import Pipeline

    return Pipeline(load_index(fake_index), fake_embedder, fake_index)


@pytest.mark.parametrize("question, liver", [
    pytest.param("G2 pNET, irresectable liver-only mets. Options?", "unresectable",
                 id="a-word-the-review-lacks-is-not-corrected-into-its-opposite"),
    pytest.param("G2 pNET, unresectible liver-only mets. Options?", "unresectable", id="able-written-ible"),
])
def test_the_question_is_read_with_the_algorithms_words(pipeline, question, liver):
    answer = pipeline.ask(question)
    assert answer.route == "algorithm"
    assert {u["name"]: u["value"] for u in answer.algorithm["inputs"]}["liver"] == liver


def test_typos_of_the_algorithms_words_are_read_as_meant(pipeline):
    answer = pipeline.ask("G2 pNET w/ peritoneel mets + hepatic mets, primary resected. Options?")
    assert {u["name"]: u["value"] for u in answer.algorithm["inputs"]}["extrahepatic"] == "present"


@pytest.mark.parametrize("follow_up, leaf", [
    pytest.param("and if she also had bone mets?", "extrahepatic-disease", id="naming-the-patient"),
    pytest.param("what if he had bone mets?", "extrahepatic-disease", id="what-if-he"),
    pytest.param("And if there are bone metastases?", "extrahepatic-disease", id="no-patient-named"),
])
def test_a_follow_up_that_names_the_patient_changes_the_case_before(pipeline, follow_up, leaf):
    """The follow-up states one feature and a patient, which alone reads as a case of its own;
    as a follow-up it adds to the case before (G2, pancreas), so the grade is not asked again."""
    answer = pipeline.ask(follow_up, history=["G2 pNET, unresectable liver-only mets. Options?"])
    assert answer.route == "algorithm" and answer.algorithm["status"] == "recommendation"
    assert leaf in [step["node"] for step in answer.algorithm["path"] if step["question"] == "Outcome"]


@pytest.mark.parametrize("question, expected", [
    pytest.param("liver mets, 3 spots, nothing anywhere else on the pet scan", "none", id="nothing-anywhere-else"),
    pytest.param("G1 NET, liver-dominant disease and a few mediastinal lymph nodes", "present",
                 id="distant-nodes-named-are-involved"),
    pytest.param("G2 pNET, no mediastinal lymph nodes", None, id="distant-nodes-denied"),
    pytest.param("G2 pNET liver mets, mediastinal lymph nodes clear on PET", None, id="distant-nodes-clear"),
    pytest.param("G2 pNET, nothing else helps", None, id="nothing-else-helps-is-no-staging"),
])
def test_more_ways_of_telling_where_the_disease_is(question, expected):
    assert extract_inputs(question).extrahepatic == expected


@pytest.mark.parametrize("question, liver, distribution", [
    pytest.param("6 lesions, all confined to the R lobe", "resectable", None, id="a-note-s-R-lobe"),
    pytest.param("2 liver mets L lobe only, FLR ok", "resectable", None, id="a-note-s-L-lobe-only"),
    pytest.param("mets all through the liver", None, "III", id="all-through-the-liver"),
    pytest.param("lesions throughout both lobes", None, "III", id="throughout-both-lobes"),
    pytest.param("Single 5 cm segmental NELM", None, "I", id="a-single-segmental-nelm"),
    pytest.param("they found one spot in my liver", None, "I", id="one-spot"),
    pytest.param("the surgeon wants to operate on the liver", "resectable", None, id="a-surgeon-who-wants-to-operate"),
])
def test_more_ways_of_telling_the_liver_disease(question, liver, distribution):
    inputs = extract_inputs(question)
    assert (inputs.liver, inputs.distribution) == (liver, distribution)


@pytest.mark.parametrize("question, expected", [
    # any name tree.yaml gives a treatment asks about it for the case told
    pytest.param("Rectal NET G2, single 3cm met in segment VIII, rest of staging clear. Metastasectomy?", True,
                 id="metastasectomy"),
    pytest.param("bilobar NELM from ileal NET G2, FLR 20% -> 2-stage?", True, id="two-stage"),
    pytest.param("carcinoid syndrome refractory to octreotide, ileal NET G1, bilobar unresectable liver mets. "
                 "cytoreduction?", True, id="cytoreduction"),
    pytest.param("typical bronchial carcinoid (low grade) with unresectable liver mets. systemic?", True,
                 id="systemic"),
    pytest.param("Tumour board: well-differentiated ileal NET, nothing outside the liver. What does the review's "
                 "pathway offer?", True, id="the-review-s-pathway-for-a-case"),
    pytest.param("What does the review say about metastasectomy?", False, id="what-the-review-says"),
])
def test_a_case_asking_about_a_treatment_by_any_of_its_names(question, expected):
    assert is_treatment_question(question) is expected


@pytest.mark.parametrize("question, route", [
    pytest.param("lung mets + liver-dominant disease from a midgut NET, Ki67 9%. OLT?", "algorithm",
                 id="a-bare-treatment-after-a-case"),
    pytest.param("G2 pNET, unresectable liver mets, no EHD. TACE or TAE?", "algorithm", id="two-options-after-a-case"),
    pytest.param("G2 pNET, unresectable liver mets, no EHD. What is TACE?", "glossary", id="a-definition-after-a-case"),
    pytest.param("TACE?", "glossary", id="a-bare-term-alone"),
])
def test_a_treatment_named_after_a_case_is_asked_for_that_case(pipeline, question, route):
    assert pipeline.ask(question).route == route


@pytest.mark.parametrize("case, follow_up, route", [
    pytest.param("jejunal NET G2, 2 mets seg 6/7, liver only. hepatectomy?", "Ki67 is actually 25% on review",
                 "algorithm", id="a-corrected-index-on-path-review"),
    pytest.param("52M terminal ileum NET, solitary 4 cm met seg 7, no EHD. resect?", "sorry, path back: G2, Ki-67 6%",
                 "algorithm", id="the-grade-told-later"),
    pytest.param("G2 jejunal NET, bilobar liver mets, FLR inadequate. PVE + 2-stage hepatectomy?",
                 "restaging CT now shows peritoneal nodules too", "algorithm", id="a-new-finding-told"),
    pytest.param("my husband 52 has a grade 2 NET from the gut with spots all through his liver, nothing elsewhere. "
                 "what are his options", "could he get a new liver?", "algorithm", id="a-treatment-for-the-patient"),
    pytest.param("G1 pNET, bilobar liver mets + ?bone met. plan?", "the bone lesion was benign. so what then?",
                 "algorithm", id="so-what-then"),
    pytest.param("G2 pNET, unresectable liver-only mets. Options?", "how does TACE work?", "retrieval",
                 id="how-a-treatment-works-is-the-review-s"),
    pytest.param("G2 pNET, unresectable liver-only mets. Options?", "I read the review last week", "retrieval",
                 id="a-statement-with-no-case-feature"),
])
def test_after_a_case_a_told_change_or_a_treatment_for_the_patient_continues_it(pipeline, case, follow_up, route):
    assert pipeline.ask(follow_up, history=[case]).route == route


@pytest.mark.parametrize("question, primary", [
    pytest.param("small cell NEC lung, liver mets x3", "other", id="the-site-after-the-tumour"),
    pytest.param("ileal NET lung mets and liver mets", "small-intestine", id="a-site-of-metastases-is-no-primary"),
    pytest.param("pt 71M, SI NET G2, 2 liver mets", "small-intestine", id="si-net-with-a-space"),
])
def test_the_primary_as_notes_write_it(question, primary):
    assert extract_inputs(question).primary == primary


@pytest.mark.parametrize("told, name, value", [
    ("I had part of my liver taken out 2 yrs ago; new scan shows 2 new spots", "recurrence", True),
    ("new spots in the liver only, the surgeon thinks he can get them", "liver", "resectable"),
    ("the surgeon could get rid of the liver mets", "liver", "resectable"),
    ("the surgeon says the results will get them back next week", "liver", None),
])
def test_an_operation_told_in_lay_words(told, name, value):
    from rag.algorithm.inputs import extract_inputs

    assert getattr(extract_inputs(told), name) == value
