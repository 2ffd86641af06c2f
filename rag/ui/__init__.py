"""What the app shows, without Streamlit: HTML and markdown built from the project's types.

Nothing here imports Streamlit, so every rule of what a reader sees is unit-tested in
tests/test_ui.py. One module per concern:

- `escape.py`: the escaping rule every user or page string passes through;
- `answers.py`: route badge, answer HTML (citation chips, abbreviation hovers), footer,
  source cards, glossary rows, whole-unit citations;
- `source.py`: the "About the source" card, the source line, DOI and reference links,
  the index status rows;
- `export.py`: the conversation as a Markdown document;
- `page.py`: the disclaimer, example questions, algorithm form labels, the page icon, the
  too-long notice and the stylesheet;
- `treatment.py`: a treatment-algorithm answer as summary first, details on demand;
- `warmup.py`: the index and model loaded once per process, at server start (serve.py).

Callers use `from rag import ui` and `ui.<name>`; the names below are the package's surface.
"""

from rag.ui.answers import (
    SUPPLEMENTARY_LABEL,
    RouteBadge,
    abbreviation_titles,
    abstract_html,
    answer_footer,
    answer_html,
    citation_html,
    closest_html,
    glossary_entry_html,
    route_badge,
    sources_by_marker,
    unit_citations,
)
from rag.ui.escape import escape_markdown_html, inert_markdown, literal_markdown
from rag.ui.export import conversation_markdown
from rag.ui.page import (
    APP_CSS,
    DISCLAIMER,
    EXAMPLE_QUESTIONS,
    PAGE_ICON,
    choice_label,
    sentence_case,
    too_long_notice,
)
from rag.ui.source import (
    AboutSource,
    about_source,
    articles_review_first,
    doi_url,
    find_doi,
    index_rows,
    reference_title,
    source_line,
    source_links,
)
from rag.ui.treatment import TreatmentView, form_values, treatment_markdown, treatment_view

__all__ = [
    "APP_CSS", "DISCLAIMER", "EXAMPLE_QUESTIONS", "PAGE_ICON", "SUPPLEMENTARY_LABEL",
    "AboutSource", "RouteBadge", "TreatmentView",
    "abbreviation_titles", "about_source", "articles_review_first", "abstract_html", "answer_footer", "answer_html", "choice_label",
    "citation_html", "closest_html", "conversation_markdown", "doi_url", "escape_markdown_html", "find_doi", "form_values",
    "glossary_entry_html", "index_rows", "inert_markdown", "literal_markdown", "reference_title", "route_badge",
    "sentence_case", "source_line", "source_links", "sources_by_marker", "too_long_notice", "treatment_markdown", "treatment_view",
    "unit_citations",
]
