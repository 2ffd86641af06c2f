"""Text from a user or from the source page, made safe to show: the one home of the escaping rule.

In: any string (a typed question, an answer's markdown, a title from the page). Out: markdown
in which no HTML is live: `literal_markdown` for text to be shown exactly as typed,
`escape_markdown_html` for markdown whose formatting should still work.

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
