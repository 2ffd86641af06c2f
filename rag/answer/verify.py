"""A model-written answer + the units it may cite -> only the sentences its citations support.

The generative mode lets a chat model phrase the answer, so nothing guarantees that what it
writes is in the review. This module checks each sentence on its own, and keeps it only if:
1. it cites at least one unit, as bracketed IDs (`[abstract-s2]`, `[a] [b]`, `[a][b]`,
   `[a, b]`, or prefixed `[machairas2021:abstract-s2]`), before or after its final period;
2. every cited ID is a unit of the index AND was among the retrieved units shown to the model;
3. the cited units' text supports it (below).

Support is lexical and approximate, by design (pure Python, no model, explainable in one
line of a report): a sentence is supported when
- every number in it appears in the cited text (a hallucinated figure is the most dangerous
  failure in a clinical answer, so this is a hard rule, not part of a score);
- if it is negated ("not", "no", "never", "without", ...), the cited text is negated too
  (otherwise "X is not indicated" would pass against "X is indicated");
- at least `min_support` (default 0.7) of its distinct content tokens appear in the cited text.
Content tokens are words lowercased, stopwords removed, lightly stemmed (plurals and Greek
`-sis/-ses`, so "metastases" matches "metastasis"), and numbers normalised ("1,000" -> "1000",
"50.0" -> "50", "two" -> "2").
What it cannot catch: a sentence that reuses the cited words in a different relation
("surgery cures all patients" against "surgery with the intention to cure ...") can pass.
It narrows the model to the retrieved text; it does not prove entailment.

Fixed sentences (the "does not address this" sentence) are not claims and need no citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from rag.core.errors import ConfigError
from rag.core.types import SourceUnit

DEFAULT_MIN_SUPPORT = 0.7

# A unit ID: starts with a letter (so "[13]", a reference number inside a caption, is text),
# optionally prefixed by a document key and a colon.
_ID = r"[A-Za-z][A-Za-z0-9_-]*(?::[A-Za-z0-9_-]+)?"
# One bracketed group of IDs; not followed by "(" so a markdown link "[here](url)" is text.
_GROUP_RE = re.compile(rf"\[\s*({_ID}(?:\s*[,;]\s*{_ID})*)\s*\](?!\()")
_LEADING_GROUPS_RE = re.compile(rf"^\s*(?:{_GROUP_RE.pattern}\s*)+")
_CITED_END_RE = re.compile(
    rf"(?:[.!?](?:\s*{_GROUP_RE.pattern})+|(?:\s*{_GROUP_RE.pattern})+\s*[.!?])[ \t]+(?=\S)")
_LIST_MARKER_RE = re.compile(r"^\s*(?:#+\s+|[-*\u2022]\s+|\d+[.)]\s+)")
_WORD_RE = re.compile(r"[^\W\d_][^\W_]*")
_NUMBER_RE = re.compile(r"(?<![^\W_])\d+(?:[.,]\d+)*")
_TOKEN_RE = re.compile(rf"{_NUMBER_RE.pattern}|{_WORD_RE.pattern}")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")

_STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either else etc even ever
few for from further had has have having he her here hers him his how however i if in into is it
its itself just may me might more most much must my myself of off on once only or other our ours
out over own per same shall she should since so some such than that the their theirs them then
there these they this those though through thus to too under until up upon us very via was we were
what when where whether which while who whom whose why will with within would yet you your yours
therefore furthermore moreover overall also according review article authors author paper
state states stated note notes noted describe describes described report reports reported
""".split())
_NEGATIONS = frozenset("not no never cannot neither nor without none nothing".split())
# "one" is left out: it is far more often a pronoun ("one of the options") than a count.
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero _ two three four five six seven eight nine ten eleven twelve".split()) if w != "_"}


@dataclass(frozen=True)
class Support:
    """How far a sentence is backed by the text it cites (see the module docstring)."""

    share: float
    missing_tokens: tuple[str, ...]
    missing_numbers: tuple[str, ...]
    missing_negation: bool

    def holds(self, min_support: float = DEFAULT_MIN_SUPPORT) -> bool:
        return (not self.missing_numbers and not self.missing_negation
                and self.share >= min_support)


@dataclass(frozen=True)
class Verification:
    """The verdict on every sentence of an answer.

    `kept_sentences` holds (sentence without its citations, resolved cited IDs); `removed`
    holds (sentence as the model wrote it, reason); `text` is the kept sentences rebuilt with
    their citations, e.g. `Liver surgery is the treatment of choice [abstract-s2].`
    """

    kept_sentences: tuple[tuple[str, tuple[str, ...]], ...]
    removed: tuple[tuple[str, str], ...]
    text: str

    @property
    def cited_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for _, ids in self.kept_sentences:
            seen.update(dict.fromkeys(ids))
        return tuple(seen)


def content_tokens(text: str) -> frozenset[str]:
    """Distinct content tokens: `"The liver metastases were resected in 2 stages."` ->
    {"liver", "metastase", "resected", "2", "stage"}."""
    tokens = set()
    for raw in _TOKEN_RE.findall(_normalise_negations(text)):
        if raw[0].isdigit():
            tokens.update(_normalise_number(raw))
            continue
        word = raw.casefold()
        if word in _NUMBER_WORDS:
            tokens.add(_NUMBER_WORDS[word])
        elif len(word) > 1 and word not in _STOPWORDS and word not in _NEGATIONS:
            tokens.add(_stem(word))
    return frozenset(tokens)


def numbers_in(text: str) -> frozenset[str]:
    """The normalised numbers of a text, number words included: "two 1,000-mg doses" -> {"2", "1000"}."""
    return frozenset(t for t in content_tokens(text) if t[0].isdigit())


def check_support(sentence: str, evidence: str) -> Support:
    """Measure how far `evidence` (the concatenated cited texts) backs `sentence`."""
    wanted = content_tokens(sentence)
    have = content_tokens(evidence)
    missing = tuple(sorted(wanted - have))
    share = (len(wanted) - len(missing)) / len(wanted) if wanted else 0.0
    return Support(
        share=share,
        missing_tokens=missing,
        missing_numbers=tuple(t for t in missing if t[0].isdigit()),
        missing_negation=_is_negated(sentence) and not _is_negated(evidence),
    )


def verify_answer(text: str, units: Mapping[str, SourceUnit], allowed_ids: set[str],
                  min_support: float = DEFAULT_MIN_SUPPORT,
                  fixed_sentences: Iterable[str] = ()) -> Verification:
    """Keep the sentences of `text` that cite retrieved units which support them.

    `units` is every unit of the index by ID (to tell an unknown ID from one that exists but
    was not retrieved); `allowed_ids` the IDs the model was shown. `fixed_sentences` are kept
    without a citation when a sentence equals one of them (case and final period aside).
    """
    if not 0.0 < min_support <= 1.0:
        raise ConfigError(f"min_support must be in (0, 1], was: {min_support}")
    fixed = {_fold(s) for s in fixed_sentences}
    kept: list[tuple[str, tuple[str, ...]]] = []
    rebuilt: list[str] = []
    removed: list[tuple[str, str]] = []
    for original, body, cited in split_cited_sentences(text):
        if _fold(body) in fixed:
            kept.append((body, ()))
            rebuilt.append(body)
            continue
        ids, reason = _resolve_all(cited, units, allowed_ids)
        if reason is None:
            evidence = " ".join(units[i].text for i in ids)
            reason = _unsupported_reason(check_support(body, evidence), min_support)
        if reason is None:
            kept.append((body, ids))
            rebuilt.append(_with_citations(body, ids))
        else:
            removed.append((original, reason))
    return Verification(tuple(kept), tuple(removed), " ".join(rebuilt))


def split_cited_sentences(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Split an answer into (original sentence, sentence without citations, cited IDs).

    pysbd finds the sentence ends (it knows "et al.", decimals, ...). A citation written after
    the period ("... surgery. [abstract-s2] Next ...") lands at the start of the next piece,
    so leading citation groups are moved back to the sentence before. Lines are split first:
    models like bullet lists, and a list marker ("1.") is not a number of the answer.
    """
    import pysbd  # imported here: `import rag.answer.verify` stays cheap

    segmenter = pysbd.Segmenter(language="en", clean=False)
    # A citation group next to a final period is a certain sentence end, whatever pysbd makes
    # of short sentences: "A is B. [a] C is D." -> "A is B. [a]" / "C is D.".
    text = _CITED_END_RE.sub(lambda m: m.group(0).rstrip() + "\n", text)
    pieces: list[str] = []
    for line in text.splitlines():
        line = _LIST_MARKER_RE.sub("", line).replace("**", "").strip()
        if line:
            pieces.extend(p.strip() for p in segmenter.segment(line) if p.strip())
    sentences: list[str] = []
    for piece in pieces:
        lead = _LEADING_GROUPS_RE.match(piece)
        if lead and sentences:
            sentences[-1] = f"{sentences[-1]} {lead.group(0).strip()}"
            piece = piece[lead.end():].strip()
        if piece:
            sentences.append(piece)
    out = []
    for sentence in sentences:
        cited: dict[str, None] = {}
        for group in _GROUP_RE.findall(sentence):
            cited.update(dict.fromkeys(i.strip() for i in re.split(r"[,;]", group)))
        body = _GROUP_RE.sub("", sentence)
        body = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", body)).strip()
        if re.search(r"\w", body):  # a bare citation group with nothing before it claims nothing
            out.append((sentence, body, tuple(cited)))
    return out


def _resolve_all(cited: tuple[str, ...], units: Mapping[str, SourceUnit],
                 allowed_ids: set[str]) -> tuple[tuple[str, ...], str | None]:
    if not cited:
        return (), "cites no passage"
    ids = []
    for raw in cited:
        unit_id = _resolve(raw, units)
        if unit_id is None:
            return (), f"cites [{raw}], which is not a passage of the index"
        if unit_id not in allowed_ids:
            return (), f"cites [{raw}], which was not among the retrieved passages"
        if unit_id not in ids:
            ids.append(unit_id)
    return tuple(ids), None


def _resolve(raw: str, units: Mapping[str, SourceUnit]) -> str | None:
    """The index key a cited ID means, tolerating a missing or extra document prefix when
    that is unambiguous ("abstract-s2" -> "machairas2021:abstract-s2" in a one-review index)."""
    if raw in units:
        return raw
    if ":" in raw:
        doc_key, bare = raw.split(":", 1)
        if bare in units and units[bare].doc_key == doc_key:
            return bare
        return None
    matches = [key for key in units if key.endswith(":" + raw)]
    return matches[0] if len(matches) == 1 else None


def _unsupported_reason(support: Support, min_support: float) -> str | None:
    if support.missing_numbers:
        return f"number(s) {', '.join(support.missing_numbers)} not in the cited text"
    if support.missing_negation:
        return "negates a statement the cited text does not negate"
    if support.share < min_support:
        found = round(support.share * 100)
        return (f"only {found}% of its content words are in the cited text (needs "
                f"{round(min_support * 100)}%); missing: {', '.join(support.missing_tokens[:8])}")
    return None


def _with_citations(body: str, ids: tuple[str, ...]) -> str:
    # Space-separated groups: "[a][b]" would be read as a markdown reference link.
    end = body[-1] if body[-1] in ".!?" else "."
    core = body[:-1].rstrip() if body[-1] in ".!?" else body
    return f"{core} {' '.join(f'[{i}]' for i in ids)}{end}"


def _stem(word: str) -> str:
    """Light, plural-only stemming; both sides of a comparison go through it, so it need
    only be consistent: "therapies" -> "therapy", "metastasis"/"metastases" -> "metastase",
    "approaches" -> "approach", "stages" -> "stage"; "status" and "class" are left alone."""
    if len(word) <= 3:
        return word
    if word.endswith("sis"):
        return word[:-3] + "se"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _normalise_number(raw: str) -> list[str]:
    if _THOUSANDS_RE.fullmatch(raw):
        return [raw.replace(",", "")]
    out = []
    for part in raw.split(","):
        if part.count(".") == 1:
            whole, frac = part.split(".")
            frac = frac.rstrip("0")
            part = f"{whole}.{frac}" if frac else whole
        out.append(part)
    return out


def _normalise_negations(text: str) -> str:
    return re.sub(r"n[’']t\b", " not", text)


def _is_negated(text: str) -> bool:
    return any(w.casefold() in _NEGATIONS for w in _WORD_RE.findall(_normalise_negations(text)))


def _fold(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().rstrip(".!?").strip().casefold()
