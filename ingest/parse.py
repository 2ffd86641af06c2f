"""Saved PubMed abstract page (plain text, navigation chrome and all) -> `Article` with units.

In: the text of a PubMed page as a browser's "save as text" writes it: chrome lines, the
publication type, a volume line whose journal link text is missing (". 2021;34(2):130-141."),
the DOI line, the title, the short author line ("Nikolaos Machairas et al. Ann Gastroenterol.
2021."), then Abstract, Keywords, Conflict of interest statement, Figures, References.
Out: an `Article` whose units are the citable passages, each with its exact character span.

The parser keys on PubMed's section headings, not on this one review, so any page saved the
same way parses. It does not chunk, embed or look anything up; it only reads. The line-level
work lives beside it: ingest/record.py reads the bibliographic record, ingest/sections.py
finds the sections and the spans of their passages; this module assembles the units.

Span rule: for every unit but `citation`, `text == normalise_space(page[start:end])`, where
`normalise_space` collapses whitespace runs (NBSP included) to one space. The citation unit
is composed from the bibliographic fields; each field's own span is in its metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.record import (
    DOI_RE,
    EPUB_RE,
    compose_citation,
    find_article_type,
    find_author_line,
    find_volume_line,
    make_doc_key,
)
from ingest.sections import (
    HEADINGS,
    content_block,
    figure_spans,
    find_heading,
    previous_content_line,
    reference_spans,
    section_end,
    sentence_spans,
    split_lines,
)
from rag.core.errors import ParseError
from rag.core.types import Article, SourceUnit


def normalise_space(text: str) -> str:
    """Collapse whitespace runs (including NBSP) to one space and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


def read_seed(path: Path) -> str:
    """Read a seed page as UTF-8, turning every foreseeable failure into a `ParseError`."""
    path = Path(path)
    if not path.is_file():
        raise ParseError(f"Seed page not found: {path}; pass the path of a saved PubMed page")
    data = path.read_bytes()
    if not data.strip():
        raise ParseError(f"Seed page is empty: {path}; save the PubMed page again as text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ParseError(
            f"Seed page is not UTF-8 text: {path} (bad byte at offset {e.start}); "
            "save the page as plain UTF-8 text"
        ) from e


def parse_pubmed_page(path: Path, doc_key: str | None = None, prefix_ids: bool = False) -> Article:
    """Parse a saved PubMed page file; see `parse_pubmed_text`."""
    path = Path(path)
    return parse_pubmed_text(read_seed(path), path.name, doc_key=doc_key, prefix_ids=prefix_ids)


def parse_pubmed_text(
    page: str, source_name: str, doc_key: str | None = None, prefix_ids: bool = False
) -> Article:
    """Parse page text into an `Article`.

    `prefix_ids` puts `<doc_key>:` before every unit ID; the index builder asks for it when
    several pages share one index, so IDs stay unique and still readable.
    """
    lines = split_lines(page)
    author_i, author_m = find_author_line(lines, source_name)
    title_line = previous_content_line(lines, author_i)
    if title_line is None or title_line.stripped in HEADINGS:
        raise ParseError(f"No title found in {source_name}: expected the title above the author line")
    abstract_i = find_heading(lines, "Abstract")
    if abstract_i is None:
        raise ParseError(f"No abstract found in {source_name}: expected a line 'Abstract' followed by its text")

    first_author = normalise_space(author_m.group("author"))
    year = int(author_m.group("year"))
    key = doc_key or make_doc_key(first_author, year)
    prefix = f"{key}:" if prefix_ids else ""

    units: list[SourceUnit] = []

    def add(uid: str, section: str, label: str, text: str, start: int, end: int, **meta: object) -> None:
        units.append(SourceUnit(prefix + uid, key, section, label, text, start, end, dict(meta)))

    volume_i, volume_m = find_volume_line(lines, author_i)
    doi_line = next((ln for ln in lines[:author_i] if DOI_RE.search(ln.text)), None)
    doi = DOI_RE.search(doi_line.text).group("doi") if doi_line else ""
    epub_m = EPUB_RE.search(doi_line.text) if doi_line else None
    article_type = find_article_type(lines, volume_i)
    journal = normalise_space(author_m.group("journal"))
    title = normalise_space(title_line.text)
    fields = {
        "title": (title_line.start, title_line.end),
        "author_line": (lines[author_i].start, lines[author_i].end),
    }
    if volume_m is not None:
        fields["volume_line"] = (lines[volume_i].start, lines[volume_i].end)
    if doi_line is not None:
        fields["doi_line"] = (doi_line.start, doi_line.end)
    volume = normalise_space(volume_m.group("volume") or "") if volume_m else ""
    issue = normalise_space(volume_m.group("issue") or "") if volume_m else ""
    pages = (volume_m.group("pages") or "") if volume_m else ""
    epub = normalise_space(epub_m.group("date")) if epub_m else ""

    citation_text, citation_parts = compose_citation(first_author, bool(author_m.group("etal")), title, journal,
                                   year, volume, issue, pages, doi, epub, article_type)
    spans = list(fields.values())
    add("citation", "citation", "Citation", citation_text,
        min(s for s, _ in spans), max(e for _, e in spans), fields={k: list(v) for k, v in fields.items()}, parts=citation_parts)

    abstract_end = section_end(lines, abstract_i + 1)
    for n, (start, end) in enumerate(sentence_spans(page, lines[abstract_i + 1:abstract_end]), 1):
        add(f"abstract-s{n}", "abstract", f"Abstract, sentence {n}", normalise_space(page[start:end]), start, end)

    keywords: tuple[str, ...] = ()
    kw_line = next((ln for ln in lines[abstract_i:] if ln.stripped.startswith("Keywords:")), None)
    if kw_line is not None:
        body = kw_line.stripped[len("Keywords:"):].strip().rstrip(".")
        keywords = tuple(k.strip() for k in body.split(";") if k.strip())
        start = kw_line.start + (len(kw_line.text) - len(kw_line.text.lstrip()))
        add("keywords", "keywords", "Keywords", kw_line.stripped, start, start + len(kw_line.stripped),
            keywords=list(keywords))

    coi_i = find_heading(lines, "Conflict of interest statement")
    if coi_i is not None:
        block = content_block(lines, coi_i + 1, section_end(lines, coi_i + 1))
        if block:
            add("coi", "coi", "Conflict of interest statement",
                normalise_space(page[block[0]:block[1]]), *block)

    figures_i = find_heading(lines, "Figures")
    if figures_i is not None:
        for n, (start, end) in figure_spans(lines, figures_i + 1, section_end(lines, figures_i + 1)):
            add(f"figure-{n}", "figure", f"Figure {n} caption", normalise_space(page[start:end]), start, end)

    refs_i = find_heading(lines, "References")
    if refs_i is not None:
        for n, (start, end, links) in enumerate(reference_spans(lines, refs_i + 1), 1):
            add(f"reference-{n}", "reference", f"Reference {n}", normalise_space(page[start:end]),
                start, end, links=links)

    return Article(key, title, first_author, journal, year, volume, issue, pages, doi, epub,
                   article_type, keywords, source_name, tuple(units))
