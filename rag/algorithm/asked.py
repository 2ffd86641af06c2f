"""Where a treatment the question names sits in the Figure 2 pathway.

"Her liver mets can be removed, but could she have a new liver instead of the op?" asks about
one treatment. The case's outcome (resection) does not say what became of it, and a clinician
wants both: whether the pathway reaches that treatment for this case and, if not, on which
branch it lies and which stated feature keeps the case off it. Each recommendation in
tree.yaml lists the `names` a question uses for its treatment; the branches and their
conditions are read from the tree, so nothing here is written for any one question. Only the
sentence that asks is searched: "no prior liver surgery" in a case tells, it does not ask.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping

from rag.algorithm.types import INPUT_LABELS, AskedTreatment, show_value
from rag.core.question import asking_part


_OBJECT_AGAIN = r"(?:\s+(?:on\s+)?(?:him|her|them|it|me|you|us))?\s+again"


@lru_cache(maxsize=4)
def _name_patterns(names: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per recommendation; a name in capitals (an abbreviation) matches only in capitals."""
    out = []
    for rec_id, rec_names in names:
        upper = [re.escape(n) for n in rec_names if n.isupper()]
        # a verb's object may stand before its "again": "operate on him again", "go in on her again"
        other = [re.escape(n).replace(r"\ again", _OBJECT_AGAIN) for n in rec_names if not n.isupper()]
        parts = ([rf"(?-i:{'|'.join(upper)})"] if upper else []) + other
        out.append((rec_id, re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.I)))
    return tuple(out)


def tree_names(tree: Mapping[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(recommendation id, the names a question uses for its treatment), for every named one."""
    return tuple((rid, tuple(spec.get("names", ()))) for rid, spec in tree["recommendations"].items()
                 if spec.get("names"))


def named_treatments(text: str, tree: Mapping[str, Any]) -> list[str]:
    """The recommendations whose treatment `text` names, by the tree's own `names`; a name inside a longer one
    names only the longer ("a second operation" is a repeat resection, not also a first one)."""
    named = [(rid, m.span()) for rid, pattern in _name_patterns(tree_names(tree)) for m in pattern.finditer(text)]

    def inside_longer(span: tuple[int, int]) -> bool:
        return any(a <= span[0] and span[1] <= b and (a, b) != span for _, (a, b) in named)

    return list(dict.fromkeys(rid for rid, span in named if not inside_longer(span)))


_Route = list[tuple[str, tuple[Any, ...], bool]]


def _paths(tree: Mapping[str, Any]) -> dict[str, list[_Route]]:
    """Every leaf's routes from the start: each a list of (input, values allowed, whether an
    unknown value keeps to the route) met on the way. An unknown input keeps to it when the
    node assumes an allowed value or goes on to the same node; else it decides. A leaf's `then`
    sub-pathways inherit its route; an unknown input's detour is no branch of its own."""
    nodes = tree["nodes"]
    routes: dict[str, list[_Route]] = {}

    def keeps(node: Mapping[str, Any], branch: Mapping[str, Any]) -> bool:
        unknown = node.get("unknown", {})
        return ((unknown.get("action") == "assume" and unknown.get("value") in branch["values"])
                or (unknown.get("action") == "goto" and unknown.get("to") == branch["to"]))

    def visit(node_id: str, conditions: _Route) -> None:
        node = nodes[node_id]
        if node["kind"] == "leaf":
            routes.setdefault(node_id, []).append(conditions)
            for target in node.get("then", ()):
                visit(target, conditions)
            return
        for branch in node["branches"]:
            visit(branch["to"], conditions + [(node["input"], tuple(branch["values"]), keeps(node, branch))])

    visit(tree["start"], [])
    return routes


def treatments_asked(question: str, tree: Mapping[str, Any], values: Mapping[str, Any], recommended: set[str],
                     params: Mapping[str, float]) -> tuple[AskedTreatment, ...]:
    """The treatments the asking sentence of `question` names, each placed in the pathway for the
    case `values` (None where unknown) whose recommendations are `recommended`; `params` fill
    the thresholds a recommendation's text names."""
    named = named_treatments(asking_part(question), tree)
    if not named:
        return ()
    routes = _paths(tree)
    out = []
    for rec_id in named:
        leaves = [nid for nid, node in tree["nodes"].items() if node["kind"] == "leaf"
                  and rec_id in node.get("recommendations", ()) and nid in routes]
        blocked: dict[str, None] = {}
        open_inputs: dict[str, None] = {}
        for leaf in leaves:
            for route in routes[leaf]:
                conflict = [(name, allowed) for name, allowed, _ in route
                            if values.get(name) is not None and values[name] not in allowed]
                if conflict:
                    name, allowed = conflict[0]
                    blocked.setdefault(f"{INPUT_LABELS[name]} is {show_value(values[name])} "
                                       f"(that branch needs {', '.join(map(show_value, allowed))})")
                else:
                    for name, _, kept in route:
                        if values.get(name) is None and not kept:
                            open_inputs.setdefault(INPUT_LABELS[name])
        spec = tree["recommendations"][rec_id]
        reached = rec_id in recommended
        out.append(AskedTreatment(
            recommendation=rec_id, text=_first_clause(spec["text"].format_map(params)), citations=tuple(spec.get("cites", ())),
            branches=tuple(dict.fromkeys(tree["nodes"][leaf]["title"] for leaf in leaves)), reached=reached,
            blocked_by=() if reached or open_inputs else tuple(blocked),
            depends_on=() if reached else tuple(open_inputs),
            external=tuple(tree["facts"][k] for k in spec.get("external", ()))))
    return tuple(out)


def _first_clause(text: str) -> str:
    """The treatment as the library states it, without what follows a semicolon ("selection
    follows the criteria checked below" holds only where the pathway reached it)."""
    return " ".join(text.split(";")[0].split()).rstrip(".") + "."
