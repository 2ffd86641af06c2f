"""Which indexed document the treatment algorithm encodes, and where its citations point there.

In: the index's units (unit ID -> `SourceUnit`). Out: the document key of the review whose
Figure 2 the tree encodes (`review_doc_key`), and the index keys of the algorithm's cited units
in that document (`resolve_citations`: "abstract-s6" -> "machairas2021:abstract-s6").

The tree cites the review's own unit IDs ("abstract-s6"), which every document of a
multi-document index also has. The review is recognised by the DOI recorded in tree.yaml,
matched against each document's bibliographic record, never by file or index order: a page
whose name sorts first must not lend its sixth sentence to the algorithm. When the review is
not in the index, nothing resolves; citing no passage is better than citing the wrong article.
It does not walk the tree or render anything.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from rag.algorithm.tree import load_tree
from rag.core.text import resolve_unit_id
from rag.core.types import SourceUnit

__all__ = ["review_doi", "review_doc_key", "resolve_citations"]


def review_doi() -> str:
    """The DOI of the review the pathway encodes, as tree.yaml records it."""
    return str(load_tree()["doi"]).strip()


def review_doc_key(units: Mapping[str, SourceUnit]) -> str | None:
    """The `doc_key` of the indexed document whose record carries the review's DOI, or None."""
    wanted = _fold_doi(review_doi())
    for unit in units.values():
        if unit.section == "citation" and _fold_doi(_doi_of(unit)) == wanted:
            return unit.doc_key
    return None


def resolve_citations(unit_ids: Iterable[str], units: Mapping[str, SourceUnit],
                      doc_key: str | None = None) -> dict[str, str]:
    """The algorithm's cited IDs -> their keys in `units`, resolved in the review's document only.

    Worked example, an index of "bertolini2022" and "machairas2021" pages: "abstract-s6" ->
    "machairas2021:abstract-s6", whichever page was indexed first. An ID the review lacks, or
    every ID when the review is not indexed, is left out. `doc_key`: the review's document when
    the caller has found it already (`review_doc_key`, once per index); else it is looked up.
    """
    key = doc_key or review_doc_key(units)
    if key is None:
        return {}
    out: dict[str, str] = {}
    for unit_id in unit_ids:
        found = resolve_unit_id(unit_id, units, doc_key=key)
        if found is not None and units[found].doc_key == key:
            out[unit_id] = found
    return out


def _doi_of(unit: SourceUnit) -> str:
    """The DOI field of a composed citation unit ("doi: 10.20524/aog.2021.0574.")."""
    for kind, start, end in unit.metadata.get("parts", ()):
        if kind == "doi":
            field = unit.text[start:end].strip()
            return field.removeprefix("doi:").strip().rstrip(".")
    return ""


def _fold_doi(doi: str) -> str:
    """DOIs are case-insensitive (DOI Handbook, section 2.4); compare them folded."""
    return doi.strip().casefold()
