"""What a question asks of a bibliographic record: which fields of this review's record ("the
DOI", "where was it published"), whether a field the indexed record lacks ("the authors'
affiliations"), how many of its authors, or what a cited work found, which a reference entry
(authors, title, journal) never says. Pure functions over the question text, no index; the
structural cues that name the record's unit are in rag/retrieval/structure.py.
"""

from __future__ import annotations

import re

from rag.core.text import ORDINALS, RECORD_WORDS, number_value
from rag.retrieval.record_words import (ASKERS_PURPOSE, CITING_STYLE, FINDING_IT, GUESSED_TYPE, ONLINE, ONLINE_FIRST, RECORD_AGE, RECORD_DETAILS, RECORD_NAME,
                                     REFERENCE_FOR_IT, WRITTEN_BY, purpose_free)


_CITATION_CUES = (
    # "who published it?" asks for the journal, not the authors
    ("authors", re.compile(rf"\b(authors?|wrote|{WRITTEN_BY}|who(?!\s+published)|whose)\b", re.I)),
    ("title", re.compile(rf"\b(title|titled|name of the (?:review|article|paper)|{RECORD_NAME})\b", re.I)),
    # "when?" of a record is its date ("who wrote the review?" - "and when?")
    # ("5-year survival" is a duration, not the record's year; see also _DURATION)
    ("journal", re.compile(r"\b(journal|volume|issue|pages?|(?<!-)year|published in|who published|publisher|when|"
                           rf"where\s+(?:(?:was|is)\s+.+|(?:it|this|that|the\s+\w+)\s+(?:was|is|got|has\s+been))\s+published|{RECORD_AGE})\b",
                           re.I)),
    # (its identifier, by what it is for: "how do i look it up, is there a number or code for it")
    ("doi", re.compile(rf"\bdoi\b|digital object identifier|\b(?:{FINDING_IT})\b", re.I)),
    ("epub", re.compile(rf"\b(e-?pub\w*|{ONLINE}|electronic\w*|date|{ONLINE_FIRST})\b", re.I)),
    # (or the class it is put in: "is it classed as a review or an original article?")
    ("type", re.compile(r"\b(type|kind|sort|design|class(?:ed|ified)\s+as|categori[sz]ed\s+as)\b|" + GUESSED_TYPE, re.I)),
    # Fields a PubMed record has but the indexed text does not: asking for them must not be
    # answered with the fields that are there. ("SEER-based", "population-based": a compound names a method, not a place.)
    ("unindexed", re.compile(r"\bwhere (?:are|were|do|does|did|is|was) (?:the |its )?(?:first |last )?"
                             r"(?:authors?|team|researchers?)\b|\b((?<!-)based|affiliat\w*|institutions?|hospitals?|universit\w*|countr\w*|"
                             r"departments?|centres?|centers?|e-?mail|contact|funding|funded|grants?|pmid|pmcid|received|accepted|revised|submitted|"
                             r"open[\s-]access|licen[cs]e\w*|copyright|"
                             r"impact factor)\b", re.I)),
)


# A citation style asked for ("in APA 7th ed.", "Vancouver please"), or the record formatted: every field.
_WHOLE_RECORD = re.compile(rf"\b(?:cite|citing|citation|{REFERENCE_FOR_IT}|{CITING_STYLE}|{RECORD_DETAILS}"
                           r"|format(?:ted)?\s+(?:this|the|it)\b)\b",
                           re.I)


def citation_parts_for(question: str) -> set[str]:
    """Which fields of the bibliographic record the question asks for ("doi", "journal", ...);
    none recognised means the whole record, as does "how do I cite it?"."""
    wanted = _kinds_asked(question)
    if _WHOLE_RECORD.search(question) and "unindexed" not in wanted:
        return set()  # a field the record lacks stays asked for: "PMID? need it for the reference manager"
    return wanted


def record_fields_asked(question: str) -> set[str]:
    """The fields of a record the question names, whatever else it asks ("does the review cite any data on X,
    and if so, who wrote it and which journal?" -> authors, journal), unlike `citation_parts_for`, for which
    citing means the whole record."""
    return _kinds_asked(question) - {"unindexed"}


# A number of years before the measure it spans is a duration, not the record's year: "what the 5 year survival
# is", "five year overall survival" ("ref 5 year?" asks reference 5's year).
_DURATION = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+years?\s+(?=(?:overall\s+|"
                       r"disease[\s-]free\s+|progression[\s-]free\s+|relative\s+)?(?:survival|os|pfs|dfs|mortality|"
                       r"recurrence|outcomes?|rates?|follow[\s-]?up|risk)\b)", re.I)


def _kinds_asked(question: str) -> set[str]:
    question = _DURATION.sub(" ", purpose_free(question))
    # what the asker wants it for is no field the record lacks: "for my grant reference list", "for our hospital newsletter"
    own = ASKERS_PURPOSE.sub(" ", question)
    return {kind for kind, pattern in _CITATION_CUES if pattern.search(own if kind == "unindexed" else question)}


# Authors a record's list may leave out: all of them, a count, the co-authors, the last one.
_BEYOND_FIRST = re.compile(r"\b(?:how many (?:authors|co-?authors|people|researchers|writers)|co-?authors?|"
                           r"other (?:authors?|writers?|researchers?)|rest of the authors|(?:all|every|each) (?:of )?(?:the )?"
                           r"authors?|full (?:author|list)|author list|list of (?:the )?authors|"
                           r"(?:last|senior|final|corresponding)\W+(?:\w+\W+)?authors?)\b", re.I)
_ORDINAL_AUTHOR = re.compile(r"\b(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\s+(?:author|name)\b", re.I)
_ET_AL = re.compile(r"\bet al\b\.?", re.I)


def asks_beyond_listed_authors(question: str, authors: str) -> bool:
    """A list cut short with "et al." ("Nikolaos Machairas et al.", "Pavel M, O'Toole D, Costa
    F, et al.") names its first authors only: it cannot say how many there are, who the
    co-authors or the last author are, or who comes after the names it prints."""
    m = _ET_AL.search(authors)
    if not m:
        return False
    listed = len([name for name in authors[:m.start()].split(",") if name.strip()])
    ordinal = _ORDINAL_AUTHOR.search(question)
    if ordinal and (number_value(ordinal.group(1)) or 0) > listed:
        return True
    return bool(_BEYOND_FIRST.search(question)) and not (listed > 1 and re.search(r"\bco-?authors?\b", question, re.I))


# Verbs of what a work says or finds; a reference entry (authors, title, journal) says none of it.
_FINDING = re.compile(r"\b(?:recommend\w*|report\w*|found|find|finds|findings?|show(?:s|ed|n)?|conclud\w*|conclusions?|"
                      r"suggest\w*|demonstrat\w*|observ\w*|results?|propos\w*|advis\w*|say|says|said|identif\w*|"
                      r"claim\w*|argu\w*|set|sets|specif\w*|stipulat\w*|requir\w*|turned\s+out"
                      # results that "came out" so, not a work that "came out in" a journal or a year
                      r"|came\s+out(?!\s+(?:in|on|at|when|online|first|last|recently)\b|\s*[?.!,;]|\s*$))\b", re.I)
_WHICH_WORK = re.compile(r"\b(?:which|what) (?:references?|papers?|stud(?:y|ies)|articles?|works?|guidelines?|"
                         r"publications?|sources?)\b", re.I)


# A work's results, as against what it reports on ("what does reference 4 report?" asks its subject, which its
# title gives): found, concluded, showed, recommended.
_RESULTS = re.compile(r"\b(?:found|find|finds|findings?|conclu\w*|show(?:s|ed)?|demonstrat\w*|results?|observ\w*|came\s+out|"
                      r"turned\s+out|significant|"
                      r"recommend\w*|advis\w*|identif\w*|set|sets|stipulat\w*|requir\w*)\b", re.I)


def asks_for_results(question: str) -> bool:
    """"What did reference 5 find?", "which factors did Pape et al. find?": a work's results, which no entry
    of a reference list prints. "Which reference reports survival outcomes?" asks which entry."""
    return bool(_RESULTS.search(question)) and not _WHICH_WORK.search(question)


# Words about the literature itself (a closed class): a question without one, and without a
# cited author's name, asks about the disease or its care, which a reference entry (authors,
# title, journal) does not answer even when its title shares the words.
# ("do the authors land on ...?" asks the review's view: its authors as the subject of a verb are no literature)
LITERATURE_CUE = re.compile(rf"\b(?:{RECORD_WORDS}|ref\w*|stud(?:y|ies)|guidelines?|(?<!do the )(?<!does the )(?<!did the )authors?"
                            # the authors' stance is the review's ("what's the authors' stance on transplant?")
                            r"(?!['\u2019]s?\s+(?:stance|view|position|opinion|take|verdict|conclusion|recommendation|advice)s?\b)"
                            r"|trials?|wrote|written|"
                            r"works?|sources?|literature|bibliograph\w*|consensus|et al|reviews?|reading|pmid|doi|"
                            r"pubmed)\b", re.I)


def asks_what_a_work_found(question: str) -> bool:
    """"What did Pavel et al. recommend?", "What does reference 4 report?": a reference entry
    gives authors, title and journal, never what the work found. "Which reference reports
    survival outcomes?" asks which entry, and an entry can answer that."""
    asked = _INSTRUCTION.sub("", question)  # "Identify the cited source ...": the asker's instruction, not a finding
    asked = _INFORMANT.sub(" ", asked)  # "my daughter said this article cites a study on ...": who told the asker
    return bool(_FINDING.search(asked)) and not _WHICH_WORK.search(asked)


# A person who told the asker something, as the subject of a verb of saying: reported speech, no work's finding.
_INFORMANT = re.compile(r"\b(?:(?:my|our|his|her|their|the|a)\s+(?!(?:review|paper|article|study|studies|trial|guidelines?|"
                        r"references?|authors?|work|abstract|source|consensus)\b)[a-z][\w-]*|she|he|someone|somebody|i\s+was)"
                        r"\s+(?:said|says|told\s+(?:me|us|him|her|them)|mentioned|tells\s+(?:me|us))\b", re.I)


# An imperative opening the question is the asker's instruction: "Identify ...", "Name ...", "Please specify ...".
_INSTRUCTION = re.compile(r"^\s*(?:please\s+)?(?:identify|name|list|give|state|specify|find|show|report|say)\b", re.I)


# What a reference entry prints is its authors, title, journal, year, volume and pages; its
# identifiers and the facts behind it (PMID, affiliations, funding, dates of receipt) are not
# on it, so "PMID for the Dasari paper?" is not answered by the entry that names Dasari.
_UNPRINTED_IN_ENTRY = re.compile(r"\b(?:pmids?|pmcids?|pubmed ids?|affiliat\w*|e-?mails?|funding|funded|grants?|"
                                 r"impact factor|received|accepted|open[\s-]access|licen[cs]e\w*|copyright)\b", re.I)


# Fields an entry may or may not print: a DOI ("doi: 10.1/x"), an issue after its volume ("34(2)").
_ASKS_DOI = re.compile(r"\bdoi\b|digital object identifier", re.I)
_ASKS_ISSUE = re.compile(r"\b(?:issue|iss)\b", re.I)


def asks_unprinted_entry_field(question: str, entry: str = "") -> bool:
    """Does the question ask for a field a reference entry does not print: one no entry prints,
    or, given the `entry`, a DOI or an issue number it lacks ("the DOI for the Pape paper" of
    "... Endocr Relat Cancer. 2008;15:1083-1097")?"""
    if _UNPRINTED_IN_ENTRY.search(question):
        return True
    if entry and _ASKS_DOI.search(question) and not re.search(r"\bdoi\b|\b10\.\d{4,}/", entry, re.I):
        return True
    return bool(entry) and bool(_ASKS_ISSUE.search(question)) and not re.search(r"\d\s*\(\s*\d+\s*\)", entry)
