"""A treatment-algorithm answer as a clinician reads it: a short summary first, details on demand.

In: the algorithm result as a dict (`Answer.algorithm`, i.e. `AlgorithmResult.to_dict()`) and
its full markdown (`rag.algorithm.render.render_markdown`, which the CLI prints whole). Out: a
`TreatmentView`: the summary (disclaimer, branch, the recommended options in one list, what is
missing) and the detail sections (rationale, transplant criteria, missing information with what
each value would change, path, inputs, external facts), which the page puts in expanders and
the export under sub-headings; and `form_values`, the inputs a case was read as, for opening
it in the algorithm form.

The details are the full rendering cut at its bold section headings, so nothing the renderer
says is lost or re-worded here; only the summary is composed, from the result's fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

_HEADING = re.compile(r"^\*\*(?P<title>[^*]+)\*\*(?P<rest>.*)$")
# The renderer's headings, as a reader asks for them; any other heading keeps its own words.
_TITLES = {"Recommendations": "Why these options (rationale and sources)"}


@dataclass(frozen=True)
class TreatmentView:
    summary: str  # markdown
    details: tuple[tuple[str, str], ...]  # (title, markdown)
    basis: str  # the closing "what this is built from" line, markdown


def treatment_view(result: Mapping[str, Any], full_markdown: str) -> TreatmentView:
    """Summary from the result's fields; details from the full markdown (see the module docstring)."""
    from rag.algorithm.types import INPUT_LABELS

    out = [f"> {result['disclaimer']}", "", f"**Treatment algorithm (decision aid): {result['summary']}**", ""]
    outcomes = [step["decision"] for step in result["path"] if step["question"] == "Outcome"]
    if outcomes:
        out += ["**Branch:** " + " › ".join(outcomes) + f" [figure-2] ({result['status'].replace('-', ' ')})", ""]
    if result["recommendations"]:
        out.append("**Recommended options**")
        for i, rec in enumerate(result["recommendations"], 1):
            external = " _(partly external)_" if rec["external"] else ""
            out.append(f"{i}. {rec['text']} {''.join(f'[{c}]' for c in rec['citations'])}{external}")
        out.append("")
    assumed = {u["name"] for u in result["inputs"] if u["provenance"] == "assumed"}
    missing = []
    for item in sorted(result["missing"], key=lambda m: not m["required"]):
        label = INPUT_LABELS.get(item["input"], item["input"])
        state = ("assumed, please confirm" if item["input"] in assumed and not item["required"]
                 else "needed" if item["required"] else "would refine the result")
        missing.append(f"{label} ({state})")
    out.append("**Missing:** " + ("; ".join(missing) + ". What each value would change is in the details below."
                                  if missing else "nothing the pathway needs."))
    details, basis = _sections(full_markdown)
    return TreatmentView("\n".join(out).strip(), details, basis)


def form_values(result: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs the case was read as (stated or assumed), by name, for the algorithm form."""
    return {u["name"]: u["value"] for u in result["inputs"] if u["provenance"] != "unknown"}


def treatment_markdown(view: TreatmentView, level: int = 4) -> str:
    """The view as one Markdown document: the summary, then each detail under a heading."""
    out = [view.summary, ""]
    for title, body in view.details:
        out += [f"{'#' * level} {title}", "", body, ""]
    if view.basis:
        out.append(view.basis)
    return "\n".join(out).strip()


def _sections(markdown: str) -> tuple[tuple[tuple[str, str], ...], str]:
    lines = markdown.strip().split("\n")
    basis = ""
    if lines and lines[-1].startswith("_") and lines[-1].endswith("_"):
        basis = lines.pop()
    sections: list[tuple[str, list[str]]] = []
    for line in lines:
        m = _HEADING.match(line)
        if m and not m.group("title").startswith("Treatment algorithm"):
            title = _TITLES.get(m.group("title"), m.group("title"))
            rest = m.group("rest").strip()
            sections.append((title, [rest] if rest else []))
        elif sections:
            sections[-1][1].append(line)
    return tuple((title, "\n".join(body).strip()) for title, body in sections), basis


__all__ = ["TreatmentView", "form_values", "treatment_markdown", "treatment_view"]
