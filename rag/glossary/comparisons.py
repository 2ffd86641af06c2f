"""Questions whether a short form is some thing: a guess at its expansion ("is RE
radioembolization?"), a comparison of two terms ("is TARE the same as RE", "TACE and TAE -
same?"), or whether it is a kind of something ("is TACE a kind of chemotherapy?").

In: nothing (constants) but `compared`, a pure function on the frame-standard question, and `one_of_listed`, which
reads the asking clause with the caller's reader. Out: the
patterns rag/glossary/questions.py reads these questions with. As in rag/glossary/frames.py,
every entry states a fact about how English asks, never the wording of one question; nothing
here looks anything up.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Callable

from rag.glossary.frames import BREAK, CONJUNCTION, MET, PART, PUNCTUATED, SEPARATOR
from rag.glossary.keys import short_key
from rag.glossary.named import is_abbreviation

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["GUESS", "GUESS_AFTER", "GUESS_TRAILING", "REVERSE_GUESS", "SAME_AS", "IDENTITY", "IDENTITY_AFTER", "DIFFERENT", "compared",
           "one_of_listed"]

# A yes/no guess at what a short form stands for, without "mean": "is RE radioembolization?",
# "is PVL short for portal vein ligation?". Only a guess the glossary reads as a long form
# counts, so "Is RE better than TACE?" and "is TACE safe?" stay content questions.
# The same hedges in the progressive: "I'm assuming that's somatostatin analogues".
_HEDGING = r"i(?:'m|\s+am)\s+(?:assuming|presuming|guessing|thinking|taking\s+it)"
_GUESSED = r"(?P<t>\S+)(?:\s+(?:in|on)\s+(?:the\s+)?" + PART + r"(?:\s+\d+)?|\s+(?:here|there))?"  # "'RE' there is ..."
GUESS = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:is|are)\s+" + _GUESSED + r"\s+(?:(?:short|shorthand)\s+for\s+|means\s+|stands?\s+for\s+|an?\s+(?:abbreviation|acronym)"
    r"\s+(?:for|of)\s+|the\s+(?:abbreviation|acronym)\s+(?:for|of)\s+"
    # "is that just another word for a transplant?", "is it a fancy name for ..."
    r"|(?:(?:just|simply|only)\s+)?(?:another|an?\s+(?:fancy|posh|medical|technical|long|other))\s+(?:word|term|name)\s+for\s+)?"
    r"(?P<guess>[^?!]+)",
    # the same guess stated, to be confirmed: "NEN = neuroendocrine neoplasm?" ("=" reads "means"),
    # "SA on the algorithm is somatostatin analogue, correct?"
    # "I take OLT to denote orthotopic liver transplantation"
    r"i\s+take\s+" + _GUESSED + r"\s+to\s+(?:mean|denote|stand\s+for|be(?:\s+short\s+for)?)\s+(?P<guess>[^?!]+)",
    # (perhaps hedged: "I assume OLT in the figure means open liver transplant")
    r"(?:(?:i\s+(?:assume|presume|think|guess|believe|thought|had\s+(?:presumed|assumed|thought))|" + _HEDGING + r")\s+(?:that\s+)?)?"
    + _GUESSED + r"\s+(?:means|stands\s+for|is\s+short\s+for|is|are)\s+(?P<guess>[^?!]+)",
    # asked with do-support: "does OLT denote orthotopic or some other form of liver transplantation?"
    r"(?:does|do|did)\s+" + _GUESSED + r"\s+(?:(?:really|actually|just)\s+)?(?:mean|denote|stand\s+for|refer\s+to|represent)"
    r"\s+(?P<guess>[^?!]+)",
)]
# The guess after the term, pointing back at it: "Someone wrote OLT in our draft - I assume that's orthotopic liver
# transplantation"; the pointer means the statement's only short form.
GUESS_AFTER = re.compile(r"(?P<slot>.+?)" + PUNCTUATED + r"(?:(?:i\s+(?:assume|presume|think|guess|believe|take\s+it)|" + _HEDGING + r")\s+)?"
                         r"(?:that|it|this)(?:'s|\s+is|\s+means|\s+stands\s+for)\s+(?P<guess>[^?!]+)", re.IGNORECASE)
# The hedge after the guess: "SI-NEN - small intestinal NEN I assume?"
GUESS_TRAILING = re.compile(r"(?P<slot>.+?)(?:\s+[-\u2013\u2014]+\s+|[:,;.?!]+\s+)(?P<guess>[^?!]+?),?\s+i\s+(?:assume|presume|think|guess|suppose|believe"
                            r"|take\s+it|reckon)", re.IGNORECASE)
# The guess the other way round: "is radioembolisation abbreviated as RE here?" asks about the long form.
REVERSE_GUESS = re.compile(r"(?:is|are)\s+(?P<long>.+?)\s+(?:abbreviated|shortened|written)\s+(?:as|to)\s+(?P<t>\S+)"
                           + MET.join(("(?:", ")?")), re.IGNORECASE)
# Asking whether two terms differ is asking for both definitions: "is TARE the same as RE",
# "difference between TACE and TAE", "PVE or PVL - what's the difference" -> "TARE vs RE";
# the listed terms must still each be one.
# A hedge before "the same" asks no more ("is OLT just the same as a liver transplant"), nor does a closing
# "or different" / "or not" add a term ("is panNEN the same thing as SI-NEN or different").
_HEDGE = r"(?:(?:just|really|exactly|basically|simply|actually|essentially)\s+)?"
_OR_NOT = r"(?:,?\s+or\s+(?:not|different|something\s+else))?"
SAME_AS = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?differences?\s+between\s+(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+)",
    (r"(?:is|are)\s+(?P<a>.+?)\s+(?:" + _HEDGE + r"the\s+same(?:\s+thing)?\s+as|different\s+from|another\s+name\s+for)\s+(?P<b>.+?)"
     + _OR_NOT),
    r"how\s+(?:is|are|does|do)\s+(?P<a>.+?)\s+(?:different\s+from|differ\s+from|compare\s+(?:to|with))\s+(?P<b>.+)",
    # the term first, then a pronoun: "TACE - is that the same as chemoembolisation?"
    (r"(?P<a>.+?)" + PUNCTUATED + r"(?:is|are)\s+(?:that|it|this|they)\s+(?:the\s+same(?:\s+thing)?\s+as|different\s+from"
     r"|another\s+name\s+for)\s+(?P<b>.+)"),
    (r"(?P<a>.+?)\s+(?:or|and|vs\.?|versus)\s+(?P<b>.+?)" + BREAK
     + r"what\s+is\s+the\s+difference(?:\s+between\s+(?:them|the\s+two))?"),
    # both terms as the subject: "are TACE and TAE the same (thing)?", "are PVE and PVL different?"
    (r"(?:is|are)\s+(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+?)\s+(?:the\s+same(?:\s+things?)?|(?:any\s+)?different|identical"
     r"|interchangeable)"),
    # the question cut to its terms and one word: "TACE and TAE - same?", "PVE vs PVL: different or not?"
    (r"(?P<a>.+?)\s+(?:and|&|or|vs\.?|versus)\s+(?P<b>.+?)" + BREAK + r"(?:(?:are|is)\s+(?:they|these|those|the\s+two|it)\s+)?"
     r"(?:the\s+)?(?:same|different|identical|interchangeable)(?:\s+thing)?(?:\s+or\s+(?:not|different|same))?"),
    # "=" read as "means" in a yes/no question: "is TARE = RE here?" asks whether two short forms are one
    r"(?:is|are)\s+(?P<a>[^\W_]+(?:-[^\W_]+)*)\s+(?:means|equals?(?:\s+to)?)\s+(?P<b>(?-i:[A-Z][^\W_]*[A-Z][^\W_]*))(?:\s+here)?",
    # one spelling a slip for the other: "is PPRT a typo for PRRT?", "pprt typo for prrt"
    (r"(?:is\s+)?(?P<a>[^\W_]+(?:-[^\W_]+)*)\s+(?:(?:is|was)\s+)?(?:an?\s+|just\s+an?\s+)?(?:typo|misprint|misspelling|slip)"
     r"\s+(?:for|of)\s+(?P<b>[^\W_]+(?:-[^\W_]+)*)"),
    # which of two spellings is the right one: "PRRT or PPRT - which is the right abbreviation?"
    (r"(?P<a>.+?)\s+(?:or|vs\.?|versus)\s+(?P<b>.+?)" + BREAK + r"which\s+(?:one\s+)?is\s+(?:the\s+)?(?:right|correct"
     r"|proper|standard|usual)(?:\s+(?:one|abbreviation|acronym|spelling|form|term))?"),
)]
# Whether a term is some thing ("is PRRT the same as radiotherapy?", "is TACE a kind of chemotherapy?")
# is answered by what the term stands for, even when the thing is no term.
_IS_LIKE = (r"(?:" + _HEDGE + r"the\s+same(?:\s+thing)?\s+as|different\s+from|another\s+name\s+for|an?\s+(?:kind|type|form|sort)\s+of)"
            r"\s+(?P<b>.+?)" + _OR_NOT)
IDENTITY = re.compile(r"(?:is|are)\s+(?P<a>\S+)\s+" + _IS_LIKE, re.IGNORECASE)
# The same with the term said first: "TACE - is that the same as chemoembolisation?"
IDENTITY_AFTER = re.compile(r"(?P<a>\S+)" + PUNCTUATED + r"(?:is|are)\s+(?:that|it|this|they)\s+" + _IS_LIKE, re.IGNORECASE)


# Whether a term differs, with what it differs from left to the context: "is PVL different?"
DIFFERENT = re.compile(r"(?:is|are)\s+(?P<a>\S+)\s+(?:any\s+|very\s+)?different(?:\s+(?:then|at\s+all|though))?", re.I)
# The same with the term said first: "TAE, what is the difference (in the name)?" ("which is the difference", as
# speakers of languages with one word for both ask it)
# Or whether it is the same as the term before: "ok and TAE is that diff or same thing" ("diff" is read "different").
DIFFERENCE_AFTER = re.compile(r"(?P<a>\S+)(?:" + PUNCTUATED + r"(?:what|which)(?:'s|\s+is)\s+the\s+difference(?:\s+in\s+(?:the\s+)?"
                              r"(?:names?|letters|meanings?|words|abbreviations?))?|(?:" + PUNCTUATED + r"|\s+)(?:is|are)\s+(?:that|it|this)"
                              r"\s+(?:any\s+)?(?:different|(?:the\s+)?same)(?:\s+thing)?(?:\s+or\s+(?:the\s+)?(?:same|different)(?:\s+thing)?)?)",
                              re.I)


# Whether a term is one kind of treatment or another: "is RE resection or something radiological?", "is TACE a
# drug?". What the term stands for says which it is. An evaluation ("is TACE a good treatment?") is no such question.
_KIND = (r"(?:drugs?|medicines?|medications?|operations?|surgery|surgical|resections?|procedures?|scans?|tests?|treatments?"
         r"|therap(?:y|ies)|radiolog\w*|radiation|chemo\w*|injections?|tablets?|pills?)")
KIND_GUESS = re.compile(r"(?:is|are)\s+(?P<a>\S+)\s+(?:just\s+|really\s+|actually\s+|basically\s+)?(?:an?\s+|some\s+)?" + _KIND
                        + r"(?:\s+or\s+(?:an?\s+|some\s+)?(?:something|(?:some\s+)?(?:kind|type|sort|form)\s+of)?\s*[\w-]+)?", re.I)


# The first term asked for by its own frame before the pointer compares it: "what does TAE mean, is it the same thing
# as TACE?" asks both.
_ASKED_FIRST = re.compile(r"what\s+(?:(?:does|do|did)\s+(?P<t>\S+)\s+(?:mean|stand\s+for)|(?:is|are)\s+(?P<u>\S+)"
                          r"(?:\s+(?:short|stands?)\s+for)?)", re.IGNORECASE)


def compared(text: str) -> str:
    """Whether two terms differ, asked as "X vs Y": "is TARE the same as RE" -> "TARE vs RE"."""
    opened = CONJUNCTION.sub("", text)  # "and how is it different from PVE?"
    for pattern in SAME_AS:
        m = pattern.fullmatch(opened)
        if m:
            first = _ASKED_FIRST.fullmatch(m.group("a"))
            return f"{(first.group('t') or first.group('u')) if first else m.group('a')} vs {m.group('b')}"
    return text


# A sentence or clause setting terms already named beside each other: "is it the same thing", "is that a typo or a
# different thing?", "are they diffrent things?" ("is it used for NELM?" asks about the term itself, in the text).
_ABOUT_IT = re.compile(r"(?:and\s+)?(?:(?:is|are|was|were|does|do)\s+(?:it|that|this|they|those|these|both|the\s+two)"
                       r"|how(?:\s+(?:does|do|is|are)|'s|\u2019s)\s+(?:it|its|their|they|that|this)\b(?:\s+\w+)?)\b", re.I)  # "how does its expansion differ"
SAME_OR_NOT = re.compile(r"\b(?:same|dif+e?r\w*|typo|another\s+name)\b", re.I)


def sets_beside(text: str) -> bool:
    """Does `text` (a sentence or clause after the terms) only ask whether they are the same thing?"""
    return bool(_ABOUT_IT.match(text.strip()) and SAME_OR_NOT.search(text))


# Terms set side by side, then a frame asking one of them: "TAE vs TACE - what's TAE stand for exactly?" asks to tell
# them apart, so both are defined.
_LISTED_THEN_ASKED = re.compile(r"(?P<listed>.+?)" + PUNCTUATED + r"(?P<asked>(?:what|wat|which|how)\b.+)", re.IGNORECASE)


def one_of_listed(text: str, glossary: Glossary, read: Callable[[str], tuple[str, ...]],
                  clean: Callable[[str, Glossary], str]) -> tuple[str, ...]:
    """The listed terms, when the clause after them asks for one of them (`read` reads that clause's terms)."""
    m = _LISTED_THEN_ASKED.fullmatch(text)
    listed = [clean(p, glossary) for p in SEPARATOR.split(m.group("listed"))] if m else []
    if len(listed) < 2 or not all(p and is_abbreviation(p, glossary) for p in listed):
        return ()
    asked = read(m.group("asked"))
    keys = {short_key(p) for p in listed}
    return tuple({short_key(p): p for p in listed}.values()) if asked and all(short_key(t) in keys for t in asked) else ()
