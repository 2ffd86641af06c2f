"""What a pointer in an abbreviation question points back to: "PVL - what is that?", "panNEN with NELM. explain
these terms", "mentioned an ALLPS procedure, what is that short for". A plural pronoun agrees in number with what
it means, so "Milan criteria for OLT in NELM - what are they?" asks about the criteria, and "the paper's keywords for
our CMS - what are they?" about the keywords, not about a form they name.

In: a question in standard spelling, the glossary, and the reader of a frame's slot (rag/glossary/questions.py).
Out: the terms pointed at, or ().
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from rag.glossary.anaphoric import ANAPHORIC, ANAPHORIC_THING, PLURAL_POINTER
from rag.glossary.frames import KIND_NOUNS, QUOTES, SEPARATOR
from rag.glossary.keys import short_key
from rag.glossary.named import is_abbreviation

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["pointed_terms"]

SlotReader = Callable[[str, "Glossary", bool], tuple[str, ...]]
_NAMES_FORMS = re.compile(r"\b(?:letters|initials|terms|words|abbreviations|acronyms)\b", re.IGNORECASE)
# A question embedded after a verb of asking or knowing, its pronoun before the verb: "the family saw 'OLT' on
# the chart and want to know what it means", "his wife is asking what that stands for". It asks what the thing
# named is, so the slot's only abbreviation may be its referent.
_EMBEDDED = re.compile(r"(?P<t>.+?)\s*[-\u2013\u2014:,;.]?\s+(?:(?:and|but|so)\s+)?(?:(?:\w+\s+){0,2}?(?:wants?|wanted|would\s+like|'d\s+like)"
                       r"\s+to\s+know|(?:is|are|am|was|were)\s+(?:asking|wondering)|asks?|asked|wonders?|(?:not\s+)?sure"
                       # not knowing is asking: "none of us know what it means", "I have no idea what that is"
                       r"|(?:don'?t|do\s+not|doesn'?t|didn'?t|none\s+of\s+(?:us|them)|nobody|no\s+one)\s+(?:really\s+)?(?:knows?|understands?)"
                       r"|no\s+idea)\s+what\s+"
                       # (the standard spelling has given it do-support: "what does it mean")
                       r"(?:(?:does|do|did)\s+)?(?:that|this|it|those|these|they)(?:\s+(?:letters|abbreviations?|acronyms?|terms?|words?))?"
                       r"\s+(?:means?|meant|stands?\s+for|is|are|is\s+short\s+for|refers?\s+to)", re.IGNORECASE)
# A slot closing on coordinated terms: "PVE vs PVL, what do the letters stand for?" points back at all of them.
_TRAILING_LIST = re.compile(r"(?<!\S)(?:[^\s,;/]+(?:\s*[,;/]\s*(?:(?:and|or)\s+)?|\s+(?:and|or|vs\.?|versus)\s+))+[^\s,;/]+\s*$",
                            re.IGNORECASE)
_QUOTED_LAST = re.compile(r"['\"\u201c\u2018]([^'\"\u201d\u2019]{2,})['\"\u201d\u2019][\s,;:.\-\u2013\u2014]*$")
_WRITTEN_FORM = re.compile(r"\b(?:stands?\s+for|short\s+for|abbreviat\w*|acronym|initials|letters|expan\w+"
                           r"|(?:write|spell)\s+(?:it|that|this|them|those|these)\s+out|(?:written|spel(?:led|t))\s+out|in\s+full)\b", re.IGNORECASE)


def pointed_terms(text: str, glossary: "Glossary", slot_terms: SlotReader) -> tuple[str, ...]:
    """The terms an anaphoric frame's pointer means (`slot_terms(slot, glossary, strict)` reads a slot), or ()."""
    for pattern in (*ANAPHORIC, _EMBEDDED):
        m = pattern.fullmatch(text)
        if m:
            plural = bool(PLURAL_POINTER.search(text[m.end("t"):]))
            # "stand for", "short for", "abbreviation": said only of a written form, so the slot's only abbreviation
            # is what the pointer means ("mentioned an ALLPS procedure for my husband, what is that short for")
            written = bool(_WRITTEN_FORM.search(text[m.end("t"):]))
            thing = pattern is ANAPHORIC_THING or pattern is _EMBEDDED or plural or written
            terms = _referent(m.group("t"), glossary, slot_terms, thing=thing, every=plural)
            if plural and re.search(r"\bboth\b", text[m.end("t"):], re.IGNORECASE):
                terms = terms[-2:]  # "both of those": the two nearest ("Dad's CT report says NELM and TAE")
            if plural and not written and len(terms) == 1 and not _NAMES_FORMS.search(text[m.end("t"):]) and not any(
                    e.long.endswith("s") for e in glossary.lookup(terms[0]).matches):
                # a bare plural pronoun agrees with no one term, unless what it stands for is plural ("NELM - what are
                # those?"): "the paper's keywords for our CMS - what are they?" asks about the keywords
                terms = ()
            if terms:
                return terms
    return ()


# A plural noun phrase opening the slot, its head before a preposition: what a plural pointer refers to.
_PLURAL_HEAD = re.compile(r"^\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?(?P<head>criteria|data|[a-z]{2,}[^s\W]s)\s+"
                          r"(?:for|of|in|after|with|on|about|from)\s", re.IGNORECASE)


def _referent(slot: str, glossary: "Glossary", slot_terms: SlotReader, thing: bool, every: bool = False) -> tuple[str, ...]:
    """What "that" points back to: the slot when it is a term ("PVL - what is that?"), else its
    last word when that is one, past a kind noun ("she needs the ALPPS procedure"); for a
    `thing` ("what is that?") also the slot's only abbreviation ("booked for ALPPS next month");
    for a plural pointer (`every`: "these terms") every abbreviation in it ("panNEN with NELM")."""
    terms = slot_terms(slot, glossary, True)
    if terms:
        return terms
    head = _PLURAL_HEAD.match(slot)
    if every and head and not is_abbreviation(head.group("head"), glossary):
        return ()  # "Milan criteria for OLT in NELM - what are they?": the criteria, not the forms in their modifier
    quoted = _QUOTED_LAST.search(slot)
    if quoted and not is_abbreviation(quoted.group(1), glossary):
        return ()  # "the figure says 'molecular targeted agents' - does it mean ...": the nearest antecedent is the quote
    listed = _TRAILING_LIST.search(slot)
    parts = [p.strip(QUOTES + ".,;:!?()") for p in SEPARATOR.split(listed.group(0).strip())] if listed else []
    if len(parts) > 1 and all(p and is_abbreviation(p, glossary) for p in parts):
        return tuple({short_key(p): p for p in parts}.values())  # "PVE vs PVL, what do the letters stand for?"
    words = [w.strip(QUOTES + ".,;:!?()") for w in slot.split()]
    found = {short_key(w): w for w in words if w and is_abbreviation(w, glossary)}
    if every and len(found) > 1:
        return tuple(found.values())
    if len(words) > 1 and words[-1].lower() in KIND_NOUNS:
        words.pop()
    last = words[-1] if words else ""
    if last and is_abbreviation(last, glossary):
        return (last,)
    return tuple(found.values()) if thing and len(found) == 1 else ()
