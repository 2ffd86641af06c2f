"""The phrases a clinician writes for each treatment-algorithm input, as regular expressions.

In: nothing; this module is a table. Out: compiled patterns, grouped by the input they
inform (grade and Ki-67, primary site, liver resectability and distribution type,
extrahepatic disease, symptoms, recurrence, primary resection, age, liver involvement,
stable disease), the words that count ("a", "two", ...), and the NegEx triggers and clause
breaks (Chapman et al., J Biomed Inform 2001) that decide whether a finding is negated.

It does not apply the patterns, resolve conflicts or decide treatment:
rag/algorithm/inputs.py reads a question with them.
"""

from __future__ import annotations

import re

from rag.core.text import CARDINALS

_F = re.IGNORECASE
# A count written as digits or words; "a"/"an" count one ("an ileal primary").
COUNT_WORDS = {**{w: n for w, n in CARDINALS.items() if n}, "a": 1, "an": 1}
_NUM = r"(\d{1,3}(?:\.\d+)?|" + "|".join(sorted((w.replace(" ", "[- ]") for w in COUNT_WORDS if "-" not in w),
                                               key=len, reverse=True)) + ")"

# Negation triggers before a finding, and the clause breaks that end their reach.
NEG_BEFORE = re.compile(r"\b(?:no|not|without|absence of|absent|free of|negative for|denies|nor|neither)\b", _F)
CLAUSE_BREAK = re.compile(
    r"[.,;:!?()]|\b(?:but|however|although|though|whereas|yet|with|has|have|had|shows?|showed|"
    r"presents?|presented|developed|and now)\b", _F)
NEG_AFTER = re.compile(r"^\s*(?:(?:were|was|is|are|has been|have been)\s+)?(?:excluded|ruled out|absent|"
                        r"negative|not (?:seen|found|detected|present))\b", _F)

GRADE_PATTERNS = [  # (pattern, value, assumed?)
    (re.compile(r"\bG\s?1\s*(?:/|-|or|to)\s*G?\s?2\b", _F), "G1/G2", False),
    (re.compile(r"\b(?:NET\s+)?G\s?-?([123])\b", _F), "G{}", False),
    (re.compile(r"\bgrade\s*(?:is\s*)?([123]|iii|ii|i|one|two|three)\b", _F), "G{}", False),
    (re.compile(r"\b(?:neuroendocrine carcinomas?|NECs?|poorly[- ]differentiated|small[- ]cell carcinoma|"
                r"large[- ]cell neuroendocrine)\b", _F), "NEC", False),
    (re.compile(r"\bhigh[- ]grade\b", _F), "G3", True),
    (re.compile(r"\bintermediate[- ]grade\b", _F), "G2", True),
    (re.compile(r"\b(?:well[- ]differentiated|low[- ]grade)\b", _F), "G1/G2", True),
]
GRADE_WORD = {"1": "1", "i": "1", "one": "1", "2": "2", "ii": "2", "two": "2", "3": "3", "iii": "3", "three": "3"}
KI67 = re.compile(r"\b(?:ki[- ]?67|mib[- ]?1)\b[^%\d.;]{0,30}?(\d{1,3}(?:\.\d+)?)\s*%", _F)

PRIMARY_PATTERNS = [
    (re.compile(r"\b(?:pancrea\w*|p-?NE[NT]s?|pan-?NE[NT]s?|islet[- ]cell|insulinomas?|glucagonomas?|"
                r"VIPomas?)\b", _F), "pancreas"),
    (re.compile(r"\b(?:ileal|ileum|ileoc(?:a)?ecal|jejunal|jejunum|small[- ](?:bowel|intestin\w*)|mid-?gut|"
                r"SI-?NE[NT]s?)\b", _F), "small-intestine"),
    (re.compile(r"\b(?:rectal|rectum|gastric|stomach|duodenal|duodenum|appendi\w+|colonic|colorectal|"
                r"bronchial|bronchopulmonary|thymic|(?:lung|pulmonary)\s+(?:NE[NT]s?|carcinoids?|neuroendocrine|primary|"
                r"tumou?rs?))\b", _F), "other"),
]
UNKNOWN_PRIMARY = re.compile(r"\b(?:unknown primary|primary (?:site )?(?:is )?unknown|CUP)\b", _F)

LIVER_PATTERNS = [  # checked in order; a later pattern never overrides an earlier one
    (re.compile(r"\b(?:(?:FLR|future liver remnant|(?:liver )?remnant)\b[^.;]{0,40}?\b(?:too small|small|"
                r"insufficient|inadequate)|(?:small|insufficient|inadequate)\s+(?:future liver remnant|FLR|"
                r"(?:liver )?remnant)|two[- ]stage|2[- ]stage|staged (?:hepatectomy|resection|approach)|ALPPS|"
                r"portal vein (?:embolization|embolisation|ligation))\b", _F), "staged"),
    (re.compile(r"\b(?:unresectable|irresectable|non-?resectable|not (?:surgically )?resectable|inoperable|"
                r"can ?not be (?:surgically )?(?:resected|removed|operated)|can't be (?:resected|removed)|"
                r"not amenable to (?:surgery|surgical resection|resection))\b", _F), "unresectable"),
    (re.compile(r"\b(?:resectable|operable|amenable to (?:surgery|resection)|can be (?:resected|removed))\b", _F),
     "resectable"),
]
DISTRIBUTION_PATTERNS = [  # (pattern, type, assumed?)
    (re.compile(r"\btype\s*(III|II|I|3|2|1)\b(?!\s*diabet)", _F), None, False),
    (re.compile(r"\b(?:diffuse|disseminated|miliary|innumerable)\b", _F), "III", False),
    (re.compile(r"\bcomplex (?:liver )?(?:metastas\w*|pattern|distribution)\b", _F), "II", False),
    (re.compile(r"\b(?:bilobar|bilobular|bilateral|both (?:liver )?lobes)\b", _F), "II", True),
    (re.compile(r"\b(?:single|solitary|unifocal|one) (?:large |small )?(?:liver |hepatic )?(?:metastasis|"
                r"metastases|lesion|nodule|deposit|met)\b", _F), "I", False),
]
TYPE = {"1": "I", "2": "II", "3": "III", "i": "I", "ii": "II", "iii": "III"}

_SITE = (r"(?:bone|bony|osseous|skeletal|peritoneal|lung|pulmonary|brain|cerebral|extra-?hepatic|"
         r"distant (?:lymph )?nod(?:es|e|al)|other)")
EXTRAHEPATIC = re.compile(rf"\b{_SITE}(?:\s*(?:,|and|or|/|&)\s*{_SITE})*\s+(?:metasta\w*|mets|lesions?|"
                           r"deposits?|disease|involvement|spread|implants?|nodules?|carcinomatosis)\b|"
                           r"\b(?:peritoneal carcinomatosis|carcinomatosis|peritoneum)\b|"
                           r"\bmetasta\w*\s+(?:to|in)\s+(?:the\s+)?(?:bones?|lungs?|peritoneum|brain|skeleton)\b", _F)
GENERAL_SITE = re.compile(r"\b(?:extra-?hepatic|other)\b", _F)
LIVER_ONLY = re.compile(r"\b(?:liver[- ]only|liver[- ]limited|liver[- ]confined|confined to the liver|"
                         r"limited to the liver|isolated (?:liver|hepatic) metasta\w*)\b", _F)

_SYMPTOM = r"(?:carcinoid syndrome|syndrome|symptoms?|flushing|diarrh\w*|hypoglyc\w*|hormonal)"
REFRACTORY = re.compile(
    rf"\b{_SYMPTOM}[^.;]{{0,60}}?\b(?:despite|refractory to|not controlled (?:by|with|on)|uncontrolled (?:on|by|with)|"
    r"resistant to|persist\w* (?:on|despite))(?:\s+(?:the\s+)?[\w-]+)?|"
    rf"\b(?:refractory|uncontrolled|intractable|poorly controlled)\b[^.;]{{0,30}}?{_SYMPTOM}", _F)
NO_SYMPTOMS = re.compile(r"\b(?:asymptomatic|non-?functioning|non-?functional|symptoms? (?:are |is )?(?:well[- ])?"
                          r"controlled)\b", _F)
RECURRENCE = re.compile(r"\b(?:recurren\w*|recurred|relaps\w*)\b", _F)
PRIOR_HEPATECTOMY = re.compile(r"\b(?:previous|prior|earlier|past)\s+(?:\w+\s+)?(?:hepatectomy|liver resection|"
                                r"liver surgery)\b", _F)
PRIMARY_RESECTED = re.compile(
    r"\bprimary(?: tumou?r)?\b[^.;]{0,30}?\b(?:resected|removed|excised|operated)\b|"
    r"\b(?:resected|removed) primary\b|"
    r"\b(?:after|following|s/p|status post|underwent|had)\b[^.;]{0,40}?\b(?:whipple|pancreaticoduodenectomy|"
    r"(?:distal )?pancreatectomy|small[- ]bowel resection|ileal resection|ileoc(?:a)?ecal resection|"
    r"right hemicolectomy|resection of the primary)\b", _F)
PRIMARY_IN_SITU = re.compile(r"\b(?:primary (?:tumou?r )?(?:still )?in (?:situ|place)|unresected primary|"
                              r"primary (?:tumou?r )?(?:has )?not (?:yet )?(?:been )?(?:resected|removed))\b", _F)
INNER_NEG = re.compile(r"\b(?:not|never)\b|n't", _F)

AGE = [re.compile(p, _F) for p in (
    r"\b(\d{1,3})[- ]?(?:year|yr)s?[- ]?old\b", r"\baged?\s*(?:of\s*)?(\d{1,3})\b",
    r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.)", r"\b(\d{1,3})\s*(?:years?|yrs?)\s+of\s+age\b")]
LIVER_PCT = [re.compile(p, _F) for p in (
    r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of\s+(?:the\s+)?(?:liver|hepatic parenchyma|liver volume|liver parenchyma)|"
    r"(?:liver|hepatic)\s+(?:involvement|replacement|burden|tumou?r burden))",
    r"\b(?:liver|hepatic)\s+(?:involvement|replacement|tumou?r burden|burden)\s*(?:of|is|was|:|=|at|about|around|"
    r"approximately|~)?\s*(\d{1,3}(?:\.\d+)?)\s*%")]
BOUND = re.compile(r"(?:less than|under|below|more than|over|above|greater than|at least|at most|up to|[<>≤≥])\s*$",
                    _F)
STABLE = [re.compile(p, _F) for p in (
    rf"\bstable(?:\s+disease)?\s+(?:for|over|during|of)\s+(?:the\s+)?(?:past\s+|last\s+)?{_NUM}\s*(months?|mo|years?|yrs?)\b",
    rf"\b{_NUM}\s*(months?|years?)\s+of\s+(?:stable disease|stability|disease stability|no progression)\b",
    rf"\bno progression\s+(?:for|over|in)\s+(?:the\s+)?(?:past\s+|last\s+)?{_NUM}\s*(months?|years?)\b")]
