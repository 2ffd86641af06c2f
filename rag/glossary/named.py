"""The short forms a question names, and whether its words ask for their expansions.

In: a question and the glossary. Out: which tokens are short forms (`is_abbreviation`), which the
glossary holds (`short_forms_in`: what "what does that stand for?" may point back to), and which the
question's own words ask to be written out when no frame of rag/glossary/frames.py reads it
(`cued_forms`: "PVE and PVL - what are they short for?", "expand PVE, PVL and ALPPS"). Split from
rag/glossary/questions.py, which reads the frames.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.core.text import STOP_WORDS
from rag.glossary.frames import QUOTES
from rag.glossary.keys import short_key, typed_as_word, typing_slip

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["cued_forms", "is_abbreviation", "short_forms_in"]


# Words that ask about a term's form wherever they stand in the question, so a known short form
# beside them is asked about even when no frame of rag/glossary/frames.py parses the sentence ("the letter says TACE
# is planned, can someone tell me what the abbreviation means", "PVE and PVL - what are they short
# for?"). "mean" counts only closing its clause ("what do they mean?"), never before an object
# ("what does TACE mean for survival?"), nor after "that", which may point at a statement ("the
# review says OLT is restricted, what does that mean?"). Words with another common sense count
# only in the abbreviation one ("letters", not one's letters from a clinic; "expand it", not a
# liver that expands after PVE).
FORM_CUE = re.compile(r"\b(?:stands?\s+for|short\s+for|shorthand\s+for|abbreviations?|abbreviated|abbreviate|acronyms?"
                      # its chat clippings (frames.TEXT_SPEAK): "NELM - abbrev as used in abstract?"
                      r"|(?:abbrev|abbrv|abbr)s?\b\.?"
                      r"|initials|(?:full|long|expanded)[\s-]+(?:form|name|version)s?|(?:full|expanded)[\s-]+(?:terms?|words)"
                      r"|long[\s-]+words?\s+for"  # a learner's "the long word for this"
                      # the whole of a short form: "what's the whole thing?"
                      r"|(?:what(?:'s|\s+is)|give\s+me)\s+the\s+whole\s+(?:thing|name|term|word|form)"
                      # "expansion" qualified as a written form's ("the full expansion, pls"), not a lung's
                      r"|(?:full|formal|complete|proper)\s+expansions?(?!\s+of\s+(?:the|a|an|his|her|their|its)\b)"
                      # and plural after "the": an organ grows by one expansion ("need the expansions" for a list of forms)
                      r"|(?<=the\s)expansions(?!\s+of\s+(?:the|a|an|his|her|their|its)\b)"
                      # "long term" names a form only with its complement ("the long term for PVL"), never "long-term survival"
                      r"|long\s+terms?(?=\s+(?:for|of)\b)"
                      # "spell out" in its letters sense; "spell out the criteria" / "what it means" is to explain in detail
                      r"|spel(?:led|t|l)\s+(?:(?:it|them|that|those|these|both|all)\s+){0,2}out"
                      r"(?!\s+(?:the|a|an|your|his|her|their|what|how|why|which|when|in\s+detail|for\s+(?!me|us|you)\w+)\b)|written\s+out(?=\s*(?:[?.!]|$|in\s+full))|(?:every|each)\s+letter"
                      # "letters" and "expand" in their abbreviation sense only: not one's letters from a
                      # clinic, not a liver that expands after PVE
                      r"|(?<!my\s)(?<!our\s)(?<!his\s)(?<!her\s)(?<!their\s)letters(?!\s+(?:from|to|of\s+referral)\b)"
                      r"|(?:(?:can|could|would)\s+(?:you|u)\s+|please\s+|pls\s+)expand\b"
                      r"|expand\s+(?:it|that|this|them|those|these|both|all\s+of\s+them|each|on\s+(?:it|that|this))\b|expansion\s*[?.!]*\s*$"
                      # a written form as what expands: "what does it expand to?" ("the FLR expands to what volume" grows)
                      r"|\b(?:does|do)\s+(?:it|that|this|they|those|these)\s+expand\s+to\b(?!\s*(?:\d|about|around|over|almost|nearly|at\s+least))"
                      # (after "that", "this", "it", with or without an intensifier, "mean" asks about a statement)
                      r"|meaning|(?<!that\s)(?<!this\s)(?<!\bit\s)(?<!that\seven\s)(?<!this\seven\s)(?<!\bit\seven\s)"
                      r"(?<!that\sactually\s)(?<!\bit\sactually\s)(?:mean|means)(?=\s*(?:[?.!,;]|$|exactly\b|here\b|again\b)))\b",
                      re.IGNORECASE)


# What marks a form as half remembered, and a token shaped as a short form (two capitals or more).
_HEDGED = re.compile(r"\bor\s+something(?:\s+like\s+(?:that|it))?|\bsomething\s+like\s+(?:that|it)\b|\bnot\s+sure\s+(?:of|about)"
                     r"\s+the\s+spelling|\bi\s+think\s+it\s+was\b|\bcan'?t\s+remember\s+(?:exactly|the\s+spelling)", re.I)
_CAPITALS = re.compile(r"(?<![\w-])[A-Z][A-Za-z-]*[A-Z][A-Za-z-]*(?![\w-])")


# "Where/how does X stand (for Y)?" asks its position or its state, whatever "stand for" says elsewhere.
_STANDING = re.compile(r"\s*(?:where|how)\s+(?:does|do|did|would|should|will)\s+\S+(?:\s+\S+)?\s+stand\b", re.I)


def cued_forms(question: str, glossary: Glossary) -> tuple[str, ...]:
    """The known short forms of a question no frame parses but whose words ask about a form
    (`FORM_CUE`): "PVE and PVL - what are they short for?" -> ("PVE", "PVL"). Only terms the glossary
    holds as typed (or a variant) count: a slip is no evidence where no frame vouches for a term."""
    if _STANDING.match(question):
        return ()  # "Where does OLT stand for NELM?" asks its place, not its letters
    forms = short_forms_in(question, glossary)
    if not forms and FORM_CUE.search(question) and _HEDGED.search(question):
        # a form the asker says they half remember is vouched for as a slip: "ALPS or ALLPS or something like that"
        slips = [t for t in _CAPITALS.findall(question) if glossary.lookup(t).match_kind == "fuzzy"]
        return tuple(slips[:1])
    if not forms or FORM_CUE.search(question):
        return forms
    # "expand" and "expansion" have other senses ("the remnant's expansion after PVE"), so they ask for
    # a form only with the short forms as their object or subject: "the expansion of 'SA'", "expand PVE,
    # PVL and ALPPS", "ALPPS expanded", "ALPPS in full"
    asked = [m.group("l") for i, cue in enumerate(_CUES) if cue.search(question)
             for m in _form_pattern(forms, i).finditer(question)]
    return tuple(f for f in forms if any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", a) for a in asked))


@lru_cache(maxsize=512)
def _form_pattern(forms: tuple[str, ...], which: int) -> re.Pattern[str]:
    """One of the three ways of asking for these forms' expansion, compiled once per set of forms, and only for a
    question holding its cue word (`_CUES`): each costs ~0.5 ms to compile, a question names few forms, and the
    same ones recur."""
    named = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    listed = rf"[{QUOTES}]*{named}[{QUOTES}]*(?:\s*(?:,|and|&|/|or)\s*(?:and\s+)?[{QUOTES}]*{named}[{QUOTES}]*)*"
    return re.compile((_EXPANSION_OF, _EXPANDED, _UNKNOWN_MEANING)[which].format(l=listed), re.I)


# A short form after an article or an auxiliary is a thing that grows ("the expansion of the FLR",
# "has the FLR expanded by 30%?"); one named bare is a written form ("expansion of NELM").
_EXPANSION_OF = (r"\bexpan(?:d|sions?)\s+(?:(?:of|for)\s+)?(?:the\s+(?:abbreviations?|acronyms?|terms?)\s+)?"
                 r"(?P<l>{l})")
_EXPANDED = (r"(?<!\bthe\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bwill\s)(?P<l>{l})\s+"
             r"(?:expanded|in\s+full)\b(?!\s+(?:by|after|to|from|more|less|enough|sufficiently|well)\b)")
# A definition asked as what the asker does not know, anywhere in a story: "and I have no idea what NELM is",
# "not sure what PVL means".
_UNKNOWN_MEANING = (r"\b(?:no\s+idea|no\s+clue|(?:don'?t|do\s+not|didn'?t|did\s+not)\s+(?:\w+ly\s+)?(?:know|understand|get)|"
                    r"not\s+sure|unsure|wonder\w*)\s+what\s+(?:an?\s+|the\s+)?(?P<l>{l})\s+(?:is|are|was|means?|stands?\s+for)\b")
# A word each pattern cannot match without (so a question lacking it compiles and runs nothing).
_CUES = (re.compile(r"expan", re.I), re.compile(r"expanded|in\s+full", re.I),
         re.compile(r"\b(?:idea|clue|know|understand|get|sure|unsure|wonder\w*)\b", re.I))


def short_forms_in(text: str, glossary: Glossary) -> tuple[str, ...]:
    """The short forms the glossary holds (as typed, or a variant) that `text` names, in order:
    what a pointer in the next turn ("what does that stand for?") may point back to."""
    def names(form: str) -> bool:
        return bool(form) and glossary.short_match(form) is not None and is_abbreviation(form, glossary)

    found: dict[str, str] = {}
    matches = list(_TOKEN.finditer(text))
    tokens, i = [m.group().strip(QUOTES + "-") for m in matches], 0
    while i < len(tokens):
        # a form typed in two pieces ("pan nen", "SI NEN") is that form, not its last piece; pieces apart by a space
        # only, the first no clitic ("there's SA" is no "sSA")
        apart = (i + 1 < len(tokens) and text[matches[i].end():matches[i + 1].start()].isspace()
                 and not re.match(r"\w['\u2019]$", text[max(matches[i].start() - 2, 0):matches[i].start()]))
        pair = tokens[i] + tokens[i + 1] if apart else ""
        if names(pair) and not glossary.lookup(tokens[i]).matches:
            found.setdefault(short_key(pair), f"{tokens[i]} {tokens[i + 1]}")
            i += 2
            continue
        if names(tokens[i]):
            found.setdefault(short_key(tokens[i]), tokens[i])
        i += 1
    return tuple(found.values())


# A token as a short form may be typed: letters and digits, joined by hyphens ("SI-NEN", "IFN-α").
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def is_abbreviation(term: str, glossary: Glossary) -> bool:
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
