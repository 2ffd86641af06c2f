"""Whom a question is put to, and what it asks of them: the review's text, or a decision.

"Does the review mention ALPPS?", "what does figure 2 list?" and "is that the authors' view?" ask
what the *text* holds; retrieval answers them, whatever patient the asker has in mind. "How does the
review manage a G1 recurrence, still resectable, no disease elsewhere?" asks the review to *decide* for
a case, which the Figure 2 pathway does. Both name the review (or its figure, or its authors) as the
one asked; the verb tells them apart. One reader of that pair, the source named and the kind of verb
it governs, stands here for the router (rag/routing/router.py) and the treatment reading
(rag/routing/treatment.py).

In: a question. Out: an `Addressee` (frozen). Nothing is looked up; every pattern is a way English
puts a question to a text or its authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Addressee", "addressee"]

Source = Literal["review", "figure", ""]
Verb = Literal["text", "decision", ""]

_F = re.I
# The review as a text or as its authors; the figure as the pathway it draws.
_REVIEW = r"(?:review|article|paper|abstract|authors?)"
_FIGURE = r"(?:algorithm|decision tree|flow ?chart|pathway|fig(?:ure|\.)?(?: ?\d)?)(?: in (?:the )?fig(?:ure|\.)? ?\d)?"
# Verbs of what a text holds ("say anything", "mention", "list") and of deciding ("recommend", "manage").
# ("does the review say surgery helps?" reports a claim; "say what to do", "say for her" ask for a decision)
_TEXT_VERB = (r"(?:say (?:anything|something|much)|say(?:\s+that)?(?!\s+(?:what|how|which|who|whom|when|where|about|to|for)\b)"
              r"|mention|discuss|cover|address|talk about|comment on|list|show|depict"
              r"|name|include|deal with)")
_DECISION_VERB = r"(?:approach|treat|manag|handl|recommend|suggest|advis)(?!\w*ments?\b)\w*"  # a verb: "an article on treatment" decides nothing

# "does the review mention ...", "did this paper cover ...": the text asked whether it holds a matter
_ASKS_TEXT = re.compile(rf"\b(?:does|do|did) (?:the|this) {_REVIEW} {_TEXT_VERB}\b"
                        # a claim it is asked whether it makes: "does the review suggest an operation can help the symptoms?"
                        # ("does the review recommend surgery for her?" asks for a decision)
                        rf"|\b(?:does|do|did) (?:the|this) {_REVIEW} (?:suggest|imply|indicate|think|claim|state|agree)(?:\s+that)?"
                        r"\s+(?:[\w'-]+\s+){1,8}?(?:can|could|may|might|will|would|should|is|are|helps?|works?)\b"
                        # its view asked for: "is that the authors' view?"
                        rf"|\b(?:the )?(?:authors?|review|paper)(?:'s?|s')? (?:view|position|opinion|stance|conclusion)\b"
                        # a verb of judging with its object's complement asks the review's view: "does this review consider an
                        # operation the preferred course?", "do the authors regard TACE as standard?" ("consider surgery for her" asks
                        # for a decision)
                        rf"|\b(?:does|do|did) (?:the|this) {_REVIEW} (?:consider|regard|view|see|rate)\s+(?:[\w'-]+\s+){{1,6}}?(?:as|to be|the)\b"
                        # an alternative that only reports: "do they endorse two-step hepatectomies, or just mention that they're
                        # done?" weighs the text's stance against its mere mention, whatever case it names
                        r"|\bor\s+(?:(?:do|does|did)\s+(?:they|it|the\s+authors|the\s+review)\s+)?(?:just|only|merely|simply)\s+"
                        r"(?:mention|report|describe|note|list|state|cite)\w*\b"
                        # the same asked inside another question, without do-support: "does anyone know what that paper
                        # actually says about ...", "I'd like to know what the review mentions on ..."
                        # (or whether it does: "I'd like to understand whether the article says the liver is the main place")
                        rf"|\b(?:what|whether) (?:the|this|that) {_REVIEW} (?:\w+ly )?(?:says?|said|states?|stated|mentions?|mentioned)\b"
                        # what it calls something, asked as an echo of its words: "The review calls liver-focused treatments
                        # an essential part of what kind of management?" ("calls for" demands)
                        rf"|\b(?:the|this) {_REVIEW} (?:calls|called|terms|termed|labels|labelled|labeled)\b(?!\s+for\b)", _F)
# "does the decision tree in figure 2 cover grade 3?": the figure asked what it holds; "which grades is the
# flowchart built for?", "fig 2 flowchart - what sort of tumours is it meant for?": whom it was drawn for
_ASKS_FIGURE = re.compile(rf"\b(?:does|do|did) (?:the|this) {_FIGURE} (?:cover|include|deal with|address|mention)\b"
                          rf"|\b{_FIGURE}\b[^?]*?\b(?:is|was) (?:it|this|that|the {_FIGURE}) (?:\w+ )?(?:meant|built|designed|"
                          r"intended|made|drawn|aimed|valid|applicable)\s+(?:for|at|to)\b"
                          # its scope put as a copula: "is the fig 2 algorithm for all grades or just G1/G2?"
                          rf"|\b(?:is|are) (?:the|this) (?:{_FIGURE} )+(?:only |just |mainly )?(?:for|about|limited to|restricted to)\b"
                          # a yes/no question placed in the figure, put to its authors: "In the treatment algorithm figure,
                          # do they split the drug options by primary?" asks how it is drawn up
                          rf"|^\s*(?:in|on) (?:the|this) (?:[\w-]+ )?{_FIGURE}(?: (?:figure|legend|caption|key))?\s*[,:-]?\s*"
                          r"(?:do|does|did) (?:they|the authors|it)\b"
                          # a wh-question placed in the figure by its number, no case told: "In Figure 2, what is the next step
                          # after TACE if the disease progresses?" asks what the figure holds
                          r"|^\s*(?:in|on|according to) (?:the )?fig(?:ure|\.)? ?\d\s*[,:-]\s*(?:what|which|where|when|how)\b"
                          # its printed part named: "in the Figure 2 legend it says PPRT", "the caption of the flowchart"
                          rf"|\b(?:legend|caption|key) (?:of|to) (?:the )?{_FIGURE}|\b{_FIGURE} (?:legend|caption)\b", _F)
# "in the algorithm, what procedures are listed?", "does the figure list ...": what is shown, whoever shows it
# (the figure by its number or by the part of it that lists: "does the figure 2 legend list", "does the key of fig 2 name")
_LISTING = (r"(?:the )?(?:(?:legend|caption|key) (?:of|to) (?:the )?)?(?:algorithm|figure|fig\.?|flow ?chart|review|paper|article"
            r"|legend|caption)(?: ?\d)?(?:'s)?(?: (?:legend|caption|key))?")
_LISTED = re.compile(r"\b(?:are|is) (?:listed|shown|depicted|mentioned|named)\b|"
                     rf"\b(?:does|do) {_LISTING} (?:list|show|depict|mention|name|include)\b", _F)
# A statement attributed to the review: "according to the abstract". ("per the review" closing a case asks
# the review's pathway to decide: "Is ALPPS an option per the review?")
_ATTRIBUTED = rf"according to (?:the|this) {_REVIEW}\b"
# The review put a question at all: "what does the review ...", "does the paper ...", "according to the authors".
_PUT_TO_REVIEW = re.compile(rf"\b(?:what|how) (?:does|do|did) (?:the )?{_REVIEW}\b|"
                            r"\b(?:does|do|did) (?:the )?(?:review|article|paper|authors?)\b|"
                            rf"\b{_ATTRIBUTED}", _F)
# The review as the one who decides: "how does the review approach / manage / treat ...".
# (or would act: "so what would this paper do then")
_DECIDES = re.compile(rf"\b(?:review|article|paper|authors?)\s+(?:\w+\s+)?{_DECISION_VERB}"
                      rf"|\bwhat\s+(?:would|should|might)\s+(?:the|this)\s+{_REVIEW}\s+(?:\w+ly\s+)?(?:do|go\s+for|pick|choose)\b", _F)
# The review or its authors named at all, as a sentence that asks may name them: "In this review, what determines ...?"
_NAMED = re.compile(r"\b(?:this|the) (?:review|article|paper|authors?)\b|\baccording to\b", _F)


@dataclass(frozen=True)
class Addressee:
    """`source`: the review (its text or authors) or its figure, when the question puts itself to one;
    `verb`: "text" when it asks what they hold (mention, list, cover, their view), "decision" when it
    asks them to decide (recommend, manage); `listed`: it asks what is listed or shown, of whatever
    source; `named`: the review or its authors are named anywhere in it."""

    source: Source = ""
    verb: Verb = ""
    listed: bool = False
    named: bool = False


def addressee(text: str) -> Addressee:
    """Whom `text` asks and with which kind of verb: "does the review mention TACE?" -> review/text;
    "how does the paper manage a G1 recurrence ...?" -> review/decision; "does the decision tree in
    figure 2 cover grade 3?" -> figure/text; "what treatment for a G2 pNET?" -> nobody."""
    listed, named = bool(_LISTED.search(text)), bool(_NAMED.search(text))
    if _ASKS_TEXT.search(text):
        return Addressee("review", "text", listed, named)
    if _ASKS_FIGURE.search(text):
        return Addressee("figure", "text", listed, named)
    if _PUT_TO_REVIEW.search(text):
        return Addressee("review", "decision" if _DECIDES.search(text) else "", listed, named)
    return Addressee("", "decision" if _DECIDES.search(text) else "", listed, named)
