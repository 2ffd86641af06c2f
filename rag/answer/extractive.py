"""Ranked units -> a short extractive answer with inline citations, or an honest abstention.

The answer is made only of passages copied verbatim from the cited units (a whole abstract
sentence, one field of the bibliographic record, one item of a figure legend), each followed
by its unit ID: `... is the treatment of choice for resectable NELM [abstract-s2].`
The only text that is not copied is fixed wording (the abstention sentence).

Deciding to answer is not a similarity threshold: out-of-scope questions often look close
to the abstract. Instead the answerer checks what the question asks for against what the
candidate text contains:
- coverage: the share of the question's content terms (IDF-weighted, stemmed, abbreviations
  expanded both ways) that the candidate passages contain;
- a number: "how many", "what percentage", "5-year survival", "dose", "rate" need a figure,
  and a passage without one cannot answer;
- structure: a unit the question names outright ("Figure 2", "the DOI") answers it;
- the passage's kind: a keyword list answers only questions about topics, a legend item only
  what a term is, and a passage that names a class only ("molecular targeted agents") is no
  answer to a request for its members by name (the cues are in rag/answer/cues.py).
Both false answers and false refusals count; thresholds are calibrated on the evaluation set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Sequence

from rag.answer.constraints import can_answer as fits_question, judges_options
from rag.answer.cues import NAMING_WORDS
from rag.retrieval.hybrid import Hit
from rag.answer.choice import Scored, coverage_with_rank, score_segments
from rag.answer.gate import Gate, WordVectors
from rag.answer.kinds import kind_rule
from rag.answer.structural import structural_choice
from rag.answer.refusal import abstention_text
from rag.answer.segments import Segment, reading_text, segments_of
from rag.core.settings import Settings
from rag.core.text import CARDINALS, NON_CONTENT_WORDS, TOKEN_RE, fold_spelling, rarity, stem
from rag.core.types import Citation, SourceUnit


# Words that frame a clinical question without naming its subject; they count for little.
_GENERIC = set("""role use used using indicated indication indications consider considered considering
recommend recommended recommendation recommendations option options offer offered perform performed
treat treated treating treatment treatments therapy therapies manage managed management patient patients
best good better approach approaches place value useful benefit benefits help work works effective
effect effects happen happens main key important current currently available play plays played
part parts do done role roles kind type types say come comes came
reference references cite cites cited figure figures caption abstract published journal paper papers study studies article articles
year years date dates name named call calls called""".split())


@dataclass(frozen=True)
class Extraction:
    answer: str
    citations: tuple[Citation, ...]
    abstained: bool
    related: tuple[Citation, ...]
    candidates: tuple[str, ...] = ()  # the units the answer would quote (also when refused)
    gate: dict = field(default_factory=dict)  # the gate's features and probability, when it decided
    scored: tuple = ()  # every candidate piece the gate scored (rag/answer/choice.py), for fitting it


class Answerer:
    """Extractive answering over one index's units; built once, then pure per question."""

    def __init__(self, units: Sequence[SourceUnit], settings: Settings,
                 expand: Callable[[str], str] | None = None,
                 aliases: Callable[[str], list[tuple[str, str]]] | None = None,
                 background: Sequence[str] = (), gate: Gate | None = None,
                 passage_words: Callable[[str], WordVectors | None] | None = None):
        self.stem = stem
        self.settings = settings
        # The fitted answerability gate (rag/answer/gate.py); without one, coverage alone decides.
        self.gate = gate
        self.passage_words = passage_words or (lambda text: None)
        self.expand = expand or (lambda text: text)
        # (text in the question, its other form): "PRRT" is covered where the text says
        # "peptide receptor radionuclide therapy", even though it prints "PPRT".
        self.aliases = aliases or (lambda text: [])
        doc_freq: dict[str, int] = {}
        for unit in units:
            for term in set(self.terms(self.expand(unit.text))):
                doc_freq[term] = doc_freq.get(term, 0) + 1
        n = max(len(units), 1)
        self._idf = {t: math.log(1 + n / df) for t, df in doc_freq.items()}
        self._max_idf = math.log(1 + n)  # a term the review never uses weighs most
        # The article's own subject (its title words, e.g. "neuroendocrine liver metastases")
        # is background: every passage is about it, so it tells passages apart poorly.
        self._background = {t for text in background for t in self.terms(self.expand(text))}
        self._present: dict[str, frozenset[str]] = {}  # passage text -> its expanded terms
        self._order = {u.id: i for i, u in enumerate(units)}  # reading order, for sorting passages
        self._naming = frozenset(self.terms(" ".join(NAMING_WORDS)))
        self._generic = frozenset(self.terms(" ".join(_GENERIC)))

    def present_terms(self, text: str) -> frozenset[str]:
        """Terms of a passage with its abbreviations expanded; passages repeat across
        questions, so this is computed once per passage (dict writes are thread-safe)."""
        found = self._present.get(text)
        if found is None:
            found = frozenset(self.terms(self.expand(text)))
            if len(self._present) < 50_000:
                self._present[text] = found
        return found

    def naming_terms(self, naming_question: bool) -> frozenset[str]:
        """Words a definition question may hold beyond the term ("what does X stand for?"); a
        question that asks for a name ("what is X called?") may also frame it generically."""
        return self._naming | (self._generic if naming_question else frozenset())

    def terms(self, text: str) -> list[str]:
        return [term for _, term in self._words(text)]

    def _words(self, text: str) -> list[tuple[str, str]]:
        """(word, term) pairs: a hyphenated compound counts by its parts ("two-stage" and
        "2-stage" both give "2" and "stage"), a number word by its value, and a British
        spelling as the American one ("tumours" meets "tumors"), so the wording of a number or
        a spelling never decides an answer."""
        out = []
        for raw in TOKEN_RE.findall(text):
            for part in raw.lower().split("-") if "-" in raw else (raw.lower(),):
                if not part or part in NON_CONTENT_WORDS:
                    continue
                value = CARDINALS.get(part)
                out.append((part, str(value) if value and part != "one" else self.stem(fold_spelling(part))))
        return out

    def weights(self, question: str) -> dict[str, float]:
        """Content terms of the question with their weights: rare in the review and in English
        weighs most; framing words ("treatment", "option") and the review's own subject less,
        and words English uses all the time ("told", "worried", "mum") least."""
        out: dict[str, float] = {}
        for low, term in self._words(question):
            if len(low) < 2:
                continue
            weight = self._idf.get(term, self._max_idf) * (rarity(low) if self.settings.rarity_weighting else 1.0)
            if term in self._generic:  # by stem: "kinds" frames as "kind" does
                weight *= self.settings.generic_term_weight
            elif term in self._background:
                weight *= self.settings.background_term_weight
            out[term] = max(out.get(term, 0.0), weight)
        return out

    def weighed_as_meant(self, weights: dict[str, float], aliases: Sequence[tuple[str, str]]) -> dict[str, float]:
        """A phrase weighs what the term it stands for weighs: "a new liver" asks about transplantation,
        though "new" and "liver" are everyday words. The difference goes to the phrase's word the review
        uses least, so a passage that only says "liver" is not credited with the phrase. A single word
        keeps its own weight: its rarity already says how much it carries, where a phrase's meaning is
        not that of its words."""
        out = dict(weights)
        for found, other in aliases:
            if len(found.split()) < 2 and "-" not in found:
                continue
            own = [t for t in dict.fromkeys(self.terms(found)) if t in out]
            meant = max(self.weights(other).values(), default=0.0)
            if own and meant > sum(out[t] for t in own):
                head = max(own, key=lambda t: (self._idf.get(t, self._max_idf), t))
                out[head] += meant - sum(out[t] for t in own)
        return out

    def coverage(self, weights: dict[str, float], text: str, aliases: Sequence[tuple[str, str]] = ()) -> float:
        """IDF-weighted share of the question's terms that `text` contains."""
        if not weights:
            return 0.0
        present = self.terms_with_aliases(text, aliases)
        return sum(w for t, w in weights.items() if t in present) / sum(weights.values())

    def terms_with_aliases(self, text: str, aliases: Sequence[tuple[str, str]]) -> set[str]:
        """The passage's terms, plus a question phrase whose other name the passage uses
        ("PRRT" where the text says "peptide receptor radionuclide therapy")."""
        present = set(self.present_terms(text))
        for found, other in aliases:
            if set(self.terms(other)) <= present:
                present |= set(self.terms(found))
        return present

    def answer(self, question: str, hits: Sequence[Hit], units: dict[str, SourceUnit],
               focus: str = "", query_words: WordVectors | None = None, followup: bool | None = None) -> Extraction:
        """`focus`: the user's own words ("What are the alternatives?"), which say what is asked;
        the rest of `question` is context: the earlier turn of a follow-up (`followup`, by default
        whenever there is a focus) or the statements told before the question.
        `query_words`: the question's contextual word vectors, for the gate's soft alignment."""
        followup, candidates = bool(focus) if followup is None else followup, [h for h in hits if h.unit_id in units]
        aliases = self.aliases(question)
        weights = self.weighed_as_meant(self.weights(question), aliases)
        for term in self.weights(focus) if focus else ():
            # Only words the review uses can tell its passages apart; "the second one" is
            # re-pointed, not appended, so its words may be missing from `question`.
            if term in weights and term in self._idf:
                weights[term] *= self.settings.focus_term_weight
        structural = [h for h in candidates if h.structural]
        # A unit named outright ("reference 4", "Figure 2") is always a candidate; any other
        # passage only if its kind can answer this kind of question.
        can_answer = kind_rule(self, question, focus or question, aliases)
        segments = [(h, seg, self.coverage(weights, reading_text(seg), aliases))
                    for h in candidates for seg in segments_of(units[h.unit_id])
                    if h.structural or can_answer(seg)]
        related = tuple(_citation(units[h.unit_id], 0, len(units[h.unit_id].text), h.score)
                        for h in candidates[:3])
        if not segments:
            return Extraction(abstention_text(), (), True, related)
        scored: list[Scored] = []
        if structural:
            chosen = structural_choice(self, question, structural, units, weights, aliases, can_answer)
            if not chosen:  # the named unit lacks what is asked ("the authors' affiliations")
                return Extraction(abstention_text(), (), True, related)
        else:
            if self.gate is not None:
                # (the indexed subject, "NELM", is what every passage is about, so no passage lacks it)
                scored = score_segments(segments, candidates, query_words, self.passage_words,
                                        lambda text: self.terms_with_aliases(text, aliases) | self._background,
                                        lambda word: self.stem(fold_spelling(word)), followup, self.gate)
            # A follow-up's own words (weighed up in coverage) choose; the ranker would re-match the earlier turn.
            chosen = self._choose(segments, () if followup else scored)
        coverage = self.coverage(weights, " ".join(reading_text(seg) for _, seg in chosen), aliases)
        ids = tuple(dict.fromkeys(seg.unit.id for _, seg in chosen))
        decided: dict = {}
        if structural:
            answerable = True
        elif self.gate is None:
            answerable = coverage >= self.settings.min_coverage
        else:
            best = next(s for s in scored if s.segment == chosen[0][1])
            decided = {**best.features.to_dict(), "probability": round(best.probability, 6)}
            answerable = best.probability >= self.gate.threshold
        # What no match makes up for: a figure or a likelihood asked, one person's outcome, a circumstance.
        fits = fits_question(question, [seg for _, seg in chosen], bool(structural))
        if answerable and not fits and scored and not judges_options(question):
            # The best-matching piece lacks what this shape of question needs, a figure or a degree ("how common is
            # liver involvement" of a passage naming the involvement without one), a circumstance ("safe"); the next
            # the gate accepts that holds it answers ("frequently ... a high propensity"). A verdict between options
            # keeps the refusal: a lesser match that merely holds a word of comparison ("of choice") gives none.
            fallback = next((s for s in sorted(scored, key=lambda s: -s.rank) if s.segment != chosen[0][1]
                             and s.probability >= self.gate.threshold
                             and fits_question(question, [s.segment], False)), None)
            if fallback is not None:
                chosen, fits = [(fallback.hit, fallback.segment)], True
                decided = {**fallback.features.to_dict(), "probability": round(fallback.probability, 6)}
                ids = (fallback.segment.unit.id,)
        answerable = answerable and fits
        if not answerable:
            return Extraction(abstention_text(), (), True, related, ids, decided)
        chosen.sort(key=lambda hs: (self._order.get(hs[1].unit.id, len(self._order)), hs[1].start))
        sentences, citations = [], []
        for hit, seg in chosen:
            sentences.append(f"{_without_final_period(seg.text)} [{seg.unit.id}].")
            citations.append(_citation(seg.unit, seg.start, seg.end, hit.score))
        return Extraction(" ".join(sentences), tuple(citations), False, (), ids, decided, tuple(scored))

    def _choose(self, segments: list[tuple[Hit, Segment, float]],
                scored: Sequence[Scored] = ()) -> list[tuple[Hit, Segment]]:
        """The best segment, plus others only where they add enough of the question's terms.

        With the fitted models' `scored` view (aligned with `segments`) the ranker's choice
        answers, and a further passage must also pass the gate; without them, coverage plus a
        bonus for the retriever's rank decides."""
        bonus = coverage_with_rank([x[2] for x in segments], [x[0].score for x in segments],
                                   self.settings.rank_bonus_weight)
        ranks = [s.rank for s in scored] or [0.0] * len(segments)
        order = sorted(range(len(segments)), key=lambda i: (-ranks[i], -bonus[i], segments[i][1].start))
        chosen = [segments[order[0]][:2]]
        best = segments[order[0]][2]
        for i in order[1:]:
            hit, seg, score = segments[i]
            if len(chosen) >= self.settings.max_passages:
                break
            if seg.unit.id in {s.unit.id for _, s in chosen}:
                continue
            if scored and self.gate is not None and scored[i].probability < self.gate.threshold:
                continue
            cfg = self.settings
            tied = score >= best - cfg.tie_margin and score >= cfg.min_coverage
            close = (score >= best - cfg.second_passage_gain and score > cfg.second_passage_min_coverage
                     and hit.dense > cfg.second_passage_min_dense)
            if tied or close:  # "which references were published in 2008?" has two answers
                chosen.append((hit, seg))
        return chosen


def _without_final_period(text: str) -> str:
    return text.rstrip().rstrip(".").rstrip()


def _citation(unit: SourceUnit, start: int, end: int, score: float) -> Citation:
    return Citation(unit.id, unit.section, unit.label, unit.text, (start, end), round(float(score), 6),
                    tuple(unit.metadata.get("links", ())))
