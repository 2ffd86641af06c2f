"""The chat's side of the glossary: spotting an abbreviation question, and wording the reply.

In: the user's question and a `Glossary` (rag/glossary/store.py); later a `GlossaryLookup`.
Out: `parse_glossary_question(question, glossary)` -> the term asked about, or None;
`answer_glossary(lookup, glossary)` -> a short markdown answer that cites the defining unit
("**TACE** — transarterial chemoembolization [figure-2]") or says the entry is not from the
review. Phrasings that only make sense about an abbreviation ("What does X stand for?") are
always routed; generic ones ("what is X", "define X") only when X is, or looks like, a short
form, so "What is the role of TACE in unresectable NELM?" stays a content question.

It never looks anything up itself beyond `Glossary.lookup`, and never guesses: a typo is
answered with the labelled "did you mean" the lookup offers. The glossary's tables are
imported only for type checking, so rag.glossary.store can re-export these functions without a cycle.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.glossary.types import GlossaryEntry, GlossaryLookup

if TYPE_CHECKING:
    from rag.glossary.store import Glossary

__all__ = ["parse_glossary_question", "answer_glossary"]

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
    r"(?P<t>.+?)\s+(?:abbreviation|acronym|short\s+form)",
    r"how\s+(?:do\s+you|do\s+i|to)\s+abbreviate\s+(?P<t>.+)",
)]
# "... in the figure legend", "... in this review": where the reader met the term.
_WHERE = (r"(?:\s+(?:in|within|according\s+to)\s+(?:the|this|that|figure|fig\.?|its)\b.*"
          r"|\s+(?:here|there))?")
# Generic definitional phrasings: route only a known short form or an abbreviation-shaped token,
# so "What is the role of TACE in unresectable NELM?" stays a content question.
_IF_ABBREVIATION = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:meaning|definition|expansion)\s+of\s+(?P<t>.+?)" + _WHERE,
    r"(?:please\s+)?(?:define|expand)\s+(?P<t>.+?)" + _WHERE,
    r"what\s+(?:does|do)\s+(?P<t>.+?)\s+mean" + _WHERE,
    r"what\s+is\s+meant\s+by\s+(?P<t>.+)",
    r"(?P<t>.+?)\s+(?:meaning|definition)",
    r"(?:what\s+is|what's|whats|what\s+are)\s+(?P<t>.+)",
    r"(?P<t>.+)",
)]
# "the ALPPS procedure": a noun after a short form that says what kind of thing it is.
_KIND_NOUNS = {"procedure", "technique", "therapy", "treatment", "approach", "operation", "surgery", "drug",
               "drugs", "classification", "criteria", "score", "grade", "trial"}
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
            head, _, kind = term.rpartition(" ")
            if head and kind.lower() in _KIND_NOUNS and _is_abbreviation(head, glossary):
                term = head  # "ALPPS procedure meaning"
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
            found = glossary.lookup(s) if glossary else None
            hit = found.matches if found else ()
            if hit and hit[0].short == s:
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
    return "\n\n".join(lines) if not bullet else "\n".join(lines)
