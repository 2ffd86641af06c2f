"""Several documents in one index: every answer keeps to the source it is about.

The index holds the review and a second, invented PubMed page (tests/data/bertolini2022_...,
an observational study of salvage ablation) whose file name sorts first, so that "the first
unit whose ID ends with :abstract-s6" is the wrong article's. The study defines "SA, salvage
ablation" where the review's Figure 2 legend defines "SA, somatostatin analogues".
"""

from __future__ import annotations

import re
import shutil

import pytest

import rag.ui as ui
from ingest.parse import parse_pubmed_page
from rag.algorithm.source import resolve_citations, review_doc_key
from rag.retrieval.structure import documents_meant, structural_units
from tests.conftest import DATA, SEED, FakeEmbedder

STUDY = DATA / "bertolini2022_salvage_ablation_pubmed.txt"
TREATMENT_CASE = "How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"


@pytest.fixture(scope="session")
def two_documents(tmp_path_factory):
    """A pipeline over the review and the study, built once (fake embedder: no model needed)."""
    from ingest.build import build_index
    from rag.core.index import load_index
    from rag.core.settings import Settings
    from rag.pipeline import Pipeline

    root = tmp_path_factory.mktemp("two-documents")
    seeds = root / "seeds"
    seeds.mkdir()
    for page in (STUDY, SEED):
        shutil.copy(page, seeds / page.name)
    settings = Settings(seeds_dir=seeds, index_dir=root / "index", model_name=FakeEmbedder.name)
    build_index(settings, embedder=FakeEmbedder(), progress=False)
    return Pipeline(load_index(settings), FakeEmbedder(), settings)


def test_the_other_page_sorts_first_so_order_cannot_pick_the_review(two_documents):
    assert [a.doc_key for a in two_documents.index.articles] == ["bertolini2022", "machairas2021"]
    assert "bertolini2022:abstract-s6" in two_documents.index.units


def test_the_about_card_is_about_the_review_and_the_other_page_follows(two_documents):
    from rag import ui

    ordered = ui.articles_review_first(two_documents.index.articles, two_documents.index.units)
    assert [a.doc_key for a in ordered] == ["machairas2021", "bertolini2022"]


# --- item 1: the algorithm cites the review it encodes ----------------------------------------

def test_the_algorithm_cites_only_the_review_whatever_the_file_order(two_documents):
    answer = two_documents.ask(TREATMENT_CASE)
    assert answer.route == "algorithm" and answer.citations
    units = two_documents.index.units
    for citation in answer.citations:
        assert citation.unit_id.startswith("machairas2021:")
        assert citation.text == units[citation.unit_id].text
    cited = {c.unit_id for c in answer.citations}
    assert "machairas2021:abstract-s6" in cited and not any(c.startswith("bertolini2022:") for c in cited)
    # The text cites the same units the citations list, by their full IDs.
    assert "[machairas2021:abstract-s6]" in answer.answer and "[abstract-s6]" not in answer.answer


def test_the_apps_algorithm_sources_resolve_in_the_review(two_documents):
    found = ui.unit_citations(["abstract-s6", "figure-2", "abstract-s6"], two_documents.index.units)
    assert [c.unit_id for c in found] == ["machairas2021:abstract-s6", "machairas2021:figure-2"]
    assert found[0].text.startswith("A broad spectrum of interventional radiology treatments")


def test_the_review_is_found_by_the_doi_the_tree_records(two_documents):
    assert review_doc_key(two_documents.index.units) == "machairas2021"


def test_without_the_review_the_algorithm_cites_nothing_rather_than_another_article():
    """An index of the study alone has an abstract-s6 too; it is not the review's."""
    study = {u.id: u for u in parse_pubmed_page(STUDY).units}
    assert review_doc_key(study) is None
    assert resolve_citations(["abstract-s6", "figure-2"], study) == {}
    assert ui.unit_citations(["abstract-s6"], study) == ()


# --- item 2: glossaries keep their documents ---------------------------------------------------

def test_a_short_form_two_documents_define_differently_shows_both_with_their_sources(two_documents):
    answer = two_documents.ask("What does SA stand for?")
    assert answer.route == "glossary" and not answer.abstained
    assert "somatostatin analogues [machairas2021:figure-2]" in answer.answer
    assert "salvage ablation [bertolini2022:" in answer.answer
    assert {c.unit_id.split(":")[0] for c in answer.citations} == {"machairas2021", "bertolini2022"}
    entries = two_documents.glossary.lookup("SA").matches
    assert {(e.long, e.doc_key) for e in entries} == {("somatostatin analogues", "machairas2021"),
                                                      ("salvage ablation", "bertolini2022")}


def test_each_document_keeps_its_own_first_definition(two_documents):
    """TACE is defined only by the review, MWA only by the study: one entry each, each in its
    own document."""
    assert [e.doc_key for e in two_documents.glossary.lookup("TACE").matches] == ["machairas2021"]
    assert [e.doc_key for e in two_documents.glossary.lookup("MWA").matches] == ["bertolini2022"]


def test_an_ambiguous_short_form_is_not_added_to_a_search_for_one_of_its_meanings(two_documents):
    """"somatostatin analogues" must not search for "SA", which is salvage ablation in the study;
    "SA" itself searches for both meanings."""
    glossary = two_documents.glossary
    assert ("somatostatin analogues", "SA") not in glossary.expansions_for("somatostatin analogues")
    assert {other for _, other in glossary.expansions_for("SA")} >= {"somatostatin analogues", "salvage ablation"}


# --- item 3: bibliographic answers say which document they are about ----------------------------

@pytest.mark.parametrize("question, documents, shown", [
    pytest.param("Who wrote the review?", ["machairas2021"], ["Nikolaos Machairas et al"], id="the-review-is-the-Review"),
    pytest.param("Who wrote the study?", ["bertolini2022"], ["Chiara Bertolini et al"], id="the-study-is-the-Study"),
    pytest.param("Who wrote the Machairas review?", ["machairas2021"], ["Machairas"], id="named-by-first-author"),
    pytest.param("Which journal published it?", ["bertolini2022", "machairas2021"],
                 ["J Hepatobiliary Interv", "Ann Gastroenterol"], id="it-answers-for-each"),
    pytest.param("What is the DOI?", ["bertolini2022", "machairas2021"],
                 ["10.5555/jhi.2022.0317", "10.20524/aog.2021.0574"], id="doi-for-each"),
])
def test_bibliographic_answers_name_the_document_they_are_about(two_documents, question, documents, shown):
    answer = two_documents.ask(question)
    assert not answer.abstained
    assert [c.unit_id for c in answer.citations] == [f"{d}:citation" for d in documents]
    for document, text in zip(documents, shown):
        # Each passage is followed by its own document's citation, before any other citation.
        assert re.search(rf"{re.escape(text)}[^\[]*\[{document}:citation\]", answer.answer), answer.answer


@pytest.mark.parametrize("question, expected", [
    pytest.param("Which journal published the review?", ["machairas2021"], id="type-review"),
    pytest.param("When was the observational study published?", ["bertolini2022"], id="type-study"),
    pytest.param("What did Bertolini et al. find?", ["bertolini2022"], id="first-author"),
    pytest.param("Which journal published the article?", ["bertolini2022", "machairas2021"],
                 id="article-names-no-type"),
    pytest.param("Which journal published it?", ["bertolini2022", "machairas2021"], id="pronoun"),
])
def test_documents_meant(two_documents, question, expected):
    assert [a.doc_key for a in documents_meant(question, two_documents.index.articles)] == expected


def test_one_documents_record_does_not_hide_the_others(two_documents):
    """A question about the record names each document's citation unit (what one document
    matched once counted as "a figure was named" for every later document)."""
    units = structural_units("Who are the authors?", two_documents.index.articles)
    assert units == ["bertolini2022:citation", "machairas2021:citation"]
