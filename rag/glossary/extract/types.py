"""The value the extractor hands out: one definition with its offsets in the text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Abbreviation:
    """One definition: `text[short_start:short_end] == short`, likewise for `long`."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int
