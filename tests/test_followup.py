"""Follow-up detection and deterministic rewriting."""

from __future__ import annotations

import pytest

from rag.routing.followup import (is_followup, item_name, name_referent, omits_possessor, pick_referent, points_back, rewrite)
from rag.routing.reasons import asks_for_another, asks_significance, asks_why, reason_clause

PREVIOUS = "What is the treatment of choice for resectable NELM?"


@pytest.mark.parametrize("question, expected", [
    ("and for pancreatic primaries?", True),
    ("What about transplantation?", True),
    ("Is it safe?", True),
    ("And the second one?", True),
    ("For pancreatic primaries?", True),
    ("Why?", True),
    ("What are the alternatives?", True),
    ("What are the alternatives to liver surgery?", False),
    ("What is the DOI of the review?", False),
    ("In which journal was the review published?", False),
    ("What does the review say about liver transplantation for NELM?", False),
    # A distal demonstrative with a noun, or an ordinal "one", needs a referent at any length.
    ("What is the title of that paper?", True),
    ("Which journal was the second one published in?", True),
    ("In which journal was that study on incidence trends published?", True),
    ("What is the title of this review?", False),
    ("Which reference is about incidence trends in the United States?", False),
    # "they" reporting is the authors of what was named; "they" treating is the doctors
    ("what did they recommend for liver mets?", True),
    ("why would they treat the liver first in a patient with bone metastases?", False),
    # a change set against what was said: "instead", "would it be different if"
    ("would it be different if the primary was in the pancreas instead?", True),
    ("is resection used instead of transplantation for NELM?", False),
    # "one" standing for a thing named before is a pronoun; a number, or the head of a determiner, is not
    ("ok so who would actually get one then?", True),
    ("which ones", True),
    ("which one is best?", True),
    ("is one of the options surgery for NELM?", False),
    ("does no one do transplants for NELM any more?", False),
], ids=lambda v: v if isinstance(v, str) else None)
def test_follow_ups_are_recognised(question, expected):
    assert is_followup(question) is expected


def test_a_follow_up_is_joined_with_the_last_self_contained_question():
    result = rewrite("and what about transplantation?", [PREVIOUS, "and is it safe?"])
    assert result.is_followup and result.previous == PREVIOUS
    assert result.question == f"and what about transplantation? {PREVIOUS}"


@pytest.mark.parametrize("history", [None, []], ids=["none", "empty"])
def test_without_history_nothing_is_rewritten(history):
    assert rewrite("and for pancreatic primaries?", history).question == "and for pancreatic primaries?"


@pytest.mark.parametrize("question, anchor, expected", [
    # the same question of another item: the follow-up's item replaces the anchor's
    ("and reference 2?", "Who is the first author of reference 1?", "Who is the first author of reference 2?"),
    ("and ref 5?", "what year was reference 4 published?", "what year was reference 5 published?"),
    ("and the Hofland paper?", "page numbers for reference 1?", "and the Hofland paper? page numbers for the reference?"),
], ids=["numbered", "clipped-noun", "by-surname"])
def test_a_follow_up_naming_its_own_item_asks_the_same_of_it(question, anchor, expected):
    assert rewrite(question, [anchor]).question == expected


def test_a_new_self_contained_question_does_not_drag_the_old_topic_along():
    result = rewrite("Who is the first author of the review?", [PREVIOUS])
    assert not result.is_followup and result.question == "Who is the first author of the review?"


@pytest.mark.parametrize("question, anchor, expected", [
    ("What about the second one?", "Who is the first author of reference 1?", "Who is the first author of reference 2?"),
    ("And the next one?", "What does Figure 1 show?", "What does Figure 2 show?"),
    ("and the 3rd one?", "What is reference 5 about?", "What is reference 3 about?"),
], ids=["second", "next", "3rd"])
def test_an_ordinal_one_re_points_the_numbered_item(question, anchor, expected):
    assert rewrite(question, [anchor]).question == expected


# -- what the previous answer named ------------------------------------------------------------
TWO = ["reference-1", "reference-5"]  # "Which references were published in 2008?", in citing order


@pytest.mark.parametrize("question, cited, expected", [
    pytest.param("Which journal was that in?", ["reference-4"], ["reference-4"], id="that"),
    pytest.param("Who wrote it?", ["reference-4"], ["reference-4"], id="it"),
    pytest.param("What is the title of that paper?", ["reference-4"], ["reference-4"], id="that-paper"),
    pytest.param("What is it based on?", ["figure-1"], ["figure-1"], id="figure"),
    pytest.param("Who wrote the first one?", TWO, ["reference-1"], id="first-of-list"),
    pytest.param("And the second one?", TWO, ["reference-5"], id="second-of-list"),
    pytest.param("and the last one?", TWO, ["reference-5"], id="last-of-list"),
    pytest.param("Which journals were they in?", TWO, TWO, id="plural-all"),
    pytest.param("Who wrote it?", ["machairas2021:reference-4"], ["machairas2021:reference-4"], id="doc-prefix"),
    # Negatives: nothing to point at, an ambiguous pronoun, or the question names its own subject.
    pytest.param("Who wrote it?", TWO, [], id="singular-over-a-list"),
    pytest.param("And the third one?", TWO, [], id="ordinal-beyond-the-list"),
    pytest.param("What about the second one?", ["reference-1"], [], id="one-item-leaves-it-to-rewrite"),
    pytest.param("Why?", ["abstract-s2"], [], id="passage-not-an-item"),
    pytest.param("Who wrote it?", ["abstract-s2", "reference-2"], [], id="mixed-answer"),
    pytest.param("What is the DOI of this review?", ["reference-4"], [], id="the-review-itself"),
    pytest.param("Who wrote reference 2?", ["reference-4"], [], id="names-its-own-item"),
    # a neighbour of a numbered item: the list's order
    pytest.param("the one before it?", ["reference-3"], ["reference-2"], id="the-one-before-it"),
    pytest.param("and the next one?", ["reference-3"], ["reference-4"], id="the-next-one"),
    pytest.param("the previous paper?", ["reference-1"], [], id="nothing-before-the-first"),
])
def test_an_anaphor_picks_the_item_the_previous_answer_named(question, cited, expected):
    assert pick_referent(question, cited) == expected


@pytest.mark.parametrize("question, names, expected", [
    pytest.param("Which journal was that in?", ["reference 4"], "Which journal was reference 4 in?", id="that"),
    pytest.param("When was it published?", ["reference 4"], "When was reference 4 published?", id="it"),
    pytest.param("What is its title?", ["reference 4"], "What is reference 4's title?", id="its"),
    pytest.param("What is the title of that paper?", ["reference 4"], "What is the title of reference 4?",
                 id="that-paper"),
    pytest.param("Who wrote the first one?", ["reference 1"], "Who wrote reference 1?", id="the-first-one"),
    pytest.param("Which journals were they in?", ["reference 1", "reference 5"],
                 "Which journals were reference 1 and reference 5 in?", id="they"),
])
def test_the_item_s_name_takes_the_place_of_the_anaphor(question, names, expected):
    assert name_referent(question, names) == expected


@pytest.mark.parametrize("unit_id, expected", [
    ("reference-4", "reference 4"), ("figure-2", "figure 2"), ("machairas2021:figure-1", "figure 1"),
    ("abstract-s2", ""), ("citation", ""),
], ids=lambda v: v)
def test_items_are_named_as_a_question_names_them(unit_id, expected):
    assert item_name(unit_id) == expected


@pytest.mark.parametrize("question, expected", [
    ("Who wrote it?", True), ("And the second one?", True), ("What about that paper?", True),
    ("In which patients?", False), ("And in G3?", False),
], ids=lambda v: v if isinstance(v, str) else None)
def test_only_an_anaphor_sends_the_pipeline_back_to_the_previous_answer(question, expected):
    assert points_back(question) is expected


# -- why? ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, expected", [
    ("Why?", True), ("Why is that?", True), ("And why?", True), ("How come?", True),
    ("What is the reason?", True), ("For what reason?", True),
    ("Who wrote it?", False), ("What is the aim of the review?", False), ("Which one?", False),
], ids=lambda v: v if isinstance(v, str) else None)
def test_a_request_for_a_reason_is_recognised(question, expected):
    assert asks_why(question) is expected


S2 = ("Liver surgery with the intention to cure is the treatment of choice for resectable neuroendocrine "
      "liver metastases (NELM), aiming to potentially prolong survival and ameliorate hormonal symptoms "
      "refractory to medical control.")


@pytest.mark.parametrize("text, expected", [
    pytest.param(S2, "aiming to potentially prolong survival and ameliorate hormonal symptoms refractory to "
                     "medical control", id="purpose-to-end-of-sentence"),
    pytest.param("As a result of advances in surgical techniques over the past decades, complex resections "
                 "are performed safely.", "As a result of advances in surgical techniques over the past decades",
                 id="cause-to-comma"),
    pytest.param("indications that are more applicable, as they are less limited by patient- and tumor-related "
                 "parameters, being therefore important", "as they are less limited by patient- and "
                 "tumor-related parameters", id="causal-as-before-its-subject"),
    # Negatives: "as" that compares or lists is no reason; a claim without a connective gives none.
    pytest.param("Treatments such as TACE as well as TAE are listed.", "", id="such-as-as-well-as"),
    pytest.param("Liver transplantation should be restricted only to highly selected individual cases.", "",
                 id="no-connective"),
])
def test_a_passage_s_reason_clause_runs_from_its_connective_to_the_clause_end(text, expected):
    assert reason_clause(text) == expected


# -- how people elide what they ask about ------------------------------------------------------
@pytest.mark.parametrize("question, expected", [
    pytest.param("who wrote the second?", True, id="ordinal-heading-its-phrase-alone"),
    pytest.param("and the 2nd?", True, id="numeric-ordinal-alone"),
    pytest.param("which year?", True, id="attribute-with-its-owner-unsaid"),
    pytest.param("what year + journal?", True, id="two-attributes"),
    pytest.param("how often?", True, id="degree-question"),
    pytest.param("how safe?", True, id="predicate-without-subject"),
    pytest.param("only if the cancer is mostly in the liver?", True, id="restricting-clause-without-main-clause"),
    pytest.param("even for G1?", True, id="conceding-phrase"),
    pytest.param("should it be done on its own?", True, id="pronoun-and-everyday-words"),
    # Negatives: an ordinal before its own noun, a named subject, the review named.
    pytest.param("What is the second reference?", False, id="ordinal-before-its-noun"),
    pytest.param("Who is the first author of the review?", False, id="first-author"),
    pytest.param("Who wrote the review and when was it published?", False, id="names-the-review"),
    pytest.param("should it be done for liver metastases?", False, id="pronoun-with-a-named-subject"),
])
def test_elliptical_questions_are_follow_ups(question, expected):
    assert is_followup(question) is expected


@pytest.mark.parametrize("question, expected", [
    ("Which year?", True), ("what year + journal?", True), ("pages?", True), ("Authors?", True),
    ("Why?", False), ("In which patients?", False), ("Which year was the review published?", False),
    # several attributes with the clitic of "who's": still nothing but what the previous answer named has
    ("what year, and who's first author", True), ("which journal and what year", True),
], ids=lambda v: v if isinstance(v, str) else None)
def test_an_attribute_without_its_owner_is_recognised(question, expected):
    assert omits_possessor(question) is expected


@pytest.mark.parametrize("question, cited, expected", [
    pytest.param("who wrote the second?", TWO, ["reference-5"], id="ordinal-without-one"),
    pytest.param("the last's journal?", TWO, ["reference-5"], id="possessive-ordinal"),
    pytest.param("which year?", ["reference-3"], ["reference-3"], id="owner-unsaid"),
    pytest.param("what did they find?", ["reference-4"], ["reference-4"], id="they-are-its-authors"),
    pytest.param("which year?", TWO, [], id="owner-unsaid-over-a-list"),
    pytest.param("Who is the first author?", ["reference-4", "reference-5"], [], id="first-author-is-no-ordinal-item"),
])
def test_an_ellipsis_points_at_the_item_the_previous_answer_named(question, cited, expected):
    assert pick_referent(question, cited) == expected


@pytest.mark.parametrize("question, names, expected", [
    pytest.param("who wrote the second?", ["reference 5"], "who wrote reference 5?", id="the-second"),
    pytest.param("which year?", ["reference 3"], "which year of reference 3?", id="owner-after-the-attribute"),
    pytest.param("what year + journal?", ["reference 4"], "what year + journal of reference 4?",
                 id="owner-after-the-last-attribute"),
])
def test_an_elided_item_is_named_where_it_belongs(question, names, expected):
    assert name_referent(question, names) == expected


def test_a_bare_ordinal_re_points_the_numbered_item():
    rewritten = rewrite("and the 2nd?", ["Who is the first author of reference 1?"]).question
    assert rewritten == "Who is the first author of reference 2?"


@pytest.mark.parametrize("question, expected", [
    ("Why does that matter?", True), ("why is it important?", True), ("So what?", True),
    ("Why?", False), ("Why is that?", False),
], ids=lambda v: v if isinstance(v, str) else None)
def test_asking_why_something_matters_asks_for_its_consequence(question, expected):
    assert asks_significance(question) is expected and asks_why(question)


S1 = ("Neuroendocrine neoplasms (NEN) are frequently characterized by a high propensity for metastasis to the "
      "liver, which appears to be a dominant site of distant-stage disease, affecting quality of life and overall "
      "survival.")


@pytest.mark.parametrize("text, consequence, expected", [
    pytest.param(S1, True, "affecting quality of life and overall survival", id="participial-consequence"),
    pytest.param(S1, False, "", id="a-consequence-is-no-cause"),
    pytest.param("Ablation is listed, including microwave ablation.", True, "", id="including-lists"),
    pytest.param("TAE is used; it is therefore an alternative to surgery.", True,
                 "therefore an alternative to surgery", id="result-connective"),
])
def test_a_consequence_clause_answers_why_something_matters(text, consequence, expected):
    assert reason_clause(text, consequence) == expected


# -- end to end: the follow-up is resolved before it is answered (real model) -----------------
Y2008 = "Which references were published in 2008?"  # answered with references 1 and 5, in that order
US = "Which reference is about incidence trends in the US?"  # answered with reference 4


@pytest.mark.model
@pytest.mark.parametrize("history, question, units", [
    pytest.param([Y2008], "who wrote the second?", ["reference-5"], id="ordinal-without-one"),
    pytest.param(["is there a reference on diagnosis and management of well differentiated neuroendocrine "
                  "neoplasms?"], "which year?", ["reference-3"], id="year-of-the-named-reference"),
    pytest.param([US], "pages?", ["reference-4"], id="pages-of-the-named-reference"),
    pytest.param(["which reference is the ENETS guideline?"], "what year and volume?", ["reference-2"],
                 id="the-record-s-own-numbers-are-printed"),
    pytest.param(["what is reference 2?"], "who is the first author?", ["reference-2"], id="an-ordinal-of-an-attribute"),
    pytest.param([Y2008], "what journal was the second in?", ["reference-5"], id="ordinal-with-a-stranded-preposition"),
])
def test_an_elided_owner_is_the_item_the_previous_answer_named(pipeline, history, question, units):
    answer = pipeline.ask(question, history=history)
    assert not answer.abstained and [c.unit_id for c in answer.citations] == units


@pytest.mark.model
@pytest.mark.parametrize("history, question", [
    pytest.param(["who wrote reference 4?"], "what did they find about survival?", id="they-the-authors"),
    pytest.param(["any ENETS guideline in the refs?"], "what does it say about transplant?", id="what-it-says"),
    pytest.param([US], "how many patients were in it?", id="a-figure-from-the-work"),
])
def test_what_a_work_the_previous_answer_named_found_is_declined(pipeline, history, question):
    """The entry is named (so the closest reading is right) but cannot say what the work found."""
    answer = pipeline.ask(question, history=history)
    assert answer.abstained and "reference" in answer.rewritten_question


@pytest.mark.model
def test_why_is_not_answered_with_the_sentence_that_prompted_it(pipeline):
    """abstract-s5 says transplantation is restricted to selected cases and gives no reason;
    no other passage gives one either, so a "why?" is declined rather than repeated."""
    first = pipeline.ask("When is liver transplantation used for NELM?")
    assert [c.unit_id for c in first.citations] == ["abstract-s5"]
    assert pipeline.ask("Why?", history=["When is liver transplantation used for NELM?"]).abstained


@pytest.mark.model
def test_why_something_matters_is_answered_with_its_consequence(pipeline):
    answer = pipeline.ask("why does that matter?", history=["Where do neuroendocrine neoplasms metastasise?"])
    assert not answer.abstained and [c.unit_id for c in answer.citations] == ["abstract-s1"]
    assert "affecting quality of life" in answer.rewritten_question


@pytest.mark.model
def test_a_pronoun_follow_up_after_a_text_question_stays_with_the_text(pipeline):
    answer = pipeline.ask("should it be done on its own?", history=["is transplant an option for NELM?"])
    assert answer.route == "retrieval" and [c.unit_id for c in answer.citations] == ["abstract-s5"]


@pytest.mark.model
def test_a_follow_up_with_no_word_of_its_own_is_weighed_as_the_whole_question(pipeline):
    """"for whom?" asks nothing the gate can align; the question it completes is what is asked."""
    answer = pipeline.ask("for whom?", history=["is liver transplantation an option for NELM?"])
    assert not answer.abstained and answer.citations[0].unit_id == "abstract-s5"


@pytest.mark.parametrize("question, another", [
    ("what if surgery isn't possible?", True),
    ("and if it can't be removed?", True),
    ("what else is there?", True),
    ("any other treatments?", True),
    ("and if not?", True),
    ("r they instead of surgery or as well as?", False),  # "instead of X" names its contrast
    ("are they alternatives to surgery?", False),
    ("is it safe?", False),
])
def test_a_follow_up_may_ask_for_another_option_than_the_answer_gave(question, another):
    assert asks_for_another(question) is another


@pytest.mark.parametrize("history, question, expected", [
    (["what is the first reference?"], "and the last one?", "what is the last reference?"),
    (["who wrote the first reference?"], "the 3rd one?", "who wrote the 3rd reference?"),
])
def test_an_ordinal_one_re_ranks_an_item_named_by_its_rank(history, question, expected):
    assert rewrite(question, history).question == expected


@pytest.mark.model
def test_a_follow_up_asking_for_another_option_is_not_given_the_same_passage(pipeline):
    first = "Is surgery the best option for NELM?"
    before = pipeline.ask(first)
    answer = pipeline.ask("what if surgery isn't possible?", history=[first])
    assert not answer.abstained
    assert {c.unit_id for c in answer.citations}.isdisjoint({c.unit_id for c in before.citations})


@pytest.mark.parametrize("question, leans", [
    ("who's the first author listed on it?", True),  # a pronoun closing a prepositional phrase
    ("what did it recommend for liver mets?", True),  # "it" as the subject of a wh-question
    ("how come those are being used more now?", True),  # a demonstrative before a verb
    ("how long does it take to recover from ALPPS?", False),  # a dummy "it" before a to-clause
    ("why would they treat the liver first?", False),  # "they", the doctors
])
def test_pronouns_that_point_back_in_longer_questions(question, leans):
    assert is_followup(question) is leans


def test_so_what_alone_asks_for_significance_but_not_before_a_question():
    assert asks_significance("so what?") and not asks_why("so what are the options?")


def test_a_superlative_one_picks_from_the_whole_list():
    assert rewrite("and the most recent one?", ["which of the references came out in 2008?"]).question == \
        "which is the most recent reference?"


@pytest.mark.model
@pytest.mark.parametrize("history, question, unit, fact", [
    # the attributes of the reference the previous answer named
    (["which of the references is the Lancet Oncology one?"], "what year, and who's first author", "reference-1", "2008"),
    # the attributes of the review's own record, when the previous answer quoted it
    (["who wrote this review on treating neuroendocrine liver mets?"], "which journal and what year", "citation",
     "Ann Gastroenterol"),
    (["Who wrote the Ann Gastroenterol review on treatment options for NELM?"], "and the year?", "citation", "2021"),
])
def test_attributes_asked_alone_belong_to_what_the_previous_answer_named(pipeline, history, question, unit, fact):
    answer = pipeline.ask(question, history)
    assert answer.citations[0].unit_id == unit and fact in answer.answer


@pytest.mark.parametrize("question, previous, expected", [
    ("no sorry wait I meant SA not TAE", "and TAE?", "and SA?"),
    ("oops, I meant PVL, not PVE", "what does PVE stand for?", "what does PVL stand for?"),
    ("I meant SA not TAE", "what does OLT stand for?", ""),  # nothing in the previous question to correct
    ("what does SA mean?", "and TAE?", ""),
])
def test_a_correction_replaces_the_word_it_names_in_the_previous_question(question, previous, expected):
    from rag.routing.correction import corrected

    assert corrected(question, previous) == expected


@pytest.mark.model
@pytest.mark.parametrize("history, question, unit", [
    (["What does figure 1 show?"], "and the other figure?", "figure-2"),
    (["what does figure 2 show"], "what about the other figure", "figure-1"),
    # "one" stands for the noun the turn before named
    (["what's figure 2 about?"], "what about the other one?", "figure-1"),
    (["what is fig 1"], "is there another one?", "figure-2"),
])
def test_the_other_figure_is_the_one_the_previous_answer_did_not_quote(pipeline, history, question, unit):
    answer = pipeline.ask(question, history)
    assert not answer.abstained and answer.citations[0].unit_id.endswith(unit)


@pytest.mark.model
@pytest.mark.parametrize("history, question", [
    (["Is an operation the main treatment when the liver spots can be removed?"], "and if that's not possible?"),
    (["what is the treatment of choice for resectable NELM?"], "what if they can't operate?"),
])
def test_a_request_for_another_option_gets_the_alternatives(pipeline, history, question):
    answer = pipeline.ask(question, history)
    assert not answer.abstained and answer.citations[0].unit_id == "abstract-s6"


def test_a_correction_naming_only_the_form_meant_replaces_the_previous_question_s_one_form():
    from rag.routing.correction import corrected
    assert corrected("sorry, I meant PVL", "what's TACE?") == "what's PVL?"
    assert corrected("sorry, I meant PVL", "is TACE better than TAE?") == ""  # two forms: which one is meant is unsaid


@pytest.mark.model
@pytest.mark.parametrize("question", ["who says so? need the source for my notes", "which paper is that from?",
                                      "according to whom?", "source for that please"])
def test_asking_who_says_so_gives_the_passages_with_the_record_of_the_work(pipeline, question):
    history = ["can they operate again if the mets come back in the liver after a previous resection?"]
    answer = pipeline.ask(question, history)
    cited = [c.unit_id.split(":")[-1] for c in answer.citations]
    assert not answer.abstained and "abstract-s4" in cited and cited[-1] == "citation"
    assert "Ann Gastroenterol" in answer.answer


@pytest.mark.model
def test_a_reference_entry_asked_for_its_source_is_not_given_the_review_s_record(pipeline):
    answer = pipeline.ask("who says so?", ["who wrote reference 4?"])
    assert [c.unit_id.split(":")[-1] for c in answer.citations] == ["reference-4"]


@pytest.mark.parametrize("question, asks", [
    ("who says so? need the source for my notes", True),
    ("says who?", True),
    ("what's the reference for that?", True),
    ("which paper is that from?", True),
    ("which journal is that in?", False),  # a field of the record, read by the record rules
    ("who says surgery is best?", False),  # asks about a statement by its content
    ("source? and is it safe?", False),  # a second question
])
def test_a_request_for_whose_statement_it_is(question, asks):
    from rag.routing.referents import asks_for_record

    assert asks_for_record(question) is asks
