"""Where glossary entries come from: the review's own definitions and the packaged list.

In: the source units of the indexed pages, or the path of the supplementary list
(rag/glossary/data/supplementary_abbreviations.json). Out: tuples of `GlossaryEntry`:
`review_entries(units)` cites the defining unit and sentence (or legend item) and adds the
spelling variants of rag/glossary/keys.py; `load_supplementary()` carries each entry's
source note. Definitions are found by `extract_abbreviations` (Schwartz & Hearst 2003 plus
figure legends, rag/glossary/extract/pairs.py); nothing about one review is typed in here.

It does not decide which entry wins a clash between the two lists, nor build lookup tables:
`Glossary` (rag/glossary/store.py) does both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Sequence

from rag.glossary.extract.pairs import Abbreviation, extract_abbreviations
from rag.core.errors import ConfigError
from rag.glossary.keys import greek_variants, short_key, standard_spelling
from rag.glossary.types import GlossaryEntry
from rag.core.types import SourceUnit

__all__ = ["review_entries", "load_supplementary", "SUPPLEMENTARY_PATH"]

SUPPLEMENTARY_PATH = Path(__file__).resolve().parent / "data" / "supplementary_abbreviations.json"


def review_entries(units: Sequence[SourceUnit]) -> tuple[GlossaryEntry, ...]:
    """Every definition in `units`, in order; within one document the first definition of a
    short form wins (compared by `short_key`, so a later "TAE" or "T-AE" does not redefine
    TAE). Each document keeps its own: when two indexed pages define "SA" differently
    (somatostatin analogues, salvage ablation), both entries stay, each with its document."""
    import pysbd  # only at ingest time; lookups never split sentences

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    entries: list[GlossaryEntry] = []
    seen: set[tuple[str, str]] = set()
    for unit in units:
        for abbr in extract_abbreviations(unit.text):
            if (unit.doc_key, short_key(abbr.short)) not in seen:
                seen.add((unit.doc_key, short_key(abbr.short)))
                entries.append(_review_entry(unit, abbr, segmenter))
    return tuple(entries)


def _review_entry(unit: SourceUnit, abbr: Abbreviation, segmenter: Any) -> GlossaryEntry:
    variants = greek_variants(abbr.short, abbr.long)
    note = None
    standard = standard_spelling(abbr.short, abbr.long)
    if standard:
        variants.insert(0, standard)
        note = (f"The review prints {abbr.short}; the standard abbreviation, from the initials of "
                f"\u201c{abbr.long}\u201d, is {standard}.")
    return GlossaryEntry(abbr.short, abbr.long, "review", unit.id,
                         _defining_sentence(unit.text, abbr, segmenter), tuple(variants), note, unit.doc_key)


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
        variants = list(item.get("variants", [])) + greek_variants(item["short"], item["long"])
        out.append(GlossaryEntry(item["short"], item["long"], "supplementary", None, None,
                                 tuple(dict.fromkeys(variants)), item["source"],
                                 gloss=item.get("gloss"), same_as=item.get("same_as")))
    return tuple(out)
