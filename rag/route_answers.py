"""The glossary, algorithm and out-of-scope answerers, which the pipeline dispatches to.

They live apart from rag/pipeline.py because they need none of its loading or retrieval machinery
beyond what they are handed: the glossary route answers from the glossary (falling back to a
retrieval answer only when the text, not the glossary, names the term), the algorithm route from
the Figure 2 engine, and the out-of-scope route declines another cancer by name. Each takes the
routed `Turn` and returns an `Answer`; none generates free text.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Callable

from rag.answer.refusal import abstention_text
from rag.core.types import Answer, Citation, SourceUnit
from rag.routing.router import Turn

if TYPE_CHECKING:  # the pipeline imports this module
    from rag.pipeline import Pipeline


def answer_glossary(pipeline: Pipeline, turn: Turn, started: float,
                    retrieval: Callable[[Turn, float], Answer]) -> Answer:
    """One lookup per term, in the order asked; a typo gets a labelled "did you mean" that cites
    where the suggestions are defined."""
    from rag.glossary.described import reworded
    from rag.glossary.replies import answer_described, answer_glossary_terms, review_counterparts

    glossary = pipeline.glossary
    lookups = [reworded(glossary.lookup(term), glossary.lookup, pipeline.aliases)
               for term in turn.glossary_terms or (turn.glossary_term,)]
    # a spelling suggestion answers a slip in a term, not a description of several words ("neuroendocrine
    # tumours of the small bowel" is no misspelt "neuroendocrine tumour"): that is matched by meaning first
    suggested = any(lookup.did_you_mean for lookup in lookups)
    slip = any(lookup.did_you_mean and len(lookup.query.split()) < 3 for lookup in lookups)
    described = () if any(lookup.matches for lookup in lookups) or slip or len(lookups) > 1 or " " not in \
        lookups[0].query.strip() else pipeline.described.closest(
            [lookups[0].query, pipeline.expand(lookups[0].query)])  # "the acronym for the op where they split the liver"
    found = any(lookup.matches for lookup in lookups) or (suggested and not described)
    if not found and not described:
        # "What is the DOI?" looks like an abbreviation question but the review answers it elsewhere:
        # a grounded answer from the text, if it names the term ("what is PVC in figure 2?" gets no
        # caption), beats a glossary miss. A typo ("Expand ALLPS") keeps its "did you mean".
        retrieved = retrieval(turn, started)
        if not retrieved.abstained and any(re.search(rf"(?<!\w){re.escape(lk.query)}(?!\w)", retrieved.answer, re.I)
                                           for lk in lookups):
            return retrieved
    entries = [d.entry for d in described]
    for lookup in lookups:
        suggested = [e for term in lookup.did_you_mean for e in glossary.lookup(term).matches]
        entries.extend(lookup.matches or suggested)
        entries.extend(review_counterparts(lookup, glossary))
    citations = []
    for entry in dict.fromkeys(entries):
        unit = pipeline.index.units.get(entry.unit_id or "")
        if unit is not None:
            citations.append(citation(unit, span_of(unit.text, entry.sentence or entry.long)))
    text = answer_described(lookups[0].query, described) if described else answer_glossary_terms(lookups, glossary)
    return Answer(turn.question, "glossary", text, tuple(citations), abstained=not (found or described),
                  timings_ms=timings(started))


def answer_algorithm(pipeline: Pipeline, turn: Turn, started: float) -> Answer:
    """The case as told, turn by turn (each turn correcting the one before), through the engine."""
    from rag.algorithm.engine import run_algorithm
    from rag.algorithm.inputs import extract_case, extract_inputs
    from rag.algorithm.render import render_dot, render_markdown

    inputs = extract_inputs(turn.own_words)
    if turn.previous_treatment:
        inputs = extract_case((*(turn.case_turns or (turn.previous_treatment,)), turn.own_words))
    result = run_algorithm(inputs, pipeline.settings, question=turn.own_words)
    units = pipeline.index.units
    labels = {uid: u.label for uid, u in units.items()}
    keys = pipeline.review_units(result.citations)
    citations = tuple(citation(u, (0, len(u.text))) for u in map(units.__getitem__, keys.values()))
    return Answer(turn.question, "algorithm", render_markdown(result, labels, keys), citations,
                  rewritten_question=turn.query if turn.previous_treatment else "",
                  timings_ms=timings(started), algorithm=result.to_dict(), dot=render_dot(result))


def answer_out_of_scope(pipeline: Pipeline, turn: Turn, started: float) -> Answer:
    """Another cancer: declined by name, with the closest passages as reading (the route shown is
    retrieval's, whose refusal this is)."""
    hits = pipeline.retriever.retrieve(turn.query, pipeline.settings.top_k)
    text = abstention_text(turn.other_disease, [a.title for a in pipeline.index.articles])
    notices = (pipeline.chat_notice,) if pipeline.chat_notice else ()
    return Answer(turn.question, "retrieval", text, (), True, tuple((h.unit_id, h.score) for h in hits),
                  timings(started), rewritten_question=turn.query if turn.query != turn.question else "",
                  related=pipeline.related(hits), notices=notices)


def span_of(text: str, needle: str | None) -> tuple[int, int]:
    at = text.find(needle) if needle else -1
    return (at, at + len(needle)) if needle and at >= 0 else (0, len(text))


def citation(unit: SourceUnit, span: tuple[int, int], score: float = 1.0) -> Citation:
    return Citation(unit.id, unit.section, unit.label, unit.text, span, score,
                    tuple(unit.metadata.get("links", ())))


def timings(started: float) -> dict[str, float]:
    return {"total": (time.perf_counter() - started) * 1000}


def with_record(units: dict[str, SourceUnit], text: str, citations: tuple[Citation, ...]) -> tuple[str, tuple[Citation, ...]]:
    """An answer to "who says so?": its passages, then the record of the document they come from
    (its "citation" unit: authors, title, journal, year, DOI), quoted whole."""
    docs = {units[c.unit_id].doc_key for c in citations if c.unit_id in units}
    records = [u for u in units.values() if u.section == "citation" and u.doc_key in docs]
    if len(records) != 1 or any(c.unit_id == records[0].id for c in citations):
        return text, citations
    record = records[0]
    return f"{text} {record.text.rstrip().rstrip('.')} [{record.id}].", (*citations, citation(record, (0, len(record.text))))

