"""What a follow-up asks of the previous answer beyond pointing at it: a reason ("why?", "how
come?"), a consequence ("why does that matter?", "so what?"), or another option than the one
it gave ("what if surgery isn't possible?", "what else?").

In: the follow-up, and for `reason_clause` a passage's text. Out: whether the follow-up asks
each, and the clause of a passage that gives a reason or a consequence, which
rag/routing/referents.py joins to the query so that the passage giving the reason is quoted.
Pure functions on strings: the words are facts about English, not about one question.
"""

from __future__ import annotations

import re

__all__ = ["asks_why", "asks_significance", "asks_for_another", "asks_what_it_does", "reason_clause"]


_WHY = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(?:why|how come|for what reason|what(?:\s+(?:is|was)|['\u2019]?s)\s+the\s+"
                  r"(?:reason|rationale|purpose|point)|what for)\b", re.I)
# Connectives that open a clause giving a cause or a purpose ("as a result of advances ...",
# "aiming to potentially prolong survival ..."). A bare "as" is causal only before the
# clause's subject ("as they are less limited"), never in "as well as" or "such as".
_REASON = re.compile(r"\b(?:because|since|as a result of|due to|owing to|thanks to|in order to|so as to|"
                     r"so that|aim(?:s|ing|ed)? (?:at|to)|with a view to|given that|in view of|"
                     r"as (?:they|it|this|these|we|the latter)\b)", re.I)
_CLAUSE_END = re.compile(r"[,;:.]|\s\((?!\d)|$")


# Asking why something *matters* asks for its consequence, not its cause: "Why does that
# matter?", "why is it important?", "so what?" (alone: "so what are the options?" asks for options).
_SIGNIFICANCE = re.compile(r"^\s*(?:(?:and|but)\s+)?(?:so what\s*[?!.]*\s*$|why\b.*\b(?:matters?|important|relevant|"
                           r"significant|a problem|a concern)\b|what (?:is|'s) the (?:significance|consequence|"
                           r"impact|importance)\b)", re.I)
# Clauses that state a consequence: a result connective, or a free participial adjunct after a
# comma (", affecting quality of life", ", being therefore important adjuncts"). "including"
# and "according" open a list or a source, not a consequence.
_CONSEQUENCE = re.compile(r"\b(?:therefore|thus|hence|consequently|resulting in|leading to)\b"
                          r"|(?<=,)\s+(?!including\b|according\b)[a-z]+ing\b", re.I)


# Asking for another option than the one just given: "what else?", "other treatments?", "the
# alternatives?", "instead?", "otherwise?", "what if it can't be removed?", "and if not?".
# "instead of surgery" and "alternatives to surgery" name their contrast: they ask how the thing relates to it.
_ANOTHER = re.compile(r"\b(?:what|anything|something|who|where|which)\s+else\b|\balternatives?\b(?!\s+to\b)"
                      r"|\binstead\b(?!\s+of\b)|\botherwise\b"
                      # (not "together with other treatments", "alongside other therapies": the one given, combined)
                      r"|(?<!with )(?<!alongside )(?<!plus )\b(?:other|another)\s+(?:options?|treatments?|ways?|choices?|approach\w*|therap\w*)\b"
                      r"|\bif\s+(?:not\b|(?:[\w']+\s+){0,3}?(?:can'?t|cannot|isn'?t|aren'?t|won'?t|is\s+not|are\s+not"
                      r"|(?:is|are)\s+(?:not\s+)?(?:impossible|unsuitable|not\s+possible)"
                      r"|not\s+(?:possible|feasible|an\s+option|doable)))", re.I)


# What decides a matter ("what decides if it's feasible?", "what does it depend on?") or what a
# treatment does for a complaint ("will it help the flushing though?", "does that improve
# survival?"): the review's criteria and aims, which no branch of a pathway states.
_WHAT_DECIDES = (r"\bwhat(?:\s+is\s+it\s+that|'s\s+it\s+that)?\s+(?:decides|determines|dictates|governs)\b"
                 r"|\bdepends?\s+on\s+what\b|\bwhat\s+(?:does|do|would)\s+(?:it|that|this|they)\s+depend\s+on\b")
_DECIDES = re.compile(_WHAT_DECIDES, re.I)
_WHAT_IT_DOES = re.compile(_WHAT_DECIDES + r"|^\s*(?:(?:and|but|so)\s+)?(?:will|would|does|do|can|could)\s+(?:it|that|this|they|the\s+\w+)"
                           r"\s+(?:help|improve|ease|relieve|reduce|control)\b", re.I)
# What a treatment is for, its preposition stranded ("what is it actually for?"; "what is the treatment for NELM?" asks
# for the treatment), or what they mean it to do ("are they trying to cure her or just buy time?", "is it meant to
# cure him", "are they hoping to get rid of it altogether?").
_PURPOSE = re.compile(r"\bwhat\s+(?:is|are|'s)\s+(?:it|that|this|they|those|these)\s+(?:actually\s+|really\s+|even\s+)?for\s*"
                      r"(?:[?.!,;:\-\u2013\u2014]|$)|\b(?:are|is)\s+(?:they|it|that|the\s+(?:surgeons?|doctors?|team|operation|surgery))\s+"
                      r"(?:really\s+|actually\s+)?(?:trying|hoping|aiming|meant|supposed|intended)\s+to\b", re.I)


def asks_purpose(question: str) -> bool:
    """Does the question ask what a treatment is for? The text says what surgery aims at; no pathway branch does."""
    return bool(_PURPOSE.search(question))


def asks_what_decides(question: str) -> bool:
    """"What is it that determines whether an operation is possible?": the review's criteria, asked
    in any turn, whatever case the question tells first."""
    return bool(_DECIDES.search(question))


def asks_what_it_does(question: str) -> bool:
    """Does a follow-up ask what decides a matter, or what a treatment does for a complaint?
    After a told case it asks the review, not the case's next step."""
    return bool(_WHAT_IT_DOES.search(question))


def asks_for_another(question: str) -> bool:
    """Does a follow-up ask for another option than the previous answer gave ("what if surgery
    isn't possible?")? Then the passage that answer quoted is no answer to it."""
    return bool(_ANOTHER.search(question))


def asks_why(question: str) -> bool:
    """"Why?", "Why is that?", "How come?", "What is the reason?": a request for a reason."""
    return bool(_WHY.match(question) or _SIGNIFICANCE.match(question))


def asks_significance(question: str) -> bool:
    """"Why does that matter?", "so what?": a request for a consequence (see `reason_clause`)."""
    return bool(_SIGNIFICANCE.match(question))


def reason_clause(text: str, consequence: bool = False) -> str:
    """The first clause of `text` that states a cause or purpose (with `consequence`, also a
    consequence), from its connective to the clause's end, else "". Worked example: "Liver
    surgery ... is the treatment of choice ..., aiming to potentially prolong survival and
    ameliorate hormonal symptoms refractory to medical control." -> "aiming to potentially
    prolong survival and ameliorate hormonal symptoms refractory to medical control"; with
    `consequence`, "..., which appears to be a dominant site of distant-stage disease, affecting
    quality of life and overall survival." -> "affecting quality of life and overall survival"."""
    found = [m for m in (_REASON.search(text), _CONSEQUENCE.search(text) if consequence else None) if m]
    if not found:
        return ""
    m = min(found, key=lambda x: x.start())
    end = _CLAUSE_END.search(text, m.end())
    return text[m.start():end.start() if end else len(text)].strip()
