"""Where a case says the disease is outside the liver, or that it is not: the organ words, the
findings they carry and the phrases for liver-only disease, as regular expressions.

In: nothing; this module is a table, as rag/algorithm/phrases.py is for the other inputs. Out:
`EXTRAHEPATIC` (a site and its finding, or spread to an organ), `organs_named` (which organs a
matched phrase names), `GENERAL_SITE` ("extrahepatic", "elsewhere") and `LIVER_ONLY`.
rag/algorithm/inputs.py applies them and decides negation.
"""

from __future__ import annotations

import re

__all__ = ["ORGAN_WORDS", "EXTRAHEPATIC", "organs_named", "GENERAL_SITE", "LIVER_ONLY"]

_F = re.IGNORECASE
# Sites outside the liver; "mets" is metastases, "dz" disease, "EHD" extrahepatic disease. Lymph
# nodes outside the abdomen (mediastinal, supraclavicular, axillary) are distant for a
# gastroenteropancreatic primary; regional nodes go with the primary and are not listed.
# Each organ outside the liver with the words a case uses for it: the adjective before a
# finding ("bone mets", "osseous deposits") and the noun after a preposition ("spread to the
# bones"). `_SITE` and `_ORGAN` are built from this one table and `organs_named` reads it back,
# so finding a site and telling which organ it is cannot drift apart.
ORGAN_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # named bones of the axial skeleton carry bone metastases too: "sacral", "rib", "sternal", "skull"
    "bone": (("bone", "bony", "osseous", "skeletal", "vertebral", "spinal", "spine", "sacral", "rib", "sternal", "skull"),
             ("bones?", "skeleton", "spine", "ribs?", "sacrum", "sternum", "skull")),
    "lung": (("lung", "pulmonary"), ("lungs?",)),
    "pleura": (("pleural",), ("pleura",)),
    "peritoneum": (("peritoneal",), ("peritoneum",)),
    "brain": (("brain", "cerebral"), ("brain",)),
    "adrenal": (("adrenal",), ("adrenals?",)),
    "ovary": (("ovarian",), ("ovar(?:y|ies)",)),
    "distant nodes": (("distant (?:lymph )?nod(?:es|e|al)",
                       "(?:mediastinal|supraclavicular|axillary)(?: lymph)?(?: nod(?:es|e|al))?"), ("mediastinum",)),
}
_SITE = "(?:" + "|".join(w for adjectives, _ in ORGAN_WORDS.values() for w in adjectives) + "|extra-?hepatic|other)"
_METS = r"(?:metasta\w*|mets?)"  # "mets" is metastases
# What a site carries: "bone mets", "peritoneal deposits", "lung nodules", "bone secondaries"
# (the British clinical word for metastases), "peritoneal seeding".
_SITE_FINDING = (rf"(?:{_METS}|secondar(?:y|ies)|lesions?|deposits?|disease|dz|involvement|spread|implants?|"
                 r"nodules?|carcinomatosis|seeding|seedlings?|foci|sites?)")
# Organs named after a preposition: "mets to the lungs", "secondaries in the liver and in the bones".
_ORGAN = "(?:" + "|".join(w for _, nouns in ORGAN_WORDS.values() for w in nouns) + "|other (?:organs?|sites?|places?))"
# One item of a list after "to"/"in": each may bring its own preposition, article or possessive
# and an "also"/"too" ("to the liver and also to my bones").
_DET = r"(?:(?:the|my|his|her|their|both)\s+)?"
_CONJ = r"\s*(?:,|\band\b|\bor\b|&|/|\+|\bas well as\b)\s*(?:(?:also|too)\s+)?(?:(?:to|in|into)\s+)?"
EXTRAHEPATIC = re.compile(rf"\b{_SITE}(?:\s*(?:,|and|or|/|&|\+)\s*{_SITE})*\s+{_SITE_FINDING}\b|"
                           r"\b(?:peritoneal carcinomatosis|carcinomatosis|peritoneum|EHD)\b|"
                           # the adjective closing its phrase, its noun elided: "nil extrahepatic.", "no extrahepatic, resectable"
                           r"\bextra-?hepatic(?=\s*(?:[.,;:!?)]|$|\s+(?:and|or|but)\b))|"
                           # a metastasis named, or spreading, then where: "mets to liver and lungs",
                           # "it has spread to the liver and also to my bones"
                           # or found there: "they found it in my bones", "seen in the lungs too"
                           # or just there: "what if it's in his bones too?"
                           # ("spots", the lay word for lesions on a scan: "spots in his spine")
                           rf"\b(?:{_METS}|secondar(?:y|ies)|deposits?|spots?|spread|gone|metastasi[sz]ed|it'?s|it\s+is|(?:found|seen|detected)"
                           r"(?:\s+(?:it|them|some|more|spots|lesions))?)\s+(?:to|in|into)\s+"
                           rf"{_DET}(?:[\w-]+{_CONJ}{_DET}){{0,3}}{_ORGAN}\b|"
                           # disease outside the liver is extrahepatic disease: "no disease outside the liver"
                           rf"\b(?:{_METS}|secondar(?:y|ies)|disease|dz|spread|tumou?rs?)\s+(?:outside|beyond)\s+"
                           r"(?:of\s+)?(?:the\s+)?liver\b|"
                           rf"\b(?:{_METS}|secondar(?:y|ies)|disease|dz|spread)\s+(?:anywhere\s+)?elsewhere\b|"
                           # distant nodes named in a case are involved nodes: "a few mediastinal lymph nodes"
                           r"\b(?:distant|mediastinal|supraclavicular|axillary)\s+(?:lymph\s+)?nodes?\b", _F)
_NAMES_ORGAN = {organ: re.compile(r"\b(?:" + "|".join(adjectives + nouns) + r")\b", _F)
                for organ, (adjectives, nouns) in ORGAN_WORDS.items()}


def organs_named(phrase: str) -> set[str]:
    """The organs a site phrase names: "lung and osseous mets" -> {"lung", "bone"}."""
    return {organ for organ, names in _NAMES_ORGAN.items() if names.search(phrase)}


GENERAL_SITE = re.compile(r"\b(?:extra-?hepatic|other|EHD|outside|beyond|elsewhere)\b", _F)
LIVER_ONLY = re.compile(r"\b(?:liver[- ]only|liver[- ]limited|liver[- ]confined|confined to (?:the )?liver|"
                         rf"limited to (?:the )?liver|isolated (?:liver|hepatic) {_METS}|"
                         # "metastases only in liver", "in the liver only", "just in the liver", "spread only to the liver", and
                         # as an appositive: "went to the liver, only the liver," ("treating just the liver" is no site)
                         r"(?<!not )(?:only|just|solely|exclusively) (?:in|to) (?:the )?liver(?![- ](?:lobe|segment|side|half))"
                         r"|(?:in|to) (?:the )?liver only|(?<=, )(?:only|just) (?:the )?liver(?=\s*[,.;]|\s*$)|"
                         r"nothing (?:else )?(?:outside|beyond) (?:the )?liver|"
                         # "nothing anywhere else on the pet scan", "nowhere else": said after the liver findings
                         r"nothing (?:anywhere )?else(?:where)?(?= on\b| in\b|\s*[.,;]|\s*$)|nowhere else)\b", _F)
