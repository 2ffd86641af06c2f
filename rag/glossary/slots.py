"""What fills a glossary frame's slot: the term(s) it holds (`slot_terms`, `clean_slot`), whether a guessed expansion
is one the glossary knows, a short form typed as a word, and the entry a slot opens with before an adjunct. Helpers of
rag/glossary/questions.py, kept apart so that module stays one reading of a question.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.core.text import STOP_WORDS, zipf
from rag.glossary.anaphoric import POINTER
from rag.glossary.frames import (ASKS, CLAUSE_BREAK, COMPARISON_LEAD, KIND_NOUNS, PLACE_TAIL, PLACEHOLDER, QUOTES, SEPARATOR,
                                 TERM_PREFIX)
from rag.glossary.keys import long_words, short_key
from rag.glossary.named import is_abbreviation, short_forms_in
from rag.glossary.tails import COURTESY_TAIL

if TYPE_CHECKING:
    from rag.glossary.store import Glossary


def guessed(guess: str, term: str, glossary: Glossary) -> bool:
    """Is `guess` a long form the glossary knows, a slip of `term`'s own ("pvl = portal vien ligation?"), or a
    partly right one? Alternatives offered are guesses each ("does OLT denote orthotopic or some other form of
    liver transplantation?")."""
    alternatives = [a for a in re.split(r",?\s+or\s+", guess) if a.strip()]
    if len(alternatives) > 1:
        return any(guessed(a, term, glossary) for a in alternatives)
    found = glossary.lookup(guess)
    if found.match_kind == "reverse":
        return True
    entries = glossary.lookup(term).matches
    own = {m.long.casefold() for m in entries}
    if found.match_kind == "fuzzy" and any(s.casefold() in own for s in found.did_you_mean):
        return True
    # a guess that gets most of the long form's words right, and whose other words are technical too, is a guess at
    # it ("NELM = neuroendocrine liver malignancy?"), answered by the definition that corrects it; everyday words
    # make it a claim ("OLT = liver transplant for everyone?")
    own_words = {w for m in entries for w in long_words(m.long)}
    said = [w for w in re.findall(r"[^\W\d_]+", guess.lower()) if len(w) >= 4]
    right = [w for w in said if long_words(w) and long_words(w)[0] in own_words]
    # A guess whose words' initials spell the short form is a guess at its expansion, right or wrong ("is SA surgical
    # ablation?"): that is what an acronym is.
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", guess.lower()))
    if len(initials) >= 2 and initials == "".join(c for c in term.lower() if c.isalpha()):
        return True
    # A bare noun phrase names a thing, whatever its other words ("open liver transplant"); a function word opens
    # something said about it ("for everyone").
    named = not any(w in STOP_WORDS for w in re.findall(r"[^\W\d_]+", guess.lower()))
    return bool(said) and len(right) * 2 >= len(said) and (named or all(zipf(w) < _EVERYDAY_ZIPF for w in said if w not in right))


_EVERYDAY_ZIPF = 4.5  # "everyone" 5.6, "patients" 4.7; "malignancy" 3.4


def entry_typed_low(term: str, glossary: Glossary) -> bool:
    """A short form the glossary holds, typed as a word ("sa", "re"), which alone may be the word."""
    found = glossary.lookup(term)
    return " " not in term and found.match_kind in ("exact", "variant") and any(
        m.short.casefold() == term.casefold() for m in found.matches[:1])


# Words that open an adjunct after a noun: a prepositional phrase or a relative clause.
_ADJUNCT = {"for", "in", "on", "from", "at", "to", "as", "that", "which", "when", "used", "written", "mentioned"}


def slot_head(term: str, glossary: Glossary) -> str | None:
    """The entry a slot opens with, when the rest is an adjunct: "OLT for my notes" -> "OLT".
    Only for a slot that is no entry itself, so "... portal vein ligation for staged
    hepatectomy" stays whole; the longest such opening wins."""
    if glossary.lookup(term).matches:
        return None
    words = term.split()
    for i in range(len(words) - 1, 0, -1):
        if words[i].casefold() in _ADJUNCT and glossary.lookup(" ".join(words[:i])).matches:
            return " ".join(words[:i])
    return None


def slot_terms(raw: str, glossary: Glossary, strict: bool, framed: bool = True) -> tuple[str, ...]:
    """The term(s) in a frame's slot: the whole slot when it is one term, else its parts when
    every part is one; in an abbreviation-only frame (`strict` False) the whole slot anyway. Only a slot a
    frame asks for (`framed`) may run on into told clauses: a bare term followed by them tells a case ("NELM,
    liver-only, resectable in one stage, ... straight to hepatectomy?")."""
    if POINTER.fullmatch(raw.strip(QUOTES + " ")):
        return (raw.strip(QUOTES + " "),)  # "what does that one stand for": the router finds what it points at
    term = clean_slot(raw, glossary)
    # a slot runs on past its question's end into a told sentence ("the short form for interferon alpha? I want to
    # recognise it on my letters"): the slot ends with its question
    parts = re.split(r"[?!]+\s+(?=\S)", term, maxsplit=1)
    if (framed and len(parts) == 2 and parts[0].strip() and not ASKS.search(parts[1].strip())
            and not short_forms_in(parts[1], glossary)):  # "what is PVL? ALPPS too" adds a term
        term = clean_slot(parts[0], glossary)
    placed = PLACE_TAIL.sub("", term)  # where the asker saw it: "ifna in their algorithm", "X vs Y in the Fig 2 legend"
    named = [clean_slot(p, glossary) for p in SEPARATOR.split(COMPARISON_LEAD.sub("", placed))]
    if placed and placed != term and all(n and is_abbreviation(n, glossary) for n in named):
        term = placed
    if not term or len(term.split()) > (14 if strict else 25):  # an abbreviation-only frame may hold a long description
        return ()
    if strict:
        def accept(t: str) -> bool:
            return is_abbreviation(t, glossary)
    else:
        def accept(t: str) -> bool:
            return bool(glossary.lookup(t).matches) or is_abbreviation(t, glossary)
    head = None if strict else slot_head(term, glossary)  # a generic frame's slot may be a topic: "TACE in NELM?"
    if head and accept(head):
        term = head  # "OLT for my notes", "portal vein ligation in the chart"
    if glossary.lookup(term).matches and accept(term):
        return (term,)  # an entry, even one holding "and" or "/" ("PET/CT", "... partition and ...")
    listed = term if strict else COMPARISON_LEAD.sub("", term)
    parts = [clean_slot(p, glossary) for p in SEPARATOR.split(listed)]
    # Conjuncts are of one kind: beside a short form, a two-letter entry typed in lower case is one too ("sa and olt")
    coordinated = len(parts) > 1 and any(p and accept(p) for p in parts)
    if len(parts) > 1 and all(p and (accept(p) or coordinated and entry_typed_low(p, glossary)) for p in parts):
        first: dict[str, str] = {}
        for part in parts:
            first.setdefault(short_key(part), part)  # "TACE and tace" asks once
        return tuple(first.values())
    # A slot run on into a told clause ("long form of ALLPS pls, keeps coming up on ward rounds"): its opening term
    first, *told = CLAUSE_BREAK.split(term)
    lead = COURTESY_TAIL.sub("", first).strip()
    if (framed and told and not glossary.lookup(term).matches and is_abbreviation(lead, glossary)
            and not any(ASKS.search(c.strip()) for c in told)  # "what is TACE, is it safe?" asks more
            and not short_forms_in(term[len(first):], glossary)):  # "RE, IFNa and SI-NEN ..." lists them
        return (lead,)
    if accept(term) or not strict:
        return (term,)
    return ()


def clean_slot(raw: str, glossary: Glossary) -> str:
    """Quotes, a leading "the abbreviation", and a trailing kind noun ("ALPPS procedure") off."""
    # an intensifier before the frame's verb is no part of the term ("what that abbreviation actually stands for")
    term = re.sub(r"\s+(?:actually|really|even|exactly|precisely)$", "", raw.strip(QUOTES), flags=re.I)
    if POINTER.fullmatch(term):
        return term  # "that abbreviation" points back; the router resolves it
    term = TERM_PREFIX.sub("", term).strip(QUOTES).rstrip(",;:-\u2013\u2014 ")
    if re.fullmatch(r"[(\[][^()\[\]\s]+[)\]]", term):
        term = term[1:-1]  # "what is '(PVL)'": the brackets it was printed in
    head, _, kind = term.rpartition(" ")
    if head and (kind.lower() in KIND_NOUNS or PLACEHOLDER.fullmatch(" " + kind)) and is_abbreviation(head, glossary):
        term = head  # "ALPPS procedure meaning", "the IFNa one"
    return term
