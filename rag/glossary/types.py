"""The glossary's values: one entry, and what one lookup found.

In: the fields of an abbreviation definition (from the review's text at ingest time, from the
packaged supplementary list, or from glossary.json). Out: frozen `GlossaryEntry` and
`GlossaryLookup` values; an entry checks its own fields and round-trips through a plain dict
(glossary.json). A lookup is not persisted, so it has no dict form of its own: the one
consumer that prints it as JSON (rag/cli/abbr.py) chooses the entry fields it shows.

They hold data only: no key folding (rag/glossary/keys.py), no lookup tables (rag/glossary/store.py),
no wording for the chat (rag/glossary/replies.py). Kept apart so that those modules can
share the types without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from rag.core.errors import ConfigError

__all__ = ["GlossaryEntry", "GlossaryLookup", "SOURCES", "MATCH_KINDS"]

SOURCES = ("review", "supplementary")
MATCH_KINDS = ("exact", "variant", "reverse", "fuzzy", "none")


@dataclass(frozen=True)
class GlossaryEntry:
    """One abbreviation. Review entries carry the unit that defines them, the defining
    sentence (or legend item) and the document they come from (`doc_key`: with several
    indexed pages a short form may have one entry per document); supplementary entries carry
    a source note instead."""

    short: str
    long: str
    source: str
    unit_id: str | None = None
    sentence: str | None = None
    variants: tuple[str, ...] = ()
    note: str | None = None
    doc_key: str | None = None
    gloss: str | None = None  # supplementary: a short description, kept apart from the source
    same_as: str | None = None  # supplementary: the review's own short form for the same thing ("RE" for SIRT)

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ConfigError(f"glossary entry source must be one of {SOURCES}, was: {self.source!r}")
        if not self.short.strip() or not self.long.strip():
            raise ConfigError(f"glossary entry needs a short and a long form, was: {self.short!r}, {self.long!r}")
        object.__setattr__(self, "variants", tuple(self.variants))

    def to_dict(self) -> dict[str, Any]:
        return {"short": self.short, "long": self.long, "source": self.source, "unit_id": self.unit_id,
                "sentence": self.sentence, "variants": list(self.variants), "note": self.note,
                "doc_key": self.doc_key, "gloss": self.gloss, "same_as": self.same_as}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "GlossaryEntry":
        return cls(data["short"], data["long"], data["source"], data.get("unit_id"),
                   data.get("sentence"), tuple(data.get("variants") or ()), data.get("note"),
                   data.get("doc_key"), data.get("gloss"), data.get("same_as"))


@dataclass(frozen=True)
class GlossaryLookup:
    """What a lookup found. `matches` are review entries first, then supplementary ones;
    for "fuzzy" they are empty and `did_you_mean` holds the spellings to suggest."""

    query: str
    matches: tuple[GlossaryEntry, ...]
    match_kind: str
    did_you_mean: tuple[str, ...] = ()
