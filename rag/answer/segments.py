"""A unit -> its citable pieces: one field of the bibliographic record, one item of a figure
legend, else the whole unit (an abstract sentence, a reference, the keywords).

An answer quotes a piece, not a whole unit, so "What is the DOI?" is answered with the DOI
field and "What does TACE stand for?" with one legend item; the piece's offsets are the span
a citation highlights. Pieces are cut from the parser's own offsets (the record's `parts`)
or at the legend's semicolons; the text is never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.core.types import SourceUnit

# "TACE, transarterial ...": a short form (two or more capitals) then a comma and a lower-case word.
FIRST_LEGEND_ITEM = re.compile(r"(?<=\s)[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*, (?=[a-z])")


@dataclass(frozen=True)
class Segment:
    unit: SourceUnit
    start: int
    end: int
    kind: str = ""  # for the citation unit: which field ("doi", "journal", ...)

    @property
    def text(self) -> str:
        return self.unit.text[self.start:self.end]


def is_legend_item(segment: Segment) -> bool:
    return segment.unit.section == "figure" and segment.start > 0


def reading_text(segment: Segment) -> str:
    """The words a piece is read under, for matching a question's words: a figure's piece
    under the figure's name ("Figure 2"), and a legend item also under the caption's title.
    "Is a liver transplant one of the options on the treatment chart?" is answered by the item
    "OLT, orthotopic liver transplantation", whose own words never say "treatment" or "figure";
    the figure it belongs to does. Answers still quote the piece alone."""
    unit = segment.unit
    if unit.section != "figure":
        return segment.text
    setting = [unit.label]
    if segment.start > 0:
        first = FIRST_LEGEND_ITEM.search(unit.text)
        if first and 0 < first.start() <= segment.start:
            setting.append(unit.text[:first.start()].strip())
    return " ".join(setting + [segment.text])


def segments_of(unit: SourceUnit) -> list[Segment]:
    """Citable pieces of a unit: the citation's fields, a legend's items, else the whole unit."""
    if unit.section == "citation" and unit.metadata.get("parts"):
        return [Segment(unit, s, e, kind) for kind, s, e in unit.metadata["parts"]]
    if unit.section == "figure" and ";" in unit.text:
        pieces, start = [], 0
        # The caption's title runs straight into the legend's first item ("... liver metastases
        # TACE, transarterial chemoembolization; ..."): the title is a piece of its own.
        first = FIRST_LEGEND_ITEM.search(unit.text[:unit.text.index(";")])
        if first and first.start() > 0:
            pieces.append(Segment(unit, 0, first.start() - 1))
            start = first.start()
        for m in re.finditer(r";\s*", unit.text):
            pieces.append(Segment(unit, start, m.start()))
            start = m.end()
        pieces.append(Segment(unit, start, len(unit.text)))
        return [p for p in pieces if p.text.strip()]
    return [Segment(unit, 0, len(unit.text))]


def strip_citation_marks(text: str) -> str:
    """"[13]" in a caption is a reference mark, not a figure a question could ask for."""
    return re.sub(r"\[\d+\]", "", text)
