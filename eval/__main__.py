"""`python -m eval`: run the evaluation set against the product and the peer baseline.

Examples:
    python -m eval                          # full run, report in eval/reports/
    python -m eval --no-baseline            # only the product
    python -m eval --config                 # also compare dense / BM25 / hybrid retrieval
    python -m eval --questions my_set.jsonl --json
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from rag.core.errors import RagError

EVAL_DIR = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=EVAL_DIR / "questions.jsonl",
                        help="dev split: the set the product may be calibrated on (JSONL, schema in eval/README.md)")
    parser.add_argument("--test-questions", type=Path, default=EVAL_DIR / "questions_test.jsonl",
                        help="held-out test split, never tuned on; reported beside the dev split "
                             "(pass an empty string to skip)")
    parser.add_argument("--holdout-questions", type=Path, default=EVAL_DIR / "questions_holdout.jsonl",
                        help="blind holdout split, written after the test split's misses were read and never "
                             "looked at item by item: only its figures are reported (pass an empty string to skip)")
    parser.add_argument("--reports", type=Path, default=EVAL_DIR / "reports", help="where to write the report")
    parser.add_argument("--no-baseline", action="store_true", help="skip the LangChain tutorial baseline")
    parser.add_argument("--config", action="store_true", help="compare retrieval configurations side by side")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    args = parser.parse_args(argv)
    try:
        test = args.test_questions if str(args.test_questions) not in ("", ".") else None
        holdout = args.holdout_questions if str(args.holdout_questions) not in ("", ".") else None
        report = run(args.questions, baseline=not args.no_baseline, configs=args.config,
                     progress=not args.json, test_questions=test, holdout_questions=holdout)
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    paths = write_report_files(report, args.reports)
    if args.json:
        print(json.dumps({k: report[k] for k in ("meta", "ours", "splits", "baseline", "configs") if k in report},
                         ensure_ascii=False))
    else:
        from eval.report import to_markdown

        print(to_markdown(report))
        print(f"Report written to {paths['md']} (also .json, .png)")
    return 0


def run(questions: Path, baseline: bool = True, configs: bool = False, progress: bool = True,
        test_questions: Path | None = None, holdout_questions: Path | None = None) -> dict:
    """Score the dev split (`ours`, and the baseline and configurations on it) and, when given,
    the held-out test split and the blind holdout split; `splits` holds the summaries side by
    side. The holdout split's items are scored but never listed: its misses stay unread, so
    it stays a measure of questions nobody here has tuned on."""
    import rag
    from eval.report import failures
    from eval.run import compare_retrieval_modes, evaluate, summarise
    from eval.schema import load_questions

    items = load_questions(questions)
    pipeline = rag.get_pipeline()
    unit_texts = {uid: u.text for uid, u in pipeline.index.units.items()}
    rows = [dict(r, split="dev") for r in evaluate(pipeline, items, unit_texts, progress=progress)]
    report: dict = {
        "meta": {"questions": _shown(questions), "n_questions": len(items),
                 "model": pipeline.settings.model_name, "fusion": pipeline.settings.fusion,
                 "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds")},
        "ours": summarise(rows), "splits": {"dev": summarise(rows)}, "rows": rows, "failures": failures(rows),
    }
    if test_questions is not None:
        test_items = load_questions(test_questions)
        test_rows = [dict(r, split="test") for r in evaluate(pipeline, test_items, unit_texts, progress=progress)]
        report["meta"].update(test_questions=_shown(test_questions), n_test_questions=len(test_items))
        report["splits"]["test"] = summarise(test_rows)
        report["rows"] += test_rows
        report["test_failures"] = failures(test_rows)
    if holdout_questions is not None and holdout_questions.exists():
        holdout_items = load_questions(holdout_questions)
        holdout_rows = evaluate(pipeline, holdout_items, unit_texts, progress=progress)
        report["meta"].update(holdout_questions=_shown(holdout_questions), n_holdout_questions=len(holdout_items))
        report["splits"]["holdout"] = summarise(holdout_rows)
    if baseline:
        from eval.baseline import baseline_output, build_baseline
        from rag.core.embed import resolve_model_path
        from rag.core.index import seed_paths

        units = [u for a in pipeline.index.articles for u in a.units]
        peer = build_baseline(seed_paths(pipeline.settings)[0], units, resolve_model_path(pipeline.settings.model_name))
        report["baseline"] = summarise(evaluate(peer, items, unit_texts, progress=progress, output=baseline_output))
    if configs:
        report["configs"] = compare_retrieval_modes(pipeline, items)
    return report


def write_report_files(report: dict, folder: Path) -> dict[str, Path]:
    from eval.report import write_report

    return write_report(report, folder)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(EVAL_DIR.parent))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
