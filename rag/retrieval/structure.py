"""Units a question names through the document's structure, which embeddings cannot see.

"Figure 1", "the second reference", "the DOI", "conflict of interest", "the aim of the
review", "the most recent reference", "the Hofland review": each points at units by the
article's own structure (numbering, record fields, publication years, author lists), not by
what the passages say. In: a question and the parsed articles. Out: unit IDs, best first.
It ranks nothing else and decides nothing about answering (rag/answer/ does).
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from rag.core.text import CARDINALS, local_id
from rag.retrieval.aims import asks_aim, asks_audience
from rag.retrieval.captions import names_caption
from rag.retrieval.quoted import quoted_units
from rag.retrieval.numbered import abstract_sentence, numbered_items
from rag.retrieval.record_words import (ASKERS_PURPOSE, AUTHORS, CITING_STYLE, FINDING_IT, FOR_WRITING, GUESSED_TYPE, ONLINE_FIRST,
                                       RECORD_AGE, RECORD_DETAILS, RECORD_NAME, REFERENCE_FOR_IT, WRITTEN_BY, INDUSTRY_MONEY,
                                       purpose_free)

__all__ = ["SECTION_CUES", "BIBLIO_FILLER", "structural_units", "documents_meant", "topic_of"]

_LAST_RE = {"figure": re.compile(r"\b(?:last|final)\s+(?:figure|fig)\b", re.I),
            "reference": re.compile(r"\b(?:last|final)\s+(?:reference|ref|cited)\b", re.I)}
# Questions about the record itself, and the section that answers them.
_SECTION_CUES = (
    ("citation", re.compile(
        # "volume" of a record, not of a liver remnant: the field after a determiner or another field
        r"\b(doi|journal|(?:what|which) magazine|published|publication|publish|(?:what|which) year|year of publication|"
        # "come out" and "appear" are said of a publication too: "where exactly did this piece come out?"
        r"(?:where|when)\s+(?:exactly\s+)?(?:did|does|was|has)\s+(?:it|(?:this|the)\s+(?:piece|review|article|paper|work))\s+(?:\w+\s+)?"
        r"(?:come\s+out|appear(?:ed)?)|"
        r"year\W{0,3}of (?:this|the) (?:review|article|paper)|"
        r"(?:^|(?<![\w-])(?:the|which|what|its|and|journal|issue|year|a|in|of)\s+)volume|issue|pages?|"
        # who wrote it, not what someone else wrote ("the consultant wrote NELM on my letter")
        + AUTHORS + r"|who\s+(?:\w+\s+)?wrote|who\s+(?:has|have|had)\s+written|wrote\s+(?:it|this|that|the\s+(?:review|paper|article))|" + WRITTEN_BY + r"|"
        r"title|titled|e-?pub\w*|article type|(?:type|kind|sort) of (?:article|paper|publication|study)|study (?:type|design)|"
        + RECORD_AGE + "|" + RECORD_DETAILS + r"|"
        r"cite|citation for (?:this|the) (?:review|article|paper)|digital object identifier|(?:persistent|unique) (?:digital )?identifier|original (?:research|study|article)|"
        r"research article|review article|whose name|"
        + FINDING_IT + "|" + RECORD_NAME + "|" + CITING_STYLE + r"(?: style| format)?|"
        + REFERENCE_FOR_IT + "|" + ONLINE_FIRST + r")\b|" + GUESSED_TYPE, re.I)),
    # the article's keywords, by their other names: "key terms", "index words", what it is "tagged with"
    ("keywords", re.compile(r"\bkey\s*(?:words?|terms?)\b|\bkeywords?\b|\bindex(?:ing)?\s+(?:terms?|words?)\b|\bsubject\s+(?:terms?|headings?)\b"
                            r"|\btagged\s+(?:with|as|under)\b|\bsearch\s+terms?\b|\b(?:filed|indexed|listed)\s+under\b", re.I)),
    # "any conflicts?" of a paper is its conflicts of interest, not a conflict between findings
    ("coi", re.compile(r"\b(conflicts? of interest|COIs?|competing interests?|disclosures?|declare\w*"
                       r"|(?:any|no|have|has|had|declared?|their|authors?'?s?|^|[.?!]\s+)\s*conflicts?(?!\s+(?:between|with|in|of|about)\b)"  # and money from
                       # being paid to say it: "any of them getting paid to say this?"
                       r"|(?:getting|being|get|got|are|were|was|is)\s+paid\s+(?:to\s+(?:say|write|promote|push)|by)"
                       r"|" + INDUSTRY_MONEY + r")\b", re.I)),  # industry ("paid by drug companies?")
)
SECTION_CUES = _SECTION_CUES  # rag/retrieval/works.py reads the record's cues too
_SELF_REFERENCE_RE = re.compile(r"\b(?:this|the present|the current|our)\s+(?:review|study|article|paper)\b"
                                r"|\bwe\s+(?:discuss|review|describe|summari[sz]e|present|report)\b", re.I)
# Words that leave a bibliographic question about the review itself ("Which journal published
# the review?"); anything else ("... the ENETS guideline update") names some other work.
_BIBLIO_FILLER = set("""what which when where who whom whose how does did was were is are the this that these
those review article paper study its it have has been there their they listed list find tell give please
and for from with about into onto year date name first last main me our your you can could would should""".split())
BIBLIO_FILLER = frozenset(_BIBLIO_FILLER)
# "Does the review discuss liver transplantation?": the framing matches the abstract's own
# "In the present review, we discuss ..." sentence; the topic alone is what to search for.
_TOPIC_RES = (
    re.compile(r"^\s*(?:does|do|did) (?:the|this) (?:review|article|paper|abstract|authors?) (?:ever )?"
               r"(?:discuss|cover|mention|address|talk about|deal with|touch on|include|refer to|consider)\s+"
               r"(?P<topic>.+?)\s*\??\s*$", re.I),
    re.compile(r"^\s*(?:is|are|was|were) (?P<topic>.+?) (?:discussed|covered|mentioned|addressed|included|considered)"
               r"(?: (?:in|by) (?:the|this) (?:review|article|paper|abstract|authors?))?\s*\??\s*$", re.I),
)
# Asking how to cite this work, in one's own reference list, is about its record, not its list.
# "for the reference list" says where the asker will put it, "in the reference list" where to look.
# (someone's own list is a list being written: "typing up Dr K's reference list"; the review's is its own)
_CITING_IT = re.compile(rf"\b(?:{CITING_STYLE}|{REFERENCE_FOR_IT}|(?:my|our|(?!(?:review|article|paper|authors?)'s)[A-Za-z]+'s)"
                        # (the piece being written may be named: "for my assignment reference", "my grant reference list")
                        r" (?:[\w-]+ ){0,3}?(?:reference list|references?|bibliography)"
                        r"|for (?:the|a|my|our) (?:reference list|bibliography)"
                        # a reference for the asker's own piece of writing: "need it for the case summary ref"
                        r"|for (?:the|a|an|my|our) (?:[\w-]+ ){1,2}?(?:reference|ref)\b(?! list)"
                        # or the other way round: "Ref for clinic letter: journal, yr, vol(issue), pages."
                        rf"|\bref(?:erence)?\s+{FOR_WRITING}"
                        # the whole record asked as "the full reference" (of the document, when no other work is named)
                        r"|(?:full|complete|whole) (?:bibliographic\w* )?(?:reference|citation)(?!s)"
                        # the line one writes to cite it: "I need a proper reference line for my article"
                        r"|(?:reference|citation) (?:line|entry)(?! (?:in|of|from) (?:the|its|their) (?:list|review))"
                        # checking one's citation of it against the record: "Reference check: Machairas N et al, ..."
                        r"|(?:reference|citation) check(?:ing)?(?! (?:of|on) (?:the|its|their) (?:list|references))"
                        # the asker's own collection: "for our ref binder", "into my reference manager"
                        r"|(?:my|our) (?:reference|citation) (?:binder|folder|file|library|manager|database|collection)"
                        # "reference" as the verb of citing, the review its object: "need to reference this in my essay"
                        r"|referenc(?:e|ing) (?:this|it|the (?:review|article|paper))(?! (?:list|section)))\b", re.I)
# "the oldest citation", "citations in the list": an item of the list, not this review's record.
_REFERENCE_LIST_CUE = re.compile(r"\b(reference|references|cited|citations)\b"
                                 r"|\b(?:oldest|earliest|newest|latest|most\s+recent|first|last|final)\s+citation\b"
                                 r"|\bcitation\s+(?:in|from|on)\s+(?:the|its|their)\s+(?:list|bibliography)\b"
                                 # the list a work is said to be in ("an American study in the list"): the review's one list
                                 # of works is its bibliography ("the list of keywords" is another)
                                 r"|\b(?:in|on|from)\s+(?:the|their|its|your)\s+(?:list|bibliography)\b(?!\s+of\b)"
                                 r"|\b(?:does|do|did) (?:the|this) (?:review|article|paper|authors?) cite\b"
                                 r"|\b(?:does|do|did) (?:they|it|he|she) cite\b"
                                 # the document citing, as a statement: "the paper cites something on how common NETs are"
                                 r"|\b(?:review|article|paper|authors|it|they)\s+(?:also\s+)?cites\b"
                                 # "the most recent paper they cite": a cited work named by the verb
                                 r"|\b(?:papers?|works?|stud(?:y|ies)|articles?)\s+(?:that\s+)?(?:they|it|the\s+(?:review|authors))\s+cites?\b",
                                 re.I)


def topic_of(question: str) -> str:
    """The topic of "Does the review discuss X?" / "Is X mentioned?", or "" for other questions."""
    for pattern in _TOPIC_RES:
        m = pattern.match(question)
        if m:
            return m.group("topic")
    return ""


_WHAT_IS = re.compile(r"\bwhat(?:'|\u2019)?s\b(?!\s+(?:been|got)\b)", re.I)  # "what's been" is "what has been"


def structural_units(question: str, articles: Sequence[Any]) -> list[str]:
    """Unit IDs the question points at through the document's structure, best first.

    Worked example: "What is the second reference about?" -> ["reference-2"];
    "Which journal published the review?" -> ["citation"]. With several documents, each
    document the question may mean gives its own ("Which journal published it?" -> every
    document's citation; "... the review?" -> the one document of type Review).
    """
    question = _WHAT_IS.sub("what is", question)  # the patterns spell the verb out: "what's the review setting out to cover?"
    found: list[str] = []
    for article in documents_meant(question, articles):
        found.extend(_units_named_in(_as_the_document(question, article), article))
    return list(dict.fromkeys(found))


# Nouns that name any publication, not one kind of it: "the article" does not pick the one
# document PubMed types "Journal Article".
_ANY_PUBLICATION = {"article", "paper", "publication", "work", "report", "record"}


def documents_meant(question: str, articles: Sequence[Any]) -> list[Any]:
    """The indexed documents a question may be about: those it names by their first author's
    surname ("the Machairas review"), else by their publication type when that tells them
    apart ("the review" when one document is a Review and the other an Observational Study),
    else all of them."""
    articles = list(articles)
    if len(articles) < 2:
        return articles
    words = set(re.findall(r"[^\W\d_][\w'\-]*", question))
    by_author = [a for a in articles if _surname(a.first_author) in words]
    if by_author:
        return by_author
    asked = {w.lower().removesuffix("s") for w in words} - _ANY_PUBLICATION
    by_type = [a for a in articles if _type_noun(a.article_type) in asked]
    return by_type if by_type else articles


def _as_the_document(question: str, article: Any) -> str:
    """"the Machairas review", "Machairas et al's paper": the document named by its first author is "the review"
    to every cue below."""
    name = _surname(getattr(article, "first_author", "") or "")
    if not name:
        return question
    return re.sub(rf"(?:\b(?:the|this)\s+)?\b{re.escape(name)}(?:\s+et\s+al\.?)?(?:'s)?\s+(?=(?:review|article|paper)\b)",
                  "the ", question, flags=re.I)


def _surname(first_author: str) -> str:
    return first_author.split()[-1] if first_author.split() else ""


def _type_noun(article_type: str) -> str:
    """The head noun of a PubMed publication type: "Observational Study" -> "study"."""
    words = re.findall(r"[a-z]+", article_type.lower())
    return words[-1].removesuffix("s") if words else ""


def _units_named_in(question: str, article: Any) -> list[str]:
    """`structural_units` within one document."""
    found: list[str] = []
    by_local = {local_id(u.id): u.id for u in article.units}
    figures = sorted(n for n in (_number_of(k, "figure-") for k in by_local) if n)
    references = sorted(n for n in (_number_of(k, "reference-") for k in by_local) if n)
    named_numbers = numbered_items(question)
    for kind, numbers in (("figure", figures), ("reference", references)):
        found.extend(by_local[i] for i in named_numbers if i.startswith(f"{kind}-") and i in by_local)
        if _LAST_RE[kind].search(question) and numbers:
            found.append(by_local[f"{kind}-{numbers[-1]}"])
    sentence = abstract_sentence(question, sum(1 for k in by_local if k.startswith("abstract-s")))
    found.extend([by_local[sentence]] if sentence in by_local else [])
    found.extend(u.id for u in article.units if u.section == "figure" and names_caption(question, u.text))
    found.extend(quoted_units(question, article.units))  # "what does 'should be anchored in' mean?"
    named = bool(found)  # "the title of Figure 2" asks about the figure, not the record
    # "for our FAQ page" is the asker's page, not the record's pages ("in my bibliography" still asks for a reference);
    # "the actual figure to cite" is a figure wanted, not the record
    record_words = ASKERS_PURPOSE.sub(lambda m: re.sub(r"\b(?:pages?|cite)\b", " ", m.group(0)), purpose_free(question))
    for section, pattern in _SECTION_CUES:
        if pattern.search(record_words) and section in by_local:
            if section == "citation" and (named or (_REFERENCE_LIST_CUE.search(question)
                                                    and not _CITING_IT.search(question))):
                continue  # "which reference was published in 2017" is about the reference list
            found.append(by_local[section])
    if _asks_for_reference_list(question) and not _CITING_IT.search(question):  # "list it in my bibliography"
        found.extend(by_local[f"reference-{n}"] for n in references)
    if _REFERENCE_LIST_CUE.search(question) and not _CITING_IT.search(question):  # "my reference list" is the user's
        found.extend(_references_by_year(question, [u for u in article.units if u.section == "reference"]))
    if (asks_aim(question) and not (named or _REFERENCE_LIST_CUE.search(question))) or asks_audience(question):
        # "the Endocr Relat Cancer ref, what's it about?": "it" is the reference the question names
        found.extend(u.id for u in article.units
                     if u.section == "abstract" and _SELF_REFERENCE_RE.search(u.text))
    return found


_LIST_WORDS = {"references", "reference", "cited", "cites", "cite", "listed", "list", "included", "include",
               "works", "papers", "studies", "sources", "bibliography", "show", "all"}


_YEAR_IN_QUESTION = re.compile(r"\b(?:19|20)\d{2}\b")
_NEWEST = re.compile(r"\b(?:most recent|latest|newest|last published)\b", re.I)
_OLDEST = re.compile(r"\b(?:oldest|earliest|first published)\b", re.I)
_PUBLICATION_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*;")  # "Lancet Oncol. 2008;9:61-72"


def _references_by_year(question: str, references: Sequence[Any]) -> list[str]:
    """"Which references are from 2016?", "the most recent reference": the reference list's
    own publication years answer these; similarity cannot compare years."""
    years = {}
    for unit in references:
        m = _PUBLICATION_YEAR.search(unit.text)
        if m:
            years[unit.id] = int(m.group(1))
    if not years:
        return []
    asked = {int(y) for y in _YEAR_IN_QUESTION.findall(question)}
    if asked:
        return [uid for uid, year in years.items() if year in asked]
    if _NEWEST.search(question):
        return [uid for uid, year in years.items() if year == max(years.values())]
    if _OLDEST.search(question):
        return [uid for uid, year in years.items() if year == min(years.values())]
    return []


_COUNT_OF_WORKS = re.compile(r"\b(?:\d+|" + "|".join(w for w in CARDINALS if w.isalpha()) + r")\s+(?=(?:references|works|papers"
                             r"|studies|sources|citations)\b)", re.I)


def _asks_for_reference_list(question: str) -> bool:
    """"Which references are cited?" / "List the references" -- the list itself, with no
    other condition ("... published in 2008" is a question about some of them). How many there
    are, said before the noun ("list the 5 references", "all five works"), is no condition."""
    question = _COUNT_OF_WORKS.sub("", question)
    if not re.search(r"\b(?:references|bibliography|reference list)\b", question, re.I) or re.search(r"\d", question):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z\-]{2,}", question)
    return not [w for w in words if w.lower() not in _BIBLIO_FILLER | _LIST_WORDS]


def _number_of(local_id: str, prefix: str) -> int | None:
    return int(local_id[len(prefix):]) if local_id.startswith(prefix) and local_id[len(prefix):].isdigit() else None
