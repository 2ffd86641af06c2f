"""A follow-up about a term ("and TAE?", "what about the other one, TAE?") -> the term it names.

The router's reading of a bare glossary follow-up, kept apart from rag/routing/router.py (which decides the route):
the discourse words that lead it, the told clauses and placeholders after the term, and a pointer whose
apposition names the term.
"""

from __future__ import annotations

import re

from rag.glossary.comparisons import sets_beside
from rag.glossary.frames import ASKS, CLAUSE_BREAK, PLACE_TAIL, PLACEHOLDER, TERM_PREFIX
from rag.glossary.sentences import added_form
from rag.glossary.tails import COURTESY_TAIL
from rag.routing.anaphora import RELAYED_ABOUT

# "n" is chat for "and" ("n PVL?"), as rag/glossary/frames.py TEXT_SPEAK has it
_FOLLOWUP_LEAD = re.compile(r"^(?:and|n|but|also|so|ok|okay|then|what about|how about|same for|for|" + RELAYED_ABOUT + r")\b[\s,]*",
                            re.I)  # relayed too: "She also asks about RE"

# A relative clause in the passive describes the term, it asks nothing: "RE, which is written right next to it"
# ("-ed" participles and the irregular ones in "-en"/"-wn"; "TACE, which is better?" asks).
_DESCRIBING = re.compile(r"(?:which|that|who)\s+(?:is|are|was|were)\s+(?:\w+ly\s+|also\s+|just\s+)?(?:\w+ed|written|given|"
                         r"shown|taken|seen|chosen|drawn|known|spoken)\b", re.I)

_POINTING_ONE = re.compile(r"(?:the\s+)?(?:other|that|this|next|last|second|third)\s+(?:one|term|abbreviation)", re.I)


def followup_term(question: str) -> str:
    """"And TAE?" -> "TAE"; "what about portal vein ligation?" -> "portal vein ligation"."""
    text, previous = question.strip(), None
    first, *more = re.split(r"(?<=[?!.])\s+", text)
    if more and all(sets_beside(m) for m in more):
        text = first  # "and panNEN? is it the same thing": the later sentences set the term named first beside the last
    elif more and all(added_form(m) for m in more):
        text = " and ".join([first.rstrip("?.! ")] + [added_form(m) for m in more])  # "and PVL? ALPPS too pls"
    while text != previous:  # "And what about TAE?" -> "what about TAE?" -> "TAE?"
        previous = text
        text = _FOLLOWUP_LEAD.sub("", text)
    # "what about SI-NEN then", "what about PVE, it's in the same legend": a discourse particle
    # or a clause that only tells adds nothing to what is asked about
    text = COURTESY_TAIL.sub("", text.rstrip("?.! ")).strip() or text
    first, *told = CLAUSE_BREAK.split(text)
    if len(told) == 1 and _POINTING_ONE.fullmatch(first.strip()):
        text = told[0]  # "what about the other one, TAE?": the pointer's apposition names the term
    elif told and first.strip() and not any(ASKS.search(t.strip()) and not sets_beside(t) and not _DESCRIBING.match(t.strip())
                                            for t in told):
        text = first
    # "and the PRRT one?": a placeholder noun after the term names nothing more
    # "and the one called RE?": the label names the term
    return PLACEHOLDER.sub("", TERM_PREFIX.sub("", PLACE_TAIL.sub("", text.rstrip("?.! ")).strip()))
