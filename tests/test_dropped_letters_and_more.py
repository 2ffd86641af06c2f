"""A short word with a letter dropped ("spred", "comon") read as the common word it lost a letter from, while a
short medical word that one replaced letter would make common ("ileal", not "ideal") is left alone; a possessive
pointing back at the thing asked ("its stated aims"); a bibliographic verb that is no topic; "what is TACE" closed by a
clause with its own subject; a patient's treatment asked before their features are told; whether the text says or
judges something; working together and the wider team; a note naming its class first ("<class> - what are they?");
a figure's classes asked by another classifying noun ("patterns" for "types"); the asker's dossier; "not just" as a
coordinator; an it-cleft without its adverb ("is it how much ..."); the authors as doers, not a record's field; a noun
subject with a verb of saying after "what is X"; "the number" asked before; who in general is eligible; an item told
apart by a word of its own ("the Endocr Rev one"); a verb-particle compound only hyphenated ("go-to") and an article
left out ("go to liver"); a view asked of nothing; a reference for the asker's letter; the drugs a person would be
offered; the review's record after a question about the review; what the paper would do for a case; what the review
calls something; a closing sentence in another language; who in the present is treated; the asker's reference list
named in several words; "predilection" and "disseminate"; making life worse; a pointer to the one term told or asked;
what a figure applies to; the authors as holders of a view; formal and run-together wordings of the review's terms;
"Query." opening a note; a single lesion that can come out; managing an after-effect. Each is a pattern of English, not the wording of one evaluation item.
"""

from __future__ import annotations

import re

import pytest

from rag.algorithm.inputs import extract_inputs
from rag.answer.cues import asks_for_number, instance_class
from rag.core.courtesy import without_pleasantries
from rag.core.text import stem
from rag.glossary.questions import parse_glossary_terms
from rag.retrieval.aims import asks_aim
from rag.retrieval.lay import lay_expansions
from rag.retrieval.record_words import ASKERS_PURPOSE, FINDING_IT
from rag.retrieval.spelling import Speller
from rag.retrieval.structure import structural_units
from rag.retrieval.works import names_other_work
from rag.routing.addressee import addressee
from rag.routing.followup import pick_referent, rewrite
from rag.routing.treatment import case_told, is_treatment_question

TEXT = "Liver surgery is the treatment of choice for resectable neuroendocrine liver metastases."


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller([TEXT])


@pytest.mark.parametrize("typo, meant", [
    ("spred", "spread"),
    ("comon", "common"),
    ("befor", "before"),
    ("cutof", "cutoff"),
])
def test_a_five_letter_word_with_a_letter_dropped_is_the_common_word(speller, typo, meant):
    assert speller.correct(typo) == meant


@pytest.mark.parametrize("word", ["ileal", "hilar", "nelms", "pnets"])
def test_a_short_word_that_only_a_replaced_letter_makes_common_is_left_alone(speller, word):
    assert speller.correct(word) is None


def test_a_capitalised_short_word_is_never_read_as_english(speller):
    assert speller.correct("Spred") is None


@pytest.mark.parametrize("question, aim", [
    ("what is the treatment of choice for resectable NELM and what are its stated aims?", False),  # the treatment's
    ("what are its stated aims?", True),
    ("what is the review about, and what are its stated aims?", True),
])
def test_a_possessive_points_back_at_the_thing_the_question_asked_about(question, aim):
    assert asks_aim(question) is aim


def test_the_verb_of_a_bibliographic_question_is_no_topic_of_another_work():

    title = "Currently available treatment options for neuroendocrine liver metastases"
    own_topic = frozenset(stem(w.lower()) for w in re.findall(r"[A-Za-z]+", title))
    own_names = frozenset({"machairas", "ann", "gastroenterol", "gastroenterology"})
    assert not names_other_work("Which journal was the review on NET liver mets published in?", own_names, own_topic)
    assert names_other_work("Which journal was the paper on prognostic factors published in?", own_names, own_topic)


@pytest.mark.parametrize("question, terms", [
    ("wat is TACE they keep saying it at the clinic", ("TACE",)),
    ("whats SI-NEN my letter says it", ("SI-NEN",)),
    # a noun subject with its determiner, when a verb of saying or using follows it
    ("what on earth is ALPPS the surgeon threw that word at us like we should know it", ("ALPPS",)),
    ("what is TACE the doctor mentioned it", ("TACE",)),
])
def test_a_written_abbreviation_closes_what_is_when_a_clause_with_its_own_subject_follows(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_determiner_after_the_abbreviation_does_not_close_the_slot(glossary):
    assert parse_glossary_terms("what is TACE the best option", glossary) != ("TACE",)


def test_a_treatment_asked_for_a_patient_opens_a_case_that_later_features_complete():
    assert case_told(["my dad has nets in his liver what can they do"]) == ("my dad has nets in his liver what can they do",)
    assert case_told(["what can be done for liver metastases?"]) == ()  # no one's case


@pytest.mark.parametrize("story, question", [
    ("I've had a small bowel neuroendocrine tumour and my last scan showed spots on the liver,",
     "so I'd like to understand whether the article says the liver is the main place these tumours tend to spread to"),
    ("My surgeon has talked about doing the liver operation in two goes,",
     "so does this paper consider that kind of staged operation to be safe nowadays?"),
])
def test_whether_the_text_says_or_judges_something_asks_the_text_whatever_the_story(story, question):
    assert addressee(question).verb == "text"
    assert not is_treatment_question(f"{story} {question}")


@pytest.mark.parametrize("question, cls", [
    ("transplant selection criteria for NELM (Milan?) - what r they per this paper", "transplant selection criteria for NELM"),
    ("targeted agents - which are they?", "targeted agents"),
    ("NELM treatments - what are they?", ""),  # no class whose members are named
])
def test_a_note_naming_its_class_first_asks_for_the_members_by_a_pronoun(question, cls):
    assert instance_class(question) == cls


@pytest.mark.model
@pytest.mark.parametrize("question", [
    pytest.param("In Figure 1, what are the individual distribution patterns drawn and how are they defined?",
                 id="patterns-for-the-captions-types"),
    pytest.param("fig 1 - what are the type I/II/III NELM distribution patterns exactly?", id="members-listed-with-slashes"),
])
def test_a_figures_classes_by_another_classifying_noun_are_beyond_its_caption(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
def test_what_figure_1_shows_is_still_its_caption(pipeline):
    answer = pipeline.ask("what does Figure 1 show?")
    assert not answer.abstained and [c.unit_id for c in answer.citations] == ["figure-1"]


def test_the_askers_dossier_is_their_purpose_not_the_records_words():
    assert ASKERS_PURPOSE.search("Need the full citation for an HTA dossier - journal, volume, issue and page range please")
    assert not ASKERS_PURPOSE.search("is TACE used for the application of chemo to the liver?")


@pytest.mark.parametrize("question, number", [
    ("Does the abstract mention that liver spread affects how well people live day to day, not just how long?", False),
    ("what decide if the surgeon can cut out the tumors from liver? is it how much of liver is sick?", False),
    ("How many studies or patients did the authors include in their review?", True),  # the authors doing, no field asked
    ("the paper on prognosis, who are the authors?", False),
])
def test_what_is_asked_as_a_figure(question, number):
    assert asks_for_number(question) is number


def test_the_number_asked_before_is_no_identifier_of_the_record():
    finding = re.compile(FINDING_IT, re.I)
    assert not finding.search("what's the 5-year survival the review reports? need the number for the article")
    assert finding.search("how do i look it up, is there a number or code for it")


def test_asking_who_in_general_is_eligible_is_no_case():
    assert not is_treatment_question("Why are interventional radiology options being offered to more NELM patients now - "
                                     "is it about who is eligible?")
    assert is_treatment_question("G2 pNET with unresectable liver mets - is she eligible for PRRT?")


@pytest.mark.parametrize("question, picked", [
    ("and the Endocr Rev one - who wrote it?", []),
    ("and the Pape one - what year?", []),
    ("who wrote it?", ["reference-2"]),
    ("the one before it?", ["reference-1"]),
])
def test_an_item_told_apart_by_its_own_word_is_not_the_previous_answers(question, picked):
    assert pick_referent(question, ["reference-2"]) == picked


@pytest.mark.parametrize("text, found, not_found", [
    ("the neuroendocrine cancer go to liver very often", ("go to liver", "metastasis"), None),
    ("does the cancer go to the liver?", ("go to the liver", "metastasis"), ("go to", "treatment of choice")),
    ("is surgery the go-to treatment", ("go-to", "treatment of choice"), None),
    ("are these just add-ons", ("add-ons", "adjuncts"), None),
    ("can they add on more drugs", None, ("add on", "adjuncts")),
])
def test_a_verb_particle_compound_only_hyphenated_and_an_article_left_out(text, found, not_found):
    expansions = lay_expansions(text)
    assert found is None or found in expansions
    assert not_found is None or not_found not in expansions


def test_a_view_asked_of_nothing_is_the_view_on_what_was_just_told():
    from rag.routing.context import leans_on_statement

    assert leans_on_statement("In general terms what is this paper's position?")
    assert not leans_on_statement("what is the paper's position on transplant?")


def test_a_reference_wanted_for_the_askers_own_letter_is_the_reviews_record(article):
    assert structural_units("Ref for clinic letter: journal, yr, vol(issue), pages.", [article]) == ["citation"]


@pytest.mark.parametrize("question, case", [
    ("my NET started in the small bowel, its in the liver and now bones too, they say no operation. what drugs would they "
     "even offer me, straight answer pls", True),
    ("what drugs would they even offer for NELM in general?", False),  # no one's case
])
def test_the_drugs_a_person_would_be_offered_are_asked_for_their_case(question, case):
    assert is_treatment_question(question) is case


@pytest.mark.parametrize("question, history, rewritten", [
    ("and who wrote it and when was it published?", ["what is this review about in simple terms"],
     "and who wrote it and when was it published?"),  # the review's record, asked in full
    ("who wrote it?", ["does the review cite the ENETS guidelines?"], "who wrote it? does the review cite the ENETS guidelines?"),
    ("who's it aimed at?", ["What is the review about?"], "who's it aimed at? What is the review about?"),
])
def test_after_a_question_about_the_review_its_record_is_asked_on_its_own_words(question, history, rewritten):
    assert rewrite(question, history).question == rewritten


def test_what_the_paper_would_do_for_a_told_case_asks_it_to_decide():
    history = ("my nan has a G1 tumour in her pancreas and it spread to her liver", "the doctors say its too much to cut out tho")
    assert addressee("so what would this paper do then").verb == "decision"
    assert extract_inputs(history[1]).liver == "unresectable"


def test_what_the_review_calls_something_asks_its_text():
    assert addressee("The review calls liver-focused treatments an essential part of what kind of management?").verb == "text"
    assert addressee("the review calls for caution in elderly patients, should she have surgery?").verb != "text"


@pytest.mark.parametrize("text, kept", [
    ("What is TACE? Quiero confirmar el término exacto.", "What is TACE?"),
    ("What is TACE? Je voudrais savoir le terme exact.", "What is TACE?"),
    ("What is TACE? I want to confirm the exact term.", "What is TACE? I want to confirm the exact term."),
    ("is surgery an option? My dad has NET liver mets.", "is surgery an option? My dad has NET liver mets."),
])
def test_a_sentence_after_the_question_in_another_language_is_the_askers_aside(text, kept):
    assert without_pleasantries(text) == kept


def test_who_in_the_present_after_openers_asks_who_is_treated():
    from rag.answer.kinds import names_who_is_asked

    assert names_who_is_asked("ok so who actually gets one, anyone with liver mets?") is not None
    assert names_who_is_asked("ok so what actually happens?") is None


def test_a_reference_list_of_the_askers_own_named_in_several_words_cites_the_review(article):
    assert "citation" in structural_units("Need the DOI plus volume/issue for our study protocol reference list pls", [article])


def test_making_life_worse_is_a_verb_of_influence_before_its_measures():
    assert not asks_for_number("does having spread to the liver make life worse for NET pts, like day to day and how long they live?")


@pytest.mark.parametrize("question, terms", [
    ("What is OLT? Is that just another word for a transplant?", ("OLT",)),  # a guess at the meaning, by a pointer
    ("letter says 'SI-NEN primary' what does that mean in plain words", ("SI-NEN",)),  # the one short form told
])
def test_a_pointer_to_the_one_term_told_or_asked(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_pointer_after_a_term_asks_more_when_its_guess_is_no_meaning(glossary):
    assert parse_glossary_terms("What is TACE? Is it safe?", glossary) == ()


@pytest.mark.model
def test_what_a_figure_applies_to_is_answered_by_its_caption_which_opens_with_its_title(pipeline):
    answer = pipeline.ask("which kind of tumours does Figure 2 apply to?")
    assert not answer.abstained and "well-differentiated (G1/G2)" in answer.answer


@pytest.mark.parametrize("question, record", [
    ("Position of the authors on transplant for NELM. One line.", False),  # the holders of a view
    ("Please state what the authors identify as the preferred management.", False),  # the authors doing
    ("who are the authors?", True),
])
def test_the_authors_as_holders_of_a_view_ask_no_record_field(article, question, record):
    assert ("citation" in structural_units(question, [article])) is record


@pytest.mark.parametrize("text, lay, clinical", [
    ("the preferred management where the metastases are amenable to removal", "preferred management", "treatment of choice"),
    ("the preferred management where the metastases are amenable to removal", "amenable to removal", "resectable"),
    ("main organ for distant spread in NEN", "main organ", "dominant site"),
    ("are there non surgery options", "non surgery", "non-surgical"),
    ("like the xray guided ones", "xray guided", "interventional radiology"),
    ("these tumours have a particular predilection for the liver", "predilection", "propensity"),
    ("when they disseminate", "disseminate", "metastasis"),
])
def test_formal_learned_and_run_together_wordings_of_the_reviews_terms(text, lay, clinical):
    assert (lay, clinical) in lay_expansions(text)


def test_query_opening_a_note_is_no_part_of_it():
    assert without_pleasantries("Query. Per this review, main organ for distant spread in NEN.") == (
        "main organ for distant spread in NEN.")


@pytest.mark.parametrize("text", [
    "now a new spot in the liver that they say can come out",
    "the tumour that could come out",
])
def test_a_single_lesion_or_a_relative_pronoun_that_can_come_out_is_resectable(text):
    assert extract_inputs(text).liver == "resectable"


def test_managing_an_after_effect_asks_no_pathway_decision():
    from rag.routing.details import asks_for_detail

    assert asks_for_detail("After TACE how do I manage post-embolisation syndrome at home, what symptoms should I tell "
                           "the family to watch for?")
    assert not asks_for_detail("G2 pNET, unresectable. What do you recommend, and what symptoms should we watch for?")


def test_an_english_closing_sentence_loads_no_other_languages_word_list(monkeypatch):
    import wordfreq

    from rag.core.courtesy import _in_another_language

    asked = []
    real = wordfreq.zipf_frequency
    monkeypatch.setattr(wordfreq, "zipf_frequency", lambda word, lang, **kw: asked.append(lang) or real(word, lang, **kw))
    assert not _in_another_language("My dad has NET liver mets in segment four.")
    assert set(asked) == {"en"}
