"""Which work a bibliographic question is about: this review, or one its reference list cites.

"When was the ENETS guideline update published?", "page numbers for the Dasari article?", "the
paper on prognostic factors - which journal?" carry their own subject; "when was it published?",
"the machairas NELM review - journal?" and "who's the lead author on the neuroendocrine liver
mets review?" ask about this review. A cited author's surname names that reference; a name, or
a topic, that is not this review's (its first author, its title and keywords and the short forms
its text defines) names another work. In: a question and what the index says of its own
documents. Out: the references a question names by author, and whether it names another work.
The structural cues themselves are in rag/retrieval/structure.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from rag.core.text import stem, zipf
from rag.retrieval.record_words import ASKERS_PURPOSE
from rag.retrieval.structure import BIBLIO_FILLER, SECTION_CUES

__all__ = ["author_names", "journal_words", "names_journal", "reference_year", "references_by_author",
           "references_by_journal", "references_by_year", "names_other_work"]

_COMMON_ZIPF = 4.0  # more common in English than about 1 in 100,000 words

_NAME = re.compile(r"\b[A-Z][\w'\-]{2,}")


@lru_cache(maxsize=1024)
def author_names(reference_text: str) -> frozenset[str]:
    """Surnames in a reference's author list, lower-cased: "Hofland J, Kaltsas G, de Herder WW.
    ..." -> {"hofland", "kaltsas", "herder"}."""
    return frozenset(n.lower() for n in _NAME.findall(reference_text.split(". ", 1)[0]))


_NAME_ZIPF = 3.0  # a lower-case word English uses less than once per million words may be a name


@lru_cache(maxsize=1024)
def journal_words(reference_text: str) -> tuple[str, ...]:
    """The words of a reference's journal as printed, lower-cased: "... tumours. Lancet Oncol.
    2008;9:61-72." -> ("lancet", "oncol"); the journal is the field before the year."""
    fields = [f.strip() for f in reference_text.split(". ")]
    for i, field in enumerate(fields[1:], 1):
        if re.match(r"\d{4}\s*;", field):
            return tuple(w.lower() for w in re.findall(r"[A-Za-z]+", fields[i - 1]))
    return ()


def reference_year(reference_text: str) -> str:
    """The year a reference prints after its journal ("Lancet Oncol. 2008;9:61-72" -> "2008")."""
    m = re.search(r"\.\s*((?:19|20)\d{2})\s*;", reference_text)
    return m.group(1) if m else ""


def references_by_year(question: str, years: Sequence[tuple[str, str]], own_years: frozenset[str]) -> list[str]:
    """"the one from 2017", "the 2020 paper": a year the question names that is some cited
    works' year points at those works, unless the question names this review's year too."""
    asked = set(re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", question))
    if asked & own_years:
        return []  # "was it published in 2020 or 2021?" asks this review's date
    return [uid for uid, year in years if year in asked] if asked else []


def names_journal(reference_text: str, words: set[str]) -> bool:
    """Does a question's word set name the reference's journal, every word of it as printed or
    written out ("the Lancet Oncology one" names "Lancet Oncol")?"""
    return _names(journal_words(reference_text), words)


def _names(journal: Sequence[str], words: set[str]) -> bool:
    return bool(journal) and all(any(w == j or (len(j) >= 3 and w.startswith(j)) for w in words) for j in journal)


def references_by_journal(question: str, journals: Sequence[tuple[str, tuple[str, ...]]]) -> list[str]:
    """"a JAMA Oncol thing about NETs", "the Lancet Oncology paper": a reference named by its journal (`journals`:
    each reference's `journal_words`), every word of it as printed or written out, one at least as printed
    ("endocrine review" is no "Endocr Rev")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
    return [uid for uid, journal in journals if _names(journal, words) and words & set(journal)]


def references_by_author(question: str, authors: Sequence[tuple[str, frozenset[str]]]) -> list[str]:
    """"The Hofland review", "Dasari et al.", "hofland et al - what year?": a surname from a
    reference's author list points at that reference, written as a name (capitalised, even
    first in the question) or in lower case when English hardly uses the word ("pape", not
    "costa" if it were a common word)."""
    names = {w.lower() for w in _NAME.findall(question)}
    names |= {w for w in re.findall(r"\b[a-z][\w'\-]{2,}", question) if zipf(w) < _NAME_ZIPF}
    names |= {re.sub(r"['\u2019]s$", "", w) for w in names}  # a possessive names its owner: "Dasari's paper"
    if not names:
        return []
    return [uid for uid, surnames in authors if names & surnames]


# A work named by what it is about: "the paper on prognostic factors", "the study about incidence".
_WORK_ON = re.compile(r"\b(?:papers?|stud(?:y|ies)|articles?|works?|publications?|guidelines?|references?|reviews?|sources?|"
                      r"one)\s+(?:(?:is|was|that\s+is|which\s+is)\s+)?(?:on|about|regarding|into|looking\s+at|dealing\s+with"
                      r"|addressing|covering|concerning)"
                      # the topic ends where a clause of the asker's purpose or reason opens ("... on NELM treatment so I can
                      # cite it in my referral letter")
                      r"\s+(?P<topic>(?:(?!\s(?:so|because|since|as\s+(?:i|we)|for\s+(?:my|our)|to\s+(?:cite|quote|use|put|include))\b)"
                      r"[^?.!,;:()\-\u2013])+)",
                      re.I)


def _of_topic(question: str, own_topic: frozenset[str], own_names: frozenset[str] = frozenset()) -> bool:
    """Is a work named by a topic that this review's own title and keywords do not hold ("the
    paper on prognostic factors")? "The paper on liver metastases" may be this one; an
    abbreviation ("the review on NELM") names no work by itself, nor do this review's own names
    ("that review about NELM treatment in annals of gastro": its journal)."""
    for m in _WORK_ON.finditer(question):
        # the question's own record words are not the topic's ("the review on NET liver mets published in?")
        topic = SECTION_CUES[0][1].sub(" ", m.group("topic"))
        own = _own_words(topic, own_topic)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]{2,}", topic)
                 if w.lower() not in BIBLIO_FILLER and sum(c.isupper() for c in w) < 2 and not _own(w, own_names)]
        if words and any(w.lower() not in own for w in words[:3]):
            return True
    return False


@lru_cache(maxsize=256)  # read twice for one question when it both names a capitalised word and a subject
def _own_words(text: str, own_topic: frozenset[str]) -> frozenset[str]:
    """The words of `text` this review's title and keywords hold, directly or as a lay word for
    one of theirs ("liver mets" -> metastases), lower-cased."""
    from rag.retrieval.lay import lay_expansions

    lay_for_own = {w.lower() for lay, clinical in lay_expansions(text)
                   if any(stem(c.lower()) in own_topic for c in re.findall(r"[A-Za-z]+", clinical)) for w in lay.split()}
    # A derived form shares the first five letters the stemmer keeps apart: "treating" is of "treatment".
    prefixes = {t[:5] for t in own_topic if len(t) >= 5}
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-]+", text)
                     if (s := stem(w.lower())) in own_topic or (len(s) >= 5 and s[:5] in prefixes) or w.lower() in lay_for_own)


def _own(word: str, own_names: frozenset[str]) -> bool:
    """Is `word` one of this review's own names (its first author, its journal's words printed or
    written out), whole or clipped ("Gastro" for "Gastroenterology"; not "annual" for "Ann")?"""
    low = word.lower()
    return low in own_names or (len(low) >= 4 and any(n.startswith(low) for n in own_names))


def names_other_work(question: str, own_names: frozenset[str] = frozenset(),
                     own_topic: frozenset[str] = frozenset()) -> bool:
    """Does a bibliographic question carry its own subject ("when was the ENETS guideline
    update published?", "the paper on prognostic factors - which journal?") rather than ask
    about this review ("when was it published?")? `own_topic`: the stems of this review's
    title and keywords."""
    question = ASKERS_PURPOSE.sub(" ", question)
    if own_topic and _of_topic(question, own_topic, own_names):
        return True
    cues = SECTION_CUES[0][1]
    rest = [w for w in re.findall(r"[A-Za-z][A-Za-z\-]{2,}", cues.sub(" ", question))
            if w.lower() not in BIBLIO_FILLER]
    # A name ("the Hofland review", "the Dasari study") points at a cited work by itself; the
    # article's own first author does not. Words English uses all the time ("need", "essay",
    # "pls") are the asker's filler, not a work's subject.
    # (a capital that opens a sentence marks the sentence, not a name: "... page numbers? Need it for ...")
    later_words = [m.group(0) for m in re.finditer(r"[A-Za-z][A-Za-z\-]{2,}", question)
                   if not re.search(r"(?:^|[.?!])\s*$", question[:m.start()])]
    # Nor is a word of this review's own topic ("the machairas NELM review").
    named = [w for w in later_words if w[0].isupper() and w in rest and not _own(w, own_names)
             and stem(w.lower()) not in own_topic]
    if named and own_topic:
        # nor an abbreviation of it ("the NET liver mets treatment review": NET is a neuroendocrine neoplasm)
        own = _own_words(question, own_topic)
        named = [w for w in named if w.lower() not in own]
    subject = [w for w in rest if zipf(w.lower()) < _COMMON_ZIPF and not _own(w, own_names)]
    if len(subject) >= 2 and own_topic:  # only then is it worth reading the lay words (a hot path)
        own = _own_words(question, own_topic)
        subject = [w for w in subject if w.lower() not in own]
    # "Harvard style ref for the Machairas review, for my dissertation": the article's own
    # author names the work, whatever else the asker says about why they want it.
    names_own = any(_own(w, own_names) for w in later_words)
    return bool(named) or (len(subject) >= 2 and not names_own)
