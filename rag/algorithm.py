"""Deterministic treatment algorithm for well-differentiated (G1/G2) NELM (review's Figure 2).

In: an `AlgorithmInputs` value (grade, primary site, liver status, ...; any may be unknown).
Out: an `AlgorithmResult`: ordered recommendations with rationale and unit citations, the path
taken (node, question, decision, why), the inputs and how each was obtained, what is missing
and what each possible value would lead to, external facts with sources, the Milan transplant
criteria check, and the disclaimer.

The pathway itself is data (`algorithm_tree.yaml`, validated on first load); this module only
walks it. Treatment questions are never answered by text generation: the same inputs always
give the same result. It deliberately does not parse free text (`algorithm_extract`), render
(`algorithm_render`), or import anything heavy: no torch, no FAISS.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from rag.errors import ConfigError, InvalidQuestionError
from rag.settings import Settings

TREE_PATH = Path(__file__).with_name("algorithm_tree.yaml")

# Ki-67 limit of later transplant series; not (yet) a Settings field, so a parameter.
DEFAULT_KI67_MAX_PCT = 10.0

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


INPUT_NAMES: tuple[str, ...] = tuple(CHOICES) + tuple(NUMBER_RANGES)


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=4)
def load_tree(path: Path = TREE_PATH) -> dict[str, Any]:
    """Read and validate the pathway once; later calls reuse it (the engine never mutates it)."""
    import yaml  # only needed on first load

    try:
        tree = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read the algorithm tree at {path}: {e}; restore rag/algorithm_tree.yaml") from e
    _validate(tree, path)
    tree["facts"] = {k: ExternalFact(k, v["source"], " ".join(v["statement"].split()),
                                     " ".join(v["reference"].split()), v.get("unit"))
                     for k, v in tree["external"].items()}
    for node in tree["nodes"].values():
        if node["kind"] == "decision":
            node["route"] = {v: b for b in node["branches"] for v in b["values"]}
    scope = tree["nodes"][tree["start"]]
    tree["in_scope_grades"] = tuple(v for b in scope["branches"] for v in b["values"]
                                    if not tree["nodes"][b["to"]].get("scope_exit"))
    return tree


_UNIT_ID = re.compile(r"^(abstract-s\d+|keywords|coi|citation|figure-\d+|reference-\d+)$")
_PARAMS = dict.fromkeys(("milan_max_liver_pct", "milan_min_stable_months", "milan_max_age",
                         "debulking_min_pct", "ki67_max_pct"), 1.0)


def _validate(tree: Any, path: Path) -> None:
    """Structural checks, so a bad edit fails loudly at load time and never mid-consultation."""
    def fail(where: str, problem: str) -> None:
        raise ConfigError(f"algorithm tree {path}: {where}: {problem}; fix rag/algorithm_tree.yaml")

    if not isinstance(tree, dict):
        fail("top level", "expected a mapping")
    for key in ("start", "nodes", "recommendations", "external", "transplant_criteria", "derive",
                "disclaimer", "basis"):
        if key not in tree:
            fail("top level", f"missing key {key!r}")
    nodes, recs, ext = tree["nodes"], tree["recommendations"], tree["external"]
    if tree["start"] not in nodes:
        fail("start", f"unknown node {tree['start']!r}")
    for rid, rec in recs.items():
        for key in ("text", "rationale", "cites"):
            if key not in rec:
                fail(f"recommendation {rid!r}", f"missing {key!r}")
        try:
            rec["text"].format_map(_PARAMS), rec["rationale"].format_map(_PARAMS)
        except (KeyError, ValueError) as e:
            fail(f"recommendation {rid!r}", f"bad placeholder {e}")
        _check_refs(fail, f"recommendation {rid!r}", rec, ext)
    for nid, node in nodes.items():
        where = f"node {nid!r}"
        _check_refs(fail, where, node, ext)
        if node.get("kind") == "leaf":
            if "title" not in node:
                fail(where, "leaf without a title")
            for rid in node.get("recommendations", ()):
                if rid not in recs:
                    fail(where, f"unknown recommendation {rid!r}")
            for target in node.get("then", ()):
                if target not in nodes:
                    fail(where, f"'then' names unknown node {target!r}")
        elif node.get("kind") == "decision":
            name = node.get("input")
            if name not in CHOICES:
                fail(where, f"input must be one of {list(CHOICES)}, was: {name!r}")
            covered = [v for b in node["branches"] for v in b["values"]]
            if sorted(map(str, covered)) != sorted(map(str, CHOICES[name])):
                fail(where, f"branches must cover each of {list(CHOICES[name])} once, cover: {covered}")
            for b in node["branches"]:
                if b.get("to") not in nodes or "why" not in b:
                    fail(where, f"branch {b.get('values')} needs a known 'to' and a 'why'")
            unknown = node.get("unknown", {})
            action = unknown.get("action")
            if action not in ("ask", "assume", "goto") or "why" not in unknown:
                fail(where, f"unknown.action must be ask, assume or goto with a 'why', was: {action!r}")
            if action == "assume" and unknown.get("value") not in CHOICES[name]:
                fail(where, f"assumed value {unknown.get('value')!r} is not one of {list(CHOICES[name])}")
            if action == "goto" and unknown.get("to") not in nodes:
                fail(where, f"unknown.to names unknown node {unknown.get('to')!r}")
        else:
            fail(where, f"kind must be 'decision' or 'leaf', was: {node.get('kind')!r}")
    for crit in tree["transplant_criteria"]:
        if crit.get("input") not in INPUT_NAMES or crit.get("external") not in ext:
            fail(f"transplant criterion {crit.get('id')!r}", "needs a known input and external source")
        try:
            crit["label"].format_map(_PARAMS)
        except (KeyError, ValueError) as e:
            fail(f"transplant criterion {crit.get('id')!r}", f"bad placeholder {e}")
    _check_acyclic(fail, nodes, tree["start"])


def _check_refs(fail: Any, where: str, item: Mapping[str, Any], ext: Mapping[str, Any]) -> None:
    for unit in item.get("cites", ()):
        if not _UNIT_ID.match(str(unit)):
            fail(where, f"malformed unit ID {unit!r}")
    for key in item.get("external", ()):
        if key not in ext:
            fail(where, f"unknown external source {key!r}")


def node_successors(node: Mapping[str, Any]) -> list[str]:
    if node["kind"] == "leaf":
        return list(node.get("then", ()))
    extra = [node["unknown"]["to"]] if node["unknown"]["action"] == "goto" else []
    return [b["to"] for b in node["branches"]] + extra


def _check_acyclic(fail: Any, nodes: Mapping[str, Any], start: str) -> None:
    """Every node reachable from `start`, and no cycles (a cycle would make a walk endless)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(nid: str) -> None:
        state[nid] = 1
        for nxt in node_successors(nodes[nid]):
            if state.get(nxt) == 1:
                fail(f"node {nid!r}", f"cycle through {nxt!r}")
            if nxt not in state:
                visit(nxt)
        state[nid] = 2

    visit(start)
    unreachable = sorted(set(nodes) - set(state))
    if unreachable:
        fail("nodes", f"unreachable from {start!r}: {unreachable}")


def run_algorithm(
    inputs: AlgorithmInputs,
    settings: Settings | None = None,
    *,
    ki67_max_pct: float = DEFAULT_KI67_MAX_PCT,
) -> AlgorithmResult:
    """Walk the tree for `inputs`; thresholds come from `settings` (default `Settings()`)."""
    if not isinstance(inputs, AlgorithmInputs):
        raise InvalidQuestionError(f"inputs must be an AlgorithmInputs, was: {type(inputs).__name__}")
    tree = load_tree()
    settings = settings or _default_settings()
    params = {
        "milan_max_liver_pct": settings.milan_max_liver_pct,
        "milan_min_stable_months": settings.milan_min_stable_months,
        "milan_max_age": settings.milan_max_age,
        "debulking_min_pct": settings.debulking_min_pct,
        "ki67_max_pct": ki67_max_pct,
    }
    values, prov, notes, derived_keys, derived_cites, liver_note = _resolve(inputs, tree)
    walk = _walk(tree, values, prov)
    missing = _missing(tree, walk, liver_note)
    values = walk.values  # now including values the walk assumed

    facts: dict[str, ExternalFact] = {}
    cites: list[str] = list(derived_cites)
    for key in derived_keys:
        facts.setdefault(key, tree["facts"][key])
    recs: list[Recommendation] = []
    check: tuple[CriterionCheck, ...] = ()
    for step, node in zip(walk.steps, walk.nodes):
        cites.extend(step.citations)
        for key in node.get("external", ()):
            facts.setdefault(key, tree["facts"][key])
    for node_id, rec_id in walk.recs:
        spec = tree["recommendations"][rec_id]
        text = spec["text"].format_map(params)
        if spec.get("transplant_check"):
            check = tuple(_check(c, values, prov, params, tree) for c in tree["transplant_criteria"])
            text += " " + _check_summary(check)
        external = tuple(tree["facts"][k] for k in spec.get("external", ()))
        for fact in external:
            facts.setdefault(fact.key, fact)
        for crit in tree["transplant_criteria"] if spec.get("transplant_check") else ():
            facts.setdefault(crit["external"], tree["facts"][crit["external"]])
        cites.extend(spec.get("cites", ()))
        recs.append(Recommendation(rec_id, text, spec["rationale"].format_map(params),
                                   tuple(spec.get("cites", ())), external, node_id))
    cites.extend(f.unit for f in facts.values() if f.unit)

    scope_exit = any(n.get("scope_exit") for n in walk.nodes)
    grade = values["grade"]
    in_scope = None if grade is None else grade in tree["in_scope_grades"]
    if scope_exit:
        status, summary = "out-of-scope", tree["nodes"][walk.leaf_ids[0]]["title"]
    elif walk.stopped:
        status = "needs-information"
        summary = "Needed: " + ", ".join(INPUT_LABELS[m.input] for m in missing if m.required)
    else:
        status = "recommendation"
        first = next((n for n in walk.leaf_ids if tree["nodes"][n].get("recommendations")), walk.leaf_ids[0])
        summary = tree["nodes"][first]["title"]
    used = tuple(
        InputUsed(name, INPUT_LABELS[name], values[name], walk.provenance.get(name, prov[name]),
                  notes.get(name, ""))
        for name in INPUT_NAMES
    )
    return AlgorithmResult(
        status=status, in_scope=in_scope, summary=summary, recommendations=tuple(recs),
        path=tuple(walk.steps), inputs=used, missing=tuple(missing),
        external_facts=tuple(facts.values()), transplant_check=check,
        citations=_order_units(cites), disclaimer=tree["disclaimer"], basis=tree["basis"],
    )


@lru_cache(maxsize=1)
def _default_settings() -> Settings:
    """Built on first use, not at import; Settings is frozen, so sharing one is safe."""
    return Settings()


def _resolve(inputs: AlgorithmInputs, tree: Mapping[str, Any]):
    """Values and provenance per input, filling grade from Ki-67 and liver from Figure 1 type."""
    values = {name: getattr(inputs, name) for name in INPUT_NAMES}
    prov = {name: inputs.provenance(name) for name in INPUT_NAMES}
    notes = {name: f'from the question: "{phrase}"' for name, phrase in inputs.evidence}
    keys: list[str] = []
    cites: list[str] = []
    derive = tree["derive"]
    if values["grade"] is None and values["ki67_pct"] is not None:
        ki67 = values["ki67_pct"]
        for band in derive["grade_from_ki67"]["bands"]:
            if ("below" in band and ki67 < band["below"]) or ("up_to" in band and ki67 <= band["up_to"]) \
                    or ("below" not in band and "up_to" not in band):
                values["grade"], prov["grade"] = band["value"], "assumed"
                notes["grade"] = f"from Ki-67 {ki67:g}% (WHO 2019 grading, external)"
                keys.extend(derive["grade_from_ki67"]["external"])
                break
    if values["grade"] == "G1/G2" and prov["grade"] == "assumed":
        notes["grade"] = (notes.get("grade", "") + "; read as G1/G2, but well-differentiated NEN can also be G3:"
                          " confirm the grade (Ki-67)").lstrip("; ")
        keys.extend(derive["grade_from_ki67"]["external"])
    rule = derive["liver_from_distribution"]
    dist = values["distribution"]
    liver_note = ""
    if dist is not None:
        keys.extend(rule["external"])
        cites.extend(rule["cites"])
        likely = rule["map"].get(dist)
        if values["liver"] is None and likely:
            values["liver"], prov["liver"] = likely, "assumed"
            notes["liver"] = f"interpreted from Figure 1 type {dist} (usually {likely})"
        elif values["liver"] is None:
            liver_note = " ".join(rule["note"].split())
        elif likely and likely != values["liver"]:
            notes["liver"] = f"stated status used; Figure 1 type {dist} is usually {likely}"
    return values, prov, notes, keys, cites, liver_note


@dataclass
class _Walk:
    steps: list[PathStep]
    nodes: list[dict[str, Any]]
    leaf_ids: list[str]
    recs: list[tuple[str, str]]
    asked: list[tuple[str, str, dict[str, Any]]]  # (node id, action, values at that point)
    provenance: dict[str, str]
    values: dict[str, Any]
    stopped: bool = False


def _walk(tree: Mapping[str, Any], values: dict[str, Any], prov: Mapping[str, str],
          start: str | None = None) -> _Walk:
    """Follow the tree from `start`; leaves queue their `then` sub-pathways in order."""
    nodes = tree["nodes"]
    values = dict(values)
    walk = _Walk([], [], [], [], [], {}, values)
    pending = [start or tree["start"]]
    while pending:
        node_id = pending.pop(0)
        node = nodes[node_id]
        walk.nodes.append(node)
        cites = tuple(node.get("cites", ()))
        if node["kind"] == "leaf":
            walk.leaf_ids.append(node_id)
            walk.recs.extend((node_id, r) for r in node.get("recommendations", ()) if (node_id, r) not in walk.recs)
            added = "adds its recommendations" if node.get("recommendations") else "adds no recommendation"
            walk.steps.append(PathStep(node_id, "Outcome", node["title"], f"This outcome {added}.", cites))
            pending[0:0] = list(node.get("then", ()))
            continue
        name = node["input"]
        value, unknown = values[name], node["unknown"]
        if value is None:
            walk.asked.append((node_id, unknown["action"], dict(values)))
            if unknown["action"] == "ask":
                walk.steps.append(PathStep(node_id, node["question"], "unknown: needed", unknown["why"], cites))
                walk.stopped = True
                break
            if unknown["action"] == "assume":
                value = values[name] = unknown["value"]
                walk.provenance[name] = "assumed"
                walk.steps.append(PathStep(node_id, node["question"], f"assumed {_show(value)}", unknown["why"], cites))
                pending.insert(0, node["route"][value]["to"])
            else:
                walk.steps.append(PathStep(node_id, node["question"], "not stated", unknown["why"], cites))
                pending.insert(0, unknown["to"])
            continue
        branch = node["route"][value]
        walk.steps.append(PathStep(node_id, node["question"], f"{_show(value)} ({prov[name]})", branch["why"], cites))
        pending.insert(0, branch["to"])
    return walk


def _missing(tree: Mapping[str, Any], walk: _Walk, liver_note: str) -> list[MissingInfo]:
    """For every unknown the path met, what each value would lead to (one hypothetical walk each)."""
    out: list[MissingInfo] = []
    seen: set[str] = set()
    queue = list(walk.asked)
    while queue:
        node_id, action, at_values = queue.pop(0)
        node = tree["nodes"][node_id]
        name = node["input"]
        if name in seen:
            continue
        seen.add(name)
        outcomes = []
        for branch in node["branches"]:
            trial = dict(at_values, **{name: branch["values"][0]})
            hypo = _walk(tree, trial, {k: "assumed" for k in trial}, start=branch["to"])
            titles = [tree["nodes"][n]["title"] for n in hypo.leaf_ids if tree["nodes"][n].get("recommendations")]
            text = "; ".join(titles)
            if hypo.stopped:
                need_id = hypo.asked[-1][0]
                text = (text + "; " if text else "the pathway continues; ") + \
                    f"then needs {INPUT_LABELS[tree['nodes'][need_id]['input']]}"
                queue.append(hypo.asked[-1])
            outcomes.append((" / ".join(_show(v) for v in branch["values"]), text or "no additional step"))
        note = liver_note if name == "liver" else ""
        out.append(MissingInfo(name, node["question"], action == "ask", tuple(outcomes), note))
    return out


def _check(crit: Mapping[str, Any], values: Mapping[str, Any], prov: Mapping[str, str],
           params: Mapping[str, float], tree: Mapping[str, Any]) -> CriterionCheck:
    name, test = crit["input"], crit["test"]
    label = crit["label"].format_map(params)
    source = tree["facts"][crit["external"]].source
    value = values[name]
    if value is None:
        return CriterionCheck(crit["id"], label, "unknown", f"{INPUT_LABELS[name]} not stated", source)
    shown = f"{INPUT_LABELS[name]}: {_show(value)}"
    if "in" in test:
        status = "met" if value in test["in"] else "unknown" if value in test.get("unknown_values", ()) else "failed"
    elif "equals" in test:
        status = "met" if value == test["equals"] else "failed"
    elif "none_stated" in test:
        if value != test["none_stated"]:
            status = "failed"
        else:
            status = "met" if prov.get(name) == "stated" else "unknown"
            shown += "" if status == "met" else " (assumed, not stated: confirm by staging)"
    else:
        kind = next(k for k in ("max", "min", "below") if k in test)
        limit = params[test[kind]]
        ok = value <= limit if kind == "max" else value >= limit if kind == "min" else value < limit
        status = "met" if ok else "failed"
        shown += f" (limit {'<=' if kind == 'max' else '>=' if kind == 'min' else '<'} {limit:g})"
    return CriterionCheck(crit["id"], label, status, shown, source)


def _check_summary(check: tuple[CriterionCheck, ...]) -> str:
    counts = {s: [c.id for c in check if c.status == s] for s in ("met", "failed", "unknown")}
    failed = f" ({', '.join(counts['failed'])})" if counts["failed"] else ""
    return (f"Transplant criteria as entered: {len(counts['met'])} met, {len(counts['failed'])} failed"
            f"{failed}, {len(counts['unknown'])} unknown.")


def _show(value: Any) -> str:
    return "yes" if value is True else "no" if value is False else f"{value:g}" if isinstance(value, float) else str(value)


_SECTION_ORDER = ("citation", "abstract", "keywords", "coi", "figure", "reference")


def _order_units(ids: list[str]) -> tuple[str, ...]:
    """Unique unit IDs in the review's reading order (abstract-s2 before figure-2 before reference-2)."""
    def key(unit: str) -> tuple[int, int]:
        section, _, number = unit.partition("-")
        digits = "".join(ch for ch in number if ch.isdigit())
        rank = _SECTION_ORDER.index(section) if section in _SECTION_ORDER else len(_SECTION_ORDER)
        return rank, int(digits or 0)
    return tuple(sorted(dict.fromkeys(ids), key=key))


def bench_algorithm(n: int = 1000) -> dict[str, float]:
    """Time `n` runs over a fixed mix of inputs (after one warm-up); milliseconds."""
    if n < 1:
        raise InvalidQuestionError(f"n must be at least 1, was: {n}")
    mix = [
        AlgorithmInputs(grade="G2", primary="pancreas", liver="unresectable", extrahepatic="none", age=50.0),
        AlgorithmInputs(grade="G1", primary="small-intestine", liver="resectable", refractory_symptoms=True),
        AlgorithmInputs(grade="G2", liver="staged"),
        AlgorithmInputs(grade="G3"),
        AlgorithmInputs(),
        AlgorithmInputs(grade="G1/G2", distribution="II", extrahepatic="present"),
    ]
    settings = Settings()
    run_algorithm(mix[0], settings)
    times = []
    for i in range(n):
        start = time.perf_counter()
        run_algorithm(mix[i % len(mix)], settings)
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    return {"n": float(n), "p50_ms": pick(0.50), "p95_ms": pick(0.95), "max_ms": times[-1]}


__all__ = [
    "AlgorithmInputs", "AlgorithmResult", "CriterionCheck", "ExternalFact", "InputUsed", "MissingInfo",
    "PathStep", "Recommendation", "bench_algorithm", "load_tree", "run_algorithm", "CHOICES",
    "INPUT_LABELS", "INPUT_NAMES",
]
