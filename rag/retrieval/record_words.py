"""How questions word the bibliographic record: its fields, a citation style, its date, its authors as
those who wrote it (not as those who hold a view), whose purpose a question tells, and money from industry.

In: nothing (patterns only). Out: regular-expression fragments shared by the structural retriever
(rag/retrieval/structure.py), which names the record's unit from them, and the answer's record cues
(rag/answer/record_cues.py), which pick its fields.
"""

from __future__ import annotations

import re

__all__ = ["AUTHORS", "CITING_STYLE", "GUESSED_TYPE", "INDUSTRY_MONEY", "ONLINE_FIRST", "RECORD_AGE", "RECORD_DETAILS",
           "RECORD_NAME", "REFERENCE_FOR_IT", "WRITTEN_BY", "purpose_free"]

# Bibliographic wording shared with the answerer's record cues (rag/answer/cues.py):
# "Is this paper a clinical trial?" guesses a kind of publication, which the record's article type answers;
GUESSED_TYPE = (r"\b(?:is|was) (?:this|it|the (?:review|paper|article|study))\b.{0,30}\b"
                r"(?:trial|rct|meta-?analysis|systematic review|cohort|case reports?|case series|observational|"
                r"prospective|retrospective|randomi[sz]ed|original (?:research|study|data|series|article|work)|"
                r"(?:narrative|scoping|literature) review|review (?:piece|paper|article)|guidelines?)\b"
                # a study of patients set against a review or a summary: "is this an actual study w/ patients or more of a
                # review article?", "is this article a study where they treated patients or a summary of what's out there?"
                r"|\b(?:is|was) (?:this|it|the (?:review|paper|article|study))(?: (?:article|paper|review|one))?\b.{0,20}?"
                r"\b(?:study|studies|trial|research)\b.{0,60}?\bor\b.{0,40}?\b(?:review|summary|overview)\b"
                # (in a learner's statement order: "This paper is original research or a review article?")
                r"|\b(?:this|the) (?:paper|article|review|study) (?:is|was)\b.{0,20}?\b(?:study|trial|research)\b.{0,40}?\bor\b"
                r".{0,30}?\b(?:review|summary|overview)\b"
                # an indirect question keeps statement order: "... and whether this is an original study or a review of other work?"
                r"|\b(?:whether|if) (?:this|it|the (?:review|paper|article|study))(?: (?:article|paper|review|one))? (?:is|was)\b.{0,20}?"
                r"\b(?:study|studies|trial|research)\b.{0,60}?\bor\b.{0,40}?\b(?:review|summary|overview)\b")
# a citation style, or a reference for this work, asks for the whole record;
CITING_STYLE = r"(?:harvard|vancouver|apa|mla|ama|chicago|bibtex|endnote|ris|zotero|mendeley|refworks|(?:reference|citation) manager)"
REFERENCE_FOR_IT = r"ref(?:erence)? (?:for|to) (?:this|the) (?:\w+ ){0,3}(?:review|article|paper)"
# "the exact article name" is its title ("does the review name X?" is the verb);
RECORD_NAME = (r"(?<!does the )(?<!did the )(?<!does this )(?:article|review|paper)(?:'s)? name"
               r"(?=\s*(?:[?.!,:]|$|(?:for|of|is|please|pls)\b))")
# Going online before the issue is the e-publication: "when did it go online ahead of print?".
# "on the internet", "on the web" say "online" in words
ONLINE = r"(?:online|on-line|on the (?:internet|web))"
ONLINE_FIRST = (r"ahead of print|online (?:first|publication|release|date)|(?:go|goes|went|gone|put|posted|published|"
                rf"released|appeared|available|come|came) (?:up |out )?{ONLINE}")
# Its date asked as how new it is ("how recent is this review?", "is the paper out of date?"; not a
# bare "is it new?", which may be about a treatment), or as
# when it came out; its whole record as its "citation details" or "bibliographic info".
# Finding the paper itself, which its identifier is for: "how do i look it up, is there a number or code for it"
FINDING_IT = (r"(?:how\s+(?:do|can|could|would|should)\s+(?:i|we|you|one)\s+)?(?:look\s+(?:it|this|that)\s+up|look\s+up\s+"
              r"(?:the|this|that)\s+(?:paper|article|review)|find\s+(?:it|this|the\s+(?:paper|article|review))\s+online)"
              # ("the number for the article" is a number the question already asked for: "... survival? need the number for
              # the article")
              r"|(?<!\bthe\s)(?<!\bthat\s)(?<!\bthis\s)(?:number|code|id)\s+for\s+(?:it|this|the\s+(?:paper|article|review))")
RECORD_AGE = (r"how (?:recent|old|new|current|up[- ]to[- ]date) is (?:it|(?:this|the) (?:review|article|paper|publication))"
              r"|(?:is|was) (?:this|the) (?:review|article|paper) (?:\w+ )?(?:new|old|recent|current|outdated"
              r"|out of date|up[- ]to[- ]date)|(?:did|does|has) (?:it|this|(?:this|the) (?:review|article|paper|publication))"
              r" (?:first )?come out")
RECORD_DETAILS = (r"(?:citation|reference|publication|bibliographic\w*) (?:details|info\w*|data|record)"
                  r"|full (?:bibliographic\w* )?(?:reference|citation|ref|cite|record|details)|(?:in|into|to) (?:my|our|a) (?:bibliography|reference list)")
# The authors as the subject of a verb of opinion ask what the review says, not who wrote it:
# "do the authors see it as routine?", "what do the authors recommend?"; so does the authors as the
# source of a view: "according to the authors", "safety per authors?", "what do the authors require".
# (the holders of a view named after it: "Position of the authors on transplant")
AUTHORS = (r"(?<!according to the )(?<!according to )(?<!according the )(?<!per the )(?<!per )(?<!do the )(?<!does the )(?<!did the )"
           r"(?<!position of the )(?<!view of the )(?<!views of the )(?<!stance of the )(?<!opinion of the )(?<!verdict of the )"
           r"authors?(?!'?\s+(?:see|sees|think|consider|recommend|suggest|say|says|identif\w*|highlight\w*|emphasi[sz]\w*|stress\w*"
           r"|view|regard|describe|discuss|believe|feel|propose|mention|argue|conclude|advise|favou?r|prefer|state|require"
           # the authors as those who hold a view or an interest: "the authors' stance", "whether the authors have ties"
           r"|stance|position|opinion|take|verdict|conclusions?|thoughts|have|has|had|declared?|disclosed?"
           r"|requires|want|call|define|mean|use|found|report|include|included|search|searched|select|selected|analy[sz]e"
           r"|analy[sz]ed|perform|performed"
           # what they set out to do: "what were the authors trying to do with this paper?"
           r"|try|tries|tried|trying|aim|aims|aimed|aiming|attempt\w*|intend\w*|set\s+out|wanted|wants|hope\w*)\b)")
# "written for" and "written as" ask whom it serves and what it is, not who wrote it.
# "written" as a participle ("written by", "when was this written?"); before a noun it is an adjective ("for the
# written exam", "written consent") and asks nothing of the record
WRITTEN_BY = r"written(?=\s+by\b|\s*[?.!,;:]|\s*$)|(?:was|is|were|been|be)\s+(?:\w+\s+)?written(?!\s+(?:for|as|in)\b)"
# "why was it written?" asks its purpose, not who wrote it: there "written" is no record cue.
_PURPOSE = re.compile(r"^\s*(?:(?:and|so|but)\s+)?(?:why|how\s+come|for\s+what\s+(?:reason|purpose))\b", re.I)


def purpose_free(question: str) -> str:
    """`question` with "written" dropped when it asks why: "why was this review written?" names no field."""
    return re.sub(r"\bwritten\b", " ", question) if _PURPOSE.search(question) else question
# Money or ties from industry, which a conflict-of-interest line declares: "paid by drug companies?", "any funding
# from drug companies they had to declare?" (who funded the review is another matter, which no indexed field says).
INDUSTRY_MONEY = (r"(?:(?:paid|payments?|money|fees|funding|funded|grants?|ties|links)\b[^.?!]{0,30}?"
                  r"\b(?:drug|pharma\w*|industry|compan(?:y|ies)|manufacturers?)"
                  # the other order, as a compound or a phrase: "industry money", "pharma ties"
                  r"|(?:drug|pharma\w*|industry|compan(?:y|ies)|manufacturers?)\b[^.?!]{0,20}?\b(?:paid|payments?|money|fees"
                  r"|funding|funded|grants?|ties|links)"
                  # a financial interest is what such a line declares: "any financial ties?"
                  r"|financial\s+(?:ties|interests?|links|relationships?|support|disclosures?))")
# What the asker wants it for ("need it for my glossary notes", "into our journal club slides", "typing up
# Dr K's reference list") is theirs, not a work's subject.
# A piece of writing or teaching of the asker's, named after "for": "for a memo", "for an essay on ..." (a compound
# needs no article, as notes write it: "Ref for clinic letter")
FOR_WRITING = (r"\bfor\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?|[\w-]+\s+(?:[\w-]+\s+)?)(?:memo|essay|assignment|talk|presentation"
               r"|report|thesis|dissertation|letter|newsletter|blog|poster|slides?|footer|handout|leaflet|course|class|lecture"
               r"|summary|referral|notes|sidebar|footnote|column|story|piece|write-?up|fact\s*sheet|infographic|podcast|website"
               r"|dossier|submission|manuscript|chapter|proposal|grant(?:\s+application)?|audit|appraisal|journal\s+club)\b")
ASKERS_PURPOSE = re.compile(r"\b(?:for|in|into|to|on)\s+(?:my|our)\s+[^.?!,;:]*"
                             rf"|{FOR_WRITING}[^.?!,;:]*"
                             # a figure or quote wanted in order to cite it: "Need the actual figure to cite."
                             r"|\b(?:figures?|numbers?|stat(?:istic)?s?|data|values?|quotes?|sentences?|lines?|passages?)\s+to\s+cite\b"
                             # someone's own list being written: "typing up Dr K's reference list"
                             r"|\b(?:(?:dr|doctor|prof|professor|mr|mrs|ms)\.?\s+)?(?!(?:review|article|paper|authors?)'s)"
                             r"[A-Za-z.]+'s\s+(?:reference\s+list|references|bibliography)", re.I)
