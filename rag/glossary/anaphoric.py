"""Frames that point back: "PVL - what is that?", "my letter says she needs TACE, what does that mean?".

In: nothing (patterns only). Out: `ANAPHORIC` (the frames, each with the slot `t` before the pointer), `ANAPHORIC_THING`
(the one asking what a thing is), `POINTER` (a slot that is only a pointer: "what does that one stand for?", which the
router points back at the earlier turn) and `PLURAL_POINTER`. The reading, which finds the referent in the slot, is
rag/glossary/pointers.py; the frames that name their term are in rag/glossary/frames.py.
"""

from __future__ import annotations

import re

from rag.glossary.frames import BREAK, DOES as _DOES, MET, PUNCTUATED

__all__ = ["ANAPHORIC", "ANAPHORIC_THING", "POINTER", "PLURAL_POINTER"]

# "PVL - what is that?", "my letter says she needs TACE, what is that?", "... says NELM, what
# does that mean?": a pronoun that points back. Its referent is the slot when the slot is a
# term, else the slot's last word (the nearest antecedent) when that is an abbreviation.
_PRONOUN = r"(?:that|this|it|they|them|those|these)"
# A pronoun with the noun it stands for: "those letters", "these terms", "that abbreviation".
# A quantifier may float after a plural pronoun: "what do they each / both / all stand for"; a count may follow
# "these" or "those" ("what are these two?").
# It may float before it too, with "of": "what both of those are", "all of these".
# "The letters" point back as "those letters" do: "MELD score - what do the letters mean".
# A distributive quantifier stands for the terms on its own too: "PVL and PVE, what means each one?", "what do both mean?"
_POINTER = (r"(?:the\s+(?:(?:extra|other|different|additional)\s+letters?|letters|initials|abbreviations?|acronyms?)"
            r"|each(?:\s+one)?|both|(?:(?:both|all|each)\s+(?:of\s+)?)?" + _PRONOUN
            # a plural pronoun may be counted: "what are these two?"
            + r"(?:(?<=these|those)\s+(?:two|three|four|[2-4]))?"
            + r"(?:\s+(?:ones?|letters|initials|terms?|words?|abbreviations?|acronyms?))?(?:\s+(?:each|both|all))?)")
# The same as a whole slot: a frame whose term is only a pointer ("what does that one stand for?") names no
# term of its own, and the router points it back at the earlier turn's short forms
POINTER = re.compile(_POINTER, re.IGNORECASE)
# Plural pointers ask about every abbreviation before them ("panNEN with NELM. explain these terms").
PLURAL_POINTER = re.compile(r"\b(?:they|them|those|these|each|both)\b", re.IGNORECASE)
# "What is that?" asks what a thing is, so "that" may be the slot's only abbreviation
# ("booked for ALPPS next month. what's that"); "what does that mean?" may ask about the whole
# statement ("it says OLT is restricted to selected cases, what does that mean?"), so only
# the last word counts there.
# Asked straight or embedded in a request: "..., what are those", "... can you tell me what both of those are".
ANAPHORIC_THING = re.compile(r"(?P<t>.+?)" + BREAK + r"(?:(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?)?"
                             r"(?:tell\s+me|explain)\s+|do\s+you\s+know\s+)?"
                             rf"what\s+(?:(?:is|are)\s+{_POINTER}|{_POINTER}\s+(?:is|are))(?:\s+exactly)?",
                             re.IGNORECASE)
ANAPHORIC = [ANAPHORIC_THING] + [re.compile(p, re.IGNORECASE) for p in (
    # "what's that mean" is the spoken "what does that mean"
    # (an intensifier may come before the verb: "what does that even mean", "what does it actually stand for")
    r"(?P<t>.+?)" + BREAK + rf"what\s+(?:{_DOES}|is)\s+{_POINTER}\s+(?:(?:even|actually|really|exactly)\s+)?"
    r"(?:mean|stand\s+for|refer\s+to|expand(?:ed|s)?\s+(?:to|as|into))(?:" + MET + r")?",  # "- what's it expanded as there"
    r"(?P<t>.+?)" + BREAK + rf"what\s+{_DOES}\s+{_PRONOUN}\s+abbreviation\s+(?:mean|stand\s+for)",
    # the verb before its subject, as learners put it: "... appear 'ALPPS'. What signify this letters?", "what means that?"
    r"(?P<t>.+?)" + BREAK + rf"what\s+(?:means?|signif(?:y|ies)|wants?\s+to\s+say)\s+{_POINTER}",
    # "what's that abbreviation for?" is "what does it stand for?"
    r"(?P<t>.+?)" + BREAK + rf"what\s+(?:is|'s|are)\s+{_PRONOUN}\s+(?:(?:abbreviation|acronym)\s+(?:short\s+)?|short\s+)for",
    # a request to explain what was just named: "I not understand OLT, can you explain?"
    r"(?P<t>.+?)" + PUNCTUATED + r"(?:(?:can|could|would)\s+(?:you|u)\s+|please\s+)?(?:explain|define|expand)"
    + rf"(?:\s+{_POINTER})?(?:\s+(?:to\s+me|for\s+me|please))?",
    # not knowing what it means: "... ALPPS. I have no idea what those letters mean."
    r"(?P<t>.+?)" + BREAK + r"i\s+(?:have\s+no\s+idea|(?:do\s+not|don't|dont|did\s+not|didn't)\s+(?:know|understand)"
    + r"|(?:can'?t|cannot|could\s*n'?t)\s+(?:find|work\s+out|figure\s+out|tell)"
    + rf"|not\s+(?:know|understand))\s+what\s+{_POINTER}\s+(?:means?|stands?\s+for|is|are)",
    # how the text defines or writes it: "SI-NEN - how is that defined in the paper?", "RE ... how do they write it out?"
    r"(?P<t>.+?)" + BREAK + rf"(?:but\s+)?how\s+(?:exactly\s+)?(?:(?:is|are)\s+{_POINTER}\s+(?:defined|written\s+out|spel(?:led|t)\s+out|expanded)"
    rf"|(?:do|does|did)\s+(?:they|the\s+authors)\s+(?:write|spell)\s+{_POINTER}\s+out)(?:" + MET + r")?",
    # the expansion the text gives: "I see PPRT. Which expansion do they give for it exactly?"
    r"(?P<t>.+?)" + BREAK + rf"(?:what|which)\s+(?:expansion|definition|meaning|full\s+form|long\s+form)\s+(?:do|does|did)\s+"
    rf"(?:they|the\s+authors|the\s+(?:review|paper|legend|caption))\s+(?:give|use|have|print)\s+(?:for\s+)?{_POINTER}(?:" + MET + r")?",
    # the frame with its subject left out: "pt booked for TACE - stands for?"
    # (perhaps asked for quickly: "ALPPS - quick expansion pls, as the authors write it")
    r"(?P<t>.+?)" + PUNCTUATED + r"(?:(?:quick|short|brief|full|exact|proper)\s+)?(?:stands?\s+for|means?|meanings?|full\s+forms?"
    r"|expansions?|definitions?)(?:\s+(?:please|pls|plz))?(?:\s+what|\s+of\s+(?:both|them|these|those|each|all|the\s+two)(?:" + MET + r")?|"
    + MET + r")?",  # "PVE vs PVL - expansions of both as used in the review?"
)]
