"""Load the treatment pathway (`algorithm_tree.yaml`) and refuse a malformed one.

In: the YAML path (default: the file next to this module). Out: `load_tree(path) -> dict`, the
validated tree plus what the engine precomputes once: `facts` (ExternalFact per external key),
`route` per decision node (value -> branch) and `in_scope_grades`; `node_successors(node)` for
walkers and renderers; `threshold_params(settings)`, the numbers the tree's text placeholders
and criterion tests name. Validation runs at load time so a bad edit fails loudly there, never in
the middle of a consultation. This module does not walk the tree (`rag.algorithm.engine` does).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from rag.algorithm.types import CHOICES, INPUT_NAMES, ExternalFact
from rag.core.errors import ConfigError
from rag.core.settings import Settings

TREE_PATH = Path(__file__).with_name("tree.yaml")

# Placeholder used in the tree's texts and tests -> the Settings field that supplies it. The one
# place that links the two, so validation and the engine cannot disagree on the names.
# Example: the criterion label "Ki-67 below {ki67_max_pct:g}%" reads settings.milan_max_ki67_pct.
PARAM_SETTINGS: dict[str, str] = {
    "milan_max_liver_pct": "milan_max_liver_pct",
    "milan_min_stable_months": "milan_min_stable_months",
    "milan_max_age": "milan_max_age",
    "debulking_min_pct": "debulking_min_pct",
    "ki67_max_pct": "milan_max_ki67_pct",
}
# Dummy values, only to prove at load time that every placeholder in the tree is known.
_PARAMS = dict.fromkeys(PARAM_SETTINGS, 1.0)
_UNIT_ID = re.compile(r"^(abstract-s\d+|keywords|coi|citation|figure-\d+|reference-\d+)$")


def threshold_params(settings: Settings) -> dict[str, float]:
    """The values for the tree's placeholders, all taken from `settings`."""
    return {name: getattr(settings, field) for name, field in PARAM_SETTINGS.items()}


@lru_cache(maxsize=4)
def load_tree(path: Path = TREE_PATH) -> dict[str, Any]:
    """Read and validate the pathway once; later calls reuse it (the engine never mutates it)."""
    import yaml  # only needed on first load

    try:
        tree = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read the algorithm tree at {path}: {e}; restore rag/algorithm/tree.yaml") from e
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


def _validate(tree: Any, path: Path) -> None:
    """Structural checks, so a bad edit fails loudly at load time and never mid-consultation."""
    def fail(where: str, problem: str) -> None:
        raise ConfigError(f"algorithm tree {path}: {where}: {problem}; fix rag/algorithm/tree.yaml")

    if not isinstance(tree, dict):
        fail("top level", "expected a mapping")
    for key in ("start", "nodes", "recommendations", "external", "transplant_criteria", "derive",
                "disclaimer", "basis", "doi"):
        if key not in tree:
            fail("top level", f"missing key {key!r}")
    if not re.fullmatch(r"10\.\d{4,9}/\S+", str(tree["doi"])):
        fail("doi", f"expected the review's DOI such as 10.20524/aog.2021.0574, was: {tree['doi']!r}")
    nodes, recs, ext = tree["nodes"], tree["recommendations"], tree["external"]
    if tree["start"] not in nodes:
        fail("start", f"unknown node {tree['start']!r}")
    for rid, rec in recs.items():
        for key in ("text", "rationale", "cites"):
            if key not in rec:
                fail(f"recommendation {rid!r}", f"missing {key!r}")
        if not all(isinstance(n, str) and n.strip() for n in rec.get("names", [])):
            fail(f"recommendation {rid!r}", "names must be a list of the words a question uses for the treatment")
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
        limits = [v for k, v in crit.get("test", {}).items() if k in ("max", "min", "below")]
        if any(limit not in PARAM_SETTINGS for limit in limits):
            fail(f"transplant criterion {crit.get('id')!r}",
                 f"limit must be one of {list(PARAM_SETTINGS)}, was: {limits}")
    _check_acyclic(fail, nodes, tree["start"])


def _check_refs(fail: Any, where: str, item: Mapping[str, Any], ext: Mapping[str, Any]) -> None:
    for unit in item.get("cites", ()):
        if not _UNIT_ID.match(str(unit)):
            fail(where, f"malformed unit ID {unit!r}")
    for key in item.get("external", ()):
        if key not in ext:
            fail(where, f"unknown external source {key!r}")


def node_successors(node: Mapping[str, Any]) -> list[str]:
    """Where a walk can go next from `node` (the validator and the DOT renderer share this)."""
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

