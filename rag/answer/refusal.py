"""The fixed refusal: the only sentence of an extractive answer not copied from the review.

It says that the indexed text (abstract, keywords, figure captions, reference list) does not
address the question, names the other disease when the question is about one, and points at
the closest passages, which are shown as reading, never as an answer.
"""

from __future__ import annotations

from typing import Sequence

ABSTAIN_PREFIX = ("The indexed text of this review (abstract, keywords, figure captions and "
                  "reference list) does not address this question")


def abstention_text(other_disease: str = "", titles: Sequence[str] = ()) -> str:
    """The fixed refusal; for a neighbouring disease it says which one and what the review is."""
    reason = ""
    if other_disease:
        subject = " and ".join(f"“{t}”" for t in titles) or "about neuroendocrine neoplasms"
        reason = f": it asks about {other_disease}, not a neuroendocrine neoplasm, and the review is {subject}"
    return ABSTAIN_PREFIX + reason + ". The closest passages are listed below as related reading, not as an answer."
