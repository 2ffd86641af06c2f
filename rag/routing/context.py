"""Statements before a question -> (the question, the context it was given in).

"My mum has a NET. In which journal was the review published?": people tell their story and
then ask. The question sentence says what is asked; the statements say about whom. Read as one
text, the statements' words (a capitalised "NET", "mum") look like a subject of their own: a
bibliographic question about the review reads as one about some other work, and a passage is
judged on words nobody asked about. So the question sentence is what is asked and the
statements are context, the way an earlier turn is for a follow-up (rag/routing/followup.py).

Only complete statements that come before the last question count: a sentence ending in "?",
or opening with a question word or an inverted verb, is asked; everything else is told.
"""

from __future__ import annotations

import re

# A period that closes an abbreviation ("Hofland et al.", "e.g.", "vs.", "Dr.") ends no sentence.
_ABBREVIATED = r"\b(?:et\s+al|e\.g|i\.e|vs|cf|approx|figs?|refs?|vol|dr|mr|mrs|ms|prof|pp)\.(?!$)"
_SENTENCE = re.compile(r"(?:" + _ABBREVIATED + r"|[^.?!])+(?:[.?!]+|$)", re.I)
_ASKING = re.compile(r"^\s*(?:who|whom|whose|what|whats|which|when|where|why|how|is|are|was|were|am|do|does|did|"
                     r"can|could|should|would|will|shall|may|might|must|has|have|had|any|tell|explain|define|"
                     r"list|name|give|show|describe)\b", re.I)


def _asks(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_ASKING.match(sentence))


def asks_anything(text: str) -> bool:
    """Does any sentence of `text` ask? "62M, G2 ileal NET, no EHD." only tells."""
    return any(_asks(s) for s in _SENTENCE.findall(text) if s.strip())


# A sentence after the question that speaks of the asker or the patient ("Sorry, I'm just very worried about
# my wife", "revising for surg exams", "his cancer is the neuroendocrine type", "I only see the epub date") is
# an aside on the question already asked: it is neither searched for nor weighed. A fragment that goes on with
# the question ("For resectable NELM.") is part of it.
_ASIDE = re.compile(r"^\s*(?:i|i'm|im|i've|ive|my|me|we|our|he|she|they|his|her|their|he's|she's|hes|shes|sorry|thanks"
                    r"|thank\s+you|cheers|[a-z]+ing)\b", re.I)


def split_context(text: str) -> tuple[str, str]:
    """(question, context): the text from its first asking sentence on (without the asides after its
    last one), and the statements before it; ("", "") parts are never invented, so a text with no
    statement around its question comes back as (text, "")."""
    sentences = [s for s in _SENTENCE.findall(text) if s.strip()]
    asking = [i for i, sentence in enumerate(sentences) if _asks(sentence)]
    if not asking:
        return text, ""
    first, last = asking[0], asking[-1]
    if not all(_ASIDE.match(s) for s in sentences[last + 1:]):
        last = len(sentences) - 1
    told = " ".join(s.strip() for s in sentences[:first])
    # A statement needs a verb-sized body; "Hi Dr." or "NELM." alone is not context.
    if len(told.split()) < 3:
        first, told = 0, ""
    return " ".join(s.strip() for s in sentences[first:last + 1]), told
