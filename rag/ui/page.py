"""What the page shows whatever the conversation: disclaimer, examples, form labels, stylesheet.

In: nothing, or one treatment-algorithm input and its value. Out: fixed strings for the app
(`DISCLAIMER`, `EXAMPLE_QUESTIONS`, `APP_CSS`) and the wording of the algorithm form's labels
and choices. The stylesheet styles the classes (`nelm-cite`, `nelm-source`, ...) that
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
</style>"""
