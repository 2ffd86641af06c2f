"""Presentation helpers for the app: answers, sources and exports as safe text.

In: the pipeline's values (`Answer`, `Citation`, `Article`, the index `Manifest`, glossary
entries). Out: strings ready for Streamlit (HTML fragments for `st.markdown(...,
unsafe_allow_html=True)`, markdown for plain `st.markdown`) and small frozen values (the
route badge, the "About the source" card). Nothing here imports Streamlit, so every rule of
what a reader sees is unit-tested in tests/test_ui.py.

Safety rule: every string that comes from a user or from the source page goes through
`html.escape` before any tag is added, so `<img src=x onerror=alert(1)>` typed as a question
is shown as those characters and never becomes an element. Tags are only ever built here,
from escaped text and URLs this module composes itself.

It does not decide anything about answers (routing, abstention, citations come from
rag/pipeline.py) and holds no state.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence
from urllib.parse import quote, quote_plus

from rag.glossary.types import GlossaryEntry
from rag.core.types import Answer, Article, Citation, SourceUnit

DISCLAIMER = "A reading aid for the review, not medical advice."
# One per route, so a first-time reader sees what kinds of question the app answers.
EXAMPLE_QUESTIONS = (
    "What is the treatment of choice for resectable neuroendocrine liver metastases?",
    "What does TACE stand for?",
    "When should liver transplantation be considered for NELM?",
    "G2 pancreatic NET with unresectable liver-only metastases: what does the algorithm suggest?",
)
SUPPLEMENTARY_LABEL = "not defined in this review"
# Outside links the saved page names for references (it keeps the names, not the URLs):
# each becomes a search for the reference's title at the same service.
_LINK_SEARCH = {
    "PubMed": "https://pubmed.ncbi.nlm.nih.gov/?term={}",
    "PMC": "https://www.ncbi.nlm.nih.gov/pmc/?term={}",
}
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+?)(?=[.,;]?(?:\s|$))")
_CITE = re.compile(r"\[(?P<uid>(?:[a-z0-9][\w-]*:)?[a-z][a-z0-9-]*)\]")
_BLOCKQUOTE = re.compile(r"^((?: {0,3}>)+ ?)")
_GROUP_AUTHOR = re.compile(r"\b(?:participants|investigators|collaborators|group|consortium|committee)\.?$", re.I)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$=])")


@dataclass(frozen=True)
class RouteBadge:
    """The small label above an answer: where it comes from."""

    label: str
    color: str  # a Streamlit badge colour
    icon: str  # a Streamlit material icon


@dataclass(frozen=True)
class AboutSource:
    """The "About the source" card for one indexed article."""

    citation: str
    doi_url: str
    indexed: tuple[str, ...]
    not_indexed: tuple[str, ...]


def route_badge(answer: Answer) -> RouteBadge:
    """Abstentions first: an answer that says "not in the review" must never look sourced."""
    if answer.abstained:
        return RouteBadge("Not in the review", "orange", ":material/search_off:")
    if answer.route == "glossary":
        return RouteBadge("Glossary", "blue", ":material/abc:")
    if answer.route == "algorithm":
        return RouteBadge("Treatment algorithm", "violet", ":material/account_tree:")
    return RouteBadge("From the review", "green", ":material/menu_book:")


def literal_markdown(text: str) -> str:
    """Markdown that displays `text` exactly as typed: no HTML, links, emphasis or LaTeX.

    HTML-escape first (so `<img ...>` becomes entities that markdown shows as characters),
    then backslash-escape markdown punctuation; `&` and `;` are left alone so the entities
    survive. Lines keep their breaks.
    """
    lines = str(text).replace("\r\n", "\n").split("\n")
    return "  \n".join(_MD_SPECIAL.sub(r"\\\1", html.escape(line.strip(), quote=False)) for line in lines)


def abbreviation_titles(entries: Iterable[GlossaryEntry]) -> dict[str, str]:
    """Short form (and spelling variants) -> hover text, e.g. "transarterial chemoembolization".

    Supplementary entries say they are not the review's; the first entry of a form wins,
    so pass review entries before supplementary ones.
    """
    titles: dict[str, str] = {}
    for entry in entries:
        hover = entry.long if entry.source == "review" else f"{entry.long} ({SUPPLEMENTARY_LABEL})"
        for form in (entry.short, *entry.variants):
            # one letter, or a lower-case word of under four ("re", "sa"), is English, not an abbreviation
            if len(form) < 2 or (form.islower() and len(form) < 4):
                continue
            titles.setdefault(form, hover)
    return titles


def answer_html(markdown: str, unit_labels: Mapping[str, str] | None = None,
                abbreviations: Mapping[str, str] | None = None) -> str:
    """The answer's markdown with its HTML escaped, `[unit-id]` markers turned into labelled
    citation chips, and abbreviations wrapped in `<abbr title=...>` for hover expansion.

    One regex pass does both, so a replacement is never rewritten by the other; code spans
    are left as they are.
    """
    unit_labels = unit_labels or {}
    abbreviations = abbreviations or {}
    escaped = escape_markdown_html(markdown)
    patterns = [r"(?P<code>`[^`\n]*`)", r"(?P<cite>" + _CITE.pattern + ")"]
    if abbreviations:
        forms = sorted((html.escape(f) for f in abbreviations), key=len, reverse=True)
        patterns.append(r"(?<![\w&#/-])(?P<abbr>" + "|".join(map(re.escape, forms)) + r")(?P<plural>s?)(?![\w-])")
    lookup = {html.escape(f): t for f, t in abbreviations.items()}

    def replace(m: re.Match[str]) -> str:
        if m.group("code"):
            return m.group("code")
        if m.group("cite"):
            unit_id = m.group("uid")
            label = unit_labels.get(unit_id, unit_id)
            return f'<span class="nelm-cite" title="{html.escape(label)}">[{unit_id}]</span>'
        form = m.group("abbr")
        return f'<abbr class="nelm-abbr" title="{html.escape(lookup[form])}">{form}</abbr>{m.group("plural")}'

    return re.sub("|".join(patterns), replace, escaped)


def escape_markdown_html(markdown: str) -> str:
    """Markdown with any HTML in it shown as text: every line HTML-escaped except its leading
    blockquote markers (`> `), which markdown needs to see as `>`."""
    out = []
    for line in str(markdown).split("\n"):
        m = _BLOCKQUOTE.match(line)
        prefix = m.group(1) if m else ""
        out.append(prefix + html.escape(line[len(prefix):], quote=True))
    return "\n".join(out)


def answer_footer(answer: Answer) -> str:
    """The small print under an answer: how it was made and how long it took."""
    how = {"glossary": "glossary lookup", "algorithm": "deterministic algorithm"}.get(
        answer.route, f"{answer.mode} answer from retrieved passages")
    total = answer.timings_ms.get("total")
    return f"{how} · {total:.0f} ms" if total is not None else how


_CHOICE_WORDS = {True: "yes", False: "no", None: "unknown", "small-intestine": "small intestine",
                 "staged": "resectable only in stages", "present": "present", "none": "none"}


def sentence_case(label: str) -> str:
    """First letter up, the rest as written: "distribution type (Figure 1)" keeps its "Figure"."""
    return label[:1].upper() + label[1:]


def choice_label(name: str, value: object) -> str:
    """How an algorithm input value reads in the form: None -> "unknown", "I" -> "Type I"."""
    if name == "distribution" and isinstance(value, str):
        return f"Type {value}"
    if isinstance(value, bool) or value is None:
        return _CHOICE_WORDS[value]
    return _CHOICE_WORDS.get(value, str(value))


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


def citation_html(citation: Citation, highlight: bool = True) -> str:
    """One source as an HTML card: label, unit ID, text with the answering span in `<mark>`
    (when `highlight` and the span is valid), and its outside links."""
    text = citation.text
    start, end = citation.span if len(citation.span) == 2 else (0, 0)
    if highlight and 0 <= start < end <= len(text):
        body = (html.escape(text[:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>"
                + html.escape(text[end:]))
    else:
        body = html.escape(text)
    links = " · ".join(
        f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">{html.escape(name)}</a>'
        for name, url in source_links(citation))
    kind = "nelm-source" if highlight else "nelm-source nelm-related"
    return (f'<div class="{kind}">'
            f'<div class="nelm-source-head"><strong>{html.escape(citation.label)}</strong> '
            f'<span class="nelm-cite">[{html.escape(citation.unit_id)}]</span></div>'
            f'<div class="nelm-source-text">{body}</div>'
            + (f'<div class="nelm-links">{links}</div>' if links else "")
            + "</div>")


def glossary_entry_html(entry: GlossaryEntry, unit_labels: Mapping[str, str] | None = None) -> str:
    """A glossary row: short form, expansion, and where it is defined (or that it is not)."""
    if entry.source == "review":
        where = (unit_labels or {}).get(entry.unit_id or "", entry.unit_id or "the review")
        origin = f'<span class="nelm-origin">defined in {html.escape(where)}</span>'
    else:
        note = f' title="{html.escape(entry.note)}"' if entry.note else ""
        origin = f'<span class="nelm-origin nelm-supp"{note}>{SUPPLEMENTARY_LABEL}</span>'
    return (f'<div class="nelm-gloss"><strong>{html.escape(entry.short)}</strong> '
            f'{html.escape(entry.long)}<br>{origin}</div>')


def unit_citations(unit_ids: Iterable[str], units: Mapping[str, SourceUnit]) -> tuple[Citation, ...]:
    """Whole-unit citations for IDs such as the algorithm's; a bare ID also resolves to the
    one prefixed unit of a multi-document index ("figure-2" -> "machairas2021:figure-2")."""
    out = []
    for unit_id in dict.fromkeys(unit_ids):
        unit = units.get(unit_id) or next((u for k, u in units.items() if k.endswith(":" + unit_id)), None)
        if unit is not None:
            out.append(Citation(unit.id, unit.section, unit.label, unit.text, (0, len(unit.text)), 1.0,
                                tuple(unit.metadata.get("links", ()))))
    return tuple(out)


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


def conversation_markdown(answers: Sequence[Answer], articles: Sequence[Article] = (),
                          exported_at: str = "") -> str:
    """The conversation as a Markdown document: each question, its route, the answer with its
    inline citations, and the cited passages (or, for abstentions, the related ones)."""
    out = ["# Conversation about the review", ""]
    for article in articles:
        card = about_source(article)
        out.append(f"Source: {card.citation} {card.doi_url}".rstrip())
    if exported_at:
        out.append(f"Exported: {exported_at}")
    out += [f"_{DISCLAIMER}_", ""]
    for n, answer in enumerate(answers, 1):
        # What a user typed (and answers that repeat it) is text, never live HTML in a viewer.
        out += [f"## {n}. {literal_markdown(' '.join(answer.question.split()))}", "",
                f"_{route_badge(answer).label}_", "", escape_markdown_html(answer.answer.strip()), ""]
        if answer.rewritten_question:
            out += [f"_Understood as: {literal_markdown(answer.rewritten_question)}_", ""]
        sources = answer.related if answer.abstained else answer.citations
        if sources:
            out.append("Related passages (not an answer):" if answer.abstained else "Sources:")
            for c in sources:
                start, end = c.span
                part = c.text[start:end] if 0 <= start < end <= len(c.text) else c.text
                quoted = f' — answering part: "{part}"' if part != c.text and not answer.abstained else ""
                links = "".join(f" [{name}]({url})" for name, url in source_links(c))
                out.append(f'- [{c.unit_id}] {c.label}: "{c.text}"{quoted}{links}')
            out.append("")
    return "\n".join(out).rstrip() + "\n"


APP_CSS = """<style>
.nelm-cite { font-size: 0.78em; color: #1d4ed8; background: #eff6ff; border-radius: 4px;
  padding: 0 3px; white-space: nowrap; cursor: help; }
abbr.nelm-abbr { text-decoration: underline dotted #6b7280; cursor: help; }
.nelm-source { border-left: 3px solid #93c5fd; padding: 4px 10px; margin: 6px 0 10px 0; }
.nelm-related { border-left-color: #d1d5db; }
.nelm-source-head { font-size: 0.9em; margin-bottom: 2px; }
.nelm-source-text { font-size: 0.92em; line-height: 1.45; }
.nelm-source mark { background: #fef08a; padding: 0 1px; }
.nelm-links { font-size: 0.85em; margin-top: 2px; }
.nelm-gloss { font-size: 0.9em; margin: 2px 0 6px 0; line-height: 1.3; }
.nelm-origin { font-size: 0.8em; color: #4b5563; }
.nelm-supp { color: #b45309; }
</style>"""
