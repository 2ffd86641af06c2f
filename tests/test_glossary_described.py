"""A long form described in the asker's words ("the op where they split the liver and tie off
the portal vein") is matched to the review's entries by meaning, labelled as such."""

from __future__ import annotations

import numpy as np
import pytest

from rag.glossary.described import DescribedTerms
from rag.glossary.types import GlossaryEntry


def _entry(short: str, long: str, source: str = "review") -> GlossaryEntry:
    return GlossaryEntry(short=short, long=long, source=source, unit_id="figure-2", sentence=f"{short}, {long}")


# Three directions stand for three meanings; a text is a mix of them.
VECTORS = {"portal vein ligation": [1, 0, 0], "portal vein embolization": [0.95, 0.3, 0],
           "orthotopic liver transplantation": [0, 0, 1], "interferon": [0, 1, 0],
           "the one where they tie off the portal vein": [1, 0.05, 0], "the one with a new liver": [0.1, 0, 1],
           "the weather that it is": [-1, -1, -1], "the supplement thing": [0, 1, 0], "portal vein infusion": [1, 0, 0]}


def _encode(texts):
    return np.array([VECTORS[t] for t in texts], dtype=float)


@pytest.fixture
def terms() -> DescribedTerms:
    return DescribedTerms([_entry("PVL", "portal vein ligation"), _entry("PVE", "portal vein embolization"),
                           _entry("OLT", "orthotopic liver transplantation"),
                           _entry("IFN", "interferon", source="supplementary")], _encode)


def test_the_closest_long_form_is_offered(terms):
    assert [d.entry.short for d in terms.closest(["the one with a new liver"])] == ["OLT"]


def test_a_runner_up_nearly_as_close_is_offered_too(terms):
    assert [d.entry.short for d in terms.closest(["the one where they tie off the portal vein"])] == ["PVL", "PVE"]


def test_nothing_is_offered_when_no_long_form_is_close(terms):
    assert terms.closest(["the weather that it is"]) == ()


def test_only_the_review_s_own_entries_are_offered(terms):
    assert terms.closest(["the supplement thing"]) == ()


def test_a_name_of_another_procedure_is_no_description(terms):
    """A short name ("hepatic artery infusion") is something the review does not define."""
    assert terms.closest(["portal vein infusion"]) == ()


@pytest.mark.model
@pytest.mark.parametrize("question, short", [
    ("acronym for the two-step liver op where they split the liver and tie off the portal vein?", "ALPPS"),
    ("whats the abbreviation for the treatment where they put chemo into the liver artery and block it off?", "TACE"),
    # a description of several words is no misspelt term: a spelling "did you mean" does not stand in for it
    ("abbreviation for neuroendocrine tumours arising in the small bowel?", "SI-NEN"),
])
def test_a_described_long_form_is_answered_with_its_entry_labelled_as_matched_by_meaning(pipeline, question, short):
    answer = pipeline.ask(question)
    assert answer.route == "glossary" and not answer.abstained
    assert f"**{short}**" in answer.answer and "matched by meaning" in answer.answer


@pytest.mark.model
def test_a_long_form_turned_into_an_of_phrase_is_the_long_form_in_other_words(pipeline):
    """"neuroendocrine tumours of the small bowel" is "small bowel neuroendocrine tumours", which the glossary
    holds as a variant of SI-NEN's long form: answered as that entry, not as a did-you-mean."""
    answer = pipeline.ask("abbreviation for neuroendocrine tumours of the small bowel?")
    assert answer.route == "glossary" and "**SI-NEN**" in answer.answer and "did you mean" not in answer.answer.lower()
    assert {c.unit_id for c in answer.citations} == {"figure-2"}


@pytest.mark.model
def test_a_description_close_to_no_entry_is_still_not_defined(pipeline):
    answer = pipeline.ask("what is the abbreviation for the weather in London?")
    assert answer.abstained and "not defined" in answer.answer
