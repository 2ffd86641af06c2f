"""Deterministic treatment algorithm for well-differentiated (G1/G2) NELM (review's Figure 2).

In: an `AlgorithmInputs` value (grade, primary site, liver status, ...; any may be unknown).
Out: an `AlgorithmResult`: ordered recommendations with rationale and unit citations, the path
taken (node, question, decision, why), the inputs and how each was obtained, what is missing
and what each possible value would lead to, external facts with sources, the Milan transplant
criteria check, and the disclaimer.

The pathway itself is data (`algorithm_tree.yaml`, loaded and validated by `algorithm_tree`);
the value types live in `algorithm_types`; this module only walks the tree, and re-exports both
so callers need one import. Every threshold comes from `Settings`. Treatment questions are never
answered by text generation: the same inputs always give the same result. It deliberately does
not parse free text (`algorithm_extract`), render (`algorithm_render`), or import anything
heavy: no torch, no FAISS.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from rag.algorithm.asked import treatments_asked
from rag.algorithm.tree import TREE_PATH, load_tree, node_successors, threshold_params
from rag.algorithm.types import (
    CHOICES, INPUT_LABELS, INPUT_NAMES, NUMBER_RANGES, AlgorithmInputs, AlgorithmResult, CriterionCheck,
    ExternalFact, InputUsed, MissingInfo, PathStep, Recommendation, show_value,
)
from rag.core.errors import InvalidQuestionError
from rag.core.settings import Settings
from rag.core.types import SECTIONS


def run_algorithm(inputs: AlgorithmInputs, settings: Settings | None = None, question: str = "") -> AlgorithmResult:
    """Walk the tree for `inputs`; every threshold (Milan criteria, Ki-67 limit, debulking share)
    comes from `settings` (default `Settings()`), so NELM_* variables reach the result. With the
    `question`, the treatments it asks about are placed in the pathway too (rag/algorithm/asked.py)."""
    if not isinstance(inputs, AlgorithmInputs):
        raise InvalidQuestionError(f"inputs must be an AlgorithmInputs, was: {type(inputs).__name__}")
    tree = load_tree()
    settings = settings or _default_settings()
    params = threshold_params(settings)
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
    asked = treatments_asked(question, tree, values, {r.id for r in recs}, params) if question else ()
    cites.extend(unit for treatment in asked for unit in treatment.citations)
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
        citations=_order_units(cites), disclaimer=tree["disclaimer"], basis=tree["basis"], asked=asked,
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
    # A stated Ki-67 grades the tumour (WHO 2019); it also outranks a grade that was only read
    # from wording ("well diff", "low grade"), since well-differentiated NETs can be G3.
    if values["ki67_pct"] is not None and (values["grade"] is None or prov["grade"] == "assumed"):
        ki67 = values["ki67_pct"]
        for band in derive["grade_from_ki67"]["bands"]:
            if ("below" in band and ki67 < band["below"]) or ("up_to" in band and ki67 <= band["up_to"]) \
                    or ("below" not in band and "up_to" not in band):
                read = f'; it outranks "{values["grade"]}" read {notes["grade"]}' if values["grade"] else ""
                values["grade"], prov["grade"] = band["value"], "assumed"
                notes["grade"] = f"from Ki-67 {ki67:g}% (WHO 2019 grading, external){read}"
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
    # (node id, action, values at that point) for each unknown input met ("ask", "assume", "goto"),
    # and "confirm" for a decision taken on an assumed value ("solitary" read as resectable).
    asked: list[tuple[str, str, dict[str, Any]]]
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
                walk.steps.append(PathStep(node_id, node["question"], f"assumed {show_value(value)}", unknown["why"], cites))
                pending.insert(0, node["route"][value]["to"])
            else:
                walk.steps.append(PathStep(node_id, node["question"], "not stated", unknown["why"], cites))
                pending.insert(0, unknown["to"])
            continue
        branch = node["route"][value]
        if prov[name] == "assumed":
            walk.asked.append((node_id, "confirm", dict(values)))
        walk.steps.append(PathStep(node_id, node["question"], f"{show_value(value)} ({prov[name]})", branch["why"], cites))
        pending.insert(0, branch["to"])
    return walk


def _missing(tree: Mapping[str, Any], walk: _Walk, liver_note: str) -> list[MissingInfo]:
    """For every unknown or assumed input the path met, what each value would lead to (one
    hypothetical walk each).

    An input is required when any node on the path had to ask for it (the liver status is passed
    over at `liver` and asked for at `liver-needed`). An optional input whose every value leads to
    the same result is left out: it would change nothing (the liver status once extrahepatic
    disease is stated)."""
    out: list[MissingInfo] = []
    seen: set[str] = set()
    queue = list(walk.asked)
    asked_for = {tree["nodes"][node_id]["input"] for node_id, action, _ in walk.asked if action == "ask"}
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
            outcomes.append((" / ".join(show_value(v) for v in branch["values"]), text or "no additional step"))
        required = action == "ask" or name in asked_for
        if not required and len({text for _, text in outcomes}) == 1:
            continue
        note = liver_note if name == "liver" else ""
        out.append(MissingInfo(name, node["question"], required, tuple(outcomes), note))
    return out


def _check(crit: Mapping[str, Any], values: Mapping[str, Any], prov: Mapping[str, str],
           params: Mapping[str, float], tree: Mapping[str, Any]) -> CriterionCheck:
    name, test = crit["input"], crit["test"]
    label = crit["label"].format_map(params)
    source = tree["facts"][crit["external"]].source
    value = values[name]
    if value is None:
        return CriterionCheck(crit["id"], label, "unknown", f"{INPUT_LABELS[name]} not stated", source)
    shown = f"{INPUT_LABELS[name]}: {show_value(value)}"
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






def _order_units(ids: list[str]) -> tuple[str, ...]:
    """Unique unit IDs in the review's reading order (abstract-s2 before figure-2 before reference-2)."""
    def key(unit: str) -> tuple[int, int]:
        section, _, number = unit.partition("-")
        digits = "".join(ch for ch in number if ch.isdigit())
        rank = SECTIONS.index(section) if section in SECTIONS else len(SECTIONS)
        return rank, int(digits or 0)
    return tuple(sorted(dict.fromkeys(ids), key=key))


__all__ = [
    "AlgorithmInputs", "AlgorithmResult", "CriterionCheck", "ExternalFact", "InputUsed", "MissingInfo",
    "PathStep", "Recommendation", "load_tree", "node_successors", "run_algorithm",
    "CHOICES", "INPUT_LABELS", "INPUT_NAMES", "NUMBER_RANGES", "TREE_PATH",
]
