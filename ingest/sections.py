"""A saved PubMed page as lines with offsets, and the spans of the passages in its sections.

In: the page text, split into `Line`s that remember where they start. Out: line indices
(where a heading is, where its section ends) and (start, end) character spans into the page:
a section's content block, the abstract's sentences, each figure caption, each reference
with the outside links the page printed after it. Spans are offsets into the page itself, so
ingest/parse.py can keep its span rule (`text == normalise_space(page[start:end])`).

It does not build units or read the bibliographic record (ingest/record.py does that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Headings that end the section before them on a saved PubMed page.
HEADINGS = {
    "Abstract", "PubMed Disclaimer", "Conflict of interest statement", "Figures",
    "Similar articles", "Cited by", "References", "Publication types", "MeSH terms",
    "Substances", "Related information", "Grants and funding", "Comment in", "Comment on",
    "Supplementary info", "Full text links", "Affiliations", "Erratum in", "Update of",
}
_END_PREFIXES = ("LinkOut", "Keywords:")
_FIGURE_RE = re.compile(r"^(?:Figure|Fig\.)\s+(?P<n>\d+)\s*$")
_REFERENCE_RE = re.compile(r"^\s*\d+\.\s+(?P<body>\S.*?)\s*$")
_LINK_TAIL_RE = re.compile(r"(?:\s+-\s+(?P<link>PubMed|PMC|DOI|Free PMC article|Free article|Google Scholar))+\s*$")


@dataclass(frozen=True)
class Line:
    text: str  # without the newline
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(page: str) -> list[Line]:
    lines, pos = [], 0
    for raw in page.splitlines(keepends=True):
        lines.append(Line(raw.rstrip("\r\n"), pos))
        pos += len(raw)
    return lines


def find_heading(lines: list[Line], heading: str, start: int = 0) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].stripped == heading), None)


def previous_content_line(lines: list[Line], i: int) -> Line | None:
    return next((lines[j] for j in range(i - 1, -1, -1) if lines[j].stripped), None)


def section_end(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        text = lines[i].stripped
        if text in HEADINGS or text.startswith(_END_PREFIXES):
            return i
    return len(lines)


def content_block(lines: list[Line], start: int, stop: int) -> tuple[int, int] | None:
    content = [ln for ln in lines[start:stop] if ln.stripped]
    if not content:
        return None
    first, last = content[0], content[-1]
    return first.start + (len(first.text) - len(first.text.lstrip())), last.start + len(last.text.rstrip())


def sentence_spans(page: str, lines: list[Line]) -> list[tuple[int, int]]:
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


def figure_spans(lines: list[Line], start: int, stop: int) -> list[tuple[str, tuple[int, int]]]:
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
        block = content_block(lines, j, k)
        if block and m.group("n") not in found:
            found[m.group("n")] = block
        i = k
    return list(found.items())


def reference_spans(lines: list[Line], start: int) -> list[tuple[int, int, list[str]]]:
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
