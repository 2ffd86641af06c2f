"""The sidebar's filter-as-you-type over the glossary (rag/glossary/filter.py).

The glossary is built from the review's real units (ingest.parse) plus the packaged
supplementary list, so the expectations are the review's own abbreviations.
"""

from __future__ import annotations

import pytest

from rag.core.errors import InvalidQuestionError
from rag.glossary.store import Glossary, build_glossary
from rag.glossary.filter import filter_entries
from tests.conftest import SEED


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    from ingest.parse import parse_pubmed_page

    return build_glossary(parse_pubmed_page(SEED).units)


def shorts(entries) -> list[str]:
    return [e.short for e in entries]


@pytest.mark.parametrize("text, first", [
    pytest.param("TACE", "TACE", id="exact-short"),
    pytest.param("tace", "TACE", id="case-folded"),
    pytest.param("TA", "TACE", id="prefix-of-short"),
    pytest.param("SINEN", "SI-NEN", id="hyphen-ignored"),
    pytest.param("IFN-alpha", "IFNa", id="spelling-variant"),
    pytest.param("transarterial chemo", "TACE", id="reverse-long-form-prefix"),
    pytest.param("TCAE", "TACE", id="typo-swap-in-short"),
    pytest.param("transplantaton", "OLT", id="typo-in-long-form"),
    pytest.param("embolisation", "PVE", id="british-spelling-typo-tolerant"),
    pytest.param("embolisaton", "PVE", id="two-slips-in-one-word"),
])
def test_first_hit(glossary, text, first):
    assert shorts(filter_entries(glossary, text))[0] == first


@pytest.mark.parametrize("text, expected", [
    pytest.param("portal", {"PVE", "PVL", "ALPPS"}, id="word-of-long-form"),
    pytest.param("liver", {"NELM", "OLT", "ALPPS"}, id="liver-both-directions"),
    pytest.param("poral vein", {"PVE", "PVL", "ALPPS"}, id="slip-in-a-multi-word-text"),
])
def test_reverse_direction_finds_all_review_entries(glossary, text, expected):
    review = {e.short for e in filter_entries(glossary, text) if e.source == "review"}
    assert expected <= review


@pytest.mark.parametrize("text, expected", [
    pytest.param("emb", {"TACE", "TAE", "RE", "PVE"}, id="three-letters-inside-chemoembolization"),
    pytest.param("embol", {"TACE", "TAE", "RE", "PVE"}, id="longer-part-of-a-compound"),
])
def test_part_of_a_compound_word_matches_from_three_characters(glossary, text, expected):
    """"chemoembolization" is "chemo" + "embolization", and "embolization" is a word of TAE's
    long form, so the part after "chemo" is searchable like a word of its own."""
    assert expected <= set(shorts(filter_entries(glossary, text)))


def test_review_entries_before_supplementary_within_a_tier(glossary):
    """"liver" is a word of NELM, OLT, ALPPS (review) and of LT, FLR (supplementary):
    all five are long-form matches, so the review's come first."""
    sources = [e.source for e in filter_entries(glossary, "liver")]
    assert "supplementary" in sources
    first_supp = sources.index("supplementary")
    assert all(s == "supplementary" for s in sources[first_supp:])


def test_exact_supplementary_outranks_review_typo_neighbour(glossary):
    """"NET" is a supplementary entry; the review's NEN is only one edit away."""
    found = shorts(filter_entries(glossary, "NET"))
    assert found[0] == "NET"
    assert found.index("NET") < found.index("NEN")


def test_supplementary_entries_keep_their_source(glossary):
    (entry,) = [e for e in filter_entries(glossary, "RFA") if e.short == "RFA"]
    assert entry.source == "supplementary" and entry.unit_id is None


@pytest.mark.parametrize("text", [
    pytest.param("x", id="one-letter-inside-a-word"),
    pytest.param("net", id="never-mid-word-for-three-letters") ,
    pytest.param("zzzzqqq", id="nonsense"),
])
def test_no_noise(glossary, text):
    found = filter_entries(glossary, text)
    # "net" may match NET, PanNET, ENETS and the word "Network", never "magnetic" (MRI)
    assert "MRI" not in shorts(found)
    if text != "net":
        assert found == []


def test_empty_text_lists_review_then_supplementary(glossary):
    everything = filter_entries(glossary, "   ", limit=1000)
    assert shorts(everything[:len(glossary.entries)]) == shorts(glossary.entries)
    assert len(everything) == len(glossary.entries) + len(glossary.supplementary)


def test_limit(glossary):
    assert len(filter_entries(glossary, "", limit=3)) == 3
    assert len(filter_entries(glossary, "e", limit=2)) <= 2


@pytest.mark.parametrize("text, limit, message", [
    pytest.param(None, 30, "must be a string, was: NoneType", id="not-text"),
    pytest.param("TACE", 0, "limit must be between 1 and 1000, was: 0", id="zero-limit"),
])
def test_bad_arguments(glossary, text, limit, message):
    with pytest.raises(InvalidQuestionError, match=message):
        filter_entries(glossary, text, limit)


def test_filter_is_fast(glossary):
    """It runs on every pause in typing: well under a frame for the whole glossary."""
    import time

    started = time.perf_counter()
    for text in ("t", "ta", "tac", "tace", "transplantaton", "embolisation") * 20:
        filter_entries(glossary, text)
    assert (time.perf_counter() - started) / 120 < 0.02
