"""An abstract sentence named by its place ("the final sentence of the abstract"), "on the internet" for online,
an abbreviation's period inside a sentence ("Dasari et al. (ref 4) report ..."), a prefixed compound written
closed up ("nonoperative"), chat's lone "w" for "with", a verb that consumes its preposition ("mess with how
long"), a relative clause without its pronoun, the active voice of a lay phrase, "on it" after a term, and a
combination ("together with other treatments") that asks for no alternative. Each is a pattern of English or
of the document's structure, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.algorithm.inputs import extract_inputs
from rag.answer.cues import asks_for_number
from rag.answer.record_cues import citation_parts_for
from rag.core.question import asking_part
from rag.core.shorthand import expand_shorthand
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.lay import lay_expansions
from rag.retrieval.numbered import abstract_sentence
from rag.retrieval.structure import structural_units
from rag.routing.reasons import asks_for_another


@pytest.mark.parametrize("question, unit", [
    ("What purpose do the authors state in the final sentence of the abstract?", "abstract-s8"),
    ("what does the last sentence of the abstract say?", "abstract-s8"),
    ("what does the abstract's 3rd sentence say about surgery?", "abstract-s3"),
    ("sentence 5 of the abstract: what does it say?", "abstract-s5"),
    ("what is abstract sentence 2 about?", "abstract-s2"),
    ("the opening sentence of the abstract?", "abstract-s1"),
    ("sentence 12 of the abstract?", ""),  # the abstract has eight
    ("what is the last sentence of the keywords?", ""),
])
def test_an_abstract_sentence_is_named_by_its_place(question, unit):
    assert abstract_sentence(question, 8) == unit


def test_the_retriever_names_the_sentence_placed(article):
    found = structural_units("What does the final sentence of the abstract say?", [article])
    assert [u.split(":")[-1] for u in found] == ["abstract-s8"]


@pytest.mark.parametrize("question, fields", [
    # ("when" asks the record's date too)
    ("when did this first come out on the internet?", {"epub", "journal"}),
    ("when was it put on the web", {"epub", "journal"}),
    ("the date it went on-line?", {"epub"}),
    ("what 5-year survival did ref 4 report?", set()),  # a duration, not the record's year
    ("what year is ref 4 from?", {"journal"}),
])
def test_on_the_internet_is_online_and_a_duration_is_no_year(question, fields):
    assert citation_parts_for(question) == fields


def test_an_abbreviations_period_ends_no_sentence():
    question = "What 5-year overall survival did Dasari et al. (ref 4) report for patients with distant-stage NETs?"
    assert asking_part(question) == question
    assert asks_for_number(question)


def test_a_work_said_to_be_in_the_list_is_one_of_the_references_not_the_review(article):
    question = "there is an american study in the list about how common these are, who wrote it and where was it printed"
    assert "citation" not in [u.split(":")[-1] for u in structural_units(question, [article])]
    assert "keywords" in [u.split(":")[-1] for u in structural_units("is ablation in the list of keywords?", [article])]


@pytest.mark.parametrize("text, lay, clinical", [
    ("operative vs nonoperative approaches", "nonoperative", "non-surgical"),
    ("is non op care an option", "non op", "non-surgical"),
    ("would a redo be possible", "redo", "repeat"),
])
def test_a_prefixed_compound_is_found_hyphenated_open_or_closed_up(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)


@pytest.mark.parametrize("text, expanded", [
    ("does that mess w how long u live", "does that mess with how long you live"),
    ("pts w liver mets", "patients with liver mets"),
    ("6 w of therapy", "6 w of therapy"),  # after a number it is weeks
    ("Dr W said so", "Doctor W said so"),  # a capital is an initial
])
def test_a_lone_lower_case_w_is_with(text, expanded):
    assert expand_shorthand(text) == expanded


@pytest.mark.parametrize("question, number", [
    ("does that mess with how long you live", False),
    ("does it mess up with how much time he has", False),
    ("how long do you live with it?", True),
])
def test_a_verb_with_its_preposition_makes_how_long_a_noun_clause(question, number):
    assert asks_for_number(question) is number


@pytest.mark.parametrize("text, liver, recurrence", [
    ("they took part of my liver out 2 yrs ago and now theres a new spot in the liver they say they can cut out",
     "resectable", True),
    ("a new lesion the surgeons could remove", "resectable", None),
    ("a lesion that they could resect", "resectable", None),
])
def test_a_relative_clause_without_its_pronoun_and_the_active_lay_phrase(text, liver, recurrence):
    inputs = extract_inputs(text)
    assert (inputs.liver, inputs.recurrence) == (liver, recurrence)


@pytest.mark.parametrize("question, terms", [
    ("whats OLT on it", ("OLT",)),
    ("what's TAE on there", ("TAE",)),
])
def test_a_term_read_on_the_page_pointed_at_is_asked(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, another", [
    ("is that done by itself or together with other treatments?", False),
    ("is it given alongside other therapies?", False),
    ("are there other treatments?", True),
    ("what other options are there?", True),
])
def test_a_treatment_combined_with_others_asks_for_no_alternative(question, another):
    assert asks_for_another(question) is another


def test_the_one_with_a_word_in_its_name_is_the_family_member(glossary):
    from rag.glossary.siblings import sibling_term

    assert sibling_term("ok and the one with chemo in the name?", "TAE", glossary) == "TACE"


@pytest.mark.parametrize("question, fields", [
    # (the whole record: every field)
    ("For my grant reference list I need the full citation: journal, year, volume, issue and pages.", set()),
    ("For my grant reference list: journal and pages?", {"journal"}),
    ("what funding did it get? for my grant application", {"unindexed"}),  # the funding asked stays a field the record lacks
    ("who wrote it and where it was published?", {"authors", "journal"}),
])
def test_what_the_asker_wants_it_for_names_no_missing_field(question, fields):
    assert citation_parts_for(question) == fields


def test_the_askers_own_piece_of_writing_cites_the_review(article):
    question = "Kindly tell the volume, issue and page numbers of this review article for my assignment reference."
    assert [u.split(":")[-1] for u in structural_units(question, [article])] == ["citation"]


@pytest.mark.parametrize("question, leans", [
    ("Can you tell me?", True),
    ("Do you know?", True),
    ("any idea?", True),
    ("Can you tell me the journal?", False),
])
def test_a_bare_request_asks_what_the_statement_before_it_wanted(question, leans):
    from rag.routing.context import leans_on_statement

    assert leans_on_statement(question) is leans


@pytest.mark.parametrize("text, circumstances", [
    ("When these neuroendocrine growths travel, is the liver the main place they end up?", set()),
    ("can she travel after the operation?", {"travel"}),
])
def test_a_tumour_that_travels_spreads(text, circumstances):
    from rag.answer.circumstances import named_circumstances

    assert named_circumstances(text) == circumstances


@pytest.mark.parametrize("question, number", [
    ("what decides whether the liver op is doable - how much of the liver is riddled with tumour?", False),
    ("how much of the liver is involved?", True),
])
def test_an_amount_beside_what_decides_is_the_factor_guessed(question, number):
    assert asks_for_number(question) is number


def test_too_many_to_cut_out_is_unresectable():
    assert extract_inputs("the spots are only in the liver but there are too many to cut out").liver == "unresectable"


@pytest.mark.parametrize("question, personal", [
    ("Will the liver spots make her last days painful?", True),
    ("what can we do in his final weeks?", True),
    ("how many days after surgery do patients stay in hospital?", False),
])
def test_one_persons_last_days_are_a_personal_outcome(question, personal):
    from rag.answer.circumstances import asks_personal_outcome

    assert asks_personal_outcome(question) is personal


def test_a_part_of_the_document_may_drop_its_article(glossary):
    assert parse_glossary_terms("ALPPS expansion for legend", glossary) == ("ALPPS",)


def test_the_present_review_is_this_review(article):
    found = structural_units("What is the objective of the present review? Kindly explain in brief.", [article])
    assert [u.split(":")[-1] for u in found] == ["abstract-s8"]


@pytest.mark.parametrize("text, liver", [
    ("pNET G2 unresect liver-only, next?", "unresectable"),  # clipped as notes clip it
    ("G1 SI-NET, non-resect, bilobar", "unresectable"),
])
def test_a_clipped_unresectable_is_read(text, liver):
    assert extract_inputs(text).liver == liver


def test_next_closing_a_case_asks_for_the_next_step():
    from rag.routing.treatment import is_treatment_question

    assert is_treatment_question("pNET G2 unresect liver-only, next?")
    assert not is_treatment_question("which reference comes next?")


def test_a_treatment_named_alone_after_a_case_is_asked_for_that_case(glossary):
    from rag.routing.router import route

    case = ["pNET G2 liver-only unresect, next?"]
    assert route("SSA?", case, glossary, 2000).route == "algorithm"
    assert route("what is SSA?", case, glossary, 2000).route == "glossary"  # a frame asks the definition
    assert route("SSA?", ["what does the review say about surgery?"], glossary, 2000).route == "glossary"


@pytest.mark.parametrize("question, terms", [
    ("Where stands SI-NEN for?", ("SI-NEN",)),  # Dutch "waar staat ... voor"
    ("where does TAE stand for", ("TAE",)),
])
def test_where_for_what_as_dutch_and_german_speakers_ask(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question", [
    "What is this review actually trying to do?",
    "what were the authors trying to do",
])
def test_what_the_review_or_its_authors_are_trying_to_do_is_its_aim(article, question):
    assert [u.split(":")[-1] for u in structural_units(question, [article])] == ["abstract-s8"]


def test_removing_the_primary_says_nothing_about_the_liver():
    assert extract_inputs("spots in the liver but they can remove the primary").liver is None
