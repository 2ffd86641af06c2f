"""rag/routing/router.py: where each question goes, decided in one place.

Known answers: the route of a question follows from the order of the checks (glossary,
out of scope, algorithm, follow-up, retrieval), so each case below names the check that
decides it. The glossary is the review's own (built from the seed page), no model needed.
"""

from __future__ import annotations

import pytest

from rag.core.errors import InvalidQuestionError
from rag.routing.router import route

LIMIT = 2000


@pytest.fixture(scope="module")
def glossary():
    from ingest.parse import parse_pubmed_page
    from rag.glossary.store import Glossary, build_glossary
    from tests.conftest import SEED

    article = parse_pubmed_page(SEED)
    return Glossary.from_dict(build_glossary(article.units).to_dict())


@pytest.mark.parametrize("question, expected", [
    pytest.param("What does TACE stand for?", "glossary", id="abbreviation-frame"),
    pytest.param("Expand ALLPS", "glossary", id="typo-keeps-glossary"),
    pytest.param("Is hepatectomy recommended for colorectal liver metastases?", "out_of_scope", id="other-cancer"),
    pytest.param("How should liver metastases from a G1 rectal NET be treated?", "algorithm",
                 id="nen-term-keeps-scope"),
    pytest.param("How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?", "algorithm",
                 id="case"),
    pytest.param("Which dose of lanreotide?", "retrieval", id="a-figure-without-a-case"),
    pytest.param("What does the review say about liver transplantation?", "retrieval", id="about-the-text"),
    pytest.param("What is the DOI of the review?", "retrieval", id="bibliographic"),
])
def test_a_question_gets_the_route_of_the_first_check_that_holds(glossary, question, expected):
    assert route(question, [], glossary, LIMIT).route == expected


def test_another_cancer_is_named_in_the_turn(glossary):
    turn = route("Should liver metastases from breast cancer be resected?", [], glossary, LIMIT)
    assert (turn.route, turn.other_disease) == ("out_of_scope", "breast cancer")


@pytest.mark.parametrize("history, question, expected, term", [
    pytest.param(["What does TACE stand for?"], "And TAE?", "glossary", "TAE", id="glossary-follow-up"),
    pytest.param(["How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"],
                 "and for small intestine primaries?", "algorithm", "", id="algorithm-follow-up"),
    pytest.param(["What is the treatment of choice for resectable NELM?"], "Why?", "retrieval", "",
                 id="retrieval-follow-up"),
])
def test_a_follow_up_takes_the_route_of_the_question_it_leans_on(glossary, history, question, expected, term):
    turn = route(question, history, glossary, LIMIT)
    assert turn.route == expected and turn.glossary_term == term
    assert history[0] in turn.query  # the self-contained question carries the earlier turn


def test_an_algorithm_follow_up_remembers_the_case_it_adds_to(glossary):
    case = "How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"
    assert route("and if it were resectable?", [case], glossary, LIMIT).previous_treatment == case


def test_a_question_that_stands_alone_is_not_joined_with_the_history(glossary):
    turn = route("What is the DOI of the review?", ["What does TACE stand for?"], glossary, LIMIT)
    assert turn.query == "What is the DOI of the review?"


def test_invalid_earlier_turns_are_dropped_and_an_invalid_question_raises(glossary):
    assert route("What is TACE?", ["   ", "x" * (LIMIT + 1)], glossary, LIMIT).history == ()
    with pytest.raises(InvalidQuestionError, match="empty"):
        route("   ", [], glossary, LIMIT)
