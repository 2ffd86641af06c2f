"""The chat's side of the glossary: spotting an abbreviation question (the reply's wording is
in rag/glossary/replies.py).

In: the user's question and a `Glossary` (rag/glossary/store.py). Out:
`parse_glossary_terms(question, glossary)` -> the terms asked about (empty when it is no
abbreviation question; `parse_glossary_question` gives the first, or None).

How a question is read, in three steps:
1. its frame words are put into standard spelling (`_TEXT_SPEAK`: "wats" -> "what is",
   "stands 4" -> "stands for", "SI-NEN =" -> "SI-NEN means"); a token typed as an
   abbreviation ("WAT", "U") is never touched, so no term is rewritten;
2. the frame is matched. Phrasings that only make sense about an abbreviation ("What does X
   stand for?", "full form of X") are always routed; generic ones ("what is X", "define X",
   "X?") only when X is, or looks like, a short form, so "What is the role of TACE in
   unresectable NELM?" stays a content question;
3. a term that is no entry itself is split on "and", "or", "vs", ",", "/" ("TACE vs TAE",
   "define OLT, RE"); the split counts only when every part is a term on its own.

A term typed like an English word (no capital after its first letter, no digit) is a short
form only when it could not be the word: three letters or more, no stop word, and either a short form
the glossary holds ("tace", "pvl") or a one-keystroke slip of one ("allps"). So "re", "sa" and
"who" in lower case stay words, as do near-miss words such as "tale" (one letter off TAE).

It never looks anything up itself beyond `Glossary.lookup`, and never guesses: a typo is
answered with the labelled "did you mean" the lookup offers. `Glossary` is imported only for
type checking: rag/glossary/store.py does not import this module, and this module needs no
more of it than `lookup`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.core.text import STOP_WORDS
from rag.glossary.keys import short_key, typed_as_word, typing_slip

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["parse_glossary_terms", "parse_glossary_question"]

# Chat spellings of the words that frame a question, each as people type it in chat and search
# boxes ("wat", "u", "4" for "for"), and common slips of those words. Only frame words belong
# here: no entry may be a spelling of a medical term.
_TEXT_SPEAK = {
    "wat": "what", "wot": "what", "wut": "what", "wht": "what", "whta": "what",
    "whats": "what is", "wats": "what is", "wots": "what is", "wuts": "what is", "what's": "what is",
    "wat's": "what is", "whts": "what is",
    "r": "are", "u": "you", "ur": "your", "n": "and", "4": "for", "teh": "the",
    "pls": "please", "plz": "please", "abbr": "abbreviation", "abbrev": "abbreviation",
    "abbrv": "abbreviation", "defn": "definition", "meanin": "meaning",
}
# "4" is "for" only as a preposition, between or after words ("stands 4", "short 4 TACE"),
# never in a number or a grade ("stage 4", "G 4" keep their digit).
_DIGIT_WORDS = {"4"}
_SYMBOLS = [(re.compile(r"\s*=+\s*"), " means "), (re.compile(r"\s*&\s*"), " and ")]

# Phrasings that only make sense about an abbreviation: route whatever the term is.
_FORM = r"(?:abbreviation|acronym|short\s+form|full\s+form|long\s+form)s?"
# "... in the figure legend", "... in this review": where the reader met the term.
_WHERE = (r"(?:\s+(?:in|within|according\s+to)\s+(?:the|this|that|figure|fig\.?|its)\b.*"
          r"|\s+(?:here|there))?")
# The same after a long form, which may itself hold "in": only where a document part is named.
_WHERE_AFTER = (r"(?:\s+(?:in|within)\s+(?:the\s+|this\s+)?(?:figure|fig\.?|legend|abstract|review|paper|article|"
                r"caption)\b.*)?")
_ALWAYS = [re.compile(p, re.IGNORECASE) for p in (
    r"what\s+(?:does|do|did)\s+(?P<t>.+?)\s+stands?\s+for(?:\s+(?:in|within|according\s+to)\s+.+)?",
    r"(?:(?:tell\s+me\s+|explain\s+)?what(?:\s+is)?\s+)?(?P<t>.+?)\s+stands?\s+for(?:\s+(?:in|within|according\s+to)\s+.+)?",
    r"what\s+(?:is|are)\s+(?P<t>.+?)\s+abbreviated(?:\s+as|\s+to)?(?:\s+in\s+.+)?",
    r"(?:what|which)\s+(?:abbreviation|acronym|short\s+form)\s+(?:does|do|is)\s+(?:.+?\s+)?(?:use|used)\s+for\s+(?P<t>.+)",
    r"what\s+(?:is|are|'s)\s+(?P<t>.+?)\s+(?:short\s+for|an?\s+(?:abbreviation|acronym)\s+for)",
    # "the abbreviation (used) for X", "what is the full form of X"
    r"(?:what\s+(?:is|are)\s+|what's\s+|give\s+me\s+)?(?:the\s+)?" + _FORM
    + r"\s+(?:(?:that\s+is\s+|which\s+is\s+)?used\s+)?(?:for|of)\s+(?P<t>.+?)" + _WHERE_AFTER,
    r"how\s+(?:is|are)\s+(?P<t>.+?)\s+abbreviated",
    r"(?P<t>.+?)\s+" + _FORM,
    r"how\s+(?:do\s+you|do\s+i|to)\s+abbreviate\s+(?P<t>.+)",
)]
# Generic definitional phrasings: route only a known short form or an abbreviation-shaped token,
# so "What is the role of TACE in unresectable NELM?" stays a content question.
_IF_ABBREVIATION = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:meaning|definition|expansion)\s+of\s+(?P<t>.+?)" + _WHERE,
    r"(?:please\s+)?(?:define|expand|spell\s+out)\s*:?\s+(?P<t>.+?)" + _WHERE,
    # "does TAE mean transarterial embolization?": a guess at the expansion, answered with it
    r"(?:does|do)\s+(?P<t>\S+)\s+(?:stand\s+for|mean)\s+.+",
    r"what\s+(?:does|do)\s+(?P<t>.+?)\s+means?" + _WHERE,  # "what does X means": a common agreement slip
    # "what is meant by X", "what do you / does the review mean by X"
    r"what\s+(?:(?:is|are)\s+meant|(?:do|does)\s+(?:the\s+)?\w+\s+mean)\s+by\s+(?P<t>.+?)" + _WHERE,
    r"(?:what\s+(?:is\s+)?)?(?P<t>.+?)\s+(?:means?|meaning|definition|(?:full|long)\s+name)(?:\s+what)?" + _WHERE,
    # "PVL - what is that?", "SA, what is it?"
    r"(?P<t>.+?)\s*[-\u2013\u2014:,]?\s+what\s+(?:is|are)\s+(?:that|this|it|they|those)" + _WHERE,
    # "what does X refer to", "X refers to", "the full name of X"
    r"what\s+(?:does|do)\s+(?P<t>.+?)\s+refers?\s+to" + _WHERE,
    r"(?P<t>.+?)\s+refers?\s+to" + _WHERE,
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:full|long|whole)\s+name\s+(?:of|for)\s+(?P<t>.+?)" + _WHERE,
    # an embedded question, once "can you tell me" is off: "what MWA is"
    r"what\s+(?P<t>.+?)\s+(?:is|are|means?)" + _WHERE,
    r"(?:what\s+is|what's|whats|what\s+are)\s+(?P<t>.+?)" + _WHERE,
    r"(?P<t>.+?)" + _WHERE,
)]
# "the ALPPS procedure": a noun after a short form that says what kind of thing it is.
_KIND_NOUNS = {"procedure", "technique", "therapy", "treatment", "approach", "operation", "surgery", "drug",
               "drugs", "classification", "criteria", "score", "grade", "trial"}
# Words that name an abbreviation as such ("the letters TACE", "the acronym RE").
_TERM_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:abbreviations?|acronyms?|terms?|letters|initials|short\s+forms?)\s+)?"
                          r"(?:an?\s+|the\s+)?", re.IGNORECASE)
# How English lists or contrasts several terms: "X and Y", "X, Y", "X/Y", "X vs Y", "X or Y".
_SEPARATOR = re.compile(r"\s*[,;/]\s*(?:(?:and|or)\s+)?|\s+(?:and|or|vs\.?|versus|v\.?)\s+", re.IGNORECASE)
# "(the) difference between X and Y": names the terms to compare, in an abbreviation frame.
_COMPARISON_LEAD = re.compile(r"^(?:the\s+)?differences?\s+between\s+", re.IGNORECASE)
_QUOTES = " \"'“”‘’`*"
# What frames a request without asking anything: greetings, "can you tell me", "please",
# "thanks". Off before the frame is matched: "can u tell me what MWA is" asks "what MWA is".
_COURTESY_LEAD = re.compile(r"^(?:(?:hi|hello|hey)\b[,!.]?\s*)?(?:please\s+)?(?:(?:can|could|would)\s+you\s+"
                            r"(?:please\s+)?|do\s+you\s+know\s+|i\s+(?:want|would\s+like|need)\s+to\s+know\s+"
                            r"|i\s+(?:do\s+not|don't|dont|didn't|did\s+not)\s+(?:know|understand)\s+)?"
                            r"(?:(?:tell|remind)\s+me\s+|explain\s+(?=what\b))?", re.IGNORECASE)
_COURTESY_TAIL = re.compile(r"[,\s]+(?:please|thanks|thank\s+you|thx|ty|for\s+me)\s*$", re.IGNORECASE)
# Where the reader met the term, put first: "in figure 2, what does PPRT stand for".
_CONTEXT_LEAD = re.compile(r"^(?:(?:in|on)\s+(?:the\s+)?(?:figure|fig\.?|legend|abstract|review|paper|caption)"
                           r"(?:\s+\d+)?\s*,\s*)?", re.IGNORECASE)
# A conversational opening ("and what does ALPPS stand for?"): dropped before the frames that
# only an abbreviation question has; before a bare "And TAE?" it marks a follow-up instead.
_CONJUNCTION = re.compile(r"^(?:and|also|so|then|ok|okay)\b[,\s]*", re.IGNORECASE)
# Asking whether two terms differ is asking for both definitions: "is TARE the same as RE",
# "difference between TACE and TAE" -> "TARE vs RE"; the listed terms must still each be one.
# A yes/no guess at what a short form stands for, without "mean": "is RE radioembolization?",
# "is PVL short for portal vein ligation?". Only a guess the glossary reads as a long form
# counts, so "Is RE better than TACE?" and "is TACE safe?" stay content questions.
_GUESS = re.compile(r"(?:is|are)\s+(?P<t>\S+)\s+(?:(?:short|shorthand)\s+for\s+|an?\s+(?:abbreviation|acronym)"
                    r"\s+(?:for|of)\s+|the\s+(?:abbreviation|acronym)\s+(?:for|of)\s+)?(?P<guess>.+)", re.IGNORECASE)
_SAME_AS = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?differences?\s+between\s+(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+)",
    r"(?:is|are)\s+(?P<a>.+?)\s+(?:the\s+same(?:\s+thing)?\s+as|different\s+from|another\s+name\s+for)\s+(?P<b>.+)",
)]


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
    text = _standard_frame(question)
    for patterns, strict in ((_ALWAYS, False), (_IF_ABBREVIATION, True)):
        for pattern in patterns:
            m = pattern.fullmatch(text if strict and not alone else _CONJUNCTION.sub("", text))
            if m:
                terms = _terms(m.group("t"), glossary, strict)
                if terms:
                    return terms
    guess = _GUESS.fullmatch(_CONJUNCTION.sub("", text))
    if guess and _is_abbreviation(guess.group("t"), glossary) and glossary.lookup(
            guess.group("guess")).match_kind == "reverse":
        return (guess.group("t"),)
    return ()


def parse_glossary_question(question: str, glossary: Glossary) -> str | None:
    """The (first) term of a glossary-style question, else None; see `parse_glossary_terms`."""
    terms = parse_glossary_terms(question, glossary)
    return terms[0] if terms else None


def _standard_frame(question: str) -> str:
    """Whitespace and apostrophes evened out, trailing punctuation dropped, and every
    `_TEXT_SPEAK` word typed like a word (never "WAT" or "U") in its standard spelling:
    "wats PVL?" -> "what is PVL", "PVL stands 4" -> "PVL stands for"."""
    text = question.replace("\u2019", "'").strip().rstrip("?.! ")
    for pattern, word in _SYMBOLS:
        text = pattern.sub(word, text)
    text = _standard_words(text)
    text = _COURTESY_TAIL.sub("", _COURTESY_LEAD.sub("", _CONTEXT_LEAD.sub("", text))).rstrip("?.! ").strip() or text
    for pattern in _SAME_AS:
        m = pattern.fullmatch(text)
        if m:
            return f"{m.group('a')} vs {m.group('b')}"
    return text


def _standard_words(text: str) -> str:
    """Each `_TEXT_SPEAK` word typed like a word in its standard spelling (see above)."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        standard = _TEXT_SPEAK.get(word.casefold()) if _typed_as_frame_word(word) else None
        if standard and word in _DIGIT_WORDS:
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            if not (before.isalpha() and before.islower() and (not after or after.isalpha())):
                standard = None
        out.append(standard or word)
    return " ".join(out).rstrip("?.! ").strip()


def _typed_as_frame_word(word: str) -> bool:
    """"wats", "Wats", "4", "u" may be chat spellings; "WAT", "U" (capitals) may be terms."""
    if len(word) == 1 and word.isalpha():
        return word.islower()
    return typed_as_word(word)


def _terms(raw: str, glossary: Glossary, strict: bool) -> tuple[str, ...]:
    """The term(s) in a frame's slot: the whole slot when it is one term, else its parts when
    every part is one; in an abbreviation-only frame (`strict` False) the whole slot anyway."""
    term = _clean(raw, glossary)
    if not term or len(term.split()) > 14:
        return ()
    if strict:
        def accept(t: str) -> bool:
            return _is_abbreviation(t, glossary)
    else:
        def accept(t: str) -> bool:
            return bool(glossary.lookup(t).matches) or _is_abbreviation(t, glossary)
    if glossary.lookup(term).matches and accept(term):
        return (term,)  # an entry, even one holding "and" or "/" ("PET/CT", "... partition and ...")
    listed = term if strict else _COMPARISON_LEAD.sub("", term)
    parts = [_clean(p, glossary) for p in _SEPARATOR.split(listed)]
    if len(parts) > 1 and all(p and accept(p) for p in parts):
        first: dict[str, str] = {}
        for part in parts:
            first.setdefault(short_key(part), part)  # "TACE and tace" asks once
        return tuple(first.values())
    if accept(term) or not strict:
        return (term,)
    return ()


def _clean(raw: str, glossary: Glossary) -> str:
    """Quotes, a leading "the abbreviation", and a trailing kind noun ("ALPPS procedure") off."""
    term = _TERM_PREFIX.sub("", raw.strip(_QUOTES)).strip(_QUOTES)
    head, _, kind = term.rpartition(" ")
    if head and kind.lower() in _KIND_NOUNS and _is_abbreviation(head, glossary):
        term = head  # "ALPPS procedure meaning"
    return term


def _is_abbreviation(term: str, glossary: Glossary) -> bool:
    """A short form the glossary knows, or a token only an abbreviation could be.

    Typed like an English word ("tace", "re", "Who"; a digit, as in "g3", rules that out), a
    term counts only when it cannot be the word: >= 3 characters, no stop word, and a known short form or a `typing_slip` of one of
    >= 4 letters ("allps"; not "tea" for TAE, not "tale" or "alps", which are words).
    """
    lookup = glossary.lookup(term)
    if typed_as_word(term) and not any(c.isdigit() for c in term):  # "g3", "ki-67" are no words
        key = short_key(term)
        if len(key) < 3 or term.casefold() in STOP_WORDS:
            return False
        if lookup.match_kind in ("exact", "variant"):
            return True
        return (len(key) >= 4 and lookup.match_kind == "fuzzy"
                and any(typing_slip(key, short_key(s)) for s in lookup.did_you_mean))
    if lookup.match_kind in ("exact", "variant"):
        return True
    return " " not in term and len(term) <= 12 and sum(c.isupper() for c in term) >= 2
