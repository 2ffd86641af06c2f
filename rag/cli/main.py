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
    for line in sys.stdin:
        question = line.rstrip("\n")
        try:
            out = pipeline.ask(question, history=history).to_dict()
        except InvalidQuestionError as e:
            out = {"question": question, "error": str(e)}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


def _glossary():
    from rag.glossary.store import Glossary
    from rag.core.index import read_glossary
    from rag.core.settings import Settings

    return Glossary.from_dict(read_glossary(Settings.from_env()))


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

