"""The review's abbreviation glossary: built once at ingest time, looked up in microseconds.

In: the source units of the indexed pages, plus the packaged supplementary list
(rag/data/supplementary_abbreviations.json). Out: a `Glossary` (stored in the index as
glossary.json) that answers lookups both ways, abbreviation -> expansion and expansion (or a
part of it) -> abbreviation, and tells retrieval which expansions to add to a query.

Definitions come from `extract_abbreviations` (Schwartz & Hearst 2003 plus figure legends,
rag/abbreviations.py); nothing about one review is typed in here. Spelling variants come
from three general rules, applied to whatever the text defines:
  (a) a short form of >= 3 capitals that is the initials of its long form but for one slip
      (a letter doubled over its neighbour, or two neighbours swapped) gets the initial-letter
      spelling as a variant and a note (the caption's "PPRT, peptide receptor radionuclide
      therapy" -> PRRT);
  (b) a short form ending in a Greek letter (long form "... alpha") is the same with "a",
      "alpha" or "α", hyphenated or not (IFNa == IFN-a == IFN-alpha == IFN-α);
  (c) case, hyphens and a plural "s" are ignored at lookup time ("NELMs", "tace", "SINEN").
Every key is precomputed into dicts when the glossary is built, so a lookup loads no model
and scans no index. The chat's side is here too: `parse_glossary_question` spots "What does
TACE stand for?" and `answer_glossary` words the reply with its citation.

It never guesses silently: a typo gets `match_kind="fuzzy"`, no matches, and a labelled
`did_you_mean` (rapidfuzz), never an answer about the nearest entry.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from rag.abbreviation_rules import match_long_form
from rag.abbreviations import Abbreviation, extract_abbreviations
from rag.errors import ConfigError, IndexStaleError, InvalidQuestionError
from rag.types import SourceUnit

__all__ = [
    "GlossaryEntry", "GlossaryLookup", "Glossary", "build_glossary", "load_supplementary",
    "extract_abbreviations", "parse_glossary_question", "answer_glossary", "bench_lookup",
    "short_key", "long_words", "SUPPLEMENTARY_PATH", "MATCH_KINDS",
]

SUPPLEMENTARY_PATH = Path(__file__).resolve().parent / "data" / "supplementary_abbreviations.json"
SOURCES = ("review", "supplementary")
MATCH_KINDS = ("exact", "variant", "reverse", "fuzzy", "none")
REBUILD_HINT = "rebuild the index with: python -m ingest --force"

# Greek letters as printed in biomedical short forms: symbol -> name -> Latin stand-in.
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa"}
_GREEK_LATIN = {"alpha": "a", "beta": "b", "gamma": "g", "delta": "d", "kappa": "k"}
_FUNCTION_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
_SEPARATORS = re.compile(r"[\s\-‐‑–—/._'’]+")
_WORD = re.compile(r"[^\W_]+")


# --- normalised keys -------------------------------------------------------------------

def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    for symbol, name in _GREEK.items():
        text = text.replace(symbol, name)
    return text


def short_key(term: str) -> str:
    """Case, Greek symbols and separators folded: "IFN-α" -> "ifnalpha", "SI-NEN" -> "sinen"."""
    return _SEPARATORS.sub("", _fold(term))


def _stem(word: str) -> str:
    """A light, symmetric singular/spelling key, never shown: metastases and metastasis ->
    "metastas", analogues and analogs -> "analog", tumours -> "tumor", -isation -> -ization."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sis"):
        word = word[:-2]
    elif word.endswith(("ses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    word = re.sub(r"isation$", "ization", word)
    word = re.sub(r"ogue$", "og", word)
    if len(word) > 4:
        word = re.sub(r"our$", "or", word)
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def long_words(text: str) -> tuple[str, ...]:
    """The stemmed word key of a long form: "Portal-vein ligations" -> ("portal", "vein", "ligation")."""
    return tuple(_stem(w) for w in _WORD.findall(_fold(text)))


def _singular_key(term: str, key: str) -> str | None:
    """Key without a plural "s"/"'s", unless the term is all capitals ("RES" is not RE's plural)."""
    if not key.endswith("s") or len(key) <= 2 or term.isupper():
        return None
    return key[:-1]


# --- values --------------------------------------------------------------------------

@dataclass(frozen=True)
class GlossaryEntry:
    """One abbreviation. Review entries carry the unit that defines them and the defining
    sentence (or legend item); supplementary entries carry a source note instead."""

    short: str
    long: str
    source: str
    unit_id: str | None = None
    sentence: str | None = None
    variants: tuple[str, ...] = ()
    note: str | None = None

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ConfigError(f"glossary entry source must be one of {SOURCES}, was: {self.source!r}")
        if not self.short.strip() or not self.long.strip():
            raise ConfigError(f"glossary entry needs a short and a long form, was: {self.short!r}, {self.long!r}")
        object.__setattr__(self, "variants", tuple(self.variants))

    def to_dict(self) -> dict[str, Any]:
        return {"short": self.short, "long": self.long, "source": self.source, "unit_id": self.unit_id,
                "sentence": self.sentence, "variants": list(self.variants), "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "GlossaryEntry":
        return cls(data["short"], data["long"], data["source"], data.get("unit_id"),
                   data.get("sentence"), tuple(data.get("variants") or ()), data.get("note"))


@dataclass(frozen=True)
class GlossaryLookup:
    """What a lookup found. `matches` are review entries first, then supplementary ones;
    for "fuzzy" they are empty and `did_you_mean` holds the spellings to suggest."""

    query: str
    matches: tuple[GlossaryEntry, ...]
    match_kind: str
    did_you_mean: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "match_kind": self.match_kind, "did_you_mean": list(self.did_you_mean),
                "matches": [m.to_dict() for m in self.matches]}


# --- variant rules ---------------------------------------------------------------------

def _standard_spelling(short: str, long: str) -> str | None:
    """Rule (a): the initial-letter spelling when the printed short form is a slip of it.

    Only for n capitals defined by n plain words (function words and hyphens aside), and
    only for two kinds of slip: a letter doubled over its neighbour ("PPRT" for the initials
    of "peptide receptor radionuclide therapy", PRRT), or two neighbours swapped where the
    long form's letters cannot explain the order (TCA = TriCarboxylic Acid cycle is no slip).
    Deliberate spellings differ in other ways, so on the 1,125 gold definitions of MEDSTRACT
    and the Schwartz-Hearst corpus this rule fires on none (tests/test_glossary.py).
    """
    words = [w for w in re.split(r"[\s\-]+", long) if w and w.lower() not in _FUNCTION_WORDS]
    if len(short) < 3 or not (short.isalpha() and short.isupper()) or len(words) != len(short):
        return None
    if not all(w.isalpha() and w[1:].islower() for w in words):
        return None
    initials = "".join(w[0] for w in words).upper()
    diff = [i for i, (a, b) in enumerate(zip(short, initials)) if a != b]
    if len(diff) == 1:
        i = diff[0]
        return initials if short[i] in {short[j] for j in (i - 1, i + 1) if 0 <= j < len(short)} else None
    if len(diff) == 2 and diff[1] == diff[0] + 1 and sorted(short) == sorted(initials):
        return initials if match_long_form(short, long) is None else None
    return None


def _greek_variants(short: str, long: str) -> list[str]:
    """Rule (b): "IFNa" defined as "interferon alpha" -> IFN-a, IFN-alpha, IFN-α, IFNalpha, IFNα."""
    words = _fold(long).split()
    if not words or words[-1] not in _GREEK_LATIN:
        return []
    name = words[-1]
    symbol = next(s for s, n in _GREEK.items() if n == name)
    m = re.fullmatch(rf"(.+?)[\s\-]?(?:{name}|{symbol}|{_GREEK_LATIN[name]})", short, re.IGNORECASE)
    if not m:
        return []
    stem = m.group(1)
    forms = [stem + sep + letter for sep in ("-", "") for letter in (_GREEK_LATIN[name], name, symbol)]
    return [f for f in forms if f != short]


def _review_entry(unit: SourceUnit, abbr: Abbreviation, segmenter: Any) -> GlossaryEntry:
    variants = _greek_variants(abbr.short, abbr.long)
    note = None
    standard = _standard_spelling(abbr.short, abbr.long)
    if standard:
        variants.insert(0, standard)
        note = (f"The review prints {abbr.short}; the standard abbreviation, from the initials of "
                f"\u201c{abbr.long}\u201d, is {standard}.")
    return GlossaryEntry(abbr.short, abbr.long, "review", unit.id,
                         _defining_sentence(unit.text, abbr, segmenter), tuple(variants), note)


def _defining_sentence(text: str, abbr: Abbreviation, segmenter: Any) -> str:
    """The legend item ("TACE, transarterial chemoembolization") for caption glossaries, else
    the sentence (pysbd) around the definition."""
    if abbr.short_start < abbr.long_start and re.fullmatch(r"\s*,\s*", text[abbr.short_end:abbr.long_start]):
        return text[abbr.short_start:abbr.long_end]
    start, end = min(abbr.short_start, abbr.long_start), max(abbr.short_end, abbr.long_end)
    spans = [s for s in segmenter.segment(text) if s.start < end and s.end > start]
    if not spans:
        return text.strip()
    return text[spans[0].start:spans[-1].end].strip()


# --- building --------------------------------------------------------------------------

def load_supplementary(path: Path = SUPPLEMENTARY_PATH) -> tuple[GlossaryEntry, ...]:
    """The packaged list of abbreviations the review does not define, each with a source note."""
    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))["entries"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"Cannot read the supplementary abbreviations at {path} ({e}); "
                          "it must be JSON with an 'entries' list") from e
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("short", "long", "source")):
            raise ConfigError(f"Supplementary abbreviation {i} in {path} needs string 'short', 'long' and "
                              f"'source', was: {item!r}")
        variants = list(item.get("variants", [])) + _greek_variants(item["short"], item["long"])
        out.append(GlossaryEntry(item["short"], item["long"], "supplementary", None, None,
                                 tuple(dict.fromkeys(variants)), item["source"]))
    return tuple(out)


def build_glossary(units: Sequence[SourceUnit],
                   supplementary: Iterable[GlossaryEntry] | None = None) -> Glossary:
    """Extract every definition from `units` (in order; the first definition of a short form
    wins) and add the supplementary list (the packaged one unless given)."""
    import pysbd  # only at ingest time; lookups never split sentences

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    entries: list[GlossaryEntry] = []
    seen: set[str] = set()
    for unit in units:
        for abbr in extract_abbreviations(unit.text):
            if short_key(abbr.short) not in seen:
                seen.add(short_key(abbr.short))
                entries.append(_review_entry(unit, abbr, segmenter))
    extra = load_supplementary() if supplementary is None else tuple(supplementary)
    return Glossary(tuple(entries), extra)


def _ngrams(words: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """Contiguous word runs of a long form that can name it ("liver transplantation" in
    "orthotopic liver transplantation"); runs of only function words or one short word cannot."""
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            gram = words[i:j]
            if all(w in _FUNCTION_WORDS for w in gram) or (len(gram) == 1 and len(gram[0]) < 4):
                continue
            yield gram


def _index(groups: Sequence[Sequence[Any]], keys_of: Any) -> dict[str, tuple[Any, ...]]:
    """key -> values, review group first; a later group never adds to a key an earlier group
    holds, which is how a review definition hides a supplementary one ("never mix")."""
    table: dict[str, list[Any]] = {}
    for group in groups:
        taken = set(table)
        for item in group:
            for key, value in keys_of(item):
                if key in taken:
                    continue
                bucket = table.setdefault(key, [])
                if value not in bucket:
                    bucket.append(value)
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


@dataclass(frozen=True)
class Glossary:
    """Review entries plus supplementary ones, with every lookup key precomputed.

    A supplementary entry whose short form (or a variant) the review defines is dropped
    into `shadowed` and never matched.
    """

    entries: tuple[GlossaryEntry, ...]
    supplementary: tuple[GlossaryEntry, ...] = ()
    shadowed: tuple[GlossaryEntry, ...] = field(init=False, repr=False, compare=False)
    _short: Mapping[str, tuple[GlossaryEntry, ...]] = field(init=False, repr=False, compare=False)
    _variant: Mapping[str, tuple[GlossaryEntry, ...]] = field(init=False, repr=False, compare=False)
    _long: Mapping[str, tuple[tuple[GlossaryEntry, int], ...]] = field(init=False, repr=False, compare=False)
    _phrases: Mapping[str, tuple[GlossaryEntry, ...]] = field(init=False, repr=False, compare=False)
    _display: Mapping[str, str] = field(init=False, repr=False, compare=False)
    _fuzzy_short: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _fuzzy_long: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries, extra = tuple(self.entries), tuple(self.supplementary)
        for e, want in [(e, "review") for e in entries] + [(e, "supplementary") for e in extra]:
            if e.source != want:
                raise ConfigError(f"{e.short!r} has source {e.source!r} but was given as a {want} entry")
        claimed = {short_key(s) for e in entries for s in (e.short, *e.variants)}
        kept = tuple(e for e in extra if not {short_key(s) for s in (e.short, *e.variants)} & claimed)
        groups = (entries, kept)
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen)
        set_("entries", entries)
        set_("supplementary", kept)
        set_("shadowed", tuple(e for e in extra if e not in kept))
        set_("_short", _index(groups, lambda e: [(short_key(e.short), e)]))
        set_("_variant", _index(groups, lambda e: [(short_key(v), e) for v in e.variants]))
        set_("_long", _index(groups, lambda e: [(" ".join(g), (e, len(long_words(e.long))))
                                                 for g in _ngrams(long_words(e.long))]))
        set_("_phrases", _phrase_table(groups))
        display: dict[str, str] = {}
        for e in entries + kept:
            for text in (e.short, *e.variants):
                display.setdefault(short_key(text), text)
            display.setdefault(" ".join(long_words(e.long)), e.long)
        set_("_display", MappingProxyType(display))
        set_("_fuzzy_short", tuple(k for k in display if " " not in k))
        set_("_fuzzy_long", tuple(k for k in display if len(k) >= 6))

    # -- lookup ---------------------------------------------------------------------

    def lookup(self, term: str) -> GlossaryLookup:
        """Abbreviation -> entry ("exact"/"variant"), long form or part of one -> entry
        ("reverse"), else labelled suggestions ("fuzzy") or nothing ("none")."""
        if not isinstance(term, str):
            raise InvalidQuestionError(f"A glossary term must be text, was: {type(term).__name__}")
        query = term.strip().strip("\"'“”‘’`*?.!:;,").strip()
        key = short_key(query)
        if not key:
            return GlossaryLookup(term, (), "none")
        singular = _singular_key(query, key)
        for kind, table in (("exact", self._short), ("variant", self._variant)):
            for k in (key, singular):
                if k and k in table:
                    return GlossaryLookup(term, table[k], kind)
        words = long_words(query)
        while len(words) > 1 and words[0] in ("a", "an", "the"):
            words = words[1:]
        hits = self._long.get(" ".join(words), ())
        if hits:
            full = [e for e, n in hits if n == len(words)]
            ranked = full or [e for e, n in sorted(hits, key=lambda h: (h[0].source != "review", h[1]))]
            return GlossaryLookup(term, tuple(ranked), "reverse")
        suggestions = self._suggest(query, key)
        return GlossaryLookup(term, (), "fuzzy" if suggestions else "none", suggestions)

    def _suggest(self, query: str, key: str) -> tuple[str, ...]:
        """Typo suggestions: short forms within one edit (two for longer ones, transpositions
        count once, so TCAE -> TACE); long forms by rapidfuzz similarity."""
        found: list[str] = []
        if " " not in query and len(key) >= 3:
            for choice, _, _ in process.extract(key, self._fuzzy_short, scorer=OSA.distance,
                                                score_cutoff=1 if len(key) <= 5 else 2, limit=3):
                found.append(self._display[choice])
        folded = " ".join(long_words(query))
        if len(folded) >= 6:
            # partial_ratio, only when the whole-string ratio finds nothing, lets a misspelt part
            # ("orthotopic liver transplantaton" minus "orthotopic") find its long form
            hits = process.extract(folded, self._fuzzy_long, scorer=fuzz.ratio, score_cutoff=85, limit=3)
            if not hits and len(folded) >= 8:
                hits = process.extract(folded, self._fuzzy_long, scorer=fuzz.partial_ratio, score_cutoff=90, limit=3)
            found.extend(self._display[choice] for choice, _, _ in hits)
        return tuple(dict.fromkeys(found))[:3]

    def expansions_for(self, query: str, include_supplementary: bool = True) -> list[tuple[str, str]]:
        """(text found in `query`, what to add to it) for query expansion in retrieval.

        Abbreviations map to their long form (a variant such as PRRT also maps to the printed
        PPRT, so it finds the review's text). Long forms map to their short form, matched
        greedily, longest first. A long form of 3+ words also matches without its leading
        qualifier when the rest (>= 2 words) is not itself another entry's long form:
        "liver transplantation" -> OLT, but "neuroendocrine neoplasm" stays NEN, not panNEN.
        Lower-case tokens of under 4 letters ("net", "re", "sa") are English words, not
        abbreviations, and are skipped.
        """
        wanted = SOURCES if include_supplementary else ("review",)
        out: list[tuple[str, str]] = []
        tokens = list(re.finditer(r"[^\s,;:!?()\[\]{}\"“”]+", query))
        i = 0
        while i < len(tokens):
            for width in (2, 1):
                if i + width > len(tokens):
                    continue
                text = query[tokens[i].start():tokens[i + width - 1].end()].rstrip(".")
                found = self._abbreviation_in_text(text)
                if found:
                    kind, entry = found
                    if entry.source in wanted:
                        out.append((text, entry.long))
                        if kind == "variant":
                            out.append((text, entry.short))
                    i += width
                    break
            else:
                i += 1
        words = list(_WORD.finditer(query))
        keys = [" ".join(long_words(w.group())) for w in words]
        i = 0
        while i < len(keys):
            for j in range(min(len(keys), i + 12), i, -1):  # longest phrase first
                hits = [e for e in self._phrases.get(" ".join(keys[i:j]), ()) if e.source in wanted]
                if hits:
                    out.extend((query[words[i].start():words[j - 1].end()], e.short) for e in hits)
                    i = j
                    break
            else:
                i += 1
        return list(dict.fromkeys(out))

    def _abbreviation_in_text(self, text: str) -> tuple[str, GlossaryEntry] | None:
        key = short_key(text)
        if len(key) < 2 or not any(c.isalpha() for c in text) or (text.islower() and len(key) < 4):
            return None
        for kind, table in (("exact", self._short), ("variant", self._variant)):
            for k in (key, _singular_key(text, key)):
                if k and k in table:
                    return kind, table[k][0]
        return None

    # -- persistence ----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {"format": 1, "entries": [e.to_dict() for e in self.entries],
                "supplementary": [e.to_dict() for e in self.supplementary]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Glossary":
        try:
            return cls(tuple(GlossaryEntry.from_dict(e) for e in data["entries"]),
                       tuple(GlossaryEntry.from_dict(e) for e in data.get("supplementary", ())))
        except (KeyError, TypeError, AttributeError, ConfigError) as e:
            raise IndexStaleError(f"glossary.json is malformed ({e!r}); {REBUILD_HINT}") from e


def _phrase_table(groups: Sequence[Sequence[GlossaryEntry]]) -> dict[str, tuple[GlossaryEntry, ...]]:
    """Long forms, and their qualifier-less tails (see `expansions_for`), -> entries. A tail
    is blocked by the long form of an entry of the same or an earlier (review) group."""
    blocking: dict[str, set[str]] = {}
    seen: set[str] = set()
    for group in groups:
        seen |= {" ".join(long_words(e.long)) for e in group}
        for e in group:
            blocking.setdefault(e.source, set(seen))

    def keys_of(e: GlossaryEntry) -> list[tuple[str, GlossaryEntry]]:
        words = long_words(e.long)
        keys = [(" ".join(words), e)]
        tail = words[1:]
        if len(tail) >= 2 and words[0] not in _FUNCTION_WORDS and tail[0] not in _FUNCTION_WORDS:
            if " ".join(tail) not in blocking[e.source]:
                keys.append((" ".join(tail), e))
        return keys

    return _index(groups, keys_of)


# --- the chat's side: routing and wording --------------------------------------------

# Phrasings that only make sense about an abbreviation: route whatever the term is.
_ALWAYS = [re.compile(p, re.IGNORECASE) for p in (
    r"what\s+(?:does|do|did)\s+(?P<t>.+?)\s+stands?\s+for(?:\s+(?:in|within|according\s+to)\s+.+)?",
    r"(?:(?:tell\s+me\s+|explain\s+)?what\s+)?(?P<t>.+?)\s+stands?\s+for(?:\s+(?:in|within|according\s+to)\s+.+)?",
    r"what\s+(?:is|are)\s+(?P<t>.+?)\s+abbreviated(?:\s+as|\s+to)?(?:\s+in\s+.+)?",
    r"(?:what|which)\s+(?:abbreviation|acronym|short\s+form)\s+(?:does|do|is)\s+.+?\s+(?:use|used)\s+for\s+(?P<t>.+)",
    r"what\s+(?:is|are|'s)\s+(?P<t>.+?)\s+(?:short\s+for|an?\s+(?:abbreviation|acronym)\s+for)",
    r"(?:what\s+is\s+|what's\s+|give\s+me\s+)?(?:the\s+)?(?:abbreviation|acronym|short\s+form|full\s+form|long\s+form)"
    r"\s+(?:for|of)\s+(?P<t>.+)",
    r"how\s+(?:is|are)\s+(?P<t>.+?)\s+abbreviated",
    r"how\s+(?:do\s+you|do\s+i|to)\s+abbreviate\s+(?P<t>.+)",
)]
# Generic definitional phrasings: route only a known short form or an abbreviation-shaped token,
# so "What is the role of TACE in unresectable NELM?" stays a content question.
_IF_ABBREVIATION = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:meaning|definition|expansion)\s+of\s+(?P<t>.+)",
    r"(?:please\s+)?(?:define|expand)\s+(?P<t>.+)",
    r"what\s+(?:does|do)\s+(?P<t>.+?)\s+mean",
    r"what\s+is\s+meant\s+by\s+(?P<t>.+)",
    r"(?P<t>.+?)\s+(?:meaning|definition|abbreviation)",
    r"(?:what\s+is|what's|whats|what\s+are)\s+(?P<t>.+)",
    r"(?P<t>.+)",
)]
_TERM_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:abbreviation|acronym|term)\s+)?(?:an?\s+|the\s+)?", re.IGNORECASE)


def parse_glossary_question(question: str, glossary: Glossary) -> str | None:
    """The term a glossary-style question asks about, else None.

    "What does TACE stand for?", "abbreviation for somatostatin analogues" -> always routed.
    "TACE?", "what is SI-NEN", "define ALPPS", "meaning of OLT" -> routed when the term is a
    short form the glossary knows, or looks like one (one token with two capitals, "TCAE"),
    so a typo still gets its "did you mean". "When is OLT indicated?" -> None.
    """
    text = re.sub(r"\s+", " ", question.replace("\u2019", "'")).strip().rstrip("?.! ").strip()
    for patterns, strict in ((_ALWAYS, False), (_IF_ABBREVIATION, True)):
        for pattern in patterns:
            m = pattern.fullmatch(text)
            if not m:
                continue
            term = _TERM_PREFIX.sub("", m.group("t").strip(" \"'“”‘’`*")).strip(" \"'“”‘’`*")
            if not term or len(term.split()) > 14:
                continue
            if not strict or _is_abbreviation(term, glossary):
                return term
    return None


def _is_abbreviation(term: str, glossary: Glossary) -> bool:
    if glossary.lookup(term).match_kind in ("exact", "variant"):
        return True
    return " " not in term and len(term) <= 12 and sum(c.isupper() for c in term) >= 2


def _cite(entry: GlossaryEntry) -> str:
    if entry.source == "review":
        return f"[{entry.unit_id}]"
    return f"(not defined in this review; source: {entry.note})"


def answer_glossary(lookup: GlossaryLookup, glossary: Glossary | None = None) -> str:
    """A short markdown answer: "**TACE** — transarterial chemoembolization [figure-2]".

    Review entries cite their unit; supplementary ones say they are not from the review.
    With `glossary`, did-you-mean suggestions show their expansions too.
    """
    query = lookup.query.strip()
    if lookup.match_kind == "none":
        return (f"\u201c{query}\u201d is not defined in this review, and it is not in the "
                "supplementary list of abbreviations.")
    if lookup.match_kind == "fuzzy":
        options = []
        for s in lookup.did_you_mean:
            hit = glossary.lookup(s).matches if glossary else ()
            options.append(f"**{s}** ({hit[0].long})" if hit and hit[0].short == s else f"**{s}**")
        return f"No glossary entry matches \u201c{query}\u201d. Did you mean {' or '.join(options)}?"
    lines = []
    if lookup.match_kind == "reverse":
        lines.append(f"\u201c{query}\u201d is abbreviated in the glossary as:")
    bullet = "- " if len(lookup.matches) > 1 or lookup.match_kind == "reverse" else ""
    for e in lookup.matches:
        lines.append(f"{bullet}**{e.short}** — {e.long} {_cite(e)}")
    for e in lookup.matches:
        if e.source == "review" and e.note:
            lines.append(e.note)
        elif lookup.match_kind == "variant" and e.source == "review":
            lines.append(f"\u201c{query}\u201d is another spelling of {e.short}, the one the review prints.")
    return "\n\n".join(lines) if not bullet else "\n".join(lines)


def bench_lookup(glossary: Glossary, terms: Sequence[str], repeats: int = 200) -> dict[str, float]:
    """Time `glossary.lookup` on every term, `repeats` times; microseconds per lookup."""
    import time

    if repeats < 1 or not terms:
        raise ConfigError(f"bench_lookup needs repeats >= 1 and at least one term, was: {repeats}, {len(terms)} terms")
    timings = []
    for _ in range(repeats):
        for term in terms:
            t0 = time.perf_counter_ns()
            glossary.lookup(term)
            timings.append(time.perf_counter_ns() - t0)
    timings.sort()

    def pct(q: float) -> float:
        return timings[min(len(timings) - 1, int(q * len(timings)))] / 1000.0

    return {"lookups": float(len(timings)), "p50_us": pct(0.50), "p95_us": pct(0.95), "max_us": timings[-1] / 1000.0}
