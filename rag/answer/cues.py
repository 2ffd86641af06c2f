"""What shape of question is this? Pure functions over the question text, no index.

The answerer (rag/answer/extractive.py) decides *whether* passages answer a question by word coverage;
these cues tell it *what kind* of answer the question wants, which coverage cannot see:
- a figure ("what percentage", "how many", "dose") that only a passage with a number gives;
- (a field of the bibliographic record, or what a cited work found: rag/answer/record_cues.py; one person's
  outcome or a circumstance of daily life: rag/answer/circumstances.py);
- the members of a class by name ("which targeted agents exactly?");
- a definition only ("what does SA stand for?"), a topic ("does the review cover ablation?")
  or a caption's title ("the title of Figure 2").
"""

from __future__ import annotations

import re

from rag.core.question import OPENS_QUESTION, asking_part, sentences_of
from rag.core.text import CARDINALS

_NUMBER_CUE = re.compile(
    r"\b(how many|how much|how long|what (?:percentage|proportion|fraction|share|number|dose|"
    r"dosage|rate)|percent(?:ages?)?|proportions?|"
    # a duration, also in clinical shorthand ("5yr OS", "12-mo")
    r"(?:\d+|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r")(?:[- ](?:years?|months?|weeks?|days?)|[- ]?(?:y|yrs?|mos?|wks?))|"
    # ("mean" the noun, an average: "the mean survival"; not the verb of "what does it mean")
    r"median|(?:the|a|its|their)\s+mean|mean\s+(?:survival|age|time|follow-?up|duration|size|number|value|os|pfs)|average|dose|dosage|mg|rate|"
    r"incidence|prevalence|survival (?:rate|benefit|figure)|odds|hazard|ratio|rates|cut[- ]?off|threshold|"
    r"how large|how big|size of|minimum|maximum|(?:what|which)(?:\s+is|\s+are|'s)\s+the\s+(?:minimal|maximal)|at least|at most|per ?cent|any\s+(?:numbers|stats|statistics)|"  # "any stats?"
    # "does it give a number for OS?" (not "a number of studies", "the number one organ")
    r"(?:give|quote|provide|cite|report|offer|state|put)s?\s+(?:an?|any)\s+(?:(?:actual|exact|real|precise|specific|hard|concrete)\s+)?"
    r"(?:numbers?|stats?|statistics?|figures?)(?!\s+of\b)"
    # a figure told, asked whether the text holds it: "... around 70%'. is that number in there?"
    r"|(?:is|are)\s+(?:that|this|those|these)\s+(?:numbers?|stats?|statistics?|percentages?))\b|%", re.I)
NAMING_WORDS = """abbreviation abbreviations abbreviated acronym acronyms stand stands mean means meaning
definition define defined expand expansion full form short long name named called term terms word letters
legend caption figure listed list mention mentioned include included vs versus treatment treatments
therapy therapies procedure procedures technique techniques drug drugs agent agents option options""".split()
NAMING_CUE = re.compile(r"\b(?:abbreviat\w*|acronyms?|stands? for|short for|called|named|meaning|mean|define|"
                         r"definition|expansion|full form|legend)\b", re.I)
# "Which molecular targeted agents does the review name?", "Which targeted agents exactly?",
# "Name the chemotherapy drugs": a request for the members of a class, by name.
# Where the asker met the class may come first: "In Figure 1, what are the distribution types called?"
_WHERE = (r"^\s*(?:(?:(?:in|on)\s+)?(?:the\s+)?(?:figure|fig\.?|table|review|article|paper|abstract|legend|caption|flowchart|algorithm)"
          r"(?:\s*\d+)?\s*[,:-]?\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?")
_INSTANCE_RES = (
    # (the class is a noun phrase: "what are the types ... exactly" is read by _KINDS_OF)
    re.compile(_WHERE + r"(?:which|what)\s+(?:specific\s+|particular\s+|individual\s+)?(?!(?:are|is|was|were|do|does|did)\b)"
               r"(?P<cls>[a-z][\w\s-]{1,60}?)\s+(?:exactly|specifically|by name|in particular)\b", re.I),
    # (a bracketed aside may follow the class: "which selection criteria (Milan or otherwise) does it spell out?")
    re.compile(_WHERE + r"(?:which|what)\s+(?:specific\s+|particular\s+|individual\s+)?(?P<cls>[a-z][\w\s-]{1,60}?)\s+"
               r"(?:(?:\([^()]{1,40}\)|[-\u2013\u2014]\s[^-\u2013\u2014]{1,40}\s[-\u2013\u2014])\s+)?(?:does|do|did)\s+(?:the|this|it|they)\s+(?:(?:review|article|paper|abstract|authors?)\s+)?"
               r"(?:name|list|mention|cite|specify|recommend|give|state|spell\s+out|set\s+out|lay\s+out|define|describe|discuss|cover"
               r"|include|review|report)\b", re.I),
    re.compile(r"^\s*(?:please\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?)?(?:name|list)\s+(?:the|all|any)\s+(?P<cls>[a-z][\w\s-]{1,60}?)\s*(?:\?|$|"
               # a second request after "and" ends the class: "list the types and describe each one"
               r"(?=and\s+(?:describe|explain|define|say|tell|give|summari[sz]e|outline|compare)\b)|"
               r"\b(?:that|which|the review|mentioned|named|listed))", re.I),
)
# Classes whose members have names (drugs, trials, scores, the types of a typology); "the
# treatments for NELM" is not one.
_MEMBER_KINDS = re.compile(r"\b(?:types|kinds|classes|categories|subtypes|patterns|agents?|drugs?|medications?|medicines?|regimens?|inhibitors?|analogues?|analogs?|"
                           r"chemotherap(?:y|ies)|trials?|studies|criteria|scores?|techniques?|devices?|isotopes?|"
                           r"radiopharmaceuticals?|radionuclides?|genes?|(?:bio)?markers?|guidelines?)\b", re.I)
# Plural nouns that stand for a list of particulars ("which parameters", "what advances",
# "which cases"): a question that opens with one asks for the particulars, whatever follows; so does a
# singular named thing ("which chemo drug goes in it?" asks for a drug by its name).
_PARTICULARS = re.compile(r"\b(?:agents?|drugs?|medications?|medicines?|regimens?|inhibitors|criteria|scores|techniques|"
                          r"parameters|factors|variables|advances|indications|cases|conditions|complications|"
                          r"side[- ]effects|contraindications|characteristics)\b", re.I)
# Auxiliaries and modals (a closed class): a phrase holding one is a clause, not a class name.
_VERBS = set("""is are was were be been being do does did done has have had may might can could will would
shall should must""".split())
# ("which are the criteria ...?" asks for them as "which criteria ...?" does: the copula and article are no part of the class)
_WHICH_PARTICULARS = re.compile(r"^\s*(?:which|what)\s+(?:(?:are|were)\s+the\s+)?(?:specific\s+|particular\s+|other\s+|new\s+)?"
                                r"(?P<cls>(?:[a-z][\w-]*\s+){0,5}?" + _PARTICULARS.pattern + r")"
                                # "what drug classes": the classes are asked, which a passage naming classes answers
                                r"(?!\s+(?:class(?:es)?|categor(?:y|ies)|groups?|famil(?:y|ies)|types?)\b)", re.I)
ENUMERATION = re.compile(r"such as|including|includ\w+\b|e\.\s?g\.|i\.\s?e\.|namely|:|\(", re.I)
# ("named in the legend" is the passive of naming a thing, where it is mentioned: no title asked)
TITLE_CUE = re.compile(r"\b(?:title|titled|called|named(?!\s+(?:in|on|within|among|anywhere))|heading)\b", re.I)
# What a figure is for, which its title says: "which kind of tumours does Figure 2 apply to?", "is it meant for G3?"
SCOPE_CUE = re.compile(r"\b(?:appl(?:y|ies)\s+to|(?:meant|intended|designed|drawn|made|valid)\s+for|applicable\s+to)\b", re.I)
# Several items asked for at once ("which treatments does it list?", "what abbreviations are in the
# legend?", "list the items"): a figure answers with its whole caption, not its title or one legend
# item. "Is TACE listed in Figure 2?" asks for one.
ASKS_SEVERAL = re.compile(r"\b(?:which|what)\s+(?:of\s+the\s+)?(?:other\s+|kinds?\s+of\s+|types?\s+of\s+)?(?:[\w-]+\s+){0,3}?(?:treatments"
                          r"|therapies|options|abbreviations|acronyms|terms|procedures|drugs|modalities|approaches"
                          r"|techniques|items)\b|^\s*(?:please\s+)?list\b", re.I)
TOPIC_RE = re.compile(r"\b(?:discuss\w*|cover\w*|mention\w*|address\w*|topics?|subjects?|key ?words?|about|"
                       r"includ\w*|deal\w* with|touch\w* on|focus\w*)\b", re.I)
# Whether something appears somewhere ("is interferon anywhere in the algorithm?", "is a
# transplant one of the options on the chart?", "does Figure 2 show PVL?"): a legend item that
# names it is the evidence, whatever framing words the question adds.
PRESENCE_RE = re.compile(r"\b(?:anywhere|one of the|among the|part of the|appear\w*|show\w*|feature[sd]?|"
                         r"list\w*|contain\w*|includ\w*|mention\w*|cover\w*)\b"
                         r"|^\s*(?:is|are|was|were)\b.*\b(?:in|on) (?:the |this |that )?(?:\w+ )?"
                         r"(?:figure|fig|chart|diagram|algorithm|flow ?chart|picture|pic|legend|caption)\b", re.I)
# A wh-question whose head noun is a measure ("what's the mortality after ...", "what is the
# upper age limit for ...", "is there an age limit?") asks for a figure, whatever the noun is:
# the head is the noun the question ends on or that a preposition or clause follows. A
# "number" counts only as "the number of ..." ("the DOI number" is an identifier).
# (or a relative clause without its pronoun: "the upper size limit they give for ...")
_HEAD_END = r"(?=\s*(?:$|[?.,!;:]|(?:of|for|after|with|in|at|from|among|following|if|when|to|that|before|"\
    r"is|are|was|were|does|do|would|will|should|they|you|we|the\s+(?:authors|review|paper|article))\b))"
_FIGURE_NOUNS = (r"(?:mortality|morbidity|limit|cut[- ]?off|age|number(?= of)|duration|length|frequency|interval|size|volume|"
                 r"dose|dosage|percentage|proportion|(?:success|response|recurrence|complication|survival) rate)")
# A wh-question's opening up to its head noun: "what is the", "what's their", "what would be a".
_WH_OPENING = r"\bwhat(?:'?s| is| are| was| were| would be)?\s+(?:the\s+|an?\s+|its\s+|their\s+|my\s+|his\s+|her\s+)?"
_FIGURE_HEAD = re.compile(_WH_OPENING + r"(?:[\w-]+\s+){0,2}?" + _FIGURE_NOUNS + _HEAD_END
                          # survival as the measure asked for: "what overall survival does the review report?"
                          # ("what prolongs survival?" asks what does it)
                          + r"|" + _WH_OPENING + r"(?:(?:overall|median|mean|average|long[- ]term|disease[- ]free"
                            r"|progression[- ]free|\d+[- ]?(?:yr|year)|five[- ]year)\s+)*survival" + _HEAD_END
                          + r"|\b(?:is|are) there (?:an?|any)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:limit|cut[- ]?off|threshold|maximum|minimum)\b", re.I)
# "What are the chances it comes back?", "what is the risk of ...": a likelihood, which a
# figure or a word of degree ("frequently", "a high propensity", "rarely") answers.
_LIKELIHOOD_HEAD = re.compile(_WH_OPENING + r"(?:[\w-]+\s+){0,2}?(?:(?:chances?|likelihood|probability|odds)\b|risk"
                              + _HEAD_END + ")"
                              + r"|\bhow (?:likely|common|often|frequent|rare)\b"
                              # "which type is the most common?": a comparison of frequencies.
                              r"|\b(?:most|least) (?:common|frequent|usual|likely)\b|\bcommonest\b", re.I)
# "highly" and "lowly" intensify an adjective ("highly selected cases"): no frequency.
DEGREE_RE = re.compile(r"\b(?:frequent\w*|often|usual\w*|common\w*|rare\w*|seldom|high(?:er|est)?|low(?:er|est)?|most\w*|majority|"
                       r"minority|likely|unlikely|propensity|tend\w*|always|never)\b", re.I)
_NOT_A_FIGURE = re.compile(r"^\s*who\b|\b(?:which|what) (?:one )?(?:of (?:the|its|their|these|those) )?(?:(?:cited|listed|quoted) )?"
                           r"(?:references?|papers?|stud(?:y|ies)|articles?|works?|authors?|guidelines?|citations?|sources?"
                           r"|publications?)\b"
                           r"|\b(?:first|last|corresponding) author\b"
                           # a field of a cited work's record ("the US incidence paper, what journal?"), or whether
                           # one is cited ("do they cite any paper on how common it is?"): its subject is no figure asked for
                           r"|\b(?:papers?|stud(?:y|ies)|articles?|publications?|guidelines?|the one (?:on|about))\b[^?.!]*?"
                           # (the authors as the ones doing, "how many studies did the authors include?", ask no field)
                           r"(?<![\w-])(?<!\bdid the )(?<!\bdo the )(?<!\bdoes the )(?:journal|title|year"
                           r"|authors?|who|published|volume|issue|pages|doi)\b"
                           r"|\bcited?\s+(?:any|a|an|some)\s+(?:[\w-]+\s+){0,2}(?:papers?|stud(?:y|ies)|articles?|work)\b"
                           # whether a work on it is listed ("is there a US study in the refs about how common NETs are?")
                           r"|\b(?:is|are)\s+there\s+(?:any|a|an|some)\s+(?:[\w-]+\s+){0,2}(?:papers?|stud(?:y|ies)|articles?|"
                           r"references?|refs?|works?|publications?|sources?)\b"
                           r"|\bany\s+(?:papers?|stud(?:y|ies)|articles?|references|refs|publications)\s+(?:on|about|looking at)\b", re.I)


# "What are the three distribution types called?": the names of a class's members.
_CALLED = re.compile(_WHERE + r"what\s+(?:are|were)\s+(?:the|its|their|these|those)\s+(?:(?:\d+|"
                     + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r")\s+)?"
                     r"(?P<cls>(?:[\w-]+\s+){0,3}?" + _MEMBER_KINDS.pattern + r").*\b(?:called|named|known as)\b", re.I)


# "What are the three types of distribution in Figure 1?": a class of kinds, whose members are asked.
_KINDS_OF = re.compile(_WHERE + r"(?:(?:what|which)\s+(?:are|were)|describe|list|name|explain)\s+(?:the|its|their)\s+(?:names\s+of\s+(?:the\s+)?)?(?:(?:\d+|"
                       + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r"|different|main|various)\s+)?"
                       r"(?P<cls>(?:[\w-]+\s+)?(?:types|kinds|classes|categories|subtypes|patterns)\s+of\s+[\w\s-]{3,60}?"
                       r"|(?:[\w-]+\s+){0,3}(?:types|kinds|classes|categories|subtypes|patterns))"
                       r"(?=\s+(?:\w+ly\s+)?(?:in|on|from|shown|listed|described|drawn|depicted|illustrated|with)\b|\s*(?:[?.!(]|$)"
                       # or a second question joined to it: "what are the three distribution types and how are they defined?"
                       r"|\s*,?\s+and\s+(?:how|what|which|why|where|when|who)\b"
                       # or a relative clause with its own subject: "the different types of spread (that) it shows"
                       r"|\s+(?:that\s+|which\s+)?(?:it|they|the\s+(?:figure|review|caption))\s+(?:shows?|lists?|gives?|describes?|depicts?|names?)\b)"
                       # the class named, then asked for with a pronoun: "the distribution types, what are they?"
                       r"|(?:the\s+)?(?P<named>(?:[a-z][\w-]*\s+){0,3}(?:types|kinds|classes|categories|subtypes|patterns))\s*[,:-]+\s*"
                       r"what\s+(?:are|were)\s+(?:they|these|those)\b", re.I)


# Words that single out members ("the individual types", "the specific agents"), not part of the class's name.
_SINGLING_OUT = re.compile(r"^(?:(?:individual|specific|particular|different|various|actual|separate)\s+)+", re.I)


# (and a direct question after a comma: "figure 1 has different types ..., what are the types called")
_OPENED = re.compile(r",\s+(?=(?:what|which)\s)", re.I)
_CLAUSE_START = re.compile(r"\s[-\u2013\u2014]+\s+|:\s+|[.?!]\s+|,\s+(?=(?:what|which)\s+(?:are|were|is|was|do|does|did)\b)", re.I)


def member_kind(cls: str) -> str:
    """The noun of a class whose members a text names only by naming the class too: "criteria" of "transplant
    criteria" (the Milan criteria, a score's items), else "". Drugs, studies and types are named without the noun."""
    m = _NAMED_SETS.search(cls)
    return m.group(0) if m else ""


_NAMED_SETS = re.compile(r"\b(?:criteria|criterion|scores?|scoring\s+systems?)\b", re.I)


# A note that names its subject first and asks for it by a pronoun after a dash or colon: "<class> - what are they?"
_NOTED_THEN_ASKED = re.compile(r"^\W*(?P<cls>[A-Za-z][\w' -]*?)\s*(?:\([^)]*\)\s*)?[-:\u2013\u2014]\s*(?:so\s+)?(?:what|which)\s+"
                               r"(?:are|r|were)\s+(?:they|these|those|them)\b", re.I)


def instance_class(question: str) -> str:
    """The class whose members a question asks for by name, else "". The question may open with what it is for
    ("for my journal club slide I need Figure 1 - what are the distribution types shown?"): each clause after a
    dash, a colon or a sentence's end is read as a question's start too."""
    starts = [0] + [m.end() for m in _CLAUSE_START.finditer(question)]
    noted = _NOTED_THEN_ASKED.match(question)  # "transplant selection criteria for NELM (Milan?) - what r they"
    if noted and _MEMBER_KINDS.search(noted.group("cls")):
        return _SINGLING_OUT.sub("", noted.group("cls"))
    for pattern in (*_INSTANCE_RES, _CALLED, _KINDS_OF):
        m = next((found for at in starts if (found := pattern.search(question[at:]))), None)
        cls = m and (m.groupdict().get("cls") or m.groupdict().get("named"))
        if cls and _MEMBER_KINDS.search(cls):
            return _SINGLING_OUT.sub("", cls)
    # (after an opening adverbial too: "For the liver transplantation, which criteria the review use ...?")
    m = next((found for at in [0] + [c.end() for c in _OPENED.finditer(question)] if (found := _WHICH_PARTICULARS.search(question[at:]))),
             None)
    # "what may precede ... agents" asks what comes before them, not which agents they are.
    return m.group("cls") if m and not set(m.group("cls").lower().split()) & _VERBS else ""


# "Does it matter how much of the liver is involved?", "does the spread affect how well and how
# long patients live?": a measure clause that is the object of a verb of influence asks whether
# one thing bears on another, which a passage answers without a figure ("dictated by the degree
# of ..."); so does "what decides whether they can operate or how big the op would be?", "does it affect
# her day-to-day wellbeing, or how long she has?" and "is it just how much of the liver is taken over?".
# "How big a role does it play?" asks importance, as the idiom "play a big role" means.
# ("effect" as the verb: "affect" as it is often misspelt, "spread to the liver effects quality of life and how long")
_INFLUENCED_MEASURE = re.compile(r"\b(?:affect|effect|matter|depend|influenc|determin|chang|impact|dictat|decid|alter|shap"
                                 # ("make life worse ..., like day to day and how long they live")
                                 r"|(?:make|makes|made|making)\s+(?:[\w'-]+\s+){0,2}?(?:worse|better)"
                                 r"|hit|harm|worsen|shorten|lengthen|prolong|improv|reduc|limit|govern|mess(?:es|ed|ing)?\s+(?:up\s+)?with"
                                 r"|(?:make|makes|made|making)\s+(?:a|any|much\s+of\s+a)\s+difference\s+(?:to|in))\w*"
                                 # ("X, not just Y" coordinates as "X and Y" does: "how well people live, not just how long")
                                 r"\s+(?:on\s+|upon\s+)?(?:how \w+ (?:and|or) |(?:whether\s+)?(?:[\w'-]+,?\s+){1,12}?(?:and|or|not)\s+"
                                 r"(?:(?:just|only|also|even|merely|simply)\s+)?)?"
                                 r"how (?:long|much|many|far|big|large|often)\b"
                                 r"|\bhow (?:big|large|great|important|significant|major) (?:of )?an? (?:role|part)\b"
                                 # as does the weight given to it: "how much weight do the authors give liver-targeted therapy"
                                 r"|\bhow much (?:weight|importance|emphasis|stock)\b"
                                 # how much something matters is its importance: "how much the liver spread actually matters"
                                 r"|\bhow much\s+(?:[\w'-]+\s+){0,5}?(?:matters?|mattered|counts?|helps?|helped)\b"
                                 # whether the deciding factor is the extent: "is it just how much of the liver is taken over?"
                                 # (the adverb may go unsaid: "what decide if the surgeon can cut out ...? is it how much of liver is sick?")
                                 r"|\b(?:is\s+it|it'?s)\s+(?:(?:just|only|all|mainly|mostly|really|simply)\s+)?(?:about\s+|down\s+to\s+)?"
                                 r"how (?:much|many|big|large|far)\b"
                                 # told, not asked: "the doctor said something about how much of the liver is involved"
                                 r"|\b(?:said|mentioned|talked|spoke|explained|told(?:\s+\w+){0,2}?)\s+(?:something\s+|a\s+(?:bit|lot)\s+)?"
                                 r"(?:about\s+)?how (?:much|many|long|far|big|large)\b", re.I)


# Which option does best on an outcome ("which IR technique gives the longest progression-free survival?"):
# a ranking of outcome figures.
_OUTCOME_RANKED = re.compile(r"\bwhich\b[^?.!]*?\b(?:longest|longer|best|better|highest|higher|lowest|lower|shortest|shorter)"
                             r"\s+(?:[\w-]+\s+){0,2}?(?:survival|outcomes?|response|prognosis|mortality|recurrence|PFS|OS)\b", re.I)


# How a figure is drawn (its boxes, arrows, colours, layout), asked of a figure: the page holds its caption, not
# its picture, and no pathway says where a box sits.
# ("one of the boxes" asks whether a thing is in it, which its legend says; "which box is at the top" how it is drawn)
_DRAWN = (r"(?:arrows?|colou?r(?:s|ed)?|shapes?|layout|laid\s+out|(?:which|what)\s+box|boxe?s?\s+(?:is|are|sits?)\s+"
          r"(?:at|on)\s+the\s+(?:top|bottom|left|right|side))")
FIGURE_LAYOUT = re.compile(rf"\b{_DRAWN}\b[^?]*\b(?:figure|fig|flow\s?chart|algorithm|diagram|chart)\b"
                           rf"|\b(?:figure|fig|flow\s?chart|algorithm|diagram|chart)\b[^?]*\b{_DRAWN}\b", re.I)


# A count asked ("how many of the refs are from 2008?"), which is answered by counting what is listed.
ASKS_COUNT = re.compile(r"\bhow many\b|\bnumber of\b", re.I)


def asked_sentences(question: str) -> str:
    """The sentences that ask, where some end in "?", and the last one when it opens as a question does (a
    question often stands unmarked at the end: "what are the types? how many are there"); else the whole text.
    A figure named in a statement told around the question ("he needs it done in two goes because of how much
    there is. Is that safe?") is part of the story, not what is asked."""
    if "?" not in question:
        return question
    last = sentences_of(question.strip())[-1:]
    return " ".join(dict.fromkeys([asking_part(question), *(s for s in last if OPENS_QUESTION.match(s))]))


# What decides a matter asks for the factor: an amount named beside it is the factor guessed ("what decides whether
# the op is doable - how much of the liver is riddled with tumour?"), not a figure asked for.
_FACTOR_ASKED = re.compile(r"\bwhat(?:\s+[\w-]+){0,2}?\s+(?:decides|determines|dictates|governs)\b|\bdepends?\s+on\s+what\b"
                           r"|\bwhat\s+(?:does|do|would)\s+(?:it|that|this|they)\s+depend\s+on\b", re.I)
_AMOUNT = re.compile(r"\bhow\s+(?:much|many|big|large|far|extensive)\b", re.I)


def asks_for_number(question: str) -> bool:
    """Does the question want a figure (a dose, a rate, a duration, a count, a ranking of outcomes)?
    "Who wrote the study on incidence trends?" names a figure but asks for a person."""
    question = _INFLUENCED_MEASURE.sub(" ", asked_sentences(question))
    if _FACTOR_ASKED.search(question):
        question = _AMOUNT.sub(" ", question)
    return (bool(_NUMBER_CUE.search(question) or _FIGURE_HEAD.search(question) or _OUTCOME_RANKED.search(question))
            and not _NOT_A_FIGURE.search(question))


def asks_likelihood(question: str) -> bool:
    """Does the question ask how likely something is ("what are the chances it comes back?")?
    A passage answers that with a figure or a word of degree, not by naming the event."""
    question = asked_sentences(question)
    return bool(_LIKELIHOOD_HEAD.search(question)) and not _NOT_A_FIGURE.search(question)
