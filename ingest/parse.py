"""Saved PubMed abstract page (plain text, navigation chrome and all) -> `Article` with units.

In: the text of a PubMed page as a browser's "save as text" writes it: chrome lines, the
publication type, a volume line whose journal link text is missing (". 2021;34(2):130-141."),
the DOI line, the title, the short author line ("Nikolaos Machairas et al. Ann Gastroenterol.
2021."), then Abstract, Keywords, Conflict of interest statement, Figures, References.
Out: an `Article` whose units are the citable passages, each with its exact character span.

The parser keys on PubMed's section headings, not on this one review, so any page saved the
same way parses. It does not chunk, embed or look anything up; it only reads.

Span rule: for every unit but `citation`, `text == normalise_space(page[start:end])`, where
`normalise_space` collapses whitespace runs (NBSP included) to one space. The citation unit
is composed from the bibliographic fields; each field's own span is in its metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rag.core.errors import ParseError
from rag.core.types import Article, SourceUnit

# Headings that end the section before them on a saved PubMed page.
_HEADINGS = {
    "Abstract", "PubMed Disclaimer", "Conflict of interest statement", "Figures",
    "Similar articles", "Cited by", "References", "Publication types", "MeSH terms",
    "Substances", "Related information", "Grants and funding", "Comment in", "Comment on",
    "Supplementary info", "Full text links", "Affiliations", "Erratum in", "Update of",
}
_END_PREFIXES = ("LinkOut", "Keywords:")
_VOLUME_RE = re.compile(
    r"^(?P<journal>[^;]*?)\.?\s*(?P<year>(?:19|20)\d{2})\b[^;]*;"
    r"(?P<volume>[^(:;]*)(?:\((?P<issue>[^)]*)\))?(?::(?P<pages>[^.\s]+))?\.?\s*$"
)
_DOI_RE = re.compile(r"doi:\s*(?P<doi>10\.\S+?)\.?(?=\s|$)")
_EPUB_RE = re.compile(r"Epub\s+(?P<date>[^.]+)\.")
_AUTHOR_RE = re.compile(
    # An initial may carry its own period ("Jane Q. Smith"); any other period ends the name.
    r"^(?P<author>(?:[^.]|(?<=\b[A-Z])\.)+?)(?P<etal>\s+et al)?\.\s+(?P<journal>[^.]+?)\.\s+(?P<year>(?:19|20)\d{2})\.\s*$"
)
_FIGURE_RE = re.compile(r"^(?:Figure|Fig\.)\s+(?P<n>\d+)\s*$")
_REFERENCE_RE = re.compile(r"^\s*\d+\.\s+(?P<body>\S.*?)\s*$")
_LINK_TAIL_RE = re.compile(r"(?:\s+-\s+(?P<link>PubMed|PMC|DOI|Free PMC article|Free article|Google Scholar))+\s*$")


def normalise_space(text: str) -> str:
    """Collapse whitespace runs (including NBSP) to one space and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class _Line:
    text: str  # without the newline
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()


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
    lines = _split_lines(page)
    author_i, author_m = _find_author_line(lines, source_name)
    title_line = _previous_content_line(lines, author_i)
    if title_line is None or title_line.stripped in _HEADINGS:
        raise ParseError(f"No title found in {source_name}: expected the title above the author line")
    abstract_i = _find_heading(lines, "Abstract")
    if abstract_i is None:
        raise ParseError(f"No abstract found in {source_name}: expected a line 'Abstract' followed by its text")

    first_author = normalise_space(author_m.group("author"))
    year = int(author_m.group("year"))
    key = doc_key or _doc_key(first_author, year)
    prefix = f"{key}:" if prefix_ids else ""

    units: list[SourceUnit] = []

    def add(uid: str, section: str, label: str, text: str, start: int, end: int, **meta: object) -> None:
        units.append(SourceUnit(prefix + uid, key, section, label, text, start, end, dict(meta)))

    volume_i, volume_m = _find_volume_line(lines, author_i)
    doi_line = next((ln for ln in lines[:author_i] if _DOI_RE.search(ln.text)), None)
    doi = _DOI_RE.search(doi_line.text).group("doi") if doi_line else ""
    epub_m = _EPUB_RE.search(doi_line.text) if doi_line else None
    article_type = _article_type(lines, volume_i)
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

    citation_text, citation_parts = _citation_text(first_author, bool(author_m.group("etal")), title, journal,
                                   year, volume, issue, pages, doi, epub, article_type)
    spans = list(fields.values())
    add("citation", "citation", "Citation", citation_text,
        min(s for s, _ in spans), max(e for _, e in spans), fields={k: list(v) for k, v in fields.items()}, parts=citation_parts)

    abstract_end = _section_end(lines, abstract_i + 1)
    for n, (start, end) in enumerate(_sentences(page, lines[abstract_i + 1:abstract_end]), 1):
        add(f"abstract-s{n}", "abstract", f"Abstract, sentence {n}", normalise_space(page[start:end]), start, end)

    keywords: tuple[str, ...] = ()
    kw_line = next((ln for ln in lines[abstract_i:] if ln.stripped.startswith("Keywords:")), None)
    if kw_line is not None:
        body = kw_line.stripped[len("Keywords:"):].strip().rstrip(".")
        keywords = tuple(k.strip() for k in body.split(";") if k.strip())
        start = kw_line.start + (len(kw_line.text) - len(kw_line.text.lstrip()))
        add("keywords", "keywords", "Keywords", kw_line.stripped, start, start + len(kw_line.stripped),
            keywords=list(keywords))

    coi_i = _find_heading(lines, "Conflict of interest statement")
    if coi_i is not None:
        block = _content_block(lines, coi_i + 1, _section_end(lines, coi_i + 1))
        if block:
            add("coi", "coi", "Conflict of interest statement",
                normalise_space(page[block[0]:block[1]]), *block)

    figures_i = _find_heading(lines, "Figures")
    if figures_i is not None:
        for n, (start, end) in _figures(lines, figures_i + 1, _section_end(lines, figures_i + 1)):
            add(f"figure-{n}", "figure", f"Figure {n} caption", normalise_space(page[start:end]), start, end)

    refs_i = _find_heading(lines, "References")
    if refs_i is not None:
        for n, (start, end, links) in enumerate(_references(lines, refs_i + 1), 1):
            add(f"reference-{n}", "reference", f"Reference {n}", normalise_space(page[start:end]),
                start, end, links=links)

    return Article(key, title, first_author, journal, year, volume, issue, pages, doi, epub,
                   article_type, keywords, source_name, tuple(units))


def _split_lines(page: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in page.splitlines(keepends=True):
        lines.append(_Line(raw.rstrip("\r\n"), pos))
        pos += len(raw)
    return lines


def _find_heading(lines: list[_Line], heading: str, start: int = 0) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].stripped == heading), None)


def _find_author_line(lines: list[_Line], source_name: str) -> tuple[int, re.Match[str]]:
    stop = _find_heading(lines, "Abstract")
    for i, line in enumerate(lines[:stop]):
        m = _AUTHOR_RE.match(line.stripped)
        if m:
            return i, m
    raise ParseError(
        f"No title found in {source_name}: expected a title followed by an author line such as "
        "'First Author et al. Journal. 2021.'; is this a saved PubMed abstract page?"
    )


def _previous_content_line(lines: list[_Line], i: int) -> _Line | None:
    return next((lines[j] for j in range(i - 1, -1, -1) if lines[j].stripped), None)


def _find_volume_line(lines: list[_Line], stop: int) -> tuple[int, re.Match[str] | None]:
    for i, line in enumerate(lines[:stop]):
        m = _VOLUME_RE.match(line.stripped)
        if m:
            return i, m
    return -1, None


def _article_type(lines: list[_Line], volume_i: int) -> str:
    """The publication type PubMed prints just above the volume line, if any."""
    if volume_i > 0:
        above = lines[volume_i - 1].stripped
        if above and len(above) < 60 and not above.startswith("Access keys") and above not in _HEADINGS:
            return above
    return "Journal Article"


def _section_end(lines: list[_Line], start: int) -> int:
    for i in range(start, len(lines)):
        text = lines[i].stripped
        if text in _HEADINGS or text.startswith(_END_PREFIXES):
            return i
    return len(lines)


def _content_block(lines: list[_Line], start: int, stop: int) -> tuple[int, int] | None:
    content = [ln for ln in lines[start:stop] if ln.stripped]
    if not content:
        return None
    first, last = content[0], content[-1]
    return first.start + (len(first.text) - len(first.text.lstrip())), last.start + len(last.text.rstrip())


def _sentences(page: str, lines: list[_Line]) -> list[tuple[int, int]]:
    """Sentence spans of the abstract paragraphs, found with pysbd (rule-based, keeps
    "1- and 2-stage", "et al." and "e.g." inside their sentences)."""
    import pysbd  # imported here: only parsing needs it

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    spans = []
    for line in lines:
        if not line.stripped:
            continue
        for piece in segmenter.segment(line.text):
            text = piece.sent
            lead = len(text) - len(text.lstrip())
            start = line.start + piece.start + lead
            end = line.start + piece.start + len(text.rstrip())
            if end > start:
                spans.append((start, end))
    return spans


def _figures(lines: list[_Line], start: int, stop: int) -> list[tuple[str, tuple[int, int]]]:
    """Caption spans by figure number; the page prints each label twice, keep one caption."""
    found: dict[str, tuple[int, int]] = {}
    i = start
    while i < stop:
        m = _FIGURE_RE.match(lines[i].stripped)
        if not m:
            i += 1
            continue
        j = i + 1
        while j < stop and _FIGURE_RE.match(lines[j].stripped) and _FIGURE_RE.match(lines[j].stripped).group("n") == m.group("n"):
            j += 1
        k = j
        while k < stop and not _FIGURE_RE.match(lines[k].stripped):
            k += 1
        block = _content_block(lines, j, k)
        if block and m.group("n") not in found:
            found[m.group("n")] = block
        i = k
    return list(found.items())


def _references(lines: list[_Line], start: int) -> list[tuple[int, int, list[str]]]:
    refs = []
    for line in lines[start:]:
        if not line.stripped:
            continue
        m = _REFERENCE_RE.match(line.text)
        if not m:
            break
        body = m.group("body")
        tail = _LINK_TAIL_RE.search(body)
        links = re.findall(r"PubMed|PMC|DOI|Free PMC article|Free article|Google Scholar", tail.group(0)) if tail else []
        text = body[: tail.start()] if tail else body
        begin = line.start + m.start("body")
        refs.append((begin, begin + len(text.rstrip()), links))
    return refs


def _doc_key(first_author: str, year: int) -> str:
    """'Nikolaos Machairas', 2021 -> 'machairas2021' (ASCII-folded surname + year)."""
    surname = first_author.split()[-1] if first_author.split() else "doc"
    folded = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", folded.lower()) + str(year)


def _citation_text(first_author: str, et_al: bool, title: str, journal: str, year: int, volume: str,
                   issue: str, pages: str, doi: str, epub: str, article_type: str) -> tuple[str, list[list]]:
    """The composed citation and its parts as [kind, start, end] offsets into it, so that an
    answer about the DOI can cite just "doi: ..." and highlight it."""
    authors = f"{first_author} et al." if et_al else f"{first_author}."
    where = f"{journal}. {year}"
    if volume:
        where += f";{volume}" + (f"({issue})" if issue else "") + (f":{pages}" if pages else "")
    parts = [("authors", authors), ("title", title.rstrip(".") + "."), ("journal", where + ".")]
    if doi:
        parts.append(("doi", f"doi: {doi}."))
    if epub:
        parts.append(("epub", f"Epub {epub}."))
    parts.append(("type", f"Article type: {article_type}."))
    text, offsets = "", []
    for kind, part in parts:
        start = len(text) + (1 if text else 0)
        text = f"{text} {part}" if text else part
        offsets.append([kind, start, len(text)])
    return text, offsets
