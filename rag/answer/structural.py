"""A unit the question names outright ("Figure 2", "the DOI", "reference 4") -> the piece of it that answers.

Named units skip the fitted gate: the question chose them. What is left to decide is which piece of
the unit is quoted (the record field asked for, a legend item or the caption's title) and whether the
named unit holds what is asked at all (a figure's picture, an author the list leaves out, an
unprinted field), in which case the answer is declined rather than filled with what the unit does say.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from rag.answer.cues import ASKS_COUNT, ASKS_SEVERAL, SCOPE_CUE, TITLE_CUE, asks_for_number
from rag.answer.kinds import caption_cannot_answer
from rag.answer.record_cues import asks_beyond_listed_authors, asks_for_results, asks_unprinted_entry_field, citation_parts_for
from rag.answer.segments import FIRST_LEGEND_ITEM, Segment, segments_of
from rag.core.types import SourceUnit
from rag.retrieval.record_words import INDUSTRY_MONEY
from rag.retrieval.hybrid import Hit

__all__ = ["structural_choice"]

# Money or ties from industry are what a conflict-of-interest line declares: "any funding from drug companies?"
_COI_NAMED = re.compile(r"\bconflicts?\s+of\s+interests?\b|\bcompeting\s+interests?\b|\bCOI\b", re.I)
_FROM_INDUSTRY = re.compile(rf"\b{INDUSTRY_MONEY}\b", re.I)
# Who funded the work asks for a funder, which a conflict-of-interest line never names, whatever source is guessed.
_WHO_FUNDED = re.compile(r"\bwho\s+(?:\w+\s+)?(?:funded|financed|sponsored|paid\s+for)\b", re.I)


def structural_choice(answerer: Any, question: str, structural: list[Hit], units: dict[str, SourceUnit],
                      weights: dict[str, float], aliases: Sequence[tuple[str, str]],
                      can_answer: Callable[[Segment], bool] = lambda seg: True) -> list[tuple[Hit, Segment]]:
    """The pieces of the named units that answer `question` (`answerer`: rag/answer/extractive.py's
    Answerer, for its coverage and settings); [] when the named unit lacks what is asked."""
    chosen = []
    for hit in structural[:answerer.settings.max_passages + 2]:
        segs = segments_of(units[hit.unit_id])
        unit = units[hit.unit_id]
        if unit.section == "figure" and caption_cannot_answer(answerer, question, segs, aliases):
            continue  # "does Figure 2 show the survival of each arm?": the page holds its caption only
        if unit.section == "citation":
            wanted = citation_parts_for(question)
            if "unindexed" in wanted:
                continue  # "Where are the authors based?": no field of the record says
            picked = [s for s in segs if s.kind in wanted] or segs
            if "authors" in wanted and any(asks_beyond_listed_authors(question, s.text)
                                           for s in segs if s.kind == "authors"):
                continue  # "Who are the co-authors?" of "Nikolaos Machairas et al."
            chosen.extend((hit, s) for s in picked)
        elif unit.section == "figure" and len(segs) > 1:
            best = max(segs, key=lambda s: answerer.coverage(weights, s.text, aliases))
            whole = Segment(unit, 0, len(unit.text))
            covered = answerer.coverage(weights, best.text, aliases) > answerer.settings.legend_item_min_coverage
            # "which kind of tumours does it apply to?" asks its title, whatever legend item "tumours" meets: the whole
            # caption, which opens with the title
            scope = bool(SCOPE_CUE.search(question))
            asks_item = covered and best.start > 0
            titled = segs[0].start == 0 and not FIRST_LEGEND_ITEM.match(" " + segs[0].text)
            # "the title of Figure 2", or a question the title alone answers ("which grades
            # does the treatment algorithm cover?"): the caption's title, not its legend.
            if (ASKS_SEVERAL.search(question) and not TITLE_CUE.search(question)) or (scope and asks_item):
                chosen.append((hit, whole))  # "which treatments does Figure 2 list?"
            elif titled and not asks_item and (TITLE_CUE.search(question) or (covered and best == segs[0])):
                chosen.append((hit, segs[0]))  # "the title of Figure 2": the caption's title
            elif asks_item and not can_answer(best):
                continue  # "the side effects of RE in Figure 2": its item only defines RE
            else:
                chosen.append((hit, best if asks_item else whole))
        elif unit.section == "coi" and "unindexed" in citation_parts_for(question) and (
                not (_FROM_INDUSTRY.search(question) or _COI_NAMED.search(question)) or _WHO_FUNDED.search(question)):
            # "who funded it?": no conflict-of-interest line says (money from industry is what it declares); funding ties
            # asked beside the conflicts themselves ("any conflicts of interest / funding ties?"): the line answers those
            continue
        elif unit.section == "reference" and (asks_unprinted_entry_field(question, unit.text) or (
                "authors" in citation_parts_for(question) and asks_beyond_listed_authors(question, unit.text.split(". ")[0]))):
            continue  # "Who is the last author of reference 4?" of "Dasari A, ..., et al."; its PMID
        elif unit.section == "reference" and (asks_for_results(question) or (asks_for_number(question) and not ASKS_COUNT.search(
                question))) and not citation_parts_for(question):
            continue  # "What did reference 5 find?", "what % threshold does ref 2 set?": an entry prints the work's title
        else:
            chosen.append((hit, Segment(unit, 0, len(unit.text))))
    return chosen
