"""What the page shows whatever the conversation: disclaimer, examples, form labels, stylesheet.

In: nothing, or one treatment-algorithm input and its value. Out: fixed strings for the app
(`DISCLAIMER`, `EXAMPLE_QUESTIONS`, `APP_CSS`, `PAGE_ICON`, `too_long_notice`) and the wording
of the algorithm form's labels and choices. The stylesheet styles the classes (`nelm-cite`, `nelm-source`, ...) that
rag/ui/answers.py puts on its HTML fragments.

It does not touch answers or sources (rag/ui/answers.py, rag/ui/source.py) and holds no state.
"""

from __future__ import annotations

DISCLAIMER = "A reading aid for the review, not medical advice."
# One per route, so a first-time reader sees what kinds of question the app answers.
EXAMPLE_QUESTIONS = (
    "What is the treatment of choice for resectable neuroendocrine liver metastases?",
    "What does TACE stand for?",
    "When should liver transplantation be considered for NELM?",
    "G2 pancreatic NET with unresectable liver-only metastases: what does the algorithm suggest?",
)

# The browser tab's icon, inline: a named Material icon would be fetched from fonts.gstatic.com,
# and the app must work offline without a failed request. An open book, in the theme's blue.
PAGE_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
             '<path fill="#1d4ed8" d="M12 5.5C10.3 4.3 7.9 3.8 5 4v14c2.9-.2 5.3.3 7 1.5 1.7-1.2 4.1-1.7 7-1.5V4'
             'c-2.9-.2-5.3.3-7 1.5zm-1 11.3c-1.4-.6-3.1-.9-5-.9V6c1.9 0 3.6.4 5 1.2zm7-.9c-1.9 0-3.6.3-5 .9V7.2'
             'c1.4-.8 3.1-1.2 5-1.2z"/></svg>')


def too_long_notice(length: int, limit: int) -> str:
    """What a paste over the limit is told; the text itself stays in the box to be shortened."""
    return (f"This question is {length:,} characters long; questions can be at most {limit:,} characters. "
            f"It is back in the box below: shorten it by {length - limit:,} characters or more and send it again.")


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
.nelm-cite-open { cursor: pointer; outline: none; }
.nelm-cite-open > .nelm-cite { cursor: pointer; text-decoration: underline dotted; }
.nelm-cite-open:focus > .nelm-cite { background: #1d4ed8; color: #ffffff; }
.nelm-pop { display: none; position: absolute; z-index: 30; left: 0; right: 0; margin-top: 1.7em;
  background: #ffffff; color: #111827; border: 1px solid #93c5fd; border-radius: 6px; padding: 8px 10px;
  box-shadow: 0 6px 18px rgba(0, 0, 0, 0.15); font-size: 0.9rem; line-height: 1.45; white-space: normal;
  cursor: auto; }
.nelm-cite-open:focus > .nelm-pop, .nelm-cite-open:focus-within > .nelm-pop { display: block; }
.nelm-pop-text { display: block; margin-top: 4px; }
.nelm-pop mark, .nelm-abstract mark { background: #fef08a; padding: 0 1px; }
.nelm-pop .nelm-links { display: block; }
.nelm-closest { border-left: 3px solid #f59e0b; background: #fffbeb; padding: 6px 10px; margin: 4px 0 8px 0; }
.nelm-closest .nelm-source { border-left: none; padding: 0; margin: 4px 0 0 0; }
.nelm-abstract { font-size: 0.95em; line-height: 1.6; }
/* The Figure 2 tree is about 1,300 pt wide: shrunk to the column its labels were 7 px high.
   Drawn at its own size (10 pt labels, 13 px) it scrolls sideways instead. */
[data-testid="stGraphVizChart"] { overflow-x: auto; }
[data-testid="stGraphVizChart"] svg { max-width: none; height: auto; }
</style>"""
