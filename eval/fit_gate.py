"""`python -m eval.fit_gate`: fit the answerability gate on the dev split, write its data.

In: the dev split (eval/questions.jsonl; never the test split) and the product's pipeline.
For every question the router sends to retrieval and whose answer the gate would decide (no
unit named outright, a passage whose kind can answer), every candidate piece the answerer
scores is recorded with its features (rag/answer/gate.py, rag/answer/choice.py). The label says
whether answering with that piece is right: the question is answerable and the piece belongs
to one of its gold units. The product quotes the most probable candidate, so the one model
both ranks and decides.

A logistic regression (scikit-learn, standardised features, balanced classes, L2 with C = 0.3:
several signals overlap, and a firmer prior keeps their weights from trading off wildly) is
fitted on all pairs. The threshold is chosen per question on out-of-fold probabilities (5
folds grouped by question, so no question is scored by a model that saw it): the most
probable candidate's probability against whether that candidate is right, at the point that
maximises Youden's J (true-positive rate + true-negative rate - 1). Out:
rag/answer/data/gate.json (coefficients, scaling, threshold, the split and figures it was
fitted with) and a short summary on stdout.

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


def collect(pipeline, items) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, labels, item numbers) of every candidate piece the gate scores on `items`."""
    from rag.answer.gate import FEATURES, Gate
    from rag.core.text import local_id
    from rag.routing.router import route

    saved = pipeline.answerer.gate
    n = len(FEATURES)
    # A gate that is always open (probability 0.5) makes the answerer score every candidate
    # without letting an earlier fit choose among them.
    pipeline.answerer.gate = Gate((0.0,) * n, (1.0,) * n, (0.0,) * n, 0.0, threshold=0.0)
    rows, labels, groups = [], [], []
    try:
        for number, item in enumerate(items):
            turn = route(item.question, list(item.history), pipeline.glossary, pipeline.settings.max_question_chars)
            if turn.route != "retrieval":
                continue
            _, extraction, _ = pipeline.extract(pipeline.followups.resolve(turn))
            if not extraction.scored:
                continue  # a named unit, or no passage whose kind can answer: not the gate's call
            gold = {local_id(u) for u in item.gold_units}
            for scored in extraction.scored:
                rows.append(scored.features.vector())
                labels.append(1 if not item.abstain and local_id(scored.segment.unit.id) in gold else 0)
                groups.append(number)
    finally:
        pipeline.answerer.gate = saved
    return np.array(rows, dtype=np.float64), np.array(labels), np.array(groups)


def _model():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=0.3, class_weight="balanced", max_iter=1000))


def fit_ranker(x: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float = 1.0) -> dict:
    """A conditional logit (McFadden): per question, softmax over its candidates, maximising
    the probability of its right ones, with an L2 prior. Questions with no right candidate
    say nothing about ranking and are left out."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    sets = [at for at in (np.flatnonzero(groups == g) for g in np.unique(groups)) if y[at].any()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = l2 * (w @ w) / 2, l2 * w
        for at in sets:
            s = z[at] @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            target = y[at] / y[at].sum()
            value -= float(target @ np.log(p + 1e-12))
            grad = grad - z[at].T @ (target - p)
        return value, grad

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": w.tolist()}


def _rank_scores(ranker: dict, x: np.ndarray) -> np.ndarray:
    return ((x - np.array(ranker["mean"])) / np.array(ranker["scale"])) @ np.array(ranker["coef"])


def chosen_rows(scores: np.ndarray, groups: np.ndarray, x: np.ndarray | None = None) -> np.ndarray:
    """Per question, the row of the candidate the answerer quotes: the highest-scoring one,
    or for a follow-up (with `x`), the one coverage plus retrieval rank prefers, as the
    answerer does (rag/answer/extractive.py)."""
    from rag.answer.choice import coverage_with_rank
    from rag.answer.gate import FEATURES
    from rag.core.settings import Settings

    col = {name: i for i, name in enumerate(FEATURES)}
    weight = Settings().rank_bonus_weight
    rows = []
    for at in (np.flatnonzero(groups == g) for g in np.unique(groups)):
        if x is not None and x[at[0], col["followup"]] > 0:
            rows.append(at[np.argmax(coverage_with_rank(x[at, col["coverage"]], x[at, col["fused"]], weight))])
        else:
            rows.append(at[np.argmax(scores[at])])
    return np.array(rows)


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, seed: int = 0) -> dict:
    """The ranker on every pair; the gate on the candidate the ranker chooses per question.

    The gate is trained on out-of-fold choices (each question's candidate chosen by a ranker
    that never saw it), as in use; its threshold comes from out-of-fold gate probabilities."""
    from sklearn.metrics import roc_auc_score, roc_curve
    from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_predict

    oof_rank = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5, shuffle=True, random_state=seed).split(x, y, groups):
        oof_rank[test] = _rank_scores(fit_ranker(x[train], y[train], groups[train]), x[test])
    rows = chosen_rows(oof_rank, groups, x)
    answerable = np.array([y[groups == g].max() for g in np.unique(groups)])
    # The leads compare candidates, which is the ranker's business; in the gate they would
    # refuse a question two passages answer equally well ("is embolization mentioned?").
    from rag.answer.gate import FEATURES, RANK_ONLY

    keep = [i for i, name in enumerate(FEATURES) if name not in RANK_ONLY]
    xs, right = x[rows][:, keep], y[rows]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    out_of_fold = cross_val_predict(_model(), xs, right, cv=folds, method="predict_proba")[:, 1]
    fpr, tpr, thresholds = roc_curve(right, out_of_fold)
    best = int(np.argmax(tpr - fpr))
    threshold = float(min(max(thresholds[best], 0.05), 0.95))
    model = _model().fit(xs, right)
    scaler, logistic = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    mean, scale, coef = np.zeros(x.shape[1]), np.ones(x.shape[1]), np.zeros(x.shape[1])
    mean[keep], scale[keep], coef[keep] = scaler.mean_, scaler.scale_, logistic.coef_[0]
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(),
            "intercept": float(logistic.intercept_[0]), "threshold": round(threshold, 6),
            "auc_out_of_fold": round(float(roc_auc_score(right, out_of_fold)), 4),
            "tpr_at_threshold": round(float(tpr[best]), 4), "tnr_at_threshold": round(float(1 - fpr[best]), 4),
            # Of the questions one of whose candidates is right, how often the ranker (out of fold) chose it.
            "choice_accuracy": round(float(right[answerable == 1].mean()), 4) if answerable.any() else 0.0,
            "ranker": fit_ranker(x, y, groups)}


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
    if "test" in args.questions.name or "holdout" in args.questions.name:
        print("error: the gate is fitted on the dev split only; the test and holdout splits stay unseen",
              file=sys.stderr)
        return 2
    try:
        # The gate being fitted is not loaded: an older file may describe other features.
        pipeline = rag.get_pipeline(Settings.from_env(answer_gate=False))
        x, y, groups = collect(pipeline, load_questions(args.questions))
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    fitted = fit(x, y, groups)
    ranker = fitted.pop("ranker")
    data = {"features": list(FEATURES), **fitted, "ranker": ranker, "fitted_on": f"{args.questions.name} ({len(np.unique(groups))} "
            f"questions, {len(y)} candidate passages, {int(y.sum())} right to answer with)"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"fitted on {data['fitted_on']}: out-of-fold AUC {fitted['auc_out_of_fold']}, threshold "
          f"{fitted['threshold']} (TPR {fitted['tpr_at_threshold']}, TNR {fitted['tnr_at_threshold']}), "
          f"right candidate chosen {fitted['choice_accuracy']}")
    print("  feature            gate    ranker")
    for name, c, r in zip(FEATURES, fitted["coef"], ranker["coef"]):
        print(f"  {name:18s} {c:+.3f}  {r:+.3f}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
