"""The bibliographic record at the top of a saved PubMed page, and the citation built from it.

In: the page's `Line`s. Out: the author line (first author, "et al.", journal, year), the
volume line (journal, year, volume, issue, pages), the publication type printed above it, the
DOI and Epub patterns, a readable document key ("machairas2021") and the composed citation
text with each part's offsets. The lines look like: ". 2021;34(2):130-141." (the journal link
text is missing from a saved page), "doi: 10.20524/aog.2021.0574. Epub 2021 Jan 16.",
"Nikolaos Machairas et al. Ann Gastroenterol. 2021.".

It does not build units or find the sections below the record (ingest/sections.py does that).
"""

from __future__ import annotations

import re
import unicodedata

from ingest.sections import HEADINGS, Line, find_heading
from rag.core.errors import ParseError

_VOLUME_RE = re.compile(
    r"^(?P<journal>[^;]*?)\.?\s*(?P<year>(?:19|20)\d{2})\b[^;]*;"
    r"(?P<volume>[^(:;]*)(?:\((?P<issue>[^)]*)\))?(?::(?P<pages>[^.\s]+))?\.?\s*$"
)
DOI_RE = re.compile(r"doi:\s*(?P<doi>10\.\S+?)\.?(?=\s|$)")
EPUB_RE = re.compile(r"Epub\s+(?P<date>[^.]+)\.")
_AUTHOR_RE = re.compile(
    # An initial may carry its own period ("Jane Q. Smith"); any other period ends the name.
    r"^(?P<author>(?:[^.]|(?<=\b[A-Z])\.)+?)(?P<etal>\s+et al)?\.\s+(?P<journal>[^.]+?)\.\s+(?P<year>(?:19|20)\d{2})\.\s*$"
)


def find_author_line(lines: list[Line], source_name: str) -> tuple[int, re.Match[str]]:
    stop = find_heading(lines, "Abstract")
    for i, line in enumerate(lines[:stop]):
        m = _AUTHOR_RE.match(line.stripped)
        if m:
            return i, m
    raise ParseError(
        f"No title found in {source_name}: expected a title followed by an author line such as "
        "'First Author et al. Journal. 2021.'; is this a saved PubMed abstract page?"
    )


def find_volume_line(lines: list[Line], stop: int) -> tuple[int, re.Match[str] | None]:
    for i, line in enumerate(lines[:stop]):
        m = _VOLUME_RE.match(line.stripped)
        if m:
            return i, m
    return -1, None


def find_article_type(lines: list[Line], volume_i: int) -> str:
    """The publication type PubMed prints just above the volume line, if any."""
    if volume_i > 0:
        above = lines[volume_i - 1].stripped
        if above and len(above) < 60 and not above.startswith("Access keys") and above not in HEADINGS:
            return above
    return "Journal Article"


def make_doc_key(first_author: str, year: int) -> str:
    """'Nikolaos Machairas', 2021 -> 'machairas2021' (ASCII-folded surname + year)."""
    surname = first_author.split()[-1] if first_author.split() else "doc"
    folded = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", folded.lower()) + str(year)


def compose_citation(first_author: str, et_al: bool, title: str, journal: str, year: int, volume: str,
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
