"""Units -> retrieval chunks.

Each unit becomes one chunk whose text carries its section context (which article, which
part of it), because bare unit text cannot answer "what is Figure 1 about?" or "what is the
DOI?": the words a user asks with live in the context, not in the passage. Consecutive
abstract sentences are also joined into sliding windows of `window_sentences`, so that a
question spanning two sentences still finds both. Every chunk lists the unit IDs it covers;
citations resolve through those IDs, never through chunk text.
"""

from __future__ import annotations

from rag.core.types import Article, Chunk, SourceUnit

# Words a reader uses for each section that the section's own text rarely contains.
_SECTION_CONTEXT = {
    "citation": "Bibliographic record of the article: title, first author, journal, year of "
                "publication, volume, issue, pages, DOI, electronic publication date, article type",
    "abstract": "Abstract",
    "keywords": "Keywords (key terms, subject headings) of the article",
    "coi": "Conflict of interest statement (competing interests, disclosures, funding)",
    "figure": "Figure caption",
    "reference": "Reference list entry (a cited work: authors, title, journal, year)",
}


def chunk_articles(articles: list[Article], window_sentences: int = 2) -> list[Chunk]:
    """One chunk per unit plus abstract windows, in a stable order."""
    chunks: list[Chunk] = []
    for article in articles:
        context = _article_context(article)
        for unit in article.units:
            chunks.append(Chunk(f"{unit.id}#unit", _chunk_text(context, unit), (unit.id,)))
        abstract = [u for u in article.units if u.section == "abstract"]
        if window_sentences > 1:
            for i in range(len(abstract) - window_sentences + 1):
                window = abstract[i:i + window_sentences]
                text = f"{context}. Abstract, sentences {i + 1}-{i + window_sentences}: " + " ".join(
                    u.text for u in window)
                chunks.append(Chunk(f"{window[0].id}#window{window_sentences}", text,
                                    tuple(u.id for u in window)))
    return chunks


def _article_context(article: Article) -> str:
    return f"{article.title} ({article.first_author} et al., {article.journal} {article.year})"


def _chunk_text(context: str, unit: SourceUnit) -> str:
    section = _SECTION_CONTEXT.get(unit.section, unit.section)
    return f"{context}. {section}. {unit.label}: {unit.text}"
