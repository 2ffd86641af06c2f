"""What in a question points back at the conversation: the words and phrase shapes that make a question lean.

The language facts rag/routing/followup.py decides with (is a question a follow-up, and what do its pronouns and
demonstratives point at), kept apart from its decisions so each can be read on its own. Each pattern says what it
matches and what it must not.
"""

from __future__ import annotations

import re

# "What about" relayed for someone: "She also asks about RE", "the family also want to know about PVL" (also read by
# rag/routing/term_followup.py, which takes the term after it).
RELAYED_ABOUT = (r"(?:she|he|they|(?:the|his|her|their)\s+[\w-]+)\s+(?:also\s+)?(?:asks?|asked|wants?\s+to\s+know"
                 r"|wanted\s+to\s+know)\s+about")
LEADING_CUES = re.compile(
    r"^(and|but|also|so|then|what about|how about|and what about|what if|and if|same for|"
    + RELAYED_ABOUT + r"|"
    # a reply's opening before a conjunction: "right so is that ...", "ok and ..."
    r"(?:right|ok|okay|alright),?\s+(?:so|and|but|then)|"
    r"is that|is this|are they|are those|are these|does it|do they|is it|and for|and in|and with|and without|"
    # a restricting or conceding clause with no main clause of its own ("only if the cancer is
    # mostly in the liver?", "even for G1?", "unless it has spread?") qualifies the last answer
    r"(?:only|even|except|not even)\s+(?:if|when|for|in|with|after|before)|unless)\b", re.I)
# A change set against what was said before: "instead" (not "instead of X", which names its own
# alternative) and "would it be different if ..." presuppose the earlier case or answer.
COUNTERFACTUAL = re.compile(r"\binstead\b(?!\s+of\b)|\bwould\s+(?:it|that|this|the\s+(?:answer|plan))\s+"
                             r"(?:be\s+(?:any\s+)?)?(?:differ|change)", re.I)
# "they" as the subject of a verb of reporting is the authors of something already named: "what did they
# recommend for liver mets?" after the ENETS guideline ("why would they treat the liver first?" means doctors).
REPORTING_THEY = re.compile(r"^\s*(?:(?:and|so|but)\s+)?(?:what|which|how|did|do|does|have|had)\b[\w\s']{0,20}?\bthey\s+"
                             r"(?:find|found|recommend\w*|conclude\w*|report\w*|show\w*|say|said|suggest\w*|propos\w*"
                             r"|stud(?:y|ied)|investigat\w*|look(?:ed)?\s+at)\b", re.I)
ANAPHORA = re.compile(r"\b(it|its|they|them|their|this|that|these|those|the same|the latter|"
                       r"the former|the second one|the first one|the other one|such)\b"
                       # "which one" picks from a set already named ("which one is about prognostic factors?"), unless
                       # the question names its own options ("which ones, octreotide or lanreotide?")
                       r"|\bwhich\s+ones?\b(?!\s+of\b)(?![^?]*\bor\b)", re.I)
# Nouns a demonstrative can point with at a cited work or a figure ("that paper", "those studies").
ITEM_NOUNS = (r"(?:paper|study|studies|article|reference|work|publication|source|citation|figure|"
               r"classification|diagram|chart|flowchart|algorithm|picture|image|"
               r"guideline|review|item|entry|one|trial)s?")
# A noun phrase that can only point back: a distal demonstrative or "the same/latter/former"
# with such a noun, or an ordinal "one" ("the second one"). Unlike "it", these need a referent
# however long the question is ("What is the title of that paper?").
POINTING = re.compile(rf"\b(?:that|those|the same|the latter|the former)\s+{ITEM_NOUNS}\b"
                       r"|\b(?:the latter|the former|that one|this one)\b"
                       # a member of a set named before: "is radioembolization one of them?", "any of those"
                       r"|\b(?:one|any|some|none|either|neither|each|all|both|which)\s+of\s+(?:them|those|these)\b", re.I)
# a pronoun for a thing: "it", or "they" with a copula ("why are they ..."; "why would they treat ..." are the doctors)
THING_POINTED = re.compile(r"\b(?:it|its|that|this)\b|\bthey\s+(?:are|were)\b|\b(?:are|were)\s+they\b", re.I)
# A closing demonstrative heads no noun, so it points back: "what does the review say about that?" ("where is this written?" no).
CLOSING_DEMONSTRATIVE = re.compile(r"\b(?:that|this|those|these)\s*[?!.]*\s*$"
                                    # a demonstrative before a verb is a pronoun too ("how come those are used more?")
                                    r"|\b(?:those|these)\s+(?:are|were|have|do|did|can|could|will|would|should|get|work)\b"
                                    # or before a preposition of choice ("why would they pick those over an operation?")
                                    r"|\b(?:those|these)\s+(?:over|instead|rather\s+than|than|versus|vs\.?|in\s+place\s+of)\b"
                                    # and as the subject after an inverted auxiliary ("why would those be used more?")
                                    r"|\b(?:are|were|do|does|did|can|could|will|would|should)\s+(?:those|these|that)\s+(?:be|have|work|help|get|do"
                                    r"|need|make|cost|appear|come|mean|say|show|find|include|cover|apply|matter|happen|change)\b"
                                    # so does a personal pronoun closing a prepositional phrase ("listed on it?")
                                    r"|\b(?:on|in|of|about|by|from|for|with|behind)\s+(?:it|them)\s*[?!.]*\s*$"
                                    # and "it" as the subject of a wh-question ("what did it recommend ...?"),
                                    # unless a to- or that-clause follows, whose "it" is a dummy ("how long
                                    # does it take to recover?"); "they" there is often the doctors ("why
                                    # would they treat the liver first?")
                                    r"|^\s*(?:what|who|when|where|why|how|which)\b[\w\s']{0,20}?\b(?:did|does|do|is|was|are"
                                    r"|were|has|have|can|could|should|would|will)\s+it\b(?!.*\b(?:to|that)\b)", re.I)
# A personal pronoun, which (unlike "this"/"that") never heads a noun of its own; and "one" standing for a thing
# named before ("who would get one?"), not a number or a determiner's head ("the second one", "no one", "one of").
PRONOUN = re.compile(r"\b(?:it|its|they|them|their)\b|(?<!\bno\s)(?<!\bany\s)(?<!\bsome\s)(?<!\bevery\s)(?<!\bthe\s)"
                      r"(?<!\bwhich\s)(?<!\bthat\s)(?<!\bthis\s)(?<!\beach\s)(?<!\ba\s)(?<!\bother\s)(?<!\bsame\s)"
                      r"(?<!\bonly\s)(?<!\blast\s)(?<!\bnext\s)(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bthird\s)"
                      r"\bone\b(?!\s+(?:of|another|day|time|more|by|or|and|on)\b)", re.I)
