"""Phrasal verbs with their object between verb and particle ("take more out", "cut it out"), "named in"
as the passive of mentioning (no title asked), the class a record puts a paper in, a figure's legend as
what lists its treatments, and the question words of the languages learners mix into English.
Each case is a pattern of English (or of the language mixed in), not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.answer.cues import TITLE_CUE
from rag.answer.record_cues import citation_parts_for
from rag.core.text import local_id
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.lay import lay_expansions
from rag.routing.treatment import is_treatment_question


def _clinical(text: str) -> set[str]:
    return {term for _, term in lay_expansions(text)}


@pytest.mark.parametrize("text, term", [
    ("can they take more out", "resection"),
    ("they took it out last year", "resection"),
    ("cut the tumour out", "resection"),
    ("do these spots make people die sooner", "survival"),
])
def test_a_phrasal_verb_reads_with_its_object_between(text, term):
    assert term in _clinical(text)


def test_a_long_object_is_no_separated_phrasal_verb():
    # only a short object stands between verb and particle; "come out" names no phrasal verb of the table
    assert "resection" not in _clinical("take the three remaining tablets out")
    assert _clinical("when did the paper come out") == set()


def test_named_in_a_place_is_mentioned_not_titled():
    assert not TITLE_CUE.search("which therapies are named in the figure 2 legend?")
    assert TITLE_CUE.search("what is figure 2 named?")
    assert TITLE_CUE.search("how is the figure titled")


def test_the_class_a_paper_is_put_in_asks_its_type():
    assert {"epub", "type"} <= citation_parts_for("epub date? and is it classed as a review or an original article?")


@pytest.mark.parametrize("question, wanted", [
    ("what therapies does the figure 2 legend list?", False),
    ("what treatments does the legend of figure 2 name?", False),
    ("G2 panNEN, unresectable, liver only - what treatments does the algorithm list?", True),
])
def test_what_a_legend_lists_is_the_texts_to_answer(question, wanted):
    assert is_treatment_question(question) is wanted


@pytest.mark.parametrize("question, terms", [
    ("Was ist PVE in the figure legend?", ("PVE",)),  # German
    ("was bedeutet ALPPS?", ("ALPPS",)),
    ("que significa OLT", ("OLT",)),  # Spanish
    ("O que é SA?", ("SA",)),  # Portuguese
    ("Was it TACE they used?", ()),  # the English past of "be" is no German question word
])
def test_question_words_of_mixed_in_languages(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.model
def test_treatments_named_in_a_legend_are_answered_with_the_legend(pipeline):
    answer = pipeline.ask("which embolization therapies are named in the figure 2 legend?")
    assert [local_id(c.unit_id) for c in answer.citations] == ["figure-2"]
    assert "transarterial chemoembolization" in answer.answer and "radio-embolization" in answer.answer


def test_operating_is_a_form_of_operate():
    assert "surgery" in _clinical("does the review say anything about operating again?")


def test_the_review_named_by_its_first_author_is_the_review(article):
    from rag.retrieval.structure import structural_units

    assert "abstract-s8" in structural_units("What is the actual aim of the Machairas review?", [article])
    assert "citation" in structural_units("who wrote the Machairas review", [article])


@pytest.mark.parametrize("text", ["the planned resection leaves too small an FLR", "too small a remnant",
                                  "it would leave too little liver"])
def test_a_fronted_adjective_before_the_remnant_is_a_staged_case(text):
    from rag.algorithm.inputs import extract_inputs

    assert extract_inputs(text).liver == "staged"


def test_the_diagram_kind_before_figure_or_legend_names_the_figure(article):
    from rag.retrieval.structure import structural_units

    assert "figure-2" in structural_units("In the algorithm figure legend, which procedures are listed?", [article])
    assert "figure-2" not in structural_units("what does the algorithm recommend for G2?", [article])


@pytest.mark.model
def test_a_follow_up_with_a_question_of_its_own_asks_what_its_words_ask(pipeline):
    # the earlier turn asked what the review says about a topic; this turn asks an order, which no keyword list holds
    answer = pipeline.ask("and do they come before or after the chemo?",
                          history=["What does the review say about embolisation and ablation?"])
    assert [local_id(c.unit_id) for c in answer.citations] == ["abstract-s7"]


def test_a_reference_check_asks_the_record(article):
    from rag.retrieval.structure import structural_units

    assert structural_units("Reference check: Machairas N et al, Ann Gastroenterol 2021 - can you confirm volume and pages?",
                            [article]) == ["citation"]


def test_the_other_one_with_the_words_both_share(glossary):
    from rag.routing.router import route

    assert route("and the other portal vein one?", ["In figure 2 what does PVE mean?"], glossary, 2000).glossary_terms == ("PVL",)


def test_a_possessive_before_a_field_points_at_the_work_told():
    from rag.routing.context import leans_on_statement

    assert leans_on_statement("What is its title and in which journal?")
    assert not leans_on_statement("What is the title of the review?")


def test_a_reference_named_by_its_journal(article):
    from rag.retrieval.works import journal_words, references_by_journal

    references = [(u.id, journal_words(u.text)) for u in article.units if u.section == "reference"]
    assert references_by_journal("one of the refs is a JAMA Oncol thing about NETs", references) == ["reference-4"]
    # written out in part only: no journal's printed word, so no journal named
    assert references_by_journal("is there an endocrine review among them?", references) == []


def test_a_reverse_frame_in_the_progressive(glossary):
    from rag.routing.router import route

    turn = route("What is the short form the authors are using for neuroendocrine liver metastases?", [], glossary, 2000)
    assert turn.route == "glossary"


@pytest.mark.parametrize("text", ["they can take it all out but the bit left over would be too small",
                                  "so they'd do it in 2 goes"])
def test_lay_ways_of_telling_a_staged_case(text):
    from rag.algorithm.inputs import extract_inputs

    assert extract_inputs(text).liver == "staged"


@pytest.mark.model
def test_which_journal_was_that_in_after_a_reference_answer(pipeline):
    answer = pipeline.ask("which journal was that in?", history=["Is there an ENETS consensus guideline in the reference list?"])
    assert [local_id(c.unit_id) for c in answer.citations] == ["reference-2"]


def test_spots_in_another_organ_are_extrahepatic_disease():
    from rag.algorithm.inputs import extract_inputs

    assert extract_inputs("what if the bone scan had also shown spots in his spine?").extrahepatic == "present"
    assert extract_inputs("spots on the liver").extrahepatic is None


def test_a_detail_asked_as_a_bare_noun_phrase_with_a_slash():
    from rag.routing.treatment import asks_for_detail

    assert asks_for_detail("octreotide LAR / lanreotide dose they recommend for SI-NEN liver mets?")


@pytest.mark.parametrize("question, wanted", [
    # a yes/no question placed in the figure and put to its authors asks how it is drawn up, unless it tells a case
    ("In the treatment algorithm figure, do they split the drug options by where the primary is?", False),
    ("In the algorithm, do they offer surgery for a G2 SI-NEN that is resectable with no extrahepatic disease?", True),
    ("in the Figure 2 legend it says PPRT. Is that a typo, what should it be?", False),  # the printed legend
    ("In the figure 2 legend, what is recommended for a G2 pNET, unresectable, liver only?", True),
    # one option "on the table" for a case told
    ("38F, SI-NEN G1, diffuse unresectable NELM, no disease elsewhere - she's asking about a new liver. Is that on the table?",
     True),
    # two procedures joined by "+" are the pathway's, not a drug regimen
    ("62M ileal NET G2, 2 lesions resectable plus one small deep lesion, liver-only. Resect + ablate?", True),
    ("is capecitabine + temozolomide the chemo they recommend?", False),
])
def test_more_readings_of_a_request(question, wanted):
    assert is_treatment_question(question) is wanted


@pytest.mark.model
def test_criteria_asked_by_name_need_a_passage_that_names_criteria(pipeline):
    # "restricted only to highly selected individual cases" names no criteria, so it lists none
    assert pipeline.ask("Which transplant criteria (e.g. Milan) does the review use to select patients?").abstained
    assert not pipeline.ask("what types of liver spread are in figure 1?").abstained


@pytest.mark.parametrize("text, term", [("freezing or burning the spots", "ablation"), ("a liver swap", "liver transplantation"),
                                        ("awful hormone flushes", "hormonal symptoms")])
def test_more_lay_words(text, term):
    assert term in _clinical(text)


def test_a_quotation_of_the_text_names_its_passage(article):
    from rag.retrieval.quoted import quoted_units

    units = article.units
    assert quoted_units("What does it mean that transplantation 'should be anchored in' a strategy?", units) == ["abstract-s5"]
    assert quoted_units("what does the authors' \u201ccrucial component\u201d refer to?", units) == ["abstract-s7"]
    # one word names a term, and words the text does not hold name nothing
    assert quoted_units("what is 'RE'?", units) == []
    assert quoted_units("do they say 'cure rates of 80%'?", units) == []


def test_mean_the_verb_asks_no_figure():
    from rag.answer.cues import asks_for_number

    assert not asks_for_number("'propensity for metastasis' - does it just mean they spread to the liver a lot?")
    assert asks_for_number("what is the mean survival after resection?")


@pytest.mark.model
def test_a_guessed_member_of_a_class_needs_a_passage_naming_it(pipeline):
    # the abstract names chemotherapy, never a drug: it cannot confirm the guess
    assert pipeline.ask("is streptozocin the chemo they mean for neuroendocrine spread to the liver?").abstained


@pytest.mark.parametrize("question, named", [
    ("Data extraction - in one line, what does the review say its own scope/aim is?", True),
    ("what is the review's aim?", True),
    ("the review mentions surgery; what is its aim in that case?", False),  # "its" past the clause is the surgery's
])
def test_the_reviews_own_aim_by_its_possessive(article, question, named):
    from rag.retrieval.structure import structural_units

    assert ("abstract-s8" in structural_units(question, [article])) is named


def test_everyday_words_for_a_man_or_woman_mark_a_patient():
    from rag.routing.requests import PATIENT

    assert PATIENT.search("Chap with an SI NET, grade 1")
    assert PATIENT.search("this bloke I look after has liver mets")
    assert not PATIENT.search("can a bloke with liver mets get surgery?")  # indefinite: anyone
