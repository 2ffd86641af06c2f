"""A lay phrase's "the" standing for any definite determiner ("gone to her liver"), a contraction's clitic that is
no word ("they're" holds no RE), a cardinal that counts where an ordinal places ("one reference about ..."), a
follow-up naming its own item by its place ("and the second figure, it is ..."), the asker's informant as the one
who "said" ("my daughter said this article cites ..."), whose aim "the stated aim of X" is, an alternative that
only reports ("or just mention it?"), the asker's purpose closing a glossary question (", for indexing"), a
question comma-spliced onto another ("who decides that, is it one doctor?"), a number of years before its measure
("5 year survival") as a duration, a figure told and asked whether the text holds it ("is that number in there?"),
a question that leans on the statement before it weighed with that statement, "effect" as the misspelt verb, the
document citing told as a statement, a misprint guessed after the term, a greeting in another language, a number
word as digits, an indirect question's statement order, the leftover liver as the remnant, and a condition that is
the statement told ("when that's possible"), an aside that someone is waiting, pain and the end of life as
circumstances, an adverb inside a frame ("does this review actually cover"), kinds of study, "strategies" as a
request, "who has written", "in full" as the written-out form, the asker's own tumour, a relayed patient who "wants
to know", heredity, a reference for the asker's own writing, a follow-up naming its own work, and the authors'
overall message, percentages in the plural, the case's person named by a pronoun, "in two goes", and what is
"besides" or "other than" a treatment as an alternative to it. Each is a pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.algorithm.inputs import extract_inputs
from rag.answer.circumstances import named_circumstances
from rag.answer.cues import asks_for_number, instance_class
from rag.answer.record_cues import asks_what_a_work_found, citation_parts_for, record_fields_asked
from rag.core.courtesy import without_pleasantries
from rag.core.text import tokens
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.aims import asks_aim
from rag.retrieval.lay import lay_expansions
from rag.retrieval.numbered import numbered_items
from rag.retrieval.structure import structural_units
from rag.routing.addressee import addressee
from rag.routing.context import leans_on_statement
from rag.routing.followup import is_followup, pick_referent, rewrite
from rag.routing.treatment import case_told, is_treatment_question


@pytest.mark.parametrize("text, lay, clinical", [
    ("her NET has gone to her liver", "gone to her liver", "metastasis"),
    ("it went to his liver last year", "went to his liver", "metastasis"),
    ("they block its blood supply", "block its blood supply", "embolization"),
    ("has it gone to the liver", "gone to the liver", "metastasis"),
])
def test_the_in_a_lay_phrase_stands_for_any_definite_determiner(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)


def test_a_determiner_that_is_no_definite_one_is_not_read_as_the():
    assert not any(lay.startswith("gone to") for lay, _ in lay_expansions("it has gone to a liver clinic"))


@pytest.mark.parametrize("text, lay, clinical", [
    ("one piece of a plan where the treatments work together", "work together", "complementing"),
    ("or part of a wider team plan?", "wider team", "multidisciplinary"),
    ("is the liver a usual place for these tumours to seed?", "seed", "metastasis"),
    ("does it usually spread there", "usually", "frequently"),
    ("a study on what predicts survival", "predicts", "prognostic"),
])
def test_true_synonyms_of_the_reviews_words(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)


@pytest.mark.parametrize("text, expected", [
    ("they're done", ["they", "done"]),
    ("it's we've you'll I'd I'm", ["it", "we", "you", "i", "i"]),
    ("O'Toole D", ["o", "toole", "d"]),  # a name keeps its part after the apostrophe
    ("THEY'RE RE", ["they", "re"]),  # the abbreviation standing alone is a word
    ("177Lu 5-year SI-NEN", ["177", "lu", "5", "year", "si-nen"]),
])
def test_a_contractions_clitic_is_no_word(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize("question, items", [
    ("There is one reference about incidence of NET in USA?", ()),  # a count
    ("is there one figure about types of spread?", ()),
    ("what is the 2nd reference?", ("reference-2",)),
    ("the fourth reference", ("reference-4",)),
    ("what is reference one?", ("reference-1",)),  # after the noun, a number is its label
    ("the first picture", ("figure-1",)),
])
def test_a_cardinal_before_the_noun_counts_and_an_ordinal_places(question, items):
    assert numbered_items(question) == items


def test_a_follow_up_naming_another_item_by_its_place_asks_of_that_item():
    assert rewrite("And the second figure, it is for which grade of tumors?",
                   ["What is figure 1 of this review?"]).question == "What is figure 2 of this review?"
    # the pronoun's antecedent is the item the question names, not the previous answer's
    assert pick_referent("And the second figure, it is for which grade of tumors?", ["figure-1"]) == []


def test_a_follow_up_naming_an_item_of_another_kind_keeps_the_earlier_one_unnamed():
    asked = rewrite("and what does ref 13 that it's based on conclude?", ["what's figure 1 about?"]).question
    assert "figure 1" not in asked and "ref 13" in asked


@pytest.mark.parametrize("question, found", [
    ("my daughter said this article cites a study on what predicts survival, who wrote that one?", False),
    ("the surgeon told me the review cites a trial, where was it published?", False),
    ("what did the review say about TACE?", True),  # the work is the one that says
    ("the doctor said Pavel et al. recommend surgery, what did they find?", True),
])
def test_who_told_the_asker_is_no_work_reporting_a_finding(question, found):
    assert asks_what_a_work_found(question) is found


@pytest.mark.parametrize("question, aim", [
    ("What's the stated aim of curative-intent liver surgery in NELM?", False),  # the surgery's aim
    ("what is the stated aim of the review?", True),
    ("their stated aims, in one line?", True),
])
def test_the_stated_aim_of_a_treatment_is_not_the_reviews(question, aim):
    assert asks_aim(question) is aim


def test_asking_what_the_review_sets_out_to_discuss_is_no_treatment_case():
    assert not is_treatment_question("Scope check for inclusion: what treatment approaches does this review set out to discuss?")


def test_an_alternative_that_only_reports_asks_what_the_text_holds():
    question = "Do they actually endorse two-step hepatectomies for extensive bilobar disease, or just mention that they're done?"
    assert addressee(question).verb == "text"
    assert not is_treatment_question(question)
    assert is_treatment_question("G2 pNET, extensive bilobar disease, remnant too small: two-step hepatectomy?")


@pytest.mark.parametrize("question, terms", [
    ("OLT - expansion please, for indexing.", ("OLT",)),
    ("what does TACE stand for, for my notes?", ("TACE",)),
])
def test_the_askers_purpose_closing_a_glossary_question_asks_nothing_more(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_question_comma_spliced_onto_a_pointing_one_leans_on_the_turn_before():
    assert is_followup("who decides that, is it one doctor?")
    assert not is_followup("which journal published the review, is it open access?")


@pytest.mark.parametrize("question, fields", [
    ("her daughter keeps asking what the 5 year survival is after they take the liver tumours out", set()),
    ("five year overall survival in the review?", set()),
    ("ref 5 year?", {"journal"}),  # reference 5's year
    ("what year was it published", {"journal"}),
])
def test_a_number_of_years_before_its_measure_is_a_duration_not_the_records_year(question, fields):
    assert record_fields_asked(question) == fields


@pytest.mark.parametrize("question, number", [
    ("our draft says survival is around 70% per the review. is that number in there?", True),
    ("does this paper give an actual number I can point to?", True),
    ("is it true that the liver is the number one organ for far away spread?", False),
    ("is the figure in there?", False),  # a picture
])
def test_a_figure_told_and_asked_whether_the_text_holds_it_asks_for_a_number(question, number):
    assert asks_for_number(question) is number


def test_a_question_leaning_on_the_statement_before_it_is_weighed_with_that_statement(pipeline):
    answer = pipeline.ask("the doctor said maybe 'radiology treatment' instead of an operation for my moms liver spots. "
                          "is that a real thing according to this article?")
    assert not answer.abstained and [c.unit_id.split(":")[-1] for c in answer.citations] == ["abstract-s6"]


def test_effect_as_the_misspelt_verb_makes_how_long_its_object():
    assert not asks_for_number("Does the paper say spread of these tumors to the liver effects quality of life and how "
                               "long ppl survive?")


def test_the_document_citing_as_a_statement_names_a_work_of_its_list(article):
    question = "The paper cites something on how common NETs are becoming in the US. Who's the first author of that one?"
    assert "citation" not in [u.split(":")[-1] for u in structural_units(question, [article])]


@pytest.mark.parametrize("question", [
    "PPRT? is that meant to be PRRT",
    "what is PPRT, is it supposed to be PRRT?",
])
def test_a_misprint_guessed_after_the_term_asks_its_definition(glossary, question):
    assert parse_glossary_terms(question, glossary) == ("PPRT",)


def test_a_greeting_in_another_language_is_a_greeting():
    assert without_pleasantries("Hola, my father have neuroendocrine tumor. Why the liver?") == \
        "my father have neuroendocrine tumor. Why the liver?"


@pytest.mark.parametrize("text, lay, clinical", [
    ("like 2 step hepatectomies", "2 step", "2-stage"),
    ("a two-step op", "two-step", "2-stage"),
])
def test_a_number_word_in_a_lay_phrase_is_also_found_as_digits(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)


def test_an_indirect_question_keeps_statement_order():
    question = "who the principal author is, and whether this is an original study or a review of other work?"
    assert citation_parts_for(question) == {"authors", "type"}


def test_the_leftover_liver_is_the_remnant():
    inputs = extract_inputs("grade 2 pancreatic NET; the mets could all be removed but the leftover liver would be too small")
    assert inputs.liver == "staged"


@pytest.mark.parametrize("question, leans", [
    ("what does the article say is the go-to treatment when thats possible", True),
    ("is surgery preferred in that case?", True),
    ("if so, which one?", True),
    ("what does the article say is the go-to treatment for resectable NELM?", False),
])
def test_a_condition_that_is_the_statement_told_leans_on_it(question, leans):
    assert leans_on_statement(question) is leans


@pytest.mark.parametrize("question, named", [
    ("what decides if liver resxn is feasible / how complex it'll be per this paper? pt waiting, quick pls", set()),
    ("she is waiting for surgery, how long?", {"waiting"}),
    ("how long is the waiting list for a transplant?", {"waiting"}),
    ("what does the review say about managing pain and end-of-life symptoms?", {"pain", "end of life"}),
    ("terminal ileum NET G1, liver mets: options?", set()),  # anatomy, not the end of life
])
def test_an_aside_that_someone_is_waiting_names_no_waiting_and_pain_is_a_circumstance(question, named):
    assert named_circumstances(question) == named


def test_an_adverb_before_the_verb_of_covering_still_asks_the_aim():
    assert asks_aim("quick one - what does this review actually cover? just surgery or other stuff too")
    assert not asks_aim("does the review actually cover sunitinib?")


@pytest.mark.parametrize("question", [
    "Is this an original series or a narrative review?",
    "is it a scoping review or original research?",
])
def test_the_kinds_of_study_name_the_article_type(question):
    assert "type" in citation_parts_for(question)


def test_strategies_are_a_request_for_treatment_after_a_case():
    assert is_treatment_question("Well-differentiated G1 ileal primary, bilobar NELM; one-stage clearance would leave an "
                                 "inadequate future liver remnant. What strategies fit?")


def test_who_has_written_it_asks_the_authors(article):
    assert [u.split(":")[-1] for u in structural_units("OK and who has written this article?", [article])] == ["citation"]


def test_an_adverb_before_shown_keeps_the_class_whose_members_are_asked():
    assert instance_class("What are the three distribution patterns actually shown in Figure 1?") == "distribution patterns"


@pytest.mark.parametrize("question", [
    "the doctors keep writing NELM in her notes, what does it mean in full?",
    "what does NELM mean in full?",
])
def test_in_full_asks_the_written_out_form(glossary, question):
    assert parse_glossary_terms(question, glossary) == ("NELM",)


def test_the_askers_own_net_and_cutting_the_liver_bits_out_tell_a_case():
    assert is_treatment_question("my NET is grade 3 now. ki67 like 40%. can they still cut the liver bits out?")


def test_a_patient_who_wants_to_know_relays_the_question():
    assert not is_treatment_question("Pt on the phone wants to know: do the liver treatments usually come before or after "
                                     "tablets/chemo? what order does the review suggest")


@pytest.mark.parametrize("question, treatment", [
    ("Is this kind of tumour inherited? Should I, as her sister, get tested?", False),
    ("62F G2 pNET, resectable liver mets, MEN1 genetic testing negative. plan?", True),  # a test told with its result
    ("G2 pancreatic NET, liver mets plus new bone lesions. Trial screening question: what does the algorithm point to?", True),
])
def test_heredity_and_being_tested_ask_no_treatment(question, treatment):
    assert is_treatment_question(question) is treatment


def test_a_reference_for_the_askers_own_writing_cites_the_review(article):
    question = "who's the first author on this one and what journal is it in? need it for the case summary reference"
    assert [u.split(":")[-1] for u in structural_units(question, [article])] == ["citation"]


def test_a_follow_up_naming_its_own_work_and_its_fields_drops_the_earlier_work():
    assert rewrite("and the Lancet Oncol one - first author and year?",
                   ["does the review cite the ENETS guidelines?"]).question == "and the Lancet Oncol one - first author and year?"


@pytest.mark.parametrize("question, aim", [
    ("Summarise their overall message please.", True),
    ("what is the review's main conclusion?", True),
    ("what is the main point of TACE?", False),
])
def test_the_authors_overall_message_is_the_reviews_aim(question, aim):
    assert asks_aim(question) is aim


def test_percentages_in_the_plural_ask_for_a_number():
    assert asks_for_number("what are the three distribution patterns drawn in fig 1? percentages for each?")


def test_a_question_about_the_person_of_the_case_stays_in_the_case():
    history = ("Patient 58M, G2 ileal NET, liver mets unresectable, liver only", "what's the role of embolization for him?")
    assert case_told(history) == history


@pytest.mark.parametrize("text, lay, clinical", [
    ("heard somethin about doin it in two goes", "in two goes", "2-stage"),
    ("can they do it all in one go?", "in one go", "1-stage"),
])
def test_in_two_goes_is_in_two_stages(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)


@pytest.mark.parametrize("text, lay, clinical", [
    ("is there anything besides a big operation?", "besides", "alternatives"),
    ("anything apart from surgery", "apart from", "alternatives"),
    ("options other than an op?", "other than", "alternatives"),
    ("does it change her normal life?", "normal life", "quality of life"),
])
def test_what_is_other_than_a_treatment_is_an_alternative_to_it(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)
