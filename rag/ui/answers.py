"""An answer as the reader sees it: its badge, its HTML with citation chips and abbreviation
hovers, its small print, its source cards, and glossary rows.

In: the pipeline's values (`Answer`, `Citation`, `SourceUnit`, `GlossaryEntry`). Out: small
frozen values (the route badge) and HTML fragments for `st.markdown(...,
unsafe_allow_html=True)`. Every string from a user or the source page is escaped (see
rag/ui/escape.py) before a tag is added; the tags are built here, from escaped text.

It does not decide anything about answers (routing, abstention, citations come from
rag/pipeline.py), says nothing about the article as a whole (rag/ui/source.py) and holds no state.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from rag.core.text import resolve_unit_id
from rag.core.types import Answer, Citation, SourceUnit
from rag.glossary.types import GlossaryEntry
from rag.ui.escape import escape_markdown_html
from rag.ui.source import source_links

SUPPLEMENTARY_LABEL = "not defined in this review"
_CITE = re.compile(r"\[(?P<uid>(?:[a-z0-9][\w-]*:)?[a-z][a-z0-9-]*)\]")


@dataclass(frozen=True)
class RouteBadge:
    """The small label above an answer: where it comes from."""

    label: str
    color: str  # a Streamlit badge colour
    icon: str  # a Streamlit material icon


def route_badge(answer: Answer) -> RouteBadge:
    """Abstentions first: an answer that says "not in the review" must never look sourced."""
    if answer.abstained:
        return RouteBadge("Not in the review", "orange", ":material/search_off:")
    if answer.route == "glossary":
        return RouteBadge("Glossary", "blue", ":material/abc:")
    if answer.route == "algorithm":
        return RouteBadge("Treatment algorithm", "violet", ":material/account_tree:")
    return RouteBadge("From the review", "green", ":material/menu_book:")


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


def answer_footer(answer: Answer) -> str:
    """The small print under an answer: how it was made and how long it took."""
    how = {"glossary": "glossary lookup", "algorithm": "deterministic algorithm"}.get(
        answer.route, f"{answer.mode} answer from retrieved passages")
    total = answer.timings_ms.get("total")
    return f"{how} · {total:.0f} ms" if total is not None else how


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
        key = resolve_unit_id(unit_id, units)
        if key is not None:
            unit = units[key]
            out.append(Citation(unit.id, unit.section, unit.label, unit.text, (0, len(unit.text)), 1.0,
                                tuple(unit.metadata.get("links", ()))))
    return tuple(out)
