"""From a free-text question to `AlgorithmInputs`, and whether a question asks for treatment.

In: the user's question. Out: `extract_inputs(question) -> AlgorithmInputs`, with the phrase each
value came from (`evidence`) and which values are interpretations (`assumed`, e.g.
"well-differentiated" read as G1/G2). `is_treatment_question(question) -> bool`, the router's
test, lives in rag/routing/treatment.py and is re-exported here.

Rules are small regular expressions, not a model: the result must be predictable and testable.
Negation follows the NegEx idea (Chapman et al., J Biomed Inform 2001): a trigger such as "no" or
"without" shortly before a finding, in the same clause, negates it ("no extrahepatic disease",
"without bone metastases"). What is not stated stays None; the algorithm then asks for it.
This module does not decide treatment; it only reads the question.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from rag.algorithm.types import NUMBER_RANGES, AlgorithmInputs
from rag.core.errors import InvalidQuestionError

__all__ = ["extract_inputs"]

_F = re.IGNORECASE
_NUM = r"(\d{1,3}(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four)"
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
          "twenty-four": 24, "twenty four": 24}

# Negation triggers before a finding, and the clause breaks that end their reach.
_NEG_BEFORE = re.compile(r"\b(?:no|not|without|absence of|absent|free of|negative for|denies|nor|neither)\b", _F)
_CLAUSE_BREAK = re.compile(
    r"[.,;:!?()]|\b(?:but|however|although|though|whereas|yet|with|has|have|had|shows?|showed|"
    r"presents?|presented|developed|and now)\b", _F)
_NEG_AFTER = re.compile(r"^\s*(?:(?:were|was|is|are|has been|have been)\s+)?(?:excluded|ruled out|absent|"
                        r"negative|not (?:seen|found|detected|present))\b", _F)

_GRADE_PATTERNS = [  # (pattern, value, assumed?)
    (re.compile(r"\bG\s?1\s*(?:/|-|or|to)\s*G?\s?2\b", _F), "G1/G2", False),
    (re.compile(r"\b(?:NET\s+)?G\s?-?([123])\b", _F), "G{}", False),
    (re.compile(r"\bgrade\s*(?:is\s*)?([123]|iii|ii|i|one|two|three)\b", _F), "G{}", False),
    (re.compile(r"\b(?:neuroendocrine carcinomas?|NECs?|poorly[- ]differentiated|small[- ]cell carcinoma|"
                r"large[- ]cell neuroendocrine)\b", _F), "NEC", False),
    (re.compile(r"\bhigh[- ]grade\b", _F), "G3", True),
    (re.compile(r"\bintermediate[- ]grade\b", _F), "G2", True),
    (re.compile(r"\b(?:well[- ]differentiated|low[- ]grade)\b", _F), "G1/G2", True),
]
_GRADE_WORD = {"1": "1", "i": "1", "one": "1", "2": "2", "ii": "2", "two": "2", "3": "3", "iii": "3", "three": "3"}
_KI67 = re.compile(r"\b(?:ki[- ]?67|mib[- ]?1)\b[^%\d.;]{0,30}?(\d{1,3}(?:\.\d+)?)\s*%", _F)

_PRIMARY_PATTERNS = [
    (re.compile(r"\b(?:pancrea\w*|p-?NE[NT]s?|pan-?NE[NT]s?|islet[- ]cell|insulinomas?|glucagonomas?|"
                r"VIPomas?)\b", _F), "pancreas"),
    (re.compile(r"\b(?:ileal|ileum|ileoc(?:a)?ecal|jejunal|jejunum|small[- ](?:bowel|intestin\w*)|mid-?gut|"
                r"SI-?NE[NT]s?)\b", _F), "small-intestine"),
    (re.compile(r"\b(?:rectal|rectum|gastric|stomach|duodenal|duodenum|appendi\w+|colonic|colorectal|"
                r"bronchial|bronchopulmonary|thymic|(?:lung|pulmonary)\s+(?:NE[NT]s?|carcinoids?|neuroendocrine|primary|"
                r"tumou?rs?))\b", _F), "other"),
]
_UNKNOWN_PRIMARY = re.compile(r"\b(?:unknown primary|primary (?:site )?(?:is )?unknown|CUP)\b", _F)

_LIVER_PATTERNS = [  # checked in order; a later pattern never overrides an earlier one
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
_DISTRIBUTION_PATTERNS = [  # (pattern, type, assumed?)
    (re.compile(r"\btype\s*(III|II|I|3|2|1)\b(?!\s*diabet)", _F), None, False),
    (re.compile(r"\b(?:diffuse|disseminated|miliary|innumerable)\b", _F), "III", False),
    (re.compile(r"\bcomplex (?:liver )?(?:metastas\w*|pattern|distribution)\b", _F), "II", False),
    (re.compile(r"\b(?:bilobar|bilobular|bilateral|both (?:liver )?lobes)\b", _F), "II", True),
    (re.compile(r"\b(?:single|solitary|unifocal|one) (?:large |small )?(?:liver |hepatic )?(?:metastasis|"
                r"metastases|lesion|nodule|deposit|met)\b", _F), "I", False),
]
_TYPE = {"1": "I", "2": "II", "3": "III", "i": "I", "ii": "II", "iii": "III"}

_SITE = (r"(?:bone|bony|osseous|skeletal|peritoneal|lung|pulmonary|brain|cerebral|extra-?hepatic|"
         r"distant (?:lymph )?nod(?:es|e|al)|other)")
_EXTRAHEPATIC = re.compile(rf"\b{_SITE}(?:\s*(?:,|and|or|/|&)\s*{_SITE})*\s+(?:metasta\w*|mets|lesions?|"
                           r"deposits?|disease|involvement|spread|implants?|nodules?|carcinomatosis)\b|"
                           r"\b(?:peritoneal carcinomatosis|carcinomatosis|peritoneum)\b|"
                           r"\bmetasta\w*\s+(?:to|in)\s+(?:the\s+)?(?:bones?|lungs?|peritoneum|brain|skeleton)\b", _F)
_GENERAL_SITE = re.compile(r"\b(?:extra-?hepatic|other)\b", _F)
_LIVER_ONLY = re.compile(r"\b(?:liver[- ]only|liver[- ]limited|liver[- ]confined|confined to the liver|"
                         r"limited to the liver|isolated (?:liver|hepatic) metasta\w*)\b", _F)

_SYMPTOM = r"(?:carcinoid syndrome|syndrome|symptoms?|flushing|diarrh\w*|hypoglyc\w*|hormonal)"
_REFRACTORY = re.compile(
    rf"\b{_SYMPTOM}[^.;]{{0,60}}?\b(?:despite|refractory to|not controlled (?:by|with|on)|uncontrolled (?:on|by|with)|"
    r"resistant to|persist\w* (?:on|despite))(?:\s+(?:the\s+)?[\w-]+)?|"
    rf"\b(?:refractory|uncontrolled|intractable|poorly controlled)\b[^.;]{{0,30}}?{_SYMPTOM}", _F)
_NO_SYMPTOMS = re.compile(r"\b(?:asymptomatic|non-?functioning|non-?functional|symptoms? (?:are |is )?(?:well[- ])?"
                          r"controlled)\b", _F)
_RECURRENCE = re.compile(r"\b(?:recurren\w*|recurred|relaps\w*)\b", _F)
_PRIOR_HEPATECTOMY = re.compile(r"\b(?:previous|prior|earlier|past)\s+(?:\w+\s+)?(?:hepatectomy|liver resection|"
                                r"liver surgery)\b", _F)
_PRIMARY_RESECTED = re.compile(
    r"\bprimary(?: tumou?r)?\b[^.;]{0,30}?\b(?:resected|removed|excised|operated)\b|"
    r"\b(?:resected|removed) primary\b|"
    r"\b(?:after|following|s/p|status post|underwent|had)\b[^.;]{0,40}?\b(?:whipple|pancreaticoduodenectomy|"
    r"(?:distal )?pancreatectomy|small[- ]bowel resection|ileal resection|ileoc(?:a)?ecal resection|"
    r"right hemicolectomy|resection of the primary)\b", _F)
_PRIMARY_IN_SITU = re.compile(r"\b(?:primary (?:tumou?r )?(?:still )?in (?:situ|place)|unresected primary|"
                              r"primary (?:tumou?r )?(?:has )?not (?:yet )?(?:been )?(?:resected|removed))\b", _F)
_INNER_NEG = re.compile(r"\b(?:not|never)\b|n't", _F)

_AGE = [re.compile(p, _F) for p in (
    r"\b(\d{1,3})[- ]?(?:year|yr)s?[- ]?old\b", r"\baged?\s*(?:of\s*)?(\d{1,3})\b",
    r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.)", r"\b(\d{1,3})\s*(?:years?|yrs?)\s+of\s+age\b")]
_LIVER_PCT = [re.compile(p, _F) for p in (
    r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of\s+(?:the\s+)?(?:liver|hepatic parenchyma|liver volume|liver parenchyma)|"
    r"(?:liver|hepatic)\s+(?:involvement|replacement|burden|tumou?r burden))",
    r"\b(?:liver|hepatic)\s+(?:involvement|replacement|tumou?r burden|burden)\s*(?:of|is|was|:|=|at|about|around|"
    r"approximately|~)?\s*(\d{1,3}(?:\.\d+)?)\s*%")]
_BOUND = re.compile(r"(?:less than|under|below|more than|over|above|greater than|at least|at most|up to|[<>≤≥])\s*$",
                    _F)
_STABLE = [re.compile(p, _F) for p in (
    rf"\bstable(?:\s+disease)?\s+(?:for|over|during|of)\s+(?:the\s+)?(?:past\s+|last\s+)?{_NUM}\s*(months?|mo|years?|yrs?)\b",
    rf"\b{_NUM}\s*(months?|years?)\s+of\s+(?:stable disease|stability|disease stability|no progression)\b",
    rf"\bno progression\s+(?:for|over|in)\s+(?:the\s+)?(?:past\s+|last\s+)?{_NUM}\s*(months?|years?)\b")]


@lru_cache(maxsize=2048)  # pure in its string; the router and the answerer both ask
def extract_inputs(question: str) -> AlgorithmInputs:
    """Read grade, primary, liver status and the other pathway inputs from a question."""
    text = check_question(question)
    found: dict[str, object] = {}
    evidence: list[tuple[str, str]] = []
    assumed: set[str] = set()

    def put(name: str, value: object, phrase: str, is_assumed: bool = False) -> None:
        low, high = NUMBER_RANGES.get(name, (None, None))
        if low is not None and not low <= value <= high:
            return  # "Ki-67 150%" is a typo, not a value; leave it unknown
        found[name] = value
        evidence.append((name, phrase.strip()))
        if is_assumed:
            assumed.add(name)

    masked = text
    ki67 = _KI67.search(text)
    if ki67:
        put("ki67_pct", float(ki67.group(1)), ki67.group(0))
        masked = _mask(masked, [ki67])
    _grade(masked, put)
    _primary(masked, put)
    _liver(masked, put)
    _extrahepatic(masked, put)
    _flags(masked, put)
    _numbers(masked, put)
    return AlgorithmInputs(**found, assumed=frozenset(assumed), evidence=tuple(evidence))


def check_question(question: object) -> str:
    """The question with whitespace collapsed; not text or blank -> InvalidQuestionError."""
    if not isinstance(question, str):
        raise InvalidQuestionError(f"question must be text, was: {type(question).__name__}")
    if not question.strip():
        raise InvalidQuestionError("question is empty; describe the patient or ask what to do")
    return " ".join(question.split())


def _mask(text: str, matches: Iterable[re.Match[str]]) -> str:
    """Blank out matched spans so that later, looser patterns cannot reuse them."""
    chars = list(text)
    for m in matches:
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def _negation(text: str, m: re.Match[str], window_words: int = 6) -> int | None:
    """NegEx-style: where the negation of `m` starts, or None when `m` is affirmed.

    A trigger ("no", "without", ...) within `window_words` before the match and in the same
    clause negates it ("no extrahepatic disease"); so does a negating phrase right after it
    ("bone metastases were excluded"). Lists of sites are matched as one finding, so a comma
    can end the trigger's reach: "no extrahepatic disease, carcinoid syndrome despite SA".
    """
    start = max(0, m.start() - 80)
    before = text[start:m.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    offset = breaks[-1].end() if breaks else 0
    words = list(re.finditer(r"\S+", before[offset:]))[-window_words:]
    if words:
        trigger = _NEG_BEFORE.search(before, offset + words[0].start())
        if trigger:
            return start + trigger.start()
    return m.start() if _NEG_AFTER.match(text[m.end():m.end() + 40]) else None


def _negated(text: str, m: re.Match[str]) -> bool:
    return _negation(text, m) is not None


def _phrase(text: str, m: re.Match[str]) -> str:
    """The matched words, with their negation when there is one ("no recurrence")."""
    start = _negation(text, m)
    return text[start if start is not None and start < m.start() else m.start():m.end()]


def _affirmed(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(text) if not _negated(text, m)]


def _grade(text: str, put) -> None:
    """A stated grade beats an interpretation; grades that disagree across scope stay unknown."""
    stated: dict[str, str] = {}
    interpreted: dict[str, str] = {}
    for pattern, value, is_assumed in _GRADE_PATTERNS:
        for m in _affirmed(text, pattern):
            grade = value.format(_GRADE_WORD[m.group(1).lower()]) if "{}" in value else value
            (interpreted if is_assumed else stated).setdefault(grade, m.group(0))
    pool = stated or interpreted
    grades = set(pool)
    if not grades:
        return
    if grades == {"G3", "NEC"}:
        value = "NEC"  # "G3 neuroendocrine carcinoma"
    elif grades <= {"G1", "G2", "G1/G2"}:
        value = grades.pop() if len(grades) == 1 else "G1/G2"
    elif len(grades) == 1:
        value = grades.pop()
    else:
        return  # e.g. G2 and G3 both stated: left unknown, so the algorithm asks
    put("grade", value, "; ".join(pool.values()), is_assumed=not stated)


def _first_kind(text: str, patterns) -> tuple[str, str] | None:
    kinds: dict[str, str] = {}
    for pattern, kind in patterns:
        for m in _affirmed(text, pattern):
            kinds.setdefault(kind, m.group(0))
    return (next(iter(kinds.items())) if len(kinds) == 1 else None) if kinds else None


def _primary(text: str, put) -> None:
    if _UNKNOWN_PRIMARY.search(text):
        return
    hit = _first_kind(text, _PRIMARY_PATTERNS)
    if hit:
        put("primary", hit[0], hit[1])  # several different sites: left unknown, the algorithm asks


def _liver(text: str, put) -> None:
    for pattern, status in _LIVER_PATTERNS:
        hits = _affirmed(text, pattern)
        if hits:
            put("liver", status, hits[0].group(0))
            break
        text = _mask(text, pattern.finditer(text))  # "not resectable" must not also read as "resectable"
    for pattern, kind, is_assumed in _DISTRIBUTION_PATTERNS:
        hits = _affirmed(text, pattern)
        if hits:
            put("distribution", kind or _TYPE[hits[0].group(1).lower()], hits[0].group(0), is_assumed)
            return


def _extrahepatic(text: str, put) -> None:
    present = none = None
    for m in _EXTRAHEPATIC.finditer(text):
        if not _negated(text, m):
            present = present or m.group(0)
        elif _GENERAL_SITE.search(m.group(0)):
            none = none or _phrase(text, m)  # "no extrahepatic disease"; a negated single site says nothing more
    liver_only = _affirmed(text, _LIVER_ONLY)
    if present:  # conservative: any stated extrahepatic site outweighs "liver-only" elsewhere
        put("extrahepatic", "present", present)
    elif none or liver_only:
        put("extrahepatic", "none", none or liver_only[0].group(0))


def _flags(text: str, put) -> None:
    refractory = _affirmed(text, _REFRACTORY)
    calm = _NO_SYMPTOMS.search(text)
    if refractory:
        put("refractory_symptoms", True, refractory[0].group(0))
    elif calm:
        put("refractory_symptoms", False, calm.group(0))
    recurrence = list(_RECURRENCE.finditer(text))
    if recurrence:
        put("recurrence", not _negated(text, recurrence[0]), _phrase(text, recurrence[0]))
    elif (prior := _PRIOR_HEPATECTOMY.search(text)):
        put("recurrence", True, prior.group(0), is_assumed=True)
    in_situ = _PRIMARY_IN_SITU.search(text)
    resected = _PRIMARY_RESECTED.search(text)
    if in_situ:
        put("primary_resected", False, in_situ.group(0))
    elif resected:
        put("primary_resected", not (_INNER_NEG.search(resected.group(0)) or _negated(text, resected)),
            _phrase(text, resected))


def _numbers(text: str, put) -> None:
    for name, patterns in (("age", _AGE), ("liver_involvement_pct", _LIVER_PCT)):
        for pattern in patterns:
            m = pattern.search(text)
            if m and not _BOUND.search(text[max(0, m.start() - 15):m.start()]):
                put(name, float(m.group(1)), m.group(0))
                break
    for pattern in _STABLE:
        m = pattern.search(text)
        if m:
            raw, unit = m.group(1).lower(), m.group(2).lower()
            amount = float(_WORDS.get(raw.replace("-", " ") if "twenty" in raw else raw, raw))
            put("stable_months", amount * 12 if unit.startswith("y") else amount, m.group(0))
            return

