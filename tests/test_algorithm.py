"""Specification of the treatment algorithm (rag/algorithm/engine.py, the tree, the renderer, the CLI).

The pathway is Figure 2 of Machairas et al. 2021 as far as the abstract and the captions state
it; every citation must resolve to a unit the ingestion parser produces from the seed page.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import rag.algorithm.engine
import rag.algorithm.tree
import rag.algorithm.types
from eval.bench import bench_algorithm
from rag.algorithm.engine import (
    CHOICES, AlgorithmInputs, AlgorithmResult, load_tree, run_algorithm,
)
from rag.algorithm.render import edges_of, render_dot, render_markdown
from rag.core.errors import ConfigError, InvalidArgumentError, InvalidQuestionError
from rag.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "machairas2021_nelm_review_pubmed.txt"
TREE_FILE = ROOT / "rag" / "algorithm" / "tree.yaml"


@pytest.fixture(scope="module")
def units() -> dict[str, str]:
    """Unit ID -> text, from the real parser over the seed page."""
    from ingest.parse import parse_pubmed_page

    return {u.id: u.text for u in parse_pubmed_page(SEED).units}


def _leaves(result: AlgorithmResult) -> list[str]:
    return [s.node for s in result.path if s.question == "Outcome"]


def _recs(result: AlgorithmResult) -> list[str]:
    return [r.id for r in result.recommendations]


G2 = dict(grade="G2")

# --- Every leaf -----------------------------------------------------------------------------

LEAF_CASES = [
    pytest.param(dict(grade="G3"), ["out-of-scope"], ["mdt-referral"], id="G3-out-of-scope"),
    pytest.param(dict(grade="NEC", liver="resectable"), ["out-of-scope"], ["mdt-referral"], id="NEC-out-of-scope"),
    pytest.param(dict(G2, liver="resectable", extrahepatic="none", recurrence=False),
                 ["resection", "no-symptom-step"], ["resection", "ablation-adjunct"], id="resectable-first"),
    pytest.param(dict(G2, liver="resectable", extrahepatic="none", recurrence=True),
                 ["repeat-resection", "no-symptom-step"], ["repeat-resection", "ablation-adjunct"],
                 id="resectable-recurrence"),
    pytest.param(dict(G2, liver="resectable", extrahepatic="none", refractory_symptoms=True),
                 ["resection", "symptoms-by-resection"], ["resection", "ablation-adjunct", "symptoms-resection"],
                 id="resectable-refractory-symptoms"),
    pytest.param(dict(grade="G1", liver="staged", extrahepatic="none"),
                 ["staged-resection", "no-symptom-step"], ["staged-resection", "ablation-adjunct"], id="staged"),
    pytest.param(dict(G2, liver="unresectable", extrahepatic="none", primary="pancreas"),
                 ["unresectable-liver-only", "systemic-pannen", "no-symptom-step"],
                 ["liver-directed", "ablation-limited", "liver-first", "transplant", "sa", "pannen-targeted",
                  "pannen-prrt"], id="unresectable-panNEN"),
    pytest.param(dict(G2, liver="unresectable", extrahepatic="none", primary="small-intestine"),
                 ["unresectable-liver-only", "systemic-sinen", "no-symptom-step"],
                 ["liver-directed", "ablation-limited", "liver-first", "transplant", "sa", "sinen-ifn", "sinen-prrt"],
                 id="unresectable-SI-NEN"),
    pytest.param(dict(G2, liver="unresectable", extrahepatic="none", primary="other"),
                 ["unresectable-liver-only", "systemic-other", "no-symptom-step"],
                 ["liver-directed", "ablation-limited", "liver-first", "transplant", "sa", "other-primary"],
                 id="unresectable-other-primary"),
    pytest.param(dict(G2, liver="unresectable", extrahepatic="none"),
                 ["unresectable-liver-only", "systemic-shared", "no-symptom-step"],
                 ["liver-directed", "ablation-limited", "liver-first", "transplant", "sa"], id="unresectable-primary-unknown"),
    pytest.param(dict(G2, liver="unresectable", extrahepatic="none", primary="pancreas", refractory_symptoms=True),
                 ["unresectable-liver-only", "systemic-pannen", "symptom-control"],
                 ["liver-directed", "ablation-limited", "liver-first", "transplant", "sa", "pannen-targeted",
                  "pannen-prrt", "debulking", "symptoms-liver-directed"], id="unresectable-refractory-symptoms"),
    pytest.param(dict(G2, liver="resectable", extrahepatic="present", primary="small-intestine"),
                 ["extrahepatic-disease", "systemic-sinen", "no-symptom-step"],
                 ["no-curative-default", "systemic-core", "liver-first", "liver-directed", "sa", "sinen-ifn", "sinen-prrt"],
                 id="extrahepatic-with-resectable-liver"),
    pytest.param(dict(G2, liver="staged", extrahepatic="present", primary="pancreas", refractory_symptoms=False),
                 ["extrahepatic-disease", "systemic-pannen", "no-symptom-step"],
                 ["no-curative-default", "systemic-core", "liver-first", "liver-directed", "sa", "pannen-targeted",
                  "pannen-prrt"], id="extrahepatic-with-staged-liver"),
    pytest.param(dict(G2, liver="unresectable", extrahepatic="present", refractory_symptoms=True),
                 ["extrahepatic-disease", "systemic-shared", "symptom-control"],
                 ["no-curative-default", "systemic-core", "liver-first", "liver-directed", "sa", "debulking",
                  "symptoms-liver-directed"], id="extrahepatic-unresectable-symptoms"),
]


@pytest.mark.parametrize("given, leaves, recs", LEAF_CASES)
def test_each_leaf_gives_its_recommendations(given, leaves, recs):
    result = run_algorithm(AlgorithmInputs(**given))
    assert _leaves(result) == leaves
    assert _recs(result) == recs


def test_leaf_table_covers_every_leaf_of_the_tree():
    """The table above is the specification: a new leaf in the tree needs a row."""
    tree_leaves = {nid for nid, n in load_tree()["nodes"].items() if n["kind"] == "leaf"}
    covered = {leaf for case in LEAF_CASES for leaf in case.values[1]}
    assert tree_leaves == covered


@pytest.mark.parametrize("given, expected_units", [
    pytest.param(dict(G2, liver="resectable", extrahepatic="none"), {"abstract-s2", "abstract-s3", "abstract-s4"},
                 id="resection-abstract-s2-s4"),
    pytest.param(dict(G2, liver="staged", extrahepatic="none"), {"abstract-s4", "figure-2"}, id="staged-s4-figure-2"),
    pytest.param(dict(G2, liver="unresectable", extrahepatic="none"),
                 {"abstract-s5", "abstract-s6", "abstract-s7", "figure-2", "keywords"}, id="unresectable"),
    pytest.param(dict(G2, distribution="I"), {"figure-1"}, id="distribution-cites-figure-1"),
    pytest.param(dict(G2, liver="unresectable", primary="pancreas"), {"reference-2"}, id="enets-as-reference-2"),
])
def test_citations_name_the_grounding_units(given, expected_units):
    assert expected_units <= set(run_algorithm(AlgorithmInputs(**given)).citations)


# --- Scope exit and missing information -------------------------------------------------------

@pytest.mark.parametrize("grade", ["G3", "NEC"])
def test_g3_and_nec_leave_figure_2_with_mdt_referral_and_no_pathway(grade):
    result = run_algorithm(AlgorithmInputs(grade=grade, liver="unresectable", primary="pancreas"))
    assert (result.status, result.in_scope) == ("out-of-scope", False)
    assert [s.node for s in result.path] == ["scope", "out-of-scope"]
    assert _recs(result) == ["mdt-referral"] and "multidisciplinary" in result.recommendations[0].text
    assert result.citations == ("figure-2",)
    assert not result.transplant_check and not result.missing


def test_unknown_grade_asks_for_grade_and_liver_and_shows_each_outcome():
    result = run_algorithm(AlgorithmInputs())
    assert (result.status, result.in_scope, result.recommendations) == ("needs-information", None, ())
    grade, liver = result.missing
    assert (grade.input, grade.required, liver.input, liver.required) == ("grade", True, "liver", True)
    outcomes = dict(grade.outcomes)
    assert "then needs liver status" in outcomes["G1 / G2 / G1/G2"]
    assert outcomes["G3 / NEC"].startswith("Outside the review's algorithm")
    assert [v for v, _ in liver.outcomes] == ["resectable", "staged", "unresectable"]
    assert "resection" in dict(liver.outcomes)["resectable"].lower()


def test_unknown_liver_status_asks_instead_of_guessing():
    result = run_algorithm(AlgorithmInputs(grade="G1", primary="pancreas"))
    assert result.status == "needs-information" and result.in_scope is True
    assert not result.recommendations
    assert [(m.input, m.required) for m in result.missing] == [("liver", True), ("extrahepatic", False)]
    assert "Staged liver resection" in dict(result.missing[0].outcomes)["staged"]
    # Extrahepatic disease would settle the pathway without the liver status, so it is offered too.
    assert dict(result.missing[1].outcomes)["present"].startswith("Extrahepatic disease")


@pytest.mark.parametrize("given, leaves, recs", [
    pytest.param(dict(G2, extrahepatic="present", primary="pancreas"),
                 ["extrahepatic-disease", "systemic-pannen", "no-symptom-step"],
                 ["no-curative-default", "systemic-core", "liver-first", "liver-directed", "sa", "pannen-targeted",
                  "pannen-prrt"], id="panNEN"),
    pytest.param(dict(G2, extrahepatic="present", primary="small-intestine"),
                 ["extrahepatic-disease", "systemic-sinen", "no-symptom-step"],
                 ["no-curative-default", "systemic-core", "liver-first", "liver-directed", "sa", "sinen-ifn",
                  "sinen-prrt"], id="SI-NEN"),
    pytest.param(dict(grade="G1", extrahepatic="present"),
                 ["extrahepatic-disease", "systemic-shared", "no-symptom-step"],
                 ["no-curative-default", "systemic-core", "liver-first", "liver-directed", "sa"], id="primary-unknown"),
    pytest.param(dict(G2, extrahepatic="present", refractory_symptoms=True, recurrence=True),
                 ["extrahepatic-disease", "systemic-shared", "symptom-control"],
                 ["no-curative-default", "systemic-core", "liver-first", "liver-directed", "sa", "debulking",
                  "symptoms-liver-directed"], id="refractory-symptoms"),
])
def test_extrahepatic_disease_settles_the_pathway_without_the_liver_status(given, leaves, recs):
    """Every liver status leads to `extrahepatic-disease` once extrahepatic disease is stated, so the
    result is a recommendation, and the liver status is not listed: no value of it would change it."""
    result = run_algorithm(AlgorithmInputs(**given))
    assert (result.status, _leaves(result), _recs(result)) == ("recommendation", leaves, recs)
    assert "liver" not in [m.input for m in result.missing]


@pytest.mark.parametrize("extrahepatic", [None, "none"])
def test_without_extrahepatic_disease_the_liver_status_is_still_needed(extrahepatic):
    result = run_algorithm(AlgorithmInputs(grade="G2", extrahepatic=extrahepatic))
    assert result.status == "needs-information" and not result.recommendations
    assert [m.input for m in result.missing if m.required] == ["liver"]


def test_every_value_of_a_listed_input_is_not_the_same_outcome():
    """Asking only for what would change the result: over every combination of the enumerated
    inputs, each missing or assumed input listed has at least two different outcomes."""
    names = list(CHOICES)
    for values in itertools.product(*({None, *c} for c in CHOICES.values())):
        for item in run_algorithm(AlgorithmInputs(**dict(zip(names, values)))).missing:
            assert len({outcome for _, outcome in item.outcomes}) > 1, (values, item)


def test_an_assumed_input_shows_its_alternatives_and_the_question_to_confirm():
    inputs = AlgorithmInputs(grade="G2", liver="resectable", extrahepatic="none", assumed={"liver"},
                             evidence=(("liver", "segments 6-7"),))
    result = run_algorithm(inputs)
    liver = {m.input: m for m in result.missing}["liver"]
    assert not liver.required and dict(liver.outcomes)["staged"].startswith("Staged liver resection")
    text = render_markdown(result)
    assert "**Assumed, not stated: please confirm**" in text
    assert '- **liver status** (assumed resectable; from the question: "segments 6-7"). To confirm: Are the liver' in text
    assert "**liver status** (needed)" not in text


def test_figure_1_type_ii_is_ambiguous_and_says_so():
    result = run_algorithm(AlgorithmInputs(grade="G2", distribution="II"))
    assert result.status == "needs-information"
    assert "Type II (complex) resectable in one stage or only with a staged approach" in result.missing[0].note
    assert "figure-1" in result.citations
    assert "frilling2009" in [f.key for f in result.external_facts]


@pytest.mark.parametrize("distribution, liver, expected", [
    pytest.param("I", None, ("resectable", "assumed"), id="type-I-simple-resectable"),
    pytest.param("III", None, ("unresectable", "assumed"), id="type-III-diffuse-unresectable"),
    pytest.param("III", "resectable", ("resectable", "stated"), id="stated-status-wins"),
])
def test_distribution_type_fills_liver_status(distribution, liver, expected):
    result = run_algorithm(AlgorithmInputs(grade="G2", distribution=distribution, liver=liver))
    used = {u.name: u for u in result.inputs}
    assert (used["liver"].value, used["liver"].provenance) == expected


def test_unstated_extrahepatic_disease_is_an_assumption_with_its_alternative():
    result = run_algorithm(AlgorithmInputs(grade="G2", liver="resectable"))
    used = {u.name: u for u in result.inputs}
    assert (used["extrahepatic"].value, used["extrahepatic"].provenance) == ("none", "assumed")
    missing = {m.input: m for m in result.missing}
    assert not missing["extrahepatic"].required
    assert dict(missing["extrahepatic"].outcomes)["present"].startswith("Extrahepatic disease")
    assert "recurrence" in missing and "refractory_symptoms" in missing


def test_unknown_primary_gives_the_shared_part_and_what_depends_on_it():
    result = run_algorithm(AlgorithmInputs(grade="G2", liver="unresectable", extrahepatic="none"))
    assert "sa" in _recs(result) and "pannen-targeted" not in _recs(result)
    outcomes = dict({m.input: m for m in result.missing}["primary"].outcomes)
    assert "panNEN" in outcomes["pancreas"] and "SI-NEN" in outcomes["small-intestine"]


@pytest.mark.parametrize("ki67, grade, status", [
    pytest.param(2.9, "G1", "recommendation", id="ki67-2.9-G1"),
    pytest.param(3.0, "G2", "recommendation", id="ki67-3-G2"),
    pytest.param(20.0, "G2", "recommendation", id="ki67-20-G2"),
    pytest.param(20.5, "G3", "out-of-scope", id="ki67-20.5-G3"),
])
def test_ki67_grades_by_who_2019_when_grade_is_unstated(ki67, grade, status):
    result = run_algorithm(AlgorithmInputs(ki67_pct=ki67, liver="resectable"))
    used = {u.name: u for u in result.inputs}
    assert (used["grade"].value, used["grade"].provenance, result.status) == (grade, "assumed", status)
    assert "who2019" in [f.key for f in result.external_facts]


# --- Transplant criteria and settings ----------------------------------------------------------

def _check(result: AlgorithmResult) -> dict[str, str]:
    return {c.id: c.status for c in result.transplant_check}


UNRESECTABLE = dict(grade="G2", liver="unresectable", extrahepatic="none")


@pytest.mark.parametrize("given, settings, expected", [
    pytest.param(dict(UNRESECTABLE, primary="small-intestine", primary_resected=True, liver_involvement_pct=40,
                      stable_months=8, age=52, ki67_pct=4), Settings(),
                 dict.fromkeys(["portal-primary", "primary-resected", "no-extrahepatic", "liver-involvement",
                                "stable-disease", "age", "ki67"], "met"), id="all-met"),
    pytest.param(dict(UNRESECTABLE, primary="other", primary_resected=False, liver_involvement_pct=60,
                      stable_months=3, age=58, ki67_pct=12), Settings(),
                 dict(zip(["portal-primary", "primary-resected", "no-extrahepatic", "liver-involvement",
                           "stable-disease", "age", "ki67"], ["unknown"] + ["failed"] + ["met"] + ["failed"] * 4)),
                 id="failures-and-other-primary-unknown"),
    pytest.param(dict(UNRESECTABLE, age=58), Settings(milan_max_age=60), dict(age="met"), id="age-limit-is-a-setting"),
    pytest.param(dict(UNRESECTABLE, liver_involvement_pct=50, stable_months=6, age=55), Settings(),
                 {"liver-involvement": "met", "stable-disease": "met", "age": "met"}, id="thresholds-inclusive"),
    pytest.param(dict(grade="G2", liver="unresectable"), Settings(), {"no-extrahepatic": "unknown"},
                 id="assumed-liver-only-is-not-confirmed"),
])
def test_transplant_criteria_are_met_failed_or_unknown(given, settings, expected):
    check = _check(run_algorithm(AlgorithmInputs(**given), settings))
    assert {k: check[k] for k in expected} == expected


def test_transplant_check_is_external_and_summarised_in_the_recommendation():
    result = run_algorithm(AlgorithmInputs(**UNRESECTABLE, age=60))
    transplant = next(r for r in result.recommendations if r.id == "transplant")
    assert "1 failed (age)" in transplant.text
    assert {f.key for f in transplant.external} == {"milan", "milan-later"}
    assert all(c.source.startswith(("Milan NET criteria", "later transplant series")) for c in result.transplant_check)


def test_transplant_check_only_where_transplantation_is_recommended():
    assert not run_algorithm(AlgorithmInputs(grade="G2", liver="resectable")).transplant_check


def test_debulking_threshold_comes_from_settings():
    given = AlgorithmInputs(**UNRESECTABLE, refractory_symptoms=True)
    texts = {s: next(r.text for r in run_algorithm(given, Settings(debulking_min_pct=s)).recommendations
                     if r.id == "debulking") for s in (70.0, 90.0)}
    assert "at least 70%" in texts[70.0] and "at least 90%" in texts[90.0]


@pytest.mark.parametrize("settings, ki67, status, label", [
    pytest.param(Settings(), 12, "failed", "Ki-67 below 10%", id="default-limit-10"),
    pytest.param(Settings(), 10, "failed", "Ki-67 below 10%", id="limit-is-strict"),
    pytest.param(Settings(), 9.9, "met", "Ki-67 below 10%", id="just-below-default"),
    pytest.param(Settings(milan_max_ki67_pct=15), 12, "met", "Ki-67 below 15%", id="setting-raises-limit"),
    pytest.param(Settings.from_env({"NELM_MILAN_MAX_KI67_PCT": "15"}), 12, "met", "Ki-67 below 15%",
                 id="env-NELM_MILAN_MAX_KI67_PCT"),
    pytest.param(Settings(milan_max_ki67_pct=5), 9.9, "failed", "Ki-67 below 5%", id="setting-lowers-limit"),
])
def test_ki67_limit_comes_from_settings(settings, ki67, status, label):
    ki67_check = next(c for c in run_algorithm(AlgorithmInputs(**UNRESECTABLE, ki67_pct=ki67), settings)
                      .transplant_check if c.id == "ki67")
    assert (ki67_check.status, ki67_check.criterion) == (status, label)


def test_settings_are_the_only_source_of_thresholds():
    """No keyword can override a setting behind the settings object's back."""
    with pytest.raises(TypeError, match="ki67_max_pct"):
        run_algorithm(AlgorithmInputs(**UNRESECTABLE, ki67_pct=12), Settings(), ki67_max_pct=15.0)


# --- Exhaustive walk, determinism, speed, imports ------------------------------------------------

ENUMERATED = {name: (None, *choices) for name, choices in CHOICES.items()}


def test_every_combination_of_enumerated_inputs_gives_a_defined_cited_result(units):
    """All 6*4*4*4*3*3*3*3 = 31,104 combinations, unknown included."""
    names = list(ENUMERATED)
    statuses = set()
    count = 0
    for values in itertools.product(*ENUMERATED.values()):
        result = run_algorithm(AlgorithmInputs(**dict(zip(names, values))))
        count += 1
        statuses.add(result.status)
        assert result.status in ("recommendation", "needs-information", "out-of-scope")
        assert "decision aid" in result.disclaimer.lower() and "multidisciplinary team" in result.disclaimer
        assert result.path and (result.recommendations or result.missing)
        cited = set(result.citations)
        cited |= {u for r in result.recommendations for u in r.citations}
        cited |= {f.unit for f in result.external_facts if f.unit}
        assert cited <= set(units), cited - set(units)
        assert all(r.citations for r in result.recommendations)
        if result.status == "needs-information":
            assert not result.recommendations and any(m.required for m in result.missing)
    assert count == 31104 and len(statuses) == 3


def test_every_unit_cited_in_the_tree_exists(units):
    tree = yaml.safe_load(TREE_FILE.read_text(encoding="utf-8"))
    cited = {u for item in [*tree["nodes"].values(), *tree["recommendations"].values()] for u in item.get("cites", ())}
    cited |= {v["unit"] for v in tree["external"].values() if v.get("unit")}
    cited |= set(tree["derive"]["liver_from_distribution"]["cites"])
    assert cited and cited <= set(units)


def test_reference_2_is_the_enets_2016_consensus(units):
    """The ENETS facts cite the review's reference list entry, so it must be that guideline."""
    assert "ENETS consensus guidelines update" in units["reference-2"] and "2016" in units["reference-2"]


ABBREVIATIONS = ["TACE", "TAE", "RE", "OLT", "SA", "IFNa", "PVE", "PVL", "ALPPS", "panNEN", "SI-NEN"]


def test_treatments_attributed_to_figure_2_are_in_its_caption(units):
    """A recommendation citing figure-2 may only name treatments the caption lists (PRRT is printed PPRT)."""
    caption = units["figure-2"]
    for rec in load_tree()["recommendations"].values():
        if "figure-2" in rec["cites"]:
            for abbr in ABBREVIATIONS + ["PRRT"]:
                if re.search(rf"\b{re.escape(abbr)}\b", rec["text"]):
                    assert re.search(rf"\b{re.escape('PPRT' if abbr == 'PRRT' else abbr)}\b", caption), abbr


def test_same_inputs_same_result_even_in_another_process():
    given = dict(grade="G2", primary="pancreas", liver="unresectable", age=52.0, refractory_symptoms=True)
    here = run_algorithm(AlgorithmInputs(**given)).to_dict()
    assert here == run_algorithm(AlgorithmInputs(**given)).to_dict()
    code = ("import json; from rag.algorithm.engine import AlgorithmInputs, run_algorithm; "
            f"print(json.dumps(run_algorithm(AlgorithmInputs(**{given!r})).to_dict()))")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == json.loads(json.dumps(here))


def test_importing_the_algorithm_pulls_in_neither_torch_nor_faiss():
    code = ("import sys, rag.algorithm.engine, rag.algorithm.tree, rag.algorithm.types, rag.algorithm.inputs, "
            "rag.algorithm.render, rag.cli.algorithm; "
            "rag.algorithm.engine.run_algorithm(rag.algorithm.engine.AlgorithmInputs(grade='G2')); "
            "print(sorted(m for m in ('torch', 'faiss', 'sentence_transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name, home", [
    pytest.param(name, home, id=name)
    for home, names in [
        (rag.algorithm.types, ["AlgorithmInputs", "AlgorithmResult", "CriterionCheck", "ExternalFact", "InputUsed",
                               "MissingInfo", "PathStep", "Recommendation", "CHOICES", "INPUT_LABELS",
                               "INPUT_NAMES", "NUMBER_RANGES"]),
        (rag.algorithm.tree, ["load_tree", "node_successors", "TREE_PATH"]),
        (rag.algorithm.engine, ["run_algorithm"]),
    ]
    for name in names
])
def test_rag_algorithm_exports_the_whole_api_from_one_place(name, home):
    """Callers import from `rag.algorithm.engine` alone; the split into modules is invisible to them."""
    assert name in rag.algorithm.engine.__all__
    assert getattr(rag.algorithm.engine, name) is getattr(home, name)


def test_the_benchmark_runs_the_algorithm_n_times():
    """eval/bench.py's helper; how fast a run is belongs to its report, not to a test."""
    figures = bench_algorithm(300)
    assert figures["n"] == 300 and 0 <= figures["p50_ms"] <= figures["p95_ms"] <= figures["max_ms"]


def test_the_benchmark_refuses_nothing_to_time():
    with pytest.raises(InvalidArgumentError, match="bench_algorithm needs n >= 1, was: 0"):
        bench_algorithm(0)


# --- Inputs and tree validation ------------------------------------------------------------------

@pytest.mark.parametrize("given, match", [
    pytest.param(dict(grade="G4"), r"grade must be one of G1, G2, G1/G2, G3, NEC .* was: 'G4'", id="bad-grade"),
    pytest.param(dict(primary="liver"), r"primary must be one of .* was: 'liver'", id="bad-primary"),
    pytest.param(dict(refractory_symptoms="yes"), r"refractory_symptoms must be True, False or None", id="not-a-bool"),
    pytest.param(dict(age=-1), r"age must be a number between 0 and 120, was: -1", id="negative-age"),
    pytest.param(dict(liver_involvement_pct=True), r"liver_involvement_pct must be a number", id="bool-as-number"),
    pytest.param(dict(assumed=frozenset({"colour"})), r"assumed names unknown inputs", id="bad-assumed-name"),
])
def test_invalid_inputs_are_rejected_with_the_bad_value(given, match):
    with pytest.raises(InvalidQuestionError, match=match):
        AlgorithmInputs(**given)


def test_inputs_are_normalised():
    inputs = AlgorithmInputs(grade="g2", primary="Small_Intestine", distribution="3", age=52)
    assert (inputs.grade, inputs.primary, inputs.distribution, inputs.age) == ("G2", "small-intestine", "III", 52.0)


def test_run_algorithm_rejects_other_types():
    with pytest.raises(InvalidQuestionError, match="inputs must be an AlgorithmInputs, was: dict"):
        run_algorithm({"grade": "G2"})


def _broken(tree: dict, change) -> dict:
    change(tree)
    return tree


@pytest.mark.parametrize("change, match", [
    pytest.param(lambda t: t["nodes"]["liver"]["branches"][0].update(to="nowhere"), "needs a known 'to'",
                 id="unknown-target"),
    pytest.param(lambda t: t["nodes"]["liver"]["branches"].pop(), "must cover each of", id="uncovered-value"),
    pytest.param(lambda t: t["nodes"]["resection"]["then"].append("scope"), "cycle through 'scope'", id="cycle"),
    pytest.param(lambda t: t["nodes"]["resection"]["recommendations"].append("magic"), "unknown recommendation",
                 id="unknown-recommendation"),
    pytest.param(lambda t: t["recommendations"]["sa"]["external"].append("hearsay"), "unknown external source",
                 id="unknown-external"),
    pytest.param(lambda t: t["recommendations"]["sa"]["cites"].append("page 3"), "malformed unit ID", id="bad-cite"),
    pytest.param(lambda t: t["nodes"].update(orphan={"kind": "leaf", "title": "x"}), "unreachable", id="orphan"),
    pytest.param(lambda t: t["nodes"]["scope"]["unknown"].update(action="guess"), "unknown.action", id="bad-action"),
    pytest.param(lambda t: t["recommendations"]["sa"].update(text="{nope}"), "bad placeholder", id="bad-placeholder"),
    pytest.param(lambda t: t["transplant_criteria"][-1]["test"].update(below="ki67_limit"), "limit must be one of",
                 id="unknown-threshold-name"),
    pytest.param(lambda t: t["transplant_criteria"][-1].update(label="Ki-67 below {ki67_limit}%"),
                 "bad placeholder", id="unknown-threshold-placeholder"),
    pytest.param(lambda t: t.pop("doi"), "missing key 'doi'", id="no-doi-of-the-review"),
    pytest.param(lambda t: t.update(doi="Machairas 2021"), "expected the review's DOI", id="malformed-doi"),
])
def test_a_broken_tree_fails_at_load_with_a_named_problem(tmp_path, change, match):
    tree = _broken(yaml.safe_load(TREE_FILE.read_text(encoding="utf-8")), change)
    path = tmp_path / "tree.yaml"
    path.write_text(yaml.safe_dump(tree), encoding="utf-8")
    with pytest.raises(ConfigError, match=match):
        load_tree(path)


# --- Rendering ---------------------------------------------------------------------------------

def test_the_tree_records_the_doi_of_the_review_it_encodes(units):
    """The review's own page prints this DOI; it is how a multi-document index finds the review."""
    from rag.algorithm.source import review_doi

    assert review_doi() == "10.20524/aog.2021.0574" and f"doi: {review_doi()}." in units["citation"]


def test_markdown_cites_the_index_keys_it_is_given():
    """In a multi-document index the pipeline passes the review's keys; every citation, the
    external facts' reference entries included, then names the review's document."""
    result = run_algorithm(AlgorithmInputs(**UNRESECTABLE, primary="pancreas"))
    keys = {u: f"machairas2021:{u}" for u in result.citations}
    text = render_markdown(result, unit_labels={v: u for u, v in keys.items()}, unit_ids=keys)
    assert "[machairas2021:figure-2]" in text and "[machairas2021:reference-2]" in text
    assert not re.search(r"\[(?:abstract-s\d|figure-\d|reference-\d|keywords)\]", text)
    assert f"- [machairas2021:{result.citations[0]}] {result.citations[0]}" in text


def test_markdown_cites_inline_and_marks_external_facts():
    result = run_algorithm(AlgorithmInputs(**UNRESECTABLE, primary="pancreas", age=52))
    text = render_markdown(result, unit_labels={"abstract-s5": "Abstract, sentence 5"})
    assert "[abstract-s5][figure-2]" in text
    assert "(external: Milan NET criteria, Mazzaferro et al. 2007" in text
    assert "(external: ENETS 2016 consensus, Pavel et al. [reference-2])" in text
    assert "- [abstract-s5] Abstract, sentence 5" in text
    assert text.startswith("> Decision aid only") and "multidisciplinary team" in text
    assert "| Age 55 years or younger" in text


def test_markdown_for_missing_information_lists_the_alternatives():
    text = render_markdown(run_algorithm(AlgorithmInputs(grade="G2")))
    assert "**liver status** (needed)" in text and "  - unresectable → " in text


def _dot_nodes_and_edges(dot: str) -> tuple[set[str], list[tuple[str, str, str]]]:
    nodes = set(re.findall(r'^\s+"([^"]+)" \[shape=', dot, flags=re.M))
    edges = re.findall(r'^\s+"([^"]+)" -> "([^"]+)" \[(.*)\];$', dot, flags=re.M)
    return nodes, edges


def test_dot_shows_the_whole_tree_and_highlights_the_path():
    result = run_algorithm(AlgorithmInputs(**UNRESECTABLE, primary="pancreas"))
    dot = render_dot(result)
    assert dot.startswith("digraph nelm_algorithm {") and dot.rstrip().endswith("}")
    assert dot.count("{") == dot.count("}")
    nodes, edges = _dot_nodes_and_edges(dot)
    assert set(load_tree()["nodes"]) <= nodes
    assert {(a, b) for a, b, _ in edges} >= set(edges_of(load_tree()))
    assert all(a in nodes and b in nodes for a, b, _ in edges)
    taken = {(a, b) for a, b, attrs in edges if "penwidth=2.5" in attrs}
    assert taken == {("scope", "liver"), ("liver", "extrahepatic-unresectable"),
                     ("extrahepatic-unresectable", "unresectable-liver-only"),
                     ("unresectable-liver-only", "systemic"), ("unresectable-liver-only", "symptoms-palliative"),
                     ("systemic", "systemic-pannen"), ("symptoms-palliative", "no-symptom-step")}


def test_dot_highlights_the_question_it_must_ask():
    _, edges = _dot_nodes_and_edges(render_dot(run_algorithm(AlgorithmInputs())))
    assert [(a, b) for a, b, attrs in edges if "penwidth=2.5" in attrs] == [("scope", "ask-grade")]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_dot_is_accepted_by_graphviz():
    dot = render_dot(run_algorithm(AlgorithmInputs(grade="G1", liver="resectable", recurrence=True)))
    out = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "<svg" in out.stdout


# --- CLI -----------------------------------------------------------------------------------------

def _cli(argv: list[str]) -> int:
    from rag.cli.algorithm import add_parser

    parser = argparse.ArgumentParser(prog="python -m rag")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["algorithm", *argv])
    return args.func(args)


def test_cli_json_carries_the_result(capsys):
    code = _cli(["--grade", "G2", "--primary", "pancreas", "--liver", "unresectable", "--extrahepatic", "none",
                 "--age", "52", "--no-refractory-symptoms", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["status"] == "recommendation"
    assert "figure-2" in data["citations"]
    inputs = {u["name"]: u for u in data["inputs"]}
    assert inputs["refractory_symptoms"]["value"] is False and inputs["recurrence"]["provenance"] == "unknown"


def test_cli_default_output_is_readable_markdown(capsys):
    assert _cli(["--grade", "NEC"]) == 0
    out = capsys.readouterr().out
    assert "Outside the review's algorithm" in out and "multidisciplinary team" in out


def test_cli_dot_and_distribution(capsys):
    assert _cli(["--grade", "G1", "--distribution", "I", "--dot"]) == 0
    assert capsys.readouterr().out.startswith("digraph")


@pytest.mark.parametrize("env, status", [
    pytest.param({}, "failed", id="default-10"),
    pytest.param({"NELM_MILAN_MAX_KI67_PCT": "15"}, "met", id="env-15"),
])
def test_cli_takes_the_ki67_limit_from_the_environment(capsys, monkeypatch, env, status):
    monkeypatch.delenv("NELM_MILAN_MAX_KI67_PCT", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    argv = ["--grade", "G2", "--liver", "unresectable", "--extrahepatic", "none", "--ki67-pct", "12", "--json"]
    assert _cli(argv) == 0
    check = {c["id"]: c["status"] for c in json.loads(capsys.readouterr().out)["transplant_check"]}
    assert check["ki67"] == status


def test_cli_bad_threshold_in_the_environment_exits_2(capsys, monkeypatch):
    monkeypatch.setenv("NELM_MILAN_MAX_KI67_PCT", "ten")
    assert _cli(["--grade", "G2"]) == 2
    assert "NELM_MILAN_MAX_KI67_PCT must be a float, was: 'ten'" in capsys.readouterr().err


def test_cli_bad_value_exits_2_with_the_reason(capsys):
    assert _cli(["--age", "130"]) == 2
    assert "age must be a number between 0 and 120, was: 130" in capsys.readouterr().err


def test_python_dash_m_rag_algorithm_runs():
    if not (ROOT / "rag" / "__main__.py").exists():
        pytest.skip("rag/__main__.py not written yet")
    out = subprocess.run([sys.executable, "-m", "rag", "algorithm", "--grade", "G2", "--liver", "staged", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["summary"].startswith("Staged liver resection")


def test_cli_help_lists_every_option(capsys):
    with pytest.raises(SystemExit) as exit_info:
        _cli(["--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    for option in ("--grade", "--primary", "--liver", "--distribution", "--extrahepatic", "--refractory-symptoms",
                   "--recurrence", "--primary-resected", "--liver-involvement-pct", "--stable-months", "--age",
                   "--json", "--dot"):
        assert option in out
