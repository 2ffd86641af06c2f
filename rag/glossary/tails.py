"""What closes a question without asking anything more: a tag asking to confirm, a request to explain, a guess at
what kind of thing the term is, discourse particles and courtesies, and who brought the term up.

In: nothing (patterns only). Out: `CONFIRM_TAIL`, `EXPLAIN_TAIL`, `IDENTITY_TAIL`, `COURTESY_TAIL`, each matched at the end
of a question and removed before its frame is read (rag/glossary/standard.py, questions.py; the router's
follow-up reading). Kept apart from the frames (rag/glossary/frames.py), which say what a question asks.
"""

from __future__ import annotations

import re

__all__ = ["CONFIRM_TAIL", "COURTESY_TAIL", "EXPLAIN_TAIL", "IDENTITY_TAIL"]

# A tag asking to confirm a statement ("SA is somatostatin analogue, correct?") asks nothing more.
CONFIRM_TAIL = re.compile(r"\s*,\s*(?:right|correct|yes|no|isn'?t\s+it|is\s+it|am\s+i\s+right"
                          r"|is\s+(?:that|this)\s+(?:right|correct))\s*[?.!]*\s*$"
                          # the same after a dash or a stop: "... means 'open liver transplant' - is that correct?", and
                          # asking whether the guess is the review's: "- is that the expansion used here?"
                          r"|(?:\s*[.?]+\s*|\s+[-\u2013\u2014]+\s+)(?:is\s+(?:that|this|it)\s+(?:right|correct|so|true)|am\s+i\s+right"
                          r"|is\s+(?:that|this|it)\s+the\s+(?:expansion|meaning|long\s+form|full\s+form|definition)\s+(?:(?:used|given|meant)\s+)?"
                          r"(?:here|there|in\s+(?:the|this)\s+(?:review|paper|article|figure|legend)))\s*[?.!]*\s*$"
                          # a request to confirm, after any break: "... means open liver transplant - can you confirm?"
                          r"|(?:\s*[,;?.]+\s*|\s+[-\u2013\u2014]+\s+)(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+)?"
                          r"(?:confirm|verify|double[- ]check)(?:\s+(?:that|this|it|for\s+me))?(?:\s+(?:from|in|with|against)\s+(?:the|this)"
                          r"\s+(?:review|paper|article|text|figure|legend))?(?:\s+please)?\s*[?.!]*\s*$", re.IGNORECASE)
# A request to explain as a sentence after the question it follows ("... none of us know what it means. Could you tell
# us in plain words?", "It is small intestine? Please explain.") asks for the answer to that question, nothing more.
# (After a comma it is the frame itself: "I not understand OLT, can you explain?")
EXPLAIN_TAIL = re.compile(r"(?:\s*[.?!]+\s*)(?:(?:can|could|would|will)\s+(?:you|u|someone)\s+)?(?:please\s+)?"
                          r"(?:explain|tell\s+(?:us|me|them|him|her)|clarify|spell\s+(?:it|that)\s+out"
                          # the rest of a half-remembered expansion: "SI-NEN, small intestine something? whats the rest"
                          r"|what(?:'?s|\s+is)\s+the\s+rest(?:\s+of\s+(?:it|the\s+(?:name|letters|words)))?)(?:\s+(?:it|that|this))?"
                          r"(?:\s+(?:to|for)\s+(?:us|me|them|him|her))?(?:\s+in\s+(?:plain|simple|normal|everyday|lay|layman'?s?)"
                          r"\s+(?:words|english|terms|language))?(?:\s+please)?\s*[?.!]*\s*$", re.IGNORECASE)
# What kind of thing the term is, asked after its definition ("PPRT - what's that, is it a typo?", "ALPPS??
# is it a kind of operation"): the definition is the answer.
IDENTITY_TAIL = re.compile(r"(?:\s*[,;?]+\s*|\s+[-\u2013\u2014]+\s+|\s+(?:and|or)\s+|(?<=\bmean)\s+|(?<=\bstand\sfor)\s+)(?:so\s+)?"
                           r"(?:is|was)\s+(?:it|that|this)\s+"
                           r"(?:just\s+|really\s+|actually\s+|basically\s+)?(?:like\s+an?\s+[\w-]+(?:\s+of\s+something)?|(?:like\s+)?(?:an?\s+|the\s+)?"
                           r"(?:[\w-]+\s+thing|typo|misprint|mistake|error|"
                           r"misspelling|(?:kind|type|sort|form)\s+of\s+[\w-]+(?:\s+[\w-]+)?|drug|medicine|medication|operation|"
                           r"surgery|procedure|scan|test|treatment)"
                           # what it was meant to be, a misprint guessed: "PPRT? is that meant to be PRRT"
                           r"|(?:meant|supposed|intended)\s+to\s+be\s+[\w-]+"
                           # which of several it is, told in lay words: "what is OLT, is that the one where they give you a new liver?"
                           r"|the\s+one\s+(?:where|that|which|with|when|for|you)\b[^?!]*"
                           # ... or by a modifier of "one": "SI-NEN?? is that the small bowel one or something else"
                           r"|the\s+(?:[\w-]+\s+){1,3}?one(?:\s+(?:where|that|which|with|when|for)\b[^?!]*?)?)"
                           # what it might be a slip for, or something else: "is that a typo for prrt or something different?"
                           r"(?:\s+(?:for|of)\s+[\w-]+)?(?:\s+or\s+(?:something|a\s+different\s+(?:thing|one)"
                           # or the real thing: "is that a typo or an actual thing"
                           r"|an?\s+(?:actual|real|proper|genuine)\s+(?:thing|term|word|abbreviation|one))(?:\s+(?:else|different))?)?"
                           r"\s*[?.!]*\s*$"
                           # whether the review uses it, with who brought it up: "what does MEN1 stand for? is it in this review
                           # anywhere, my lecturer mentioned it" (the glossary says whether the review defines it)
                           r"|(?:\s*[,;?.]+\s*)(?:and\s+)?(?:is|was)\s+(?:it|that|this)\s+(?:(?:used|mentioned|defined)\s+)?in\s+(?:this|the)\s+"
                           r"(?:review|paper|article)(?:\s+(?:anywhere|at\s+all))?(?:\s*,[^?]*)?\s*[?.!]*\s*$"
                           # whether it is spelt so: "what is this letters? is spelled like that"
                           r"|(?:\s*[,;?]+\s*|\s+[-\u2013\u2014]+\s+)(?:is|was)\s+(?:(?:it|that|this)\s+)?(?:spelled|spelt|written)\s+"
                           r"(?:like\s+(?:that|this)|that\s+way|right|correctly)\s*[?.!]*\s*$", re.IGNORECASE)
# Discourse particles at the end ask nothing either: "so whats ALPPS then", "what is TAE again".
COURTESY_TAIL = re.compile(r"(?:[,\s]+(?:please|pls|plz|thanks|thank\s+you|thx|ty|for\s+me|then|again|exactly|actually"
                           r"|lol|haha|lmao"  # chat's laughter
                           r"|anyway|precisely|(?<=mean\s)(?:there|here)"
                           # where it was met: "what is it in this context?"
                           r"|in\s+(?:this|that|the)\s+context"
                           # "in normal words", "in plain English"
                           r"|in\s+(?:normal|plain|simple|everyday|layman'?s?|lay)\s+(?:words|english|terms|language)"
                           # the asker's purpose after a comma: "OLT - expansion please, for indexing", "..., for my notes"
                           # (a gerund or the asker's own thing: ", for portal vein ligation?" would name a term)
                           r"|(?<=,)\s*for\s+(?:[a-z]+ing|(?:my|our|his|her|their|your)\s+[\w-]+(?:\s+[\w-]+)?)"
                           # who brought it up, told after the question: "what is that, the surgeon mentioned it"
                           r"|(?:the|my|her|his|our|their|a)\s+[\w-]+\s+(?:mention(?:s|ed)?|said|says|wrote|writes|used|uses"
                           r"|brought\s+up)\s+(?:it|that|this|them)(?:\s+(?:today|yesterday|earlier|once|twice))?))+\s*$",
                           re.IGNORECASE)
