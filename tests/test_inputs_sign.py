"""A number with a minus sign is not a stated age or share (issue 12, item 14).

The age reader (rag/algorithm/inputs.py) takes "5 year old" out of "A -5 year old"; a minus sign
directly before the number makes it no age at all, while a hyphen after a number ("54-year-old")
or between two ("3-5") is not a sign.
"""

from __future__ import annotations

import pytest

from rag.algorithm.inputs import extract_inputs

CASE = " with a G2 pancreatic NEN and unresectable liver-only metastases"


@pytest.mark.parametrize("text", ["A -5 year old", "A \u22125 year old", "A - 5 year old", "-5 yo"],
                         ids=["hyphen-minus", "minus-sign", "spaced-minus", "at-start"])
def test_a_negative_age_is_not_read_as_stated(text):
    inputs = extract_inputs(text + CASE)
    assert inputs.age is None and inputs.provenance("age") == "unknown"


@pytest.mark.parametrize("text, age", [("A 54-year-old", 54.0), ("A 5 year old", 5.0), ("A woman aged 61", 61.0)],
                         ids=["hyphenated", "plain", "aged"])
def test_an_age_without_a_sign_is_still_stated(text, age):
    inputs = extract_inputs(text + CASE)
    assert inputs.age == age and inputs.provenance("age") == "stated"


def test_a_negative_liver_share_is_not_read_either():
    assert extract_inputs("G2 pancreatic NEN, -30% of the liver involved").liver_involvement_pct is None
