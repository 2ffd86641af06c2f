"""`python -m rag abbr`: look up the review's abbreviations from the terminal.

In: parsed arguments and a `Glossary` (loaded from the index by rag/__main__.py).
Out: text or JSON on stdout, and an exit status: 0 when the term is found (or for --all),
1 when it is not (a did-you-mean or no match), 2 for a bad combination of arguments.
It does not load the index itself, so it is testable with any glossary.

Examples:
    python -m rag abbr TACE                # **TACE** — transarterial chemoembolization [figure-2]
    python -m rag abbr "portal vein ligation"
    python -m rag abbr PRRT --json         # the lookup as JSON
    python -m rag abbr --all               # every entry, review first
    python -m rag abbr --all --json        # every entry as JSON objects
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from rag.glossary.store import Glossary, GlossaryEntry, answer_glossary

_JSON_FIELDS = ("short", "long", "source", "unit_id", "variants", "note")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `abbr` on the `python -m rag` subparsers; `args.func(args, glossary)` runs it."""
    parser = subparsers.add_parser(
        "abbr", help="look up an abbreviation or its expansion in the review's glossary",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("term", nargs="?", metavar="TERM",
                        help='an abbreviation ("TACE") or an expansion or part of one ("portal vein ligation")')
    parser.add_argument("--all", action="store_true", help="list every entry instead of looking one up")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace, glossary: Glossary, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.all == bool(args.term):
        print("error: give either a TERM or --all, e.g. python -m rag abbr TACE", file=sys.stderr)
        return 2
    if args.all:
        entries = glossary.entries + glossary.supplementary
        if args.json:
            json.dump([_entry_json(e) for e in entries], out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            out.write(_table(glossary))
        return 0
    result = glossary.lookup(args.term)
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
    return 0 if result.matches else 1


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
