"""How people frame a question about an abbreviation: the word tables and patterns that
rag/glossary/questions.py reads a question with.

In: nothing (constants). Out: the chat spellings of frame words (`TEXT_SPEAK`, `FRAME_WORDS`
for slips such as "stnd"), the frames themselves (`ALWAYS`: only an abbreviation question is
worded so; `IF_ABBREVIATION`: generic, routed only when the slot is an abbreviation;
and the small patterns around a term (courtesy, where it was met, lists); the frames that point back
("..., what is that?") are in rag/glossary/anaphoric.py, guesses and comparisons in rag/glossary/comparisons.py.

Every entry states a fact about English as people type it, never the wording of one
question. Nothing here looks anything up: the reading is in rag/glossary/questions.py.
"""

from __future__ import annotations

import re

from rag.core.text import WRITTEN_STOPS

__all__ = ["TEXT_SPEAK", "DIGIT_WORDS", "SYMBOLS", "FRAME_WORDS", "RARE_ZIPF", "ALWAYS", "IF_ABBREVIATION",
           "BARE", "KIND_NOUNS", "TERM_PREFIX", "SEPARATOR",
           "COMPARISON_LEAD", "QUOTES", "COURTESY_LEAD", "CONTEXT_LEAD", "CONJUNCTION",
           "SENTENCE_BREAK", "CLAUSE_BREAK", "ASKS", "PLACE_TAIL", "ALL_TERMS", "PLACEHOLDER", "MET", "BREAK",
           "PUNCTUATED", "PART", "DOES"]

# Chat spellings of the words that frame a question, each as people type it in chat and search
# boxes ("wat", "u", "4" for "for"), and common slips of those words. Only frame words belong
# here: no entry may be a spelling of a medical term.
TEXT_SPEAK = {
    "wat": "what", "wot": "what", "wut": "what", "wht": "what", "whta": "what",
    "whats": "what is", "wats": "what is", "wots": "what is", "wuts": "what is", "what's": "what is",
    "wat's": "what is", "whts": "what is",
    "r": "are", "u": "you", "ur": "your", "n": "and", "4": "for", "teh": "the",
    "wtf": "what",  # "what the f...", in chat: "wtf does NELM mean"
    "pls": "please", "plz": "please", "abbr": "abbreviation", "abbrev": "abbreviation",
    "abbrv": "abbreviation", "defn": "definition", "meanin": "meaning",
}
# "4" is "for" only as a preposition, between or after words ("stands 4", "short 4 TACE"),
# never in a number or a grade ("stage 4", "G 4" keep their digit).
DIGIT_WORDS = {"4"}
SYMBOLS = [(re.compile(r"\s*=+\s*"), " means "), (re.compile(r"\s*&\s*"), " and "),
           (re.compile(r"\s+\+\s+"), " and "),  # spaced only: "CD4+" keeps its sign
           (re.compile(r"\bwetin\s+be\b", re.I), "what is"),  # Nigerian Pidgin: "Wetin be RE for that figure?"
           # the question words of the languages learners mix in ("Was ist PVE in the figure legend?"), as English
           (re.compile(r"(?<!\w)(?:was\s+(?:ist|hei(?:ß|ss)t)|qu[ée]\s+es|o\s+que\s+[ée]|(?:che\s+)?cos(?:a\s+[èe]|'\s*[èe])"
                       r"|qu'est[\s-]ce\s+que(?:\s+c'est)?)(?!\w)", re.I), "what is"),
           (re.compile(r"(?<!\w)(?:was\s+bedeutet|qu[ée]\s+significa|o\s+que\s+significa|(?:che\s+)?cosa\s+significa"
                       r"|que\s+(?:veut\s+dire|signifie))(?!\w)", re.I), "what means"),
           # the clipped "diff": "what's the diff", "is that diff or same thing"
           (re.compile(r"\bthe\s+diff\b", re.I), "the difference"), (re.compile(r"\bdiff\b", re.I), "different")]

# The words the frames below are built of. A token one keystroke from one of them ("stnd",
# "meen", "abreviation", "defintion") is read as it, provided English hardly uses the token
# itself (`RARE_ZIPF`) and it is no glossary term: "dose" (a word) and "pvl" (a term) stay.
FRAME_WORDS = ("stand", "stands", "mean", "means", "meaning", "meant", "abbreviation", "abbreviations",
               "abbreviated", "abbreviate", "acronym", "acronyms", "definition", "define", "expand",
               "expansion", "short", "full", "form", "refer", "refers", "what", "does", "difference")
# Zipf frequency 3 is one use per million words of English (wordfreq): below it a token one
# slip from a frame word is far likelier that slip than a word of its own ("mena" 2.98 is a
# name; "meant" 4.94, "dose" 4.2 are words).
RARE_ZIPF = 3.0

# Where a clause breaks off before a frame that points back ("PVL - what is that?"), and the
# same with punctuation a reader sees (no mere space).
BREAK = r"\s*[-\u2013\u2014:,;.?!]?\s+"
PUNCTUATED = r"\s*[-\u2013\u2014:,;.?!]+\s*"  # a break a reader sees: no mere space
# "does" and its slips in a frame: "what dose OLT mean" ("dose" is a word, so no table entry
# may rewrite it; inside this frame, before a term and "mean", it can only be "does").
DOES = _DOES = r"(?:does|do|did|dose|dos)"
# One letter of a term, as quoted in "what does the 'A' in ALPPS stand for".
_LETTER = r"['\"]?[a-z]['\"]?"
# Phrasings that only make sense about an abbreviation: route whatever the term is.
_FORM = (r"(?:abbreviation|acronym|short[\s-]+form|full[\s-]+form|long[\s-]+form|expanded\s+form|expansion|short\s+name"
         r"|(?:full|long)\s+(?:version|term|word))s?")  # "the long word for this", as learners say it
# "... in the figure legend", "... mentioned in this review", "... in medical terms": where the
# reader met the term, or in which register they want it.
MET = (r"(?:\s+(?:as\s+)?(?:mentioned|used|listed|shown|printed|written|seen|given))?"
        r"\s+(?:in|within|according\s+to|on|near|at|towards)\s+(?:the|this|that|figure|fig\.?|its|my|her|his"
        # or a part of the document with its article dropped, as notes drop it: "as used in abstract"
        r"|abstract|legend|caption|text|paper|article|review|algorithm|flow\s*chart)\b.*"
        r"|\s+in\s+(?:medical|plain|simple|lay(?:man'?s)?|everyday)\s+(?:terms|english|language|words)"
        r"|\s+in\s+medicine|\s+here|\s+there|\s+in\s+full"  # "what does it mean in full?": written out
        # "for" a part of the document, as learners use it: "what is RE for that figure?" (notes drop the article: "for legend")
        r"|\s+for\s+(?:(?:the|this|that)\s+)?(?:figure|fig\.?|legend|caption|chart|diagram|algorithm|flow\s*chart)\b.*"
        # as the text writes it: "ALPPS - quick expansion pls, as the authors write it"
        r"|,?\s+as\s+(?:the\s+authors|they|the\s+(?:review|paper|article))\s+(?:write|wrote|give|gave|spell|use|used|have)s?\s+it"
        # whom it is put to, and how plainly: "explain ALPPS to me like I'm a patient"
        r"|\s+(?:to|for)\s+(?:me|us|a\s+(?:patient|layman|lay\s+person|beginner|student|nurse))\b.*"
        # a relative clause of saying or writing: "the ALPPS (that) they mentioned"
        r"|\s+(?:that\s+|which\s+)?(?:they|he|she|you|we|(?:the|my|her|his|our)\s+\w+)\s+(?:mention(?:s|ed)?|says?|said"
        r"|writes?|wrote|uses?|used|talk(?:s|ed)?\s+about|brought\s+up|suggested)\b.*")
# A question frame may also name the field the term belongs to ("what is PVL in liver
# surgery"); a bare "TACE in NELM" is a search for the topic, so `BARE` does without it.
_WHERE = (r"(?:" + MET + r"|\s+(?:in|within)\s+(?!which\b|what\b|terms\s+of\b)[a-z][\w-]*"
          r"(?:\s+[a-z][\w-]*){0,3}"
          # or the page the term is read on, as a pointer: "whats OLT on it", "what's TAE on there"
          r"|\s+on\s+(?:it|there|here|this|that)\b)?")
# The same after a long form, which may itself hold "in": only where a document part is named.
_WHERE_AFTER = (r"(?:\s+(?:in|within|on)\s+(?:the\s+|this\s+)?(?:figure|fig\.?|legend|abstract|review|paper|article|"
                r"caption|algorithm|(?:flow\s*)?chart|diagram)\b.*)?(?:\s+(?:is|would\s+be))?")
# The parts of a document a reader names ("SA on the algorithm", "in the flowchart, ...").
PART = (r"(?:figure|fig\.?|legend|abstract|review|paper|article|caption|algorithm|(?:flow\s*)?chart|diagram|table"
         r"|text|letter|report)")
# Where in the document the reader saw it, closing a bare term: "the IFNa one near the bottom of the legend".
PLACE_TAIL = re.compile(r"\s+(?:in|on|near|at|towards|from)\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,3}?" + PART + r"\b.*$",
                        re.IGNORECASE)
ALWAYS = [re.compile(p, re.IGNORECASE) for p in (
    # its letters: "what does the A in ALPPS stand for", "what do the letters in TACE mean"
    # (first: the next frame would take "the A in ALPPS" for the term)
    (rf"what\s+{_DOES}\s+(?:the\s+(?:letters?|initials?)\s+(?:{_LETTER}\s+)?|the\s+(?:letter\s+)?{_LETTER}\s+)"
     r"(?:in|of)\s+(?P<t>\S+)\s+(?:stands?\s+for|means?)"),
    # Dutch and German speakers' "where" for "what" (waar/wo ... voor/für): "Where stands SI-NEN for?", "where does TAE stand for"
    r"where\s+(?:does\s+|do\s+)?stands?\s+(?P<t>.+?)\s+for",
    rf"where\s+{_DOES}\s+(?P<t>.+?)\s+stands?\s+for",
    rf"what\s+{_DOES}\s+(?P<t>.+?)\s+stands?\s+for(?:\s+(?:in|within|according\s+to|on)\s+.+)?",
    # "expands to what" closing the question, as "stands for what" does ("TAE expands to what exactly"); a
    # remnant that "expands to what volume" grows
    r"(?:.*?\s)?(?P<t>\S+)\s+expands?\s+(?:to|into)\s+what(?:\s+exactly)?",
    rf"what\s+(?:is|are|{_DOES})\s+(?P<t>.+?)\s+expand(?:ed|s)?\s+(?:to|into|as)(?:" + MET + ")?",  # "what is PPRT expanded to?"
    # (where it was met may follow: "... stand for in the figure", "... stand for on the MRI report")
    # the question word last, as speech puts it: "TACE stands for what?"
    r"(?:(?:tell\s+me\s+|explain\s+)?what(?:\s+is)?\s+)?(?P<t>.+?)\s+stands?\s+for(?:\s+what)?(?:\s+(?:in|within|according\s+to|on)\s+.+)?",
    r"what\s+(?:is|are)\s+(?P<t>.+?)\s+abbreviated(?:\s+as|\s+to)?(?:\s+in\s+.+)?",
    r"(?:what|which)\s+(?:abbreviation|acronym|short\s+form|letters|initials)\s+(?:does|do|is)\s+(?:.+?\s+)?(?:use|used|give|given|print|printed)"
    r"\s+for\s+(?P<t>.+)",
    # the same with a relative clause: "what's the short form the review uses for X?"
    r"(?:what|which)(?:'s|\s+is)?\s+(?:the\s+)?" + _FORM + r"\s+(?:that\s+|which\s+)?(?:the\s+|this\s+|they\s+)?(?:\w+\s+)?"
    # (in any tense: "the short form the authors are using for X", "... have used for X")
    r"(?:(?:are|is|have|has)\s+)?(?:uses?|used|using|gives?|giving|prints?)\s+"
    # (where it is used may come before "for": "the short form they use in the chart for interferon alpha")
    r"(?:(?:in|on|within)\s+(?:the\s+|this\s+|their\s+)?" + PART + r"(?:\s+\d)?\s+)?for\s+(?P<t>.+?)" + _WHERE_AFTER,
    r"what\s+(?:is|are|'s)\s+(?P<t>.+?)\s+(?:short\s+for|(?:an?|the)\s+(?:abbreviation|acronym|short\s+form)\s+(?:for|of))(?:"
    + MET + ")?",
    # "abbreviate" with the short form as its subject: "what does NELM abbreviate?"
    rf"what\s+{_DOES}\s+(?P<t>.+?)\s+abbreviate(?:" + MET + ")?",
    # a question without do-support, as learners of English type it: "what stand TAE for?"
    r"what\s+(?:does\s+|do\s+)?stands?\s+(?P<t>.+?)\s+for",
    # reverse, with the form as subject: "which abbreviation stands for X", "what acronym means X"
    # (where it is used may come between: "which abbreviation is used in the review for X")
    r"(?:what|which)\s+(?:abbreviation|acronym|short\s+form)\s+(?:stands?\s+for|means|is\s+(?:used\s+)?"
    r"(?:(?:in|within|on)\s+(?:the\s+|this\s+)?" + PART + r"\s+)?for)\s+(?P<t>.+?)" + _WHERE_AFTER,
    # reverse, asked as existence or usage: "is there an abbreviation for X", "does the review use an acronym for X"
    r"(?:is\s+there|do\s+you\s+have|(?:does|do)\s+(?:the\s+)?\w+\s+(?:use|have|give))\s+(?:an?\s+|any\s+)?" + _FORM
    + r"\s+(?:for|of)\s+(?P<t>.+?)" + _WHERE_AFTER,
    r"how\s+(?:do|would|should|can)\s+(?:i|you|we)\s+(?:write|spell|put|say)\s+(?P<t>.+?)\s+(?:abbreviated|shortened"
    r"|for\s+short|in\s+short)(?:" + MET + ")?",
    # the copula dropped, as notes and headlines drop it: "interferon alpha abbreviated how?"
    r"(?P<t>.+?)\s+(?:(?:is|are)\s+)?(?:abbreviated|shortened)\s+(?:how|as\s+what|to\s+what)" + _WHERE_AFTER,
    r"what(?:\s+is|'s)\s+short\s+for\s+(?P<t>.+?)" + _WHERE_AFTER,
    # one letter of it, without "stand for": "what's the C in TACE"
    r"what\s+(?:is|'s)\s+(?:the\s+)?(?:letter\s+)?" + _LETTER + r"\s+(?:in|of)\s+(?P<t>\S+)",
    # the term said first, then one of its letters by place: "IFNa - what's the 'a' at the end?"
    (r"(?:.*?\s)?(?P<t>\S+)" + PUNCTUATED + r"what(?:\s+is|'s|\s+does)\s+(?:the\s+)?(?:letter\s+)?" + _LETTER
     + r"(?:\s+at\s+the\s+(?:end|start|beginning|front))?(?:\s+(?:stand\s+for|mean))?"),
    # "the abbreviation (used) for X", "what is the full form of X"
    r"(?:what\s+(?:is|are)\s+|what's\s+|give\s+me\s+)?(?:the\s+)?" + _FORM
    # (where it is used may come between: "short form used in the review for X")
    # (the part may be the document's: "used in the review's figure for ...")
    + r"\s+(?:(?:that\s+is\s+|which\s+is\s+)?used\s+(?:in\s+(?:the\s+|this\s+)?(?:(?:review|paper|article|authors?)(?:'s|s')\s+)?" + PART
    + r"(?:\s+\d)?\s+)?)?(?:for|of)\s+(?P<t>.+?)"
    + _WHERE_AFTER,
    r"how\s+(?:is|are)\s+(?P<t>.+?)\s+(?:abbreviated|shortened)" + _WHERE_AFTER,
    # the term first, then its form asked: "SI-NEN - what's the expansion as used in the review?"
    (r"(?P<t>.+?)" + PUNCTUATED + r"(?:what(?:'s|\s+is|\s+are)|give\s+me)\s+(?:the|its|their)\s+" + _FORM
     + r"(?:\s+(?:of|for)\s+(?:this|that|it|them))?(?:\s+(?:as\s+)?(?:used|given|printed|written)\b.*)?" + _WHERE_AFTER),
    r"(?P<t>.+?)\s+" + _FORM,
    r"how\s+(?:do\s+you|do\s+i|do\s+we|would\s+you|to|can\s+you|can\s+i|(?:does|do|did)\s+(?:the\s+|this\s+)?\w+)"
    r"\s+(?:abbreviate|shorten)\s+(?P<t>.+?)" + _WHERE_AFTER,
    # "for short" says "abbreviated": "what do you call orthotopic liver transplant for short"
    r"(?:what\s+(?:do|does|would|did|is|are)\s+(?:\w+\s+){0,2}(?:call|called)\s+)?(?P<t>.+?),?\s+for\s+short",
    # the thing first, then "what's it abbreviated as?": "the radioactive beads thing - what's it abbreviated as?"
    r"(?P<t>.+?)\s*[-\u2013\u2014:,;.?!]+\s*(?:what(?:'s|\s+is|\s+are)|how\s+(?:is|are))\s+(?:it|that|this|they)"
    r"\s+(?:abbreviated|shortened)(?:\s+(?:as|to))?" + _WHERE_AFTER,
    r"(?P<t>.+?)\s+(?:abbreviated|shortened)(?:\s+(?:as|to))?",
    # the thing first, then how it is abbreviated: "and radio-embolisation, how does the figure abbreviate that one?"
    (r"(?P<t>.+?)\s*[-\u2013\u2014:,;.?!]+\s*how\s+(?:do|does|did|would)\s+(?:you|they|it|(?:the|this)\s+\w+)\s+(?:abbreviate|shorten)"
     r"\s+(?:it|that|this|them)(?:\s+one)?" + _WHERE_AFTER),
    # the thing described first, then which abbreviation names it: "tying off the portal vein - what
    # abbreviation does the review give for that?", "... - which acronym is that in the figure?"
    # ("the letters" of a thing are its abbreviation: "... - what are the letters they use for that?")
    (r"(?P<t>.+?)" + PUNCTUATED + r"(?:what|which)(?:'s|\s+is|\s+are)?\s+(?:the\s+)?(?:abbreviation|acronym|short\s+form"
     r"|letters|initials)\s+(?:(?:is|are|for)\s+(?:that|this|it)|(?:(?:does|do|did|would|is|are)\s+)?(?:\w+\s+){0,2}"
     r"(?:use|used|give|given|print|printed|have)\s+for\s+(?:that|this|it))" + _WHERE_AFTER),
)]
# A term alone ("TACE?", "alpps"): the last of the generic frames, and the one a clause of a
# longer question may not use ("TACE vs TAE, which is better?" asks no definition).
# (a bare term's place is all that may follow it, not a clause that asks something else: "PPRT in the flowchart -
# how many cycles?" asks the cycles)
BARE = re.compile(r"(?P<t>.+?)(?:" + MET + ")?", re.IGNORECASE)
ASKS_ELSE = re.compile(r"\s[-\u2013\u2014]+\s+(?:how|what|which|when|where|why)\b(?!\s+(?:is|are|does|do)\s+(?:it|that|this|they)\b)",
                      re.IGNORECASE)
# Generic definitional phrasings: route only a known short form or an abbreviation-shaped token,
# so "What is the role of TACE in unresectable NELM?" stays a content question.
IF_ABBREVIATION = [re.compile(p, re.IGNORECASE) for p in (
    # "of", and "from"/"for" as learners use them ("the meaning from RE"); "mean" as a noun ("what is mean of X")
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:(?:full|exact|actual|proper)\s+)?(?:meaning|definition|expansion|mean)"
    r"\s+(?:of|from|for)\s+(?P<t>.+?)" + _WHERE,
    # the verb before its subject, as learners of English type it: "What means NELM?"; "want to say" for "mean", as
    # Spanish "querer decir" and French "vouloir dire" put it: "What want to say NEN?", "what NEN wants to say"
    r"what\s+(?:means?|signif(?:y|ies)|(?:does\s+|do\s+)?wants?\s+to\s+say)\s+(?P<t>.+?)" + _WHERE,
    r"what\s+(?:does\s+|do\s+)?(?P<t>.+?)\s+wants?\s+to\s+say" + _WHERE,
    # the topic first: "TACE is what?", "TACE is what thing?", "OLT means what (in this paper)?"
    r"(?P<t>.+?)\s+(?:is|are|means?|stands?\s+for)\s+what(?:\s+thing)?" + _WHERE,
    # how the text writes it out: "how do they write RE out?", "how does the review spell ALPPS out?"
    r"how\s+(?:do|does|did)\s+(?:they|the\s+authors|the\s+(?:review|paper|article|legend|caption))\s+(?:write|spell)\s+(?P<t>.+?)"
    r"\s+out" + _WHERE,
    # the terms first, the request last: "PVE/PVL/ALPPS: expand"
    r"(?P<t>.+?)\s*[:\-\u2013\u2014]?\s+(?:please\s+)?(?:expand|define|explain|clarify|spell\s+out)(?:\s+please)?",
    # "in full": "what's TACE written out in full", "write TACE out in full", "TACE in full"
    r"(?:what\s+is\s+|what's\s+)?(?P<t>.+?)\s+(?:(?:written|spelt|spelled)\s+out(?:\s+in\s+full)?|in\s+full)" + _WHERE,
    r"(?:write|spell)\s+(?P<t>.+?)\s+out(?:\s+in\s+full)?" + _WHERE,
    # "explain" in its dictionary sense "make plain the meaning of": "explain PVE" (so "clarify")
    r"(?:please\s+|kindly\s+)?(?:define|expand|spell\s+out|explain|clarify)\s*:?\s+(?P<t>.+?)" + _WHERE,
    # not understanding it, said rather than asked: "... and got stuck on NELM", "confused by PVL"
    r".*?\b(?:stuck\s+on|confused\s+(?:by|about)|puzzled\s+by|(?:do\s+not|don't|dont|did\s+not|didn't)\s+(?:know|understand|get)"
    r"|not\s+sure\s+(?:about|what)|(?:can'?t|cannot|could\s*n'?t)\s+(?:find|work\s+out|figure\s+out))\s+(?:what\s+)?(?:the\s+)?(?P<t>\S+?)"
    r"(?:\s+(?:is|means|stands\s+for)(?:\s+anywhere)?)?" + _WHERE,
    # "does TAE mean transarterial embolization?": a guess at the expansion, answered with it
    r"(?:does|do)\s+(?P<t>\S+)\s+(?:stand\s+for|mean|refer\s+to)\s+.+",
    # what kind of thing it is asks what it is: "what kind of treatment is RE?"
    # or which thing of a kind: "which drug is ifn-a?", "what procedure is PVE?"
    (r"(?:what\s+(?:kind|type|sort)\s+of\s+(?:[\w-]+\s+)?|(?:what|which)\s+(?:drugs?|medicines?|medications?|procedures?"
     r"|operations?|treatments?|therapy|therapies|tests?|scans?)\s+)(?:is|are)\s+(?P<t>.+?)" + _WHERE),
    # (and its synonyms: "what does 'IFNa' denote in the figure legend?"; "what does X means": a common agreement slip)
    rf"what\s+{_DOES}\s+(?P<t>.+?)\s+(?:means?|denotes?|signif(?:y|ies)|represents?)" + _WHERE,
    # "what is meant by X", "what do you / does the review mean by X"
    r"what\s+(?:(?:is|are)\s+meant|(?:do|does)\s+(?:the\s+)?\w+\s+mean)\s+by\s+(?P<t>.+?)" + _WHERE,
    r"(?:what\s+(?:is\s+)?)?(?P<t>.+?)\s+(?:means?|meaning|definition|expansion|(?:full|long)\s+name)(?:\s+what)?" + _WHERE,
    # "what does X refer to", "X refers to", "the full name of X"
    rf"what\s+{_DOES}\s+(?P<t>.+?)\s+refers?\s+to" + _WHERE,
    r"(?P<t>.+?)\s+refers?\s+to" + _WHERE,
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:full|long|whole)\s+name\s+(?:of|for)\s+(?P<t>.+?)" + _WHERE,
    # an embedded question, once "can you tell me" is off: "what MWA is"
    r"what\s+(?P<t>.+?)\s+(?:is|are|means?|denotes?|signif(?:y|ies))" + _WHERE,
    r"(?:what\s+is|what's|whats|what\s+are)\s+(?P<t>.+?)" + _WHERE,
)] + [BARE]
# "the ALPPS procedure": a noun after a short form that says what kind of thing it is.
KIND_NOUNS = {"procedure", "technique", "therapy", "treatment", "approach", "operation", "surgery", "drug",
              "drugs", "classification", "criteria", "score", "grade", "trial"}
# Words that name an abbreviation as such ("the letters TACE", "the acronym RE").
TERM_PREFIX = re.compile(r"^(?:the\s+|this\s+|that\s+)?(?:(?:abbreviations?|acronyms?|terms?|letters|initials|short\s+forms?)\s+)?"
                         # a thing named by its label: "the one called RE", "the procedure labelled PVL"
                         r"(?:(?:one|thing|bit|procedure|treatment|term|abbreviation)\s+(?:called|named|labell?ed|marked)\s+)?"
                         r"(?:an?\s+|the\s+|this\s+|that\s+)?", re.IGNORECASE)
# How English lists or contrasts several terms: "X and Y", "X, Y", "X/Y", "X vs Y", "X or Y".
SEPARATOR = re.compile(r"\s*[,;/]\s*(?:(?:and|or)\s+)?|\s+(?:and|or|vs\.?|versus|v\.?)\s+", re.IGNORECASE)
# "(the) difference between X and Y": names the terms to compare, in an abbreviation frame.
COMPARISON_LEAD = re.compile(r"^(?:the\s+)?differences?\s+between\s+", re.IGNORECASE)
QUOTES = " \"'“”‘’`*"
# What frames a request without asking anything: greetings, "can you tell me", "please",
# "thanks". Off before the frame is matched: "can u tell me what MWA is" asks "what MWA is".
# (a vocative may follow the greeting or stand alone: "hey guys", "bro what even is SA"; "man" and "doc" only set off by
# a comma, since "doc said ALPPS" has them as a subject)
COURTESY_LEAD = re.compile(r"^(?:(?:hi|hello|hey|whatever|anyway|fine)\b[,!.]?\s*)?(?:(?:bro|mate|dude|guys|folks)\b[,!.]?\s*|(?:man|doc)[,!]\s*)?(?:just\s+)?(?:(?:sorry|excuse\s+me|pardon\s+me)(?:\s+to\s+(?:bother|trouble)"
                           r"\s+you)?[,!.]?\s*)?(?:(?:please|kindly)\s+)?(?:to\s+(?=explain|define|expand|tell))?(?:(?:can|could|would)\s+you\s+"
                           r"(?:please\s+)?|do\s+you\s+know\s+|i\s+(?:want|would\s+like|need)\s+to\s+know\s+"
                           r"|i\s+(?:do\s+not|don't|dont|didn't|did\s+not)\s+(?:know|understand)\s+)?"
                           r"(?:(?:tell|remind)\s+(?:me\s+|us\s+)?(?=what\b|the\b)|(?:tell|remind)\s+me\s+"
                           r"|(?:explain|clarify)\s+(?:(?:to\s+)?(?:me|us)\s+)?(?=what\b))?", re.IGNORECASE)
# Where the reader met the term, put first: "in figure 2, what does PPRT stand for".
CONTEXT_LEAD = re.compile(r"^(?:(?:in|on)\s+(?:the\s+|this\s+)?" + PART + r"(?:\s+\d+)?(?:\s+(?:legend|caption|key|text))?"
                          # no comma before a short clause ("in this review RE is radio-embolization")
                          # (nor before an inverted question: "In the algorithm is 'RE' radioembolisation ...?")
                          r"(?:\s*,\s*|\s+(?=what\b|how\b|(?:is|are|does|do)\s)|\s+(?=\S+\s+(?:is|are|means|stands)\b)))?", re.IGNORECASE)
# A conversational opening ("and what does ALPPS stand for?"): dropped before the frames that
# only an abbreviation question has; before a bare "And TAE?" it marks a follow-up instead.
CONJUNCTION = re.compile(r"^(?:(?:and|or|also|so|then|ok|okay)\b[,\s]*)+", re.IGNORECASE)
# Every abbreviation at once: "list all the abbreviations defined in figure 2", "which acronyms does the review use?"
ALL_TERMS = re.compile(r"(?:(?:list|show|give|name|tell)(?:\s+me)?|what\s+are|which\s+are)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?"
                       r"(?:abbreviations|acronyms)(?:\s+(?:used|defined|given|listed|explained))?(?:" + MET + ")?"
                       r"|(?:what|which)\s+(?:abbreviations|acronyms)\s+(?:does|do|are)\s+.*", re.IGNORECASE)
# Where a longer question breaks into sentences and clauses: "Doctor said ALPPS. What is
# ALPPS?", "I'm a nurse, what does OLT stand for".
# A sentence may end inside a quotation or a bracket: "Clinic letter reads: '... at MDT.' What is panNEN?"
# (the stop of a short written form ends no sentence: "incl. DOI", "e.g. TACE", "Fig. 2", "Pavel et al. wrote")
SENTENCE_BREAK = re.compile(r"(?<=[.?!])" + "".join(rf"(?<!\b{re.escape(w)}\.)" for w in WRITTEN_STOPS)
                            + r"\s+|(?<=[.?!][\"'\u2019\u201d)])\s+", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"\s*[,;:]\s+|\s+[-\u2013\u2014]+\s+|\s+(?:and|&)\s+(?=(?:what|how|which)\b)",
                          re.IGNORECASE)
# A clause that asks something of its own: a question mark, or the question's opening word.
ASKS = re.compile(r"^(?:what|what's|whats|wat|how|why|when|where|which|who|whom|whose|is|are|was|were|can|could"
                  r"|should|would|will|shall|may|might|must|does|do|did|has|have|had)\b|\?\s*$", re.IGNORECASE)
# A placeholder noun closing a half-remembered name, which names nothing more: "the peptide
# receptor thing", "and the PRRT one?".
PLACEHOLDER = re.compile(r"\s+(?:thing|things|stuff|one|bit|procedure|treatment)\s*$", re.IGNORECASE)
