"""Abbreviation questions as people type them: frames, clauses, pronouns, slips of frame words.

Known answers come from the seed page's glossary (the abstract defines NEN and NELM, the
Figure 2 legend twelve more) and the packaged supplementary list (SSA, RFA, ...). Each
question below is read by `parse_glossary_terms` into the terms it asks about; () means it
is no abbreviation question and goes on to the other routes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import parse_pubmed_page
from rag.glossary.questions import parse_glossary_terms
from rag.glossary.replies import answer_glossary_terms, review_counterparts
from rag.glossary.store import Glossary, build_glossary
from rag.routing.router import route

SEED = Path(__file__).resolve().parent.parent / "seeds" / "machairas2021_nelm_review_pubmed.txt"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return build_glossary(parse_pubmed_page(SEED).units)


@pytest.mark.parametrize("question, terms", [
    # a slip of a frame word that English hardly uses is read as the frame word
    pytest.param("wht does SI-NEN stnd for", ("SI-NEN",), id="stnd-for-stand"),
    pytest.param("what does PVL meen", ("PVL",), id="meen-for-mean"),
    pytest.param("defintion of NELM", ("NELM",), id="defintion-for-definition"),
    # "dose" is a word, so only the frame reads it as "does"
    pytest.param("wut dose OLT mean", ("OLT",), id="dose-for-does-in-the-frame"),
    pytest.param("what dose of SA is used", (), id="a-dose-question-stays-a-dose-question"),
    # "what is that?" points back to the last word, or for a thing to the only abbreviation
    pytest.param("my letter says she needs TACE, what is that?", ("TACE",), id="that-after-a-clause"),
    pytest.param("the consultant mentioned PVE - what's that", ("PVE",), id="that-after-a-dash"),
    pytest.param("dad's scan report says NELM, what does that mean?", ("NELM",), id="that-mean"),
    pytest.param("my husband is booked for ALPPS next month. whats that", ("ALPPS",), id="the-only-abbreviation"),
    pytest.param("the review says OLT is restricted to selected cases, what does that mean?", (),
                 id="that-mean-after-a-statement-asks-about-the-statement"),
    pytest.param("my mum had a liver resection, what is that?", (), id="no-abbreviation-to-point-to"),
    # a frame in one sentence or the last clause of a longer question
    pytest.param("the oncologist wants to start SA, what does SA stand for", ("SA",), id="clause-then-frame"),
    pytest.param("Doctor said ALPPS. What is ALPPS?", ("ALPPS",), id="statement-then-question"),
    pytest.param("im a nurse, what does OLT stand for", ("OLT",), id="introduction-then-frame"),
    pytest.param("Can you explain what TACE is? My mum is having it next week", ("TACE",),
                 id="question-then-statement"),
    pytest.param("My dad has NELM. Is TACE safe for him?", (), id="another-question-asks-something-else"),
    pytest.param("TACE vs TAE, which is better?", (), id="a-bare-pair-before-a-question"),
    pytest.param("define olt, re", ("olt", "re"), id="a-list-item-beside-a-short-form-is-one-too"),
    # where the term was met, or the field it belongs to
    pytest.param("what is the RE mentioned in figure 2", ("RE",), id="mentioned-in-the-figure"),
    pytest.param("what is PVL in liver surgery", ("PVL",), id="in-a-field"),
    pytest.param("TACE meaning in medical terms", ("TACE",), id="in-medical-terms"),
    pytest.param("TACE in NELM?", (), id="a-bare-term-in-a-topic-is-a-search"),
    pytest.param("What is the role of TACE in unresectable NELM?", (), id="a-content-question"),
    # more frames of asking for a short or a long form
    pytest.param("what do you call orthotopic liver transplant for short", ("orthotopic liver transplant",),
                 id="for-short"),
    pytest.param("pancreatic neuroendocrine neoplasm abbreviated?", ("pancreatic neuroendocrine neoplasm",),
                 id="abbreviated-after-the-long-form"),
    pytest.param("what does the A in ALPPS stand for", ("ALPPS",), id="one-letter-of-it"),
    pytest.param("What do the letters in TACE mean", ("TACE",), id="the-letters-in-it"),
    pytest.param("explain the abbreviation PVL", ("PVL",), id="explain-the-abbreviation"),
    pytest.param("Can u explain PVE", ("PVE",), id="explain"),
    pytest.param("explain how TACE works", (), id="explain-how-it-works-is-content"),
    pytest.param("full meaning of SI-NEN", ("SI-NEN",), id="full-meaning"),
    pytest.param("whats the long version of OLT", ("OLT",), id="long-version"),
    pytest.param("what is the abbreviation RE short for in the review?", ("RE",), id="short-for-in-the-review"),
    pytest.param("NEN = neuroendocrine neoplasm?", ("NEN",), id="a-stated-guess"),
    pytest.param("OLT = liver transplant for everyone?", (), id="an-equation-that-is-no-long-form"),
    # two terms contrasted after the fact
    pytest.param("PVE or PVL - whats the difference", ("PVE", "PVL"), id="or-whats-the-difference"),
    # discourse particles at either end
    pytest.param("ok so whats ALPPS then", ("ALPPS",), id="ok-so-then"),
    pytest.param("what is TAE again?", ("TAE",), id="again"),
    # where the reader met the long form, after "abbreviated"; the copula dropped as notes drop it
    pytest.param("how is portal vein ligation abbreviated in the figure?", ("portal vein ligation",),
                 id="how-is-it-abbreviated-in-the-figure"),
    pytest.param("radio-embolization abbreviated how on the algorithm", ("radio-embolization",),
                 id="abbreviated-how-without-a-copula"),
    # a quantifier floating after the plural pronoun: "they each", "those both"
    pytest.param("TACE and TAE - what do they each stand for?", ("TACE", "TAE"), id="they-each"),
    pytest.param("PVE, PVL: what do those both mean", ("PVE", "PVL"), id="those-both"),
])
def test_how_people_frame_an_abbreviation_question(glossary, question, terms):
    assert parse_glossary_terms(question, glossary, alone=True) == terms


def test_a_conversational_opening_before_a_whole_frame_is_no_follow_up(glossary):
    """"so whats ALPPS then" later in a conversation still asks about ALPPS, whereas a bare
    "And TAE?" leans on what came before (the router joins it with that)."""
    assert parse_glossary_terms("ok so whats ALPPS then", glossary) == ("ALPPS",)
    assert parse_glossary_terms("And TAE?", glossary) == ()


@pytest.mark.parametrize("question", [
    "my husband is booked for ALPPS next month. whats that",
    "the consultant mentioned PVE - what's that",
    "Doctor said ALPPS. What is ALPPS?",
])
def test_a_term_inside_a_longer_question_takes_the_glossary_route(glossary, question):
    """Glossary first: the ALPPS booking is no treatment case to decide."""
    assert route(question, [], glossary, 2000).route == "glossary"


def test_two_spellings_of_one_entry_are_defined_once(glossary):
    text = answer_glossary_terms([glossary.lookup("PPRT"), glossary.lookup("PRRT")], glossary)
    assert text.count("peptide receptor radionuclide therapy [figure-2]") == 1
    assert "\u201cPRRT\u201d and \u201cPPRT\u201d are the same abbreviation." in text


def test_an_outside_term_with_the_review_s_long_form_points_to_the_review_entry(glossary):
    """SSA (supplementary, "somatostatin analogue") and the review's SA ("somatostatin
    analogues") are the same words but for the plural, so SSA's answer cites SA's legend item;
    NET ("neuroendocrine tumour") has no such twin in the review."""
    (sa,) = review_counterparts(glossary.lookup("SSA"), glossary)
    assert (sa.short, sa.unit_id) == ("SA", "figure-2")
    assert review_counterparts(glossary.lookup("NET"), glossary) == ()
    assert "The review's own term for it: **SA** — somatostatin analogues [figure-2]" in answer_glossary_terms(
        [glossary.lookup("SSA")], glossary)


@pytest.mark.parametrize("question, terms", [
    # the order learners of English use, and their prepositions
    pytest.param("What means NELM?", ("NELM",), id="verb-before-subject"),
    pytest.param("what stand TAE for?", ("TAE",), id="no-do-support"),
    pytest.param("TACE is what thing?", ("TACE",), id="topic-first"),
    pytest.param("Please, what is the meaning from RE?", ("RE",), id="meaning-from"),
    pytest.param("what is mean of ALPPS", ("ALPPS",), id="mean-as-a-noun"),
    pytest.param("Kindly tell the full form of NEN", ("NEN",), id="kindly-tell"),
    pytest.param("to explain abbreviation PVL", ("PVL",), id="to-explain"),
    # more ways of asking for the long form
    pytest.param("what does NELM abbreviate?", ("NELM",), id="x-abbreviates"),
    pytest.param("what is TACE an abbreviation of?", ("TACE",), id="an-abbreviation-of"),
    pytest.param("TAE expansion pls", ("TAE",), id="term-then-expansion"),
    pytest.param("TACE full-form", ("TACE",), id="hyphenated-full-form"),
    pytest.param("write TACE out in full", ("TACE",), id="write-out-in-full"),
    pytest.param("what's the C in TACE", ("TACE",), id="one-letter-without-stand-for"),
    pytest.param("PVE/PVL/ALPPS: expand", ("PVE", "PVL", "ALPPS"), id="terms-then-request"),
    pytest.param("what's this ALPPS they mentioned", ("ALPPS",), id="relative-clause-of-saying"),
    pytest.param("in the flowchart what does PVE mean", ("PVE",), id="place-first-without-comma"),
    pytest.param("TACE + TAE meaning", ("TACE", "TAE"), id="spaced-plus"),
    pytest.param("what is the full term for OLT for my notes", ("OLT",), id="an-adjunct-after-the-term"),
    # and for the short form
    pytest.param("which abbreviation stands for portal vein ligation?", ("portal vein ligation",),
                 id="which-abbreviation-stands-for"),
    pytest.param("is there an abbreviation for portal vein ligation", ("portal vein ligation",), id="is-there"),
    pytest.param("portal vein ligation is abbreviated how?", ("portal vein ligation",), id="abbreviated-how"),
    pytest.param("how do I write portal vein ligation abbreviated in the chart?", ("portal vein ligation",),
                 id="how-do-i-write-it"),
    pytest.param("is radioembolisation abbreviated as RE in this paper?", ("radioembolisation",),
                 id="a-guess-at-the-short-form"),
    # a guess to confirm, and identity with something that is no term
    pytest.param("pharmacy query: SA on the algorithm is somatostatin analogue, correct?", ("SA",),
                 id="a-stated-guess-with-a-tag"),
    pytest.param("Is TACE the same as chemotherapy?", ("TACE",), id="same-as-a-word"),
    pytest.param("is PRRT a kind of radiotherapy?", ("PRRT",), id="a-kind-of"),
    pytest.param("PRRT or PPRT - which is the right abbreviation?", ("PRRT", "PPRT"), id="which-spelling-is-right"),
    # pointing back, and several questions at once
    pytest.param("I not understand OLT, can you explain?", ("OLT",), id="explain-what-was-named"),
    pytest.param("The clinic letter says panNEN with NELM. Could you explain these terms?", ("panNEN", "NELM"),
                 id="a-plural-pointer-takes-every-term"),
    pytest.param("The letter says he is a candidate for ALPPS. I have no idea what those letters mean.",
                 ("ALPPS",), id="not-knowing-what-it-means"),
    pytest.param("hospital letter mentions SI-NEN... what's that mean", ("SI-NEN",), id="whats-that-mean"),
    pytest.param("pt booked for TACE - stands for?", ("TACE",), id="frame-without-its-subject"),
    pytest.param("revising: what does SI-NEN stand for and what does panNEN stand for?", ("SI-NEN", "panNEN"),
                 id="two-questions-joined-by-and"),
    pytest.param("sorry to bother you, alpps?", ("alpps",), id="apology-then-a-bare-term"),
    pytest.param("my dad's report says it. pvl?", ("pvl",), id="a-bare-term-asked-last"),
    pytest.param("WATS TAE", ("TAE",), id="shouted-chat-spelling"),
    pytest.param("list all the abbreviations defined in figure 2",
                 ("NEN", "NELM", "TACE", "TAE", "RE", "PPRT", "OLT", "SA", "panNEN", "IFNa", "SI-NEN", "PVE", "PVL",
                  "ALPPS"), id="every-abbreviation"),
    # still no abbreviation questions
    pytest.param("is TACE safe?", (), id="a-property-is-no-identity"),
    pytest.param("is it safe, TACE?", (), id="a-question-before-a-bare-term"),
    pytest.param("what is the difference between TACE and surgery?", (), id="a-difference-with-a-word-is-content"),
    pytest.param("TACE in NELM?", (), id="a-topic-is-no-adjunct"),
    pytest.param("is TACE better than PVE, right?", (), id="a-tag-on-a-content-question"),
])
def test_frames_people_use_that_nobody_here_wrote(glossary, question, terms):
    """Found by a metamorphic probe over the dev items: the same request, typed another way."""
    assert parse_glossary_terms(question, glossary, alone=True) == terms


@pytest.mark.parametrize("question, terms", [
    # the question word last, as speech puts it, after chat spellings ("stnds 4 wat")
    pytest.param("TACE stands for what?", ("TACE",), id="stands-for-what"),
    pytest.param("ifn a stnds 4 wat??", ("ifn a",), id="text-speak-stands-for-what"),
    pytest.param("a l p p s - what is it short for", ("ALPPS",), id="what-is-it-short-for"),
    pytest.param("TACE - what is it for?", (), id="what-is-it-for-asks-its-use"),
    # a sentence may end inside the quotation of a letter
    pytest.param("Clinic letter reads: 'panNEN G2, Ki-67 8%, liver-only disease.' What is panNEN?", ("panNEN",),
                 id="a-sentence-ending-in-a-quotation"),
    # the thing described first, then which abbreviation names it (a long description too)
    pytest.param("tying off the portal vein during the first operation - what abbreviation does the review give for that?",
                 ("tying off the portal vein during the first operation",), id="description-then-which-abbreviation"),
    pytest.param("blocking the portal vein with a plug before liver surgery so the other side grows - which abbreviation"
                 " is that in the figure?",
                 ("blocking the portal vein with a plug before liver surgery so the other side grows",),
                 id="a-long-description-then-which-abbreviation-is-that"),
    # whether two terms are one, asked in few words
    pytest.param("TACE and TAE - same?", ("TACE", "TAE"), id="two-terms-then-same"),
    pytest.param("PVE vs PVL: different or not?", ("PVE", "PVL"), id="two-terms-then-different-or-not"),
    pytest.param("are TACE and TAE the same", ("TACE", "TAE"), id="both-terms-as-subject"),
    pytest.param("is TARE = RE here?", ("TARE", "RE"), id="equals-between-two-short-forms"),
    pytest.param("is RE = radioembolization?", ("RE",), id="equals-a-guess-at-the-long-form"),
    pytest.param("are TACE and surgery equally effective?", (), id="a-comparison-of-effect-is-content"),
    # "long-term" is the adjective of time; "the long term for X" names a form
    pytest.param("Does transplant give better long-term survival than resection for NELM? figures please", (),
                 id="long-term-survival-is-no-form-word"),
    pytest.param("what is the long term for PVL?", ("PVL",), id="the-long-term-for-a-short-form"),
])
def test_frames_from_the_blind_round_of_december_5(glossary, question, terms):
    assert parse_glossary_terms(question, glossary, alone=True) == terms


def test_a_pointer_after_a_question_naming_a_term_asks_for_that_term(glossary):
    turn = route("and what does that stand for", ["is TACE in the algorithm?"], glossary, 2000)
    assert (turn.route, turn.glossary_terms) == ("glossary", ("TACE",))
    turn = route("what do those stand for", ["is PVE or PVL better?"], glossary, 2000)
    assert turn.glossary_terms == ("PVE", "PVL")


def test_a_choice_closing_a_case_stays_a_treatment_question(glossary):
    """A bare term may close a question ("sorry to bother you, alpps?"); a bare choice after
    case facts asks which to do, not what the terms mean."""
    assert parse_glossary_terms("G2 pNET, insufficient FLR, no extrahepatic dz: PVE or ALPPS?", glossary) == ()


@pytest.mark.parametrize("question, terms", [
    pytest.param("the letter from the hospital says TACE is planned. can someone tell me what the abbreviation means",
                 ("TACE",), id="form-word-after-a-statement"),
    pytest.param("PVE and PVL - what are they short for?", ("PVE", "PVL"), id="short-for-with-a-pronoun"),
    pytest.param("quick one - TAE stands for what?", ("TAE",), id="stands-for-what"),
    pytest.param("what does the acronym PVL mean and is it the same as PVE?", ("PVL", "PVE"),
                 id="form-word-with-a-second-clause"),
    pytest.param("explain ALPPS to me like I'm a patient", ("ALPPS",), id="explain-to-a-reader"),
    pytest.param("portal vein ligation - what's it abbreviated as?", ("portal vein ligation",),
                 id="the-thing-first-then-what-is-it-abbreviated-as"),
    pytest.param("does SA refer to somatostatin analogues?", ("SA",), id="refer-to-is-stand-for"),
    pytest.param("what kind of treatment is RE?", ("RE",), id="what-kind-of-thing-it-is"),
    # a form word with no known term, or a content question beside a term, is no glossary question
    pytest.param("Have the indications for interventional radiology treatments of NELM been expanding?", (),
                 id="expanding-is-no-expand"),
    pytest.param("what does TACE mean for her survival?", (), id="mean-before-an-object"),
    pytest.param("which abbreviations in the legend are embolization treatments?", (), id="form-word-no-term"),
    pytest.param("does the liver expand after PVE?", (), id="expand-in-its-sense-of-growing"),
    pytest.param("my letters from the clinic mention TACE and TAE, what should I expect?", (),
                 id="letters-in-their-sense-of-correspondence"),
    pytest.param("TACE in my notes, pls expand it", ("TACE",), id="expand-it-asks-for-the-long-form"),
])
def test_a_word_about_the_form_anywhere_asks_for_the_terms_beside_it(glossary, question, terms):
    """When no frame parses the sentence, a word that asks about a term's form ("abbreviation",
    "short for", "stands for", "what do they mean?") still makes the known short forms in it
    the question (`FORM_CUE`, rag/glossary/named.py)."""
    assert parse_glossary_terms(question, glossary, alone=True) == terms


def test_a_did_you_mean_to_a_variant_spelling_gives_its_expansion(glossary):
    """PRTT is one slip from PRRT, the standard spelling of the review's printed PPRT."""
    assert "peptide receptor radionuclide therapy" in answer_glossary_terms([glossary.lookup("PRTT")], glossary)


def test_a_letter_doubled_over_its_neighbour_is_a_slip_of_a_short_form(glossary):
    assert "ALPPS" in glossary.lookup("ALPSS").did_you_mean


@pytest.mark.parametrize("question, terms", [
    pytest.param("the surgeon wrote 'consider PVE first' in dads clinic letter, what on earth is PVE?", ("PVE",),
                 id="an-intensifier-after-the-question-word"),
    pytest.param("TACE - is that the same as chemoembolisation?", ("TACE", "chemoembolisation"),
                 id="the-term-first-then-is-that-the-same"),
    pytest.param("PVL - is that the same as portal vein embolisation?", ("PVL", "portal vein embolisation"),
                 id="the-same-as-another-entry-s-long-form"),
    pytest.param("ALPSS procedure - what's that abbreviation for?", ("ALPSS",), id="what-is-that-abbreviation-for"),
    pytest.param("in the middle of writing up my notes and got stuck on NELM", ("NELM",), id="stuck-on-a-term"),
    pytest.param("what's the short form the review uses for transarterial embolization?", ("transarterial embolization",),
                 id="the-form-the-review-uses-for"),
    pytest.param("how does the paper abbreviate portal vein ligation", ("portal vein ligation",), id="how-does-it-abbreviate"),
    pytest.param("interferon alpha - how is it abbreviated in the figure?", ("interferon alpha",), id="how-is-it-abbreviated"),
    pytest.param("is PRRT the peptide receptor thing?", ("PRRT",), id="a-guess-closing-with-a-placeholder-noun"),
    pytest.param("so what's PVE then, is PVL different?", ("PVE", "PVL"), id="a-clause-opened-by-so-asks"),
    pytest.param("i dont know the treatment", (), id="not-knowing-a-word-that-is-no-term"),
])
def test_frames_found_by_the_second_blind_dev_batch(glossary, question, terms):
    assert parse_glossary_terms(question, glossary, alone=True) == terms


@pytest.mark.parametrize("question, terms", [
    # a part of a term, named before or after the verb of meaning, asks for the whole term
    pytest.param("what does SI mean in SI-NEN", ("SI-NEN",), id="part-before-the-verb"),
    pytest.param("what do the S's in ALPPS refer to", ("ALPPS",), id="a-plural-letter"),
    pytest.param("whats the 'P' bit of PVE", ("PVE",), id="a-quoted-bit"),
    # ...but only letters the term holds, in order: "the citation" is where DOI was met
    pytest.param("what does DOI mean in the citation", ("DOI",), id="a-place-is-no-term-to-be-part-of"),
    # where the reader met it, put first, with the part of the figure named
    pytest.param("In the figure 2 legend what is RE", ("RE",), id="a-legend-put-first"),
    # the one clause that asks, whatever the others tell
    pytest.param("wats PPRT, my sister is getting some radioactive drip thing and the paper her dr gave us says PPRT",
                 ("PPRT",), id="the-asking-clause-first"),
    pytest.param("what does COPD stand for, my mum has that too as well as the liver mets", ("COPD",),
                 id="an-unknown-short-form-with-a-told-clause"),
    # a frame whose slot is no term gives way to the short forms a question about their form holds
    pytest.param("TACE vs TAE - whats the difference in what the letters stand for", ("TACE", "TAE"),
                 id="form-words-over-a-slot-that-is-no-term"),
    # still content questions
    pytest.param("My dad has NELM. Is TACE safe for him?", (), id="a-content-clause-still-rules"),
    pytest.param("TACE vs TAE, which is better?", (), id="a-choice-still-rules"),
])
def test_parts_places_and_clauses_around_a_term(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_a_long_form_typed_with_a_synonym_is_found_under_the_review_s_words(glossary):
    """"small bowel" is the lay name of the small intestine; the reverse lookup then finds SI-NEN,
    and a short form put in the long form's place ("NEN") is not taken for a rewording."""
    from rag.glossary.described import reworded
    from rag.retrieval.lay import lay_expansions

    def aliases(text):
        return [("neuroendocrine neoplasm", "NEN"), *lay_expansions(text)]

    found = reworded(glossary.lookup("small bowel neuroendocrine neoplasm"), glossary.lookup, aliases)
    assert found.match_kind == "reverse" and found.matches[0].short == "SI-NEN"
    assert found.query == "small bowel neuroendocrine neoplasm"  # the reader's words are kept
    unknown = reworded(glossary.lookup("large bowel neuroendocrine carcinoma"), glossary.lookup, aliases)
    assert not unknown.matches


@pytest.mark.model
def test_an_unknown_short_form_is_not_answered_with_a_passage_that_never_names_it(pipeline):
    """"What is the DOI?" may be answered from the record, which prints "doi"; a caption that
    never says "PVC" answers nothing about it."""
    answer = pipeline.ask("what does PVC stand for in the liver algorithm")
    assert answer.route == "glossary" and answer.abstained and "not defined" in answer.answer


@pytest.mark.parametrize("question, terms", [
    # letters said one by one, as dictation types them, joined when they make a known short form
    pytest.param("what is the meaning of the letters a l p p s in the liver paper", ("ALPPS",), id="dictated-letters"),
    pytest.param("what does pan n e n mean in the figure", ("panNEN",), id="dictated-after-the-word-it-continues"),
    pytest.param("what is o l t they mention it at the bottom of the chart", ("OLT",), id="dictated-with-a-relative-clause"),
    pytest.param("is it a or b", (), id="letters-that-make-no-term"),
    pytest.param("there's a Vienna consensus ref in there - what is it?", (), id="an-apostrophe-s-is-no-letter"),
    # a learner's frame and a pasted, bracketed term
    pytest.param("please explain me what mean OLT", ("OLT",), id="explain-me-what-mean"),
    pytest.param("Please explain me what mean PPRT, the doctor say my mother maybe can get this one", ("PPRT",),
                 id="a-told-clause-after-a-learner-s-frame"),
    pytest.param("In Figure 2, what is '(PVL)'?", ("PVL",), id="the-brackets-it-was-printed-in"),
    # form words: every letter, written out, spelled out with a pronoun between
    pytest.param("ALPPS operation, what mean every letter?", ("ALPPS",), id="every-letter"),
    pytest.param("Figure 2 legend has (TAE) - what's that written out?", ("TAE",), id="written-out"),
    pytest.param("pve vs pvl - same thing in this paper? spell them both out", ("pve", "pvl"), id="spell-them-out"),
    pytest.param("the report was written out by hand, is TACE safe", (), id="written-out-by-hand-is-no-form-word"),
    pytest.param("Spell out the Milan criteria for OLT in NELM as given in the review", (),
                 id="spell-out-the-criteria-is-to-explain-them"),
    pytest.param("what abbreviation does the figure caption give for peptide receptor radionuclide therapy?",
                 ("peptide receptor radionuclide therapy",), id="the-abbreviation-a-caption-gives"),
])
def test_dictated_learned_and_pasted_terms(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


def test_the_review_term_given_for_an_outside_term_is_not_defined_twice(glossary):
    answer = answer_glossary_terms([glossary.lookup("TARE"), glossary.lookup("RE")], glossary)
    assert answer.count("radio-embolization") == 1
    assert "\u201cRE\u201d is the review's own term for \u201cTARE\u201d" in answer


@pytest.mark.parametrize("question, terms", [
    # "expand" and "expansion" ask for a form only with a short form as their object or subject
    pytest.param("Which is the right expansion of 'SA' on this chart: sustained action or somatostatin analogues?", ("SA",),
                 id="expansion-of-a-quoted-form"),
    pytest.param("Letter: 'for discussion of ALPPS at the next MDT'. Can you give me ALPPS expanded?", ("ALPPS",),
                 id="form-expanded-as-object-complement"),
    pytest.param("anki cards for staged hepatectomy: expand PVE, PVL and ALPPS please", ("PVE", "PVL", "ALPPS"),
                 id="expand-a-list-of-forms"),
    pytest.param("front = ALPPS, back = ? (full expansion pls)", ("ALPPS",), id="full-expansion"),
    pytest.param("what is IFNa full words?", ("IFNa",), id="full-words"),
    pytest.param("after PVE, how long does the expansion of the FLR take?", (), id="the-remnant-s-expansion-is-growth"),
    pytest.param("has the FLR expanded by 30% after PVE?", (), id="an-auxiliary-before-expanded-is-growth"),
    # a guess with a slip in the long form, and one after a fronted "in this review"
    pytest.param("pvl = portal vien ligation? for my anki deck", ("pvl",), id="a-guess-with-a-slip-of-its-own-long-form"),
    pytest.param("op note says 'RE'. In this review RE is radio-embolization, yes? need to be sure", ("RE",),
                 id="a-guess-after-a-fronted-place"),
    # an unknown abbreviation asked by its frame is the term asked, whatever else the question names
    pytest.param("what does LI-RADS stand for on the MRI report?", ("LI-RADS",), id="unknown-term-not-a-known-bystander"),
    pytest.param("quick one, what does eGFR stand for on the renal line of the chart?", ("eGFR",), id="stand-for-on-where-met"),
    # the term said first, then one of its letters
    pytest.param("flashcard: IFNa - what's the 'a' at the end?", ("IFNa",), id="term-first-then-a-letter-by-place"),
    pytest.param("Clinic letter says 'liver mets, CUP' - what is CUP the abbreviation of?", ("CUP",),
                 id="the-abbreviation-of"),
    pytest.param("expand IRE (liver ablation context)", ("IRE",), id="a-bracketed-aside-is-no-part-of-the-term"),
])
def test_forms_asked_by_expansion_guess_or_place(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, terms", [
    # a direct question run on after a statement, without a stop: a wh-word with its verb inverted opens it
    pytest.param("my mums scan report says SI-NEN with liver lesions what does SI-NEN mean in normal words", ("SI-NEN",),
                 id="run-on-question-after-a-statement"),
    pytest.param("she has NELM what is TACE", ("TACE",), id="run-on-what-is"),
    pytest.param("my dad has NELM what is the best treatment", (), id="run-on-content-question-stays-content"),
    pytest.param("i was told TACE what does it involve", (), id="run-on-about-what-it-involves-is-content"),
    # and a statement run on after a question that closes on its verb: a new clause opens where a subject starts
    pytest.param("what does nelm mean the letters from the hospital keep saying nelm", ("nelm",),
                 id="run-on-statement-after-a-question"),
    pytest.param("what does TACE stand for they said it on the phone", ("TACE",), id="run-on-after-stand-for"),
    pytest.param("what does it mean that the tumour is G2", (), id="mean-that-clause-asks-no-form"),
    # "short for" and "stand for" are said only of written forms: the slot's only abbreviation is meant
    pytest.param("surgeon mentioned an ALLPS procedure for my husband, what is that short for", ("ALLPS",),
                 id="short-for-points-to-the-only-abbreviation"),
    pytest.param("the review says OLT is restricted to selected cases, what does that mean?", (),
                 id="mean-may-still-ask-about-the-statement"),
    # a plural pointer with its quantifier in front, asked straight or embedded in a request
    pytest.param("Dad's CT report keeps saying NELM and TAE was recomended. can you tell me what both of those are",
                 ("NELM", "TAE"), id="both-of-those-are-the-two-nearest"),
    pytest.param("panNEN and PVE in one letter - what are all of these", ("panNEN", "PVE"), id="all-of-these"),
    # which thing of a kind the term is asks what it is
    pytest.param("old notes say 'previously on ifn-a'. which drug is ifn-a?", ("ifn-a",), id="which-drug-is-it"),
    pytest.param("what procedure is PVE", ("PVE",), id="what-procedure-is-it"),
    pytest.param("which treatment is best for NELM", (), id="which-treatment-is-best-is-content"),
    # "the letters" of a described thing are its abbreviation
    pytest.param("they want to tie off the portal vein - what are the letters they use for that?",
                 ("they want to tie off the portal vein",), id="the-letters-they-use-for-a-description"),
])
def test_frames_from_the_blind_round_of_december_6(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, terms", [
    # "the letters" of a term are its abbreviation, as a pointer, a form noun or in a reverse question
    pytest.param("MELD score - what do the letters mean", ("MELD",), id="the-letters-point-back"),
    pytest.param("what letters does this review use for radioembolisation", ("radioembolisation",),
                 id="what-letters-does-the-review-use-for"),
    pytest.param("tying off the portal vein, what letters is that in the chart", ("tying off the portal vein",),
                 id="what-letters-is-that-in-the-chart"),
    # a hedge before "the same", and a closing "or different", ask no more
    pytest.param("is OLT just the same as a liver transplant", ("OLT", "liver transplant"), id="just-the-same-as"),
    pytest.param("is panNEN the same thing as SI-NEN or different", ("panNEN", "SI-NEN"), id="the-same-or-different"),
    # the plural "the expansions" after listed forms; an organ's growth is not plural
    pytest.param("coder: RE, IFNa and SI-NEN all on one oncology note, need the expansions", ("RE", "IFNa", "SI-NEN"),
                 id="need-the-expansions"),
    pytest.param("after PVE how fast are the expansions of the remnant", (), id="expansions-of-an-organ"),
    # letters said one by one are joined before the words about the form are read
    pytest.param("booking list has T A C E for one patient and T A E for another, whats the difference in the letters",
                 ("TACE", "TAE"), id="spelled-letters-then-a-word-about-the-form"),
    # "expands to what" closing the question asks the form; a remnant that expands to some volume grows
    pytest.param("IR reg - in the fig 2 legend, TAE expands to what exactly", ("TAE",), id="expands-to-what"),
    pytest.param("after PVE the FLR expands to what volume", (), id="expands-to-what-volume-is-growth"),
    pytest.param("TIPS definition as used in the paper", ("TIPS",), id="as-used-in-the-paper"),
    pytest.param("her report says PVL what does it actually stand for", ("PVL",), id="an-intensifier-before-the-verb"),
    pytest.param("the review says OLT is restricted to selected cases, what does that even mean?", (),
                 id="that-even-mean-still-asks-about-the-statement"),
])
def test_letters_hedges_and_lists_of_forms(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, terms", [
    # a plural pointer after a noun phrase headed by a content noun means that noun, not the forms in its modifier
    pytest.param("Milan criteria for OLT in NELM - what are they exactly?", (), id="pointer-to-the-head-noun"),
    pytest.param("the side effects of TACE - what are they?", (), id="side-effects-of-a-term"),
    pytest.param("TACE and TAE, what are they?", ("TACE", "TAE"), id="pointer-to-listed-terms"),
    # "spell out ... for X" is to set out in detail, not to give the letters
    pytest.param("Which selection criteria does the review spell out for OLT?", (), id="spell-out-for-a-thing"),
    # a counted plural pointer
    pytest.param("Legend has panNEN and SI-NEN - what are these two?", ("panNEN", "SI-NEN"), id="these-two"),
    # which kind of treatment a term is: what it stands for says
    pytest.param("In the algorithm, is RE resection or something radiological?", ("RE",), id="kind-guess-with-choice"),
    pytest.param("is PRRT a drug?", ("PRRT",), id="kind-guess"),
    pytest.param("Is TACE a good treatment?", (), id="an-evaluation-is-no-kind-guess"),
])
def test_pointers_heads_and_kinds_of_a_term(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms


@pytest.mark.parametrize("question, terms", [
    # the short form named before the part asked about
    pytest.param("panNEN, what does the 'pan' bit refer to?", ("panNEN",), id="part-after-the-term"),
    # where it was met, closing the question
    pytest.param("The algorithm legend has 'SA'. what is it in this context?", ("SA",), id="in-this-context"),
    # the whole of a short form, after a guess at a part
    pytest.param("SI-NEN: I'm guessing the SI is small intestine? What's the whole thing?", ("SI-NEN",), id="the-whole-thing"),
    # letters set apart by commas, hyphens or "then"
    pytest.param("a three-letter one - O, then L, then T. What's that short for?", ("OLT",), id="letters-then"),
    pytest.param("what is O-L-T", ("OLT",), id="letters-hyphenated"),
    # the thing first, then how it is abbreviated
    pytest.param("and portal vein ligation, how does the figure abbreviate that one?", ("portal vein ligation",),
                 id="how-does-it-abbreviate-that-one"),
    # a form said to be half remembered is taken as the slip it is
    pytest.param("there was one, ALPS or something like that, for a staged hepatectomy. full name?", ("ALPS",),
                 id="half-remembered"),
    # a bare plural pronoun agrees with no single form, unless what the form stands for is plural
    pytest.param("Need the paper's keywords for tagging my article in our CMS - what are they?", (), id="they-are-the-keywords"),
    pytest.param("the report mentions NELM. what are those?", ("NELM",), id="a-plural-long-form"),
    # a term and its place, then a clause that asks something else
    pytest.param("PPRT in the flowchart - how many cycles are standard?", (), id="term-then-another-question"),
    pytest.param("PPRT in fig 2 - what is it, or is that a typo for PRRT?", ("PPRT",), id="term-then-what-is-it"),
])
def test_parts_letters_and_half_remembered_forms(glossary, question, terms):
    assert parse_glossary_terms(question, glossary) == terms
