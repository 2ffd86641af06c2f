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

from rag.core.types import Answer, Citation, SourceUnit
from rag.glossary.types import GlossaryEntry
from rag.ui.escape import inert_markdown
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
                abbreviations: Mapping[str, str] | None = None,
                sources: Mapping[str, Citation] | None = None) -> str:
    """The answer's markdown made inert (rag/ui/escape.py: no HTML, link or image from its
    text), `[unit-id]` markers turned into labelled citation chips, and abbreviations wrapped
    in `<abbr title=...>` for hover expansion.

    A chip whose unit is in `sources` opens that source on click or tap: the chip is
    focusable, and the stylesheet shows its card (label, text with the answering span
    highlighted, outside links) while it has focus. No script is involved, so it works in
    any page that allows HTML, and only phrasing elements are used, so the answer's
    paragraph stays one paragraph. One regex pass does all of it, so a replacement is never
    rewritten by another; code spans are left as they are.
    """
    unit_labels = unit_labels or {}
    abbreviations = abbreviations or {}
    sources = sources or {}
    escaped = inert_markdown(markdown)
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
            chip = f'<span class="nelm-cite" title="{html.escape(label)}">[{unit_id}]</span>'
            return _popup(chip, sources[unit_id], label) if unit_id in sources else chip
        form = m.group("abbr")
        return f'<abbr class="nelm-abbr" title="{html.escape(lookup[form])}">{form}</abbr>{m.group("plural")}'

    return re.sub("|".join(patterns), replace, escaped)


def sources_by_marker(citations: Iterable[Citation]) -> dict[str, Citation]:
    """Citations by the ID a marker shows, for `answer_html`: the unit's own, and without its
    document prefix (the algorithm cites "figure-2"; a multi-document index calls that unit
    "machairas2021:figure-2"); the first citation of a bare ID keeps it."""
    found: dict[str, Citation] = {}
    for c in citations:
        found.setdefault(c.unit_id.split(":")[-1], c)
        found[c.unit_id] = c
    return found


def _popup(chip: str, citation: Citation, label: str) -> str:
    """A focusable chip with its source card inside (see `answer_html`)."""
    text = citation.text
    start, end = citation.span if len(citation.span) == 2 else (0, 0)
    if 0 <= start < end <= len(text):
        body = _md_text(text[:start]) + "<mark>" + _md_text(text[start:end]) + "</mark>" + _md_text(text[end:])
    else:
        body = _md_text(text)
    links = " · ".join(f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">{html.escape(name)}</a>'
                       for name, url in source_links(citation))
    return (f'<span class="nelm-cite-open" tabindex="0" role="button" aria-label="Show the source: {html.escape(label)}">'
            f'{chip}<span class="nelm-pop" role="note"><strong>{_md_text(citation.label)}</strong> '
            f'<span class="nelm-cite">[{html.escape(citation.unit_id)}]</span>'
            f'<span class="nelm-pop-text">{body}</span>'
            + (f'<span class="nelm-links">{links}</span>' if links else "") + "</span></span>")


def _md_text(text: str) -> str:
    """Source text inside inline HTML, where markdown still applies: HTML-escaped, with the
    characters markdown would act on backslash-escaped, so a source's "*" stays a "*"."""
    return re.sub(r"([\\`*_\[\]$~|])", r"\\\1", html.escape(" ".join(text.split()), quote=False))


def abstract_html(units: Mapping[str, SourceUnit], cited: Iterable[str]) -> str:
    """The whole abstract of the cited document in reading order, the cited sentences
    highlighted in place, so a reader sees each quoted sentence in its context.

    The document is that of the first cited abstract sentence (or the first document with an
    abstract); an HTML block for `st.markdown(..., unsafe_allow_html=True)`.
    """
    cited_ids = list(dict.fromkeys(cited))
    abstract = [u for u in units.values() if u.section == "abstract"]
    docs = [units[c].doc_key for c in cited_ids if c in units and units[c].section == "abstract"]
    doc = docs[0] if docs else (abstract[0].doc_key if abstract else None)
    sentences = sorted((u for u in abstract if u.doc_key == doc), key=lambda u: u.start)
    parts = []
    for unit in sentences:
        text = html.escape(unit.text)
        if unit.id in cited_ids:
            parts.append(f'<mark>{text}</mark> <span class="nelm-cite">[{html.escape(unit.id)}]</span>')
        else:
            parts.append(text)
    return f'<div class="nelm-abstract">{" ".join(parts)}</div>'


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


def closest_html(citation: Citation) -> str:
    """The best of a refusal's related passages, shown openly (a clinician may judge it
    useful) and labelled so that it can never pass for an answer."""
    return ('<div class="nelm-closest"><strong>Closest passage in the review</strong> '
            '(not an answer: the review\'s indexed text does not say this; judge it yourself)'
            + citation_html(citation, highlight=False) + "</div>")


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
    """Whole-unit citations for the treatment algorithm's IDs, which are the review's own: in a
    multi-document index a bare ID resolves in the review's document, found by its DOI
    (rag/algorithm/source.py), never in whichever page sorts first ("abstract-s6" ->
    "machairas2021:abstract-s6")."""
    from rag.algorithm.source import resolve_citations

    keys = resolve_citations(dict.fromkeys(unit_ids), units)
    out = []
    for unit_id in dict.fromkeys(unit_ids):
        key = keys.get(unit_id)
        if key is not None:
            unit = units[key]
            out.append(Citation(unit.id, unit.section, unit.label, unit.text, (0, len(unit.text)), 1.0,
                                tuple(unit.metadata.get("links", ()))))
    return tuple(out)
