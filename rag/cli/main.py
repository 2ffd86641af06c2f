"""`python -m rag`: ask questions, look up abbreviations, run the treatment algorithm.

Examples:
    python -m rag ask "What is the treatment of choice for resectable NELM?"
    python -m rag ask --json "Which journal published the review?"
    printf 'What is TACE?\\nWho wrote the review?\\n' | python -m rag ask     # JSON lines
    python -m rag abbr TACE
    python -m rag abbr --all --json
    python -m rag algorithm --grade G2 --primary pancreas --liver unresectable --extrahepatic none

Exit codes: 0 answered (an abstention, a "not found" or a did-you-mean is an answer), 1 the
index or model is not usable, 2 the question or an argument is invalid.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Iterator

from rag.core.errors import InvalidInputError, InvalidQuestionError, RagError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rag", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question from the review (stdin: one per line)")
    ask.add_argument("question", nargs="?", help="the question; omit to read one per line from stdin")
    ask.add_argument("--json", action="store_true", help="print Answer.to_dict() as one JSON object")
    ask.add_argument("--history", action="append", default=[], metavar="QUESTION",
                     help="an earlier question of the conversation (repeatable, oldest first)")
    ask.set_defaults(func=_ask)
    from rag.cli import abbr as cli_abbr, algorithm as cli_algorithm

    cli_abbr.add_parser(sub)
    cli_algorithm.add_parser(sub)
    args = parser.parse_args(argv)
    try:
        if args.command == "abbr":
            cli_abbr.term_of(args)  # a bad term fails before the index is read
            return args.func(args, _glossary())
        return args.func(args)
    except InvalidInputError as e:  # a question or an argument: the user's to fix
        print(f"error: {e}", file=sys.stderr)
        return 2
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        sys.stderr.close()
        return 0


def _ask(args: argparse.Namespace) -> int:
    import rag

    if args.question is not None:
        from rag.core.question import normalise_question

        normalise_question(args.question)  # a bad question fails before the model loads
        answer = rag.ask(args.question, history=args.history)
        print(json.dumps(answer.to_dict(), ensure_ascii=False) if args.json else format_answer(answer))
        return 0
    pipeline = rag.get_pipeline()  # loaded once for every line
    history: list[str] = list(args.history)
    for question, undecodable in _stdin_lines():
        try:
            if undecodable:
                raise InvalidQuestionError(undecodable)
            out = pipeline.ask(question, history=history).to_dict()
        except InvalidQuestionError as e:
            out = {"question": question, "error": str(e)}
        _write_line(json.dumps(out, ensure_ascii=False))
    return 0


def _stdin_lines() -> Iterator[tuple[str, str]]:
    """Each input line as (text, "") or, for a line that is not UTF-8, (its text with the bad
    bytes shown as U+FFFD, why it cannot be read).

    Bytes are read and each line decoded here, not by the locale's text layer: under a strict
    UTF-8 locale that layer raises at the first bad byte, which would end the run and lose the
    answers to every line after it. A byte-order mark at the start (Windows editors) is dropped.
    """
    raw_lines = getattr(sys.stdin, "buffer", None)
    if raw_lines is None:  # a text stream put in place of stdin (an embedding program): decoded already
        for line in sys.stdin:
            yield line.rstrip("\n"), ""
        return
    for number, raw in enumerate(raw_lines, 1):
        raw = raw.rstrip(b"\n")
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8"), ""
        except UnicodeDecodeError as e:
            yield raw.decode("utf-8", "replace"), (
                f"Line {number} is not UTF-8 text (byte 0x{raw[e.start]:02X} at position {e.start}); "
                "save or pipe the questions as UTF-8")


def _write_line(text: str) -> None:
    """One output line as UTF-8 bytes, whatever the locale (the JSON lines contract)."""
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        print(text, flush=True)
        return
    sys.stdout.flush()
    out.write(text.encode("utf-8", "replace") + b"\n")
    out.flush()


def _glossary():
    from rag.glossary.store import Glossary
    from rag.core.index import read_glossary
    from rag.core.settings import Settings

    return Glossary.from_index(read_glossary(Settings.from_env()))


def format_answer(answer) -> str:
    """Answer as a reader wants it in a terminal: the text, the route, then each source."""
    badge = "not in the review" if answer.abstained else {
        "retrieval": "from the review", "glossary": "glossary", "algorithm": "treatment algorithm"}[answer.route]
    lines = [f"[{badge}]", answer.answer, ""]
    sources = answer.citations or answer.related
    if sources:
        lines.append("Related passages (not an answer):" if answer.abstained else "Sources:")
        for c in sources:
            quoted = c.text[c.span[0]:c.span[1]]
            lines.append(f"  [{c.unit_id}] {c.label}")
            lines.extend(textwrap.wrap(quoted, 96, initial_indent="      ", subsequent_indent="      "))
    for notice in answer.notices:
        lines.append(f"note: {notice}")
    return "\n".join(lines).rstrip()

