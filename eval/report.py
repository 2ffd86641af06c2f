"""Summaries -> the report files a reviewer reads: JSON, Markdown and a PNG chart.

`write_report` writes `latest.json`, `latest.md` and `latest.png` into the reports folder
(eval/reports/ by default); the app's evaluation page and the README show those. The
Markdown table puts the product and the peer baseline side by side on the same metrics.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

# (key, label, higher is better) in the order of the summary table.
SUMMARY_ROWS = (
    ("recall@1", "Retrieval Recall@1", True),
    ("recall@3", "Retrieval Recall@3", True),
    ("recall@5", "Retrieval Recall@5", True),
    ("rr", "Retrieval MRR", True),
    ("ndcg@5", "Retrieval nDCG@5", True),
    ("citation_recall", "Citation recall (ALCE, verbatim)", True),
    ("citation_precision", "Citation precision (ALCE, verbatim)", True),
    ("citation_chars_ratio", "Cited characters / gold passage characters", False),
    ("facts", "Required facts present", True),
    ("abstention_precision", "Abstention precision", True),
    ("abstention_recall", "Abstention recall", True),
    ("false_refusal_rate", "False refusals on answerable questions", False),
    ("glossary_route_accuracy", "Glossary route accuracy", True),
    ("algorithm_route_accuracy", "Algorithm route accuracy", True),
)


# (key, label, target) of the goals table.
GOALS = (
    ("answerable_facts_right_passage", "Answerable facts answered with the right passage", ">= 0.95"),
    ("bibliographic_and_reference", "Bibliographic and reference questions", ">= 0.95"),
    ("answerable_refused", "Answerable questions refused", "<= 0.05"),
    ("abbreviation", "Abbreviation questions (route and expansion)", ">= 0.95"),
    ("treatment_branch", "Treatment cases reaching the right branch", ">= 0.90"),
    ("followup", "Follow-ups", ">= 0.85"),
    ("unanswerable_refused", "Unanswerable questions refused", ">= 0.90"),
)


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def to_markdown(report: Mapping[str, Any]) -> str:
    ours, base = report["ours"], report.get("baseline")
    meta = report["meta"]
    lines = ["# Evaluation report", "",
             f"{meta['n_questions']} questions from `{meta['questions']}`, model `{meta['model']}`, "
             f"measured {meta['measured_at']}.", "",
             "| Metric | This product | LangChain tutorial baseline |", "|---|---:|---:|"]
    for key, label, _ in SUMMARY_ROWS:
        lines.append(f"| {label} | {_fmt(ours['overall'].get(key))} | "
                     f"{_fmt(base['overall'].get(key)) if base else 'not run'} |")
    splits = report.get("splits", {})
    if "test" in splits:
        dev, test = splits["dev"]["overall"], splits["test"]["overall"]
        holdout = splits.get("holdout")
        extra = " | Holdout" if holdout else ""
        lines += ["", "## Dev and held-out splits", "",
                  f"Dev: {splits['dev']['n']} questions (`{meta['questions']}`, the product may be calibrated on it); "
                  f"test: {splits['test']['n']} questions (`{meta.get('test_questions', '')}`, written first and never tuned on)"
                  + (f"; holdout: {holdout['n']} questions (`{meta.get('holdout_questions', '')}`, written blind after "
                     "the test split's misses were read; its items are never listed)." if holdout else "."),
                  "", f"| Metric | Dev | Test | Gap (test - dev){extra} |", "|---|---:|---:|---:|" + ("---:|" if holdout else "")]
        for key, label, _ in SUMMARY_ROWS:
            gap = (test.get(key) - dev.get(key)) if dev.get(key) is not None and test.get(key) is not None else None
            lines.append(f"| {label} | {_fmt(dev.get(key))} | {_fmt(test.get(key))} | "
                         f"{'–' if gap is None else f'{gap:+.3f}'} |"
                         + (f" {_fmt(holdout['overall'].get(key))} |" if holdout else ""))
        lines += ["", "Goals on questions the product was not tuned on (share of the items each concerns):", "",
                  f"| Goal | Dev | Test | n (test){' | Holdout | n (holdout)' if holdout else ''} | target |",
                  "|---|---:|---:|---:|" + ("---:|---:|" if holdout else "") + "---:|"]
        for key, label, target in GOALS:
            d, t = splits["dev"]["goals"][key], splits["test"]["goals"][key]
            h = f" {_fmt(holdout['goals'][key]['value'])} | {holdout['goals'][key]['n']} |" if holdout else ""
            lines.append(f"| {label} | {_fmt(d['value'])} | {_fmt(t['value'])} | {t['n']} |{h} {target} |")
    lines += ["", "## Latency per route (warm, ms)", "", "| Route | n | p50 | p95 |", "|---|---:|---:|---:|"]
    for route, lat in ours["latency"].items():
        lines.append(f"| {route} | {lat['n']} | {_fmt(lat['p50_ms'])} | {_fmt(lat['p95_ms'])} |")
    if report.get("configs"):
        lines += ["", "## Retrieval configurations (answerable retrieval questions)", "",
                  "| Configuration | n | Recall@1 | Recall@3 | Recall@5 | MRR | nDCG@5 |", "|---|---:|---:|---:|---:|---:|---:|"]
        for name, row in report["configs"].items():
            lines.append(f"| {name} | {row['n']} | " + " | ".join(
                _fmt(row[k]) for k in ("recall@1", "recall@3", "recall@5", "rr", "ndcg@5")) + " |")
    lines += ["", "## Per category (this product)", "",
              "| Category | n | Recall@3 | Facts | Citation recall | Route ok | Abstain ok |", "|---|---:|---:|---:|---:|---:|---:|"]
    for cat, row in ours["by_category"].items():
        lines.append(f"| {cat} | {row['n']} | " + " | ".join(
            _fmt(row.get(k)) for k in ("recall@3", "facts", "citation_recall", "route_ok", "abstain_ok")) + " |")
    if report.get("failures"):
        lines += ["", "## Items that missed (dev)", ""]
        lines += [f"- `{f['id']}` ({f['category']}): {f['why']}" for f in report["failures"]]
    if report.get("test_failures"):
        lines += ["", "## Items that missed (test)", ""]
        lines += [f"- `{f['id']}` ({f['category']}): {f['why']}" for f in report["test_failures"]]
    lines += ["", "Citation metrics are exact for extractive answers (statement must appear verbatim in the",
              "cited units); glossary and algorithm answers are scored on routes and facts only.", ""]
    return "\n".join(lines)


def failures(rows: list[Mapping[str, Any]]) -> list[dict[str, str]]:
    out = []
    for r in rows:
        why = []
        if r["route_ok"] == 0.0:
            why.append(f"routed to {r['route']}, expected {r['expected_route']}")
        if r["abstain_ok"] == 0.0:
            why.append("abstained on an answerable question" if r["abstained"] else "answered an unanswerable question")
        if r.get("recall@3") == 0.0:
            why.append("gold unit not in the top 3")
        if r.get("facts") is not None and r["facts"] < 1.0 and not r["abstained"]:
            why.append(f"facts present {r['facts']:.2f}")
        if r.get("citation_recall") is not None and r["citation_recall"] < 1.0:
            why.append(f"citation recall {r['citation_recall']:.2f}")
        if why:
            out.append({"id": r["id"], "category": r["category"], "why": "; ".join(why)})
    return out


def chart(report: Mapping[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = [c for c in report["ours"]["by_category"] if c != "all"]
    keys = [("recall@3", "Recall@3"), ("facts", "Facts present"), ("route_ok", "Route ok"), ("abstain_ok", "Abstain ok")]
    fig, ax = plt.subplots(figsize=(10, 4.2), dpi=110)
    width = 0.8 / len(keys)
    for i, (key, label) in enumerate(keys):
        values = [report["ours"]["by_category"][c].get(key) for c in cats]
        ax.bar([x + i * width for x in range(len(cats))], [v if v is not None else 0 for v in values],
               width, label=label)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(cats))], cats, rotation=20)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title("Metrics per question category (this product)", pad=24)
    # Above the axes, between them and the title: inside, it covered the bars of the first categories.
    ax.legend(ncol=4, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_report(report: Mapping[str, Any], folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"json": folder / "latest.json", "md": folder / "latest.md", "png": folder / "latest.png"}
    paths["json"].write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    paths["md"].write_text(to_markdown(report), encoding="utf-8")
    chart(report, paths["png"])
    return paths
