"""Questions the review cannot answer, whatever words they share with it: one person's
future, a circumstance the text never names, and a figure asked for more than its caption."""

from __future__ import annotations

import pytest

from rag.answer.circumstances import asks_personal_outcome, named_circumstances
from rag.answer.cues import asks_for_number, asks_likelihood, instance_class


@pytest.mark.parametrize("question, personal", [
    pytest.param("Will he be cured?", True, id="will-he"),
    pytest.param("will my mum definitely be cured after the liver op?", True, id="adverb-between"),
    pytest.param("is my dad likely to die during the liver resection? he's 78", True, id="is-likely-to"),
    pytest.param("how long has she got?", True, id="how-long-has-she-got"),
    pytest.param("will she live to see my wedding next year?", True, id="live-to-see"),
    pytest.param("will he see our grandkids grow up?", True, id="see-grandkids"),
    # What is indicated or done for a person is a statement about the treatment, not a prediction.
    pytest.param("Can my mum have the operation?", False, id="can-she-have"),
    pytest.param("will my mum be able to have surgery?", False, id="able-to-have"),
    pytest.param("Will the surgery help my dad?", False, id="subject-is-the-treatment"),
    pytest.param("how long do people usually live after a transplant?", False, id="a-population"),
])
def test_a_prediction_of_one_persons_outcome_is_recognised(question, personal):
    assert asks_personal_outcome(question) is personal


@pytest.mark.parametrize("question, groups", [
    pytest.param("can I have a glass of wine after my liver resection?", {"alcohol"}, id="wine"),
    pytest.param("how soon after liver surgery can I get back to driving?", {"driving"}, id="drive"),
    pytest.param("how are neuroendocrine liver metastases treated in kids?", {"childhood"}, id="kids"),
    pytest.param("my dog has a neuroendocrine tumour, is surgery an option?", {"animals"}, id="dog"),
    pytest.param("what does ALPPS cost?", {"money"}, id="cost"),
    pytest.param("what are the side effects of the beads treatment (TACE)?", {"harms"}, id="side-effects"),
    pytest.param("is TACE toxicity worse than TAE", {"harms"}, id="toxicity"),
    pytest.param("Is liver transplantation restricted to selected cases?", set(), id="none"),
    # "work" is the everyday verb of "does ablation work?", not employment.
    pytest.param("does ablation work for small liver metastases?", set(), id="work-is-not-a-job"),
    # Nor is "drive" the verb of "what drives the choice?" about driving a car.
    pytest.param("what drives the choice between resection and transplantation?", set(), id="drives-a-choice"),
    # children counted are someone's family, not the population asked about
    pytest.param("is a two-stage liver op possible? my brother is 52 with three young kids", set(), id="counted-children"),
])
def test_a_named_population_or_matter_of_daily_life_is_found(question, groups):
    assert named_circumstances(question) == groups


@pytest.mark.parametrize("question, figure", [
    # A measure clause under a verb of influence asks whether, not how much.
    pytest.param("does the liver spread affect how long patients live?", False, id="affect-how-long"),
    pytest.param("does it matter how much of the liver is involved?", False, id="matter-how-much"),
    pytest.param("does fig 2 say how many TACE sessions before switching to PRRT?", True, id="say-how-many"),
    pytest.param("how long do patients live after resection?", True, id="plain-how-long"),
    # a measure coordinated under the verb of influence, or put as the factor asked about
    pytest.param("what decides whether they can operate or how big the op would be?", False, id="whether-or-how-big"),
    pytest.param("is it just how much of the liver is taken over?", False, id="is-it-just-how-much"),
    # a figure told in the story around the question is not what it asks
    pytest.param("They want to do it in two goes because of how much there is. Is a two-stage op safe?", False,
                 id="measure-in-a-statement"),
    # an unmarked question closing the message still asks
    pytest.param("what are the types then? how many are there", True, id="unmarked-last-question"),
    pytest.param("what decides if they can operate? the doctor keeps talking about how much is affected", False,
                 id="closing-statement-asks-nothing"),
    # a measure coordinated after the verb's object, and how much something matters
    pytest.param("does the review say it affects her day-to-day wellbeing, or how long she has?", False,
                 id="object-or-how-long"),
    pytest.param("I want to understand how much the liver spread actually matters", False, id="how-much-it-matters"),
    pytest.param("do liver secondaries hit how people feel day to day and how long they live?", False, id="hit-how-long"),
    # "5-year" is a figure asked, not the year of a record
    pytest.param("quick one for my article - what's the 5-year survival after resection?", True, id="five-year-is-no-record-year"),
])
def test_a_measure_under_a_verb_of_influence_asks_for_no_figure(question, figure):
    assert asks_for_number(question) is figure


@pytest.mark.parametrize("question, likelihood", [
    pytest.param("in fig 1, which distribution type is the most common?", True, id="most-common"),
    pytest.param("which is the commonest type?", True, id="commonest"),
    pytest.param("where do NENs most commonly spread to?", False, id="adverb-asks-where"),
])
def test_the_most_common_of_several_is_a_likelihood(question, likelihood):
    assert asks_likelihood(question) is likelihood


@pytest.mark.parametrize("question, cls", [
    pytest.param("What are the three distribution types in figure 1 called?", "distribution types", id="types-called"),
    pytest.param("what is the treatment algorithm called?", "", id="a-name-not-members"),
    pytest.param("describe the 3 types of distribution shown in figure 1", "types of distribution", id="describe-the-types"),
    pytest.param("which chemo drug goes in TACE", "chemo drug", id="one-drug-by-name"),
    # where it was met may come first; words that single members out are not the class's name
    pytest.param("In figure 1, what are the individual distribution types called?", "distribution types",
                 id="where-first-and-individual"),
    pytest.param("which selection criteria (Milan or another set) does the review spell out?", "selection criteria",
                 id="bracketed-aside-and-spell-out"),
])
def test_what_the_members_of_a_class_are_called_asks_for_them(question, cls):
    assert instance_class(question) == cls


@pytest.mark.model
@pytest.mark.parametrize("question", [
    pytest.param("will my mum definitely be cured after the liver op?", id="personal-outcome"),
    pytest.param("is my dad likely to die during the liver resection? he's 78", id="personal-risk"),
    pytest.param("can I have a glass of wine after my liver resection for NET mets?", id="alcohol"),
    pytest.param("how soon after liver surgery can I get back to driving?", id="driving"),
    pytest.param("how are neuroendocrine liver metastases treated in children?", id="children"),
    pytest.param("What are the three distribution types in figure 1 called?", id="figure-members"),
    pytest.param("in fig 1, which distribution type is the most common?", id="figure-frequency"),
    pytest.param("does fig 2 say how many TACE sessions before switching to PRRT?", id="figure-count"),
    pytest.param("does Figure 2 show the survival for each treatment arm?", id="figure-shows-unnamed"),
    pytest.param("what are the three types of liver spread in figure 1 exactly, what's type 2", id="figure-member-by-number"),
    pytest.param("describe the type I, II and III liver mets patterns in fig 1", id="figure-members-by-numeral"),
    pytest.param("In fig 1, what are the individual spread types called - solitary, bilobar, diffuse?", id="figure-members-where-first"),
    # a reference named outright prints its title, not what the work found
    pytest.param("What did reference 4 find?", id="named-reference-finding"),
    pytest.param("which survival trends did Dasari et al. (ref 4) find?", id="named-reference-and-author-finding"),
    pytest.param("does the review compare outcomes of 1-stage versus 2-stage resections?", id="a-comparison-not-made"),
    # a figure asked of a cited work is not the record's numbers; its results are not in its entry
    pytest.param("what % cytoreduction threshold does the ENETS 2016 guidance (ref 2) set?", id="a-figure-of-a-cited-work"),
    pytest.param("Pape et al 2008 - which prognostic factors did they identify (ref 5)?", id="what-a-work-identified"),
    # how the figure is drawn, which the caption does not say
    pytest.param("In the figure 2 flowchart which box is at the top and where do the arrows go?", id="the-figure-s-drawing"),
    # one person's chances
    pytest.param("my dad has NET spots in his liver they can take out. what are the chances hes still here in 5 years?",
                 id="one-person-s-chances"),
])
def test_questions_beyond_what_the_page_holds_are_declined(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.model
@pytest.mark.parametrize("question, unit", [
    pytest.param("What does Figure 1 show?", "figure-1", id="figure-about"),
    pytest.param("does fig 2 include PVL?", "figure-2", id="figure-shows-named"),
    pytest.param("does the liver spread affect how long patients live?", "abstract-s1", id="affect-how-long"),
    pytest.param("does it matter how much of the liver is involved for whether they can operate?", "abstract-s3",
                 id="matter-how-much"),
    # a lay phrase weighs what the term it stands for weighs ("a new liver" is a transplant)
    pytest.param("can someone with neuroendocrine cancer in the liver get a new liver?", "abstract-s5",
                 id="lay-phrase-weighs-as-its-term"),
    # money named beside a conflict of interest is what the statement is about, not a matter it never names
    pytest.param("any conflict of interest declared by the authors like pharma money", "coi", id="coi-pharma-money"),
    pytest.param("what is this review actually about / scope", "abstract-s8", id="what-it-is-actually-about"),
    pytest.param("my sister's op may be done in two stages because of how much there is. is that actually safe?? "
                 "she is 45 with two little kids", "abstract-s4", id="story-figure-and-family-are-not-asked"),
    pytest.param("what is reference 4 about?", "reference-4", id="named-reference-topic"),
    # where a thing comes from describes it; it names no particular thing the passage must name
    pytest.param("is there an American study in the references about how common these tumours are getting?",
                 "reference-4", id="a-demonym-is-no-name"),
    # funding from industry is what a conflict-of-interest line declares
    pytest.param("did the authors get any funding from drug companies they had to declare?", "coi", id="industry-funding"),
    # the review's own subject is what every passage of it is about
    pytest.param("re-do hepatectomy for recurrent NELM: is it safe?", "abstract-s4", id="subject-named-beside-a-synonym"),
])
def test_near_misses_are_still_answered(pipeline, question, unit):
    answer = pipeline.ask(question)
    assert not answer.abstained and f"[{unit}]" in answer.answer


@pytest.mark.parametrize("question", [
    pytest.param("Does the tumour spreading to the liver affect how well and how long you live?", id="coordinated"),
    pytest.param("how big a role do locoregional approaches play in managing NEN?", id="how-big-a-role"),
])
def test_importance_and_coordinated_influence_ask_for_no_figure(question):
    assert not asks_for_number(question)


@pytest.mark.parametrize("question, figure", [
    pytest.param("the US incidence/prevalence paper, what journal", False, id="a-record-field-of-a-work"),
    pytest.param("which year was the survival trends study published?", False, id="a-work-s-year"),
    pytest.param("do they cite any epidemiology paper on how common these tumours are?", False, id="whether-one-is-cited"),
    pytest.param("is there a US study in the refs about neuroendocrine tumour incidence", False, id="whether-one-is-listed"),
    pytest.param("any papers on how common these tumours are?", False, id="any-papers-on"),
    pytest.param("what is the incidence of liver metastases in the US?", True, id="the-figure-itself"),
    pytest.param("how common are liver mets according to the paper they cite?", True, id="a-figure-from-a-cited-work"),
])
def test_a_cited_work_named_by_its_subject_is_no_figure_asked_for(question, figure):
    assert (asks_for_number(question) or asks_likelihood(question)) is figure


@pytest.mark.model
@pytest.mark.parametrize("question, declined", [
    pytest.param("PMID for the Dasari JAMA Onc paper?", True, id="pmid-by-author"),
    pytest.param("what's the PMID of reference 4?", True, id="pmid-by-number"),
    pytest.param("which journal published the Dasari paper?", False, id="journal-is-printed"),
])
def test_a_reference_entry_answers_only_the_fields_it_prints(pipeline, question, declined):
    assert pipeline.ask(question).abstained is declined


@pytest.mark.model
def test_a_case_asking_how_one_person_will_fare_is_declined_not_given_a_pathway(pipeline):
    answer = pipeline.ask("62M G2 ileal NET, resectable liver mets, no EHD. Will he be cured if we operate?")
    assert answer.route == "retrieval" and answer.abstained
    assert pipeline.ask("62M G2 ileal NET, resectable liver mets, no EHD. Plan?").route == "algorithm"


@pytest.mark.parametrize("question, answered", [
    # a choice offered to close a question is answered only by a passage naming one of the options
    ("After liver-directed therapy, which targeted drug do they use, everolimus or sunitinib?", False),
    ("what chemo regimen is used for liver dominant NEN - CAPTEM or streptozocin based?", False),
    ("is transplant for NELM routine or restricted?", True),
    ("for resectable NELM is the treatment of choice surgery or embolization?", True),
])
def test_a_choice_of_named_things_is_answered_only_by_a_passage_naming_an_option(pipeline, question, answered):
    assert pipeline.ask(question).abstained is not answered


def test_a_choice_of_everyday_words_needs_no_passage_naming_them():
    """"routine option or exception?" may be answered by "restricted only to highly selected individual cases":
    only technical names (rare words, as wordfreq counts them) must be named by the passage."""
    from rag.answer.constraints import _names_a_choice

    quoted = "liver transplantation ... should be restricted only to highly selected individual cases"
    assert _names_a_choice("where does the review land on transplant - routine option or exception?", quoted)
    assert not _names_a_choice("which drug, everolimus or sunitinib?", quoted)


@pytest.mark.parametrize("question", [
    # another disease named in a comparison: no passage names it
    "Are outcomes after liver resection for NELM better or worse than after hepatectomy for colorectal liver metastases?",
    # a unit named outright does not answer for a figure it does not print
    "Ablation is one of the article's keywords, so what is the maximum tumour size they consider suitable?",
])
def test_a_comparison_or_a_figure_the_passage_cannot_hold_is_declined(pipeline, question):
    assert pipeline.ask(question).abstained


@pytest.mark.parametrize("question, answered", [
    # a verdict between options needs a passage that compares or ranks; naming both options is no verdict
    ("is TACE better than bland TAE for neuroendocrine liver mets, which one gives longer survival", False),
    ("is surgery better than other treatments for resectable NELM?", True),  # "the treatment of choice" ranks
    ("why are IR therapies more widely applicable for NELM than resection", True),  # "more applicable"
    # a comparison over time asks how things changed, which a passage on advances answers
    ("why are complex liver resections safer now than a few decades ago?", True),
    ("has liver surgery got better over the years or is it still really risky", True),
    # which option does best on an outcome asks for outcome figures
    ("The authors call interventional radiology an important alternative to surgery. Which IR technique gives the "
     "longest progression-free survival?", False),
])
def test_a_judgement_between_options_needs_a_passage_that_compares(pipeline, question, answered):
    assert pipeline.ask(question).abstained is not answered


@pytest.mark.parametrize("history, question, unit", [
    # "done by who?" asks who does it: those who treat; "in whom?" / "which patients?" those treated
    (["can they do really complicated liver ops for these mets", "like two stage ones?"], "done by who", "abstract-s4"),
    ([], "who should get surgery for NELM", "abstract-s3"),
])
def test_a_who_question_is_answered_by_a_passage_naming_such_people(pipeline, history, question, unit):
    answer = pipeline.ask(question, history)
    assert not answer.abstained and answer.citations[0].unit_id == unit


def test_who_is_asked_as_doer_or_as_the_one_treated():
    from rag.answer.kinds import names_who_is_asked

    assert names_who_is_asked("done by who").search("performed by experienced surgeons")
    assert not names_who_is_asked("in whom?").search("assisting physicians in optimizing NEN patient care")
    assert names_who_is_asked("in whom?").search("indicated for patients with NELM")
    # embedded, "who can have them" asks about a restriction, not for people
    assert names_who_is_asked("getting more restricted in who can have them, true?") is None


def test_what_the_authors_did_is_no_question_about_who_they_are(pipeline):
    answer = pipeline.ask("How many studies did the authors include in this review and which databases did they search?")
    assert answer.abstained


@pytest.mark.parametrize("question", [
    "what criteria do the ENETS 2016 guidelines set for liver transplant in NELM",  # what a cited work sets out
    "what does the WHO 2019 classification say about G3?",  # a named thing with its year, which no passage names
])
def test_what_a_named_work_sets_out_is_declined(pipeline, question):
    assert pipeline.ask(question).abstained
