"""Show an `AlgorithmResult`: markdown for the chat and CLI, Graphviz DOT for the app.

In: a result from `rag.algorithm.engine.run_algorithm` (and, optionally, unit labels to list sources
and the index keys its citations resolve to, rag/algorithm/source.py).
Out: `render_markdown(result, unit_labels=None, unit_ids=None) -> str` with inline citations like
`[abstract-s4]` (`[machairas2021:abstract-s4]` in a multi-document index) and external facts
marked "(external: <source>)"; `render_dot(result) -> str`,
the whole tree with the taken path highlighted (Streamlit's `st.graphviz_chart` draws it).
Rendering never changes what the algorithm decided: it only formats the result.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from typing import Any, Iterable, Mapping

from rag.algorithm.tree import load_tree, node_successors
from rag.algorithm.types import INPUT_LABELS, AlgorithmResult, ExternalFact

_STATUS = {"recommendation": "recommendation", "needs-information": "more information needed",
           "out-of-scope": "outside the review's algorithm"}


def render_markdown(result: AlgorithmResult, unit_labels: Mapping[str, str] | None = None,
                    unit_ids: Mapping[str, str] | None = None) -> str:
    """The result as chat-ready markdown; the disclaimer comes first, the basis last.

    `unit_ids` maps the tree's IDs to the index's keys for them (`resolve_citations`), so that
    in a multi-document index every citation names the review's document."""
    ids = unit_ids or {}

    def _cite(units: Iterable[str]) -> str:
        return "".join(f"[{ids.get(u, u)}]" for u in units)

    def _external(facts: Iterable[ExternalFact]) -> str:
        return _external_note(facts, ids)

    out = [f"> {result.disclaimer}", "", f"**Treatment algorithm (decision aid): {result.summary}**",
           f"_Pathway of the review's Figure 2, for well-differentiated (G1/G2) NELM_ {_cite(['figure-2'])}; "
           f"status: {_STATUS[result.status]}.", ""]
    out += _asked_section(result, _cite, _external)
    if result.recommendations:
        out.append("**Recommendations**")
        for i, rec in enumerate(result.recommendations, 1):
            out.append(f"{i}. {rec.text} {_cite(rec.citations)}{_external(rec.external)}")
            out.append(f"   - _Why:_ {rec.rationale}")
        out.append("")
    if result.transplant_check:
        sources = _external(_unique_facts(result.external_facts, {c.source for c in result.transplant_check}))
        out += [f"**Transplant criteria check**{sources}", "", "| Criterion | Status | Detail |", "|---|---|---|"]
        out += [f"| {c.criterion} | {c.status} | {c.detail} |" for c in result.transplant_check]
        out.append("")
    # An input the walk used but nobody stated (read from "solitary", or assumed liver-only) is
    # shown apart from what is unknown, with the question that confirms it and what else it could be.
    used = {u.name: u for u in result.inputs}
    assumed = [m for m in result.missing if not m.required and used[m.input].provenance == "assumed"]
    missing = [m for m in result.missing if m not in assumed]
    for title, items in (("Assumed, not stated: please confirm", assumed), ("Missing information", missing)):
        if not items:
            continue
        out.append(f"**{title}**")
        for item in sorted(items, key=lambda m: not m.required):
            if item in assumed:
                note = used[item.input].note
                need = f"assumed {_value(used[item.input].value)}{'; ' + note if note else ''}"
                out.append(f"- **{INPUT_LABELS[item.input]}** ({need}). To confirm: {item.question}")
            else:
                need = "needed" if item.required else "would refine the result"
                out.append(f"- **{INPUT_LABELS[item.input]}** ({need}): {item.question}")
            out += [f"  - {value} → {outcome}" for value, outcome in item.outcomes]
            if item.note:
                out.append(f"  - _Note:_ {item.note}")
        out.append("")
    out.append("**Path taken**")
    for i, step in enumerate(result.path, 1):
        cites = f" {_cite(step.citations)}" if step.citations else ""
        if step.question == "Outcome":
            out.append(f"{i}. `{step.node}`: outcome **{step.decision}**{cites}")
        else:
            out.append(f"{i}. `{step.node}`: {step.question} → **{step.decision}**. {step.why}{cites}")
    out += ["", "**Inputs**"]
    known = [u for u in result.inputs if u.provenance != "unknown"]
    for used in known:
        note = f"; {used.note}" if used.note else ""
        out.append(f"- {used.label}: {_value(used.value)} ({used.provenance}{note})")
    unknown = [u.label for u in result.inputs if u.provenance == "unknown"]
    if unknown:
        out.append(f"- unknown: {', '.join(unknown)}")
    if result.external_facts:
        out += ["", "**External facts used** (not from the review's text)"]
        grouped: dict[tuple[str, str, str | None], list[str]] = {}
        for fact in result.external_facts:
            grouped.setdefault((fact.source, fact.reference, fact.unit), []).append(fact.statement)
        for (source, reference, unit), statements in grouped.items():
            ref = f" Listed in the review's references as [{ids.get(unit, unit)}]." if unit else ""
            out.append(f"- _{source}:_ {' '.join(statements)} Source: {reference}{ref}")
    if unit_labels:
        out += ["", "**Sources in the review**"]
        shown = [ids.get(u, u) for u in result.citations]
        out += [f"- [{u}] {unit_labels[u]}" for u in shown if u in unit_labels]
    out += ["", f"_{result.basis}_"]
    return "\n".join(out)


def _asked_section(result: AlgorithmResult, cite: Any, external: Any) -> list[str]:
    """The treatments the question named, and where the pathway puts them for this case; what
    the text says beyond the review (drug names) marked with its source, as in the recommendations."""
    if not result.asked:
        return []
    out = ["**The treatment asked about**"]
    for treatment in result.asked:
        where = " / ".join(treatment.branches)
        if treatment.reached:
            verdict = "the pathway recommends it for this case (see the recommendations)."
        elif treatment.depends_on:
            verdict = f"in Figure 2 it belongs to: {where}. Whether this case reaches it depends on: " \
                      f"{', '.join(treatment.depends_on)}."
        elif treatment.blocked_by:
            verdict = f"in Figure 2 it belongs to: {where}. This case does not reach it: " \
                      f"{'; '.join(treatment.blocked_by)}."
        else:
            verdict = f"in Figure 2 it belongs to: {where}."
        out.append(f"- {treatment.text} {cite(treatment.citations)}{external(treatment.external)}: {verdict}")
    return out + [""]


def _external_note(facts: Iterable[ExternalFact], ids: Mapping[str, str]) -> str:
    """"(external: Milan NET criteria, Mazzaferro et al. 2007; ENETS ... [reference-2])"."""
    labels = list(dict.fromkeys(f"{f.source} [{ids.get(f.unit, f.unit)}]" if f.unit else f.source for f in facts))
    return f" (external: {'; '.join(labels)})" if labels else ""


def _unique_facts(facts: Iterable[ExternalFact], sources: set[str]) -> list[ExternalFact]:
    return [f for f in facts if f.source in sources]


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}" if isinstance(value, float) else str(value)


# --- Graphviz -----------------------------------------------------------------------------

_TAKEN = 'color="#b45309", penwidth=2.5, fontcolor="#b45309"'
_IDLE = 'color="#9ca3af", fontcolor="#6b7280"'


def render_dot(result: AlgorithmResult) -> str:
    """The whole pathway as a DOT digraph; nodes and edges on the taken path are highlighted."""
    tree = load_tree()
    nodes = tree["nodes"]
    visited = [step.node for step in result.path]
    on_path = set(visited)
    asked = {step.node for step in result.path if step.decision == "unknown: needed"}
    lines = ["digraph nelm_algorithm {",
             '  graph [rankdir=TB, fontname="Helvetica", fontsize=12, labelloc=t, '
             f'label={_q(tree["title"] + " (review Figure 2, as a decision aid)")}];',
             '  node [fontname="Helvetica", fontsize=10, style="rounded,filled", fillcolor="#ffffff"];',
             '  edge [fontname="Helvetica", fontsize=9];']
    for nid, node in nodes.items():
        decision = node["kind"] == "decision"
        text = node["question"] if decision else node["title"]
        fill = "#fde68a" if nid in on_path else "#f3f4f6" if decision else "#ffffff"
        shape = "diamond" if decision else "box"
        pen = 2.5 if nid in on_path else 1
        lines.append(f"  {_q(nid)} [shape={shape}, label={_q(_wrap(text))}, fillcolor=\"{fill}\", penwidth={pen}];")
    for nid, node in nodes.items():
        following = visited[visited.index(nid) + 1] if nid in on_path and visited.index(nid) + 1 < len(visited) else None
        if node["kind"] == "leaf":
            for target in node.get("then", ()):
                style = _TAKEN if nid in on_path and target in on_path else _IDLE
                lines.append(f"  {_q(nid)} -> {_q(target)} [label=\"then\", style=dotted, {style}];")
            continue
        for branch in node["branches"]:
            label = " / ".join(_value(v) for v in branch["values"])
            taken = following == branch["to"] and not _unknown_went(result, nid)
            lines.append(f"  {_q(nid)} -> {_q(branch['to'])} [label={_q(label)}, {_TAKEN if taken else _IDLE}];")
        unknown = node["unknown"]
        if unknown["action"] == "ask":
            ask_id = f"ask-{node['input']}"
            fill = "#fecaca" if nid in asked else "#ffffff"
            lines.append(f"  {_q(ask_id)} [shape=note, label={_q('Ask for the ' + INPUT_LABELS[node['input']])}, "
                         f"fillcolor=\"{fill}\"];")
            target, label = ask_id, "unknown"
        else:
            target = unknown["to"] if unknown["action"] == "goto" else node["route"][unknown["value"]]["to"]
            label = "not stated" if unknown["action"] == "goto" else f"unknown: assume {_value(unknown['value'])}"
        taken = nid in asked or (_unknown_went(result, nid) and following == target)
        lines.append(f"  {_q(nid)} -> {_q(target)} [label={_q(label)}, style=dashed, {_TAKEN if taken else _IDLE}];")
    lines.append("}")
    return "\n".join(lines)


def _unknown_went(result: AlgorithmResult, nid: str) -> bool:
    return any(s.node == nid and (s.decision.startswith("assumed") or s.decision == "not stated")
               for s in result.path)


@lru_cache(maxsize=512)  # node texts are fixed by the tree; wrap each once
def _wrap(text: str, width: int = 30) -> str:
    return "\n".join(textwrap.wrap(" ".join(text.split()), width))


def _q(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines as \\n."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def edges_of(tree: Mapping[str, Any]) -> list[tuple[str, str]]:
    """All (from, to) pairs of the pathway; used by tests to check the DOT output is complete."""
    return [(nid, target) for nid, node in tree["nodes"].items() for target in node_successors(node)]


__all__ = ["render_markdown", "render_dot", "edges_of"]
