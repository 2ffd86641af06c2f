"""What a question reports rather than asks ("the doctor said something about how much ..."), a request to explain
after the question it follows, not knowing as asking, guesses offered as alternatives or with do-support, a term set
beside the earlier one ("TAE, which is the difference?"), the usual approach asked for a person, "which are the
types", a method compound that names no place ("SEER-based"), and a technical word typed open ("neuro endocrine").
Each case is a pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import pytest

from rag.answer.cues import asks_for_number, instance_class
from rag.answer.record_cues import citation_parts_for
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.spelling import Speller
from rag.routing.treatment import is_treatment_question


@pytest.mark.parametrize("question, wanted", [
    # a measure in reported speech is the story, not what is asked
    ("who can have the operation? the surgeon talked about how many spots there are", False),
    ("is it safe? she told us how long the op takes", False),
    ("the consultant mentioned how big the tumours were - can they still be removed?", False),
    # asked, it still wants a figure
    ("can you tell me how many patients had surgery?", True),
    ("how much of the liver has to be left behind?", True),
])
def test_a_reported_measure_asks_no_figure(question, wanted):
    assert asks_for_number(question) is wanted


@pytest.mark.parametrize("question, terms", [
    # a request to explain, as a sentence after the question, asks nothing more
    ("My dad's scan report says TAE. It is arterial embolization? Please explain.", ("TAE",)),
    ("The letter says PVE. What is that? Could you explain it to us in simple terms?", ("PVE",)),
    # not knowing what it means is asking what it means
    ("her chart says ALPPS and I have no idea what that is", ("ALPPS",)),
    ("the team keep saying NELM but we don't know what it means", ("NELM",)),
    # alternatives offered, each a guess at the expansion; do-support
    ("does PVL mean portal vein ligation or something else entirely?", ("PVL",)),
    ("does RE stand for radioembolization or resection here?", ("RE",)),
    # the request after a comma is the frame itself
    ("I not understand PRRT, can you explain?", ("PRRT",)),
])
def test_requests_and_guesses_read_as_glossary_questions(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question", [
    "does surgery mean liver resection for everyone?",  # no short form: a question about the text
    "is OLT liver transplant for everyone or only some?",  # a claim, not a guess at the expansion
])
def test_claims_are_no_guesses(glossary, question):
    assert parse_glossary_terms(question, glossary) == ()


@pytest.mark.model
@pytest.mark.parametrize("history, question, term", [
    (["what does PVE mean?"], "And PVL, what is the difference?", "PVL"),
    (["What means TACE?"], "and TAE, which is the difference in the letters?", "TAE"),
])
def test_a_term_set_beside_the_earlier_one(pipeline, history, question, term):
    answer = pipeline.ask(question, history)
    assert answer.route == "glossary" and f"**{term}**" in answer.answer


@pytest.mark.parametrize("question, wanted", [
    ("My uncle has a neuroendocrine tumour that has spread to his liver. What would the usual approach be?", True),
    ("her NET went to the liver; they want to know what the surgeons are likely to offer", True),
    ("my mum has liver mets from a NET, what is the standard treatment?", True),
    ("What is the standard treatment for neuroendocrine liver metastases?", False),  # no one's case: the text says
])
def test_the_usual_approach_for_a_person_asks_for_a_decision(question, wanted):
    assert is_treatment_question(question) is wanted


def test_which_are_the_types_asks_for_the_members():
    assert instance_class("which are the types of spread in figure 1?") == "types of spread"


@pytest.mark.parametrize("question, unindexed", [
    ("Reference 2 is a population-based guideline, I believe. Where were the authors based?", True),
    ("Reference 4 is a SEER-based analysis. What was the median survival in it?", False),  # a method, no place
])
def test_a_method_compound_names_no_affiliation(question, unindexed):
    assert ("unindexed" in citation_parts_for(question)) is unindexed


def test_a_technical_word_typed_open_is_closed_up():
    speller = Speller(["Neuroendocrine neoplasms metastasise. Overall survival is reported."])
    assert speller.read("is neuro endocrine cancer common?") == "is neuroendocrine cancer common?"
    assert speller.read("over all, is it common?") == "over all, is it common?"  # "overall" is no technical word


@pytest.mark.parametrize("text, question", [
    # a sentence after the question about the people in the story is an aside, neither searched nor weighed
    ("Do these tumours often reach the liver? The family thought it was just bad luck.", "Do these tumours often reach the liver?"),
    ("Is surgery possible here? The patient is keen to avoid chemo.", "Is surgery possible here?"),
    # a sentence going on with the question is part of it
    ("Is surgery possible? The liver-only cases, I mean.", "Is surgery possible? The liver-only cases, I mean."),
])
def test_a_sentence_about_the_people_after_the_question_is_an_aside(text, question):
    from rag.routing.context import split_context

    assert split_context(text) == (question, "")


@pytest.mark.parametrize("question, terms", [
    ("Clarify the term 'PVE' used in the figure legend.", ("PVE",)),  # "clarify": make plain the meaning of
    ("TAE - what's it expanded as there", ("TAE",)),
    ("whats RE?? is that like a ray of something lol", ("RE",)),  # chat's laughter; "is it like a X"
    ("PVL, portal something? whats the rest", ("PVL",)),  # a half-remembered expansion asks for the whole
    # "something" in a clause that guesses nothing at the term asks something else
    ("which agent goes in TACE per this review, doxorubicin or something else?", ()),
])
def test_more_ways_of_asking_what_a_term_means(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_relayed_what_about_is_a_follow_up_about_the_term():
    from rag.routing.term_followup import followup_term

    assert followup_term("She also asks about PVL, which is listed beside PVE.") == "PVL"
    assert followup_term("and TACE, which is better?") == "TACE, which is better"  # a relative clause that asks


@pytest.mark.parametrize("question, wanted", [
    ("liver mets. not resectable. options?", True),  # a case in fragments, the options asked in one word
    ("G2 SI-NET, unresectable. what else?", True),
    ("what else does the review discuss?", False),
    ("What level of evidence supports TACE for unresectable G2 NELM?", False),  # the strength of evidence: the text
    ("Which grade of recommendation do the authors give resection in a 60-year-old with resectable disease?", False),
])
def test_fragments_and_evidence_grading(question, wanted):
    assert is_treatment_question(question) is wanted


def test_notes_shorthand():
    from rag.core.shorthand import expand_shorthand

    assert expand_shorthand("and yr + vol?") == "and year and volume?"
    assert expand_shorthand("liver txp for NELM") == "liver transplant for NELM"
    assert expand_shorthand("Ki-67 3+ staining") == "Ki-67 3+ staining"  # a sign after a number stays


@pytest.mark.parametrize("question, found", [
    ("Pape 2008 - which factors came out as independent predictors?", True),
    ("I need the journal it came out in", False),  # a work that came out somewhere: its record
])
def test_results_that_came_out(question, found):
    from rag.answer.record_cues import asks_what_a_work_found

    assert asks_what_a_work_found(question) is found


def test_the_authors_stance_is_the_review_s():
    from rag.answer.record_cues import LITERATURE_CUE

    assert not LITERATURE_CUE.search("liver transplant - what's the authors' stance exactly?")
    assert LITERATURE_CUE.search("who are the authors?")


@pytest.mark.parametrize("question, other", [
    ("what year was that review about NELM treatment in annals of gastro in?", False),  # its own journal, clipped
    ("what year was the paper on prognostic factors published?", True),  # a topic the review's title does not hold
])
def test_a_work_named_by_topic_and_its_own_journal(question, other):
    from rag.retrieval.works import names_other_work, stem

    own_names = frozenset({"ann", "annals", "gastroenterol", "gastroenterology", "machairas", "nikolaos"})
    title = "Currently available treatment options for neuroendocrine liver metastases NELM ablation embolization surgery"
    own_topic = frozenset(stem(w.lower()) for w in title.split())
    assert names_other_work(question, own_names, own_topic) is other


@pytest.mark.parametrize("question, groups", [
    ("wait so who actually gets picked for that", set()),  # an interjection, no waiting
    ("Oh wait a sec, is that right?", set()),
    ("Wait, how long is the wait for a transplant?", {"waiting"}),
    ("wait times for a new liver?", {"waiting"}),
])
def test_wait_as_an_interjection_names_no_waiting(question, groups):
    from rag.answer.circumstances import named_circumstances

    assert named_circumstances(question) == groups


@pytest.mark.parametrize("question, follows", [
    ("why would they pick those over an operation?", True),  # a demonstrative before a preposition of choice
    ("why choose these instead?", True),
    ("why would surgeons pick ablation over an operation?", False),
])
def test_a_demonstrative_before_a_preposition_of_choice_points_back(question, follows):
    from rag.routing.followup import is_followup

    assert is_followup(question) is follows


@pytest.mark.parametrize("question, terms", [
    ("I can't find what PVE means anywhere. Is it in this article?", ("PVE",)),
    ("PVL means what exactly in this paper? portal something?", ("PVL",)),  # "means what", an intensifier
    ("what exactly do they mean by TAE", ("TAE",)),
    ("They've got 'SA' in the legend. Somatostatin something I assume, but how exactly do they write it out?", ("SA",)),
    ("how does the review spell ALPPS out?", ("ALPPS",)),
    ("PVE - how is that defined in the paper?", ("PVE",)),
    ("TACE - quick expansion pls, as the authors write it", ("TACE",)),
])
def test_how_the_text_writes_a_term_out(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, to_algorithm", [
    # what a treatment is for is the text's to say, not a pathway branch
    ("My wife's NET is only in her liver and can be removed. What is it actually for - are they trying to cure her?", False),
    ("my husband 59 has a grade 1 NET from his pancreas with liver spread only. what is the treatment for that", True),
])
def test_purpose_is_beyond_the_pathway(question, to_algorithm):
    from rag.glossary.store import Glossary
    from rag.routing.router import route

    assert (route(question, [], Glossary(()), 2000).route == "algorithm") is to_algorithm  # no term known: pathway or text


@pytest.mark.parametrize("text, unit", [
    ("Any of them getting paid to say this? Conflicts or whatever.", "coi"),  # being paid to say it; a bare "Conflicts"
    ("Confirming for the sidebar: which journal and which year?", "citation"),  # the asker's own piece of writing
])
def test_record_cues(article, text, unit):
    from rag.retrieval.structure import structural_units

    assert unit in [u.split(":")[-1] for u in structural_units(text, [article])]


def test_a_told_sentence_after_a_marked_question_keeps_its_full_stop():
    from rag.core.courtesy import without_pleasantries

    assert without_pleasantries("What is PVE? I've never come across it.") == "What is PVE? I've never come across it."
    assert without_pleasantries("What does the review discuss.") == "What does the review discuss?"  # unmarked question


@pytest.mark.parametrize("question, purpose", [
    ("the surgeon can take it out - is it meant to actually cure him?", True),
    ("are they hoping to get rid of it altogether?", True),
    ("what is the treatment for liver mets?", False),
])
def test_what_a_treatment_is_meant_to_do(question, purpose):
    from rag.routing.reasons import asks_purpose

    assert asks_purpose(question) is purpose


def test_the_drugs_a_person_may_take_ask_for_a_decision():
    assert is_treatment_question("G2 pNET, liver only, unresectable. which medicines he can take then?")
    assert is_treatment_question("my mum has liver mets from a NET - what drugs can she take?")
    assert not is_treatment_question("which drugs does the review list for NELM?")


def test_a_figure_wanted_to_cite_names_no_record(article):
    from rag.retrieval.structure import structural_units

    question = "does the review report a median survival after hepatectomy? Need the actual figure to cite."
    assert "citation" not in [u.split(":")[-1] for u in structural_units(question, [article])]
    assert "citation" in [u.split(":")[-1] for u in structural_units("how do I cite this review?", [article])]


@pytest.mark.parametrize("question, terms", [
    ("Wetin be PVE for that figure?", ("PVE",)),  # Nigerian Pidgin "wetin be" is "what is"; "for" a part of the text
    ("In the legend I see TAE. Which expansion do they give for it exactly?", ("TAE",)),
    ("what does ALPPS mean is that a type of surgery", ("ALPPS",)),  # voice-to-text runs the tail on after "mean"
])
def test_dialect_dictation_and_the_expansion_given(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_patient_who_asks_relays_the_question():
    assert not is_treatment_question("resectable NELM - tx of choice per this review? pt asking in clinic")
    assert is_treatment_question("pt with resectable G1 NELM, tx of choice?")


@pytest.mark.parametrize("text, unit", [
    ("what magazine was this article in", "citation"),  # a lay word for the journal
    ("Author conflicts?", "coi"),
])
def test_more_record_cues(article, text, unit):
    from rag.retrieval.structure import structural_units

    assert unit in [u.split(":")[-1] for u in structural_units(text, [article])]


def test_who_funded_it_is_not_answered_by_the_conflict_of_interest_line():
    from rag.answer.structural import _WHO_FUNDED

    assert _WHO_FUNDED.search("Who funded this work? A grant from the industry maybe?")
    assert not _WHO_FUNDED.search("were they paid by drug companies?")
