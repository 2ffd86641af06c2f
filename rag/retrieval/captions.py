"""A figure named by its caption's title: "which grades does the treatment algorithm cover?" and "the legend
of the treatment flowchart" name Figure 2, "Treatment algorithm for well-differentiated (G1/G2) ...".

In: a question and a caption. Out: whether the question names the figure by the caption's head phrase,
the kind of diagram said in any of the words readers use for it. Used by rag/retrieval/structure.py.
"""

from __future__ import annotations

import re

__all__ = ["names_caption"]


# A caption's head phrase: its words before the first preposition ("Treatment algorithm" of
# "Treatment algorithm for well-differentiated ..."), which is how readers name a figure.
_CAPTION_HEAD = re.compile(r"^\s*([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)+?)\s+(?:of|for|in|on|with|by|to)\b")


# What readers call a diagram of decisions: "the treatment flowchart" is the "Treatment algorithm".
_DIAGRAM_KIND = {"algorithm": r"(?:algorithm|flow\s?-?chart|flow\s+diagram|decision\s+tree|pathway|schema|scheme)"}


def names_caption(question: str, caption: str) -> bool:
    """"Which grades does the treatment algorithm cover?" names Figure 2 by its title."""
    head = _CAPTION_HEAD.match(caption)
    if not head:
        return False
    *lead, kind = head.group(1).split()
    named = r"\s+".join([*map(re.escape, lead), _DIAGRAM_KIND.get(kind.lower(), re.escape(kind))])
    # the kind alone as a modifier of the figure or its parts names it too: "the algorithm figure legend"
    kind_as_modifier = rf"{_DIAGRAM_KIND.get(kind.lower(), re.escape(kind))}\s+(?:figure|fig\b\.?|legend|caption|key)"
    return re.search(rf"\b(?:{named}|{kind_as_modifier})\b", question, re.I) is not None
