"""Extractive answers: verbatim, cited, minimal; and honest abstention."""

from __future__ import annotations

import re

import pytest

from rag.answer.refusal import ABSTAIN_PREFIX
from rag.answer.segments import segments_of
from rag.answer.cues import instance_class
from ingest.parse import parse_pubmed_page
from tests.conftest import SEED

CITED_SENTENCE = re.compile(r"(.+?) \[([^\]]+)\]\.(?:\s|$)")


def cited_sentences(answer_text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in CITED_SENTENCE.finditer(answer_text)]


def test_the_citation_unit_splits_into_its_fields():
    unit = parse_pubmed_page(SEED).units[0]
    assert [(s.kind, s.text) for s in segments_of(unit)][3] == ("doi", "doi: 10.20524/aog.2021.0574.")


def test_a_figure_legend_splits_into_items():
    figure2 = {u.id: u for u in parse_pubmed_page(SEED).units}["figure-2"]
    items = [s.text for s in segments_of(figure2)]
    assert "SA, somatostatin analogues" in items and "PVL, portal vein ligation" in items


@pytest.mark.model
@pytest.mark.parametrize("question, unit_id, must_contain", [
    ("What is the treatment of choice for resectable NELM?", "abstract-s2", "treatment of choice"),
    ("What dictates the feasibility of resection?", "abstract-s3", "degree of liver involvement"),
    ("Who performs repeat liver resections?", "abstract-s4", "experienced surgeons"),
    ("Which patients should be considered for liver transplantation?", "abstract-s5", "highly selected"),
    ("Why are interventional radiology treatments increasingly applicable?", "abstract-s6", "less limited"),
    ("What may precede systemic molecular targeted agents?", "abstract-s7", "liver-targeted treatment modalities"),
    ("What is the DOI of the review?", "citation", "10.20524/aog.2021.0574"),
    ("Which journal published it?", "citation", "Ann Gastroenterol"),
    ("What does Figure 1 show?", "figure-1", "Proposed types of neuroendocrine liver metastases distribution"),
    ("Are there conflicts of interest?", "coi", "None"),
    ("Which reference is about ENETS guidelines?", "reference-2", "ENETS consensus guidelines"),
], ids=lambda v: v if len(v) < 30 else None)
def test_answers_quote_the_cited_unit_verbatim(pipeline, question, unit_id, must_contain):
    answer = pipeline.ask(question)
    assert not answer.abstained and answer.route == "retrieval"
    sentences = cited_sentences(answer.answer)
    assert sentences, answer.answer
    for sentence, cited in sentences:
        assert sentence in pipeline.index.units[cited].text  # nothing but the unit's own words
    assert unit_id in [c for _, c in sentences] and must_contain in answer.answer
    citation = next(c for c in answer.citations if c.unit_id == unit_id)
    assert must_contain in citation.text[citation.span[0]:citation.span[1]]


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "What is the 5-year overall survival after liver resection for NELM?",
    "What is the recurrence rate after liver transplantation?",
    "Which dose of lanreotide is recommended?",
    "Is everolimus better than sunitinib for pancreatic NEN?",
    "Is radiofrequency ablation better than microwave ablation?",
    "How is hepatocellular carcinoma treated?",
    "What is the capital of France?",
    "What Ki-67 cut-off separates G2 from G3?",
], ids=lambda v: v[:30])
def test_questions_the_review_does_not_answer_are_declined_with_related_passages(pipeline, question):
    answer = pipeline.ask(question)
    assert answer.abstained and answer.answer.startswith(ABSTAIN_PREFIX)
    assert answer.citations == () and answer.related


@pytest.mark.model
def test_a_legend_question_cites_only_the_legend_item(pipeline):
    """Figure 2's caption is a legend of items separated by semicolons ("...; SA, somatostatin
    analogues; ..."): the citation's span marks the one item asked about, not the caption."""
    answer = pipeline.ask("Which abbreviation does the algorithm use for somatostatin analogues, and what other therapies are listed?")
    assert answer.citations, answer.answer  # without citations the checks below would pass vacuously
    quoted = [c.text[c.span[0]:c.span[1]] for c in answer.citations]
    assert [c.unit_id for c in answer.citations] == ["figure-2"] * len(quoted)
    assert all(0 < len(q) < len(c.text) and ";" not in q for q, c in zip(quoted, answer.citations)), quoted
    assert "SA, somatostatin analogues" in quoted


@pytest.mark.model
@pytest.mark.parametrize("question, expected", [
    ("Does the review cover ablation?", "keywords"),
    ("Is embolization mentioned in the review?", "figure-2"),
    ("Does the review discuss liver transplantation?", "abstract-s5"),
])
def test_a_topic_question_is_answered_where_the_topic_is_named(pipeline, question, expected):
    answer = pipeline.ask(question)
    assert not answer.abstained and expected in {c.unit_id for c in answer.citations}


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "Does the review discuss sunitinib?",
    "Does the review mention everolimus?",
    "Does ablation work for small liver metastases?",  # the keyword list names topics, not results
])
def test_a_topic_the_text_never_states_is_declined(pipeline, question):
    answer = pipeline.ask(question)
    assert answer.abstained and answer.answer.startswith(ABSTAIN_PREFIX)


@pytest.mark.model
@pytest.mark.parametrize("question, expected", [
    ("What is the title of figure 2?", "Treatment algorithm for well-differentiated (G1/G2) neuroendocrine liver metastases"),
    ("Which grades does the treatment algorithm cover?",
     "Treatment algorithm for well-differentiated (G1/G2) neuroendocrine liver metastases"),
    # a flowchart is what readers call a diagram of decisions
    ("which grades is the treatment flowchart meant for?",
     "Treatment algorithm for well-differentiated (G1/G2) neuroendocrine liver metastases"),
], ids=["title", "grades", "flowchart"])
def test_a_caption_s_title_is_cited_without_the_legend(pipeline, question, expected):
    answer = pipeline.ask(question)
    assert [(c.unit_id, c.text[c.span[0]:c.span[1]]) for c in answer.citations] == [("figure-2", expected)]


@pytest.mark.model
def test_how_to_cite_gives_the_whole_record(pipeline):
    answer = pipeline.ask("How should I cite this article?")
    for part in ("Machairas", "Currently available treatment options", "Ann Gastroenterol", "10.20524/aog.2021.0574"):
        assert part in answer.answer


@pytest.mark.model
@pytest.mark.parametrize("question, expected", [
    ("Which reference appeared in Endocrine Reviews?", "reference-3"),
    ("Which cited paper was published in Lancet Oncology?", "reference-1"),
    ("Which reference is from Endocrine-Related Cancer?", "reference-5"),
])
def test_a_journal_s_full_title_finds_the_reference_that_abbreviates_it(pipeline, question, expected):
    answer = pipeline.ask(question)
    assert not answer.abstained and [c.unit_id for c in answer.citations] == [expected]


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "How does PRRT work?",
    "What is the mechanism of action of somatostatin analogues?",
    "What are the side effects of interferon alpha?",
    "What are SA used for?",
])
def test_a_legend_item_defines_a_term_and_answers_nothing_more(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
@pytest.mark.parametrize("question, item", [
    ("Which treatment is called RE?", "RE, radio-embolization"),
    ("tell me about ALPPS", "ALPPS, associating liver partition"),
])
def test_a_legend_item_answers_what_a_term_is(pipeline, question, item):
    answer = pipeline.ask(question)
    assert not answer.abstained and item in answer.answer


@pytest.mark.model
@pytest.mark.parametrize("question", ["Where were the authors based?", "What is the PMID of the article?",
                                      "Who funded the review?"])
def test_fields_the_indexed_record_lacks_are_not_answered_with_the_fields_it_has(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
@pytest.mark.parametrize("question", ["What incidence did Dasari et al. report?", "What did Dasari et al. find?",
                                      "What did Pavel et al. recommend for G2 tumours?"])
def test_what_a_cited_work_found_is_not_answered_with_its_reference_entry(pipeline, question):
    answer = pipeline.ask(question)
    assert answer.route == "retrieval" and answer.abstained


@pytest.mark.model
@pytest.mark.parametrize("question, unit_id", [("Which reference reports survival outcomes?", "reference-4"),
                                               ("What does reference 4 report?", "reference-4")])
def test_a_reference_asked_for_by_topic_or_number_is_still_quoted(pipeline, question, unit_id):
    assert [c.unit_id for c in pipeline.ask(question).citations] == [unit_id]


@pytest.mark.parametrize("question, wanted", [
    ("Which molecular targeted agents does the review name?", "molecular targeted agents"),
    ("Which targeted agents exactly?", "targeted agents"),
    ("Name the chemotherapy drugs", "chemotherapy drugs"),
    ("List the treatments for NELM", ""),  # treatments are not a class of named members
    ("What is the treatment of choice for resectable NELM?", ""),
    # a question that opens with a plural of particulars asks for them, whatever follows
    ("Which patient- and tumor-related parameters limit radiology treatments?", "patient- and tumor-related parameters"),
    ("What new indications have these treatments gained?", "indications"),
    ("What may precede systemic molecular targeted agents?", ""),  # asks what comes before them
    ("Which patients are candidates for surgery?", ""),  # patients are no list of particulars
])
def test_a_request_for_members_of_a_class_by_name_is_recognised(question, wanted):
    assert instance_class(question) == wanted


@pytest.mark.model
@pytest.mark.parametrize("question, history", [
    ("Which molecular targeted agents does the review name?", []),
    ("Which targeted agents exactly?", ["Which systemic treatments may follow liver-targeted therapy?"]),
    ("Name the chemotherapy drugs", []),
], ids=["review-name", "follow-up", "name-the"])
def test_a_passage_that_names_only_the_class_does_not_answer_for_its_members(pipeline, question, history):
    assert pipeline.ask(question, history=history).abstained


@pytest.mark.model
@pytest.mark.parametrize("question", [
    "How many liver resections make a surgeon experienced?",  # "1- and 2-stage" names kinds, counts nothing
    "What % of distant-stage disease is in the liver?",
])
def test_a_number_fused_into_a_name_is_no_figure_to_answer_how_many(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
@pytest.mark.parametrize("question, unit_id", [
    ("Which guidelines does the review cite?", "reference-2"),
    ("Which studies does the review cite about incidence?", "reference-4"),
])
def test_what_the_review_cites_is_found_in_its_reference_list(pipeline, question, unit_id):
    answer = pipeline.ask(question)
    assert [c.unit_id for c in answer.citations] == [unit_id]
