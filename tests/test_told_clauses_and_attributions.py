"""How a question tells things around what it asks: who brought a term up, where it was seen, whose
view is wanted, what it is for, and how a list is counted. Each is a pattern of English, not a
wording from one evaluation item; the glossary is the review's own (built from the seed page).
"""

from __future__ import annotations

import pytest

from rag.answer.record_cues import citation_parts_for
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.numbered import numbered_items
from rag.routing.addressee import addressee
from rag.routing.followup import is_followup, pick_referent
from rag.routing.router import route
from rag.routing.treatment import asks_for_detail, is_treatment_question

LIMIT = 2000


@pytest.mark.parametrize("question, terms", [
    # who brought the term up, told after the question, asks nothing more
    pytest.param("alpps?? what on earth is that, the surgeon mentioned it", ("alpps",), id="told-who-mentioned-it"),
    # a slot run on into a told clause: its opening term ("pls" is courtesy)
    pytest.param("long form of ALLPS pls, keeps coming up on ward rounds", ("ALLPS",), id="slot-run-on-into-a-clause"),
    pytest.param("coder: RE, IFNa and SI-NEN all on one oncology note, need the expansions", ("RE", "IFNa", "SI-NEN"),
                 id="a-listed-slot-keeps-every-term"),
    # conjuncts are of one kind: beside a short form, "sa" is the entry SA, not a word
    pytest.param("sa and olt in the fig 2 legend?", ("sa", "olt"), id="a-lower-case-entry-coordinated-with-a-short-form"),
    # what it might be a slip for is answered by its definition
    pytest.param("whats pprt - is that a typo for prrt or something different", ("pprt",), id="a-typo-for-something-else"),
    pytest.param("the IFNa one near the bottom of the legend?", ("IFNa",), id="a-placeholder-and-a-place"),
    # "re" alone is still the word
    pytest.param("re and sa?", (), id="two-word-like-entries-alone-stay-words"),
])
def test_a_told_clause_or_a_place_around_a_term_asks_nothing_more(glossary, question, terms):
    assert parse_glossary_terms(question, glossary, alone=True) == terms


def test_a_bare_follow_up_naming_a_place_continues_a_chain_of_definitions(glossary):
    """"and PVL?" asked PVL, so it anchors a third "and the IFNa one ...?" as well as the first question did."""
    turn = route("and the IFNa one near the bottom of the legend?", ["whats PVE", "and PVL?"], glossary, LIMIT)
    assert (turn.route, turn.glossary_terms) == ("glossary", ("IFNa",))


@pytest.mark.parametrize("question, treatment", [
    # attributed to a part of the review: what the text says
    pytest.param("According to the abstract, how should liver transplantation for NELM be positioned within overall "
                 "management?", False, id="according-to-the-abstract"),
    # whom the figure is for, with at most one feature of a case
    pytest.param("is the fig 2 algorithm for all grades or just well-differentiated tumours?", False, id="figure-scope"),
    pytest.param("Can I use the fig 2 flowchart for a high-grade case or is it only for low-grade disease?", False,
                 id="figure-for-one-kind-or-only-another"),
    # a grade put to the pathway asks it to place the tumour (its answer: the pathway is for G1/G2)
    pytest.param("can I use the fig 2 algorithm for a grade 3 tumour?", True, id="figure-for-a-grade"),
    # a case told beside the figure still asks it to decide
    pytest.param("pancreatic G3 NEC with liver mets - does the algorithm apply?", True, id="a-case-and-the-figure"),
    pytest.param("Are somatostatin analogues part of the algorithm for unresectable G2 NELM?", True,
                 id="two-features-and-the-figure"),
    # "per the review" closing a case asks its pathway to decide
    pytest.param("Bilobar G2 NELM, liver-only, projected FLR ~20%. Is ALPPS an option per the review, or PVE followed "
                 "by two-stage hepatectomy?", True, id="per-the-review-after-a-case"),
])
def test_whose_view_and_which_figure_decide_the_route(question, treatment):
    assert is_treatment_question(question) is treatment


def test_the_figure_asked_whom_it_is_for_is_asked_what_it_holds():
    asked = addressee("is the fig 2 algorithm for all grades or just well-differentiated tumours?")
    assert (asked.source, asked.verb) == ("figure", "text")


@pytest.mark.parametrize("question, detail", [
    # two named agents joined as one regimen: a named regimen, which the pathway does not give
    pytest.param("is capecitabine + temozolomide the chemo they recommend for the pancreatic ones?", True,
                 id="a-combination-regimen"),
    pytest.param("octreotide or lanreotide, which does the paper recommend?", True, id="a-choice-of-two-drugs"),
    # procedures written with a slash are no regimen
    pytest.param("pt w/ refractory carcinoid sx on SSA, G2 SI NET, unresectable bilobar liver mets, no EHD. role of "
                 "debulking/embolisation?", False, id="procedures-with-a-slash"),
])
def test_a_named_regimen_is_a_detail(question, detail):
    assert asks_for_detail(question) is detail


@pytest.mark.parametrize("question, parts", [
    # a field the record lacks stays asked for, whatever the purpose told after it
    pytest.param("PMID for the Machairas NELM review? need it for the reference manager", {"unindexed"}, id="pmid"),
    pytest.param("for my reference manager please", set(), id="a-purpose-alone-asks-the-whole-record"),
])
def test_which_fields_of_the_record_are_asked(question, parts):
    assert citation_parts_for(question) == parts


@pytest.mark.parametrize("question, named", [
    # "reference" as the verb of citing, the review its object
    pytest.param("need to reference this in my essay - what journal, pages and doi is it?", ["citation"],
                 id="reference-as-a-verb"),
    # the authors as the source of a view name no field of the record
    pytest.param("5-yr OS after R0 hepatectomy for NELM per the authors?", [], id="per-the-authors"),
    pytest.param("who are the authors?", ["citation"], id="the-authors-asked-for"),
])
def test_which_record_a_question_names(question, named):
    from ingest.parse import parse_pubmed_page
    from rag.retrieval.structure import structural_units
    from tests.conftest import SEED

    found = structural_units(question, [parse_pubmed_page(SEED)])
    assert [u.split(":")[-1] for u in found] == named


def test_the_first_n_items_of_a_list_are_counted_from_one():
    assert numbered_items("can you list the first two references?") == ("reference-1", "reference-2")
    assert numbered_items("list the 5 references") == ()


def test_an_ordinal_before_a_coordinated_clause_stands_for_an_item():
    cited = ["machairas2021:reference-1", "machairas2021:reference-2"]
    assert pick_referent("who wrote the second and what journal was it in", cited) == ["machairas2021:reference-2"]


@pytest.mark.parametrize("question, followup", [
    pytest.param("is ablation one of them? and surgery?", True, id="two-leaning-questions"),
    pytest.param("why bother? whats the point of it", True, id="why-then-the-point-of-it"),
    # an acknowledgement asks nothing: the question after it stands on its own words
    pytest.param("ok thx. and whats the treatment of choice when they can be cut out, my uncles ones are apparently "
                 "removable", False, id="thanks-then-a-question"),
])
def test_several_sentences_each_leaning_back_make_a_follow_up(question, followup):
    assert is_followup(question) is followup


@pytest.mark.parametrize("question, section", [
    # money or ties from industry, in either order, and a financial interest, are what a COI line declares
    pytest.param("any industry money behind this paper?", "coi", id="industry-money"),
    pytest.param("could you tell me whether the authors have any financial ties or other interests?", "coi",
                 id="financial-ties-of-the-authors"),
    # the authors as those who hold a view are no request for their names
    pytest.param("What's the authors' stance on OLT for NELM?", None, id="the-authors-stance"),
])
def test_whose_interests_or_view_a_question_asks(question, section):
    from ingest.parse import parse_pubmed_page
    from rag.retrieval.structure import structural_units
    from tests.conftest import SEED

    found = [u.split(":")[-1] for u in structural_units(question, [parse_pubmed_page(SEED)])]
    assert found == ([section] if section else [])


@pytest.mark.parametrize("question, followup", [
    # a reason asked of what a pronoun points back to
    pytest.param("what is the point if its already spread", True, id="the-point-of-it"),
    pytest.param("why is TACE used in NELM?", False, id="a-reason-with-its-own-subject"),
    pytest.param("why are they more widely usable than an operation?", True, id="they-with-a-copula-are-things"),
    pytest.param("why would they treat the liver first?", False, id="they-who-treat-are-the-doctors"),
    # "that one" points back in a longer question too
    pytest.param("what year was that one, and who are the co-authors listed after the first author?", True,
                 id="that-one-in-a-longer-question"),
    # an inverted copula with a demonstrative subject
    pytest.param("are those for everyone or only some people", True, id="are-those"),
])
def test_what_else_leans_on_the_turn_before(question, followup):
    assert is_followup(question) is followup


def test_a_multiple_of_an_outcome_judges_between_options():
    """"Doubles survival compared with embolisation" is a verdict between two options, which only a passage
    that compares can give; a passage that names one option gives none."""
    from rag.answer.constraints import _judges_options

    claim = "The review claims cutting out liver metastases doubles survival compared with embolisation. Is that accurate?"
    assert not _judges_options(claim, "surgical resection is indicated for patients with nelm")
    assert _judges_options(claim, "liver surgery is the treatment of choice")


@pytest.mark.parametrize("question, terms", [
    # the term first, then its form asked, with where it is used
    pytest.param("SI-NEN - what's the expansion as used in the review?", ("SI-NEN",), id="term-then-its-expansion"),
    pytest.param("TACE and TAE - what are their full forms?", ("TACE", "TAE"), id="two-terms-then-their-forms"),
])
def test_a_term_then_its_form(glossary, question, terms):
    assert parse_glossary_terms(question, glossary, alone=True) == terms


def test_an_outside_short_form_for_the_review_s_own_term_expands_a_query(glossary):
    """LT (supplementary: liver transplantation) leads to the review's OLT; RFA, a term the review never defines,
    expands nothing, so the review is not made to seem to speak of it."""
    assert ("LT", "liver transplantation") in glossary.expansions_for("does the review support LT?", include_supplementary=False)
    assert glossary.expansions_for("what is RFA?", include_supplementary=False) == []


@pytest.mark.parametrize("question, treatment", [
    # a case told before the figure is named asks the figure to decide
    pytest.param("G3 NEC with liver mets - does the fig 2 algorithm apply?", True, id="a-case-told-then-the-figure"),
    pytest.param("one-liner: poorly differentiated G3 neuroendocrine carcinoma with liver mets - does Fig 2 apply?", True,
                 id="fig-2-is-the-pathway-too"),
])
def test_a_told_case_before_a_figure_question(question, treatment):
    assert is_treatment_question(question) is treatment


def test_a_minimum_percent_is_a_detail():
    assert asks_for_detail("What minimum percent of liver must stay after the hepatectomy? Surgeon say my father "
                           "remnant is too small")


@pytest.mark.parametrize("question, figure", [
    pytest.param("What overall survival does the review report after hepatectomy?", True, id="survival-as-the-measure"),
    pytest.param("what is the survival after resection?", True, id="the-survival-after"),
    pytest.param("what prolongs survival?", False, id="what-does-it"),
])
def test_survival_asked_as_a_measure_wants_a_figure(question, figure):
    from rag.answer.cues import asks_for_number

    assert asks_for_number(question) is figure


@pytest.mark.parametrize("history, question, terms", [
    pytest.param(["what's TACE in the figure legend?"], "ok and TAE and RE?", ("TAE", "RE"), id="two-terms-after-and"),
])
def test_a_bare_follow_up_may_list_terms(glossary, history, question, terms):
    turn = route(question, history, glossary, LIMIT)
    assert (turn.route, turn.glossary_terms) == ("glossary", terms)


@pytest.mark.parametrize("question, terms", [
    pytest.param("short form used in the review for small intestine neuroendocrine neoplasm?",
                 ("small intestine neuroendocrine neoplasm",), id="where-used-between-form-and-long-form"),
    pytest.param("need the full terms for coding please: OLT, PVE, PVL", ("OLT", "PVE", "PVL"), id="a-list-closing-it"),
    pytest.param("OLT, PVE, PVL - full terms please", ("OLT", "PVE", "PVL"), id="a-list-then-its-form"),
])
def test_lists_and_reverse_frames(glossary, question, terms):
    assert parse_glossary_terms(question, glossary, alone=True) == terms


def test_a_person_s_own_options_ask_for_a_decision():
    assert is_treatment_question("mum has liver secondaries from a neuroendocrine tumour, theyve not given us the grade "
                                 "yet, what are her treatment options likely to be")


@pytest.mark.parametrize("question", [
    "what about if its in his bones too?",
    "well-differentiated G2 NET with liver mets, and the bone scan shows spine deposits",
])
def test_bone_disease_told_plainly_is_extrahepatic(question):
    from rag.algorithm.inputs import extract_inputs

    assert extract_inputs(question).extrahepatic == "present"


@pytest.mark.parametrize("question, asks", [
    pytest.param("quote it", True, id="quote-it"),
    pytest.param("which sentence?", True, id="which-sentence"),
    pytest.param("source?", True, id="source"),
    pytest.param("which sentence is that from", True, id="which-sentence-is-that-from"),
    pytest.param("which sentence says survival is prolonged?", False, id="a-sentence-asked-by-its-content"),
])
def test_asking_for_the_source_of_the_last_answer(question, asks):
    from rag.routing.referents import _SOURCE_ASKED

    assert bool(_SOURCE_ASKED.match(question)) is asks


def test_what_someone_else_wrote_names_no_author():
    from ingest.parse import parse_pubmed_page
    from rag.retrieval.structure import structural_units
    from tests.conftest import SEED

    article = parse_pubmed_page(SEED)
    assert structural_units("the consultant wrote NELM on my clinic letter, is that the liver lesions thing?", [article]) == []
    assert [u.split(":")[-1] for u in structural_units("who wrote it?", [article])] == ["citation"]
