"""Score abbreviation extractors on gold corpora in BioC XML (MEDSTRACT, Schwartz-Hearst).

In: a folder holding `medstract_bioc_gold.xml` and `SH_bioc_gold.xml` (kept outside the
repository, by default in ../shared/abbreviation-corpora). Out: precision, recall and F1 per
corpus for our extractor (rag/glossary/extract/pairs.py) and for the PyPI `abbreviations` port of
Schwartz & Hearst, side by side.

Scoring: each document's gold is the set of (short form, long form) strings joined by an
ABBR relation; an extractor's output is reduced to a set of pairs the same way; true
positives, false positives and false negatives are summed over all documents
(micro-average). Pairs match exactly, after collapsing whitespace runs to one space.

    python -m eval.abbreviations                  # table, with the time per abstract
    python -m eval.abbreviations /path/to/corpora --json
    python -m eval.abbreviations --rules          # each rule's pseudo-precision (no gold used)
    python -m eval.abbreviations --cross          # pick on one corpus, score on the other

Rules are kept by their pseudo-precision (rag/glossary/extract/pseudo.py), never by these
figures; the only choice made on gold is the pseudo-precision a rule needs, and `--cross`
shows how that choice, made on one corpus, holds on the other.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rag.core.errors import ConfigError, ParseError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "abbreviation-corpora"
CORPORA = {"MEDSTRACT": "medstract_bioc_gold.xml", "SH": "SH_bioc_gold.xml"}

Pair = tuple[str, str]
# text -> definitions, each a (short, long) pair or an object with .short and .long
# (so `rag.glossary.extract.pairs.extract_abbreviations` itself can be scored).
Extractor = Callable[[str], Iterable[Any]]


@dataclass(frozen=True)
class GoldDocument:
    """One BioC document: its passages joined on their offsets, and its gold pairs."""

    id: str
    text: str
    pairs: frozenset[Pair]


@dataclass(frozen=True)
class Scores:
    """Micro-averaged counts and figures over a corpus."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def load_bioc(path: Path) -> list[GoldDocument]:
    """Read a BioC collection; passages are joined by a blank line, so a definition never
    runs from a title into the abstract. (Gold offsets are not used: pairs are scored as
    strings.)"""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise ParseError(f"Cannot read BioC file {path}: {e}; pass a BioC XML collection") from e
    docs = []
    for doc in root.iter("document"):
        text, pairs = "", set()
        for passage in doc.iter("passage"):
            text += "\n\n" if text else ""  # a paragraph break between passages
            text += passage.findtext("text", "")
            forms = {a.get("id"): a.findtext("text", "") for a in passage.iter("annotation")}
            for rel in passage.iter("relation"):
                roles = {n.get("role"): forms.get(n.get("refid"), "") for n in rel.iter("node")}
                if roles.get("ShortForm") and roles.get("LongForm"):
                    pairs.add((_norm(roles["ShortForm"]), _norm(roles["LongForm"])))
        docs.append(GoldDocument(doc.findtext("id", ""), text, frozenset(pairs)))
    return docs


def _pair(item: Any) -> Pair:
    short, long = (item.short, item.long) if hasattr(item, "short") else item
    return _norm(short), _norm(long)


def score_documents(docs: Iterable[GoldDocument], extractor: Extractor) -> Scores:
    """Micro-averaged counts: per document, predicted and gold pairs compared as sets."""
    tp = fp = fn = 0
    for doc in docs:
        predicted = {_pair(item) for item in extractor(doc.text)}
        tp += len(predicted & doc.pairs)
        fp += len(predicted - doc.pairs)
        fn += len(doc.pairs - predicted)
    return Scores(tp, fp, fn)


def score_corpus(path: Path | str, extractor: Extractor) -> Scores:
    """Score `extractor` (text -> (short, long) pairs) on the BioC corpus at `path`."""
    return score_documents(load_bioc(Path(path)), extractor)


def ours(text: str) -> list[Pair]:
    from rag.glossary.extract.pairs import extract_abbreviations

    return [(a.short, a.long) for a in extract_abbreviations(text)]


def pypi_schwartz_hearst(text: str) -> list[Pair]:
    """The PyPI `abbreviations` package, which works line by line and keeps the last
    definition of each short form."""
    try:
        from abbreviations import schwartz_hearst
    except ImportError as e:  # a dev-only dependency
        raise ConfigError(
            "The baseline needs the PyPI package `abbreviations`; install it with: "
            "pip install -r requirements-dev.txt"
        ) from e
    logging.getLogger(schwartz_hearst.__name__).setLevel(logging.WARNING)
    found = schwartz_hearst.extract_abbreviation_definition_pairs(doc_text=text)
    return [(str(s), str(l)) for s, l in found.items()]


EXTRACTORS: dict[str, Extractor] = {"ours": ours, "pypi-abbreviations": pypi_schwartz_hearst}


def evaluate(corpus_dir: Path) -> dict[str, dict[str, Scores]]:
    """Scores per corpus, then per extractor."""
    if not corpus_dir.is_dir():
        raise ConfigError(
            f"Abbreviation corpora not found at {corpus_dir}; pass their folder, e.g. "
            "python -m eval.abbreviations ../shared/abbreviation-corpora"
        )
    results = {}
    for corpus, filename in CORPORA.items():
        path = corpus_dir / filename
        if not path.is_file():
            raise ConfigError(
                f"Missing {filename} in {corpus_dir}; expected both {list(CORPORA.values())}"
            )
        docs = load_bioc(path)
        results[corpus] = {name: score_documents(docs, fn) for name, fn in EXTRACTORS.items()}
    return results


def _table(results: dict[str, dict[str, Scores]]) -> str:
    head = ("corpus", "extractor", "P", "R", "F1", "tp", "fp", "fn")
    lines = ["{:<10} {:<20} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}".format(*head)]
    for corpus, by_name in results.items():
        for name, s in by_name.items():
            lines.append(
                f"{corpus:<10} {name:<20} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                f"{s.tp:>5} {s.fp:>5} {s.fn:>5}"
            )
    return "\n".join(lines)


def ms_per_abstract(docs: list[GoldDocument]) -> float:
    """Wall time of our extractor per document, best of three passes."""
    from rag.glossary.extract.pairs import extract_abbreviations

    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for doc in docs:
            extract_abbreviations(doc.text)
        best = min(best, time.perf_counter() - started)
    return 1000 * best / max(1, len(docs))


def load_corpora(corpus_dir: Path) -> dict[str, list[GoldDocument]]:
    """Both gold corpora, by name; a missing folder says what to pass."""
    if not corpus_dir.is_dir():
        raise ConfigError(f"Abbreviation corpora not found at {corpus_dir}; pass their folder")
    return {name: load_bioc(corpus_dir / filename) for name, filename in CORPORA.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus_dir", nargs="?", type=Path, default=DEFAULT_CORPUS_DIR,
        help=f"folder with the BioC files (default: {DEFAULT_CORPUS_DIR})",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rules", action="store_true", help="print each rule's pseudo-precision")
    parser.add_argument("--cross", action="store_true", help="pick on one corpus, score on the other")
    args = parser.parse_args(argv)
    from eval.abbreviation_rules import cross_corpus, rule_report

    try:
        if args.rules:
            print(rule_report(args.corpus_dir))
            return 0
        if args.cross:
            results = cross_corpus(args.corpus_dir)
            own = {r.tuned_on: r.tuned for r in results}
            for r in results:  # transfer: F1 on B picked on A, minus F1 on B picked on B
                print(f"tuned on {r.tuned_on:<9} (pseudo-precision >= {r.threshold:.2f}): "
                      f"F1 {r.tuned.f1:.3f} (P {r.tuned.precision:.3f}); on {r.scored_on:<9} "
                      f"F1 {r.other.f1:.3f} (P {r.other.precision:.3f}); gap {r.gap:+.3f}, "
                      f"transfer {r.other.f1 - own[r.scored_on].f1:+.3f}")
            return 0
        results = evaluate(args.corpus_dir)
    except (ConfigError, ParseError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        data = {c: {n: s.to_dict() for n, s in by.items()} for c, by in results.items()}
        print(json.dumps(data, indent=2))
    else:
        print(_table(results))
        for corpus, filename in CORPORA.items():
            docs = load_bioc(args.corpus_dir / filename)
            print(f"{corpus}: {ms_per_abstract(docs):.2f} ms per abstract (ours)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
