"""Chat and note-taking shorthand -> the standard words, before a question is searched.

People type "wat yr did this come out", "tx for pts w/ liver mets", "y?". The review's
text, the retriever's vocabulary and the answerer's question cues ("year" asks for the
record's date) know only the standard words, so a question is read with its shorthand
written out. The table holds only forms whose meaning does not depend on context (each is
the common reading in chat and in clinical notes, where "tx", "pt", "dx" and "rx" are
standard); forms that are also words or other abbreviations ("bout", "doc", "pub", "cos",
"hw") are left out, but for "pub" before a record field; lay words for clinical terms are another matter (rag/retrieval/lay.py).

A token typed with capitals after its first letter ("PT", "TX", "Y-90") may be an
abbreviation and is never touched, nor is a token joined to another by a hyphen, nor a capital R
or L before the organ or operation it sides ("R lobe", "R hepatectomy": clinical notes' right and left;
"can U tell me", "what R the options" are still chat).
"""

from __future__ import annotations

import re

SHORTHAND = {
    # chat spellings
    "u": "you", "ur": "your", "r": "are", "y": "why", "wat": "what", "wot": "what", "wut": "what",
    "wats": "what is", "whats": "what is", "abt": "about",
    "coz": "because", "cuz": "because", "b/c": "because", "w/": "with", "w/o": "without",
    "tho": "though", "thru": "through", "pls": "please", "plz": "please", "thx": "thanks", "ppl": "people",
    "info": "information", "approx": "approximately", "esp": "especially",
    # chat's initialisms for asides ("rn" is left: a registered nurse writes it too)
    "idk": "i don't know", "tbh": "to be honest", "ngl": "not going to lie", "imo": "in my opinion",
    "imho": "in my humble opinion", "btw": "by the way", "fyi": "for your information", "afaik": "as far as i know",
    "omg": "oh my god", "irl": "in real life",
    # clipped words of writing about papers
    "yr": "year", "yrs": "years", "vol": "volume", "ref": "reference", "refs": "references",
    "pic": "picture", "pics": "pictures", "fig": "figure", "figs": "figures", "pg": "page", "pgs": "pages",
    "pp": "pages", "iss": "issue", "auth": "author", "auths": "authors", "au": "author", "jnl": "journal", "jrnl": "journal", "publ": "publication",
    "kw": "keywords", "kws": "keywords",
    "1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth",
    # clinical note shorthand
    "tx": "treatment", "txs": "treatments", "rx": "treatment", "pt": "patient", "pts": "patients",
    "dx": "diagnosis", "hx": "history", "mgmt": "management", "algo": "algorithm", "dr": "doctor", "drs": "doctors",
    "surg": "surgery", "mgr": "manager", "sx": "symptoms", "txp": "transplant", "crit": "criteria",
}
# A clipped unit after a number and its hyphen is the unit ("5-yr survival" is "5-year survival").
_TOKEN = re.compile(r"(?:(?<![\w/-])|(?<=\d-))(?:(?:[A-Za-z]+/[A-Za-z]?|[A-Za-z]+|[1-5](?:st|nd|rd|th))(?![\w-]|/\w)"
                    r"|[1-5](?:st|nd|rd|th)(?=-line\b))")  # "1st-line" is first-line
# "pub" is a clipped "publication" only as a modifier of what a record prints ("pub yr", "pub
# date"); alone it is the word. Clipped words joined by slashes list them all ("vol/iss/pp").
_PUB = re.compile(r"\bpub(?=\.?\s+(?:year|yr|date|details|info|type)\b)", re.IGNORECASE)
# A clipped word's period before the number it labels is no sentence end: "ref. 4", "fig. 2", "pp. 130".
_CLIPPED_DOT = re.compile(r"\b(refs?|figs?|vol|pgs?|pp|iss|no)\.(?=\s*\d)", re.IGNORECASE)
_PAIR = re.compile(r"(?<![\w/-])[A-Za-z]+(?:/[A-Za-z]+)+(?![\w/-])")
_PLUS = re.compile(r"(?<=[A-Za-z])\s*\+\s*(?=[A-Za-z])")  # a note's "+" between words is "and": "yr + vol", "SSA+PRRT"


# Chat's lone lower-case "w" is "with" ("pts w liver mets", "does it mess w how long u live"); a capital W, or a
# "w" after a number ("6 w", weeks), is left.
_WITH = re.compile(r"(?<![\w/.'-])(?<!\d )w(?![\w/'-])")

_SIDE = re.compile(r"[RL]\s+(?:lobe|liver|hemi-?liver|hepatectom\w*|side|portal|PVE|PVL|lung|kidney|adrenal)\b")


def expand_shorthand(text: str) -> str:
    """`text` with each shorthand word typed as a word written out: "wat yr" -> "what year"."""
    def standard(m: re.Match[str]) -> str:
        word = m.group(0)
        if any(c.isupper() for c in word[1:]) or _SIDE.match(m.string, m.start()):
            return word  # an abbreviation, or a note's side: "6 lesions R lobe" is the right lobe
        found = SHORTHAND.get(word.casefold())
        if found is None:
            return word
        return found[0].upper() + found[1:] if word[0].isupper() else found

    text = _CLIPPED_DOT.sub(r"\1", text)
    text = _PUB.sub("publication", text)
    text = _PLUS.sub(" and ", text)
    text = _WITH.sub("with", text)
    text = _PAIR.sub(lambda m: " and ".join(m.group(0).split("/")) if all(
        g.casefold() in SHORTHAND for g in m.group(0).split("/")) else m.group(0), text)
    return _TOKEN.sub(standard, text)
