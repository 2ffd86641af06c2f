"""rag/routing/router.py: where each question goes, decided in one place.

Known answers: the route of a question follows from the order of the checks (glossary,
out of scope, algorithm, follow-up, retrieval), so each case below names the check that
decides it. The glossary is the review's own (built from the seed page), no model needed.
"""

from __future__ import annotations

import pytest

from rag.core.errors import InvalidQuestionError
from rag.routing.router import route

LIMIT = 2000


@pytest.mark.parametrize("question, expected", [
    pytest.param("What does TACE stand for?", "glossary", id="abbreviation-frame"),
    pytest.param("Expand ALLPS", "glossary", id="typo-keeps-glossary"),
    pytest.param("Is hepatectomy recommended for colorectal liver metastases?", "out_of_scope", id="other-cancer"),
    pytest.param("How should liver metastases from a G1 rectal NET be treated?", "algorithm",
                 id="nen-term-keeps-scope"),
    pytest.param("How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?", "algorithm",
                 id="case"),
    pytest.param("Which dose of lanreotide?", "retrieval", id="a-figure-without-a-case"),
    pytest.param("What does the review say about liver transplantation?", "retrieval", id="about-the-text"),
    pytest.param("What is the DOI of the review?", "retrieval", id="bibliographic"),
])
def test_a_question_gets_the_route_of_the_first_check_that_holds(glossary, question, expected):
    assert route(question, [], glossary, LIMIT).route == expected


def test_another_cancer_is_named_in_the_turn(glossary):
    turn = route("Should liver metastases from breast cancer be resected?", [], glossary, LIMIT)
    assert (turn.route, turn.other_disease) == ("out_of_scope", "breast cancer")


@pytest.mark.parametrize("history, question, expected, term", [
    pytest.param(["What does TACE stand for?"], "And TAE?", "glossary", "TAE", id="glossary-follow-up"),
    # a discourse particle, or a clause that only tells, adds nothing to the term asked about
    pytest.param(["what does panNEN mean"], "what about SI-NEN then", "glossary", "SI-NEN", id="particle-after-the-term"),
    pytest.param(["what does ALPPS stand for"], "what about PVE, it's in the same legend", "glossary", "PVE",
                 id="a-told-clause-after-the-term"),
    pytest.param(["What does TACE stand for?"], "and TAE, is it safe?", "retrieval", "", id="a-clause-that-asks-more"),
    pytest.param(["How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"],
                 "and for small intestine primaries?", "algorithm", "", id="algorithm-follow-up"),
    pytest.param(["What is the treatment of choice for resectable NELM?"], "Why?", "retrieval", "",
                 id="retrieval-follow-up"),
])
def test_a_follow_up_takes_the_route_of_the_question_it_leans_on(glossary, history, question, expected, term):
    turn = route(question, history, glossary, LIMIT)
    assert turn.route == expected and turn.glossary_term == term
    assert history[0] in turn.query  # the self-contained question carries the earlier turn


def test_an_algorithm_follow_up_remembers_the_case_it_adds_to(glossary):
    case = "How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"
    assert route("and if it were resectable?", [case], glossary, LIMIT).previous_treatment == case


def test_a_question_that_stands_alone_is_not_joined_with_the_history(glossary):
    turn = route("What is the DOI of the review?", ["What does TACE stand for?"], glossary, LIMIT)
    assert turn.query == "What is the DOI of the review?"


def test_invalid_earlier_turns_are_dropped_and_an_invalid_question_raises(glossary):
    assert route("What is TACE?", ["   ", "x" * (LIMIT + 1)], glossary, LIMIT).history == ()
    with pytest.raises(InvalidQuestionError, match="empty"):
        route("   ", [], glossary, LIMIT)


@pytest.mark.parametrize("question, expected, terms", [
    pytest.param("wats PVL", "glossary", ("PVL",), id="text-speak"),
    pytest.param("PVL stands 4", "glossary", ("PVL",), id="digit-for-preposition"),
    pytest.param("SI-NEN =", "glossary", ("SI-NEN",), id="equals-sign"),
    pytest.param("allps", "glossary", ("allps",), id="lower-case-slip"),
    pytest.param("TACE vs TAE", "glossary", ("TACE", "TAE"), id="two-terms-vs"),
    pytest.param("what do TACE and TAE stand for?", "glossary", ("TACE", "TAE"), id="two-terms-stand-for"),
    pytest.param("define OLT, RE", "glossary", ("OLT", "RE"), id="two-terms-listed"),
    pytest.param("What is the role of TACE in unresectable NELM?", "retrieval", (), id="content-role"),
    pytest.param("When is OLT indicated?", "retrieval", (), id="content-indication"),
    pytest.param("Is RE better than TACE?", "retrieval", (), id="content-comparison"),
    pytest.param("what is re", "retrieval", (), id="english-word-re"),
    pytest.param("net benefit", "retrieval", (), id="english-words-net-benefit"),
])
def test_the_turn_carries_every_term_a_glossary_question_asks_about(glossary, question, expected, terms):
    turn = route(question, [], glossary, LIMIT)
    assert (turn.route, turn.glossary_terms) == (expected, terms)
    assert turn.glossary_term == (terms[0] if terms else "")  # the first, for callers that take one


def test_a_glossary_follow_up_carries_its_one_term(glossary):
    turn = route("And TAE?", ["What does TACE stand for?"], glossary, LIMIT)
    assert (turn.route, turn.glossary_terms) == ("glossary", ("TAE",))


@pytest.mark.parametrize("history, question, joined", [
    pytest.param(["Which reference is about incidence trends in the US?"], "What is the title of that paper?",
                 True, id="that-paper-at-any-length"),
    pytest.param(["Which references were published in 2008?"], "Which journal was the second one in?",
                 True, id="ordinal-one-at-any-length"),
    pytest.param(["Which reference is about incidence trends in the US?"], "What is the title of this review?",
                 False, id="this-review-stands-alone"),
])
def test_a_pointing_noun_phrase_makes_a_retrieval_follow_up(glossary, history, question, joined):
    turn = route(question, history, glossary, LIMIT)
    assert turn.route == "retrieval" and (history[0] in turn.query) is joined


# --- Treatment cases as clinicians write them, and details the pathway cannot give ----------------

@pytest.mark.parametrize("question, expected", [
    pytest.param("54F, G2 ileal NET, 3 lesions in segments 6-7, no extrahepatic disease. What next?", "algorithm",
                 id="age-sex-run-together"),
    pytest.param("M 67, jejunal NET G1, solitary 4 cm lesion in segment 8. Management?", "algorithm",
                 id="sex-before-age"),
    pytest.param("A 60yo woman w/ G1 pNET, innumerable hepatic mets. Could she be listed?", "algorithm",
                 id="listed-is-transplant-listing"),
    pytest.param("67-year-old m, midgut NET G2, diffuse liver mets. Is he a transplant candidate?", "algorithm",
                 id="transplant-candidate"),
    pytest.param("G1 ileal NET, liver mets, remnant too small: which of the two staged options?", "algorithm",
                 id="which-of-the-staged-options"),
    pytest.param("G2 pNET, insufficient FLR, no extrahepatic dz: PVE or ALPPS?", "algorithm",
                 id="case-then-named-treatments"),
    pytest.param("G2 pancreatic tail NET, mets to liver confined to one lobe. Plan?", "algorithm", id="plan"),
    pytest.param("48M, G3 pNET, liver mets. Tx?", "algorithm", id="tx-is-treatment"),
    pytest.param("54F, G2 pNET, unresectable liver mets: what treatment, and at what dose?", "algorithm",
                 id="a-decision-and-a-detail-is-a-decision"),
    pytest.param("54F, G2 pNET, unresectable liver mets. What dose of lanreotide should she receive?", "retrieval",
                 id="a-dose-for-a-case"),
    pytest.param("What debulking threshold applies to a 62M w/ G2 ileal NET and refractory carcinoid syndrome?",
                 "retrieval", id="a-cytoreduction-threshold-for-a-case"),
    pytest.param("What is the 5-year survival for a 50M after resection of G1 ileal NET liver mets?", "retrieval",
                 id="a-survival-figure-for-a-case"),
    pytest.param("How many cycles of PRRT would a 65F with G2 SI-NEN need?", "retrieval", id="a-schedule"),
    pytest.param("G2 pNET w/ unresectable liver mets: which chemo regimen?", "retrieval", id="a-named-regimen"),
    pytest.param("For operable hepatic NET metastases, is hepatectomy the preferred approach?", "retrieval",
                 id="one-feature-and-a-treatment-is-a-topic"),
    pytest.param("Which procedures are used for staged hepatectomy?", "retrieval", id="staged-as-a-topic"),
    pytest.param("What does the review say about ALPPS?", "retrieval", id="about-the-text"),
    pytest.param("My wife is starting lanreotide injections next week - what side effects should we look out for?",
                 "retrieval", id="a-treatment-s-harms"),
    pytest.param("Is everolimus 10 mg once daily the dose the authors recommend for pancreatic NELM?", "retrieval",
                 id="a-dose-put-as-yes-or-no"),
])
def test_clinician_shorthand_reaches_the_algorithm_and_details_go_to_retrieval(glossary, question, expected):
    assert route(question, [], glossary, LIMIT).route == expected


@pytest.mark.parametrize("question, expected", [
    pytest.param("And if there were bone mets?", "algorithm", id="a-changed-case-stays-with-the-algorithm"),
    pytest.param("What dose of lanreotide?", "retrieval", id="a-dose-goes-to-retrieval"),
])
def test_a_treatment_follow_up_asking_a_detail_goes_to_retrieval(glossary, question, expected):
    case = "How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"
    assert route(question, [case], glossary, LIMIT).route == expected


def test_a_retrieval_turn_searches_the_written_out_question_and_keeps_the_typed_one(glossary):
    turn = route("wat yr was it published", [], glossary, LIMIT)
    assert turn.route == "retrieval" and turn.question == "wat yr was it published"
    assert turn.query == "what year was it published" == turn.own_words


# --- Follow-ups that lean on a text question, and term questions that open a conversation ---------

@pytest.mark.parametrize("history, expected", [
    pytest.param(["is transplant an option for NELM?"], "retrieval", id="after-a-text-question"),
    pytest.param(["How should a G2 pancreatic NEN with unresectable liver-only metastases be treated?"], "algorithm",
                 id="after-a-case"),
])
def test_a_pronoun_treatment_follow_up_takes_the_route_of_what_it_leans_on(glossary, history, expected):
    assert route("should it be done on its own?", history, glossary, LIMIT).route == expected


@pytest.mark.parametrize("question, history, expected, terms", [
    pytest.param("And TAE?", [], "glossary", ("TAE",), id="bare-and-term-opening-a-conversation"),
    pytest.param("And TAE?", ["Is liver transplantation an option for NELM?"], "retrieval", (),
                 id="bare-and-term-after-a-text-question-is-a-follow-up"),
    pytest.param("is RE radioembolization?", [], "glossary", ("RE",), id="yes-no-guess-at-the-expansion"),
    pytest.param("is PVL short for portal vein ligation?", ["Is liver transplantation an option for NELM?"],
                 "glossary", ("PVL",), id="guess-with-short-for-mid-conversation"),
    pytest.param("is TACE safe?", [], "retrieval", (), id="a-predicate-is-no-guess"),
    pytest.param("Is OLT an option for NELM?", [], "retrieval", (), id="an-option-is-no-guess"),
    # what kind of thing the term is, asked after its definition, is answered by the definition
    pytest.param("fig 2 says PPRT - what's that, is it a typo?", [], "glossary", ("PPRT",), id="is-it-a-typo"),
    pytest.param("ALPPS?? what is it, is it a kind of operation", [], "glossary", ("ALPPS",), id="is-it-a-kind-of"),
    pytest.param("what is TACE, is it safe?", [], "retrieval", (), id="a-predicate-after-the-definition-is-asked"),
    pytest.param("the figure says pan nen, what's the full term", [], "glossary", ("pan nen",), id="a-form-in-two-pieces"),
    pytest.param("dads scan report says NELM what does that mean in normal words", [], "glossary", ("NELM",),
                 id="in-normal-words"),
])
def test_a_term_question_is_read_as_people_type_it(glossary, question, history, expected, terms):
    turn = route(question, history, glossary, LIMIT)
    assert (turn.route, turn.glossary_terms) == (expected, terms)


@pytest.mark.parametrize("question, expected", [
    pytest.param("what did the 2016 ENETS guidelines recommend for bone metastases?", "retrieval",
                 id="what-a-cited-work-recommends-is-no-case"),
    pytest.param("what do the trials show for G2 pNET with bone mets?", "retrieval", id="what-trials-show"),
    pytest.param("Based on the studies, what do you recommend for a G2 pNET with resectable liver-only mets?",
                 "algorithm", id="studies-as-a-basis-leave-the-case-a-case"),
])
def test_what_a_cited_work_found_goes_to_retrieval_even_with_case_words(glossary, question, expected):
    """A reference entry never says what the work found, and the pathway is not the guideline's:
    retrieval declines it honestly."""
    assert route(question, [], glossary, LIMIT).route == expected


@pytest.mark.parametrize("history, question, terms", [
    pytest.param(["what does PVL stand for?"], "and how is it different from PVE?", ("PVL", "PVE"), id="it-is-the-term"),
    pytest.param(["what does TACE stand for?"], "is that the same as TAE?", ("TACE", "TAE"), id="that-is-the-term"),
])
def test_a_pronoun_after_an_abbreviation_question_is_its_term(glossary, history, question, terms):
    turn = route(question, history, glossary, LIMIT)
    assert turn.route == "glossary" and turn.glossary_terms == terms


def test_a_content_question_about_the_term_leaves_the_glossary(glossary):
    assert route("is it safe?", ["what does PVL stand for?"], glossary, LIMIT).route == "retrieval"


@pytest.mark.parametrize("question, expected", [
    pytest.param("How is carcinoid heart disease managed?", "retrieval", id="a-tumour-s-name-states-no-case"),
    pytest.param("My dad's carcinoid has spread all over his liver and they can't operate. What treatments are there?",
                 "algorithm", id="a-case-told-with-the-old-name"),
])
def test_a_grade_read_off_the_tumour_s_name_is_no_case_feature(glossary, question, expected):
    assert route(question, [], glossary, LIMIT).route == expected


def test_a_term_with_a_placeholder_noun_after_an_abbreviation_question_is_that_term(glossary):
    turn = route("and the PRRT one?", ["what is RE in the treatment chart?"], glossary, LIMIT)
    assert turn.route == "glossary" and turn.glossary_terms == ("PRRT",)


def test_a_why_question_with_words_of_its_own_after_a_case_asks_the_review(glossary):
    case = ["I'm 60, carcinoid of the small bowel, grade 2, liver metastases that cannot be operated on, "
            "nothing elsewhere. What can be done?"]
    assert route("why would they treat the liver first?", case, glossary, LIMIT).route == "retrieval"
    assert route("so what are the options?", case, glossary, LIMIT).route == "algorithm"


def test_a_pronoun_after_an_abbreviation_question_is_the_term_asked_about_in_the_text(glossary):
    turn = route("is it recommended for NELM?", ["what does OLT mean"], glossary, LIMIT)
    assert (turn.route, turn.query) == ("retrieval", "is OLT recommended for NELM?")


def test_what_decides_a_matter_asks_the_review_whatever_case_comes_first(glossary):
    turn = route("My husband has had scans saying 'a couple of spots' and 'both lobes'. In this review, what is it"
                 " that determines whether an operation is possible?", [], glossary, LIMIT)
    assert turn.route == "retrieval"


def test_whether_a_told_change_alters_the_plan_continues_the_case(glossary):
    turn = route("his flushing and diarrhoea arent controlled by the injections any more, does that change anything?",
                 ["67M midgut NET G2 with liver-only mets, what treatment does the paper recommend?"], glossary, LIMIT)
    assert turn.route == "algorithm"


def test_a_bare_what_decides_after_a_told_case_asks_about_that_case(glossary):
    turn = route("G1 pNET, several bilobar mets, unclear whether resectable - what decides?", [], glossary, LIMIT)
    assert turn.route == "algorithm"


def test_a_case_whose_asking_part_has_no_words_is_still_routed(glossary):
    """The router reads parts of a question ("?OLT" after its case) that are no question on their own."""
    turn = route("Discharge line: 'Dx NELM; hx panNEN; Rx PPRT + SA; ?OLT' - expand all the abbreviations please", [],
                 glossary, 2000)
    assert turn.route == "glossary"


@pytest.mark.parametrize("question, expected", [
    ("what about the first letter, the O?", "glossary"),
    ("and the C?", "glossary"),
    ("is it done in a letter to the GP?", "retrieval"),  # a letter one writes, not one of the term's
])
def test_a_letter_asked_after_a_definition_is_one_of_the_earlier_term_s(glossary, question, expected):
    assert route(question, ["what is OLT"], glossary, 2000).route == expected


@pytest.mark.parametrize("history, question, terms", [
    (["is TACE in the algorithm?"], "and what does that one stand for", ("TACE",)),
    (["what does PVE stand for"], "what do those letters mean", ("PVE",)),
])
def test_a_pointer_for_a_term_names_the_earlier_turn_s_short_forms(glossary, history, question, terms):
    turn = route(question, history, glossary, 2000)
    assert turn.route == "glossary" and turn.glossary_terms == terms


def test_a_pointer_with_nothing_before_it_asks_no_definition(glossary):
    assert route("what do those letters mean", [], glossary, 2000).route != "glossary"


@pytest.mark.parametrize("question, expected", [
    # a story, then a question about the disease in general: what the review says, not a decision
    pytest.param("my mums got a NET in her pancreas and the nurse said these things like to go to the liver?? "
                 "is the liver the main place they spread to", "retrieval", id="general-fact-after-a-story"),
    # a question about the case after the story asks for a decision
    pytest.param("mum has a grade 2 pancreas NET, liver only, they cant operate. is there anything else they can do?",
                 "algorithm", id="what-can-be-done-after-a-story"),
    pytest.param("55F ileal NET G1, solitary 5 cm met seg 6, no EHD. Is a right posterior sectionectomy reasonable?",
                 "algorithm", id="an-operation-judged-after-a-case"),
    pytest.param("my husband has a slow growing NET from his bowel, it's in his liver only and they say they can't operate. "
                 "is there anything else?", "algorithm", id="a-question-naming-nothing-leans-on-the-case"),
    pytest.param("my mum has a grade 2 pancreatic NET with liver mets, what does the review say for her?", "algorithm",
                 id="what-the-review-says-for-her"),
    # whether a claim holds, or why, asks what the review says, unless the claim is about the person
    pytest.param("is it true they won't operate on the liver if the tumour isnt well differentiated?? my mum's report "
                 "says well diff", "retrieval", id="a-general-claim-checked"),
    pytest.param("Is it true that my dad can't have surgery because his NET is grade 2 and the liver is full of it?",
                 "algorithm", id="a-claim-about-the-person"),
    pytest.param("my sister's G2 small intestine NET is all over her liver, too much to operate, nothing elsewhere. "
                 "what are the choices", "algorithm", id="choices-are-options"),
    pytest.param("is there some kind of flowchart for deciding what treatment someone gets?", "retrieval",
                 id="whether-the-review-holds-a-flowchart"),
])
def test_a_question_after_a_story_is_routed_by_what_it_asks(glossary, question, expected):
    assert route(question, [], glossary, LIMIT).route == expected


def test_a_reply_opening_before_a_pointer_is_a_follow_up(glossary):
    turn = route("right so is that an option for my sister, who actually gets one", ["What does OLT stand for?"],
                 glossary, LIMIT)
    assert (turn.route, "OLT" in turn.query) == ("retrieval", True)


def test_a_pointer_to_an_abbreviation_reaches_back_to_the_latest_turn_that_named_one(glossary):
    history = ["figure 2 lists IFNa as an option for small bowel primaries", "is that a type of chemo?"]
    turn = route("ok whatever, just tell me what that abbreviation actually stands for", history, glossary, LIMIT)
    assert (turn.route, turn.glossary_terms) == ("glossary", ("IFNa",))


def test_a_kind_asked_of_a_term_already_defined_asks_about_the_thing(glossary):
    assert route("ok so is it a surgery?", ["what's ALPPS?"], glossary, LIMIT).route == "retrieval"
    assert route("is ALPPS a surgery?", [], glossary, LIMIT).route == "glossary"


@pytest.mark.parametrize("question", [
    pytest.param("61F, SI-NEN G2, five liver mets, nothing elsewhere, resectable on imaging - does the algorithm say resect?",
                 id="on-imaging"),
    pytest.param("G1 panNET, liver-only disease at staging, unresectable - what does the pathway offer?", id="at-staging"),
])
def test_where_a_finding_was_seen_is_part_of_the_case(glossary, question):
    assert route(question, [], glossary, LIMIT).route == "algorithm"


@pytest.mark.parametrize("question", [
    "Fig 2 flowchart - which grades of tumour is it built for? any use for poorly diff?",
    "the treatment algorithm - is it meant for G3 as well?",
])
def test_whom_the_figure_was_drawn_for_asks_the_text(glossary, question):
    assert route(question, [], glossary, LIMIT).route == "retrieval"


def test_a_question_pointing_back_at_the_story_searches_it_too(glossary):
    told = "got told last week my carcinoid has spread into my liver. is that normal for this kind of tumour?"
    assert "spread into my liver" in route(told, [], glossary, LIMIT).searched
    # "they" of what doctors usually do is no pointer to the story
    cited = "In the references one paper is about prognostic factors. Who wrote it?"
    assert "prognostic factors" in route(cited, [], glossary, LIMIT).searched
    generic = "my dad's cancer is mostly in his liver. do they usually treat the liver first?"
    assert route(generic, [], glossary, LIMIT).searched == "do they usually treat the liver first?"


def test_a_term_then_a_story_that_cannot_find_its_letters_asks_the_definition(glossary):
    turn = route("ALPPS??? the surgeon mentioned it for my husband and I cant find what the letters mean", [], glossary, LIMIT)
    assert (turn.route, turn.glossary_terms) == ("glossary", ("ALPPS",))
