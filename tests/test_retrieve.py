"""Hybrid retrieval: structure-aware, abbreviation-aware, and the fused ranking."""

from __future__ import annotations

import pytest

from ingest.parse import parse_pubmed_page
from rag.retrieval.structure import structural_units, topic_of
from tests.conftest import SEED

ARTICLES = [parse_pubmed_page(SEED)]


@pytest.mark.parametrize("question, expected", [
    ("What does Figure 1 show?", ["figure-1"]),
    ("Describe fig. 2", ["figure-2"]),
    ("What is in the second figure?", ["figure-2"]),
    ("What is the first reference?", ["reference-1"]),
    ("Summarise reference 4", ["reference-4"]),
    ("What is the last reference?", ["reference-5"]),
    ("What is the DOI?", ["citation"]),
    ("Which journal published the review?", ["citation"]),
    ("Who are the authors?", ["citation"]),
    ("What are the keywords?", ["keywords"]),
    # "did the authors <verb>" asks what they did, not who they are
    ("Did the authors declare any conflict of interest?", ["coi"]),
    ("do the authors pit the operation against the other options?", []),
    ("What is the aim of this review?", ["abstract-s8"]),
    ("Which reference was published in 2017?", ["reference-4"]),  # the list's own years, not the review's record
    ("Which references are cited?", [f"reference-{n}" for n in range(1, 6)]),
    ("List the references", [f"reference-{n}" for n in range(1, 6)]),
    ("Which references were published in 2008?", ["reference-1", "reference-5"]),
    ("Which references come from 2016?", ["reference-2"]),
    ("What is the most recent reference?", ["reference-3"]),
    ("Which is the oldest reference?", ["reference-1", "reference-5"]),
    ("Which references are from 1999?", []),
    ("what's the oldest citation in the list?", ["reference-1", "reference-5"]),  # an item of the list
    ("did they cite a consensus guideline?", []),  # the list is searched, not the review's record
    ("page range pls, need it for the reference list", ["citation"]),  # where the asker will put it
    ("when did it go online ahead of print?", ["citation"]),
    ("What type of study is this?", ["citation"]),
    ("When did it come out?", ["citation"]),
    ("how recent is this review?", ["citation"]),
    ("Can you give me the citation details?", ["citation"]),
    ("when did the symptoms come out?", []),  # only the work itself comes out
    ("how old is the patient when TACE is offered?", []),
    ("What minimum future liver remnant volume is needed before a major hepatectomy?", []),  # a volume of liver
    ("what volume and issue?", ["citation"]),
    ("liver transplant for NELM - do the authors see it as routine?", []),  # what the review says
    ("any conflicts?", ["coi"]),
    ("pt asking about industry ties - does the paper state a COI?", ["coi"]),  # its usual initials
    ("is ALPPS new? is it a new procedure?", []),  # "it" is the procedure, not the paper
    ("What did Dasari et al. study?", []),  # a name is one more vote in retrieval, not a named unit
    ("What is the 5-year survival after resection?", []),
    ("What is Figure 7 about?", []),  # no such figure: nothing to point at
    ("When is liver transplantation indicated?", []),
    ("whats this paper actually about in a nutshell?", ["abstract-s8"]),
    ("is this review only about operations?", ["abstract-s8"]),
    ("what key terms/index words is this article tagged with?", ["keywords"]),
    ("whats the first line mgmt for operable NELM according to the authors", []),  # the source, not the authors asked for
], ids=lambda v: v if isinstance(v, str) else None)
def test_structural_cues_point_at_units(question, expected):
    assert structural_units(question, ARTICLES) == expected


@pytest.mark.model
@pytest.mark.parametrize("question, gold", [
    ("What is the treatment of choice for resectable NELM?", "abstract-s2"),
    ("Which factor dictates the feasibility of surgical resection?", "abstract-s3"),
    ("Who should perform 2-stage liver resections?", "abstract-s4"),
    ("Should transplantation be offered to all patients with liver metastases?", "abstract-s5"),
    ("Why are interventional radiology treatments useful?", "abstract-s6"),
    ("Can liver-directed therapy come before systemic chemotherapy?", "abstract-s7"),
    ("Where do neuroendocrine neoplasms usually metastasise?", "abstract-s1"),
    ("What is the DOI?", "citation"),
    ("What does Figure 1 show?", "figure-1"),
    ("Which reference covers ENETS consensus guidelines?", "reference-2"),
    ("Is there a paper on incidence trends in the United States?", "reference-4"),
], ids=lambda v: v if len(v) < 40 else None)
def test_the_gold_unit_ranks_in_the_top_three(pipeline, question, gold):
    ranked = [h.unit_id for h in pipeline.retrieve(question, top_k=3)]
    assert gold in ranked


@pytest.mark.model
@pytest.mark.parametrize("question, gold, expansion", [
    ("What is PRRT?", "figure-2", "peptide receptor radionuclide therapy"),
    ("Is OLT an option?", "abstract-s5", "orthotopic liver transplantation"),
    ("What about peptide receptor radionuclide therapy?", "figure-2", "PPRT"),
    ("When is liver transplantation used?", "abstract-s5", "OLT"),
], ids=["PRRT->long", "OLT->long", "long->PPRT", "long->OLT"])
def test_abbreviations_expand_both_ways(pipeline, question, gold, expansion):
    assert expansion in pipeline.expand(question)
    assert gold in [h.unit_id for h in pipeline.retrieve(question, top_k=5)]


@pytest.mark.model
@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_every_mode_returns_ranked_existing_units(pipeline, mode):
    hits = pipeline.retrieve("liver resection for neuroendocrine metastases", top_k=5, mode=mode)
    assert 0 < len(hits) <= 5 and all(h.unit_id in pipeline.index.units for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.model
def test_convex_fusion_is_a_setting(pipeline):
    from rag.retrieval.hybrid import HybridRetriever

    convex = HybridRetriever(pipeline.index, pipeline.embedder, pipeline.settings.with_(fusion="convex"),
                             expand=pipeline.expand)
    hits = convex.retrieve("What is the treatment of choice for resectable NELM?", top_k=3)
    assert hits[0].unit_id == "abstract-s2"


@pytest.mark.model
def test_the_langchain_retriever_returns_documents_with_unit_ids(pipeline):
    from rag.retrieval.lc import UnitRetriever

    docs = UnitRetriever(pipeline=pipeline, top_k=3).invoke("What is the DOI?")
    assert docs[0].metadata["unit_id"] == "citation" and "10.20524/aog.2021.0574" in docs[0].page_content
    assert len(docs) == 3


@pytest.mark.parametrize("question, topic", [
    ("Does the review discuss liver transplantation?", "liver transplantation"),
    ("Did the authors mention sunitinib?", "sunitinib"),
    ("Is embolization covered in the article?", "embolization"),
    ("What does the review discuss?", ""),
    ("What is the treatment of choice for resectable NELM?", ""),
])
def test_the_topic_of_a_does_the_review_discuss_question_is_what_is_searched(question, topic):
    assert topic_of(question) == topic


@pytest.mark.model
def test_an_author_s_name_ranks_the_reference_first(pipeline):
    assert pipeline.retrieve("In which journal and year was the Hofland review published?")[0].unit_id == "reference-3"


@pytest.mark.model
@pytest.mark.parametrize("question, gold", [
    ("page numbers for the Dasari article?", "reference-4"),  # a record field of a work named by its author
    ("the paper on prognostic factors - who and in what journal?", "reference-5"),  # a work named by its topic
])
def test_a_record_field_of_a_cited_work_is_read_from_its_entry(pipeline, question, gold):
    answer = pipeline.ask(question)
    assert not answer.abstained and answer.citations[0].unit_id == gold


@pytest.mark.model
def test_a_work_named_by_this_review_s_own_topic_may_be_this_review(pipeline):
    answer = pipeline.ask("the paper on liver metastases - which journal?")
    assert answer.citations and answer.citations[0].unit_id == "citation"


@pytest.mark.model
@pytest.mark.parametrize("question, unit, fact", [
    ("which journal published the machairas NELM review, and what year?", "citation", "Ann Gastroenterol"),
    ("who's the lead author on the neuroendocrine liver mets review?", "citation", "Machairas"),
    ("which journal were the ENETS guidelines published in", "reference-2", "Neuroendocrinology"),
])
def test_this_review_is_named_by_its_own_topic_and_a_cited_work_by_its_own(pipeline, question, unit, fact):
    """A short form this review defines ("NELM") or a lay word for its title's ("liver mets") names
    this review; an acronym it does not define ("ENETS") names a cited work."""
    answer = pipeline.ask(question)
    assert answer.citations[0].unit_id == unit and fact in answer.answer


@pytest.mark.model
@pytest.mark.parametrize("history, question", [
    ([], "how many NELM resections has the authors' centre performed?"),
    (["Do the authors have conflicts?"], "who funded it then?"),
])
def test_a_field_the_record_does_not_print_is_declined(pipeline, history, question):
    assert pipeline.ask(question, history=history).abstained


@pytest.mark.parametrize("words, reference, named", [
    ({"the", "lancet", "oncology", "one"}, "Modlin IM, et al. Gastroenteropancreatic neuroendocrine tumours. Lancet Oncol. "
     "2008;9:61\u201372.", True),
    ({"the", "oncology", "one"}, "Modlin IM, et al. Gastroenteropancreatic neuroendocrine tumours. Lancet Oncol. "
     "2008;9:61\u201372.", False),  # every word of the journal, not one
    ({"neuroendocrinology", "paper"}, "Pavel M, et al. ENETS consensus guidelines update. Neuroendocrinology. "
     "2016;103:172\u2013185.", True),
])
def test_a_cited_work_is_named_by_its_journal_written_out(words, reference, named):
    from rag.retrieval.works import names_journal

    assert names_journal(reference, words) is named


@pytest.mark.model
@pytest.mark.parametrize("question, unit", [
    ("the Lancet Oncology one - who and what's the title", "reference-1"),
    ("Hofland et al. year and volume?", "reference-3"),
])
def test_a_cited_work_named_by_its_journal_or_author_answers_for_itself(pipeline, question, unit):
    answer = pipeline.ask(question)
    assert not answer.abstained and f"[{unit}]" in answer.answer


def test_a_cited_work_is_named_by_its_year_unless_the_review_s_own_year_is_asked():
    from rag.retrieval.works import reference_year, references_by_year

    years = [("reference-1", reference_year("Modlin IM, et al. Title. Lancet Oncol. 2008;9:61\u201372.")),
             ("reference-4", reference_year("Dasari A, et al. Trends. JAMA Oncol. 2017;3:1335\u20131342."))]
    assert years[1][1] == "2017"
    assert references_by_year("what's the title of the one from 2017", years, frozenset({"2021"})) == ["reference-4"]
    assert references_by_year("was it published in 2017 or 2021?", years, frozenset({"2021"})) == []
    assert references_by_year("what's the title?", years, frozenset({"2021"})) == []


@pytest.mark.model
@pytest.mark.parametrize("question, parts", [
    ("Format this article in APA 7th ed. with the DOI at the end.", ("Machairas", "10.20524/aog.2021.0574")),
    ("AMA-style citation for the neuroendocrine liver mets review in Annals of Gastro?", ("Machairas", "130-141")),
])
def test_a_citation_style_asks_for_the_whole_record_of_this_review(pipeline, question, parts):
    """A style asked for needs every field; this review's own journal, written out or clipped,
    names no other work."""
    answer = pipeline.ask(question)
    assert not answer.abstained and all(p in answer.answer for p in parts) and "[citation]" in answer.answer


@pytest.mark.parametrize("question", ["list the references", "list the 5 references pls", "list all five references"])
def test_how_many_references_there_are_is_no_condition_on_the_list(pipeline, question):
    answer = pipeline.ask(question)
    assert {c.unit_id for c in answer.citations} == {f"reference-{i}" for i in range(1, 6)}



@pytest.mark.parametrize("question, unit", [
    ("whats the most recent paper they cite", "reference-3"),  # a cited work named by the verb
    ("the one on US incidence and prevalence trends - who wrote it and where was it published", "reference-4"),
    ("the Endocr Relat Cancer ref, what's it about?", "reference-5"),  # "it" is the reference it names
])
def test_a_cited_work_named_in_passing_answers_for_itself(pipeline, question, unit):
    answer = pipeline.ask(question)
    assert not answer.abstained and answer.citations[0].unit_id == unit


def test_a_cut_off_written_open_asks_for_a_figure(pipeline):
    assert pipeline.ask("in figure 2 what Ki-67 cut off do they use to split the boxes").abstained


@pytest.mark.parametrize("question, items", [
    ("what is reference 13?", ("reference-13",)),  # named though the page lists five
    ("who wrote the second reference and figure 1?", ("figure-1", "reference-2")),
    ("what does table 1 show?", ("table-1",)),
    ("Neuroendocrinology 2016 ref - page numbers", ()),  # a year is no position
    # a paper's numbered pictures are its figures, whatever the reader calls them
    ("the first picture - is it from a cited paper?", ("figure-1",)),
    ("what does image 2 show", ("figure-2",)),
    ("the 2nd diagram", ("figure-2",)),
    # several at once, as a list or a range
    ("refs 1 and 5 - which journals, and same year?", ("reference-1", "reference-5")),
    ("references 1, 2 and 4", ("reference-1", "reference-2", "reference-4")),
    ("refs 2 to 4", ("reference-2", "reference-3", "reference-4")),
    ("references 2016 and 2017", ()),
])
def test_the_numbered_items_a_question_names(question, items):
    from rag.retrieval.numbered import numbered_items

    assert numbered_items(question) == items


def test_why_the_review_was_written_asks_its_aim_not_its_authors():
    units = structural_units("why was this review written?", ARTICLES)
    assert "citation" not in units and any(u.startswith("abstract-") for u in units)


def test_a_year_given_for_this_review_names_no_cited_work_of_that_year(pipeline):
    """"Machairas et al. Ann Gastroenterol 2020" gives this review a wrong year; reference 3 is from 2020."""
    answer = pipeline.ask("I've got it in my reference list as Machairas et al. Ann Gastroenterol 2020;34(2):130-141, "
                          "is the year right or did I mess that up")
    assert answer.citations[0].unit_id == "citation" and "2021" in answer.answer
    assert pipeline.ask("the 2020 paper - who wrote it").citations[0].unit_id == "reference-3"


def test_a_derived_form_of_the_review_s_own_topic_names_no_other_work(pipeline):
    """"this review on treating ..." names this review: "treating" is of its title's "treatment"."""
    answer = pipeline.ask("who wrote this review on treating neuroendocrine liver mets?")
    assert answer.citations[0].unit_id == "citation" and "Machairas" in answer.answer


@pytest.mark.model
@pytest.mark.parametrize("question", [
    # what the asker wants it for, and a capital that only opens a sentence, name no other work
    "Which journal was this in, and what volume and page numbers? Need it for my glossary notes",
    "need the full cite for Zotero: journal, vol(issue), page range",
    "Need to footnote this properly for a memo: journal, year, volume, issue and page range?",
    "Typing up Dr K's reference list - can you give me the journal and page range for the Machairas review?",
    "Need the full ref for my reference manager - journal, volume/issue, page range?",
])
def test_the_asker_s_purpose_leaves_the_question_about_this_review_s_record(pipeline, question):
    answer = pipeline.ask(question)
    assert not answer.abstained and "130-141" in answer.answer


@pytest.mark.model
def test_a_schema_or_flowchart_names_the_algorithm_figure(pipeline):
    answer = pipeline.ask("Does the treatment schema separate out pancreatic vs small-bowel primaries?")
    assert not answer.abstained and answer.citations[0].unit_id == "figure-2"


@pytest.mark.model
def test_a_possessive_names_the_cited_author(pipeline):
    answer = pipeline.ask("Dasari's paper - which journal?")
    assert answer.citations[0].unit_id == "reference-4" and "JAMA Oncol" in answer.answer


@pytest.mark.model
def test_the_searched_text_is_expanded_once_per_question_and_never_reused_for_another(pipeline):
    from rag.retrieval.hybrid import HybridRetriever

    calls: list[str] = []
    retriever = HybridRetriever(pipeline.index, pipeline.embedder, pipeline.settings,
                                expand=lambda q: calls.append(q) or pipeline.expand(q))
    first = retriever.query_text("is TACE an option?")
    assert retriever.query_text("is TACE an option?") == first and calls == ["is TACE an option?"]
    assert retriever.query_text("what is ALPPS?") != first and len(calls) == 2
