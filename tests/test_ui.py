"""Presentation helpers (rag/ui/): what a reader sees, and that nothing typed becomes HTML."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from rag import ui
from rag.glossary.types import GlossaryEntry
from rag.core.types import Answer, Article, Citation, SourceUnit
from tests.conftest import SEED

INJECTION = "<img src=x onerror=alert(1)>"


class TagCollector(HTMLParser):
    """Every start tag with its attributes, to check what an HTML fragment would create."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(fragment: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = TagCollector()
    parser.feed(fragment)
    return parser.tags


@pytest.fixture(scope="module")
def article() -> Article:
    from ingest.parse import parse_pubmed_page

    return parse_pubmed_page(SEED)


@pytest.fixture(scope="module")
def units(article) -> dict[str, SourceUnit]:
    return {u.id: u for u in article.units}


def cite(unit: SourceUnit, span: tuple[int, int] | None = None) -> Citation:
    return Citation(unit.id, unit.section, unit.label, unit.text, span or (0, len(unit.text)), 0.9,
                    tuple(unit.metadata.get("links", ())))


# --- route badge ------------------------------------------------------------------------------

@pytest.mark.parametrize("route, abstained, label", [
    pytest.param("retrieval", False, "From the review", id="retrieval"),
    pytest.param("glossary", False, "Glossary", id="glossary"),
    pytest.param("algorithm", False, "Treatment algorithm", id="algorithm"),
    pytest.param("retrieval", True, "Not in the review", id="abstained-retrieval"),
    pytest.param("glossary", True, "Not in the review", id="abstained-glossary"),
])
def test_route_badge(route, abstained, label):
    assert ui.route_badge(Answer("q", route, "a", abstained=abstained)).label == label


# --- user text is text ------------------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    pytest.param(INJECTION, id="img-onerror"),
    pytest.param("<script>alert('x')</script>", id="script"),
    pytest.param("[click](javascript:alert(1))", id="markdown-link"),
    pytest.param("**bold** _it_ `code` $x^2$ :red[red] # heading", id="markdown-syntax"),
    pytest.param("1. not a list\n- nor this\n> nor a quote", id="block-syntax"),
])
def test_literal_markdown_has_no_markup(typed):
    shown = ui.literal_markdown(typed)
    assert "<" not in shown and ">" not in shown.replace("&gt;", "")
    # Undoing the escapes gives back exactly what was typed (line by line, trimmed).
    undone = html.unescape(re.sub(r"\\(.)", r"\1", shown)).split("  \n")
    assert undone == [line.strip() for line in typed.split("\n")]


def test_answer_html_escapes_source_and_user_text():
    out = ui.answer_html(f"You asked {INJECTION} & got [abstract-s2].", {"abstract-s2": "Abstract, sentence 2"})
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert [t for t, _ in tags_of(out)] == ["span"]


def test_answer_html_marks_citations_with_their_label():
    out = ui.answer_html("Surgery [abstract-s2][figure-2].", {"abstract-s2": "Abstract, sentence 2"})
    spans = [a for t, a in tags_of(out) if t == "span"]
    assert [s["title"] for s in spans] == ["Abstract, sentence 2", "figure-2"]
    assert "[abstract-s2]</span>" in out and "[figure-2]</span>" in out


def test_answer_html_keeps_prefixed_ids():
    out = ui.answer_html("x [machairas2021:abstract-s2]", {})
    assert 'title="machairas2021:abstract-s2">[machairas2021:abstract-s2]</span>' in out


@pytest.mark.parametrize("markdown, expected_abbr", [
    pytest.param("TACE and TAE [figure-2]", ["TACE", "TAE"], id="two-abbreviations"),
    pytest.param("several NELMs", ["NELM"], id="plural"),
    pytest.param("TACEX and XTACE and tace", [], id="whole-tokens-case-sensitive"),
    pytest.param("`TACE` in code", [], id="not-inside-code"),
    pytest.param("SI-NEN not NEN-like", ["SI-NEN"], id="longest-form-wins"),
])
def test_abbreviations_get_hover_titles(markdown, expected_abbr):
    titles = ui.abbreviation_titles([
        GlossaryEntry("TACE", "transarterial chemoembolization", "review", "figure-2"),
        GlossaryEntry("TAE", "transarterial embolization", "review", "figure-2"),
        GlossaryEntry("NELM", "neuroendocrine liver metastases", "review", "abstract-s2"),
        GlossaryEntry("SI-NEN", "small intestine neuroendocrine neoplasm", "review", "figure-2"),
        GlossaryEntry("NEN", "neuroendocrine neoplasm", "review", "abstract-s1"),
    ])
    out = ui.answer_html(markdown, {}, titles)
    found = re.findall(r'<abbr class="nelm-abbr" title="[^"]*">([^<]*)</abbr>', out)
    assert found == expected_abbr


def test_abbreviation_titles_label_supplementary_and_skip_words():
    titles = ui.abbreviation_titles([
        GlossaryEntry("RE", "radio-embolization", "review", "figure-2"),
        GlossaryEntry("re", "lowercase word", "supplementary", note="x"),
        GlossaryEntry("RFA", "radiofrequency ablation", "supplementary", note="x"),
        GlossaryEntry("RE", "something else", "supplementary", note="x"),
    ])
    assert titles == {"RE": "radio-embolization", "RFA": f"radiofrequency ablation ({ui.SUPPLEMENTARY_LABEL})"}


def test_abbreviation_title_is_escaped():
    titles = ui.abbreviation_titles([GlossaryEntry("XY", 'x" onmouseover="alert(1)', "review", "u")])
    out = ui.answer_html("XY", {}, titles)
    (tag, attrs), = tags_of(out)
    assert attrs == {"class": "nelm-abbr", "title": 'x" onmouseover="alert(1)'}


def test_blockquote_markers_survive_escaping():
    assert ui.escape_markdown_html("> Decision aid <b>\n>> two") == "> Decision aid &lt;b&gt;\n>> two"


# --- sources ----------------------------------------------------------------------------------

def test_citation_html_highlights_the_answering_span(units):
    unit = units["abstract-s2"]
    start = unit.text.index("treatment of choice")
    out = ui.citation_html(cite(unit, (start, start + len("treatment of choice"))))
    assert "<mark>treatment of choice</mark>" in out
    assert "<strong>Abstract, sentence 2</strong>" in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)).endswith(unit.text)


@pytest.mark.parametrize("span", [pytest.param((5, 2), id="reversed"), pytest.param((0, 10_000), id="past-end")])
def test_citation_html_ignores_a_bad_span(units, span):
    assert "<mark>" not in ui.citation_html(cite(units["abstract-s1"], span))


def test_citation_html_escapes_everything():
    c = Citation(INJECTION, "abstract", INJECTION, f"before {INJECTION} after", (7, 7 + len(INJECTION)))
    assert {t for t, _ in tags_of(ui.citation_html(c))} == {"div", "strong", "span", "mark"}


@pytest.mark.parametrize("unit_id, names", [
    pytest.param("reference-1", ["PubMed"], id="pubmed-only"),
    pytest.param("reference-3", ["PMC", "PubMed"], id="pmc-and-pubmed"),
    pytest.param("abstract-s1", [], id="no-links-for-abstract"),
    pytest.param("citation", ["DOI"], id="doi-of-the-article"),
])
def test_source_links(units, unit_id, names):
    links = ui.source_links(cite(units[unit_id]))
    assert [name for name, _ in links] == names


def test_reference_links_search_for_the_title(units):
    (_, url), = ui.source_links(cite(units["reference-1"]))
    assert url == "https://pubmed.ncbi.nlm.nih.gov/?term=Gastroenteropancreatic+neuroendocrine+tumours"


def test_article_doi_link(units):
    assert ui.source_links(cite(units["citation"])) == [("DOI", "https://doi.org/10.20524/aog.2021.0574")]


@pytest.mark.parametrize("reference, title", [
    pytest.param("Modlin IM, Oberg K, et al. Gastroenteropancreatic neuroendocrine tumours. Lancet Oncol. "
                 "2008;9:61–72.", "Gastroenteropancreatic neuroendocrine tumours", id="et-al"),
    pytest.param("Hofland J, Kaltsas G, de Herder WW. Advances in the diagnosis of NEN. Endocr Rev. 2020;41:371–403.",
                 "Advances in the diagnosis of NEN", id="initials-end-the-authors"),
    pytest.param("Pavel M, et al. Vienna Consensus Conference participants. ENETS consensus guidelines update. "
                 "Neuroendocrinology. 2016;103:172–185.", "ENETS consensus guidelines update", id="group-author"),
    pytest.param("Just one sentence", "Just one sentence", id="unparsed"),
])
def test_reference_title(reference, title):
    assert ui.reference_title(reference) == title


def test_unit_citations_resolve_prefixed_ids(units):
    prefixed = {f"machairas2021:{k}": v for k, v in units.items()}
    found = ui.unit_citations(["figure-2", "abstract-s3", "nope", "figure-2"], prefixed)
    assert [c.label for c in found] == ["Figure 2 caption", "Abstract, sentence 3"]
    assert all(c.span == (0, len(c.text)) for c in found)


# --- around the chat --------------------------------------------------------------------------

def test_about_source_counts_what_is_indexed(article):
    card = ui.about_source(article)
    assert card.citation.startswith("Nikolaos Machairas et al. Currently available treatment options")
    assert "Ann Gastroenterol. 2021;34(2):130-141." in card.citation
    assert card.doi_url == "https://doi.org/10.20524/aog.2021.0574"
    assert "abstract (8 sentences)" in card.indexed and "reference list (5 references)" in card.indexed
    assert "figure captions (2 captions)" in card.indexed
    assert any("full text" in item for item in card.not_indexed)


def test_source_line(article):
    assert ui.source_line(article) == ("*Currently available treatment options for neuroendocrine liver metastases* "
                                       "(Machairas et al\\., Ann Gastroenterol 2021)")


def test_glossary_entry_html_labels_supplementary():
    review = ui.glossary_entry_html(GlossaryEntry("TACE", "transarterial chemoembolization", "review", "figure-2"),
                                    {"figure-2": "Figure 2 caption"})
    extra = ui.glossary_entry_html(GlossaryEntry("RFA", "radiofrequency <b>ablation</b>", "supplementary", note="n"))
    assert "defined in Figure 2 caption" in review
    assert ui.SUPPLEMENTARY_LABEL in extra and "&lt;b&gt;" in extra


@pytest.mark.parametrize("name, value, label", [
    pytest.param("grade", None, "unknown", id="unknown"),
    pytest.param("refractory_symptoms", True, "yes", id="bool-yes"),
    pytest.param("recurrence", False, "no", id="bool-no"),
    pytest.param("distribution", "II", "Type II", id="distribution"),
    pytest.param("primary", "small-intestine", "small intestine", id="primary"),
    pytest.param("grade", "G2", "G2", id="as-is"),
])
def test_choice_label(name, value, label):
    assert ui.choice_label(name, value) == label


def test_sentence_case():
    assert ui.sentence_case("distribution type (Figure 1)") == "Distribution type (Figure 1)"
    assert ui.sentence_case("") == ""


def test_index_rows():
    class M:
        document_count, unit_count, chunk_count = 1, 18, 25
        model_name, built_at, build_seconds = "all-MiniLM-L6-v2", "2026-01-02T03:04:05+00:00", 14.25

    assert dict(ui.index_rows(M())) == {"Documents": "1", "Source units": "18", "Chunks": "25",
                                        "Model": "all-MiniLM-L6-v2", "Built": "2026-01-02 03:04:05 UTC in 14.2 s"}


def test_conversation_markdown_round_trips_questions_answers_and_sources(article, units):
    unit = units["abstract-s2"]
    answered = Answer("What is the treatment of choice?", "retrieval", "Liver surgery [abstract-s2].",
                      (cite(unit, (0, 13)),), timings_ms={"total": 5.0})
    refused = Answer(INJECTION, "retrieval", "The indexed text does not address this question.", abstained=True,
                     related=(cite(units["reference-3"]),))
    text = ui.conversation_markdown([answered, refused], [article], exported_at="2026-01-01T00:00:00+00:00")
    assert text.count("\n## ") == 2
    assert "## 1. What is the treatment of choice?" in text
    assert f"## 2. {ui.literal_markdown(INJECTION)}" in text and "<img" not in text  # shown, never live
    assert "Liver surgery [abstract-s2]." in text
    assert f'- [abstract-s2] Abstract, sentence 2: "{unit.text}" — answering part: "Liver surgery"' in text
    assert f'Closest passage in the review (not an answer): [reference-3] {units["reference-3"].label}' in text
    assert "[PMC]" not in text.split("## 2.")[1]  # the closest passage is quoted, not listed with links
    assert "https://doi.org/10.20524/aog.2021.0574" in text and ui.DISCLAIMER in text
    assert "_Not in the review_" in text and "_From the review_" in text


def test_answer_footer():
    assert ui.answer_footer(Answer("q", "glossary", "a", timings_ms={"total": 1.4})) == "glossary lookup · 1 ms"
    assert ui.answer_footer(Answer("q", "retrieval", "a")) == "extractive answer from retrieved passages"


def test_the_markdown_export_never_carries_live_html_from_a_question():
    from rag.core.types import Answer
    from rag.ui.export import conversation_markdown

    typed = "<img src=x onerror=alert(1)>"
    answer = Answer(question=typed, route="glossary", answer=f"No glossary entry matches “{typed}”.", abstained=True)
    exported = conversation_markdown([answer])
    assert "<img" not in exported and "&lt;img" in exported


# --- echoed user text stays literal (issue 12, item 11) -----------------------------------------

@pytest.mark.parametrize("typed, never", [
    pytest.param("![x](http://evil.example/px.png)", "<img", id="image"),
    pytest.param("[click](javascript:alert(1))", 'href="javascript', id="javascript-link"),
    pytest.param("[abstract-s2](javascript:alert(1))", 'href="javascript', id="citation-made-a-link"),
    pytest.param("<https://evil.example>", "<a", id="autolink"),
])
def test_inert_markdown_renders_no_link_or_image(typed, never):
    """Rendered by a CommonMark renderer (markdown-it, as Streamlit's remark would), the
    answer that echoes the typed text has no element from it; the text reads as typed."""
    from markdown_it import MarkdownIt

    answer = f"No glossary entry matches \u201c{typed}\u201d."
    rendered = MarkdownIt("commonmark").render(ui.inert_markdown(answer))
    assert never not in rendered
    assert typed in html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_inert_markdown_breaks_gfm_autolinks():
    """GFM links bare "http://", "www." and e-mail addresses; a backslash inside each pattern
    (shown as nothing) keeps it text."""
    shown = ui.inert_markdown("see http://evil.example, www.evil.example or a@evil.example")
    assert shown == "see http\\://evil.example, www\\.evil.example or a\\@evil.example"


def test_inert_markdown_keeps_formatting_citations_and_code():
    shown = ui.inert_markdown("> aid\n**Bold** [abstract-s2][figure-2] `[a](b)` :red[x] $x$ :smile:")
    assert shown == "> aid\n**Bold** [abstract-s2][figure-2] `[a](b)` :red\\[x\\] \\$x\\$ \\:smile:"


def test_glossary_echo_is_literal_in_the_export():
    typed = "What does ![x](http://evil.example/px.png) stand for? [click](javascript:alert(1))"
    answer = Answer(typed, "glossary", "No glossary entry matches \u201c![x](http://evil.example/px.png)\u201d "
                    "or \u201c[click](javascript:alert(1))\u201d.", abstained=True)
    exported = ui.conversation_markdown([answer])
    assert "![x](" not in exported and "[click](" not in exported
    assert "!\\[x\\](http\\://evil.example/px.png)" in exported


# --- clickable citations and the abstract ------------------------------------------------------

def test_a_cited_marker_opens_its_source_with_the_span_highlighted(units):
    unit = units["abstract-s2"]
    start = unit.text.index("treatment of choice")
    out = ui.answer_html("Surgery [abstract-s2] and [figure-2].", {"abstract-s2": unit.label},
                         sources={"abstract-s2": cite(unit, (start, start + 19))})
    tags = tags_of(out)
    (opener,) = [a for t, a in tags if "nelm-cite-open" in (a.get("class") or "")]
    assert opener["tabindex"] == "0" and opener["role"] == "button"  # focusable: click or tap opens it
    assert "<mark>treatment of choice</mark>" in out and "nelm-pop" in out
    # Only phrasing elements, so the answer's paragraph is not split by the card.
    assert {t for t, _ in tags} <= {"span", "strong", "mark", "a"}
    assert out.count("nelm-cite-open") == 1  # figure-2 was not given as a source: a plain chip


def test_bare_markers_find_their_prefixed_source(units):
    """The algorithm writes "[figure-2]"; in a multi-document index its citation is prefixed."""
    unit = units["figure-2"]
    prefixed = Citation(f"machairas2021:{unit.id}", unit.section, unit.label, unit.text, (0, 5))
    found = ui.sources_by_marker([prefixed])
    assert found["figure-2"] is prefixed and found["machairas2021:figure-2"] is prefixed


def test_abstract_html_highlights_the_cited_sentences_in_reading_order(units):
    out = ui.abstract_html(units, ["abstract-s5", "abstract-s2", "figure-2"])
    marked = re.findall(r"<mark>(.*?)</mark>", out)
    assert [html.unescape(m) for m in marked] == [units["abstract-s2"].text, units["abstract-s5"].text]
    plain = html.unescape(re.sub(r"<[^>]+>|\s*\[abstract-s\d\]", "", out))
    assert plain.startswith(units["abstract-s1"].text) and plain.endswith(units["abstract-s8"].text)


def test_closest_passage_is_labelled_not_an_answer(units):
    out = ui.closest_html(cite(units["abstract-s5"]))
    assert "Closest passage in the review" in out and "not an answer" in out
    assert "<mark>" not in out


# --- treatment answers: summary first --------------------------------------------------------

@pytest.fixture(scope="module")
def treatment():
    from rag.algorithm.engine import AlgorithmInputs, run_algorithm
    from rag.algorithm.render import render_markdown
    from rag.core.settings import Settings

    result = run_algorithm(AlgorithmInputs(grade="G2", primary="pancreas", liver="unresectable",
                                           extrahepatic="none"), Settings())
    return result, render_markdown(result, {"figure-2": "Figure 2 caption"})


def test_treatment_view_leads_with_branch_options_and_what_is_missing(treatment):
    result, markdown = treatment
    view = ui.treatment_view(result.to_dict(), markdown)
    assert view.summary.startswith("> Decision aid only")
    assert "**Branch:**" in view.summary and "**Recommended options**" in view.summary
    assert "**Missing:** hormonal symptoms refractory to medical control (would refine the result)" in view.summary
    for rec in result.recommendations:
        assert rec.text in view.summary and rec.rationale not in view.summary  # the why is a click away
    titles = [t for t, _ in view.details]
    assert titles[0] == "Why these options (rationale and sources)"
    assert {"Transplant criteria check", "Path taken", "Inputs", "External facts used"} <= set(titles)
    assert all(rec.rationale in view.details[0][1] for rec in result.recommendations)


def test_treatment_details_lose_nothing_of_the_full_answer(treatment):
    result, markdown = treatment
    view = ui.treatment_view(result.to_dict(), markdown)
    kept = "\n".join(body for _, body in view.details) + view.basis
    body_lines = [line for line in markdown.split("\n")[5:] if line and not line.startswith("**")]
    assert all(line in kept for line in body_lines)


def test_the_export_shows_the_treatment_summary_first(treatment):
    result, markdown = treatment
    answer = Answer("G2 pNET, unresectable", "algorithm", markdown, algorithm=result.to_dict())
    text = ui.conversation_markdown([answer])
    assert text.index("**Recommended options**") < text.index("#### Why these options") < text.index("#### Path taken")


def test_form_values_are_the_inputs_read_from_the_case(treatment):
    result, _ = treatment
    assert ui.form_values(result.to_dict()) == {"grade": "G2", "primary": "pancreas", "liver": "unresectable",
                                                "extrahepatic": "none"}


# --- around the chat box -------------------------------------------------------------------------

def test_too_long_notice_names_the_limit_and_the_length():
    notice = ui.too_long_notice(5000, 2000)
    assert "5,000 characters" in notice and "at most 2,000" in notice and "back in the box" in notice


def test_page_icon_is_inline_so_nothing_is_fetched():
    """A ":material/...:" page icon makes the browser fetch it from fonts.gstatic.com."""
    assert ui.PAGE_ICON.startswith("<svg") and "http" not in ui.PAGE_ICON.replace("http://www.w3.org/2000/svg", "")
