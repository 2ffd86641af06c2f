"""The words of asking for a treatment decision, and of asking something else after a story.

"What are the options?", "should she have surgery?", "Plan?", "what can the radiology team do for
him?" ask the Figure 2 pathway to decide (rag/routing/treatment.py reads them with the case's
features). A story followed by "is the liver the main place they spread to?" or "is it true they
won't operate if ...?" asks what the review says, whoever the story was about. Each pattern is a way
English makes a request or names a person; none is one question's wording.
"""

from __future__ import annotations

import re

from rag.core.text import NON_CONTENT_WORDS
from rag.routing.context import asks_anything, split_context

__all__ = ["ALGORITHM", "CASE_REQUEST", "GENERIC_REQUEST", "PATIENT", "REQUEST", "SENTENCE", "TREATMENT_NAME",
           "asks_general_fact"]

_F = re.IGNORECASE
SENTENCE = re.compile(r"[^.?!;]+[.?!;]*")

# Naming the review's algorithm with a case feature asks for the pathway.
ALGORITHM = re.compile(r"\b(?:algorithm|algo|pathway|fig(?:ure|\.)?\s?2|flow ?chart|decision tree)\b", _F)
REQUEST = re.compile(
    r"\bhow (?:should|would|do (?:we|you|i)|can (?:we|i|you)|to)\b[^?]*\b(?:treat|manag|approach|handl)\w*|"
    r"\bwhat (?:is|are|would be) (?:the )?(?:best|recommended|appropriate|right|optimal|preferred|next)\b[^?]*"
    r"\b(?:treatment|therapy|management|options?|steps?|approach)\b|"
    r"\bwhat (?:(?:kinds?|types?|sorts?) of )?(?:treatments?|therapy|therapies|management)\b|"
    # a person's own options: "what are her treatment options likely to be?"
    r"\bwhat (?:are|were|would be|will be) (?:his|her|their|my|our|the patient's) (?:treatment |therapy )?options\b|"
    # ("is it about who is eligible?" asks who in general is)
    r"\b(?:is|are|would) (?:he|she|they|the patient|my patient|this patient|a patient|it)\b(?:(?!\bwho\b)[^?])*"
    r"\b(?:candidate|eligible|suitable)\b|"
    r"\bshould (?:he|she|they|we|i|the patient|my patient|this patient|it)\b|"
    # what someone can do for a person: "what can the radiology team do for him?"
    r"\bwhat (?:can|could|would|should|will) (?:[\w-]+\s+){1,3}?do for (?:him|her|them|me|us|my \w+|the patient|this patient)\b|"
    # Being "listed" is being put on the waiting list for a transplant: "could she be listed?"
    r"\b(?:can|could|should|would|will) (?:he|she|they|the patient|my patient|this patient|i) be listed\b|"
    r"\blist(?:ed|ing)? (?:him|her|them|the patient|this patient)?\s*for (?:a |liver )*transplant\w*", _F)
# Words that ask for a decision only about a case: "What do you recommend for a G2 pNET?" does,
# "Is transplantation widely recommended for NELM?" asks what the review says.
CASE_REQUEST = re.compile(
    # ("next?" closing a case, as colleagues write it: "pNET G2 unresect liver-only, next?")
    r"\b(?:recommend\w*|advise|suggest\w*|propose|treatment plan|next steps?|what next|next(?=\s*\?+\s*$)|what now|what to do|"
    r"what (?:can|should|could|would|do|shall|will|must) (?:be done|(?:we|i|they) (?:be )?do(?:ing)?)|"
    r"what (?:are|were) (?:we|you|they) (?:going to )?do(?:ing)?|"
    # how clinicians ask a colleague about a case: "Plan?", "how to proceed?", "thoughts?", and a
    # choice between named options: "which of the two staged options?"
    # ("plan time off", "planning to ...": the verb, not the plan asked for)
    r"(?:management |treatment )?plan(?!\s+(?:to|time|ahead|on|my|our|their|his|her)\b)|proceed|thoughts|opinion|what would you do|"
    # asking what the team can give: "what would you offer?", "what can we offer her?" (not "should X be
    # offered to every patient?", which asks what the review says)
    r"what (?:would|could|can|should|do|might) (?:you|we|i|they) (?:offer|add|give|start|try)|"
    # the drugs a person may take: "which medicines he can take then?"
    # (the subject before its verb too, as in an embedded question or a learner's English)
    # (or be offered: "what drugs would they even offer me")
    r"(?:what|which) (?:medicines?|medications?|drugs?|tablets?|pills?) (?:(?:can|could|should|would|will|do|does|might) "
    r"(?:he|she|they|i|we|the patient|my \w+)|(?:he|she|they|i|we|the patient|my \w+) (?:can|could|should|would|will|might)) "
    r"(?:(?:even|actually|really|still|then|now) )?(?:take|have|get|be given|use|offer|give|prescribe|try|start)|"
    # ... or what the team is likely to: "they want to know what the surgeons are likely to offer"
    r"what (?:the |his |her |their )?(?:[\w-]+ )?(?:surgeons?|doctors?|team|oncologists?|specialists?|hospital) (?:is |are )?"
    r"(?:(?:likely|going|able) to )?offer|"
    # the usual course for the person told of: "What would the usual approach be?", "what is the standard treatment then?"
    r"what (?:would|will|might) (?:the |his |her |their )?(?:usual|standard|normal|typical|likely) (?:treatment|therapy|management"
    r"|approach|plan|options?|steps?) be|what (?:is|are|would be|will be) (?:the |his |her |their )?(?:usual|standard|normal|typical"
    r"|likely) (?:treatment|therapy|management|approach|plan|options?|steps?)|"
    r"which of (?:the|these|those) (?:[\w-]+ ){0,2}(?:options?|procedures?|strateg(?:y|ies)|approach(?:es)?)|"
    # a case told in fragments, then the options asked for in one word: "liver mets. can't be removed. options?"
    r"(?:^|(?<=[.,;:!?]\s))(?:any\s+)?(?:other\s+)?options(?=\s*\?)|what else|"
    # the options, in the idiom "on the table": "..., no extrahepatic disease - what's on the table?"
    # (and of one option: "is that on the table?", "would a transplant ever be on the table for her?")
    r"what(?:'s|\s+is|\s+are|\s+else\s+is)\s+(?:still\s+)?on\s+the\s+table|\b(?:is|are|be)\s+(?:\w+\s+){0,3}?(?:still\s+)?on\s+the\s+table|"
    # whether to give a treatment, put as the treatment and "or not": "g3 nec liver mets resect or not"
    r"(?:surg\w*|operat\w*|resect\w*|transplant\w*|ablat\w*|emboli[sz]\w*|list\w*)\s+or\s+not(?=\s*(?:[?.!]|$))|"
    # a way around the obstacle told ("is there any way around this?") is an option in the idiom's sense
    r"(?:any|a|another|some|other)\s+ways?\s+(?:a)?round\s+(?:this|that|it))\b", _F)

# Framing words of a treatment question, with the shorthand "Tx" (treatment), "Mx" (management), "Rx".
GENERIC_REQUEST = re.compile(r"\b(?:options?|choices|treat\w*|therap\w*|manag\w*|approach\w*|strateg\w*|candidate|eligib\w*|"
                              r"tx|mx|rx)\b", _F)
# The treatments Figure 2 chooses between: after a case ("..., FLR adequate. Surgery?", "PVE or
# ALPPS?") naming one asks whether to give it.
TREATMENT_NAME = re.compile(
    r"\b(?:surg\w*|operat\w*|ops?|resect\w*|\w*ectom(?:y|ies)|transplant\w*|OLT|ablat\w*|"
    r"(?:chemo|radio)?emboli[sz]ation|TACE|TAE|RE|SIRT|PRRT|PVE|PVL|ALPPS|somatostatin analog\w*|SSA|"
    r"everolimus|sunitinib|chemo\w*|systemic|locoregional|"
    # the operation as patients name it, a phrasal verb: "can they still cut the liver bits out?"
    r"(?:cut|cutting|take|taking|took|get|getting)\s+(?:[\w'-]+\s+){0,3}?out|"
    # "listing" in a case is putting the patient on the transplant waiting list ("R0 not achievable. Listing?")
    r"listing)\b", _F)
PATIENT = re.compile(  # a stated age ("54F", "67-year-old") also marks a patient (is_treatment_question)
    # "a patient" (indefinite) is any patient: "what makes a patient eligible?" tells no case
    r"(?<!\ba )(?<!\bany )(?<!\bevery )\b(?:patient|pt|man|woman|chap|bloke|gentleman|lady|fella|male|female|he|she|his|her|him|mr|mrs|ms|mother|father|wife|husband|son|daughter|"
    # a relative the asker names: "my dad", "my mum", "my sister"
    r"my (?:dad|mum|mom|mam|brother|sister|aunt(?:ie)?|uncle|gran(?:dma|dpa|dmother|dfather|ny)?|nan|partner|friend)|"
    r"my (?:doctor|oncologist|surgeon)|i have|i.ve|i had|"
    # the asker's own tumour, told: "my tumour is G2", "Mine is a G3 carcinoma"
    r"my (?:tumou?r|cancer|carcinoma|NET|NEN|pNET|carcinoid|neuroendocrine (?:tumou?r|cancer)) (?:is|was|has)|mine (?:is|was)|"
    # a patient telling their own age: "I'm 49", "I am 60"
    r"i(?:.m| am) \d{1,3}|"
    r"\d{1,3}[- ]?(?:year|yr)s?[- ]?old|aged? \d{1,3})\b", _F)


# A question sentence opened by a question word (or an inverted verb) that neither names a treatment nor a
# person nor asks what to do asks about the disease in general, whatever story comes before it.
# (A comma may splice a question onto the story when its verb comes first and a subject follows: "my mum has a NET in
# her pancreas, is the liver like the main place these things spread to??")
QUESTION_SENTENCE = re.compile(r"(?:^|[.?!;]\s+|\?+\s*|,\s+(?=(?:is|are|does|do)\s+(?:the|a|an|it|this|that|these|those|they|there)\b))"
                               r"((?:is|are|does|do|can|what|which|how|why|where|when)\b[^.?!;]*)[?.!]*\s*$", _F)
DECIDES = re.compile(r"\b(?:(?:this|the|her|his|their|my)\s+(?:case|situation|scenario)|say\s+for|do(?:ne)?|doing|help\w*|"
                     r"next|left|now|else|offer\w*|give|get|go|use[ds]?|happen\w*|chances?|cur\w*|chang\w*|"
                     r"reasonable|appropriate|worth\w*|suitable|indicated|right|wise|sensible|ok|okay|answer|"
                     r"survive|live|prognosis|outlook)\b", _F)
# Whether a claim holds ("is it true they won't operate if ...?", "would it be fair to say ...?") and why
# something is so ("how come they can do these operations now?") ask what the review says, not for a decision.
CLAIM_OR_REASON = re.compile(r"^\s*(?:(?:so|and|but)\s+)?(?:is\s+it\s+(?:true|right|correct|the\s+case)|would\s+it\s+be\s+"
                              r"(?:fair|right|correct)\s+to\s+say|am\s+i\s+right\s+(?:that|in\s+thinking)|how\s+come|why)\b", _F)


# A singular demonstrative as the subject of a verb of bearing on a decision, after a story, asks how what the story
# told bears on the case ("... Family is asking about transplant. where does that fit?", "would this change things?");
# "is this common?" still asks a general fact.
_POINTS_BACK = re.compile(r"\b(?:does|do|did|would|will|could|can|should|might)\s+(?:that|this)\s+(?:\w+ly\s+)?"
                          r"(?:fit|apply|change|alter|affect|matter|come\s+in)\b"
                          # or the plan told checked against a source: "is that what the chart says?"
                          r"|\b(?:is|was)\s+(?:that|this)\s+what\s+(?:the\s+)?(?:chart|algorithm|flow\s*chart|figure|review|paper|article"
                          r"|guidelines?|they|you)\s+(?:says?|recommends?|suggests?|shows?|advises?)\b", re.I)


def asks_general_fact(text: str) -> bool:
    """Does the last sentence, after a story, ask a general fact ("is the liver the main place they
    spread to") rather than about the case? Only a sentence of its own, of at least four words."""
    asked_part, told = split_context(text)  # without the asides after it ("my mum's report says well diff")
    parts = [x.group(0) for x in SENTENCE.finditer(asked_part)]
    if not told and len(parts) > 1 and asks_anything(parts[0]) and not asks_anything(" ".join(parts[1:])):
        # a story told after the question is context as much as one told before it ("is it normal for these to
        # spread to the liver? grandmas started in her pancreas and now its there too")
        asked_part, told = parts[0], " ".join(parts[1:])
    claims = [s.group(0) for s in SENTENCE.finditer(asked_part) if CLAIM_OR_REASON.match(s.group(0))]
    if claims and not any(PATIENT.search(c) for c in claims):
        return True  # a claim about a person ("is it true my dad can't have surgery?") is about the case
    m = QUESTION_SENTENCE.search(asked_part)
    if not m or (m.start(1) == 0 and not told) or len(m.group(1).split()) < 4:
        return False
    asked = m.group(1)
    if all(w in NON_CONTENT_WORDS for w in re.findall(r"[a-z][a-z']*", asked.lower())):
        return False  # "is there anything else?" names no subject of its own: it asks about the case
    if (told or m.start(1) > 0) and _POINTS_BACK.search(asked):
        return False  # "... Family is asking about transplant. where does that fit?": "that" is what was told
    return not (REQUEST.search(asked) or CASE_REQUEST.search(asked) or GENERIC_REQUEST.search(asked)
                or TREATMENT_NAME.search(asked) or PATIENT.search(asked) or ALGORITHM.search(asked)
                or DECIDES.search(asked))
