"""The conversation as a Markdown document a reader can download and keep.

In: the session's `Answer`s, the indexed `Article`s and an export timestamp. Out: one
Markdown string: the source, the disclaimer, then each question with its route, its answer
(inline citations kept; a treatment answer summary first, its details under sub-headings, as
on the page) and the cited passages, or for abstentions the closest passage, labelled as not
an answer, and the other related ones. What a user typed, and every answer that may echo it,
is made inert (rag/ui/escape.py), so no viewer renders it as live HTML, a link or an image.

It does not write files or know about Streamlit's download button; app.py does that.
"""

from __future__ import annotations

from typing import Sequence

from rag.core.types import Answer, Article
from rag.ui.answers import route_badge
from rag.ui.escape import inert_markdown, literal_markdown
from rag.ui.page import DISCLAIMER
from rag.ui.source import about_source, source_links
from rag.ui.treatment import treatment_markdown, treatment_view


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
        body = answer.answer.strip()
        if answer.route == "algorithm" and answer.algorithm:
            body = treatment_markdown(treatment_view(answer.algorithm, body))
        out += [f"## {n}. {literal_markdown(' '.join(answer.question.split()))}", "",
                f"_{route_badge(answer).label}_", "", inert_markdown(body), ""]
        if answer.rewritten_question:
            out += [f"_Understood as: {literal_markdown(answer.rewritten_question)}_", ""]
        out += [f"_{inert_markdown(notice)}_\n" for notice in answer.notices]
        sources = answer.related if answer.abstained else answer.citations
        if answer.abstained and sources:
            closest, sources = sources[0], sources[1:]
            out += [f'Closest passage in the review (not an answer): [{closest.unit_id}] {closest.label}: '
                    f'"{closest.text}"', ""]
        if sources:
            out.append("Other related passages (not an answer):" if answer.abstained else "Sources:")
            for c in sources:
                start, end = c.span
                part = c.text[start:end] if 0 <= start < end <= len(c.text) else c.text
                quoted = f' — answering part: "{part}"' if part != c.text and not answer.abstained else ""
                links = "".join(f" [{name}]({url})" for name, url in source_links(c))
                out.append(f'- [{c.unit_id}] {c.label}: "{c.text}"{quoted}{links}')
            out.append("")
    return "\n".join(out).rstrip() + "\n"
