"""Notes that drop their articles ("as used in abstract", "safety per authors?"), hedges in the progressive ("I'm
assuming that's ..."), a reference number in the brackets the text cites it with, a direct question after a comma,
a told obstacle asked around ("is there any way around this?"), lay words for an unresectable liver and a small
remnant, and the next passage that holds the kind of answer asked when the best match lacks it.
Each case is a pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.algorithm.inputs import extract_inputs
from rag.core.text import local_id
from rag.answer.cues import asks_for_number, instance_class
from rag.glossary.named import short_forms_in
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.numbered import numbered_items
from rag.retrieval.structure import structural_units
from rag.routing.treatment import is_treatment_question


@pytest.mark.parametrize("question, terms", [
    # the chat clipping of "abbreviation", and a part of the document without its article
    ("NELM - abbrev as used in abstract?", ("NELM",)),
    ("what is TACE in abstract", ("TACE",)),
    # a hedge in the progressive before the guess
    ("In the figure 2 legend there's 'SA' - I'm assuming that's somatostatin analogues and not something else?", ("SA",)),
    ("I'm guessing TACE means chemoembolization?", ("TACE",)),
])
def test_notes_and_progressive_hedges_read_as_glossary_questions(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_progressive_hedge_before_a_claim_is_no_guess(glossary):
    assert parse_glossary_terms("I'm thinking TACE is better than RE?", glossary) == ()


def test_a_clitic_is_no_piece_of_a_short_form(glossary):
    # "there's SA" is no "sSA", but a form typed in two pieces is still one
    assert short_forms_in("there's SA", glossary) == ("SA",)
    assert short_forms_in("what is SI NEN", glossary) == ("SI NEN",)


def test_a_reference_number_in_brackets_names_the_reference():
    assert "reference-13" in numbered_items("ref [13] (fig 1 source) - who/what?")
    assert numbered_items("what is reference (2)?") == ("reference-2",)


def test_a_direct_question_after_a_comma_opens_a_clause():
    question = "figure 1 has different types of how the tumours spread in the liver, what are the types called?"
    assert instance_class(question) == "types"


@pytest.mark.parametrize("question, unit, named", [
    # the authors as the source of a view, in a note's "per authors"
    ("2-stage / repeat hepatectomy NELM - safety per authors?", "citation", False),
    ("who are the authors?", "citation", True),
    # a note names its subject first: the goals are the operation's, not the review's
    ("curative hepatectomy for resectable NELM - stated goals?", "abstract-s8", False),
    ("What is the stated aim of the review?", "abstract-s8", True),
])
def test_notes_name_no_record_they_only_attribute(article, question, unit, named):
    assert (unit in [u.split(":")[-1] for u in structural_units(question, [article])]) is named


@pytest.mark.parametrize("text, status, assumed", [
    ("G2 tumour, the liver is too full for surgery they say, nothing anywhere else", "unresectable", False),
    ("too spread out to operate on", "unresectable", False),
    ("if they take them all out there wont be enough liver left for him to live on", "staged", True),
    ("there is not enough remnant liver", "staged", True),
])
def test_lay_words_for_the_liver_status(text, status, assumed):
    inputs = extract_inputs(text)
    assert inputs.liver == status
    assert ("liver" in inputs.assumed) is assumed


@pytest.mark.parametrize("question, wanted", [
    # how what was told bears on the case, asked with a demonstrative
    ("45 y/o, G1 pancreatic NEN, diffuse unresectable liver-only mets, stable for years. Family is asking about "
     "transplant. where does that fit?", True),
    # a way around the obstacle told is an option
    ("grade 2 pancreatic tumour, liver only, but if they take them all out there wont be enough liver left. is there "
     "any way around this?", True),
    # a general fact after a story stays the text's
    ("my mum has a pancreatic NET with spots on her liver. is the liver the main place they spread to?", False),
])
def test_a_told_case_asked_about_with_a_pointer(question, wanted):
    assert is_treatment_question(question) is wanted


@pytest.mark.model
def test_the_next_passage_holding_a_degree_answers_how_common(pipeline):
    # the best match names liver involvement without a degree; the next holds "frequently ... high propensity"
    answer = pipeline.ask("How common is liver involvement when neuroendocrine neoplasms metastasize?")
    assert not answer.abstained
    assert [local_id(c.unit_id) for c in answer.citations] == ["abstract-s1"]


@pytest.mark.model
def test_a_verdict_between_options_keeps_its_refusal(pipeline):
    # a lesser match that holds "of choice" gives no verdict on 1- against 2-stage resection
    answer = pipeline.ask("Does the review compare outcomes of 1-stage versus 2-stage liver resections for NELM?")
    assert answer.abstained


@pytest.mark.parametrize("question, terms", [
    # the synonyms of "mean" in the do-support frame
    ("What does 'IFNa' denote in the figure legend? Is it the same interferon I was once offered years ago?", ("IFNa",)),
    # a place adverb after the term in a guess
    ("Fig 2 legend - 'RE' there is radioembolisation, correct?", ("RE",)),
    # a told clause after the frame, past a comma
    ("NELM?? what does that mean, its everywhere in the article", ("NELM",)),
    # one spelling a slip for the other asks for both
    ("is PPRT a typo for PRRT?", ("PPRT", "PRRT")),
    ("pprt typo for prrt", ("pprt", "prrt")),
])
def test_more_frames_of_a_glossary_question(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("text, extrahepatic", [
    ("a tumour that went to the liver, only the liver, grade not known yet", "none"),
    ("it has spread only to the liver", "none"),
    # what is treated is no site
    ("is treating just the liver worth it when the cancer is a whole-body thing?", None),
])
def test_only_the_liver_as_a_site(text, extrahepatic):
    assert extract_inputs(text).extrahepatic == extrahepatic


def test_a_treatment_and_or_not_asks_for_a_decision():
    assert is_treatment_question("g3 nec liver mets resect or not")
    assert not is_treatment_question("is resection or not the question the review answers?")


def test_a_measure_before_a_relative_clause_asks_for_a_figure():
    assert asks_for_number("What's the upper size limit they give for percutaneous thermal ablation of NELM?")


@pytest.mark.parametrize("question, terms", [
    ("wtf does NELM mean its literally on every line", ("NELM",)),  # chat's "wtf" is "what"
    ("PPRT?? is that a typo or an actual thing", ("PPRT",)),  # the real thing as the alternative to a typo
    ("In the algorithm is 'RE' radioembolisation or something else?", ("RE",)),  # the place put first
    # "want to say" for "mean", as Spanish "querer decir" and French "vouloir dire" put it
    ("What want to say NEN? I see it in all the text", ("NEN",)),
    # the verb before its pointer, and "this" with a plural noun, as learners write them
    ("In the scheme of the treatment appear 'ALPPS'. What signify this letters?", ("ALPPS",)),
    ("SI-NEN - small intestinal NEN I assume? pls confirm", ("SI-NEN",)),  # the hedge after the guess
    ("ok and TAE is that diff or same thing", ("TAE",)),  # the clipped "diff"
])
def test_learners_and_chat_frames(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_hedged_claim_after_a_term_is_no_guess(glossary):
    assert parse_glossary_terms("TACE - better than TAE I think?", glossary) == ()


@pytest.mark.parametrize("question", [
    "SI-NEN G1, multiple bilobar liver mets, unresectable, no extrahepatic disease - what's on the table?",
    # the plan told, checked against the pathway
    "they said her liver would be too small after if they took all the tumors out at once so now they wanna do it in "
    "2 surgeries?? its the small intestine kind, grade 1, nothing outside the liver. is that what the chart says",
])
def test_more_ways_of_asking_for_a_decision(question):
    assert is_treatment_question(question)


def test_chat_initialisms_are_written_out():
    from rag.core.shorthand import expand_shorthand

    assert expand_shorthand("tbh is that even a real option idk") == "to be honest is that even a real option i don't know"
    assert expand_shorthand("the RN said so") == "the RN said so"


def test_where_a_term_stands_asks_its_place(glossary):
    assert parse_glossary_terms("Where does OLT stand for NELM, according to the authors?", glossary) == ()
    assert parse_glossary_terms("OLT - stands for?", glossary) == ("OLT",)


def test_daily_life_around_a_case_is_no_request_for_the_algorithm():
    # the asker's own case told, then a treatment asked for it: the algorithm's
    assert is_treatment_question("Mine is a G3 carcinoma in the pancreas with liver spots. Is the operation-possibility there for me?")
    # a request about food names no treatment and no case detail: the text's to answer or decline
    assert not is_treatment_question("my dad has liver mets from a carcinoid, what foods should he keep off?")


def test_a_learners_long_word_asks_for_the_expansion(glossary):
    assert parse_glossary_terms("OLT - what is the long word for this? Is it the liver transplantation?", glossary) == ("OLT",)


def test_an_ordinal_picks_one_of_the_short_forms_named_before(glossary):
    from rag.routing.router import route

    earlier = ["In fig 2 they list PVE and PVL, first one is portal vein embolization right?"]
    turn = route("what's the second one stand for?", earlier, glossary, 2000)
    assert (turn.route, turn.glossary_terms) == ("glossary", ("PVL",))
    assert route("what does the first one stand for", ["is PVE or PVL better?"], glossary, 2000).glossary_terms == ("PVE",)
    assert route("what does the last one stand for", ["is PVE or PVL better?"], glossary, 2000).glossary_terms == ("PVL",)
    # a place the list does not have names none of it
    assert route("what does the third one stand for", ["is PVE or PVL better?"], glossary, 2000).route != "glossary"


def test_asking_how_to_look_the_paper_up_asks_its_identifier(article):
    units = [u.split(":")[-1] for u in structural_units("how do i look it up, is there a number or code for it?", [article])]
    assert "citation" in units
