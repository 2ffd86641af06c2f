"""Treatments named as the question after a case ("..., Ki67 9%. OLT?", "... no EHD. TACE or TAE?", "SSA?" after a
case told in an earlier turn): asked about for that case, not defined.

In: the question, the glossary terms it names. Out: whether it is only those options; the router
(rag/routing/router.py) then sends it to the pathway with the case. A definition is asked with a frame
("what is OLT?"), which this reading never matches.
"""

from __future__ import annotations

import re
from typing import Sequence

from rag.answer.cues import NAMING_CUE
from rag.core.question import asking_part
from rag.routing.treatment import is_treatment_question, names_treatment

__all__ = ["option_after_case", "only_options"]


def option_after_case(question: str, terms: Sequence[str]) -> bool:
    """Is `question` a case told, then only treatments named as its question ("..., Ki67 9%. OLT?", "... no EHD. TACE or
    TAE?")? Named after a case, a treatment is asked about for that case; a definition is asked with a frame ("what is OLT?")."""
    asked = asking_part(question).strip()
    if (asked == question.strip() or not names_treatment(asked) or not is_treatment_question(question)
            or NAMING_CUE.search(question)):  # "ALPPS??? ... I cant find what the letters mean" asks a definition
        return False
    return only_options(asked, terms)


def only_options(asked: str, terms: Sequence[str]) -> bool:
    """Is `asked` nothing but the named treatments and the words that join options ("TACE or TAE?")?"""
    if re.search(r"=\s*\?", asked):
        return False  # "alpps = ?" asks a definition
    rest = asked.lower()
    for term in terms:
        rest = re.sub(rf"(?<![\w-]){re.escape(term.lower())}(?![\w-])", " ", rest)
    return all(w in _OPTION_LINKS for w in re.findall(r"[a-z0-9]+", rest))


# What joins treatments named as options ("TACE or TAE?", "PVE then ALPPS?", "OLT instead?"): no frame words.
_OPTION_LINKS = frozenset({"or", "vs", "v", "versus", "and", "then", "first", "now", "instead", "alone", "too", "also"})
