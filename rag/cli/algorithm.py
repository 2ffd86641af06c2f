"""`python -m rag algorithm ...`: run the treatment algorithm from the command line.

In: options naming the pathway's inputs; any option left out is unknown. Out: the result as
readable markdown (default), as JSON (`--json`), or as a Graphviz DOT graph (`--dot`), and an
exit code: 0 for any result (a "needs information" or "out of scope" result is an answer),
2 for a flag value the inputs reject (raised as `InvalidArgumentError`: a flag is an
argument, not a question) or a bad NELM_* threshold. It reads no index and loads no model,
so it has no exit code 1.
rag/cli/main.py registers it with `add_parser(subparsers)` and runs `args.func(args)`;
`python -m rag.cli.algorithm` runs it on its own through `main()`.
Thresholds (Milan criteria, the Ki-67 limit, the debulking share) come from
`Settings.from_env()`, e.g. `NELM_MILAN_MAX_KI67_PCT=15`.

Examples:
  python -m rag algorithm --grade G2 --primary pancreas --liver unresectable --extrahepatic none
  python -m rag algorithm --grade G1 --distribution I --refractory-symptoms --json
  python -m rag algorithm --grade G2 --liver unresectable --age 52 --liver-involvement-pct 40 \\
      --stable-months 8 --primary-resected --dot | dot -Tsvg > path.svg
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, Sequence

from rag.core.errors import InvalidArgumentError, InvalidQuestionError, RagError

if TYPE_CHECKING:
    from rag.algorithm.engine import AlgorithmInputs

_EXAMPLES = __doc__.split("Examples:\n", 1)[1]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register the `algorithm` subcommand on an argparse subparsers object."""
    parser = subparsers.add_parser(
        "algorithm",
        help="run the review's treatment algorithm (Figure 2) for given inputs",
        description="Deterministic decision aid for well-differentiated (G1/G2) neuroendocrine liver "
                    "metastases, following the review's Figure 2. Options left out are unknown.",
        epilog="examples:\n" + _EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--grade", choices=["G1", "G2", "G3", "NEC"], help="tumour grade")
    parser.add_argument("--primary", choices=["pancreas", "small-intestine", "other"], help="primary site")
    parser.add_argument("--liver", choices=["resectable", "staged", "unresectable"],
                        help="liver disease: resectable, resectable only with a staged approach, unresectable")
    parser.add_argument("--distribution", choices=["I", "II", "III"],
                        help="Figure 1 type (I simple, II complex, III diffuse), used when --liver is left out")
    parser.add_argument("--extrahepatic", choices=["none", "present"], help="extrahepatic disease")
    for flag, text in (("--refractory-symptoms", "hormonal symptoms refractory to medical control"),
                       ("--recurrence", "recurrence after a previous hepatectomy"),
                       ("--primary-resected", "primary tumour already resected")):
        parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None,
                            help=f"{text} (--no-... says it is absent)")
    for flag, text in (("--liver-involvement-pct", "share of the liver involved, in %%"),
                       ("--stable-months", "months of stable disease"),
                       ("--age", "age in years"),
                       ("--ki67-pct", "Ki-67 index, in %%")):
        parser.add_argument(flag, type=float, metavar="N", help=text)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the result as JSON")
    output.add_argument("--dot", action="store_true", help="print the pathway as a Graphviz DOT graph")
    parser.set_defaults(func=run_cli)
    return parser


def run_cli(args: argparse.Namespace) -> int:
    """Run the algorithm for parsed arguments; print the result; return the exit code.

    Every error it can meet is the user's to fix (a flag or a NELM_* setting), so it prints
    the message and returns 2 itself: `main()` below then needs no error handling of its own."""
    from rag.algorithm.engine import run_algorithm
    from rag.algorithm.render import render_dot, render_markdown
    from rag.core.settings import Settings

    try:
        result = run_algorithm(inputs_from_args(args), Settings.from_env())
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif args.dot:
        print(render_dot(result))
    else:
        print(render_markdown(result))
    return 0


def inputs_from_args(args: argparse.Namespace) -> AlgorithmInputs:
    """The flags as `AlgorithmInputs`. A value it rejects (e.g. `--age 130`) is reported as
    `InvalidArgumentError`: the message is the same, but the flag is not a question."""
    from rag.algorithm.engine import AlgorithmInputs

    try:
        return AlgorithmInputs(
            grade=args.grade, primary=args.primary, liver=args.liver, distribution=args.distribution,
            extrahepatic=args.extrahepatic, refractory_symptoms=args.refractory_symptoms,
            recurrence=args.recurrence, primary_resected=args.primary_resected,
            liver_involvement_pct=args.liver_involvement_pct, stable_months=args.stable_months,
            age=args.age, ki67_pct=args.ki67_pct,
        )
    except InvalidQuestionError as e:
        raise InvalidArgumentError(f"{e}; see: python -m rag algorithm --help") from e


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rag")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
