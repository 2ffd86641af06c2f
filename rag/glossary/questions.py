"""Spotting an abbreviation question (its frames: rag/glossary/frames.py; replies: replies.py).

In: the user's question and a `Glossary`. Out: `parse_glossary_terms` -> the terms asked about
(empty when it is no abbreviation question); `parse_glossary_question`, the first, or None.

How a question is read, in four steps:
1. its frame words are put into standard spelling (`TEXT_SPEAK`: "wats" -> "what is",
   "stands 4" -> "stands for", "SI-NEN =" -> "SI-NEN means"; a slip of a frame word that
   English hardly uses, "stnd" -> "stand"); a token typed as an abbreviation ("WAT", "U") and
   a glossary term are never touched, so no term is rewritten;
2. the frame is matched. "..., what is that?" points back to the slot's last word
   ("my letter says she needs TACE, what is that?"). Phrasings that only make sense about an
   abbreviation ("What does X stand for?", "full form of X") are always routed; generic ones
   ("what is X", "define X", "X?") only when X is, or looks like, a short form, so "What is
   the role of TACE in unresectable NELM?" stays a content question;
3. a term that is no entry itself is split on "and", "or", "vs", ",", "/" ("TACE vs TAE",
   "define OLT, RE"); the split counts only when every part is a term on its own;
4. when the whole question holds no known term, its sentences and clauses are read one by
   one: "Doctor said ALPPS. What is ALPPS?", "what does COPD stand for, my mum has that too".
   It counts only when every clause that asks something asks for a term, so "My dad has
   NELM. Is TACE safe for him?" and "TACE vs TAE, which is better?" stay content questions.
   A part of a term ("what does SI mean in SI-NEN") asks for the term (rag/glossary/parts.py).

A term typed like an English word (no capital after its first letter, no digit) is a short
form only when it could not be the word: three letters or more, no stop word, and either a short form
the glossary holds ("tace", "pvl") or a one-keystroke slip of one ("allps"). So "re", "sa" and
"who" in lower case stay words, as do near-miss words such as "tale" (one letter off TAE).

It never looks anything up itself beyond `Glossary.lookup` (imported only for type checking),
and never guesses: a typo is answered with the labelled "did you mean" the lookup offers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING


from rag.glossary.comparisons import (DIFFERENCE_AFTER, DIFFERENT, GUESS, GUESS_AFTER, GUESS_TRAILING, IDENTITY, IDENTITY_AFTER,
                                      KIND_GUESS, REVERSE_GUESS, compared, one_of_listed, sets_beside)
from rag.glossary.frames import (ALL_TERMS, ALWAYS, ASKS, ASKS_ELSE, BARE, CLAUSE_BREAK, CONJUNCTION, IF_ABBREVIATION, PLACEHOLDER,
                                 SENTENCE_BREAK)
from rag.glossary.keys import short_key
from rag.glossary.named import cued_forms, is_abbreviation, short_forms_in
from rag.glossary.sentences import HALF_GUESS, added_term, guess_at
from rag.glossary.slots import clean_slot, guessed, slot_terms
from rag.glossary.parts import term_of_part
from rag.glossary.pointers import pointed_terms
from rag.glossary.standard import SPELLED_LETTERS, standard_frame
from rag.glossary.tails import CONFIRM_TAIL, COURTESY_TAIL, EXPLAIN_TAIL, IDENTITY_TAIL

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["parse_glossary_terms", "parse_glossary_question", "short_forms_in"]


_JOURNAL_ABBREVIATION = re.compile(r"\bjournal(?:'s)?\s+(?:title\s+|name\s+)?abbreviat\w*|\babbreviat\w*\s+(?:journal|title\s+of\s+the\s+journal)",
                                   re.IGNORECASE)


def parse_glossary_terms(question: str, glossary: Glossary, alone: bool = False) -> tuple[str, ...]:
    """The terms a glossary-style question asks about, in order; () when it is not one.

    "What does TACE stand for?", "abbreviation for somatostatin analogues", "wats PVL" ->
    always routed. "TACE?", "what is SI-NEN", "define ALPPS", "meaning of alpps" -> routed
    when the term is a short form the glossary knows, or looks like one (one token with two
    capitals, "TCAE"; a slip typed in lower case, "allps"), so a typo still gets its "did you
    mean". "TACE vs TAE", "what do TACE and TAE stand for" -> ("TACE", "TAE").
    "When is OLT indicated?", "Is RE better than TACE?", "what is re" -> ().
    "is RE radioembolization?" -> ("RE",): a guess at the expansion is answered with it.

    `alone`: the question opens the conversation. A conversational "and" before a bare term
    ("And TAE?") then has nothing to lean on and asks about the term; later in a
    conversation it marks a follow-up, which the router joins with what it follows.
    """
    if _JOURNAL_ABBREVIATION.search(question):
        return ()  # the abbreviated journal title is a field of the record: "journal abbreviation, volume(issue), pages"
    question = re.sub(r"([?!])[?!]+", r"\1", question)  # "ALPPS?? what is it": repeated marks only insist
    question = CONFIRM_TAIL.sub("", question.strip()) or question  # "..., correct?" asks no more
    question = EXPLAIN_TAIL.sub("", question) or question  # nor does "... ? Please explain."
    question = COURTESY_TAIL.sub("", question) or question  # "... is that like a pan of something lol"
    question = IDENTITY_TAIL.sub("", question) or question  # "..., is it a typo?": the definition answers it
    whole = _read(question, glossary, alone)
    if _known(whole, glossary):
        return whole
    sentences = [x for x in SENTENCE_BREAK.split(question.strip()) if x.strip(" ?.!")]
    if len(sentences) > 1 or CLAUSE_BREAK.search(question.strip()):
        # the last sentence that asks may close on a bare term, though told sentences follow ("IFNa ?? it is on her
        # treatment paper")
        asks = [i for i, x in enumerate(sentences) if "?" in x or ASKS.search(CONJUNCTION.sub("", x.strip()))]
        closing = asks[-1] if asks and not any(ASKS.search(x.strip()) for x in sentences[asks[-1] + 1:]) else len(sentences) - 1
        read = [(x, added_term(x, glossary) or _read_sentence(x, glossary, last=i == closing)) for i, x in enumerate(sentences)]
        # a half-remembered expansion offered as a sentence of its own ("radio something therapy?") asks nothing more
        asking = [(x, terms) for x, terms in read if terms or ASKS.search(CONJUNCTION.sub("", x.strip())) and not HALF_GUESS.match(x)]
        found = {short_key(t) for _, terms in asking for t in terms}
        # a yes/no question about a term another sentence asks to define asks no more than the definition ("is RE
        # here radiofrequency something? or what is RE in the figure")
        asking = [terms for x, terms in asking if terms or not found or not guess_at(x, found, glossary, clean_slot)]
        if asking and all(asking):
            terms = tuple(dict.fromkeys(t for terms in asking for t in terms))
            if _known(terms, glossary) or _shaped(terms, glossary):
                return terms
    # A question run on after a statement, with no stop between: "report says SI-NEN with liver lesions what does
    # SI-NEN mean". A wh-word with its verb inverted opens a direct question wherever it stands.
    opened = [m.start() for m in _RUN_ON.finditer(question) if m.start() > 0]
    if opened:
        told, asked = question[:opened[-1]], question[opened[-1]:]
        if "?" not in told and not ASKS.search(told.strip()):
            terms = _read(asked, glossary, True)
            if _known(terms, glossary) or _shaped(terms, glossary):
                return terms
            named = short_forms_in(told, glossary)
            if terms in (("that",), ("it",), ("this",)) and len(named) == 1:
                # "letter says 'SI-NEN primary' what does that mean": the pointer is the one short form told
                return named
    # And a statement run on after a question: "what does nelm mean the letters from the hospital keep saying nelm".
    # A frame that closes on its verb ends there when a new clause opens (a determiner or a subject pronoun).
    closed = _CLOSED_FRAME.match(question) or _CLOSED_SLOT.match(question)
    if closed:
        terms = _read(closed.group("asked"), glossary, True)
        if _known(terms, glossary):
            return terms
    # A slot that is no term ("TACE vs TAE - what is the difference in what the letters"): the known short forms
    # first. A frame's slot shaped as an abbreviation is the term asked, known or not ("what does LI-RADS stand
    # for on the MRI report?" asks LI-RADS, whatever else the question names).
    return whole if _shaped(whole, glossary) else (_cued(question, glossary) or whole)


def _cued(question: str, glossary: Glossary) -> tuple[str, ...]:
    """`cued_forms`, on the question in standard spelling only where letters are said one by one ("T A C E")."""
    return cued_forms(question, glossary) or (
        cued_forms(standard_frame(question, glossary), glossary) if SPELLED_LETTERS.search(question) else ())


def _read_sentence(sentence: str, glossary: Glossary, last: bool = False) -> tuple[str, ...]:
    """The terms one sentence asks about: by its frame, else by its clauses ("I'm a nurse,
    what does OLT stand for"; "what does SI-NEN stand for and what does panNEN stand for").
    Every clause that asks must ask for a term; one that asks nothing counts only last, as a
    list item may ("define olt, re" lists a word, and asks for nothing). A bare term may close
    the question ("sorry to bother you, alpps?"), never open it ("TACE vs TAE, which is better?")."""
    terms = _read(sentence, glossary, True, in_clause=True, closing=last)
    clauses = [c for c in CLAUSE_BREAK.split(sentence) if c.strip(" ?.!")]
    if _known(terms, glossary) or len(clauses) < 2:
        return terms
    if len(clauses) == 2 and HALF_GUESS.match(clauses[1]) and len(named := short_forms_in(clauses[0], glossary)) == 1 and guessed(
            PLACEHOLDER.sub("", clauses[1]).strip(" ?.!"), named[0], glossary):
        return named  # "SI-NEN, small intestine something?": a half-remembered expansion asks for the whole
    read = [(c, _read(c, glossary, True, in_clause=True, closing=last and i == len(clauses) - 1))
            for i, c in enumerate(clauses)]
    # a clause that only sets the terms named beside each other ("are they different things?") asks no term of its own
    asking = [t for c, t in read if ASKS.search(CONJUNCTION.sub("", standard_frame(c, glossary).strip()))
              and not sets_beside(c)]
    if not all(asking):
        return terms  # "is it safe, TACE?" asks something else first
    if len(asking) > 1:
        found = tuple(dict.fromkeys(t for ts in asking for t in ts))
        return found if _known(found, glossary) else terms
    tail = [_read(c, glossary, True, in_clause=True, closing=True) for c in clauses[1:]] if not asking else []
    if len(tail) > 1 and all(len(ts) == 1 and is_abbreviation(ts[0], glossary) for ts in tail):
        return tuple(dict.fromkeys(ts[0] for ts in tail))  # a list closing it: "full terms for coding please: OLT, PVE, PVL"
    # The clause that asks, whatever the others tell ("wats PPRT, her letter says PPRT"); else the last ("define olt, re").
    asked = asking[0] if asking else read[-1][1]
    return asked if _known(asked, glossary) or _shaped(asked, glossary) else terms


def _shaped(terms: tuple[str, ...], glossary: Glossary) -> bool:  # "COPD": only an abbreviation, known or not
    return bool(terms) and all(is_abbreviation(t, glossary) for t in terms)


def _known(terms: tuple[str, ...], glossary: Glossary) -> bool:
    """Does the glossary hold, or suggest a spelling for, any of `terms`? A frame's slot may be
    no term at all ("im a nurse, what does OLT" before "stand for"): then its clauses are read.
    A slot that breaks into clauses is no misspelt term, whatever the fuzzy search suggests."""
    return any(glossary.lookup(t).matches or (glossary.lookup(t).did_you_mean and not CLAUSE_BREAK.search(t))
               for t in terms)


def parse_glossary_question(question: str, glossary: Glossary) -> str | None:
    """The (first) term of a glossary-style question, else None; see `parse_glossary_terms`."""
    terms = parse_glossary_terms(question, glossary)
    return terms[0] if terms else None


def _read(question: str, glossary: Glossary, alone: bool, in_clause: bool = False,
          closing: bool = False) -> tuple[str, ...]:
    """The terms one question (or, `in_clause`, one clause of it) asks about by its frame. A
    clause may not be a bare term: "TACE vs TAE" before "which is better?" asks nothing; the
    `closing` clause may be one bare term ("sorry to bother you, alpps?"), never a choice
    ("G2 pNET, insufficient FLR: PVE or ALPPS?")."""
    plain = standard_frame(question, glossary)
    part_of = term_of_part(plain, lambda t: glossary.lookup(t).match_kind in ("exact", "variant"))
    if part_of:
        return (part_of,)  # "what does SI mean in SI-NEN"
    text = compared(plain)
    opened, plain_opened = CONJUNCTION.sub("", text), CONJUNCTION.sub("", plain)  # a conversational opening asks nothing
    if ALL_TERMS.fullmatch(opened):
        return tuple(dict.fromkeys(e.short for e in glossary.entries))
    terms = pointed_terms(text, glossary, slot_terms)
    if terms:
        return terms  # "PVL - what is that?"
    terms = one_of_listed(opened, glossary, lambda t: _read(t, glossary, True), clean_slot)
    if terms:
        return terms  # "TAE vs TACE - what's TAE stand for?"
    m = REVERSE_GUESS.fullmatch(opened)
    if m and glossary.lookup(m.group("long")).match_kind == "reverse":
        return (m.group("long"),)
    for patterns, strict in ((ALWAYS, False), (IF_ABBREVIATION, True)):
        for pattern in patterns:
            if pattern is BARE and ((in_clause and not closing) or ASKS_ELSE.search(text)):
                continue  # "PPRT in the flowchart - how many cycles?" asks the cycles
            # "and" before a bare term ("And TAE?") marks a follow-up, unless nothing came before;
            # before a whole frame ("so whats ALPPS then") it is only a conversational opening
            m = pattern.fullmatch(text if pattern is BARE and not alone else opened)
            if m:
                terms = slot_terms(m.group("t"), glossary, strict, framed=pattern is not BARE)
                if terms and not (in_clause and pattern is BARE and len(terms) > 1):
                    return terms
    for pattern in GUESS:
        guess = pattern.fullmatch(opened)
        term = clean_slot(guess.group("t"), glossary) if guess else ""
        if term and is_abbreviation(term, glossary) and guessed(PLACEHOLDER.sub("", guess.group("guess")), term, glossary):
            return (term,)  # "is 'SA' somatostatin analogues?": the term without its quotes
    m = GUESS_AFTER.fullmatch(opened) or GUESS_TRAILING.fullmatch(opened)
    named = short_forms_in(m.group("slot"), glossary) if m else ()
    if len(named) == 1 and guessed(PLACEHOLDER.sub("", m.group("guess")), named[0], glossary):
        return named
    m = IDENTITY.fullmatch(plain_opened) or IDENTITY_AFTER.fullmatch(plain_opened)
    if m and is_abbreviation(clean_slot(m.group("a"), glossary), glossary):
        other = clean_slot(m.group("b"), glossary)  # "is PRRT the same as radiotherapy?": PRRT alone
        # another entry's long form is answered with that entry ("PVL - same as portal vein embolisation?")
        named = is_abbreviation(other, glossary) or glossary.lookup(other).match_kind == "reverse"
        return (clean_slot(m.group("a"), glossary),) + ((other,) if named else ())
    # "is PVL different?", from the term before it; "is RE resection or something radiological?"
    m = DIFFERENT.fullmatch(plain_opened) or DIFFERENCE_AFTER.fullmatch(plain_opened) or KIND_GUESS.fullmatch(plain_opened)
    if m and is_abbreviation(clean_slot(m.group("a"), glossary), glossary):
        return (clean_slot(m.group("a"), glossary),)
    return ()


_RUN_ON = re.compile(r"(?<=[\w'\"\u2019\u201d)]\s)(?:what|which|how)\s+(?:does|do|did|is|are|was|were)\s", re.IGNORECASE)
_CLOSED_FRAME = re.compile(r"(?P<asked>.*?\b(?:means?|stands?\s+for|short\s+for)),?\s+(?=(?:the|my|i|they|it|its|it's|theres|there's|im|i'm|we|he|she|this|that"
                           r"|these|those|his|her|our|their|so|because|cos|as)\b)", re.IGNORECASE)
# "what is" closes on its slot when the slot is one written abbreviation and a clause with its own subject follows:
# "wat is TACE they keep saying it at the clinic"
# (a subject may be a noun with its determiner when a verb of saying or using follows: "... ALPPS the surgeon threw that word")
_CLOSED_SLOT = re.compile(r"(?P<asked>^\W*(?:what|wat|wot)(?:'s|s)?(?:\s+on\s+earth|\s+the\s+(?:heck|hell))?(?:\s+(?:is|are|r))?\s+"
                          r"(?:an?\s+|the\s+)?(?-i:[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)),?\s+"
                          r"(?=(?:my|i|they|it|its|it's|theres|there's|im|i'm|we|he|she|his|her|our|their)\s"
                          r"|(?:the|a|an|this|that|our|your)\s+[a-z]+\s+(?:[a-z]+ed|said|says|told|tells|wrote|writes|threw|throws|gave"
                          r"|gives|keeps|kept|puts|uses|mentions|keep|use)\b)", re.IGNORECASE)
