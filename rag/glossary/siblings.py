"""The term a follow-up picks out by contrast with the one just defined: "what does SI-NEN mean?"
then "and the pancreas one?"; "whats TACE" then "whats the version without the chemo called";
"what is PVE" then "and the other one in that pair?".

English leaves the noun out after "the ... one" (one-anaphora): the modifier, or the "with" /
"without" phrase, says which member of the same family is meant. The family is read off the
long forms: entries whose long form shares a word with the earlier term's ("portal vein
embolization" and "portal vein ligation"), the closest first. Words are compared by their first
five letters, so "pancreas" finds "pancreatic" and "chemo" finds "chemoembolization".

In: the follow-up, the term the earlier turn asked about and a `Glossary`. Out: the short form
meant, or "" when the follow-up is no such pointer or no one entry fits.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.core.text import STOP_WORDS

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["points_to_sibling", "sibling_term"]

_LEAD = r"^\s*(?:(?:and|so|ok|okay|then),?\s+){0,2}(?:(?:what|how)\s+about\s+|what(?:'s|s|\s+is)\s+)?"
_NOUN = r"(?:one|version|kind|type|variant|form)"
_TAIL = r"(?:\s+(?:called|then|again|please|pls))?\s*[?.!]*\s*$"
# "the pancreas one", "the pancreatic version"
_MODIFIED = re.compile(_LEAD + rf"the\s+(?P<word>[a-z][\w-]+)\s+{_NOUN}" + _TAIL, re.I)
# "the one with chemo in it", "the one with chemo in the name", "the version without the chemo"
_WITH = re.compile(_LEAD + rf"the\s+{_NOUN}\s+(?P<sense>with|without|minus|using|that\s+(?:has|uses))\s+(?:the\s+|an?\s+)?"
                   r"(?P<word>[a-z][\w-]+)(?:\s+(?:part|bit|component))?(?:\s+in\s+(?:it|(?:the|its)\s+name))?" + _TAIL, re.I)
# "the other one", "the other one in that pair", "the other half of the pair"
# ("the other portal vein one": the words both share may stand before the noun)
_OTHER = re.compile(_LEAD + rf"the\s+other\s+(?P<shared>(?:[a-z][\w-]+\s+){{0,3}}?)(?:{_NOUN}|term|abbreviation|half)"
                    r"(?:\s+(?:in|of)\s+(?:that|the|this)\s+pair)?" + _TAIL, re.I)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.casefold()) if w not in STOP_WORDS and len(w) > 2}


def points_to_sibling(question: str) -> bool:
    """Is the question a "the X one" / "the one without X" / "the other one" pointer? (Cheap: the router
    asks it before reading the earlier turn.)"""
    return bool(_OTHER.match(question) or _WITH.match(question) or _MODIFIED.match(question))


def sibling_term(question: str, earlier: str | None, glossary: "Glossary") -> str:
    """The short form a "the X one" / "the one without X" / "the other one" follow-up means, or ""."""
    if not earlier:
        return ""
    found = glossary.lookup(earlier)
    if not found.matches:
        return ""
    before = found.matches[0]
    m = _OTHER.match(question) or _WITH.match(question) or _MODIFIED.match(question)
    if not m:
        return ""
    own = _stems(before.long)
    family = [(len(own & _stems(e.long)) / len(own | _stems(e.long)), e) for e in glossary.entries
              if e.short != before.short and own & _stems(e.long)]
    shared = _stems(m.groupdict().get("shared") or "")
    family = [(score, e) for score, e in family if shared <= _stems(e.long)]
    word = (m.groupdict().get("word") or "").casefold()[:5]
    if word:
        without = (m.groupdict().get("sense") or "").casefold() in ("without", "minus")
        family = [(score, e) for score, e in family if (word in _stems(e.long)) is not without]
    family.sort(key=lambda pair: -pair[0])
    if not family or (len(family) > 1 and family[0][0] == family[1][0]):
        return ""  # none, or two equally close: the reader is asked, not guessed for
    return family[0][1].short
