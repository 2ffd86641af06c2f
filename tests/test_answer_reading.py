"""How the answerer reads a piece: in its figure, by the kind of question, and by what a
truncated author list can say."""

from __future__ import annotations

import pytest

from ingest.parse import parse_pubmed_page
from rag.answer.cues import PRESENCE_RE, asks_for_number, asks_likelihood
from rag.answer.record_cues import asks_beyond_listed_authors, citation_parts_for
from rag.answer.segments import reading_text, segments_of
from tests.conftest import SEED


def _figure2_items():
    figure2 = {u.id: u for u in parse_pubmed_page(SEED).units}["figure-2"]
    return segments_of(figure2)


def test_a_legend_item_is_read_under_its_figure_name_and_title():
    olt = next(s for s in _figure2_items() if "orthotopic liver transplantation" in s.text)
    read = reading_text(olt)
    assert read.startswith("Figure 2") and "Treatment algorithm" in read and read.endswith(olt.text)


def test_the_title_of_a_figure_is_read_under_the_figure_name_only():
    title = _figure2_items()[0]
    assert reading_text(title) == f"{title.unit.label} {title.text}"


def test_an_abstract_sentence_is_read_as_it_stands():
    sentence = {u.id: u for u in parse_pubmed_page(SEED).units}["abstract-s2"]
    [piece] = segments_of(sentence)
    assert reading_text(piece) == piece.text


@pytest.mark.parametrize("question, presence", [
    ("interferon - is it anywhere in the algorithm?", True),
    ("is a liver transplant one of the options on the treatment chart?", True),
    ("is a 'new liver' in the decision chart?", True),
    ("does Figure 2 show portal vein ligation?", True),
    ("What is the mechanism of action of somatostatin analogues?", False),
    ("Is there a role for surgery in the treatment of NELM?", False),
])
def test_a_question_about_whether_something_appears_is_told_apart(question, presence):
    assert bool(PRESENCE_RE.search(question)) is presence


@pytest.mark.parametrize("question, authors, beyond", [
    ("how many authors wrote this review?", "Nikolaos Machairas et al.", True),
    ("Who are the co-authors of the Machairas review?", "Nikolaos Machairas et al.", True),
    ("who is the senior (last) author of the review?", "Nikolaos Machairas et al.", True),
    ("who is the second author?", "Nikolaos Machairas et al.", True),
    ("who wrote the review?", "Nikolaos Machairas et al.", False),
    ("who is the second author?", "Pavel M, O'Toole D, Costa F, et al", False),
    ("who is the fourth author?", "Pavel M, O'Toole D, Costa F, et al", True),
    ("who is the last author?", "Hofland J, Kaltsas G, de Herder WW", False),
])
def test_an_author_list_cut_short_with_et_al_names_only_its_first_authors(question, authors, beyond):
    assert asks_beyond_listed_authors(question, authors) is beyond


@pytest.mark.model
@pytest.mark.parametrize("question, item", [
    ("interferon - is it anywhere in the algorithm?", "IFNa, interferon alpha"),
    ("is a liver transplant one of the options on the treatment chart?", "OLT, orthotopic liver transplantation"),
    ("is tying off the portal vein one of the options in the second figure?", "PVL, portal vein ligation"),
])
def test_whether_a_treatment_is_in_the_algorithm_is_answered_with_its_legend_item(pipeline, question, item):
    answer = pipeline.ask(question)
    assert not answer.abstained and item in answer.answer
    assert {c.unit_id for c in answer.citations} == {"figure-2"}


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "how many authors wrote this review?",
    "Who are the co-authors of the Machairas review?",
    "who is the last author of reference 4?",
])
def test_authors_the_record_does_not_print_are_declined(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
def test_the_authors_the_record_prints_are_still_given(pipeline):
    answer = pipeline.ask("who is the second author of reference 2?")
    assert not answer.abstained and "O'Toole D" in answer.answer


@pytest.mark.model
@pytest.mark.parametrize("question, expected", [
    ("hofland et al - what year was it published?", "[reference-3]"),
    ("Pape 2008 - volume + page range pls", "[reference-5]"),
    ("Is this paper a clinical trial?", "Article type: Review"),
    ("is this a meta-analysis or a trial or what?", "Article type: Review"),
    ("whose name comes first on this review paper?", "Nikolaos Machairas"),
    ("i need the exact article name for my reference list", "Currently available treatment options"),
])
def test_bibliographic_questions_as_people_type_them_reach_the_record_they_mean(pipeline, question, expected):
    answer = pipeline.ask(question)
    assert not answer.abstained and expected in answer.answer


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "who is this review actually written for?",
    "Which molecular targeted agents does the review name?",
    "is there a trial of PRRT for NELM?",
])
def test_words_that_only_look_bibliographic_do_not_answer_with_the_record(pipeline, question):
    answer = pipeline.ask(question)
    assert "[citation]" not in answer.answer


@pytest.mark.parametrize("question, figure, likelihood", [
    ("whats the mortality after a repeat liver resection?", True, False),
    ("What is the 90-day mortality after ALPPS?", True, False),
    ("is there an upper age limit for the liver op?", True, False),
    ("what age is too old for a transplant?", True, False),
    ("what are the chances the cancer comes back?", False, True),
    ("what is the risk of recurrence after ablation", False, True),
    ("how likely is it to spread to the liver?", False, True),
    ("how often is lanreotide injected?", False, True),
    # The measure noun modifies another noun: the question asks for that noun, not a figure.
    ("what are the risk factors for recurrence?", False, False),
    ("what size tumours can be ablated?", False, False),
    ("what is the role of TACE?", False, False),
    ("whats the doi number?", False, False),
    ("which of the cited papers is about incidence?", False, False),  # asks for a work, not a figure
])
def test_a_wh_question_headed_by_a_measure_asks_for_a_figure_or_a_likelihood(question, figure, likelihood):
    assert asks_for_number(question) is figure
    assert asks_likelihood(question) is likelihood


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "whats the mortality after a repeat liver resection for NET recurrence",
    "Is there an age limit for a liver transplant for NELM?",
    "my dad had his liver mets removed last year, what are the chances the cancer comes back?",
])
def test_a_figure_or_likelihood_the_review_does_not_state_is_declined(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
def test_a_likelihood_is_answered_by_a_word_of_degree(pipeline):
    for question in ("how likely are neuroendocrine neoplasms to spread to the liver?",
                     "how often do neuroendocrine tumours spread to the liver?"):
        answer = pipeline.ask(question)
        assert not answer.abstained and answer.citations[0].unit_id == "abstract-s1"


@pytest.mark.model
@pytest.mark.parametrize("question, unit_id", [
    ("Is there a reference on the epidemiology of neuroendocrine tumours in America?", "reference-4"),
    ("is there a ref covering lung NETs?", "reference-2"),
    ("Pape 2008 - volume + page range pls", "reference-5"),  # a cited author's name is enough
])
def test_a_question_about_the_literature_is_answered_with_the_reference_it_means(pipeline, question, unit_id):
    answer = pipeline.ask(question)
    assert [c.unit_id for c in answer.citations][:1] == [unit_id]


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "what's the outlook for NELM patients?",
    "do lung NETs spread to the liver?",
])
def test_a_reference_title_does_not_answer_a_question_about_the_disease(pipeline, question):
    answer = pipeline.ask(question)
    assert not any(c.unit_id.startswith("reference") for c in answer.citations)


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "who is this review actually written for?",
    "who is the review meant to help, patients or doctors?",
    "my GP sent me this article - what is it actually about, in plain words?",
    "What is the intended audience?",
    "what's the point of this article?",  # "point" in its sense of purpose
    "my oncologist gave me this paper, who is it written for",  # "it" is the paper the question names
])
def test_whom_the_review_is_for_and_what_it_is_about_is_its_own_statement_of_purpose(pipeline, question):
    answer = pipeline.ask(question)
    assert [c.unit_id for c in answer.citations] == ["abstract-s8"]


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "is TACE meant for unresectable disease?",  # the subject is a treatment, not the review
    "is the treatment aimed at cure?",
    "what is it about ALPPS that makes it risky?",  # something follows "about"
    "who is it written for",  # "it" names nothing here
])
def test_a_treatment_meant_for_someone_is_not_the_review_s_audience(pipeline, question):
    assert "abstract-s8" not in [c.unit_id for c in pipeline.ask(question).citations]


@pytest.mark.parametrize("question, parts", [
    ("who published it?", {"journal"}),
    ("who wrote it and when?", {"authors", "journal"}),
    ("when did it go online ahead of print?", {"epub", "journal"}),
    ("who was this review written by?", {"authors"}),
    ("why was this review written?", set()),  # its purpose, no field of the record
])
def test_the_record_field_a_question_asks_for(question, parts):
    assert citation_parts_for(question) == parts


@pytest.mark.model
@pytest.mark.parametrize("question", ["which treatments does figure 2 list?", "list the items in the figure 2 legend"])
def test_several_items_asked_of_a_figure_are_answered_with_its_whole_caption(pipeline, question):
    answer = pipeline.ask(question)
    assert not answer.abstained and "ALPPS" in answer.answer and "TACE" in answer.answer


@pytest.mark.model
def test_a_legend_item_answers_only_for_the_short_form_the_question_names(pipeline):
    """"is TACE one of the options ...?" must not be answered with the ALPPS item, however many
    of its words the ALPPS long form shares; the TACE item or another passage may answer."""
    answer = pipeline.ask("is TACE one of the options for liver mets that can't be removed surgically?")
    assert "ALPPS" not in answer.answer
    assert "TACE" in pipeline.ask("is TACE in figure 2?").answer


def test_the_kinds_of_a_class_asked_by_count_are_its_members():
    from rag.answer.cues import instance_class
    assert instance_class("what are the three types of liver mets distribution in figure 1?")
    assert instance_class("what are the names of the distribution types in figure 1, like type I, II and III?")
    assert not instance_class("what are the treatment options?")


@pytest.mark.model
@pytest.mark.parametrize("question, abstains", [
    ("What are the Milan criteria for transplant in NELM?", True),  # no passage says "Milan"
    ("what does the RAPID trial show for liver mets?", True),
    ("which reference is the ENETS guideline?", False),  # its entry names ENETS
    # a numbered item is answered by that item only: figure 1's caption cites "[13]" but is not reference 13
    ("whats ref 13?", True),
    ("what does figure 3 show?", True),
    ("who wrote ref. 4?", False),
])
def test_a_thing_named_by_its_proper_name_is_answered_only_by_a_passage_that_names_it(pipeline, question, abstains):
    assert pipeline.ask(question).abstained is abstains


@pytest.mark.model
@pytest.mark.parametrize("question, item, not_in", [
    ("is OLT in the algorithm?", "OLT, orthotopic liver transplantation", ""),  # the page runs PPRT and OLT into one piece
    ("is TACE listed in figure 2?", "TACE, transarterial chemoembolization", "ALPPS"),  # one item asked, not the list
])
def test_a_named_legend_item_is_found_wherever_the_page_puts_it(pipeline, question, item, not_in):
    answer = pipeline.ask(question)
    assert not answer.abstained and item in answer.answer
    assert not not_in or not_in not in answer.answer


@pytest.mark.parametrize("question, entry, unprinted", [
    ("what's the DOI for the Pape 2008 paper", "Pape UF, et al. Prognostic factors. Endocr Relat Cancer. 2008;15:1083\u20131097.",
     True),
    ("the DOI of that one?", "Smith J. A title. J Hepatol. 2019;70(2):1\u20139. doi: 10.1016/j.jhep.2019.01.001", False),
    ("what issue number is the Modlin paper?", "Modlin IM, et al. Tumours. Lancet Oncol. 2008;9:61\u201372.", True),
    ("what issue was it in?", "Smith J. A title. J Hepatol. 2019;70(2):1\u20139.", False),
    ("is it open access, under which licence?", "", True),
])
def test_an_entry_answers_only_for_the_fields_it_prints(question, entry, unprinted):
    from rag.answer.record_cues import asks_unprinted_entry_field

    assert asks_unprinted_entry_field(question, entry) is unprinted
