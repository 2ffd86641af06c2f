"""`python -m eval.fit_gate`: fit the answerability gate on the dev split, write its data.

In: the dev split (eval/questions.jsonl; never the test split) and the product's pipeline.
For every question the router sends to retrieval and whose answer the gate would decide (no
unit named outright, a passage whose kind can answer), the answerer's best passage and the
gate's features are recorded (rag/answer/gate.py). The label says whether answering with
that passage is right: the question is answerable and the passage is one of its gold units.

A logistic regression (scikit-learn, standardised features, balanced classes, L2 with C = 0.3:
several signals overlap, and a firmer prior keeps their weights from trading off wildly) is fitted
on all of them. The threshold is chosen on out-of-fold probabilities (5-fold, stratified) as
the point that maximises Youden's J (true-positive rate + true-negative rate - 1), so it is
not tuned to the fitted data. Out: rag/answer/data/gate.json (coefficients, scaling,
threshold, the split and figures it was fitted with) and a short summary on stdout.

scikit-learn is needed only here (requirements-dev.txt); the product applies the fitted
numbers with numpy.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

EVAL_DIR = Path(__file__).resolve().parent


def collect(pipeline, items) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(features, labels, item ids) of the gate's decisions on `items`, gate forced open."""
    from rag.answer.gate import FEATURES, Gate
    from rag.core.text import local_id
    from rag.routing.router import route

    saved = pipeline.answerer.gate
    n = len(FEATURES)
    pipeline.answerer.gate = Gate((0.0,) * n, (1.0,) * n, (0.0,) * n, 0.0, threshold=0.0)
    rows, labels, ids = [], [], []
    try:
        for item in items:
            turn = route(item.question, list(item.history), pipeline.glossary, pipeline.settings.max_question_chars)
            if turn.route != "retrieval":
                continue
            _, extraction, _ = pipeline.extract(turn)
            if not extraction.gate:
                continue  # a named unit, or no passage whose kind can answer: not the gate's call
            gold = {local_id(u) for u in item.gold_units}
            right = not item.abstain and bool({local_id(u) for u in extraction.candidates} & gold)
            rows.append([extraction.gate[f] for f in FEATURES])
            labels.append(1 if right else 0)
            ids.append(item.id)
    finally:
        pipeline.answerer.gate = saved
    return np.array(rows, dtype=np.float64), np.array(labels), ids


def fit(x: np.ndarray, y: np.ndarray, seed: int = 0) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score, roc_curve
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, class_weight="balanced", max_iter=1000))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    out_of_fold = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
    fpr, tpr, thresholds = roc_curve(y, out_of_fold)
    best = int(np.argmax(tpr - fpr))
    threshold = float(min(max(thresholds[best], 0.05), 0.95))
    model.fit(x, y)
    scaler, logistic = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    return {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist(), "coef": logistic.coef_[0].tolist(),
            "intercept": float(logistic.intercept_[0]), "threshold": round(threshold, 6),
            "auc_out_of_fold": round(float(roc_auc_score(y, out_of_fold)), 4),
            "tpr_at_threshold": round(float(tpr[best]), 4), "tnr_at_threshold": round(float(1 - fpr[best]), 4)}


def main(argv: list[str] | None = None) -> int:
    import rag
    from rag.answer.gate import FEATURES, GATE_PATH
    from rag.core.errors import RagError
    from rag.core.settings import Settings
    from eval.schema import load_questions

    parser = argparse.ArgumentParser(prog="python -m eval.fit_gate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=EVAL_DIR / "questions.jsonl",
                        help="the dev split to fit on (never the test split)")
    parser.add_argument("--out", type=Path, default=GATE_PATH, help="where to write the fitted gate")
    args = parser.parse_args(argv)
    if "test" in args.questions.name:
        print("error: the gate is fitted on the dev split only; the test split stays unseen", file=sys.stderr)
        return 2
    try:
        # The gate being fitted is not loaded: an older file may describe other features.
        pipeline = rag.get_pipeline(Settings.from_env(answer_gate=False))
        x, y, _ = collect(pipeline, load_questions(args.questions))
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    fitted = fit(x, y)
    data = {"features": list(FEATURES), **fitted, "fitted_on": f"{args.questions.name} ({len(y)} decisions, "
            f"{int(y.sum())} right to answer)"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"fitted on {data['fitted_on']}: out-of-fold AUC {fitted['auc_out_of_fold']}, threshold "
          f"{fitted['threshold']} (TPR {fitted['tpr_at_threshold']}, TNR {fitted['tnr_at_threshold']})")
    for name, c in zip(FEATURES, fitted["coef"]):
        print(f"  {name:16s} {c:+.3f}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
