"""The gold evaluation set (eval/questions.jsonl) and its loader (eval/schema.py).

The set is checked against the review itself, not against any system output: the valid
unit IDs come from parsing the seed page, the abbreviation pairs from running Schwartz &
Hearst (the PyPI `abbreviations` port) over the abstract plus the Figure 2 legend, and every
required fact of an answerable item must be present in the text of its gold units, so a
perfect extractive answer can score full marks and a gold unit cannot be a guess.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict

import pytest

from eval.metrics import contains_phrase, normalise_text
from eval.schema import CATEGORIES, ROUTES, load_questions
from ingest.parse import parse_pubmed_page
from rag.core.errors import ConfigError, ParseError
from tests.conftest import ROOT, SEED

QUESTIONS = ROOT / "eval" / "questions.jsonl"


@pytest.fixture(scope="module")
def questions():
    return load_questions(QUESTIONS)


@pytest.fixture(scope="module")
def units():
    return {u.id: u.text for u in parse_pubmed_page(SEED).units}


@pytest.fixture(scope="module")
def review_pairs(units):
    """(short, long, defining unit) for every abbreviation the review defines."""
    from abbreviations.schwartz_hearst import extract_abbreviation_definition_pairs

    pairs = []
    for uid in sorted(u for u in units if u.startswith("abstract-")):
        for short, long in extract_abbreviation_definition_pairs(doc_text=units[uid]).items():
            pairs.append((short, long, uid))
    # The Figure 2 caption ends in a legend "TACE, transarterial chemoembolization; ...",
    # a format Schwartz & Hearst do not cover: short forms carry a capital, long forms do not.
    legend = re.findall(r"\b([A-Za-z][A-Za-z-]*[A-Z][A-Za-z-]*), ([a-z][a-z -]+?)(?=[;,]|$)", units["figure-2"])
    pairs.extend((short, long, "figure-2") for short, long in legend)
    return pairs


def test_the_review_defines_fourteen_abbreviations(review_pairs):
    """2 in the abstract (NEN, NELM) + 12 in the Figure 2 legend: the pairs below are all checked."""
    assert len(review_pairs) == 14
    assert len({short for short, _, _ in review_pairs}) == 14


def test_the_set_loads_and_is_large_enough(questions):
    assert len(questions) >= 130


def test_ids_are_unique(questions):
    counts = Counter(q.id for q in questions)
    assert [i for i, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_is_well_represented(questions, category):
    assert sum(q.category == category for q in questions) >= 8


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_is_exercised(questions, route):
    assert sum(q.route == route for q in questions) >= 8


def test_at_least_a_quarter_of_the_set_should_be_refused(questions):
    share = sum(q.abstain for q in questions) / len(questions)
    assert share >= 0.25, f"only {share:.1%} abstain items"


def test_unanswerable_items_cover_topic_neighbours_and_off_topic(questions):
    """At least 35 unanswerable items, some with a paraphrase, none with gold to find."""
    unanswerable = [q for q in questions if q.category == "unanswerable"]
    assert len(unanswerable) >= 35
    assert all(q.abstain and not q.gold_units and q.route == "retrieval" for q in unanswerable)


def test_every_gold_unit_is_a_unit_of_the_review(questions, units):
    assert len(units) == 18
    unknown = {(q.id, u) for q in questions for u in q.gold_units if u not in units}
    assert unknown == set()


@pytest.mark.parametrize("unit_id", [f"abstract-s{i}" for i in range(1, 9)]
                         + [f"reference-{i}" for i in range(1, 6)]
                         + ["figure-1", "figure-2", "citation", "keywords", "coi"])
def test_every_unit_is_the_gold_of_some_question(questions, unit_id):
    assert any(unit_id in q.gold_units for q in questions if q.route == "retrieval")


def test_every_required_fact_is_in_the_text_of_its_gold_units(questions, units):
    """A fact is reachable: one of its alternatives occurs in the gold units' text."""
    missing = []
    for q in questions:
        evidence = " ".join(units[u] for u in q.gold_units)
        missing += [(q.id, fact) for fact in q.required_facts
                    if not any(contains_phrase(evidence, alt) for alt in fact)]
    assert missing == []


@pytest.mark.parametrize("category, route", [
    ("abbreviation", "glossary"), ("treatment", "algorithm"), ("abstract", "retrieval"),
    ("bibliographic", "retrieval"), ("figure", "retrieval"), ("reference", "retrieval"),
    ("unanswerable", "retrieval"),
])
def test_categories_go_to_their_route(questions, category, route):
    assert {q.route for q in questions if q.category == category} == {route}


def test_follow_ups_carry_history_and_cover_every_route(questions):
    followups = [q for q in questions if q.category == "followup"]
    assert all(q.history for q in followups)
    assert {q.route for q in followups} == set(ROUTES)
    assert any(q.abstain for q in followups) and any(not q.abstain for q in followups)


def test_paraphrase_groups_hold_several_wordings_of_one_question(questions):
    groups = defaultdict(list)
    for q in questions:
        if q.paraphrase_group:
            groups[q.paraphrase_group].append(q)
    assert len(groups) >= 6
    for name, members in groups.items():
        assert len(members) >= 2, name
        assert len({normalise_text(m.question) for m in members}) == len(members), name
        assert len({m.abstain for m in members}) == 1, name
        assert len({tuple(sorted(m.gold_units)) for m in members}) == 1, name


def _glossary_items(questions):
    return [q for q in questions if q.route == "glossary" and not q.history]


def test_every_abbreviation_is_asked_forwards(questions, review_pairs):
    """"What does TACE stand for?": the short form in the question, the long form a fact."""
    items = _glossary_items(questions)
    missing = []
    for short, long, uid in review_pairs:
        if not any(contains_phrase(q.question, short) and uid in q.gold_units
                   and any(normalise_text(a) == normalise_text(long) for f in q.required_facts for a in f)
                   for q in items):
            missing.append(short)
    assert missing == []


def test_every_abbreviation_is_asked_backwards(questions, review_pairs):
    """"What is the abbreviation for portal vein ligation?": the long form in the question."""
    items = _glossary_items(questions)
    missing = []
    for short, long, uid in review_pairs:
        if not any(contains_phrase(q.question, long) and uid in q.gold_units
                   and any(a == short for f in q.required_facts for a in f)
                   for q in items):
            missing.append(short)
    assert missing == []


def test_glossary_items_include_typos_variants_and_plurals(questions, review_pairs):
    """Glossary questions whose term is not printed in the review: "TCAE", "PRRT", "NELMs"."""
    shorts = {s for s, _, _ in review_pairs}
    odd = [q for q in _glossary_items(questions)
           if not any(contains_phrase(q.question, s) for s in shorts)
           and not any(contains_phrase(q.question, l) for _, l, _ in review_pairs)]
    assert len(odd) >= 6, [q.question for q in odd]


@pytest.mark.parametrize("needle", ["PVE", "PVL", "ALPPS", "TACE", "transplantation", "systemic",
                                    "targeted", "PRRT", "interferon alpha", "G1/G2", "resection"])
def test_treatment_answers_span_every_branch_of_the_algorithm(questions, needle):
    facts = [a for q in questions if q.route == "algorithm" for f in q.required_facts for a in f]
    assert any(normalise_text(a) == normalise_text(needle) for a in facts)


# --- the loader's errors name the file, the line and the field ------------------------

GOOD = {"id": "abs-s2-01", "question": "What is the treatment of choice?", "category": "abstract",
        "gold_units": ["abstract-s2"], "required_facts": [["resection"]], "abstain": False,
        "route": "retrieval", "history": []}


def _line(**changes) -> str:
    record = {**GOOD, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not ...})


@pytest.mark.parametrize("bad_line, message", [
    pytest.param("{not json", r"line 2: invalid JSON", id="bad-json"),
    pytest.param("[1, 2]", r"line 2: expected a JSON object", id="not-an-object"),
    pytest.param(_line(id="b", route="web"), r"line 2: field 'route'", id="bad-route"),
    pytest.param(_line(id="b", category="trivia"), r"line 2: field 'category'", id="bad-category"),
    pytest.param(_line(id="b", gold_units=["section-3"]), r"line 2: field 'gold_units'.*section-3", id="bad-unit"),
    pytest.param(_line(id="b", required_facts=[[]]), r"line 2: field 'required_facts'", id="empty-fact"),
    pytest.param(_line(id="b", question=...), r"line 2: field 'question': Field required", id="missing-field"),
    pytest.param(_line(id="b", extra=1), r"line 2: field 'extra'", id="unknown-field"),
    pytest.param(_line(id="Bad Id"), r"line 2: field 'id'.*'Bad Id'", id="bad-id"),
    pytest.param(_line(), r"line 2: id 'abs-s2-01' already used on line 1", id="duplicate-id"),
    pytest.param(_line(id="b", abstain=True), r"line 2: an abstain item has nothing to find", id="abstain-with-gold"),
    pytest.param(_line(id="b", required_facts=[]), r"line 2: an answerable item needs", id="answerable-without-facts"),
    pytest.param(_line(id="b", category="followup"), r"line 2: category 'followup' needs", id="followup-without-history"),
    pytest.param(_line(id="b", category="unanswerable", abstain=True, gold_units=[], required_facts=[],
                       route="glossary"), r"line 2: category 'unanswerable' needs", id="unanswerable-routed"),
])
def test_a_bad_line_is_reported_with_file_and_line(tmp_path, bad_line, message):
    path = tmp_path / "set.jsonl"
    path.write_text(_line() + "\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match=message) as info:
        load_questions(path)
    assert str(path) in str(info.value)


def test_blank_lines_are_skipped_and_prefixed_unit_ids_accepted(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n" + _line(gold_units=["machairas2021:abstract-s2"]) + "\n\n", encoding="utf-8")
    (item,) = load_questions(path)
    assert item.gold_units == ("machairas2021:abstract-s2",)
    assert item.history == ()


@pytest.mark.parametrize("content, error, message", [
    pytest.param(None, ConfigError, r"not found: .*missing\.jsonl; pass", id="missing-file"),
    pytest.param("\n\n", ParseError, r"holds no questions", id="empty-file"),
])
def test_an_unusable_file_is_reported(tmp_path, content, error, message):
    path = tmp_path / "missing.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=message):
        load_questions(path)


@pytest.mark.parametrize("name", ["questions_test.jsonl", "questions_holdout.jsonl"])
def test_each_held_out_split_loads_and_its_facts_are_in_its_gold_units(name, units):
    held_out = load_questions(ROOT / "eval" / name)
    assert len(held_out) >= 150
    assert {q.category for q in held_out} == set(CATEGORIES)
    missing = [(q.id, fact) for q in held_out for fact in q.required_facts
               if not any(contains_phrase(" ".join(units[u] for u in q.gold_units), alt) for alt in fact)]
    assert missing == []
