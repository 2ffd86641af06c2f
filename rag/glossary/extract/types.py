"""The value the extractor hands out: one definition with its offsets in the text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Abbreviation:
    """One definition: `text[short_start:short_end] == short`, likewise for `long`, except
    for a long form assembled from a coordination (coordination.py: "surfactant proteins D"
    from "surfactant proteins A (SP-A) and D"), whose offsets span the words it is drawn from."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int
