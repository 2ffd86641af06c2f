"""`python -m rag abbr`: look up the review's abbreviations from the terminal.

In: parsed arguments and a `Glossary` (loaded from the index by rag/cli/main.py).
Out: text or JSON on stdout and exit status 0 whenever the term was looked up: "not found"
and a did-you-mean are answers too. A blank term, or a term together with --all, raises
`InvalidArgumentError`, which rag/cli/main.py turns into exit status 2; so does a term with
control characters (rag.core.question's rule for questions).
It does not load the index itself, so it is testable with any glossary.

Examples:
    python -m rag abbr TACE                # **TACE** — transarterial chemoembolization [figure-2]
    python -m rag abbr portal vein ligation  # several words, quoted or not
    python -m rag abbr PRRT --json         # the lookup as JSON
    python -m rag abbr --all               # every entry, review first
    python -m rag abbr --all --json        # every entry as JSON objects
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from rag.core.errors import InvalidArgumentError
from rag.core.question import unusable_characters
from rag.glossary.replies import answer_glossary
from rag.glossary.store import Glossary, GlossaryEntry

_JSON_FIELDS = ("short", "long", "source", "unit_id", "variants", "note")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `abbr` on the `python -m rag` subparsers; `args.func(args, glossary)` runs it."""
    parser = subparsers.add_parser(
        "abbr", help="look up an abbreviation or its expansion in the review's glossary",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # "*", not "+": --all takes no term, and run() names the mistake when neither is given
    parser.add_argument("term", nargs="*", metavar="TERM",
                        help='an abbreviation (TACE) or an expansion or part of one (portal vein ligation); '
                             'several words are joined by spaces, so quoting is optional')
    parser.add_argument("--all", action="store_true", help="list every entry instead of looking one up")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)
    return parser


def term_of(args: argparse.Namespace) -> str | None:
    """The term to look up, its words joined by spaces (`abbr portal vein ligation` is
    `abbr "portal vein ligation"`), or None for --all. Raises `InvalidArgumentError` for
    neither, both, or a blank term; cheap, so the caller can check before loading the index."""
    term = " ".join(args.term)
    if args.all and args.term:
        raise InvalidArgumentError(f"give either a TERM or --all, was: both ({term!r} and --all); "
                                   "e.g. python -m rag abbr TACE")
    if args.all:
        return None
    if not args.term:
        raise InvalidArgumentError("give either a TERM or --all, was: neither; e.g. python -m rag abbr TACE")
    if not term.strip():
        raise InvalidArgumentError(f"the term to look up is blank, was: {term!r}; e.g. python -m rag abbr TACE")
    bad = unusable_characters(term)
    if bad:  # the same rule as for questions: a control character would be printed back raw
        raise InvalidArgumentError(f"the term to look up contains control or non-text characters "
                                   f"({', '.join(bad[:5])}); type it as plain text, e.g. python -m rag abbr TACE")
    return term


def run(args: argparse.Namespace, glossary: Glossary, out: TextIO | None = None) -> int:
    """Print the lookup of the term (or every entry for --all) and return 0: a term that is
    not found, or found only as a did-you-mean, is still an answer."""
    out = out or sys.stdout
    term = term_of(args)
    if term is None:
        entries = glossary.entries + glossary.supplementary
        if args.json:
            json.dump([_entry_json(e) for e in entries], out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            out.write(_table(glossary))
        return 0
    result = glossary.lookup(term)
    if args.json:
        json.dump({"query": result.query, "match_kind": result.match_kind,
                   "did_you_mean": list(result.did_you_mean),
                   "matches": [_entry_json(e) for e in result.matches]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(_plain(answer_glossary(result, glossary)) + "\n")
        for e in result.matches:
            if e.source == "review" and e.sentence:
                out.write(f"  defined in {e.unit_id}: \u201c{e.sentence}\u201d\n")
    return 0


def _entry_json(entry: GlossaryEntry) -> dict[str, Any]:
    data = entry.to_dict()
    return {k: data[k] for k in _JSON_FIELDS}


def _plain(markdown: str) -> str:
    """Terminal text: the answer without markdown bold."""
    return markdown.replace("**", "")


def _table(glossary: Glossary) -> str:
    rows = [(e.short, e.long, f"[{e.unit_id}]") for e in glossary.entries]
    rows += [(e.short, e.long, "(not defined in this review)") for e in glossary.supplementary]
    width = max((len(r[0]) for r in rows), default=0)
    lines = ["Defined in this review:"]
    lines += [f"  {s:<{width}}  {long} {where}" for s, long, where in rows[:len(glossary.entries)]]
    if glossary.supplementary:
        lines += ["", "Supplementary (not defined in this review; `abbr TERM` shows the source):"]
        lines += [f"  {s:<{width}}  {long}" for s, long, _ in rows[len(glossary.entries):]]
    return "\n".join(lines) + "\n"
