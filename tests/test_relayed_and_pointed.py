"""Questions asked for someone else, and what their pointers and guesses point at: "his wife now asks: ...", "the
family want to know what it means", "PVE vs PVL, what do the letters stand for?", "is the SI for small
intestine?", "the distribution types, what are they?". Each case is a pattern of English, not the wording of one
evaluation item.
"""

from __future__ import annotations

import pytest

from rag.answer.cues import instance_class
from rag.core.courtesy import without_pleasantries
from rag.glossary.questions import parse_glossary_terms
from rag.routing.followup import is_followup
from rag.routing.treatment import is_treatment_question
from rag.retrieval.structure import structural_units


@pytest.mark.parametrize("question, asked", [
    pytest.param("His wife now asks: so who actually gets one?", "so who actually gets one?", id="colon-then-question"),
    pytest.param("the family want to know whether surgery is possible", "surgery is possible", id="whether-clause"),
    pytest.param("his son asks, why is surgery first?", "why is surgery first?", id="comma-then-question"),
    # a story after the relaying words keeps them: the asker stays in the case
    pytest.param("His wife is asking: the scan showed it has gone to the liver. Is the operation right?",
                 "His wife is asking: the scan showed it has gone to the liver. Is the operation right?", id="story"),
    pytest.param("the patient asked about surgery", "the patient asked about surgery", id="no-question-relayed"),
])
def test_a_question_relayed_for_someone_else_is_the_question(question, asked):
    assert without_pleasantries(question) == asked


@pytest.mark.parametrize("question, terms", [
    # a pointer after coordinated terms points at all of them
    pytest.param("Sorry, basic one - PVE vs PVL, what do the letters stand for?", ("PVE", "PVL"), id="list-then-pointer"),
    pytest.param("she had TACE and TAE, what are those?", ("TACE", "TAE"), id="and-list-then-plural"),
    # a question embedded after a verb of asking or knowing, its pronoun before the verb
    pytest.param("The family saw 'OLT' written on the treatment chart and want to know what it means.", ("OLT",),
                 id="want-to-know-what-it-means"),
    pytest.param("my mum had TACE and wants to know what it involves", (), id="embedded-but-not-a-meaning"),
    # "expanded to" asks the long form as "stands for" does
    pytest.param("what is PPRT expanded to?", ("PPRT",), id="expanded-to"),
    # a guess at a part of a short form is answered by the whole form's long form
    pytest.param("is the SI in SI-NEN for small intestine?", ("SI-NEN",), id="part-guess"),
    pytest.param("the scan report says SI-NEN, is the SI for small intestine", ("SI-NEN",), id="part-guess-after-form"),
    pytest.param("does the S in ALPPS stand for staged?", ("ALPPS",), id="letter-guess"),
    pytest.param("is the liver in NELM the main site?", (), id="no-part-of-a-form"),
])
def test_what_an_abbreviation_question_points_at(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, followup", [
    # a demonstrative as the subject after an inverted auxiliary is a pronoun
    ("why would those be more widely usable than surgery?", True),
    ("could these work for him?", True),
    ("would those patients be offered surgery in the review?", False),
])
def test_a_demonstrative_subject_of_an_inverted_question_points_back(question, followup):
    assert is_followup(question) is followup


def test_what_would_be_used_after_a_case_asks_for_a_decision():
    case = ("Pt with G1 panNEN, bilobar liver mets. Left side can be cleared but after an extended right hepatectomy the "
            "remnant would be too small. Staged approach? What would be used?")
    assert is_treatment_question(case)


@pytest.mark.parametrize("question, cls", [
    pytest.param("figure 1 - the distribution types, what are they? type I/II/III?", "distribution types", id="named-then-they"),
    pytest.param("figure 1 what are the different types of spread it shows?", "types of spread", id="relative-clause"),
    pytest.param("what does figure 1 show?", "", id="the-figure-itself"),
])
def test_the_members_of_a_class_asked_by_a_pointer_or_a_relative_clause(question, cls):
    assert instance_class(question) == cls


def test_a_contracted_what_is_reads_as_spelled_out():
    from ingest.parse import parse_pubmed_page
    from tests.conftest import SEED

    article = parse_pubmed_page(SEED)
    assert [u.split(":")[-1] for u in structural_units("what's the review setting out to cover?", [article])] == ["abstract-s8"]


@pytest.mark.parametrize("question, terms", [
    # a guess whose initials spell the short form is a guess at its expansion, right or wrong
    pytest.param("is SA surgical ablation?", ("SA",), id="initials-spell-it"),
    # a hedged guess with a request to confirm; a bare noun phrase names a thing whatever its other words
    pytest.param("I assume OLT in the figure means open liver transplant - can you confirm?", ("OLT",), id="hedged-guess"),
    pytest.param("OLT = liver transplant for everyone?", (), id="a-claim-not-a-name"),
    pytest.param("is TACE safe?", (), id="an-adjective-is-no-guess"),
    pytest.param("PVE vs PVL - expansions of both as used in the review?", ("PVE", "PVL"), id="expansions-of-both"),
])
def test_a_guess_at_an_expansion(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, leans", [
    ("In which journal and year this one appeared?", True),  # "this one": the work told before
    ("Is anything of that sort stated for this paper?", True),  # "of that sort": the kind of thing told
    ("Which journal published the review?", False),
])
def test_a_question_pointing_at_the_statement_before_it_searches_with_it(question, leans):
    from rag.routing.context import leans_on_statement

    assert leans_on_statement(question) is leans


def test_a_demonstrative_subject_after_did_points_back():
    assert is_followup("In which journal did that appear, and in what year?")


@pytest.mark.parametrize("question, asks", [
    ("Can you give me that sentence word for word so I can quote it?", True),
    ("what's the exact wording?", True),
    ("give me the sentence about transplantation", False),  # a sentence asked by its content
])
def test_asking_for_the_passage_word_for_word(question, asks):
    from rag.routing.referents import _VERBATIM_ASKED

    assert bool(_VERBATIM_ASKED.match(question)) is asks


@pytest.mark.parametrize("question, units", [
    ("Where exactly did this piece come out? I need a proper reference line to put at the bottom of my article.",
     ["citation"]),
    ("What do the authors say the review itself sets out to do? Looking for their own statement of purpose.",
     ["abstract-s8"]),
    ("when did the spots come out on the scan?", []),  # "come out" of something that is no publication
])
def test_a_publication_comes_out_and_sets_out_to_do_things(question, units):
    from ingest.parse import parse_pubmed_page
    from tests.conftest import SEED

    article = parse_pubmed_page(SEED)
    assert [u.split(":")[-1] for u in structural_units(question, [article])] == units


@pytest.mark.parametrize("told, name, value", [
    ("a good many deposits in both halves of my liver, too many to be removed, my surgeon says", "liver", "unresectable"),
    ("resectable but the rest of liver after the operation will be too small", "liver", "staged"),
    ("G1 NET of the ileum and liver metastases only in liver", "extrahepatic", "none"),
])
def test_a_case_told_in_plain_words(told, name, value):
    from rag.algorithm.inputs import extract_inputs

    assert getattr(extract_inputs(told), name) == value


@pytest.mark.parametrize("told, recurrence", [
    ("Three years ago I had part of my liver removed for secondaries; two new spots in the liver", True),
    ("2 years ago she underwent a right hepatectomy", True),
    ("a year ago he had chemo", None),  # no liver operation named
])
def test_a_liver_operation_told_after_its_time_is_a_previous_hepatectomy(told, recurrence):
    from rag.algorithm.inputs import extract_inputs

    assert extract_inputs(told).recurrence is recurrence


def test_a_second_operation_names_the_repeat_resection_only():
    from rag.algorithm.asked import named_treatments
    from rag.algorithm.tree import load_tree

    tree = load_tree()
    assert named_treatments("Is a second operation something the article would contemplate?", tree) == ["repeat-resection"]
    assert named_treatments("is an operation possible?", tree) == ["resection"]
