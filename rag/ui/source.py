"""The source as the reader sees it: the "About the source" card, a one-line mention, outside
links (DOI, PubMed, PMC) for a cited unit, and the index status rows.

In: an `Article`, a `Citation`, or the index `Manifest`. Out: small frozen values, markdown
and (name, URL) pairs; the URLs are composed here from the DOI or the reference's title,
never taken as live HTML from the page.

It does not render HTML cards (rag/ui/answers.py does, with these links) and holds no state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence
from urllib.parse import quote, quote_plus

from rag.core.types import Article, Citation, SourceUnit
from rag.ui.escape import literal_markdown

# Outside links the saved page names for references (it keeps the names, not the URLs):
# each becomes a search for the reference's title at the same service.
_LINK_SEARCH = {
    "PubMed": "https://pubmed.ncbi.nlm.nih.gov/?term={}",
    "PMC": "https://www.ncbi.nlm.nih.gov/pmc/?term={}",
}
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+?)(?=[.,;]?(?:\s|$))")
_GROUP_AUTHOR = re.compile(r"\b(?:participants|investigators|collaborators|group|consortium|committee)\.?$", re.I)


@dataclass(frozen=True)
class AboutSource:
    """The "About the source" card for one indexed article."""

    citation: str
    doi_url: str
    indexed: tuple[str, ...]
    not_indexed: tuple[str, ...]


def source_links(citation: Citation) -> list[tuple[str, str]]:
    """(name, URL) pairs for a cited unit: a DOI printed in its text, and for references the
    services the page linked to, as a search for the reference's title."""
    links: list[tuple[str, str]] = []
    doi = find_doi(citation.text)
    if doi:
        links.append(("DOI", doi_url(doi)))
    if citation.section == "reference":
        title = reference_title(citation.text)
        for name in citation.links:
            template = _LINK_SEARCH.get(name)
            if template and title:
                links.append((name, template.format(quote_plus(title))))
    return links


def find_doi(text: str) -> str:
    m = _DOI.search(text or "")
    return m.group(1) if m else ""


def doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi.strip(), safe="/:;()._-<>")


def reference_title(text: str) -> str:
    """The title in a Vancouver-style reference: the longest sentence after the authors.

    "Modlin IM, ..., et al. Gastroenteropancreatic neuroendocrine tumours. Lancet Oncol.
    2008;9:61-72." -> "Gastroenteropancreatic neuroendocrine tumours" (the journal
    abbreviation and the volume line are shorter; a group author such as "Vienna Consensus
    Conference participants." is skipped).
    """
    parts = [p.strip() for p in re.split(r"(?<=[.?])\s+(?=[A-Z0-9])", text.strip()) if p.strip()]
    candidates = [p for p in parts[1:] if not _GROUP_AUTHOR.search(p)]
    if not candidates:
        return text.strip().rstrip(".")
    return max(candidates, key=len).rstrip(".")


def articles_review_first(articles: Sequence[Article], units: Mapping[str, SourceUnit]) -> list[Article]:
    """The indexed articles with the review the treatment algorithm encodes first: the
    "About the source" card is about it; other pages follow, labelled as also indexed."""
    from rag.algorithm.source import review_doc_key

    review = review_doc_key(units)
    return sorted(articles, key=lambda a: a.doc_key != review)


def about_source(article: Article) -> AboutSource:
    """What the card says about one article; the indexed parts are counted from its units."""
    issue = f"({article.issue})" if article.issue else ""
    citation = (f"{article.first_author} et al. {article.title}. {article.journal}. "
                f"{article.year};{article.volume}{issue}:{article.pages}.")
    counts: dict[str, int] = {}
    for unit in article.units:
        counts[unit.section] = counts.get(unit.section, 0) + 1
    names = {"abstract": ("abstract", "sentences"), "keywords": ("keywords", ""),
             "coi": ("conflict-of-interest statement", ""), "figure": ("figure captions", "captions"),
             "reference": ("reference list", "references")}
    indexed = ["bibliographic citation"] if counts.get("citation") else []
    for section, (name, unit) in names.items():
        if counts.get(section):
            indexed.append(f"{name} ({counts[section]} {unit})" if unit else name)
    not_indexed = ("the full text of the review (its body, tables and the figures themselves)",
                   "the cited articles beyond their reference entries")
    return AboutSource(citation, doi_url(article.doi) if article.doi else "", tuple(indexed), not_indexed)


def source_line(article: Article) -> str:
    """Markdown naming an article briefly: *Title* (Machairas et al., Ann Gastroenterol 2021)."""
    surname = article.first_author.split()[-1] if article.first_author.strip() else "Anonymous"
    return (f"*{literal_markdown(article.title)}* "
            f"({literal_markdown(f'{surname} et al., {article.journal} {article.year}')})")


def index_rows(manifest: object) -> list[tuple[str, str]]:
    """(label, value) rows for the index status: documents, units, chunks, model, build."""
    built = str(getattr(manifest, "built_at", "")).replace("T", " ").replace("+00:00", " UTC")
    seconds = float(getattr(manifest, "build_seconds", 0.0))
    return [("Documents", str(getattr(manifest, "document_count", "?"))),
            ("Source units", str(getattr(manifest, "unit_count", "?"))),
            ("Chunks", str(getattr(manifest, "chunk_count", "?"))),
            ("Model", str(getattr(manifest, "model_name", "?"))),
            ("Built", f"{built} in {seconds:.1f} s")]
