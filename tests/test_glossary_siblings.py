"""A follow-up that picks a term out by contrast with the one just defined ("and the pancreas one?").

The family is read off the review's long forms (words shared, compared by their first five letters), so
these hold for any glossary; the entries here are the seed page's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import parse_pubmed_page
from rag.glossary.siblings import sibling_term
from rag.glossary.store import Glossary, build_glossary
from rag.routing.router import route

SEED = Path(__file__).resolve().parent.parent / "seeds" / "machairas2021_nelm_review_pubmed.txt"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return build_glossary(parse_pubmed_page(SEED).units)


@pytest.mark.parametrize("earlier, question, meant", [
    ("SI-NEN", "and the pancreas one?", "panNEN"),  # "pancreas" finds "pancreatic"
    ("TACE", "whats the version without the chemo called", "TAE"),
    ("TAE", "and the one with chemo in it?", "TACE"),
    ("PVE", "and the other one in that pair?", "PVL"),  # closest of the portal vein family
    ("TACE", "and the other one?", "TAE"),
    ("TACE", "and the one without the chemo part?", "TAE"),
])
def test_the_one_meant_is_the_family_member_the_modifier_picks(glossary, earlier, question, meant):
    assert sibling_term(question, earlier, glossary) == meant


@pytest.mark.parametrize("earlier, question", [
    ("OLT", "and the other one?"),  # two members equally close: the reader is asked, not guessed for
    ("TACE", "and the G2 one?"),  # no member says G2
    ("TACE", "is the other one safer?"),  # asks something of its own
    (None, "and the pancreas one?"),  # nothing defined before
])
def test_no_one_member_fits_and_nothing_is_guessed(glossary, earlier, question):
    assert sibling_term(question, earlier, glossary) == ""


def test_the_router_sends_the_follow_up_to_the_glossary_with_the_member_meant(glossary):
    turn = route("and the pancreas one?", ["what does SI-NEN mean"], glossary, 2000)
    assert (turn.route, turn.glossary_terms) == ("glossary", ("panNEN",))
