"""The PubMed page parser: exact units and spans for the review, other page shapes, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import normalise_space, parse_pubmed_page, parse_pubmed_text, read_seed
from rag.core.errors import ParseError
from tests.conftest import DATA, SEED

EXPECTED_IDS = (
    ["citation"] + [f"abstract-s{i}" for i in range(1, 9)]
    + ["keywords", "coi", "figure-1", "figure-2"] + [f"reference-{i}" for i in range(1, 6)]
)


@pytest.fixture(scope="module")
def units(article):
    return {u.id: u for u in article.units}


def test_the_review_parses_into_exactly_the_18_units_in_page_order(article):
    assert [u.id for u in article.units] == EXPECTED_IDS


@pytest.mark.parametrize("field, expected", [
    ("title", "Currently available treatment options for neuroendocrine liver metastases"),
    ("first_author", "Nikolaos Machairas"),
    ("journal", "Ann Gastroenterol"),  # printed only in the "et al." line
    ("year", 2021),
    ("volume", "34"),
    ("issue", "2"),
    ("pages", "130-141"),
    ("doi", "10.20524/aog.2021.0574"),
    ("epub_date", "2021 Jan 16"),
    ("article_type", "Review"),
    ("doc_key", "machairas2021"),
    ("keywords", ("Neuroendocrine", "ablation", "embolization", "liver metastasis", "surgery")),
], ids=lambda v: v if isinstance(v, str) and len(v) < 20 else None)
def test_bibliographic_fields(article, field, expected):
    assert getattr(article, field) == expected


def test_citation_unit_carries_every_bibliographic_field(units):
    text = units["citation"].text
    for part in ("Nikolaos Machairas et al.", "Currently available treatment options",
                 "Ann Gastroenterol", "2021;34(2):130-141", "10.20524/aog.2021.0574",
                 "Epub 2021 Jan 16", "Review"):
        assert part in text


def test_citation_field_spans_point_at_the_page_lines(units, seed_text):
    fields = units["citation"].metadata["fields"]
    assert seed_text[slice(*fields["title"])] == "Currently available treatment options for neuroendocrine liver metastases"
    assert "10.20524/aog.2021.0574" in seed_text[slice(*fields["doi_line"])]
    assert seed_text[slice(*fields["volume_line"])] == ". 2021;34(2):130-141."


@pytest.mark.parametrize("unit_id, starts, ends", [
    ("abstract-s1", "Neuroendocrine neoplasms (NEN) are", "distant-stage disease, affecting quality of life and overall survival."),
    ("abstract-s2", "Liver surgery with the intention to cure", "ameliorate hormonal symptoms refractory to medical control."),
    ("abstract-s3", "Surgical resection is indicated", "largely dictated by the degree of liver involvement."),
    ("abstract-s4", "As a result of advances in surgical techniques", "performed safely and effectively by experienced surgeons."),
    ("abstract-s5", "Furthermore, liver transplantation", "restricted only to highly selected individual cases."),
    ("abstract-s6", "A broad spectrum of interventional radiology", "important adjuncts or alternatives to surgery."),
    ("abstract-s7", "Overall, liver-targeted treatment modalities", "crucial component of multimodal management of patients with NEN."),
    ("abstract-s8", "In the present review, we discuss", "optimizing multimodal NEN patient care."),
    ("keywords", "Keywords: Neuroendocrine;", "liver metastasis; surgery."),
    ("coi", "Conflict of Interest: None", "Conflict of Interest: None"),
    ("figure-1", "Proposed types of neuroendocrine liver metastases distribution", "[13]"),
    ("figure-2", "Treatment algorithm for well-differentiated (G1/G2)", "associating liver partition and portal vein ligation for staged hepatectomy"),
    ("reference-1", "Modlin IM, Oberg K", "Lancet Oncol. 2008;9:61–72."),
    ("reference-2", "Pavel M, O'Toole D", "Neuroendocrinology. 2016;103:172–185."),
    ("reference-3", "Hofland J, Kaltsas G", "Endocr Rev. 2020;41:371–403."),
    ("reference-4", "Dasari A, Shen C", "JAMA Oncol. 2017;3:1335–1342."),
    ("reference-5", "Pape UF, Berndt U, Müller-Nordhorn J", "Endocr Relat Cancer. 2008;15:1083–1097."),
], ids=lambda v: v if v.islower() and len(v) < 14 else None)
def test_unit_text_known_answers(units, unit_id, starts, ends):
    assert units[unit_id].text.startswith(starts)
    assert units[unit_id].text.endswith(ends)


def test_the_abstract_keeps_1_and_2_stage_inside_one_sentence(units):
    assert "complex 1- and 2-stage, or repeat liver resections" in units["abstract-s4"].text


@pytest.mark.parametrize("unit_id", [i for i in EXPECTED_IDS if i != "citation"])
def test_every_span_slices_the_seed_back_to_the_unit_text(units, seed_text, unit_id):
    unit = units[unit_id]
    assert normalise_space(seed_text[unit.start:unit.end]) == unit.text


def test_the_figure_label_printed_twice_gives_one_caption(article):
    assert [u.id for u in article.units if u.section == "figure"] == ["figure-1", "figure-2"]


@pytest.mark.parametrize("unit_id, links", [
    ("reference-1", ["PubMed"]), ("reference-2", ["PubMed"]), ("reference-3", ["PMC", "PubMed"]),
    ("reference-4", ["PMC", "PubMed"]), ("reference-5", ["PubMed"]),
])
def test_references_are_renumbered_and_lose_their_link_text(units, unit_id, links):
    assert units[unit_id].metadata["links"] == links
    assert "PubMed" not in units[unit_id].text and " - PMC" not in units[unit_id].text
    assert units[unit_id].label == f"Reference {unit_id.split('-')[1]}"


def test_a_page_without_figures_and_a_single_author():
    article = parse_pubmed_page(DATA / "pubmed_no_figures_single_author.txt")
    ids = [u.id for u in article.units]
    assert ids == ["citation", "abstract-s1", "abstract-s2", "abstract-s3", "abstract-s4",
                   "keywords", "coi", "reference-1", "reference-2", "reference-3"]
    assert (article.first_author, article.doc_key, article.article_type) == ("Jane Q. Öztürk", "ozturk2019", "Editorial")
    assert (article.volume, article.issue, article.pages, article.epub_date) == ("12", "4", "e101-e105", "")
    units = {u.id: u for u in article.units}
    # "e.g.", "Dec." and "Dr. Smith et al." do not end sentences; structured labels stay in.
    assert units["abstract-s2"].text == "Methods: We reviewed the literature published up to Dec. 2018 by Dr. Smith et al. and others."
    assert units["coi"].text == "The author received speaker fees from a company. No other conflicts."
    assert units["reference-2"].metadata["links"] == ["DOI", "PubMed"]
    assert "Ann Gastroenterol" not in units["citation"].text and "Jane Q. Öztürk." in units["citation"].text


def test_a_page_without_keywords_with_three_figures():
    article = parse_pubmed_page(DATA / "pubmed_three_figures_no_keywords.txt")
    ids = [u.id for u in article.units]
    assert ids == ["citation", "abstract-s1", "abstract-s2", "abstract-s3",
                   "figure-1", "figure-2", "figure-3", "reference-1", "reference-2"]
    assert article.keywords == () and article.article_type == "Journal Article"
    assert {u.id: u for u in article.units}["reference-2"].metadata["links"] == []


def test_prefixed_ids_carry_the_document_key():
    article = parse_pubmed_page(SEED, prefix_ids=True)
    assert article.units[2].id == "machairas2021:abstract-s2"
    assert all(u.doc_key == "machairas2021" for u in article.units)


@pytest.mark.parametrize("mutate, message", [
    (lambda t: t.replace("\nAbstract\n", "\nSummary text\n"), "No abstract found"),
    (lambda t: t.replace("Nikolaos Machairas\u00a0et al. Ann Gastroenterol. 2021.", ""), "No title found"),
], ids=["no-abstract", "no-title"])
def test_a_page_missing_title_or_abstract_is_rejected_by_name(seed_text, mutate, message):
    with pytest.raises(ParseError, match=message):
        parse_pubmed_text(mutate(seed_text), "broken.txt")


@pytest.mark.parametrize("content, message", [
    (None, "not found"),
    (b"", "empty"),
    (b"  \n\n", "empty"),
    (b"\xff\xfe\x00bad", "not UTF-8"),
], ids=["missing", "empty", "blank", "not-utf8"])
def test_bad_files_raise_parse_errors_that_say_what_to_do(tmp_path: Path, content, message):
    path = tmp_path / "page.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ParseError, match=message):
        read_seed(path)
