"""Known-answer tests for the abbreviation extractor (rag/glossary/extract/pairs.py) and its
corpus scorer (eval/abbreviations.py).

The corpus gate reads ../shared/abbreviation-corpora (MEDSTRACT and the Schwartz-Hearst
corpus); it is skipped, with the reason, where that folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.abbreviations import (
    DEFAULT_CORPUS_DIR,
    Scores,
    load_bioc,
    main,
    pypi_schwartz_hearst,
    score_corpus,
)
from rag.glossary.extract.pairs import Abbreviation, extract_abbreviations
from rag.core.errors import ConfigError, InvalidArgumentError, ParseError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "machairas2021_nelm_review_pubmed.txt"


def pairs(text: str) -> list[tuple[str, str]]:
    return [(a.short, a.long) for a in extract_abbreviations(text)]


# --- known answers ---------------------------------------------------------------------

KNOWN = [
    pytest.param(
        "Neuroendocrine neoplasms (NEN) are frequently characterized by metastasis.",
        [("NEN", "Neuroendocrine neoplasms")],
        id="long-form-then-short",
    ),
    pytest.param(
        "Patients underwent TACE (transarterial chemoembolization) twice.",
        [("TACE", "transarterial chemoembolization")],
        id="short-then-long-form",
    ),
    pytest.param(
        "We identified a gene, designated CNS1 (for cyclophilin seven suppressor), in yeast.",
        [("CNS1", "cyclophilin seven suppressor")],
        id="short-then-for-long-form",
    ),
    pytest.param(
        "a family of four genes (Suppressors of Arf ts, SAT) as suppressors",
        [("SAT", "Suppressors of Arf ts")],
        id="long-form-comma-short-inside-bracket",
    ),
    pytest.param(
        "the Ras recruitment system (RRS) detects interactions",
        [("RRS", "Ras recruitment system")],
        # S&H's shortest match would give "recruitment system"; every letter of RRS
        # opens a word of "Ras recruitment system", so that reading scores higher.
        id="best-alignment-not-shortest",
    ),
    pytest.param(
        "Six known components of the yeast (CPF) complex were found.",
        [],
        # Only C would open a word ("components"); P and F would be borrowed from inside
        # "components" and "of", and "yeast" would be left over: 1 of 3 < 40%.
        id="letters-borrowed-while-a-word-is-left-over",
    ),
    pytest.param(
        "the enzyme phosphoglycerate kinase from yeast (PGK). In the native state",
        [("PGK", "phosphoglycerate kinase")],
        id="prepositional-tail-left-out",
    ),
    pytest.param(
        "mixed with human Ah receptor and Ah nuclear translocator (Arnt) proteins",
        [("Arnt", "Ah nuclear translocator")],
        id="coordination-second-conjunct",
    ),
    pytest.param(
        "DNA-binding protein (human replication protein A (hRPA)) stimulates",
        [("hRPA", "human replication protein A")],
        id="nested-brackets",
    ),
    pytest.param(
        "the N-terminal regions (amino acids [aa] 1 to 115) of the protein",
        [("aa", "amino acids")],
        id="square-brackets-inside-round",
    ),
    pytest.param(
        "The poly(A)-binding protein (PABP) binds the tail.",
        [("PABP", "poly(A)-binding protein")],
        id="brackets-inside-a-word",
    ),
    pytest.param(
        "levels of tumour necrosis factor α (TNF-α) and interferon alpha (IFNa) rose",
        [("TNF-α", "tumour necrosis factor α"), ("IFNa", "interferon alpha")],
        id="greek-letters",
    ),
    pytest.param(
        "production of tumour necrosis factor α (TNF-alpha) rose",
        [],
        # The greek-name rule is never the first to find a pair in the corpora's text (they
        # spell Greek letters out on both sides) and fires on randomised pairs: its
        # pseudo-precision is 0, so it is not kept (rules_data.py).
        id="greek-letter-spelled-out-in-short-form-is-unproven",
    ),
    pytest.param(
        "proteins were resolved by two-dimensional gel electrophoresis (2DE) and stained",
        [("2DE", "two-dimensional gel electrophoresis")],
        id="digit-for-number-word",
    ),
    pytest.param(
        "a total of 412 expressed sequence tags (ESTs) were sequenced",
        [("ESTs", "expressed sequence tags")],
        id="plural-short-form",
    ),
    pytest.param(
        "The yeast cadmium factor (Ycf1p) is a vacuolar transporter.",
        [("Ycf1p", "yeast cadmium factor")],
        id="gene-number-without-counterpart",
    ),
    pytest.param(
        "located in the first transmembrane domain (TMD1) of the protein",
        [("TMD1", "first transmembrane domain")],
        id="ordinal-belongs-to-long-form",
    ),
    pytest.param(
        "other subunits are the mitochondrial 70-kDa heat-shock protein (mhsp70) and Tim44",
        [("mhsp70", "mitochondrial 70-kDa heat-shock protein")],
        id="gene-number-written-as-a-word-inside-the-long-form",
    ),
    pytest.param(
        "Sterol C-methylations catalyzed by Delta(24)-sterol methyl transferase (SMT) occur",
        [("SMT", "Delta(24)-sterol methyl transferase")],
        id="hyphenated-token-kept-whole",
    ),
    pytest.param(
        "Abbreviations: HCC, hepatocellular carcinoma.",
        [("HCC", "hepatocellular carcinoma")],
        id="single-item-after-abbreviations-heading",
    ),
    pytest.param(
        "CT, computed tomography; MRI: magnetic resonance imaging. PET = positron emission "
        "tomography",
        [("CT", "computed tomography"), ("MRI", "magnetic resonance imaging"),
         ("PET", "positron emission tomography")],
        id="legend-with-mixed-separators",
    ),
    pytest.param(
        "Neuroendocrine neoplasms (NEN) recur. Neuroendocrine neoplasms (NEN) spread.",
        [("NEN", "Neuroendocrine neoplasms")],
        id="duplicate-definition-reported-once",
    ),
    pytest.param("It contains two tetratricopeptide repeats (TPR) that bind.",
                 [("TPR", "tetratricopeptide repeats")], id="a-count-before-the-long-form-is-left-out"),
    pytest.param("In the two-component system (TCS) the kinase", [("TCS", "two-component system")],
                 id="a-count-inside-a-compound-stays"),
    pytest.param("", [], id="empty-text"),
]


@pytest.mark.parametrize("text, expected", KNOWN)
def test_known_answers(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


NOT_DEFINITIONS = [
    pytest.param(
        "Overall, liver-targeted treatment modalities may precede the administration of "
        "systemic molecular targeted agents and chemotherapy for patients with liver-dominant "
        "metastatic disease; these appear to be a crucial component of management.",
        id="abstract-prose-with-commas-and-semicolon",
    ),
    pytest.param(
        "Surgery, chemotherapy, TACE, and radiotherapy were compared; TACE, TAE, or RE, "
        "respectively, were offered.",
        id="list-of-abbreviations-is-no-legend",
    ),
    pytest.param("Survival improved (n = 12, p < 0.05) after resection.", id="statistics"),
    pytest.param("Mortality was low (5 min after injection).", id="measure"),
    pytest.param("Resection (i.e., hepatectomy) was done (see Fig. 1).", id="latin-and-figure"),
    pytest.param("Three goals were set: (i) safety, (ii) efficacy.", id="enumeration"),
    pytest.param("GABA(B) receptors and Cu(II) ions were studied.", id="bracket-inside-name"),
    pytest.param("The H-Ras (Ras) protein binds GTP.", id="short-form-is-a-word-of-the-long"),
    pytest.param(
        "a mutation in the Notch locus called split (N(spl)) was found",
        id="clause-word-ends-the-window",
    ),
    pytest.param(
        "the yeast cells (Hb) and the nucleus (ER) were imaged",
        id="letters-borrowed-from-inside-words",
    ),
    pytest.param("Hepatic Carcinoma\n\nin cases (HC) of", id="blank-line-ends-the-window"),
]


@pytest.mark.parametrize("text", NOT_DEFINITIONS)
def test_no_false_pairs(text: str) -> None:
    assert pairs(text) == []


def test_offsets_point_into_the_text() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = extract_abbreviations(text)
    assert found
    for a in found:
        assert text[a.short_start : a.short_end] == a.short
        assert text[a.long_start : a.long_end] == a.long


def test_results_in_order_of_appearance() -> None:
    text = "Later, TAE (transarterial embolization). Earlier? No: portal vein ligation (PVL)."
    found = extract_abbreviations(text)
    assert [a.short for a in found] == ["TAE", "PVL"]
    assert found == sorted(found, key=lambda a: min(a.short_start, a.long_start))


def test_abbreviation_is_frozen() -> None:
    a = Abbreviation("NEN", "neuroendocrine neoplasms", 0, 3, 5, 29)
    with pytest.raises(AttributeError):
        a.short = "X"  # type: ignore[misc]


# --- the review itself -----------------------------------------------------------------

REVIEW_PAIRS = [
    ("NEN", "Neuroendocrine neoplasms"),
    ("NELM", "neuroendocrine liver metastases"),
    ("TACE", "transarterial chemoembolization"),
    ("TAE", "transarterial embolization"),
    ("RE", "radio-embolization"),
    ("PPRT", "peptide receptor radionuclide therapy"),
    ("OLT", "orthotopic liver transplantation"),
    ("SA", "somatostatin analogues"),
    ("panNEN", "pancreatic neuroendocrine neoplasm"),
    ("IFNa", "interferon alpha"),
    ("SI-NEN", "small intestine neuroendocrine neoplasm"),
    ("PVE", "portal vein embolization"),
    ("PVL", "portal vein ligation"),
    ("ALPPS", "associating liver partition and portal vein ligation for staged hepatectomy"),
]


def _review_units() -> dict[str, str]:
    from ingest.parse import parse_pubmed_page

    return {u.id: u.text for u in parse_pubmed_page(SEED).units}


def test_review_pairs_from_its_units() -> None:
    """All 14 pairs: NEN and NELM from abstract sentences 1-2, 12 from the Figure 2 legend,
    including PPRT and OLT around the comma that stands where a semicolon belongs."""
    units = _review_units()
    found = {p: uid for uid, text in units.items() for p in pairs(text)}
    assert set(REVIEW_PAIRS) <= set(found)
    assert found[REVIEW_PAIRS[0]] == "abstract-s1"
    assert found[REVIEW_PAIRS[1]] == "abstract-s2"
    assert all(found[p] == "figure-2" for p in REVIEW_PAIRS[2:])
    assert pairs(units["figure-2"]) == REVIEW_PAIRS[2:]


@pytest.mark.parametrize(
    "unit_id", ["abstract-s3", "abstract-s4", "abstract-s5", "abstract-s6", "abstract-s7",
                "abstract-s8", "keywords", "coi", "figure-1", "reference-1", "reference-3"]
)
def test_review_units_without_definitions(unit_id: str) -> None:
    assert pairs(_review_units()[unit_id]) == []


def test_caption_slip_yields_both_pairs() -> None:
    caption = "PPRT, peptide receptor radionuclide therapy, OLT, orthotopic liver transplantation;"
    assert pairs(caption) == [
        ("PPRT", "peptide receptor radionuclide therapy"),
        ("OLT", "orthotopic liver transplantation"),
    ]


def test_caption_with_a_new_item_yields_it() -> None:
    """Nothing is looked up: an item that is not in the review comes out too."""
    caption = "TACE, transarterial chemoembolization; MWA, microwave ablation"
    assert pairs(caption) == [
        ("TACE", "transarterial chemoembolization"),
        ("MWA", "microwave ablation"),
    ]


# --- the scorer ------------------------------------------------------------------------

BIOC = """<?xml version="1.0" encoding="UTF-8"?>
<collection><source>test</source><date>20240101</date><key>k</key>
<document><id>1</id>
<passage><infon key="type">title</infon><offset>0</offset><text>Endoplasmic reticulum</text></passage>
<passage><infon key="type">abstract</infon><offset>22</offset>
<text>The endoplasmic reticulum (ER) and the Golgi apparatus (GA) bind green fluorescent protein (GFP).</text>
<annotation id="SF0"><infon key="type">ABBR</infon><location offset="49" length="2"/><text>ER</text></annotation>
<annotation id="LF0"><infon key="type">ABBR</infon><location offset="26" length="21"/><text>endoplasmic reticulum</text></annotation>
<relation id="R0"><infon key="type">ABBR</infon><node refid="LF0" role="LongForm"/><node refid="SF0" role="ShortForm"/></relation>
<annotation id="SF1"><infon key="type">ABBR</infon><location offset="0" length="3"/><text>GFP</text></annotation>
<annotation id="LF1"><infon key="type">ABBR</infon><location offset="0" length="25"/><text>green  fluorescent protein</text></annotation>
<relation id="R1"><infon key="type">ABBR</infon><node refid="LF1" role="LongForm"/><node refid="SF1" role="ShortForm"/></relation>
<annotation id="SF2"><infon key="type">ABBR</infon><location offset="0" length="3"/><text>XYZ</text></annotation>
<annotation id="LF2"><infon key="type">ABBR</infon><location offset="0" length="3"/><text>x y z</text></annotation>
<relation id="R2"><infon key="type">ABBR</infon><node refid="LF2" role="LongForm"/><node refid="SF2" role="ShortForm"/></relation>
</passage></document>
</collection>
"""


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.xml"
    path.write_text(BIOC, encoding="utf-8")
    return path


def test_load_bioc_joins_passages_by_a_blank_line(tiny_corpus: Path) -> None:
    [doc] = load_bioc(tiny_corpus)
    assert doc.id == "1"
    assert doc.text.startswith("Endoplasmic reticulum\n\nThe endoplasmic")
    # Whitespace runs in gold strings are collapsed: "green  fluorescent" -> one space.
    assert doc.pairs == {
        ("ER", "endoplasmic reticulum"), ("GFP", "green fluorescent protein"), ("XYZ", "x y z")
    }


def test_score_corpus_known_counts(tiny_corpus: Path) -> None:
    """Ours finds ER, GA and GFP: ER and GFP are gold (tp=2), GA is not (fp=1), XYZ is
    missed (fn=1). P = 2/3, R = 2/3, F1 = 2/3."""
    scores = score_corpus(tiny_corpus, extract_abbreviations)
    assert (scores.tp, scores.fp, scores.fn) == (2, 1, 1)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    "scores, expected",
    [
        pytest.param(Scores(0, 0, 0), (0.0, 0.0, 0.0), id="nothing-at-all"),
        pytest.param(Scores(3, 1, 0), (0.75, 1.0, 6 / 7), id="perfect-recall"),
        pytest.param(Scores(0, 2, 2), (0.0, 0.0, 0.0), id="all-wrong"),
    ],
)
def test_scores_figures(scores: Scores, expected: tuple[float, float, float]) -> None:
    assert (scores.precision, scores.recall, scores.f1) == pytest.approx(expected)


def test_scorer_accepts_tuples(tiny_corpus: Path) -> None:
    scores = score_corpus(tiny_corpus, lambda text: [("XYZ", "x  y z"), ("ER", "wrong")])
    assert (scores.tp, scores.fp, scores.fn) == (1, 1, 2)


def test_unreadable_corpus_is_a_parse_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<collection><document>", encoding="utf-8")
    with pytest.raises(ParseError, match="bad.xml"):
        load_bioc(bad)


def test_cli_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert main([str(missing)]) == 2
    err = capsys.readouterr().err
    assert "not found" in err and str(missing) in err


def test_evaluate_missing_folder_names_it(tmp_path: Path) -> None:
    from eval.abbreviations import evaluate

    with pytest.raises(ConfigError, match="nowhere"):
        evaluate(tmp_path / "nowhere")


# --- the corpus gate -------------------------------------------------------------------

needs_corpora = pytest.mark.skipif(
    not DEFAULT_CORPUS_DIR.is_dir(),
    reason=f"abbreviation corpora not found at {DEFAULT_CORPUS_DIR} (CI provides them)",
)

# Gates at the level reached (see README), minus a point: F1 and precision per corpus. The
# rules are kept by pseudo-precision (rules_data.py), not to raise these figures.
GATES = [
    pytest.param("medstract_bioc_gold.xml", 0.958, 0.977, id="MEDSTRACT"),
    pytest.param("SH_bioc_gold.xml", 0.894, 0.955, id="Schwartz-Hearst"),
]


@needs_corpora
@pytest.mark.parametrize("filename, min_f1, min_precision", GATES)
def test_corpus_scores_reach_target(filename: str, min_f1: float, min_precision: float) -> None:
    scores = score_corpus(DEFAULT_CORPUS_DIR / filename, extract_abbreviations)
    assert scores.f1 >= min_f1, scores
    assert scores.precision >= min_precision, scores


@needs_corpora
@pytest.mark.parametrize("filename", ["medstract_bioc_gold.xml", "SH_bioc_gold.xml"])
def test_corpus_beats_pypi_baseline(filename: str) -> None:
    ours = score_corpus(DEFAULT_CORPUS_DIR / filename, extract_abbreviations)
    baseline = score_corpus(DEFAULT_CORPUS_DIR / filename, pypi_schwartz_hearst)
    assert ours.f1 > baseline.f1 + 0.05
    assert ours.precision > baseline.precision


@needs_corpora
def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"MEDSTRACT", "SH"}
    assert set(data["SH"]) == {"ours", "pypi-abbreviations"}
    assert {"tp", "fp", "fn", "precision", "recall", "f1"} <= set(data["SH"]["ours"])


def test_imports_without_heavy_dependencies() -> None:
    import subprocess
    import sys

    code = (
        "import sys, rag.glossary.extract.pairs, eval.abbreviations; "
        "print(sorted({'torch', 'faiss', 'sentence_transformers'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("bad, name", [
    pytest.param(b"TACE", "bytes", id="bytes"),
    pytest.param(None, "NoneType", id="none"),
    pytest.param(["TACE"], "list", id="list"),
])
def test_rejects_non_text_with_the_project_error(bad, name) -> None:
    """The project's own error (exit 2 on the command line), naming the type it was given."""
    with pytest.raises(InvalidArgumentError, match=f"text must be a str, was: {name}; pass the text itself"):
        extract_abbreviations(bad)  # type: ignore[arg-type]


def test_long_text_gives_what_one_copy_gives() -> None:
    """100 copies of the page (about 0.5 MB) define the same pairs as one; the look-back is
    bounded per candidate (tests/test_abbreviation_rules.py), so the work grows linearly."""
    text = SEED.read_text(encoding="utf-8")
    assert pairs(text * 100) == pairs(text)
