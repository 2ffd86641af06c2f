"""Text from a user or from the source page, made safe to show: the one home of the escaping rule.

In: any string (a typed question, an answer's markdown, a title from the page). Out: markdown
in which no HTML is live: `literal_markdown` for text to be shown exactly as typed,
`escape_markdown_html` for markdown whose formatting should still work, and `inert_markdown`
for an answer: its formatting (bold, lists, tables, quotes, `[unit-id]` citations) works, but
nothing in it can become a link, an image, HTML, an emoji or a formula. Answers echo what the
user typed ("No glossary entry matches ..."), and the pipeline never writes a link or an image
into an answer, so none is ever live: `![x](http://evil.example/px.png)` typed as a term is shown
as those characters, in the page and in the export.

Safety rule: every string that comes from a user or from the source page goes through
`html.escape` before any tag is added, so `<img src=x onerror=alert(1)>` typed as a question
is shown as those characters and never becomes an element. Tags are only ever built by the
other rag/ui modules, from text escaped here and URLs they compose themselves.

It does not build any tag itself and holds no state.
"""

from __future__ import annotations

import html
import re

_BLOCKQUOTE = re.compile(r"^((?: {0,3}>)+ ?)")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$=])")
_CODE_SPAN = re.compile(r"(`[^`\n]*`)")
# A citation marker stays a marker unless something makes it a link or a Streamlit directive:
# "(" or ":" right after it, a word right before it (":red[text]").
_CITATION = re.compile(r"(?<!\w)\[(?:[a-z0-9][\w-]*:)?[a-z][a-z0-9-]*\](?![(:])")
# What would still turn plain text into something live, once brackets are escaped: link and
# image brackets, GFM autolinks (http://, www., e-mail), Streamlit's :emoji: / :material/x:
# shortcodes and $formulas$.
_LIVE = re.compile(r"[\[\]$@]|(?<=[a-z])://|(?i:(?<=\bwww)\.)|:(?=[\w/+-]+:)", re.IGNORECASE)


def literal_markdown(text: str) -> str:
    """Markdown that displays `text` exactly as typed: no HTML, links, emphasis or LaTeX.

    HTML-escape first (so `<img ...>` becomes entities that markdown shows as characters),
    then backslash-escape markdown punctuation; `&` and `;` are left alone so the entities
    survive. Lines keep their breaks.
    """
    lines = str(text).replace("\r\n", "\n").split("\n")
    return "  \n".join(_MD_SPECIAL.sub(r"\\\1", html.escape(line.strip(), quote=False)) for line in lines)


def escape_markdown_html(markdown: str) -> str:
    """Markdown with any HTML in it shown as text: every line HTML-escaped except its leading
    blockquote markers (`> `), which markdown needs to see as `>`."""
    out = []
    for line in str(markdown).split("\n"):
        m = _BLOCKQUOTE.match(line)
        prefix = m.group(1) if m else ""
        out.append(prefix + html.escape(line[len(prefix):], quote=True))
    return "\n".join(out)


def inert_markdown(markdown: str) -> str:
    """An answer's markdown, HTML-escaped (`escape_markdown_html`), with every link, image,
    autolink, shortcode and formula made plain text by a backslash before the character that
    would start it; `[unit-id]` citation markers and code spans are kept as they are."""
    out = []
    for part in _CODE_SPAN.split(escape_markdown_html(markdown)):
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(part)  # a code span shows its text literally already
            continue
        pieces, last = [], 0
        for m in _CITATION.finditer(part):
            pieces.append(_LIVE.sub(lambda c: "\\" + c.group(0), part[last:m.start()]))
            pieces.append(m.group(0))
            last = m.end()
        pieces.append(_LIVE.sub(lambda c: "\\" + c.group(0), part[last:]))
        out.append("".join(pieces))
    return "".join(out)
