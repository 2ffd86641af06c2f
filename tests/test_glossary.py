"""The review's glossary: what it holds, how it is found, and how questions reach it.

Known answers come from the seed page itself: the abstract defines NEN (sentence 1) and
NELM (sentence 2) in parentheses; the Figure 2 caption is a legend of twelve more pairs,
one of them printed "PPRT" where the initials of its expansion spell PRRT.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.bench import bench_lookup
from ingest.parse import parse_pubmed_page
from rag.core.errors import ConfigError, IndexStaleError, InvalidArgumentError
from rag.glossary.extract.pairs import extract_abbreviations
from rag.glossary.questions import parse_glossary_question, parse_glossary_terms
from rag.glossary.replies import answer_glossary, answer_glossary_terms
from rag.glossary.store import Glossary, GlossaryEntry, build_glossary, load_supplementary
from rag.glossary.keys import plausible_slip, greek_variants, standard_spelling, typed_as_word, typing_slip

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "machairas2021_nelm_review_pubmed.txt"
CORPORA = ROOT.parent / "shared" / "abbreviation-corpora"

REVIEW_PAIRS = [
    ("NEN", "Neuroendocrine neoplasms", "abstract-s1"),
    ("NELM", "neuroendocrine liver metastases", "abstract-s2"),
    ("TACE", "transarterial chemoembolization", "figure-2"),
    ("TAE", "transarterial embolization", "figure-2"),
    ("RE", "radio-embolization", "figure-2"),
    ("PPRT", "peptide receptor radionuclide therapy", "figure-2"),
    ("OLT", "orthotopic liver transplantation", "figure-2"),
    ("SA", "somatostatin analogues", "figure-2"),
    ("panNEN", "pancreatic neuroendocrine neoplasm", "figure-2"),
    ("IFNa", "interferon alpha", "figure-2"),
    ("SI-NEN", "small intestine neuroendocrine neoplasm", "figure-2"),
    ("PVE", "portal vein embolization", "figure-2"),
    ("PVL", "portal vein ligation", "figure-2"),
    ("ALPPS", "associating liver partition and portal vein ligation for staged hepatectomy", "figure-2"),
]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return build_glossary(parse_pubmed_page(SEED).units)


def by_short(g: Glossary, short: str) -> GlossaryEntry:
    return next(e for e in g.entries if e.short == short)


# --- what the glossary holds -------------------------------------------------------

def test_the_glossary_holds_exactly_the_fourteen_pairs_of_the_review(glossary):
    assert [e.short for e in glossary.entries] == [s for s, _, _ in REVIEW_PAIRS]


@pytest.mark.parametrize("short,long,unit_id", REVIEW_PAIRS, ids=[p[0] for p in REVIEW_PAIRS])
def test_each_review_pair_is_found_with_the_unit_that_defines_it(glossary, short, long, unit_id):
    result = glossary.lookup(short)
    assert result.match_kind == "exact"
    (entry,) = result.matches
    assert (entry.short, entry.long, entry.unit_id, entry.source) == (short, long, unit_id, "review")


@pytest.mark.parametrize("short,sentence", [
    pytest.param("NEN", "Neuroendocrine neoplasms (NEN) are frequently characterized", id="abstract-sentence"),
    pytest.param("TACE", "TACE, transarterial chemoembolization", id="legend-item"),
    pytest.param("OLT", "OLT, orthotopic liver transplantation", id="legend-item-after-comma-slip"),
])
def test_provenance_is_the_defining_sentence_or_legend_item(glossary, short, sentence):
    entry = by_short(glossary, short)
    units = {u.id: u for u in parse_pubmed_page(SEED).units}
    assert entry.sentence.startswith(sentence) and entry.sentence in units[entry.unit_id].text


def test_extract_abbreviations_is_re_exported():
    assert [(a.short, a.long) for a in extract_abbreviations("portal vein ligation (PVL)")] == \
        [("PVL", "portal vein ligation")]


def test_the_glossary_follows_a_changed_caption(tmp_path):
    """Nothing is typed in by hand: edit the caption in a copy of the seed and rebuild."""
    page = SEED.read_text(encoding="utf-8")
    edited = (page.replace("PVL, portal vein ligation", "PVL, percutaneous venous lavage")
                  .replace("SA, somatostatin analogues; ", "")
                  .replace("PVE, portal vein embolization;", "HAI, hepatic arterial infusion; PVE, portal vein embolization;")
                  .replace("PPRT, peptide", "PRRT, peptide"))
    assert edited.count("HAI, hepatic") == 1  # the edits hit the caption
    copy = tmp_path / "machairas2021_nelm_review_pubmed.txt"
    copy.write_text(edited, encoding="utf-8")
    g = build_glossary(parse_pubmed_page(copy).units)
    shorts = {e.short: e for e in g.entries}
    assert shorts["PVL"].long == "percutaneous venous lavage"
    assert shorts["HAI"].long == "hepatic arterial infusion" and shorts["HAI"].unit_id == "figure-2"
    assert "SA" not in shorts and "PPRT" not in shorts
    assert shorts["PRRT"].variants == () and shorts["PRRT"].note is None
    # with SA gone from the review, the supplementary SSA is no longer hidden
    assert [(m.short, m.source) for m in g.lookup("somatostatin analogues").matches] == [("SSA", "supplementary")]


# --- variants ------------------------------------------------------------------------

@pytest.mark.parametrize("term,kind", [
    pytest.param("PPRT", "exact", id="as-printed"),
    pytest.param("PRRT", "variant", id="standard-spelling"),
    pytest.param("prrt", "variant", id="standard-lowercase"),
])
def test_pprt_and_prrt_find_one_entry_that_says_which_spelling_the_review_uses(glossary, term, kind):
    result = glossary.lookup(term)
    assert (result.match_kind, [m.short for m in result.matches]) == (kind, ["PPRT"])
    answer = answer_glossary(result)
    assert "The review prints PPRT" in answer and "is PRRT" in answer and "[figure-2]" in answer


@pytest.mark.parametrize("term", ["IFNa", "IFN-a", "IFN-alpha", "IFN-α", "IFNα", "IFN alpha", "ifn-ALPHA"])
def test_interferon_alpha_spellings_are_one_entry(glossary, term):
    result = glossary.lookup(term)
    assert result.match_kind in ("exact", "variant")
    assert [m.short for m in result.matches] == ["IFNa"]


@pytest.mark.parametrize("short,long,expected", [
    pytest.param("PPRT", "peptide receptor radionuclide therapy", "PRRT", id="letter-doubled-over-neighbour"),
    pytest.param("PRTT", "peptide receptor radionuclide therapy", "PRRT", id="other-neighbour-doubled"),
    pytest.param("PRRT", "peptide receptor radionuclide therapy", None, id="already-initials"),
    pytest.param("TCA", "tricarboxylic acid cycle", None, id="deliberate-in-word-letter"),
    pytest.param("TSWV", "tomato spotted wilt tospovirus", None, id="substitution-not-a-doubling"),
    pytest.param("OLT", "orthotopic liver transplantation", None, id="matches"),
    pytest.param("SA", "somatostatin analogues", None, id="too-short-to-judge"),
    pytest.param("NSF", "N-ethyl maleimide-sensitive factor", None, id="long-form-not-plain-words"),
])
def test_standard_spelling_rule(short, long, expected):
    assert standard_spelling(short, long) == expected


@pytest.mark.skipif(not CORPORA.is_dir(), reason=f"gold corpora not found at {CORPORA}")
def test_standard_spelling_rule_fires_on_no_gold_definition():
    """The rule claims a spelling is 'standard'; on 1,125 curated definitions it must stay quiet."""
    from eval.abbreviations import CORPORA as FILES, load_bioc

    fired = [(s, l) for name in FILES.values() for doc in load_bioc(CORPORA / name)
             for s, l in doc.pairs if standard_spelling(s, l)]
    assert fired == []


@pytest.mark.parametrize("short,long,expected", [
    pytest.param("IFNa", "interferon alpha", ["IFN-a", "IFN-alpha", "IFN-α", "IFNalpha", "IFNα"], id="latin-letter"),
    pytest.param("TNF-α", "tumour necrosis factor alpha", ["TNF-a", "TNF-alpha", "TNFa", "TNFalpha", "TNFα"], id="symbol"),
    pytest.param("ER beta", "estrogen receptor beta", ["ER-b", "ER-beta", "ER-β", "ERb", "ERbeta", "ERβ"], id="spaced-name"),
    pytest.param("SA", "somatostatin analogues", [], id="no-greek"),
])
def test_greek_letter_variants(short, long, expected):
    assert greek_variants(short, long) == expected


@pytest.mark.parametrize("term,short", [
    ("NELMs", "NELM"), ("nelm", "NELM"), ("tace", "TACE"), ("TACEs", "TACE"), ("NELM's", "NELM"),
    ("panNENs", "panNEN"), ("PANNEN", "panNEN"), ("SINEN", "SI-NEN"), ("si nen", "SI-NEN"), ("“OLT”", "OLT"),
])
def test_case_plurals_and_separators_match(glossary, term, short):
    result = glossary.lookup(term)
    assert (result.match_kind, [m.short for m in result.matches]) == ("exact", [short])


def test_an_all_capitals_s_is_part_of_the_abbreviation_not_a_plural(glossary):
    assert glossary.lookup("RES").match_kind == "fuzzy"  # offered as "did you mean RE", not matched


# --- both directions and typos -------------------------------------------------------

@pytest.mark.parametrize("term,shorts", [
    pytest.param("portal vein ligation", ["PVL"], id="full-long-form-beats-ALPPS-containing-it"),
    pytest.param("somatostatin analogues", ["SA"], id="somatostatin-analogues"),
    pytest.param("somatostatin analogs", ["SA"], id="american-plural"),
    pytest.param("liver transplantation", ["OLT"], id="part-of-long-form"),
    pytest.param("transarterial chemoembolisation", ["TACE"], id="british-spelling"),
    pytest.param("neuroendocrine liver metastasis", ["NELM"], id="singular"),
    pytest.param("interferon-α", ["IFNa"], id="greek-symbol"),
    pytest.param("the peptide receptor radionuclide therapy", ["PPRT"], id="leading-article"),
    pytest.param("embolization", ["TAE", "RE", "PVE"], id="one-word-several-entries"),
    pytest.param("future liver remnant", ["FLR"], id="supplementary"),
    pytest.param("radioembolisation", ["RE"], id="closed-up-spelling-finds-the-review-entry"),
])
def test_reverse_lookup(glossary, term, shorts):
    result = glossary.lookup(term)
    assert (result.match_kind, [m.short for m in result.matches]) == ("reverse", shorts)


@pytest.mark.parametrize("term,suggestion", [
    pytest.param("TCAE", "TACE", id="transposed-letters"),
    pytest.param("ALLPS", "ALPPS", id="doubled-letter"),
    pytest.param("PVLL", "PVL", id="extra-letter"),
    pytest.param("portal vien ligation", "portal vein ligation", id="long-form-typo"),
    pytest.param("liver transplantaton", "liver transplantation", id="partial-long-form-typo"),
])
def test_typos_get_a_labelled_did_you_mean_never_a_silent_match(glossary, term, suggestion):
    result = glossary.lookup(term)
    assert result.match_kind == "fuzzy" and result.matches == ()
    assert result.did_you_mean[0] == suggestion
    assert "Did you mean" in answer_glossary(result, glossary)


@pytest.mark.parametrize("term,kind", [("TACE", "exact"), ("tace", "exact"), ("PRRT", "variant"), ('"NELM"?', "exact"),
                                       ("TCAE", None), ("liver transplantation", None), ("", None)])
def test_short_match_is_the_lookup_of_a_form_as_typed_without_its_did_you_mean(glossary, term, kind):
    found = glossary.short_match(term)
    assert (found[0] if found else None) == kind
    if kind:
        assert found[1] == glossary.lookup(term).matches


@pytest.mark.parametrize("term", ["xyzzy", "", "   ", "??", "G7"])
def test_unknown_terms_get_an_honest_no_match(glossary, term):
    result = glossary.lookup(term)
    assert (result.match_kind, result.matches, result.did_you_mean) == ("none", (), ())
    assert "not defined in this review" in answer_glossary(result)


# --- supplementary list ----------------------------------------------------------------

REQUIRED_SUPPLEMENTARY = ["ENETS", "SSTR", "SIRT", "RFA", "MWA", "FLR", "GEP-NEN", "NET", "NEC", "Ki-67",
                          "CgA", "5-HIAA"]


@pytest.mark.parametrize("short", REQUIRED_SUPPLEMENTARY)
def test_supplementary_entries_are_labelled_and_sourced(glossary, short):
    (entry,) = glossary.lookup(short).matches
    assert entry.source == "supplementary" and entry.unit_id is None and entry.sentence is None
    assert len(entry.note) > 10
    assert f"not defined in this review; source: {entry.note})" in answer_glossary(glossary.lookup(short))


def test_an_outside_term_for_what_the_review_names_points_to_the_review_s_own_entry(glossary):
    """SIRT is not the review's word; its description is no source, and the answer shows
    where the review speaks of the same thing (RE, in the Figure 2 legend)."""
    answer = answer_glossary(glossary.lookup("SIRT"), glossary)
    assert "(yttrium-90 radioembolization; not defined in this review; source: ENETS" in answer
    assert "The review's own term for it: **RE** — radio-embolization [figure-2]" in answer
    assert "review's own term" not in answer_glossary(glossary.lookup("CgA"), glossary)


def test_an_index_s_glossary_gets_the_supplementary_list_as_packaged_now(glossary):
    """The supplementary list is product data: an index built before an entry was corrected
    still answers with the corrected entry."""
    stored = glossary.to_dict()
    stored["supplementary"] = [dict(e, note="an old source") for e in stored["supplementary"]]
    assert Glossary.from_index(stored).lookup("SIRT").matches[0].note == load_supplementary_entry("SIRT").note
    assert Glossary.from_index(stored).entries == glossary.entries


def load_supplementary_entry(short: str) -> GlossaryEntry:
    return next(e for e in load_supplementary() if e.short == short)


def test_the_supplementary_list_defines_nothing_the_review_defines(glossary):
    assert glossary.shadowed == ()
    review_forms = {e.short.casefold() for e in glossary.entries}
    assert not review_forms & {e.short.casefold() for e in glossary.supplementary}


def test_a_review_definition_hides_a_supplementary_one():
    units = parse_pubmed_page(SEED).units
    clash = [GlossaryEntry("TACE", "trans-arterial chemo-embolisation", "supplementary", note="x"),
             GlossaryEntry("PRRT", "peptide receptor radionuclide therapy", "supplementary", note="y"),
             GlossaryEntry("LT", "liver transplantation", "supplementary", note="z")]
    g = build_glossary(units, supplementary=clash)
    assert [e.short for e in g.shadowed] == ["TACE", "PRRT"]
    assert [m.source for m in g.lookup("TACE").matches] == ["review"]
    assert [m.short for m in g.lookup("PRRT").matches] == ["PPRT"]
    assert [m.short for m in g.lookup("liver transplantation").matches] == ["OLT"]  # review claims the phrase
    assert [m.short for m in g.lookup("LT").matches] == ["LT"]


def test_where_the_review_matches_a_phrase_supplementary_entries_are_not_shown():
    """"metastases" is part of NELM's long form, so LM stays hidden; "tumour" is the review's
    nowhere, so the supplementary NET answers it."""
    g = Glossary((GlossaryEntry("NELM", "neuroendocrine liver metastases", "review", "abstract-s2"),),
                 (GlossaryEntry("LM", "liver metastases", "supplementary", note="n"),
                  GlossaryEntry("NET", "neuroendocrine tumour", "supplementary", note="n")))
    assert [m.short for m in g.lookup("metastases").matches] == ["NELM"]
    assert [m.short for m in g.lookup("tumour").matches] == ["NET"]


def test_a_malformed_supplementary_file_names_the_entry(tmp_path):
    bad = tmp_path / "supp.json"
    bad.write_text(json.dumps({"entries": [{"short": "X", "long": "x"}]}), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"Supplementary abbreviation 0 .* needs string 'short', 'long' and 'source'"):
        load_supplementary(bad)


def test_an_entry_with_an_unknown_source_is_refused():
    with pytest.raises(ConfigError, match="source must be one of .* was: 'web'"):
        GlossaryEntry("X", "x", "web")


# --- persistence ------------------------------------------------------------------------

def test_json_round_trip(glossary):
    again = Glossary.from_dict(json.loads(json.dumps(glossary.to_dict(), ensure_ascii=False)))
    assert again == glossary
    for term in ("PRRT", "IFN-α", "liver transplantation", "TCAE", "SIRT"):
        assert again.lookup(term) == glossary.lookup(term)


def test_two_documents_defining_one_short_form_keep_both_entries_through_a_round_trip():
    """The study (tests/data) defines "SA, salvage ablation"; the review's legend "SA,
    somatostatin analogues". Both stay, each with its document, also after glossary.json."""
    study = ROOT / "tests" / "data" / "bertolini2022_salvage_ablation_pubmed.txt"
    units = [u for page in (study, SEED) for u in parse_pubmed_page(page, prefix_ids=True).units]
    built = build_glossary(units, supplementary=())
    again = Glossary.from_dict(json.loads(json.dumps(built.to_dict())))
    expected = [("salvage ablation", "bertolini2022", "bertolini2022:abstract-s2"),
                ("somatostatin analogues", "machairas2021", "machairas2021:figure-2")]
    for glossary in (built, again):
        assert [(e.long, e.doc_key, e.unit_id) for e in glossary.lookup("SA").matches] == expected


def test_a_malformed_glossary_json_asks_for_a_rebuild():
    with pytest.raises(IndexStaleError, match="glossary.json is malformed.*python -m ingest"):
        Glossary.from_dict({"entries": [{"short": "X"}]})


# --- chat routing and answers ---------------------------------------------------------

@pytest.mark.parametrize("question,term", [
    pytest.param("What does TACE stand for?", "TACE", id="stand-for"),
    pytest.param("what does the abbreviation RE stand for", "RE", id="stand-for-the-abbreviation"),
    pytest.param("TACE?", "TACE", id="bare"),
    pytest.param("PRRT", "PRRT", id="bare-variant"),
    pytest.param("meaning of OLT", "OLT", id="meaning-of"),
    pytest.param("What is the meaning of PVE?", "PVE", id="what-is-the-meaning-of"),
    pytest.param("abbreviation for somatostatin analogues", "somatostatin analogues", id="abbreviation-for"),
    pytest.param("what is the abbreviation for portal vein ligation", "portal vein ligation", id="what-is-the-abbreviation"),
    pytest.param("How is portal vein ligation abbreviated?", "portal vein ligation", id="abbreviated"),
    pytest.param("define ALPPS", "ALPPS", id="define"),
    pytest.param("what is SI-NEN", "SI-NEN", id="what-is-known-short-form"),
    pytest.param("What are NELMs?", "NELMs", id="what-are-plural"),
    pytest.param("What is TCAE?", "TCAE", id="typo-shaped-like-an-abbreviation"),
    pytest.param("What does “IFN-α” mean?", "IFN-α", id="what-does-mean-quoted"),
    pytest.param("What is Ki-67?", "Ki-67", id="supplementary"),
    pytest.param("What\u2019s ALPPS", "ALPPS", id="curly-apostrophe"),
    pytest.param("What does RE mean in the figure legend?", "RE", id="where-the-reader-met-it"),
    pytest.param("Expand ALLPS", "ALLPS", id="expand-a-typo"),
    pytest.param("What does TACE mean here?", "TACE", id="mean-here"),
    pytest.param("ALPPS procedure meaning", "ALPPS", id="kind-noun-after-the-short-form"),
    pytest.param("liver transplant abbreviation", "liver transplant", id="long-form-then-abbreviation"),
])
def test_glossary_questions_are_routed(glossary, question, term):
    assert parse_glossary_question(question, glossary) == term


@pytest.mark.parametrize("question", [
    pytest.param("What is the role of TACE in unresectable NELM?", id="role-of"),
    pytest.param("When is OLT indicated?", id="indication"),
    pytest.param("How should a G2 panNEN be treated?", id="treatment"),
    pytest.param("Is TACE better than TAE?", id="comparison"),
    pytest.param("What is liver transplantation?", id="what-is-a-concept"),
    pytest.param("define resectable disease", id="define-a-concept"),
    pytest.param("What does resectable mean?", id="what-does-a-word-mean"),
    pytest.param("What are the Milan criteria?", id="criteria"),
    pytest.param("", id="empty"),
])
def test_content_questions_are_not_routed(glossary, question):
    assert parse_glossary_question(question, glossary) is None


# How people type abbreviation questions: chat spellings of the frame, lower case, slips,
# and several terms at once. Each case states the terms found; () means "not a glossary question".
@pytest.mark.parametrize("question,terms", [
    # chat spellings of the frame words ("wat", "whats", "4", "=", "u", "r")
    pytest.param("wats PVL", ("PVL",), id="wats"),
    pytest.param("wat is TACE", ("TACE",), id="wat-is"),
    pytest.param("wot is NELM?", ("NELM",), id="wot-is"),
    pytest.param("whats the full form of TAE?", ("TAE",), id="whats-the-full-form-of"),
    pytest.param("PVL stands 4", ("PVL",), id="stands-4"),
    pytest.param("SI-NEN =", ("SI-NEN",), id="equals-sign"),
    pytest.param("SI-NEN=?", ("SI-NEN",), id="equals-sign-closed-up"),
    pytest.param("what does u mean by PVE", ("PVE",), id="u-mean-by"),
    pytest.param("what r PVE and PVL", ("PVE", "PVL"), id="r-for-are-and-two-terms"),
    # frames in standard spelling the earlier patterns missed
    pytest.param("full form of TAE", ("TAE",), id="full-form-of"),
    pytest.param("TAE full form", ("TAE",), id="term-then-full-form"),
    pytest.param("SI-NEN means?", ("SI-NEN",), id="term-means"),
    pytest.param("the abbreviation used for portal vein embolization", ("portal vein embolization",),
                 id="abbreviation-used-for"),
    pytest.param("what's the short form for portal vein ligation", ("portal vein ligation",), id="short-form-for"),
    pytest.param("what do the letters TACE mean", ("TACE",), id="the-letters"),
    pytest.param("what is meant by the acronym OLT", ("OLT",), id="meant-by-the-acronym"),
    pytest.param("what does TACE means", ("TACE",), id="does-x-means-agreement-slip"),
    pytest.param("what is TACE meaning", ("TACE",), id="what-is-x-meaning"),
    pytest.param("what is g3", ("g3",), id="a-digit-is-no-english-word"),
    # lower case and slips of a known short form
    pytest.param("tace", ("tace",), id="lower-case-bare"),
    pytest.param("pvl?", ("pvl",), id="lower-case-three-letters"),
    pytest.param("meaning of alpps", ("alpps",), id="lower-case-meaning-of"),
    pytest.param("wat does olt mean", ("olt",), id="lower-case-text-speak"),
    pytest.param("allps", ("allps",), id="lower-case-doubled-letter-slip"),
    pytest.param("what is tcae", ("tcae",), id="lower-case-swapped-letters-slip"),
    # several terms in one question
    pytest.param("what do TACE and TAE stand for?", ("TACE", "TAE"), id="two-stand-for"),
    pytest.param("TACE vs TAE", ("TACE", "TAE"), id="vs"),
    pytest.param("TACE versus TAE?", ("TACE", "TAE"), id="versus"),
    pytest.param("TACE/TAE?", ("TACE", "TAE"), id="slash"),
    pytest.param("define OLT, RE", ("OLT", "RE"), id="comma"),
    pytest.param("TACE, TAE and RE", ("TACE", "TAE", "RE"), id="three-listed"),
    pytest.param("what is TACE or TAE", ("TACE", "TAE"), id="or"),
    pytest.param("difference between PVE and PVL abbreviations", ("PVE", "PVL"), id="difference-between-abbreviations"),
    pytest.param("what are the abbreviations PVE and PVL", ("PVE", "PVL"), id="the-abbreviations-x-and-y"),
    # whether two short forms differ is answered by defining both
    pytest.param("what is the difference between TACE and TAE?", ("TACE", "TAE"), id="difference-between"),
    pytest.param("is TARE the same as RE?", ("TARE", "RE"), id="same-as"),
    # courtesy, embedded questions, and more frames
    pytest.param("define PRRT pls", ("PRRT",), id="trailing-please"),
    pytest.param("can u tell me what MWA is", ("MWA",), id="embedded-question"),
    pytest.param("hi, what does PVL stand for", ("PVL",), id="greeting"),
    pytest.param("the term NELM refers to?", ("NELM",), id="refers-to"),
    pytest.param("what's the long name for OLT", ("OLT",), id="long-name-for"),
    pytest.param("what abbreviation is used for transarterial chemoembolization",
                 ("transarterial chemoembolization",), id="what-abbreviation-is-used-for"),
    pytest.param("TACE full name", ("TACE",), id="term-then-full-name"),
    pytest.param("spell out TACE", ("TACE",), id="spell-out"),
    pytest.param("whats SI-NEN stand 4", ("SI-NEN",), id="what-is-x-stand-for"),
    pytest.param("TACE means what", ("TACE",), id="means-what"),
    pytest.param("what is meant by TACE in figure 2", ("TACE",), id="meant-by-with-where"),
    pytest.param("could you define PVL for me", ("PVL",), id="for-me"),
    pytest.param("define: PVL", ("PVL",), id="define-colon"),
    pytest.param("SA in fig 2?", ("SA",), id="bare-term-with-where"),
    pytest.param("PVL - what's that?", ("PVL",), id="what-is-that"),
    pytest.param("I don't know what ALPPS is", ("ALPPS",), id="do-not-know-what"),
    pytest.param("does TAE mean transarterial embolization?", ("TAE",), id="a-guess-at-the-expansion"),
    pytest.param("in figure 2, what does PPRT stand for", ("PPRT",), id="where-first"),
    pytest.param("and what does ALPPS stand for?", ("ALPPS",), id="conversational-and"),
    pytest.param("what is the abbreviation for radioembolization in the figure", ("radioembolization",),
                 id="long-form-then-where"),
    pytest.param("TACE and tace and TAE", ("TACE", "TAE"), id="a-repeat-is-asked-once"),
    pytest.param("what do TACE and TCAE stand for", ("TACE", "TCAE"), id="a-typo-among-them"),
    pytest.param("abbreviation for portal vein embolization and portal vein ligation",
                 ("portal vein embolization", "portal vein ligation"), id="two-long-forms"),
    # an entry that holds a separator is not split
    pytest.param("what does PET/CT stand for", ("PET/CT",), id="slash-inside-an-entry"),
    pytest.param("abbreviation for associating liver partition and portal vein ligation for staged hepatectomy",
                 ("associating liver partition and portal vein ligation for staged hepatectomy",),
                 id="and-inside-a-long-form"),
    # not glossary questions: content questions, and English words typed as words
    pytest.param("What is the role of TACE in unresectable NELM?", (), id="role-of"),
    pytest.param("When is OLT indicated?", (), id="indication"),
    pytest.param("Is RE better than TACE?", (), id="comparison-of-treatments"),
    pytest.param("Is surgery the same as resection?", (), id="same-as-between-words"),
    pytest.param("Can you tell me about TACE?", (), id="tell-me-about-is-content"),
    pytest.param("does surgery mean cure?", (), id="does-a-word-mean"),
    pytest.param("Does TACE work?", (), id="does-x-work"),
    pytest.param("TACE in unresectable NELM?", (), id="term-in-a-setting"),
    pytest.param("And TAE?", (), id="bare-and-is-a-follow-up"),
    pytest.param("what is tace and when is it used", (), id="a-part-that-is-no-term"),
    pytest.param("wat is the role of TACE", (), id="text-speak-content-question"),
    pytest.param("re", (), id="re-typed-as-a-word"),
    pytest.param("what is re", (), id="what-is-re"),
    pytest.param("meaning of re", (), id="meaning-of-re"),
    pytest.param("sa", (), id="sa"),
    pytest.param("net benefit", (), id="net-benefit"),
    pytest.param("what is the net benefit", (), id="what-is-the-net-benefit"),
    pytest.param("what is who", (), id="stop-word"),
    pytest.param("what is race", (), id="a-word-one-letter-off-tace"),
    pytest.param("tale", (), id="a-word-one-letter-off-tae"),
    pytest.param("what is alps", (), id="a-word-one-letter-short-of-alpps"),
    pytest.param("tea", (), id="a-three-letter-swap-is-a-word"),
    # conjuncts are of one kind: listed beside a short form, "re" is the entry RE (alone it stays the word)
    pytest.param("define olt, re", ("olt", "re"), id="a-lower-case-entry-listed-beside-a-short-form"),
    pytest.param("define re", (), id="a-lower-case-entry-alone-stays-a-word"),
    pytest.param("what is stage 4", (), id="a-digit-after-a-noun-stays-a-number"),
    pytest.param("what does resectable means", (), id="a-word-with-the-agreement-slip"),
])
def test_how_people_type_abbreviation_questions(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms
    assert parse_glossary_question(question, glossary) == (terms[0] if terms else None)


@pytest.mark.parametrize("typed,intended,kind", [
    pytest.param("allps", "alpps", "double", id="doubled-over-neighbour"),
    pytest.param("PPRT", "PRRT", "double", id="printed-slip"),
    pytest.param("tcae", "tace", "swap", id="neighbours-swapped"),
    pytest.param("tale", "tace", None, id="substitution"),
    pytest.param("alps", "alpps", None, id="deletion"),
    pytest.param("tace", "tace", None, id="no-slip"),
    pytest.param("ctae", "tace", None, id="two-letters-far-apart"),
])
def test_typing_slip(typed, intended, kind):
    assert typing_slip(typed, intended) == kind


@pytest.mark.parametrize("term,as_word", [
    ("tace", True), ("Tace", True), ("Ki-67", True), ("TACE", False), ("panNEN", False), ("IFNa", False),
])
def test_typed_as_word(term, as_word):
    assert typed_as_word(term) is as_word


def test_several_terms_are_answered_each_with_its_citation(glossary):
    lookups = [glossary.lookup(t) for t in ("TACE", "NEN")]
    assert answer_glossary_terms(lookups, glossary) == (
        "**TACE** — transarterial chemoembolization [figure-2]\n\n"
        "**NEN** — Neuroendocrine neoplasms [abstract-s1]")
    assert answer_glossary_terms(lookups[:1], glossary) == answer_glossary(lookups[0], glossary)


def test_the_pipeline_answers_every_term_and_cites_each(fake_index, fake_embedder):
    """`rag.route_answers.answer_glossary`: one lookup per term, one citation span per definition; the
    retrieval fallback is for a question none of whose terms is found."""
    from rag.core.index import load_index
    from rag.pipeline import Pipeline

    pipeline = Pipeline(load_index(fake_index), fake_embedder, fake_index)
    answer = pipeline.ask("define OLT, NELM")
    assert answer.route == "glossary" and not answer.abstained
    assert "orthotopic liver transplantation [figure-2]" in answer.answer
    assert "neuroendocrine liver metastases [abstract-s2]" in answer.answer
    cited = {(c.unit_id, c.text[c.span[0]:c.span[1]]) for c in answer.citations}
    assert cited == {("figure-2", "OLT, orthotopic liver transplantation"),
                     ("abstract-s2", next(e.sentence for e in pipeline.glossary.entries if e.short == "NELM"))}
    partly = pipeline.ask("what do TACE and XQZV stand for")
    assert partly.route == "glossary" and "transarterial chemoembolization" in partly.answer
    assert "\u201cXQZV\u201d is not defined in this review" in partly.answer


@pytest.mark.parametrize("term,answer", [
    pytest.param("TACE", "**TACE** — transarterial chemoembolization [figure-2]", id="exact"),
    pytest.param("NELMs", "**NELM** — neuroendocrine liver metastases [abstract-s2]", id="plural"),
    pytest.param("IFN-α", "**IFNa** — interferon alpha [figure-2]\n\n"
                 "\u201cIFN-α\u201d is another spelling of IFNa, the one the review prints.", id="variant"),
    pytest.param("portal vein ligation", "\u201cportal vein ligation\u201d is abbreviated in the glossary as:\n"
                 "- **PVL** — portal vein ligation [figure-2]", id="reverse"),
    pytest.param("TCAE", "No glossary entry matches \u201cTCAE\u201d. Did you mean **TACE** "
                 "(transarterial chemoembolization) or **TAE** (transarterial embolization)?", id="fuzzy"),
])
def test_answers(glossary, term, answer):
    assert answer_glossary(glossary.lookup(term), glossary) == answer


@pytest.mark.parametrize("query,expected", [
    pytest.param("What is the role of TACE in unresectable NELMs?",
                 [("TACE", "transarterial chemoembolization"), ("NELMs", "neuroendocrine liver metastases")],
                 id="abbreviations"),
    pytest.param("Criteria for liver transplantation", [("liver transplantation", "OLT")], id="qualifier-dropped"),
    pytest.param("peptide receptor radionuclide therapy after SA",
                 [("SA", "somatostatin analogues"), ("peptide receptor radionuclide therapy", "PPRT")],
                 id="long-form"),
    pytest.param("Is PRRT useful?", [("PRRT", "peptide receptor radionuclide therapy"), ("PRRT", "PPRT")],
                 id="variant-also-maps-to-printed-spelling"),
    pytest.param("IFN alpha dose", [("IFN alpha", "interferon alpha"), ("IFN alpha", "IFNa")], id="two-token-variant"),
    pytest.param("neuroendocrine neoplasms", [("neuroendocrine neoplasms", "NEN")], id="tail-of-panNEN-is-NEN"),
    pytest.param("net benefit of re-resection, sa", [], id="lowercase-english-words"),
    pytest.param("SIRT versus TACE", [("SIRT", "selective internal radiation therapy"),
                                      ("TACE", "transarterial chemoembolization")], id="supplementary"),
])
def test_expansions_for_query_expansion(glossary, query, expected):
    assert glossary.expansions_for(query) == expected


def test_expansions_can_leave_out_the_supplementary_list(glossary):
    """Outside short forms expand only when they name a thing the review defines (SIRT is its RE); one for a
    thing the review never defines (MWA) expands to nothing."""
    assert glossary.expansions_for("SIRT versus TACE", include_supplementary=False) == \
        [("SIRT", "selective internal radiation therapy"), ("TACE", "transarterial chemoembolization")]
    assert glossary.expansions_for("MWA", include_supplementary=False) == []


# --- CLI, benchmark helper, imports ---------------------------------------------------

def _cli(glossary, argv, capsys):
    from rag.cli.abbr import add_parser

    parser = argparse.ArgumentParser(prog="python -m rag")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    status = args.func(args, glossary)
    return status, capsys.readouterr()


def test_cli_all_json_lists_every_entry(glossary, capsys):
    status, out = _cli(glossary, ["abbr", "--all", "--json"], capsys)
    rows = json.loads(out.out)
    assert status == 0 and len(rows) == len(glossary.entries) + len(glossary.supplementary)
    assert rows[5] == {"short": "PPRT", "long": "peptide receptor radionuclide therapy", "source": "review",
                       "unit_id": "figure-2", "variants": ["PRRT"], "note": by_short(glossary, "PPRT").note}
    assert {r["source"] for r in rows[14:]} == {"supplementary"}


@pytest.mark.parametrize("argv,status,text", [
    pytest.param(["abbr", "TACE"], 0, "TACE — transarterial chemoembolization [figure-2]", id="term"),
    pytest.param(["abbr", "TACE"], 0, "defined in figure-2: \u201cTACE, transarterial chemoembolization\u201d", id="provenance"),
    pytest.param(["abbr", "TCAE"], 0, "Did you mean TACE", id="typo-is-answered"),
    pytest.param(["abbr", "--all"], 0, "Supplementary (not defined in this review", id="all"),
])
def test_cli_text(glossary, capsys, argv, status, text):
    got, out = _cli(glossary, argv, capsys)
    assert got == status and text in out.out


def test_cli_needs_a_term_or_all(glossary, capsys):
    """The exit code (2) is rag/cli/main.py's to give; tests/test_cli.py checks it."""
    with pytest.raises(InvalidArgumentError, match="give either a TERM or --all, was: neither"):
        _cli(glossary, ["abbr"], capsys)


def test_the_benchmark_times_every_lookup(glossary):
    """eval/bench.py's helper: 6 terms x 50 repeats = 300 timed lookups. No time is asserted:
    how fast is the benchmark's report to make, on the machine it runs on."""
    stats = bench_lookup(glossary, ["TACE", "PRRT", "NELMs", "portal vein ligation", "TCAE", "xyzzy"], repeats=50)
    assert stats["lookups"] == 300
    assert 0 <= stats["p50_us"] <= stats["p95_us"] <= stats["max_us"], stats


@pytest.mark.parametrize("terms, repeats", [
    pytest.param(["TACE"], 0, id="no-repeats"),
    pytest.param([], 10, id="no-terms"),
])
def test_the_benchmark_refuses_nothing_to_time(glossary, terms, repeats):
    with pytest.raises(InvalidArgumentError, match=f"repeats >= 1 and at least one term, was: {repeats}, {len(terms)}"):
        bench_lookup(glossary, terms, repeats=repeats)


def test_importing_the_glossary_pulls_in_neither_torch_nor_faiss():
    code = ("import sys, rag.glossary.store, rag.cli.abbr; "
            "print(sorted(m for m in ('torch', 'faiss', 'sentence_transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_long_form_suggestion_shows_its_abbreviation(glossary):
    from rag.glossary.replies import answer_glossary

    text = answer_glossary(glossary.lookup("portal vein ligaton"), glossary)
    assert "Did you mean **portal vein ligation** (PVL)?" in text


@pytest.mark.parametrize("question, alone, terms", [
    # a yes/no guess at the expansion, without "mean": answered with the expansion
    pytest.param("is RE radioembolization?", False, ("RE",), id="guess"),
    pytest.param("Is PVL short for portal vein ligation?", False, ("PVL",), id="guess-short-for"),
    pytest.param("is TAE transarterial embolisation", False, ("TAE",), id="guess-british-spelling"),
    pytest.param("Is RE better than TACE?", False, (), id="a-comparison-is-no-guess"),
    pytest.param("is TACE safe?", False, (), id="an-adjective-is-no-guess"),
    # a conversational "and" before a bare term: a follow-up later on, a term question first
    pytest.param("And TAE?", True, ("TAE",), id="and-term-alone"),
    pytest.param("And TAE?", False, (), id="and-term-in-a-conversation"),
    pytest.param("and what is the role of TACE?", True, (), id="and-content-question-alone"),
])
def test_guesses_and_openings_are_read_as_term_questions(glossary, question, alone, terms):
    assert parse_glossary_terms(question, glossary, alone=alone) == terms


@pytest.mark.parametrize("typed,intended,plausible", [
    pytest.param("TACA", "TACE", True, id="vowel-for-vowel"),
    pytest.param("TSCE", "TACE", True, id="neighbouring-key"),
    pytest.param("TCAE", "TACE", True, id="swap"),
    pytest.param("PVLL", "PVL", True, id="letter-added"),
    pytest.param("ALPS", "ALPPS", True, id="letter-dropped"),
    pytest.param("SBRT", "SIRT", False, id="a-far-key-is-another-abbreviation"),
    pytest.param("FNA", "IFNa", False, id="the-first-letter-is-rarely-dropped"),
])
def test_a_short_form_is_suggested_only_for_a_slip_of_the_fingers(typed, intended, plausible):
    assert plausible_slip(typed, intended) is plausible


@pytest.mark.parametrize("term", ["SBRT", "FNA"])
def test_a_real_abbreviation_one_letter_from_an_entry_is_declined_not_suggested(glossary, term):
    """SBRT (stereotactic body radiotherapy) is no slip of SIRT, nor FNA (fine-needle aspiration) of IFNa."""
    assert glossary.lookup(term).match_kind == "none"
