"""What a question makes its subject beyond the text's topic: one person's outcome ("will my mum be cured?") or a
circumstance of daily life, a population or a treatment's harms ("is driving ok after liver surgery?").

A review states what holds for groups of patients; a passage that names none of the circumstance's words states
nothing about it, and no passage foretells one person's course. The answerer declines both whatever words the
passage shares (rag/answer/constraints.py); the router reads a personal outcome too. Pure functions, no index.
"""

from __future__ import annotations

import re

from rag.core.text import CARDINALS

# One person in the conversation: a personal pronoun, or a possessive with a word for a
# relative, a partner, a friend or a patient ("my mum", "her husband", "my 78-year-old dad").
_PERSON = (r"(?:i|he|she|you|we|they|(?:my|his|her|our|their|your)\s+(?:[\w-]+\s+){0,2}?"
           r"(?:mum|mom|mother|mam|dad|father|pa|parents?|husband|wife|partner|spouse|son|daughter|child|kid|brother|"
           r"sister|gran|grandma|grandmother|nan|nana|grandpa|grandfather|grandad|granddad|aunt|auntie|uncle|cousin|"
           r"friend|boyfriend|girlfriend|fianc[eé]e?|patient|relative|neighbou?r|colleague))")
# Verbs of how a life turns out (a closed class): cured, surviving, living, dying, recovering.
_OUTCOME = (r"(?:be cured|get cured|be (?:ok|okay|alright|all right|fine|well)|survive|live|die|recover|make it|"
            r"pull through|beat (?:it|this)|get better|be here|be around|see (?:\w+ ){0,2}?(?:grow|grand\w*|wedding|"
            r"birthday|christmas|graduat\w*|retire\w*|next)|come home)")
_PERSONAL_OUTCOME = re.compile(
    r"\b(?:will|would|won'?t|shall)\s+" + _PERSON + r"\s+(?:\w+\s+){0,2}?(?:be able to\s+)?" + _OUTCOME + r"\b"
    r"|\b(?:is|are|am)\s+" + _PERSON + r"\s+(?:\w+\s+)?(?:likely|going|expected|gonna)\s+(?:to\s+)?" + _OUTCOME + r"\b"
    r"|\bhow long (?:has|have|does|do|will|would)\s+" + _PERSON + r"\s+(?:\w+\s+)?(?:got|left|live|survive|have)\b"
    # the chances of one person's outcome: "what are the chances he's still here in 5 years?"
    r"|\b(?:chances?|odds|likelihood)\s+(?:of\s+|that\s+)?" + _PERSON + r"(?:'s|\u2019s|s|\s+is|\s+will\s+be)?\s+(?:still\s+)?"
    r"(?:here|alive|around|living|cured|ok|okay|fine)\b"
    # the end of one person's life: "will the liver spots make her last days painful?"
    r"|\b(?:my|his|her|their|our|your)\s+(?:last|final|remaining)\s+(?:few\s+)?(?:days|weeks|months|moments|hours)\b", re.I)


def asks_personal_outcome(question: str) -> bool:
    """"Will my mum be cured?", "is my dad likely to die during the op?", "how long has she
    got?": a prediction of how one person's illness turns out. A review states what holds
    for groups of patients (what is indicated, what may prolong survival); no passage of it
    foretells one person's course, so such a question is declined whatever words it shares.
    "Can my mum have the operation?" asks what is indicated, and is not one of these."""
    return bool(_PERSONAL_OUTCOME.search(question))


# Circumstances that a question makes its subject when it names one: a particular population
# (children, pregnancy, animals) or a matter of daily life (food, drink, driving, travel, work,
# exercise, money, waiting), a treatment's harms, pain or the end of life. Each is a group of words of one dictionary sense. A passage that
# names none of the group states nothing about it: "is driving ok after liver surgery?" is not
# answered by what the text says about liver surgery, however many other words it shares.
CIRCUMSTANCES: dict[str, frozenset[str]] = {name: frozenset(words.split()) for name, words in {
    "childhood": "child children childhood kid kids paediatric pediatric infant infants baby babies toddler "
                 "toddlers teenager teenagers teen teens adolescent adolescents adolescence",
    "pregnancy": "pregnant pregnancy pregnancies breastfeeding breast-feeding fertility conceive conception",
    "animals": "dog dogs cat cats canine feline veterinary pet pets horse horses",
    "alcohol": "alcohol alcoholic wine beer beers drink drinks drinking booze",
    "diet": "diet diets dietary eat eating food foods meal meals nutrition vegetarian vegan",
    # Not "drive"/"driver": "what drives the choice?", "an oncogenic driver".
    "driving": "driving car cars",
    "travel": "fly flying flight flights travel travelling traveling holiday holidays vacation abroad",
    "employment": "job jobs employer employment workplace",
    "exercise": "exercise exercising gym sport sports swimming jogging cycling",
    "sex": "sex sexual intercourse",
    "smoking": "smoke smoking smoker cigarettes cigarette",
    "money": "cost costs costly price prices priced pay paying afford affordable expensive insurance insurer "
             "money fee fees",
    "waiting": "wait waiting waitlist queue",
    # a treatment's harms: "what are the side effects of TACE?" is not answered by a caption naming TACE
    "harms": "side-effect side-effects toxicity toxicities adverse complication complications harms",
    # whether it is safe ("is it safe for my dad to have the bead treatment?"): the text's "performed safely" says so
    "safety": "safe safely safety unsafe",
    # pain and care at the end of life, which the review's text does not address
    "pain": "pain pains painful analgesia analgesic analgesics painkiller painkillers",
    "end of life": "end-of-life",
}.items()}
_WORD = re.compile(r"[a-z][a-z'-]*")


# Children counted ("he's 49 with two little kids") are someone's family, not the population asked about.
_COUNTED_CHILDREN = re.compile(r"\b(?:\d+|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r")\s+"
                               r"(?:(?:little|young|small|teenage|grown(?:-up)?)\s+)?(?:kids|children|grandchildren|grandkids)\b", re.I)


# "Wait" opening a sentence as an interjection ("wait so who gets picked?", "Wait, is that right?") is no waiting.
_WAIT_INTERJECTED = re.compile(r"(?:^|(?<=[.?!]\s))\s*(?:oh\s+)?wait\b(?:\s+a\s+(?:sec|second|minute|moment))?(?:\s*[,!.:-]+\s*|\s+(?="
                               r"(?:so|but|then|what|which|who|how|why|is|are|does|do|did|can|could|that|i|you)\b))", re.I)


# Cells or a tumour "travelling to the liver" spread there: a journey to an organ or through the body is no trip.
_TRAVEL_IN_BODY = re.compile(r"\btravel\w*\s+(?:to|into|through|via|around|in)\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+|other\s+)?"
                             r"(?:liver|bones?|lungs?|brain|blood(?:stream)?|lymph\w*|body|organs?|nodes?|peritoneum|belly|abdomen)\b"
                             # a tumour that travels spreads, wherever to: "when these neuroendocrine growths travel"
                             r"|\b(?:tumou?rs?|growths?|cancers?|cells?|mets|metastas[ie]s|neoplasms?|NE[NT]s?|lesions?|disease)\s+"
                             r"(?:(?:can|could|may|might|do|does|will|often|usually|tend\s+to)\s+)?travel\w*", re.I)


# Someone waiting on the asker, told as an aside that urges haste ("pt waiting, quick pls"), asks nothing about waiting.
_WAITING_ASIDE = re.compile(r"\b(?:pt|patient|family|relatives?|client|(?:s?he|they)(?:'s|'re|\s+is|\s+are)?)\s+(?:is\s+|are\s+)?"
                            r"(?:still\s+)?waiting\b(?=\s*(?:[,.!;:-]|$)|\s+(?:so|now|here|outside|in\s+(?:clinic|the\s+room)))", re.I)


def named_circumstances(text: str) -> set[str]:
    """The circumstance groups (CIRCUMSTANCES) whose words the text names."""
    text = _WAITING_ASIDE.sub(" ", _WAIT_INTERJECTED.sub(" ", _COUNTED_CHILDREN.sub(" ", text)))
    text = _JOB_AS_TASK.sub(" ", _TRAVEL_IN_BODY.sub(" ", text))
    words = set(_WORD.findall(re.sub(r"\bside\s+effect", "side-effect", text.lower())))
    return {name for name, group in CIRCUMSTANCES.items() if words & group} | {
        name for name, phrase in _PHRASES.items() if phrase.search(text)}


# "Job" as a task, not employment: "how big a job it would be", "a major job", "quite a job".
_JOB_AS_TASK = re.compile(r"\b(?:how\s+(?:big|hard|long|difficult|major|complex)\s+an?|an?\s+(?:big|bigger|huge|major|small|"
                          r"smaller|quick|tough|hard|difficult|long|massive|serious|complex)|quite\s+a)\s+job\b", re.I)


# A circumstance named only by a phrase whose words are too common alone: "work" is also whether a treatment works,
# but "back to work" or "off work" is a job.
_PHRASES = {"employment": re.compile(r"\b(?:back|return\w*)\s+to\s+work\b|\b(?:off|at|from)\s+work\b", re.I)}
