"""The glossary's replies in the chat: one lookup -> a short markdown answer with its source.

In: a `GlossaryLookup` (rag/glossary/store.py) per term asked about, and the `Glossary` for
suggestions and for the review's own entry of an outside term. Out: `answer_glossary` ->
"**TACE** — transarterial chemoembolization [figure-2]" for a review entry, the source note of a
supplementary one ("not defined in this review; source: ..."), a labelled "did you mean" for a
typo; `answer_glossary_terms` the same for several terms at once; `review_counterparts` the
review entries a supplementary match points to ("SIRT" -> the review's RE), which the pipeline
cites too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from rag.glossary.keys import long_words, short_key
from rag.glossary.types import GlossaryEntry, GlossaryLookup

if TYPE_CHECKING:
    from rag.glossary.described import Described

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["answer_glossary", "answer_glossary_terms", "answer_described", "review_counterparts"]


def _cite(entry: GlossaryEntry) -> str:
    if entry.source == "review":
        return f"[{entry.unit_id}]"
    gloss = f"{entry.gloss}; " if entry.gloss else ""
    return f"({gloss}not defined in this review; source: {entry.note})"


def review_counterparts(lookup: GlossaryLookup, glossary: Glossary | None) -> tuple[GlossaryEntry, ...]:
    """The review's own entries for what a supplementary match names, so that an answer about
    an outside term points to where the review speaks of it: the entry its `same_as` names
    ("SIRT" -> the review's RE), or one whose long form is the same words, singular or plural
    ("SSA", somatostatin analogue -> the review's SA, somatostatin analogues)."""
    if glossary is None:
        return ()
    out = []
    for e in lookup.matches:
        if e.source != "supplementary":
            continue
        if e.same_as:
            out.extend(m for m in glossary.lookup(e.same_as).matches if m.source == "review")
        same_words = long_words(e.long)
        out.extend(m for m in glossary.lookup(e.long).matches
                   if m.source == "review" and long_words(m.long) == same_words)
    return tuple(dict.fromkeys(out))


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
            found = glossary.lookup(s) if glossary else None
            hit = found.matches if found else ()
            if hit and found.match_kind in ("exact", "variant"):  # "PRRT", a variant of the printed PPRT
                options.append(f"**{s}** ({hit[0].long})")
            elif hit and found.match_kind == "reverse":  # a long form: show what it abbreviates to
                options.append(f"**{s}** ({', '.join(dict.fromkeys(e.short for e in hit))})")
            else:
                options.append(f"**{s}**")
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
    for e in review_counterparts(lookup, glossary):
        lines.append(f"The review's own term for it: **{e.short}** — {e.long} {_cite(e)}")
    return "\n\n".join(lines) if not bullet else "\n".join(lines)


def answer_glossary_terms(lookups: Sequence[GlossaryLookup], glossary: Glossary | None = None) -> str:
    """`answer_glossary` for each term of one question ("TACE vs TAE"), in the order asked,
    each definition with its own citation; one lookup gives exactly `answer_glossary`'s text.
    Two spellings of one entry ("is PPRT the same as PRRT?") are defined once, and said to be
    the same."""
    parts: list[str] = []
    first_asked: dict[tuple[GlossaryEntry, ...], str] = {}
    pointed: dict[GlossaryEntry, str] = {}  # review entries an outside term's answer already gave
    for lookup in lookups:
        earlier = first_asked.get(lookup.matches) if lookup.matches else None
        if earlier is None and lookup.matches and all(e in pointed for e in lookup.matches):
            # "is TARE = RE?": RE was given as TARE's review term; said once, and said to be the same
            first_asked[lookup.matches] = lookup.query.strip()
            parts.append(f"\u201c{lookup.query.strip()}\u201d is the review's own term for "
                         f"\u201c{pointed[lookup.matches[0]]}\u201d (above).")
        elif earlier is None:
            pointed.update((e, lookup.query.strip()) for e in review_counterparts(lookup, glossary))
            first_asked.setdefault(lookup.matches, lookup.query.strip())
            parts.append(answer_glossary(lookup, glossary))
        elif lookup.match_kind == "reverse":  # "TACE - is that the same as chemoembolisation?"
            whole = long_words(lookup.query) == long_words(lookup.matches[0].long)
            parts.append(f"\u201c{lookup.query.strip()}\u201d is {'the' if whole else 'part of the'} long form of "
                         f"{lookup.matches[0].short}.")
        elif short_key(earlier) != short_key(lookup.query):
            parts.append(f"\u201c{lookup.query.strip()}\u201d and \u201c{earlier}\u201d are the same abbreviation.")
    return "\n\n".join(parts)


def answer_described(description: str, offered: Sequence[Described]) -> str:
    """The entries offered for a description no long form matches word for word, labelled as
    matched by meaning: the reader confirms the match, the review's words are the definitions."""
    lines = [f"No abbreviation in the review is written out as \u201c{description.strip()}\u201d. "
             "Closest in meaning among the review's abbreviations (matched by meaning, not by its words; "
             "check that this is what you mean):"]
    lines += [f"- **{d.entry.short}** \u2014 {d.entry.long} {_cite(d.entry)}" for d in offered]
    return "\n".join(lines)
