"""Is a question about another disease than the review's?

The review covers neuroendocrine neoplasms that spread to the liver. Questions about
neighbouring diseases ("Should liver metastases from breast cancer be resected?") share most of
their words with the abstract ("liver", "metastases", "resected"), so word coverage and
embedding similarity both say "answerable" and the answer would quietly apply NEN evidence to
another cancer. The same question phrased as a request ("Is hepatectomy recommended for
colorectal liver metastases?") would otherwise reach the NEN treatment algorithm.

The rule is explicit and conservative: a question that names a non-neuroendocrine cancer and
no neuroendocrine term at all is out of scope. "Liver metastases from a rectal NET" names a
neuroendocrine tumour and stays in scope; "pancreatic cancer" alone is ambiguous in lay use
and is left to the answerer. The disease list is general oncology vocabulary, not words taken
from any question of the evaluation set.
"""

from __future__ import annotations

import re

__all__ = ["other_disease", "diseases_named"]

# ("bowel cancer" is the everyday name of colorectal cancer)
_ORGANS = (r"breast|colorectal|colon|colonic|bowel|rectal|rectum|lung|prostate|prostatic|ovarian|ovary|gastric|"
           r"stomach|o?esophageal|bladder|urothelial|kidney|renal(?: cell)?|cervical|endometrial|uterine|"
           r"testicular|skin|head and neck|hepatocellular|biliary|gallbladder|bile duct|anal")
_OTHER = re.compile(
    rf"\b(?:(?:non-)?small[- ]cell )?(?:{_ORGANS})\s+(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs? metastases)\b"
    # "mets" and "secondaries" are how clinicians and patients write metastases
    r"|\bcolorectal (?:liver |hepatic )?(?:metastas[ie]s|mets|secondaries)\b"
    # a primary named before "liver metastases" is where they came from ("breast liver mets");
    # "lung mets" alone names where they went, so "liver" must be there
    rf"|\b(?:{_ORGANS})(?: cancer)? (?:liver|hepatic) (?:metastas[ie]s|mets|secondaries|deposits)\b"
    r"|\b(?:pancreatic )?(?:ductal )?adenocarcinomas?\b"
    r"|\b(?:uveal |cutaneous )?melanomas?\b|\bsarcomas?\b|\blymphomas?\b|\bleuka?emias?\b|\bmyelomas?\b"
    r"|\bglioblastomas?\b|\bgliomas?\b|\bmesotheliomas?\b|\bcholangiocarcinomas?\b|\bhepatoblastomas?\b"
    r"|\bgastrointestinal stromal tumou?rs?\b", re.I)
# Acronyms are matched in capitals only: "the gist of it" is not a stromal tumour.
_OTHER_ACRONYM = re.compile(r"\b(?:HCC|NSCLC|SCLC|CRLM|CRC|PDAC|GIST|RCC)s?\b")
_NEUROENDOCRINE = re.compile(
    r"neuroendocrine|carcinoid|\bgrade [123]\b|\bwell[- ]differentiated\b|\bislet cell\b"
    r"|insulinoma|gastrinoma|glucagonoma|vipoma|somatostatinoma", re.I)
_NEUROENDOCRINE_ACRONYM = re.compile(  # capitals only: "net benefit" names no tumour
    r"\b(?:p?NETs?|NENs?|NECs?|NELMs?|panNENs?|SI-?NENs?|GEP-?NENs?|MiNENs?|G[123])\b|\bpNETs?\b")
_ACRONYMS = {"hcc": "hepatocellular carcinoma", "nsclc": "non-small cell lung cancer",
             "sclc": "small cell lung cancer", "crlm": "colorectal liver metastases", "crc": "colorectal cancer",
             "pdac": "pancreatic ductal adenocarcinoma", "gist": "gastrointestinal stromal tumour",
             "rcc": "renal cell carcinoma"}


# A neuroendocrine tumour named only as the term of a comparison ("would surgery help her
# breast cancer like it does for NETs?", "as with carcinoids") is not what the question is about.
_COMPARED = re.compile(r"\b(?:(?:just |much )?(?:like|unlike|as with|as for|as in|same as|similar to|compared (?:to|with)|"
                       r"than|the way)\b)(?:\s+(?:it|they|he|she|you|one|surgery|treatment)\s+(?:does|do|did|is|are|would|can|works?))?"
                       r"(?:\s+(?:for|with|in|on|to))?(?:\s+(?:the|a|an|other|some|those|these))?"
                       r"(?:\s+[\w-]+){0,3}?\s*[\w-]*(?:neuroendocrine|carcinoid|NETs?|NENs?|pNETs?)\w*(?:\s+(?:tumou?rs?|neoplasms?|cancers?))?",
                       re.I)


def other_disease(question: str) -> str:
    """The non-neuroendocrine disease the question is about, or "" when it is in scope."""
    question = _COMPARED.sub(" ", question) if _OTHER.search(question) or _OTHER_ACRONYM.search(question) else question
    if _NEUROENDOCRINE.search(question) or _NEUROENDOCRINE_ACRONYM.search(question):
        return ""
    found = _OTHER.search(question) or _OTHER_ACRONYM.search(question)
    if not found:
        return ""
    name = found.group(0)
    return _ACRONYMS.get(name.lower().rstrip("s"), name)


def diseases_named(question: str) -> list[str]:
    """The name of every non-neuroendocrine disease the question names, in scope or not ("hepatectomy for
    colorectal liver metastases" -> ["colorectal"]; "HCC" -> ["hepatocellular"]): a passage that says
    nothing of them says nothing of a comparison with them."""
    found = [m.group(0) for m in _OTHER.finditer(question)]
    found += [_ACRONYMS[m.group(0).lower().rstrip("s")] for m in _OTHER_ACRONYM.finditer(question)]
    return [[w for w in re.split(r"[\s-]+", name) if w.casefold() not in _GENERIC][-1] for name in found]


# The words of a disease's name that many diseases share; the rest tell it apart ("colorectal", "stromal").
_GENERIC = {"cancer", "cancers", "carcinoma", "carcinomas", "tumour", "tumours", "tumor", "tumors", "metastases",
            "metastasis", "mets", "secondaries", "deposits", "liver", "hepatic", "cell", "small", "non"}
