"""What the app shows, without Streamlit: HTML and markdown built from the project's types.

Nothing here imports Streamlit, so every rule of what a reader sees is unit-tested in
tests/test_ui.py. One module per concern:

- `escape.py`: the escaping rule every user or page string passes through;
- `answers.py`: route badge, answer HTML (citation chips, abbreviation hovers), footer,
  source cards, glossary rows, whole-unit citations;
- `source.py`: the "About the source" card, the source line, DOI and reference links,
  the index status rows;
- `export.py`: the conversation as a Markdown document;
- `page.py`: the disclaimer, example questions, algorithm form labels and the stylesheet.

Callers use `from rag import ui` and `ui.<name>`; the names below are the package's surface.
"""

from rag.ui.answers import (
    SUPPLEMENTARY_LABEL,
    RouteBadge,
    abbreviation_titles,
    answer_footer,
    answer_html,
    citation_html,
    glossary_entry_html,
    route_badge,
    unit_citations,
)
from rag.ui.escape import escape_markdown_html, literal_markdown
from rag.ui.export import conversation_markdown
from rag.ui.page import (
    APP_CSS,
    DISCLAIMER,
    EXAMPLE_QUESTIONS,
    choice_label,
    sentence_case,
)
from rag.ui.source import (
    AboutSource,
    about_source,
    doi_url,
    find_doi,
    index_rows,
    reference_title,
    source_line,
    source_links,
)

__all__ = [
    "APP_CSS", "DISCLAIMER", "EXAMPLE_QUESTIONS", "SUPPLEMENTARY_LABEL",
    "AboutSource", "RouteBadge",
    "abbreviation_titles", "about_source", "answer_footer", "answer_html", "choice_label",
    "citation_html", "conversation_markdown", "doi_url", "escape_markdown_html", "find_doi",
    "glossary_entry_html", "index_rows", "literal_markdown", "reference_title", "route_badge",
    "sentence_case", "source_line", "source_links", "unit_citations",
]
