"""Two terms told apart in one question ("TAE vs TACE - what's TAE stand for?", "PVL and PVE, what means each
one?"), a question spliced onto a story with a comma, a question put to the review inside another question,
a relative "who", a pronoun that can only be a work told before, "which are the <class>" as "which <class>", everyday
words for the review's terms, a tumour "travelling" to an organ, "nothing" as a negation, a person's state getting worse,
intensifiers and vocatives, a job named by a phrase, the authors as those who aim, and the asker's purpose after a
work's topic.
Each case is a pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.algorithm.inputs import extract_inputs
from rag.answer.circumstances import named_circumstances
from rag.answer.constraints import _names_a_choice, judges_options
from rag.answer.cues import asks_for_number, instance_class
from rag.core.text import local_id
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.lay import lay_expansions
from rag.retrieval.structure import structural_units
from rag.routing.addressee import addressee
from rag.routing.context import leans_on_statement
from rag.routing.treatment import is_treatment_question


@pytest.mark.parametrize("question, terms", [
    # a distributive quantifier stands for the terms named before it
    ("PVL and PVE, what means each one?", ("PVL", "PVE")),
    ("PVL and PVE - what does each one stand for?", ("PVL", "PVE")),
    ("TACE and TAE, what do both mean?", ("TACE", "TAE")),
    # a term asked by its own frame, then compared with another: both are asked
    ("wat does TAE mean, is it the same thing as TACE", ("TAE", "TACE")),
    ("what is PVL - is that the same as PVE?", ("PVL", "PVE")),
    # terms set side by side, then one of them asked: telling them apart needs both
    ("TAE vs TACE - what's TAE stand for exactly? we get them mixed up", ("TAE", "TACE")),
    ("PVE/PVL: what does PVL mean", ("PVE", "PVL")),
    # a short form of its own is no "part" of another whose letters it shares out of order
    ("TACE - what does TAE stand for", ("TAE",)),
])
def test_terms_told_apart_are_all_defined(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, terms", [
    ("what does TACE mean, is it the same as chemotherapy?", ("TACE",)),  # the other is no term
    ("what does NEN mean in SI-NEN", ("SI-NEN",)),  # a part written inside the short form is still a part
    ("what does SI mean in SI-NEN", ("SI-NEN",)),
])
def test_a_comparison_with_no_second_term_asks_one(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_choice_between_listed_terms_is_no_definition(glossary):
    assert parse_glossary_terms("TACE vs TAE - which is better?", glossary) == ()
    assert parse_glossary_terms("OLT, RE - what is OLT used for?", glossary) == ()


@pytest.mark.parametrize("question, wanted", [
    # a general fact spliced onto the story with a comma, its verb before its subject
    ("my mum has a neuroendocrine tumour in her pancreas, is the liver like the main place these things spread to??", False),
    # the same splice asking about the case's treatment stays a request
    ("my mum has a G2 pancreatic NET with unresectable liver mets, is surgery still an option?", True),
])
def test_a_question_spliced_onto_a_story_is_read_on_its_own(question, wanted):
    assert is_treatment_question(question) is wanted


def test_a_question_to_the_review_inside_another_asks_its_text():
    asked = addressee("does anyone know what that paper actually says about who gets a liver transplant?")
    assert (asked.source, asked.verb) == ("review", "text")
    story = ("My husband (54) has a pancreatic NET that has gone to his liver. I came across a review article on treatment "
             "options for NET liver mets. Does anyone know what that paper actually says about who gets a liver transplant?")
    assert not is_treatment_question(story)


def test_a_treatment_noun_after_the_review_is_no_decision_verb():
    assert addressee("I read a review article on treatment options").verb == ""
    assert addressee("how does the review manage a G1 recurrence?").verb == "decision"


def test_a_relative_who_asks_nothing_and_a_kind_of_treatment_is_a_request():
    case = ("Posting for my mum who isn't very techy. She's 72 and has a pancreatic NET, grade 2. It has spread to her liver "
            "and to her bones. What kind of treatment would normally be used for someone like her?")
    assert is_treatment_question(case)
    assert not is_treatment_question("G2 pNET case for journal club, and who is the first author of the review?")


@pytest.mark.parametrize("question, leans", [
    ("Who's the first author and where was it published?", True),
    ("when was that written and by whom?", True),
    ("where was the review published?", False),
])
def test_a_published_pronoun_points_back_at_the_work_told(question, leans):
    assert leans_on_statement(question) is leans


def test_which_are_the_members_asks_for_them_by_name():
    assert instance_class("Which are the criteria, like Milan, that the authors use to select for transplantation?") == "criteria"
    assert instance_class("which criteria do they use?") == "criteria"


@pytest.mark.parametrize("text, term", [
    ("do they have a strong tendency to spread?", "propensity"),  # a dictionary synonym
    ("has the surgery become safer?", "safely"),
    ("is it less risky now?", "safely"),
    ("are liver treatments a big part of managing it?", "crucial component"),
    ("do the two approaches work hand in hand?", "complementing"),
])
def test_everyday_words_for_the_reviews_terms(text, term):
    assert term in {clinical for _, clinical in lay_expansions(text)}


def test_travelling_to_an_organ_is_spread_not_a_trip():
    assert named_circumstances("do NETs tend to travel to the liver?") == set()
    assert named_circumstances("cells travelling through the bloodstream") == set()
    assert named_circumstances("can he travel to Spain after TACE?") == {"travel"}


@pytest.mark.parametrize("text, extrahepatic", [
    ("G1 ileal NET, 2 new resectable lesions in the left liver, nothing extrahepatic", "none"),
    ("G2 pNET, nothing outside the liver", "none"),
    ("G2 SI-NEN with bone mets, nothing else", "present"),
])
def test_nothing_negates_a_site_as_no_does(text, extrahepatic):
    assert extract_inputs(text).extrahepatic == extrahepatic


@pytest.mark.parametrize("question, judged", [
    ("does it make people feel worse or die sooner?", False),  # a person's state, no verdict on options
    ("is TACE better or worse than TAE?", True),
])
def test_getting_worse_is_no_verdict_between_options(question, judged):
    assert judges_options(question) is judged


def test_an_option_named_by_its_everyday_word_is_named():
    question = "does the review suggest the liver procedures before targeted agents like everolimus/sunitinib or cytotoxics?"
    assert _names_a_choice(question, "... systemic molecular targeted agents and chemotherapy ...")
    assert not _names_a_choice("which one, everolimus or sunitinib?", "... systemic molecular targeted agents ...")


def test_messing_with_how_long_asks_an_influence_not_a_figure():
    assert not asks_for_number("does the cancer in his liver mess with how he feels and how long he's got?")


def test_a_verb_of_judging_with_a_complement_asks_the_reviews_view():
    assert addressee("does this review consider an operation the preferred course?").verb == "text"
    assert addressee("do the authors regard TACE as standard?").verb == "text"
    assert addressee("does the review consider surgery for her?").verb == ""


def test_a_polite_request_to_list_a_class_asks_its_members():
    assert instance_class("can you list the types and describe each one?") == "types"
    assert instance_class("list the drugs") == "drugs"


@pytest.mark.parametrize("question, terms", [
    ("what even is SA", ("SA",)),  # an intensifier after the question word
    ("bro what even is SA, the doc kept saying my dad needs SA", ("SA",)),  # a vocative opening
    ("mate, whats ALPPS", ("ALPPS",)),
    ("doc, what is OLT", ("OLT",)),
])
def test_intensifiers_and_vocatives_ask_nothing_more(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("text, named", [
    ("when can he go back to work after a liver resection", {"employment"}),
    ("how long off work after surgery?", {"employment"}),
    ("does TACE work?", set()),  # whether a treatment works is no job
    ("it seems to work", set()),
])
def test_a_job_named_by_a_phrase(text, named):
    assert named_circumstances(text) == named


@pytest.mark.parametrize("question, record", [
    ("in one line, what were the authors trying to do with this paper?", False),  # what they set out to do
    ("According the authors, who should do the repeated liver operations?", False),  # "to" dropped, as learners do
    ("who are the authors?", True),
])
def test_the_authors_as_those_who_aim_or_hold_a_view(article, question, record):
    assert ("citation" in [local_id(u) for u in structural_units(question, [article])]) is record


def test_a_works_topic_ends_where_the_askers_purpose_opens(pipeline):
    answer = pipeline.ask("Please provide the full reference (journal, year, vol, pages, DOI) for the Machairas "
                                   "review on NELM treatment so I can cite it in my referral letter.")
    assert not answer.abstained and answer.citations[0].unit_id.endswith("citation")


def test_a_short_form_used_in_the_documents_figure(glossary):
    assert parse_glossary_terms("Short form used in the review's figure for orthotopic liver transplantation?", glossary) == (
        "orthotopic liver transplantation",)


def test_a_wh_question_placed_in_a_numbered_figure_asks_what_it_holds():
    assert addressee("In Figure 2, what is the next step after TACE if the disease progresses?").source == "figure"
    assert not is_treatment_question("In Figure 2, what is the next step after TACE if the disease progresses?")
    assert is_treatment_question("In figure 2, what is the treatment for a G2 pNET with unresectable liver-only mets?")


def test_just_or_only_before_the_second_measure_still_asks_an_influence():
    assert not asks_for_number("does having the spots in the liver affect how i feel day to day or just how long i have")


def test_what_a_treatment_is_meant_to_achieve_asks_the_text():
    story = ("My husband's specialist tells us his liver tumours may be operable. According to the review, what is an "
             "operation intended to achieve in this situation?")
    assert not is_treatment_question(story)
    assert "aiming" in {clinical for _, clinical in lay_expansions("what is it intended to achieve")}


def test_an_indefinite_patient_however_qualified_tells_no_case():
    assert not is_treatment_question("is putting a NET patient on the transplant list something to do on its own, "
                                     "or only as one part of a bigger team-based plan?")


@pytest.mark.parametrize("question, wanted", [
    ("For the liver transplantation, which criteria the review use to select the patients (like Milan)?", "criteria"),
    ("which sunitinib trials does the review discuss?", "sunitinib trials"),
])
def test_the_class_asked_after_an_opening_or_with_a_verb_of_discussing(question, wanted):
    assert instance_class(question) == wanted


def test_a_habit_of_doing_is_a_propensity():
    assert "propensity" in {clinical for _, clinical in lay_expansions("they have a habit of going to the liver")}


def test_neg_for_is_the_clinical_shorthand_of_negative_for():
    case = extract_inputs("58M, SI-NET G2, bilobar liver mets but resectable in a single op, PET neg for EHD. plan?")
    assert case.extrahepatic == "none"


def test_which_one_it_is_told_in_lay_words_asks_no_more_than_its_definition(glossary):
    assert parse_glossary_terms("what is OLT, is that the one where they give you a new liver?", glossary) == ("OLT",)
    assert parse_glossary_terms("what is TACE, is it safe?", glossary) == ()


def test_funding_ties_beside_the_conflicts_get_the_declared_line_but_a_funder_is_not_said(pipeline):
    assert pipeline.ask("did the authors declare any conflicts of interest / funding ties?").citations[0].unit_id.endswith("coi")
    assert pipeline.ask("who funded the review?").abstained
