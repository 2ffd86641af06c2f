"""The glossary's lookup tables, built once per glossary: key -> entries, with the review's group first.

Separate from rag/glossary/store.py (the `Glossary` and its lookups) because how the tables are keyed is a
decision of its own: a later group never adds to a key an earlier group holds, and a long form is also keyed
without its leading qualifier unless that tail is another entry's long form.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Sequence

from rag.glossary.keys import FUNCTION_WORDS, long_words
from rag.glossary.types import GlossaryEntry


def index_by(groups: Sequence[Sequence[Any]], keys_of: Any) -> dict[str, tuple[Any, ...]]:
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


def phrase_table(groups: Sequence[Sequence[GlossaryEntry]]) -> dict[str, tuple[GlossaryEntry, ...]]:
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
        if len(tail) >= 2 and words[0] not in FUNCTION_WORDS and tail[0] not in FUNCTION_WORDS:
            if " ".join(tail) not in blocking[e.source]:
                keys.append((" ".join(tail), e))
        return keys

    return index_by(groups, keys_of)
