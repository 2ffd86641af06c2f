"""The review's abbreviation glossary: built once at ingest time, looked up in microseconds.

In: the source units of the indexed pages, plus the packaged supplementary list. Out: a
`Glossary` (stored in the index as glossary.json) that answers lookups both ways, abbreviation
-> expansion and expansion (or a part of it) -> abbreviation, and tells retrieval which
expansions to add to a query. Every key is precomputed into dicts when the glossary is built
or loaded, so a lookup loads no model and scans no index.

The pieces live next door and are re-exported here, so callers need one import:
rag/glossary/types.py (GlossaryEntry, GlossaryLookup), rag/glossary/keys.py (key folding and
the spelling-variant rules), rag/glossary/entries.py (definitions from the text, Schwartz &
Hearst 2003, and the supplementary list), rag/glossary/questions.py (parse_glossary_terms,
parse_glossary_question) and rag/glossary/replies.py (answer_glossary, answer_glossary_terms).

It never guesses silently: a typo gets `match_kind="fuzzy"`, no matches, and a labelled
`did_you_mean` (rapidfuzz), never an answer about the nearest entry. It does not extract
definitions or word answers itself, and imports nothing heavy (no torch, no FAISS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from rag.core.errors import ConfigError, IndexStaleError, InvalidQuestionError
from rag.glossary.entries import SUPPLEMENTARY_PATH, load_supplementary, review_entries
from rag.glossary.keys import WORD, long_words, ngrams, plausible_slip, short_key, singular_key
from rag.glossary.tables import index_by as _index, phrase_table as _phrase_table
from rag.glossary.types import MATCH_KINDS, SOURCES, GlossaryEntry, GlossaryLookup
from rag.core.types import SourceUnit

__all__ = [
    "GlossaryEntry", "GlossaryLookup", "Glossary", "build_glossary", "load_supplementary",
    "short_key", "long_words", "SUPPLEMENTARY_PATH", "MATCH_KINDS",
]

REBUILD_HINT = "rebuild the index with: python -m ingest --force"


def build_glossary(units: Sequence[SourceUnit],
                   supplementary: Iterable[GlossaryEntry] | None = None) -> Glossary:
    """Extract every definition from `units` (in order; within a document the first definition
    of a short form wins, and each document keeps its own) and add the supplementary list (the
    packaged one unless given)."""
    entries = review_entries(units)
    extra = load_supplementary() if supplementary is None else tuple(supplementary)
    return Glossary(entries, extra)


@dataclass(frozen=True)
class Glossary:
    """Review entries plus supplementary ones, with every lookup key precomputed.

    A supplementary entry whose short form (or a variant) the review defines is dropped
    into `shadowed` and never matched. Review entries of several documents sit side by side:
    a short form each defines differently is looked up as all of its entries, in index order.
    """

    entries: tuple[GlossaryEntry, ...]
    supplementary: tuple[GlossaryEntry, ...] = ()
    shadowed: tuple[GlossaryEntry, ...] = field(init=False, repr=False, compare=False)
    _short: Mapping[str, tuple[GlossaryEntry, ...]] = field(init=False, repr=False, compare=False)
    _variant: Mapping[str, tuple[GlossaryEntry, ...]] = field(init=False, repr=False, compare=False)
    _long: Mapping[str, tuple[tuple[GlossaryEntry, int], ...]] = field(init=False, repr=False, compare=False)
    _phrases: Mapping[str, tuple[GlossaryEntry, ...]] = field(init=False, repr=False, compare=False)
    _starts: frozenset[str] = field(init=False, repr=False, compare=False)  # each phrase's first word key
    _display: Mapping[str, str] = field(init=False, repr=False, compare=False)
    _fuzzy_short: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _fuzzy_long: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _shouted: frozenset[str] = field(init=False, repr=False, compare=False)
    # Lookups already made: the router tries the same words ("what", "NELM") question after
    # question, and a miss costs a fuzzy search. Dict reads and writes are thread-safe.
    _memo: dict = field(init=False, repr=False, compare=False, default_factory=dict)

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
        # Each run of words is also keyed closed up, so "radioembolisation" finds "radio-embolization".
        set_("_long", _index(groups, lambda e: [(sep.join(g), (e, len(long_words(e.long))))
                                                 for g in ngrams(long_words(e.long))
                                                 for sep in ((" ", "") if len(g) > 1 else (" ",))]))
        set_("_phrases", _phrase_table(groups))
        set_("_starts", frozenset(k.split(" ", 1)[0] for k in self._phrases))
        display: dict[str, str] = {}
        for e in entries + kept:
            for text in (e.short, *e.variants):
                display.setdefault(short_key(text), text)
            display.setdefault(" ".join(long_words(e.long)), e.long)
        set_("_display", MappingProxyType(display))
        set_("_fuzzy_short", tuple(k for k in display if " " not in k))
        set_("_fuzzy_long", tuple(k for k in display if len(k) >= 6))
        set_("_shouted", frozenset(s.upper() for s in self.short_forms()))

    def short_forms(self) -> tuple[str, ...]:
        """Every short form and variant the glossary knows, as written ("panNEN", "SI-NEN")."""
        return tuple(s for e in (*self.entries, *self.supplementary) for s in (e.short, *e.variants))

    def shouted_terms(self) -> frozenset[str]:
        """The short forms as they look typed in capitals ("PANNEN", "SI-NEN")."""
        return self._shouted

    # -- lookup ---------------------------------------------------------------------

    def lookup(self, term: str) -> GlossaryLookup:
        """Abbreviation -> entry ("exact"/"variant"), long form or part of one -> entry
        ("reverse"), else labelled suggestions ("fuzzy") or nothing ("none")."""
        if not isinstance(term, str):
            raise InvalidQuestionError(f"A glossary term must be text, was: {type(term).__name__}")
        found = self._memo.get(term)
        if found is None:
            found = self._lookup(term)
            if len(self._memo) < 20_000:
                self._memo[term] = found
        return found

    def short_match(self, term: str) -> tuple[str, tuple[GlossaryEntry, ...]] | None:
        """("exact" or "variant", entries) when `term` is a short form as typed, else None: `lookup`'s first
        step without its fuzzy search, for scanning every word of a question for forms it names."""
        query = term.strip().strip("\"'“”‘’`*?.!:;,").strip()
        key = short_key(query)
        for kind, table in (("exact", self._short), ("variant", self._variant)):
            for k in (key, singular_key(query, key) if key else ""):
                if k and k in table:
                    return kind, table[k]
        return None

    def _lookup(self, term: str) -> GlossaryLookup:
        query = term.strip().strip("\"'“”‘’`*?.!:;,").strip()
        key = short_key(query)
        if not key:
            return GlossaryLookup(term, (), "none")
        found = self.short_match(query)
        if found:
            return GlossaryLookup(term, found[1], found[0])
        words = long_words(query)
        while len(words) > 1 and words[0] in ("a", "an", "the"):
            words = words[1:]
        hits = self._long.get(" ".join(words), ()) or self._long.get("".join(words), ())
        if not hits and "of" in words[1:-1]:
            # a noun with an of-phrase names what the compound names: "embolization of the portal vein" is
            # "portal vein embolization", "transplantation of the liver" "liver transplantation"
            cut = words.index("of")
            rest = words[cut + 1:]
            rest = rest[1:] if len(rest) > 1 and rest[0] in ("a", "an", "the") else rest
            # (the head noun's own modifiers stay before the compound: "orthotopic transplant of liver")
            hits = (self._long.get(" ".join(rest + words[:cut]), ())
                    or self._long.get(" ".join(words[:cut - 1] + rest + words[cut - 1:cut]), ()))
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
                if len(key) > 5 or plausible_slip(key, choice):
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

    def expansions_for(self, query: str, include_supplementary: bool = True,
                       printed: Callable[[str], bool] = lambda long: False) -> list[tuple[str, str]]:
        """(text found in `query`, what to add to it) for query expansion in retrieval.

        Abbreviations map to their long form (a variant such as PRRT also maps to the printed PPRT, so it finds the
        review's text; without the supplementary list, an outside short form only when it names a thing the review
        defines, `_own_entry`: "LT" -> liver transplantation, the review's OLT; or one whose long form the indexed text
        prints, `printed`: "US" -> United States, in a reference title). Long forms map to their short form, matched greedily, longest first. A long form of 3+
        words also matches without its leading qualifier when the rest (>= 2 words) is not itself another entry's long
        form: "liver transplantation" -> OLT, but "neuroendocrine neoplasm" stays NEN, not panNEN. Lower-case tokens of
        under 4 letters ("net", "re", "sa") are English words, not abbreviations, and are skipped.
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
                    kind, entries = found
                    # A short form two documents define differently ("SA") expands to both.
                    for entry in (e for e in entries if e.source in wanted or self._own_entry(e) or printed(e.long)):
                        out.append((text, entry.long))
                        if kind == "variant":
                            out.append((text, entry.short))
                    i += width
                    break
            else:
                i += 1
        words = list(WORD.finditer(query))
        keys = [" ".join(long_words(w.group())) for w in words]
        i = 0
        while i < len(keys):
            if keys[i] not in self._starts:  # no phrase opens with this word: nothing to join (a hot path)
                i += 1
                continue
            for j in range(min(len(keys), i + 12), i, -1):  # longest phrase first
                hits = [e for e in self._phrases.get(" ".join(keys[i:j]), ()) if e.source in wanted]
                if hits:
                    # (a short form another document uses for something else, "SA" there, would find that meaning)
                    out.extend((query[words[i].start():words[j - 1].end()], e.short) for e in hits if not self._ambiguous(e))
                    i = j
                    break
            else:
                i += 1
        return list(dict.fromkeys(out))

    def _own_entry(self, entry: GlossaryEntry) -> GlossaryEntry | None:
        """The document's entry an outside short form names ("SIRT": the review's RE; "LT", liver transplantation: its
        OLT), which may expand a query: it leads to the document's own term, not to a term it never defines."""
        own = [e for e in (self._short.get(short_key(entry.same_as), ()) if entry.same_as else self._phrases.get(
            " ".join(long_words(entry.long)), ())) if e.source != "supplementary"]
        return own[0] if own else None

    def _ambiguous(self, entry: GlossaryEntry) -> bool:
        """Does the short form of `entry` stand for another long form too (in another document)?"""
        mine = " ".join(long_words(entry.long))
        return any(" ".join(long_words(e.long)) != mine for e in self._short.get(short_key(entry.short), ()))

    def _abbreviation_in_text(self, text: str) -> tuple[str, tuple[GlossaryEntry, ...]] | None:
        key = short_key(text)
        if len(key) < 2 or not any(c.isalpha() for c in text) or (text.islower() and len(key) < 4):
            return None
        for kind, table in (("exact", self._short), ("variant", self._variant)):
            for k in (key, singular_key(text, key)):
                if k and k in table:
                    return kind, table[k]
        return None

    # -- persistence ----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {"format": 1, "entries": [e.to_dict() for e in self.entries],
                "supplementary": [e.to_dict() for e in self.supplementary]}

    @classmethod
    def from_index(cls, data: Mapping[str, Any]) -> "Glossary":
        """The review entries an index stored, with the supplementary list as packaged now:
        that list is product data, not something read from the seeds, so a corrected entry
        reaches every existing index without a rebuild."""
        return cls(cls.from_dict(data).entries, load_supplementary())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Glossary":
        try:
            return cls(tuple(GlossaryEntry.from_dict(e) for e in data["entries"]),
                       tuple(GlossaryEntry.from_dict(e) for e in data.get("supplementary", ())))
        except (KeyError, TypeError, AttributeError, ConfigError) as e:
            raise IndexStaleError(f"glossary.json is malformed ({e!r}); {REBUILD_HINT}") from e
