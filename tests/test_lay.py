"""Lay wording and journal-title words map onto the review's own terms, and only where they should."""

from __future__ import annotations

import pytest

from rag.retrieval.lay import lay_expansions


def test_a_lay_word_gains_its_clinical_equivalent():
    assert ("operation", "surgery") in lay_expansions("Is an operation the best treatment?")


def test_a_journal_title_word_gains_its_iso4_abbreviation_in_a_publication_question():
    assert ("Endocrine", "endocr") in lay_expansions("Which reference appeared in Endocrine Reviews?")


def test_journal_abbreviations_stay_out_of_clinical_questions():
    assert not any(other == "endocr" for _, other in lay_expansions("Do endocrine symptoms improve after surgery?"))
    assert not any(other == "surg" for _, other in lay_expansions("Is surgery the treatment of choice?"))


def test_the_figure_legends_olt_reads_as_the_liver_transplantation_the_abstract_names():
    """Figure 2's legend defines OLT as orthotopic liver transplantation; the abstract says only
    "liver transplantation", so "Is OLT widely recommended?" must reach the abstract's words."""
    assert ("OLT", "liver transplantation") in lay_expansions("Is OLT widely recommended for NELM?")


@pytest.mark.parametrize("lay, clinical", [
    ("intermediate grade", "well-differentiated"),  # G2 is intermediate grade and well differentiated
    ("zap", "ablation"),
    ("plugging", "embolization"),  # an embolus is a plug
    ("team of specialists", "multidisciplinary"),
    ("two-step", "2-stage"),
    ("whole-body", "systemic"),
])
def test_everyday_words_for_the_review_s_terms(lay, clinical):
    assert (lay, clinical) in lay_expansions(f"is {lay} mentioned?")


def test_the_first_word_shortcut_finds_what_a_search_of_every_phrase_finds():
    """lay.py skips a phrase whose first word is not a token of the text (a hot path); that must
    never change what is found, here over every question of the dev and test splits."""
    import json
    import re

    from rag.retrieval.lay import JOURNAL_WORDS_PATH, LAY_TERMS_PATH, _compiled, _compound_parts, _expansions
    from tests.conftest import ROOT

    def every_phrase(text, path):
        out, seen = [], set()
        for pattern, _, clinical, _ in _compiled(path):
            m = pattern.search(text)
            if m and m.span() not in seen:
                seen.add(m.span())
                out.extend((m.group(0), term) for term in clinical)
        return out + _compound_parts(text, path, seen)

    texts = [json.loads(line)["question"] for name in ("questions.jsonl", "questions_test.jsonl")
             for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["X-ray-guided TACE", "the x-ray doctor's view", "curative-intent op", re.escape("cut out?")]
    for text in texts:
        for path in (LAY_TERMS_PATH, JOURNAL_WORDS_PATH):
            assert _expansions(text, path) == every_phrase(text, path), text


def test_a_compound_is_found_open_hyphenated_or_in_a_hyphenated_token():
    assert ("first line", "treatment of choice") in lay_expansions("whats the first line mgmt for operable NELM")
    assert ("first-line", "treatment of choice") in lay_expansions("What is first-line for resectable NELM?")
    assert ("operable", "resectable") in lay_expansions("whats the first line mgmt for operable NELM")


@pytest.mark.parametrize("text, pair", [
    ("when the deposits are removable", ("removable", "resectable")),
    ("is an operation the preferred option?", ("preferred option", "treatment of choice")),
    ("im more interested in the non-op stuff", ("non-op", "non-surgical")),
    ("cutting out liver mets", ("cutting out", "resection")),
    ("why are IR therapies more widely applicable", ("IR", "interventional radiology")),  # the standard abbreviation
    ("reserved for well diff primaries", ("well diff", "well-differentiated")),  # a clinical clipping
    ("can they operate a second time?", ("second time", "repeat")),
    ("is an op really the best option", ("best option", "treatment of choice")),
    ("is the liver the main place they spread to", ("main place", "dominant site")),
    ("whether they operate depends on the liver", ("depends on", "dictated")),
    ("how were they picked for it", ("picked", "selected")),
    ("is it normal for these to travel to the liver", ("travel to", "metastasis")),
    ("does it change how long they live", ("how long they live", "survival")),
    ("how she feels day to day", ("day to day", "quality of life")),
    ("in the sentence about replacing the liver", ("replacing the liver", "liver transplantation")),
    ("how the tumours are spread out in the liver", ("spread out", "distribution")),
    ("how the spots are scattered through the liver", ("scattered", "distribution")),
    ("in liver-predominant disease", ("predominant", "dominant")),
    ("before cytotoxics", ("cytotoxics", "chemotherapy")),
    ("once they're stage IV", ("stage IV", "distant-stage")),
    ("grafting a new liver", ("grafting", "transplantation")),
    ("re-do hepatectomy", ("re-do", "repeat")),
    ("percutaneous and catheter-based liver therapies", ("catheter-based", "interventional radiology")),
    ("have the indications been broadening", ("broadening", "expanding")),
    ("what makes someone a candidate for hepatectomy", ("candidate", "indicated")),
    ("burning the tumour and blocking its blood supply", ("blocking its blood supply", "embolization")),
    ("one doctor, or is it a team thing", ("team thing", "multidisciplinary")),
    ("whether resection is doable", ("doable", "feasibility")),
    ("can they even go in again or is a second op too dangerous", ("second op", "repeat")),
])
def test_true_synonyms_the_review_does_not_use(text, pair):
    assert pair in lay_expansions(text)


@pytest.mark.parametrize("text, lay, clinical", [
    ("were the complicated hepatectomies safe?", "hepatectomies", "liver resections"),  # -ies for consonant + y
    ("the surgeon cuts out the tumour", "cuts out", "resection"),  # third person of "cut out"
    ("are the x-ray procedures there to replace surgery?", "replace", "alternatives"),
])
def test_a_phrase_matches_in_its_plural_or_third_person_form(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)


def test_endings_that_change_a_word_s_sense_are_not_read():
    """"spotted" (seen) is no form of "spots" (lesions): only -s/-es/-ies endings are read."""
    assert not any(clinical == "metastases" for _, clinical in lay_expansions("a nurse spotted it on the scan"))


def test_a_listed_plural_is_read_once_not_again_as_the_plural_of_its_singular():
    """"NETs" has its own entry ("net" and "nets"); "net" read with an -s ending must not add its terms again."""
    found = lay_expansions("liver secondaries from NETs")
    assert [lay for lay, _ in found].count("NETs") == len([t for lay, t in found if lay == "NETs"])
    assert ("NETs", "neuroendocrine neoplasm") not in found


def test_a_compound_no_phrase_names_says_what_its_parts_say():
    assert {("hepatic", "liver"), ("directed", "targeted")} <= set(lay_expansions("hepatic-directed therapy first?"))
    # a phrase naming the whole compound wins, and a negating first part turns the sense around
    assert lay_expansions("liver-directed therapy") == [("liver-directed", "liver-targeted")]
    assert not any(lay == "surgical" for lay, _ in lay_expansions("non-surgical options?"))
