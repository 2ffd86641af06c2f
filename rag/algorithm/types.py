"""The values the treatment algorithm takes and gives, and the vocabulary of its inputs.

In: nothing (definitions only). Out: `AlgorithmInputs` (validated and normalised on
construction, so the engine never sees "g2" or "Small_Intestine"), the frozen result types
(`AlgorithmResult` and its parts), and the input vocabulary: `CHOICES`, `NUMBER_RANGES`,
`INPUT_LABELS`, `INPUT_NAMES`. The tree loader checks the YAML against this vocabulary and the
engine fills these types; neither lives here. Everything is re-exported by `rag.algorithm.engine`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from rag.core.errors import InvalidQuestionError

CHOICES: dict[str, tuple[Any, ...]] = {
    "grade": ("G1", "G2", "G1/G2", "G3", "NEC"),
    "primary": ("pancreas", "small-intestine", "other"),
    "liver": ("resectable", "staged", "unresectable"),
    "distribution": ("I", "II", "III"),
    "extrahepatic": ("none", "present"),
    "refractory_symptoms": (True, False),
    "recurrence": (True, False),
    "primary_resected": (True, False),
}
NUMBER_RANGES: dict[str, tuple[float, float]] = {
    "liver_involvement_pct": (0.0, 100.0),
    "stable_months": (0.0, 600.0),
    "age": (0.0, 120.0),
    "ki67_pct": (0.0, 100.0),
}
INPUT_NAMES: tuple[str, ...] = tuple(CHOICES) + tuple(NUMBER_RANGES)
INPUT_LABELS: dict[str, str] = {
    "grade": "grade",
    "primary": "primary site",
    "liver": "liver status",
    "distribution": "distribution type (Figure 1)",
    "extrahepatic": "extrahepatic disease",
    "refractory_symptoms": "hormonal symptoms refractory to medical control",
    "recurrence": "recurrence after a previous hepatectomy",
    "primary_resected": "primary resected",
    "liver_involvement_pct": "share of the liver involved (%)",
    "stable_months": "months of stable disease",
    "age": "age (years)",
    "ki67_pct": "Ki-67 (%)",
}
_ROMAN = {"1": "I", "2": "II", "3": "III"}


@dataclass(frozen=True)
class AlgorithmInputs:
    """What the pathway needs; None means unknown.

    `assumed` names inputs whose value is an interpretation rather than a statement (e.g.
    "well-differentiated" read as G1/G2); `evidence` pairs an input with the phrase it came from.
    """

    grade: str | None = None
    primary: str | None = None
    liver: str | None = None
    distribution: str | None = None
    extrahepatic: str | None = None
    refractory_symptoms: bool | None = None
    recurrence: bool | None = None
    primary_resected: bool | None = None
    liver_involvement_pct: float | None = None
    stable_months: float | None = None
    age: float | None = None
    ki67_pct: float | None = None
    assumed: frozenset[str] = frozenset()
    evidence: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for name, choices in CHOICES.items():
            value = _normalise(name, getattr(self, name))
            if value is not None and value not in choices:
                shown = ", ".join(str(c) for c in choices)
                raise InvalidQuestionError(f"{name} must be one of {shown} (or None for unknown), was: {value!r}")
            object.__setattr__(self, name, value)
        for name, (low, high) in NUMBER_RANGES.items():
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                raise InvalidQuestionError(f"{name} must be a number between {low:g} and {high:g}, was: {value!r}")
            object.__setattr__(self, name, float(value))
        unknown = set(self.assumed) - set(INPUT_NAMES)
        if unknown:
            raise InvalidQuestionError(f"assumed names unknown inputs: {sorted(unknown)}; use names from {INPUT_NAMES}")
        object.__setattr__(self, "assumed", frozenset(self.assumed))
        object.__setattr__(self, "evidence", tuple((str(k), str(v)) for k, v in self.evidence))

    def known(self) -> dict[str, object]:
        """The inputs that have a value (stated or assumed), by name."""
        return {name: getattr(self, name) for name in INPUT_NAMES if getattr(self, name) is not None}

    def merged(self, later: "AlgorithmInputs") -> "AlgorithmInputs":
        """A follow-up's inputs on top of this case: what `later` states overrides, the rest
        carries over ("G2 pNET, unresectable" then "and if it were resectable?")."""
        changes = later.known()
        assumed = (set(self.assumed) - set(changes)) | set(later.assumed)
        # the phrase a changed value came from is the later one: "G1", not the earlier "G2"
        kept = tuple((name, phrase) for name, phrase in self.evidence if name not in changes)
        return replace(self, **changes, assumed=frozenset(assumed), evidence=kept + later.evidence)

    def provenance(self, name: str) -> str:
        """'stated', 'assumed' or 'unknown' for one input."""
        if getattr(self, name) is None:
            return "unknown"
        return "assumed" if name in self.assumed else "stated"


def _normalise(name: str, value: Any) -> Any:
    if value is None or name not in ("grade", "primary", "liver", "distribution", "extrahepatic"):
        if name in ("refractory_symptoms", "recurrence", "primary_resected") and value is not None \
                and not isinstance(value, bool):
            raise InvalidQuestionError(f"{name} must be True, False or None, was: {value!r}")
        return value
    if not isinstance(value, str):
        raise InvalidQuestionError(f"{name} must be a string or None, was: {value!r}")
    text = value.strip()
    if name in ("grade", "distribution"):
        text = text.upper()
        return _ROMAN.get(text, text) if name == "distribution" else text
    return text.lower().replace("_", "-")


@dataclass(frozen=True)
class ExternalFact:
    """A fact the review's text does not state, with its source (`unit`: the review's reference)."""

    key: str
    source: str
    statement: str
    reference: str
    unit: str | None = None


@dataclass(frozen=True)
class Recommendation:
    id: str
    text: str
    rationale: str
    citations: tuple[str, ...]
    external: tuple[ExternalFact, ...]
    node: str


@dataclass(frozen=True)
class PathStep:
    node: str
    question: str
    decision: str
    why: str
    citations: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputUsed:
    name: str
    label: str
    value: Any
    provenance: str  # "stated" | "assumed" | "unknown"
    note: str = ""


@dataclass(frozen=True)
class MissingInfo:
    """An input the path needed but did not have; `outcomes` pairs each value with its result."""

    input: str
    question: str
    required: bool
    outcomes: tuple[tuple[str, str], ...]
    note: str = ""


@dataclass(frozen=True)
class CriterionCheck:
    id: str
    criterion: str
    status: str  # "met" | "failed" | "unknown"
    detail: str
    source: str


def show_value(value: Any) -> str:
    """An input's value as the answer prints it: yes/no, 5 not 5.0."""
    return "yes" if value is True else "no" if value is False else f"{value:g}" if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class AskedTreatment:
    """A treatment the question names, and where Figure 2 puts it for this case."""

    recommendation: str  # its id in the tree's library
    text: str
    citations: tuple[str, ...]
    branches: tuple[str, ...]  # the titles of the leaves that recommend it
    reached: bool  # the case's pathway recommends it
    blocked_by: tuple[str, ...] = ()  # stated inputs that keep the case off every branch to it
    depends_on: tuple[str, ...] = ()  # unknown inputs that decide whether the case reaches it
    external: tuple["ExternalFact", ...] = ()  # what its text says that the review does not (drug names)


@dataclass(frozen=True)
class AlgorithmResult:
    """Everything the chat, CLI and app show. `in_scope` is None while the grade is unknown."""

    status: str  # "recommendation" | "needs-information" | "out-of-scope"
    in_scope: bool | None
    summary: str
    recommendations: tuple[Recommendation, ...]
    path: tuple[PathStep, ...]
    inputs: tuple[InputUsed, ...]
    missing: tuple[MissingInfo, ...]
    external_facts: tuple[ExternalFact, ...]
    transplant_check: tuple[CriterionCheck, ...]
    citations: tuple[str, ...]
    disclaimer: str
    basis: str
    asked: tuple[AskedTreatment, ...] = ()  # the treatments the question named

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

