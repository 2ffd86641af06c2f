"""A retrieval follow-up that leans on the previous *answer*, not only on its question.

The router (rag/routing/router.py) joins a follow-up with the question it leans on; what the
follow-up *points at* can only be read from the previous answer: "which journal was that
in?" after an answer that quoted reference 4 asks about reference 4, not about the review.
In: a routed `Turn` and the pipeline that answered the previous turn. Out: the same turn,
its query possibly rewritten. The language rules (anaphora, ordinals, reason clauses) are
in rag/routing/followup.py; this module only applies them to the previous answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rag.answer.cues import asks_for_number
from rag.answer.record_cues import asks_what_a_work_found, citation_parts_for
from rag.core.text import local_id
from rag.core.types import Answer
from rag.routing.followup import item_name, name_referent, omits_possessor, pick_referent, points_back
from rag.routing.reasons import asks_for_another, asks_significance, asks_why, reason_clause
from rag.routing.context import split_context
from rag.routing.router import Turn
from rag.routing.treatment import names_treatment


# "the other figure", "another picture": of a document's figures, the one the previous answer did not quote.
_FIGURE_NOUN = r"(?:figure|fig|picture|diagram|image|chart|flowchart)"
_OTHER_FIGURE = re.compile(rf"\b(?:the\s+other|another)\s+{_FIGURE_NOUN}\b", re.I)
# "one" stands for the count noun of the turn before: "what's figure 2 about?" - "what about the other one?"
_OTHER_ONE = re.compile(r"\b(?:the\s+other|another)\s+one\b", re.I)
_NAMES_FIGURE = re.compile(rf"\b{_FIGURE_NOUN}s?\b", re.I)


def other_figure(question: str, history: tuple[str, ...]) -> re.Match[str] | None:
    """Where the follow-up asks for the other figure, if it does."""
    other = _OTHER_FIGURE.search(question)
    if other is None and history and _NAMES_FIGURE.search(history[-1]):
        other = _OTHER_ONE.search(question)
    return other



# Asking for the source of what was just answered: "quote it", "which sentence?", "source?", "where does it say that?"
_SOURCE_ASKED = re.compile(r"^\s*(?:(?:and|so|ok|okay|pls|please)[,\s]+)*(?:quote\s+(?:it|that|this|them|the\s+(?:sentence|text|"
                           r"passage|line))|(?:which|what)\s+(?:sentence|passage|line|part|bit)(?:\s+(?:is\s+)?(?:that|it|this)"
                           r"(?:\s+(?:from|in))?|\s+says\s+(?:that|so|it))?|source|where\s+(?:does\s+it|is\s+that|is\s+it)\s+"
                           r"(?:say|said|written|stated)(?:\s+(?:that|so))?)(?:\s+(?:please|pls))?\s*[?.!]*\s*$", re.I)


# Asking whose statement it was: "who says so?", "according to whom?", "which paper is that from?",
# "need the source for my notes" -> the passages again, with the record of the work that states them.
_RECORD_ASKED = re.compile(r"^\s*(?:(?:and|so|ok|okay|pls|please|but)[,\s]+)*(?:(?:i\s+)?need\s+(?:the|a)\s+|(?:what(?:'s|\s+is)|"
                           r"give\s+me)\s+(?:the|a|your)\s+)?(?:who\s+says\s+(?:so|that|this|it)|says\s+who|according\s+to\s+"
                           r"(?:whom?|what)|(?:which|what)\s+(?:paper|article|publication|review)\s+(?:is|was)\s+(?:that|this|it)\s+"
                           r"(?:from|in)|(?:source|reference|citation|ref)(?:\s+for\s+(?:that|this|it))?)(?:\s+for\s+(?:my|our|the|a)"
                           r"(?:\s+[a-z]+){1,2})?(?:\s+(?:please|pls))?\s*$", re.I)


# The passage itself asked for again, word for word: "can you give me that sentence word for word so I can quote it?",
# "what's the exact wording?", "show me the exact line".
_VERBATIM_ASKED = re.compile(r"^\s*(?:(?:and|so|ok|okay|pls|please|but)[,\s]+)*(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?)?"
                             r"(?:(?:give|show|tell|send|copy|paste)\s+(?:me|us)\s+|what(?:'s|\s+is|\s+was)\s+)(?:that|the|this)\s+"
                             r"(?:exact\s+|precise\s+|actual\s+|original\s+)?(?:sentence|passage|wording|words|line|quote|text)"
                             r"(?:\s+(?:word\s+for\s+word|verbatim|exactly|in\s+full))?(?:\s+(?:so|as)\s+(?:that\s+)?(?:i|we)\s+can\s+"
                             r"(?:quote|cite|use|copy)\s+(?:it|that|them)|\s+for\s+(?:my|our|the)\s+[a-z]+)?(?:\s+(?:please|pls))?\s*[?.!]*\s*$", re.I)


def asks_for_record(question: str) -> bool:
    """Is every sentence of the follow-up a request for the source ("who says so? need the source for my notes")?"""
    sentences = [s for s in re.split(r"[?.!]+", question) if s.strip()]
    return bool(sentences) and all(_RECORD_ASKED.match(s) or _SOURCE_ASKED.match(s) for s in sentences) and any(
        _RECORD_ASKED.match(s) for s in sentences)


class FollowupResolver:
    """Built once per pipeline; caches the previous answers it re-asks (deterministic)."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline
        self._previous: dict[tuple[str, ...], Answer] = {}

    def resolve(self, turn: Turn) -> Turn:
        """A retrieval follow-up that leans on the previous *answer*, not only its question.

        The previous turn is re-asked (deterministic, cached) and the language rules of
        rag/routing/followup.py say what the follow-up points at:
        - an anaphor ("who wrote it?", "that paper", "the second one"), or an attribute whose
          owner is left unsaid ("which year?"), after an answer that named references or
          figures is rewritten to name them ("who wrote reference 4?"), so the structural
          retriever picks the item, not the review's own record. Asked what such a work found,
          or for a figure from it, the entry is named but may not answer (`Turn.cannot_answer`):
          an entry gives authors, title and journal, never what the work found;
        - "quote it", "which sentence?", "word for word" re-ask the question the previous answer answered;
          "source?", "who says so?", "which paper is that from?" also ask for the record of the work its
          passages come from (`Turn.cite_record`);
        - a "why?" is joined with a reason clause, so the passage giving the reason is quoted:
          that of a passage the previous answer quoted ("..., aiming to potentially prolong
          survival"), else that of the best-ranked other passage that states a reason and itself
          covers the earlier question (`Settings.min_coverage`), also when the previous answer
          was a refusal. With none, the plain join stands, and the passages the previous answer
          quoted may not answer it (`Turn.cannot_answer`): repeating the sentence that prompted
          a "why?" gives no reason.
          "Why does that matter?" asks for a consequence as well (", affecting quality of life").
        """

        own = turn.own_words
        record = asks_for_record(own)
        source = record or bool(_SOURCE_ASKED.match(own) or _VERBATIM_ASKED.match(own))
        # (a record field asked of what the question points at, though the router left it as it was, is asked of what the
        # previous answer named: "which journal was that in?" after an answer quoting a reference is about that reference)
        if turn.route != "retrieval" or not turn.history or (turn.query == own and not (source or (
                points_back(own) and citation_parts_for(own) & {"journal", "epub", "authors", "title", "doi"}))):
            return turn
        why, another = asks_why(own), asks_for_another(own)
        if not (why or another or source or points_back(own) or omits_possessor(own) or other_figure(own, turn.history)):
            return turn
        # The previous answer, re-asked with its own history; kept per conversation prefix.
        previous = self._previous.get(turn.history)
        if previous is None:
            previous = self.pipeline.ask(turn.history[-1], list(turn.history[:-1]))
            if len(self._previous) < 10_000:
                self._previous[turn.history] = previous
        if source and previous.route == "retrieval" and previous.citations and not previous.abstained:
            # "quote it", "which sentence?": the passage the previous answer quoted, asked for again
            earlier = previous.rewritten_question or previous.question
            # Whose statement: the record too, when the passages are the document's own text (a
            # reference entry or the record itself already names its work).
            own_text = all(c.section not in ("reference", "citation") for c in previous.citations)
            return replace(turn, query=earlier, asked=earlier, cite_record=record and own_text)
        if previous.route == "algorithm":
            return _about_recommendation(turn, previous) if not why else turn
        if previous.route != "retrieval" or not (why or previous.citations and not previous.abstained):
            return turn
        cited = [c.unit_id for c in previous.citations]
        other = other_figure(own, turn.history)
        if other and not why:
            # "and the other figure?" after an answer about one of a document's two figures: the other one, by name
            units, shown = self.pipeline.index.units, [c for c in cited if c in self.pipeline.index.units]
            figures = {u for u in units if units[u].section == "figure" and u not in cited and any(
                units[c].section == "figure" and units[c].doc_key == units[u].doc_key for c in shown)}
            if len(figures) == 1:
                return replace(turn, query=f"{own[:other.start()]}{item_name(figures.pop())}{own[other.end():]}")
        # An answer that quoted one item of a figure's legend named the term, not the figure:
        # "who does them?" after the ALPPS item asks who performs ALPPS, not who drew Figure 2.
        legend = any(c.section == "figure" and c.span[0] > 0 for c in previous.citations)
        items = [] if legend else pick_referent(own, cited)
        if items:
            named = name_referent(own, [item_name(u) for u in items])
            # What a cited work found, or a figure from it, is not in its entry; a named unit
            # would be quoted whatever is asked, so the entry may not answer.
            # A record's own numbers ("what year and volume?") are printed in the entry.
            printed = citation_parts_for(named) & {"journal", "epub", "doi"}
            if asks_what_a_work_found(named) or (asks_for_number(named) and not printed):
                return replace(turn, query=named, cannot_answer=tuple(items))
            return replace(turn, query=named)
        if not items and omits_possessor(own) and {local_id(u) for u in cited} == {"citation"}:
            # "which journal and what year?" after an answer quoting the review's own record: its record
            return replace(turn, query=f"{own} of this review")
        if another and not why:
            # "what if it can't be removed?": not the same passage, and what it asks for is the alternatives
            return replace(turn, query=f"{turn.query} alternatives", asked=f"{own} alternatives", exclude=tuple(cited))
        if not why:
            return turn
        effect = asks_significance(own)
        for said in previous.citations:  # a passage the answer quoted gives its own reason
            clause = reason_clause(said.text[said.span[0]:said.span[1]], effect)
            if clause:
                return replace(turn, query=f"{turn.query} {clause}")
        earlier = previous.rewritten_question or previous.question
        weights, aliases = self.pipeline.answerer.weights(earlier), self.pipeline.aliases(earlier)
        for hit in self.pipeline.retriever.retrieve(turn.query, self.pipeline.settings.top_k):
            unit = self.pipeline.index.units.get(hit.unit_id)
            clause = reason_clause(unit.text, effect) if unit is not None and unit.id not in cited else ""
            if clause and self.pipeline.answerer.coverage(weights, unit.text, aliases) >= self.pipeline.settings.min_coverage:
                return replace(turn, query=f"{turn.query} {clause}")
        return replace(turn, cannot_answer=tuple(cited))


def _about_recommendation(turn: Turn, previous: Answer) -> Turn:
    """"Where does the review say that?" after the treatment algorithm's answer: "that" is what the
    algorithm recommended and what it was asked, not the case's details (age, site, lesion count),
    which would outweigh the follow-up's own words in retrieval. So the query is the follow-up, the
    earlier question's asking sentence when it named a treatment ("Could she be listed for a
    transplant?"), else the outcome the algorithm reached ("Liver resection with curative intent");
    with no outcome, the plain join stands."""
    result = previous.algorithm or {}
    if result.get("status") != "recommendation":
        return turn
    asked, told = split_context(turn.history[-1])
    # "Could she be listed for a transplant?" asked about one treatment: "that" is it; "Plan?" named
    # none, so "that" is what the algorithm answered
    about = asked if told and names_treatment(asked) else result.get("summary", "")
    return replace(turn, query=f"{turn.own_words} {about}".strip())
