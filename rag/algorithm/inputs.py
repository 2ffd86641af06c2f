"""From a free-text question to `AlgorithmInputs`, and whether a question asks for treatment.

In: the user's question. Out: `extract_inputs(question) -> AlgorithmInputs`, with the phrase each
value came from (`evidence`) and which values are interpretations (`assumed`, e.g.
"well-differentiated" read as G1/G2). `is_treatment_question(question) -> bool`, the router's
test, lives in rag/routing/treatment.py (it imports this module, so it is not re-exported here).

Rules are small regular expressions, not a model: the result must be predictable and testable.
The patterns live in rag/algorithm/phrases.py; this module applies them, masks what one rule
has used, and settles conflicts (a stated grade beats an interpretation). Negation follows the NegEx idea (Chapman et al., J Biomed Inform 2001): a trigger such as "no" or
"without" shortly before a finding, in the same clause, negates it ("no extrahepatic disease",
"without bone metastases"). What is not stated stays None; the algorithm then asks for it.
This module does not decide treatment; it only reads the question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable

from rag.algorithm import phrases, sites
from rag.algorithm.types import NUMBER_RANGES, AlgorithmInputs
from rag.core.question import normalise_question

__all__ = ["extract_case", "extract_inputs"]


@lru_cache(maxsize=2048)  # pure in its string; the router and the answerer both ask
def extract_inputs(question: str) -> AlgorithmInputs:
    """Read grade, primary, liver status and the other pathway inputs from a question."""
    text = normalise_question(question)
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
    ki67 = phrases.KI67.search(text)
    if ki67:
        put("ki67_pct", float(ki67.group(1) or ki67.group(2)), ki67.group(0))
        masked = _mask(masked, [ki67])
    _grade(masked, put)
    _primary(masked, put)
    _liver(masked, put)
    _extrahepatic(masked, put)
    _flags(masked, put)
    _numbers(masked, put)
    return AlgorithmInputs(**found, assumed=frozenset(assumed), evidence=tuple(evidence))


def extract_case(turns: Iterable[str]) -> AlgorithmInputs:
    """The case a conversation has told, turn by turn, oldest first: each turn's inputs on top
    of the earlier ones, so a later turn corrects an earlier one ("G2 ileal NET, unresectable"
    then "and if it were G1?" is G1). Read as one text, the two grades would disagree and be
    left unknown, and "no EHD" then "bone mets too" would keep the first reading."""
    case, sites = AlgorithmInputs(), set()
    for turn in turns:
        inputs = extract_inputs(turn)
        removed = _negated_sites(turn)
        if case.extrahepatic == "present" and inputs.extrahepatic is None and sites and sites <= removed:
            # "and without the lung met?" takes away the only site the case had: none is left.
            # A negated site alone says nothing of others ("no bone mets"), so only a case whose
            # every stated site is taken away becomes liver-only.
            inputs = replace(inputs, extrahepatic="none",
                             evidence=inputs.evidence + (("extrahepatic", _negated_phrase(turn)),))
        sites = (sites | _affirmed_sites(turn)) - removed if inputs.extrahepatic != "none" else set()
        case = case.merged(inputs)
    return case


def _affirmed_sites(text: str) -> set[str]:
    return {organ for m in sites.EXTRAHEPATIC.finditer(text) if not _negated(text, m)
            for organ in sites.organs_named(m.group(0))}


def _negated_sites(text: str) -> set[str]:
    return {organ for m in sites.EXTRAHEPATIC.finditer(text) if _negated(text, m)
            for organ in sites.organs_named(m.group(0))}


def _negated_phrase(text: str) -> str:
    return next(_phrase(text, m) for m in sites.EXTRAHEPATIC.finditer(text) if _negated(text, m))


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
    breaks = list(phrases.CLAUSE_BREAK.finditer(before))
    offset = breaks[-1].end() if breaks else 0
    words = list(re.finditer(r"\S+", before[offset:]))[-window_words:]
    if words:
        trigger = phrases.NEG_BEFORE.search(before, offset + words[0].start())
        if trigger:
            return start + trigger.start()
    return m.start() if phrases.NEG_AFTER.match(text[m.end():m.end() + 40]) else None


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
    for pattern, value, is_assumed in phrases.GRADE_PATTERNS:
        for m in _affirmed(text, pattern):
            grade = value.format(phrases.GRADE_WORD[m.group(1).lower()]) if "{}" in value else value
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
    if phrases.UNKNOWN_PRIMARY.search(text):
        return
    hit = _first_kind(text, phrases.PRIMARY_PATTERNS)
    if hit:
        put("primary", hit[0], hit[1])  # several different sites: left unknown, the algorithm asks


def _liver(text: str, put) -> None:
    """Resectability as stated (or read from remnant wording), then the Figure 1 distribution type;
    the lobes the disease occupies only where neither settles it.

    Worked example: "3 lesions in segments 6-7" names no status and no type; segments 6 and 7
    are both in the right liver, so the disease is in one lobe and is read as resectable
    (assumed: the answer asks to confirm). "segments 3 and 6" spans both lobes: bilobar, type II.
    """
    status = None
    for pattern, value, is_assumed in phrases.LIVER_PATTERNS:
        hits = _affirmed(text, pattern)
        if hits:
            status = value
            put("liver", value, hits[0].group(0), is_assumed)
            break
        text = _mask(text, pattern.finditer(text))  # "not resectable" must not also read as "resectable"
    kind = None
    for pattern, value, is_assumed in phrases.DISTRIBUTION_PATTERNS:
        hits = _affirmed(text, pattern)
        if hits:
            kind = value or phrases.TYPE[hits[0].group(1).lower()]
            put("distribution", kind, hits[0].group(0), is_assumed)
            break
    if status or kind in ("II", "III"):
        return
    lobes, phrase = _lobes(text)
    if lobes == {"left", "right"} and kind is None:
        put("distribution", "II", phrase, is_assumed=True)
    elif len(lobes) == 1 and kind is None:
        put("liver", "resectable", phrase, is_assumed=True)


def _lobes(text: str) -> tuple[set[str], str]:
    """The liver lobes a question places the disease in (named, or by segment), and the phrase that says so."""
    one_lobe = _affirmed(text, phrases.ONE_LOBE)
    if one_lobe:
        return {"one"}, one_lobe[0].group(0)
    lobes: set[str] = set()
    phrases_found: list[str] = []
    for m in _affirmed(text, phrases.LOBE_NAMED):
        lobes.add({"r": "right", "l": "left"}.get(m.group(1).lower(), m.group(1).lower()))
        phrases_found.append(m.group(0))
    for m in _affirmed(text, phrases.SEGMENTS):
        numbers = [_segment(n) for n in phrases.SEGMENT_NUMBER.findall(m.group(1))]
        for r in phrases.SEGMENT_RANGE.finditer(m.group(1)):  # "segments 5-8" names 6 and 7 too
            low, high = sorted((_segment(r.group(1)), _segment(r.group(2))))
            numbers += range(low, high + 1)
        lobes |= {phrases.LOBE_OF_SEGMENT[n] for n in numbers if n in phrases.LOBE_OF_SEGMENT}
        phrases_found.append(m.group(0))
    return lobes, "; ".join(phrases_found)


def _segment(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else phrases.SEGMENT_ROMAN[token]


def _extrahepatic(text: str, put) -> None:
    present = none = None
    for m in sites.EXTRAHEPATIC.finditer(text):
        if not _negated(text, m):
            present = present or m.group(0)
        elif sites.GENERAL_SITE.search(m.group(0)):
            none = none or _phrase(text, m)  # "no extrahepatic disease"; a negated single site says nothing more
    liver_only = _affirmed(text, sites.LIVER_ONLY)
    if present:  # conservative: any stated extrahepatic site outweighs "liver-only" elsewhere
        put("extrahepatic", "present", present)
    elif none or liver_only:
        put("extrahepatic", "none", none or liver_only[0].group(0))


def _flags(text: str, put) -> None:
    refractory = _affirmed(text, phrases.REFRACTORY)
    calm = phrases.NO_SYMPTOMS.search(text)
    if refractory:
        put("refractory_symptoms", True, refractory[0].group(0))
    elif calm:
        put("refractory_symptoms", False, calm.group(0))
    recurrence = list(phrases.RECURRENCE.finditer(text))
    if recurrence:
        put("recurrence", not _negated(text, recurrence[0]), _phrase(text, recurrence[0]))
    elif (prior := phrases.PRIOR_HEPATECTOMY.search(text)):
        put("recurrence", True, prior.group(0), is_assumed=True)
    in_situ = phrases.PRIMARY_IN_SITU.search(text)
    resected = phrases.PRIMARY_RESECTED.search(text)
    if in_situ:
        put("primary_resected", False, in_situ.group(0))
    elif resected:
        put("primary_resected", not (phrases.INNER_NEG.search(resected.group(0)) or _negated(text, resected)),
            _phrase(text, resected))


# A minus sign right before the number ("a -5 year old"): not a stated age or share. A hyphen
# after a number ("3-5") is a range, not a sign.
_MINUS_BEFORE = re.compile(r"(?<![\w.])[-\u2212]\s*$")


def _numbers(text: str, put) -> None:
    for name, patterns in (("age", phrases.AGE), ("liver_involvement_pct", phrases.LIVER_PCT)):
        for pattern in patterns:
            m = pattern.search(text)
            if m and not phrases.BOUND.search(text[max(0, m.start() - 15):m.start()]) \
                    and not _MINUS_BEFORE.search(text[max(0, m.start(1) - 3):m.start(1)]):
                put(name, float(m.group(1)), m.group(0))
                break
    for pattern in phrases.STABLE:
        m = pattern.search(text)
        if m:
            raw, unit = m.group(1).lower(), m.group(2).lower()
            amount = float(phrases.COUNT_WORDS.get(raw.replace("-", " ") if "twenty" in raw else raw, raw))
            put("stable_months", amount * 12 if unit.startswith("y") else amount, m.group(0))
            return

