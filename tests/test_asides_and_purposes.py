"""What a question carries besides what it asks: where the asker saw a term, what they want an answer for, a
half-remembered guess, a dropped auxiliary, a story told after the question, and the shorthand of durations. Each
case is a pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.answer.constraints import can_answer
from rag.answer.cues import asks_for_number, instance_class
from rag.answer.segments import Segment
from rag.glossary.questions import parse_glossary_terms
from rag.routing.followup import is_followup
from rag.routing.reasons import asks_why
from rag.routing.requests import asks_general_fact
from rag.retrieval.lay import lay_expansions
from rag.retrieval.structure import structural_units


@pytest.mark.parametrize("question, terms", [
    # where the term was seen is no part of it
    pytest.param("ifna in their algorithm = ?", ("ifna",), id="place-between-term-and-equals"),
    pytest.param("SI-NEN vs panNEN in the Fig 2 legend - what are the two expansions exactly?", ("SI-NEN", "panNEN"),
                 id="place-after-a-pair"),
    # an auxiliary dropped, as learners and quick typists write
    pytest.param("In figure it is written SI-NEN and panNEN, what they mean please", ("SI-NEN", "panNEN"),
                 id="what-they-mean"),
    pytest.param("PVL what it means", ("PVL",), id="what-it-means"),
    # "supposed to be" only hedges
    pytest.param("the figure has PPRT in it - what is that supposed to be?", ("PPRT",), id="supposed-to-be"),
    # a half-remembered expansion as a sentence of its own asks nothing more
    pytest.param("whats pprt?? radio something therapy?", ("pprt",), id="half-guess-after-the-question"),
    # the stop of a written short form ends no sentence
    pytest.param("Full reference for the slide footer incl. DOI, epub date and article type pls", (),
                 id="incl-is-no-sentence-end"),
    pytest.param("what is the role of TACE in the algorithm", (), id="a-place-after-a-content-question-stays"),
])
def test_what_a_glossary_question_tells_around_its_term(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_the_record_is_named_by_the_full_reference_and_not_by_the_askers_page(article):
    assert structural_units("Full reference for the slide footer incl. DOI, epub date and article type pls",
                            [article]) == ["citation"]
    assert structural_units("How should I list this review in my bibliography?", [article]) == ["citation"]
    faq = "For our FAQ page: which people with liver spread can be offered an operation?"
    assert "citation" not in structural_units(faq, [article])


def test_an_outside_short_form_expands_to_a_long_form_the_text_prints(pipeline):
    assert ("US", "United States") in pipeline.aliases("how common are NETs getting in the US?")
    assert pipeline.aliases("what about us?") == []  # the pronoun is no short form
    assert not any(other == "progression-free survival" for _, other in pipeline.aliases("what PFS is reported?"))


def test_a_cited_work_asked_by_its_subject_and_a_field_is_answered_by_its_entry(article):
    entry = next(u for u in article.units if u.id.endswith("reference-4"))
    piece = [Segment(entry, 0, len(entry.text))]
    asked = ("Does the review cite any data on how common these tumours have become in the United States, and if "
             "so, who wrote it and which journal published it?")
    assert can_answer(asked, piece, structural=False)
    # "who" as a relative pronoun asks no author: the likelihood still wants a figure
    assert not can_answer("Is it true most people who get a new liver are alive five years on? What percentage does "
                          "this review give?", piece, structural=False)


@pytest.mark.parametrize("question, expected", [
    ("5yr OS after hepatectomy for NELM - what figure does the review quote?", True),
    ("What 90-day mortality do they quote for major hepatectomy?", True),
    ("is a 2-stage hepatectomy safe?", False),
])
def test_a_duration_in_clinical_shorthand_asks_for_a_figure(question, expected):
    assert asks_for_number(question) is expected


def test_a_class_asked_after_what_the_question_is_for_is_still_a_class():
    assert instance_class("For my journal club slide I need Figure 1 - what are the distribution types shown?") \
        == "distribution types"
    assert instance_class("What are the proposed types of liver metastasis distribution in Figure 1?") \
        == "proposed types of liver metastasis distribution"


def test_a_story_told_after_the_question_is_context():
    assert asks_general_fact("is it normal for these nets to spread to the liver? grandmas started in her pancreas "
                             "and now its there too")


@pytest.mark.parametrize("question, expected", [
    ("which one is about prognostic factors?", True),
    ("which ones, octreotide or lanreotide?", False),  # names its own options
    ("which one of the treatments is used first for NELM?", False),
])
def test_which_one_picks_from_a_set_already_named(question, expected):
    assert is_followup(question) is expected


@pytest.mark.parametrize("question", ["and what's the point of it - is it just to make her live longer?",
                                      "whats the point", "what is the point of that?"])
def test_the_point_of_something_is_its_reason(question):
    assert asks_why(question)


def test_a_catheter_treatment_is_interventional_radiology():
    assert ("catheter", "interventional radiology") in lay_expansions("can it be done through a catheter in the groin?")


def test_which_one_works_best_is_a_judgement_a_caption_does_not_make(article):
    caption = next(u for u in article.units if u.id.endswith("figure-2"))
    piece = [Segment(caption, 0, len(caption.text))]
    assert not can_answer("which one works best? which embolization types appear in the treatment algorithm?", piece,
                          structural=True)


def test_the_other_ones_apposition_names_the_term(pipeline):
    answer = pipeline.ask("what about the other one, TAE?", history=["what does TACE stand for"])
    assert answer.route == "glossary" and "transarterial embolization" in answer.answer


@pytest.mark.parametrize("question, terms", [
    # the equals sign asks what a form stands for, whatever is told after it
    pytest.param("alpps = ? saw it on fig 2", ("alpps",), id="equals-then-told"),
    # a contracted subject opens the told clause after a question that closes on its verb
    pytest.param("whats si-nen mean its on my clinic leter from the liver team", ("si-nen",), id="run-on-its"),
    # a clause that only sets the named terms beside each other asks nothing new
    pytest.param("whats TACE and TAE, are they diffrent things?", ("TACE", "TAE"), id="are-they-different"),
    # a guess that gets most of the long form right is a guess at it; one that shares a word or two is not
    pytest.param("NELM = neuroendocrine liver malignancy? just checking before my exam", ("NELM",), id="partly-right-guess"),
    pytest.param("Bilobar G2 NELM, liver-only, projected FLR ~20%. Is ALPPS an option per the review, or PVE followed by "
                 "two-stage hepatectomy?", (), id="a-choice-is-no-guess"),
    # a bare term followed by told clauses tells a case
    pytest.param("NELM, liver-only, resectable in one stage, grade still pending from path. straight to hepatectomy?", (),
                 id="bare-term-then-a-case"),
])
def test_what_a_glossary_question_tells_after_its_term(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_courtesy_words_are_no_subject_of_a_follow_up():
    assert is_followup("Which journal and year, please?")


def test_an_ordinal_before_line_is_written_out():
    from rag.core.shorthand import expand_shorthand

    assert expand_shorthand("1st-line for resectable NELM per this review?").startswith("first-line")


@pytest.mark.parametrize("question", [
    "Does this review give any 5-year survival or recurrence figures after OLT that I could share with the family?",
    "what periop mortality does it quote for ALPPS in NELM?",
])
def test_whether_the_text_gives_an_outcome_figure_is_a_detail_not_a_decision(question):
    from rag.routing.treatment import asks_for_detail

    assert asks_for_detail(question)


def test_a_clipped_algorithm_is_the_pathway():
    from rag.routing.treatment import is_treatment_question

    assert is_treatment_question("G2 SI-NEN, multiple NELM on MRI, PET neg outside liver. mgmt per algo?")


def test_what_a_cited_work_turned_out_to_show_is_its_results():
    from rag.answer.record_cues import asks_for_results

    assert asks_for_results("Pape et al (ref 5) - which prognostic factors came out as significant for long-term outcome?")
