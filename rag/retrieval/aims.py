"""Whether a question asks what the review is for: its aim ("what is this review actually trying to do?") or its
audience ("my oncologist gave me this paper, who is it written for?").

In: a question. Out: a yes or no that rag/retrieval/structure.py turns into the abstract's sentence stating the
review's aim ("In the present review, we discuss ..."). Read apart from the record's fields, as the document's
purpose is a matter of its own text, not of its bibliographic record.
"""

from __future__ import annotations

import re

__all__ = ["asks_aim", "asks_audience"]

# "who is it written for?" asks the review's audience when the question itself names the
# review as what "it" is ("my oncologist gave me this paper, who is it written for").
_FOR_WHOM_RE = re.compile(r"\bwho\s+(?:is|was)\s+it\s+(?:\w+\s+)?(?:written|meant|intended|aimed)\s+(?:for|at)\b", re.I)
_DOCUMENT_RE = re.compile(r"\b(?:review|article|paper)\b", re.I)


def _document_is_antecedent(question: str) -> bool:
    """Is the document named last before "who is it for" (in "the review's view on OLT, who is it for?" "it" is OLT)?"""
    asked, named = _FOR_WHOM_RE.search(question), list(_DOCUMENT_RE.finditer(question))
    before = [m for m in named if m.end() <= asked.start()]
    return any(m.start() >= asked.end() for m in named) or bool(before) and len(
        re.findall(r"[A-Za-z]{3,}", question[before[-1].end():asked.start()])) <= 2


# The review's aim, scope or what it is about as a whole, asked in any of the ways readers ask it.
_PURPOSE_RE = re.compile(
    r"\b(?:aims?|purpose|objectives?|goals?|scope|focus|point)\s+of\s+(?:this|the)\s+(?:present\s+|current\s+)?(?:review|article|paper|work)\b|\b(?:review|article|paper)(?:'s|\b[^?.!;,]{0,30}\bits)\s+(?:own\s+)?(?:aims?|purpose|objectives?|goals?|scope)\b"
    # "Does the review discuss ...?" asks for its purpose only when nothing specific follows;
    # "Does the review discuss sunitinib?" asks whether a topic is covered (word coverage decides).
    r"|\b(?:does|do|did) (?:the|this) (?:review|article|paper|authors?) (?:\w+ly )?(?:discuss|cover|address|focus on|include)"
    r"(?:\s+(?:in (?:general|short|brief)|overall|mainly|mostly|chiefly))?\s*(?:\?|$)"
    r"|\bwhat(?:'s|\s+is)\s+(?:this|the)\s+(?:review|article|paper)\s+(?:actually\s+|really\s+|basically\s+|even\s+)?about\b|\bwhy did the authors write\b"
    # the same in the passive: "why was this review written?"
    r"|\bwhy\s+(?:was|is)\s+(?:this|the)\s+(?:review|article|paper)\s+written\b"
    # with the document as the subject: "what do the authors say the review itself sets out to do?"
    r"|\b(?:review|article|paper|they|the\s+authors|we|it)(?:\s+itself)?\s+(?:sets|set|(?:is|are|was|were)\s+setting)\s+out\s+to\s+"
    r"(?:do|achieve|show|cover|accomplish|discuss|address|examine|describe)\b"
    r"|\bstatement\s+of\s+(?:purpose|aims?|intent)\b"
    # its message as a whole, the authors' or the review's: "Summarise their overall message please."
    r"|\b(?:their|its|the\s+authors?['\u2019]?s?|the\s+(?:review|article|paper)['\u2019]?s?)\s+(?:overall|main|key|central|"
    r"take-?home|core)\s+(?:message|point|conclusion|takeaway)s?\b"
    # "the stated aim" is the document's, in context; notes name their subject first ("curative hepatectomy - stated goals?");
    # "the stated aim of liver surgery" names whose aim it is, and that is not the document's
    # what it sets out to do: "what is the review trying to achieve?"; a bare "it" only with "set out"
    # ("what does it actually set out to do?"): "what is it meant to achieve?" may be about a treatment
    r"|\b(?:does|did|do|is|was|are|were)\s+(?:(?:this|the)\s+(?:review|article|paper)|this|the\s+authors)\s+(?:\w+\s+)?"
    r"(?:set(?:ting)?\s+out|trying|aiming|meant|intended)\s+to\s+(?:help\s+(?:\w+\s+){0,2}?)?(?:do|achieve|show|cover"
    r"|accomplish)\b"
    # a summary of it, or what it covers: "summarise in one line what this paper covers"
    r"|\bwhat\s+(?:this|the)\s+(?:review|article|paper)\s+(?:covers|discusses|deals\s+with|is\s+about)\b"
    r"|\bsummar(?:y|ise|ize)\b(?:\s+\w+){0,5}?\s+(?:this|the)\s+(?:review|article|paper)\b"
    r"|\b(?:does|did)\s+it\s+(?:\w+\s+)?set\s+out\s+to\s+(?:do|achieve|show|cover|accomplish)\b"
    # what the whole of it is about, with nothing after "about": "what is it actually about?"
    r"|\bwhat(?:'s|s| is)\s+(?:it|this|this (?:review|article|paper)|the (?:review|article|paper))"
    r"(?:\s+\w+ly)?\s+about(?:\s+(?:in\s+(?:a\s+nutshell|short|brief|a\s+word|one\s+line)|overall|mainly|really))?"
    r"\s*(?:[?,.;:!\-\u2013]|$)"
    # whether it is about one thing only: "is this review only about operations?"
    r"|\bis\s+(?:this|the)\s+(?:review|article|paper)\s+(?:only|just|mainly|mostly|all|purely)\s+about\b"
    # whom the review is for: "who is this review written for?", "is the article meant for patients?",
    # "the intended audience", "written as a guide for patients"
    r"|\b(?:review|article|paper)\s+(?:\w+\s+){0,2}?(?:written|meant|intended|aimed|designed|targeted)\s+"
    r"(?:(?:as\s+a\s+\w+\s+)?for|at|to\s+help)\b"
    r"|\b(?:intended|target|targeted)\s+(?:audience|readers?|readership)\b"
    r"|\bwho\s+(?:is|was)\s+(?:the|this)\s+(?:review|article|paper)\s+for\b", re.I)


# "the stated aim" is the document's, in context; notes name their subject first ("curative hepatectomy - stated goals?");
# "the stated aim of liver surgery" names whose aim it is, and that is not the document's
_STATED_RE = re.compile(
    r"\b(?:the|its|their)\s+stated\s+(?:aims?|purpose|objectives?|goals?)\b"
    r"(?!\s+(?:of|for|behind)\s+(?!(?:this|the)\s+(?:present\s+|current\s+)?(?:review|article|paper|work|authors?)\b))", re.I)
# A possessive pronoun points back at a thing the question has already asked about: in "what is the treatment of
# choice ... and what are its stated aims?" "its" is the treatment's, not the document's.
_THING_ASKED_RE = re.compile(r"\bwhat(?:'s|\s+is|\s+are)\s+(?:the|a|an)\s+(?!(?:present\s+|current\s+)?(?:review|article|paper|work|"
                             r"authors?)\b)[a-z]", re.I)


def asks_aim(question: str) -> bool:
    """Does the question ask the review's aim, scope or what it is about as a whole?"""
    if _PURPOSE_RE.search(question):
        return True
    stated = _STATED_RE.search(question)
    return bool(stated) and not (stated.group(0).lower().startswith(("its", "their"))
                                 and _THING_ASKED_RE.search(question[:stated.start()]))


def asks_audience(question: str) -> bool:
    """Does the question ask whom the review is written for, with the review as what "it" is?"""
    return bool(_FOR_WHOM_RE.search(question)) and _document_is_antecedent(question)
