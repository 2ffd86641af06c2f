"""The phrases a clinician writes for each treatment-algorithm input, as regular expressions.

In: nothing; this module is a table. Out: compiled patterns, grouped by the input they
inform (grade and Ki-67, primary site, liver resectability and distribution type, the liver
lobes named by Couinaud segment, symptoms, recurrence, primary resection, age, liver
involvement, stable disease; extrahepatic disease is in rag/algorithm/sites.py), the words that
count ("a", "two", ...), and the NegEx triggers and clause breaks (Chapman et al., J Biomed Inform 2001) that decide whether a finding
is negated. Clinical shorthand is read as written in case notes: "54F", "mets", "dz", "w/o", "-ve".

It does not apply the patterns, resolve conflicts or decide treatment:
rag/algorithm/inputs.py reads a question with them.
"""

from __future__ import annotations

import re

from rag.core.text import CARDINALS

_F = re.IGNORECASE
# A count written as digits or words; "a"/"an" count one ("an ileal primary").
COUNT_WORDS = {**{w: n for w, n in CARDINALS.items() if n}, "a": 1, "an": 1}
_NUM = r"(\d{1,3}(?:\.\d+)?|" + "|".join(sorted((w.replace(" ", "[- ]") for w in COUNT_WORDS if "-" not in w),
                                               key=len, reverse=True)) + ")"

# Negation triggers before a finding, and the clause breaks that end their reach.
# "w/o" is clinical shorthand for "without", "nil" for "no", "-ve" for "negative" (read as in "-ve for bone mets").
NEG_BEFORE = re.compile(r"\b(?:no|nil|nothing|none|not|without|absence of|absent|free of|negative for|neg for|denies|nor|neither)\b|"
                        r"\bw/o\b|(?<!\w)-ve for\b", _F)
CLAUSE_BREAK = re.compile(
    r"[.,;:!?()+]|\b(?:but|however|although|though|whereas|yet|with|has|have|had|shows?|showed|"
    r"presents?|presented|developed|and now)\b|\bw/(?!o)", _F)  # "w/" and "+" are shorthand for "with"
NEG_AFTER = re.compile(r"^\s*(?:(?:were|was|is|are|has been|have been)\s+)?(?:excluded|ruled out|absent|"
                        r"negative|neg|-ve|clear|unremarkable|not (?:seen|found|detected|present))(?!\w)", _F)

# A grade read off the tumour's name, which states no feature of a case (rag/routing/treatment.py).
GRADE_BY_NAME = re.compile(r"\bcarcinoids?\b", _F)
GRADE_PATTERNS = [  # (pattern, value, assumed?)
    (re.compile(r"\bG\s?1\s*(?:/|-|or|to)\s*G?\s?2\b", _F), "G1/G2", False),
    (re.compile(r"\b(?:NET\s+)?G\s?-?([123])\b", _F), "G{}", False),
    (re.compile(r"\bgrade\s*(?:is\s*)?([123]|iii|ii|i|one|two|three)\b", _F), "G{}", False),
    # "well diff" / "poorly diff" are the usual clipped forms of "-differentiated" in case notes.
    (re.compile(r"\b(?:neuroendocrine carcinomas?|NECs?|poorly[- ]diff(?:erentiated)?|small[- ]cell carcinoma|"
                r"large[- ]cell neuroendocrine)\b", _F), "NEC", False),
    (re.compile(r"\bhigh[- ]grade\b", _F), "G3", True),
    (re.compile(r"\bintermediate[- ]grade\b", _F), "G2", True),
    (re.compile(r"\b(?:well[- ]diff(?:erentiated)?|low[- ]grade)\b", _F), "G1/G2", True),
    # "well" with its "-differentiated" left to the grade it is set against ("well or poorly differentiated")
    # names that grade too; two grades offered as a choice then leave the grade unknown
    (re.compile(r"\bwell(?=\s+(?:or|and|vs\.?|versus)\s+poorly[- ]diff)", _F), "G1/G2", False),
    # "carcinoid" is the older name of a well-differentiated NET (typical and atypical carcinoid)
    (GRADE_BY_NAME, "G1/G2", True),
]
GRADE_WORD = {"1": "1", "i": "1", "one": "1", "2": "2", "ii": "2", "two": "2", "3": "3", "iii": "3", "three": "3"}
# The Ki-67 (MIB-1) labelling index is the proliferation index NEN grading uses (WHO 2019). A
# figure with its per cent sign may stand a few words after the name ("Ki-67 of about 8%"); one
# without it only right after the name ("Ki67 of 4", "MIB-1: 12") and followed by no unit or
# range ("Ki-67 4 cm", "Ki-67 1-2") and no letter run on ("Ki-67 58M" is an age and a sex).
_KI67_NAME = r"\b(?:ki[- ]?67|mib[- ]?1|prolifera(?:tion|tive) index)\b"
KI67 = re.compile(
    rf"{_KI67_NAME}[^%\d.;]{{0,30}}?(\d{{1,3}}(?:\.\d+)?)\s*(?:%|per ?cent\b)|"
    rf"{_KI67_NAME}(?:\s*(?:labell?ing\s+)?index)?\s*(?:of|:|=|is|was|at|around|about|approximately|~)?\s*"
    r"(\d{1,3}(?:\.\d+)?)(?![\d%a-z]|\.\d)(?!\s*(?:cm|mm|mg|months?|mo|years?|yrs?|weeks?|lesions?|mets|metastas\w*|"
    r"nodules?|x\b|-\s*\d|\u2013\s*\d|to\s+\d))", _F)

# "non-pancreatic" names what the primary is not. "panc" is the usual shorthand for pancreatic;
# jejunum and ileum (jejunoileal) are the small intestine of SI-NEN and SB-NET ("small bowel NET").
# The duodenum stays "other": NEN classifications (WHO 2019, ENETS 2016) keep duodenal NEN apart
# from jejunoileal SI-NEN, whose systemic options Figure 2 lists.
_NOT_NON = r"(?<!non-)"
PRIMARY_PATTERNS = [
    (re.compile(rf"\b{_NOT_NON}(?:pancrea\w*|panc|p-?NE[NT]s?|pan-?NE[NT]s?|islet[- ]cell|insulinomas?|"
                r"glucagonomas?|VIPomas?)\b", _F), "pancreas"),
    (re.compile(rf"\b{_NOT_NON}(?:ileal|ileum|ileoc(?:a)?ecal|jejunal|jejunum|jejuno-?ileal|"
                r"small[- ](?:bowel|intestin\w*)|mid-?gut|SI[- ]?NE[NT]s?|SB[- ]?NE[NT]s?)\b", _F), "small-intestine"),
    (re.compile(r"\b(?:rectal|rectum|gastric|stomach|duodenal|duodenum|appendi\w+|colonic|colorectal|"
                r"bronchial|bronchopulmonary|thymic|(?:lung|pulmonary)\s+(?:NE[NT]s?|carcinoids?|neuroendocrine|primary|"
                r"tumou?rs?)|"
                # the site after the tumour, as notes write it: "small cell NEC lung" (not "NET, lung mets")
                r"(?:NE[NTC]s?|carcinoids?)\s+(?:of\s+(?:the\s+)?)?(?:lung|bronchus)"
                r"(?!\s+(?:mets?|metasta\w*|nodules?|lesions?|deposits?|secondar\w*|involvement)))\b", _F), "other"),
]
UNKNOWN_PRIMARY = re.compile(r"\b(?:unknown primary|primary (?:site )?(?:is )?unknown|CUP)\b", _F)

# The liver left after a resection, however it is called: "FLR", "remnant", "the liver left behind".
_REMNANT = (r"(?:FLR|future liver remnant|(?:liver )?remnant|(?:remaining|residual|leftover|left-over) liver|"
            # as patients say it: "the rest of the liver after the operation will be too small"
            r"(?:the )?rest of (?:the |her |his |my )?liver|"
            r"liver (?:that would be |that is )?(?:left|remaining)(?: behind| over)?(?!\s*(?:lobe|side|half|hemi))|"
            # "the bit left over would be too small"
            r"(?:bit|part|piece|amount) (?:of (?:the )?liver )?(?:that would be |that is )?(?:left|remaining)(?: behind| over)?)")
# An operation on the liver, as "amenable to" names it: "amenable to right hepatectomy".
_LIVER_OP = (r"(?:[\w-]+ ){0,2}?(?:surgery|surgical resection|resection|hepatectomy|hemihepatectomy|lobectomy|"
             r"segmentectomy|metastasectomy|an operation|operation)")
# A resection that removes all the disease: "R0 possible", "complete resection is feasible".
_COMPLETE = r"(?:R0|complete (?:surgical )?resection)(?: resection)?(?: (?:is|would be|seems|looks))?"
# Removing the disease, in the surgeon's and in the patient's words: "resected", "removed",
# "operated on", "taken out", "get it all out". "-ible" is the common misspelling of "-able".
_REMOVED = (r"(?:surgically |completely |fully |all )?(?:resected|removed|excised|operated(?: on)?|taken out)")
# What is removed must be the disease ("get it all out", "remove the liver lesions"): "they can
# remove the primary" says nothing about the liver.
_DISEASE = (r"(?:it|them|everything|all of (?:it|them)|"
            r"(?:the |all (?:the |of the )?)?(?:liver |hepatic )?(?:mets?|metastas[ie]s|lesions?|disease|tumou?rs?|spots?))")
_REMOVE = (rf"(?:(?:resect|remove|excise|operate on) {_DISEASE}(?: all)?|(?:take|get|cut) {_DISEASE}(?: all)? out|"
           rf"(?:take|get|cut) out {_DISEASE}|get rid of {_DISEASE}|get (?:it|them) all\b)")
_CANNOT = (r"(?:can ?not|can'?t|could ?not|couldn'?t|won't|will not|unable to|not able to|"
           r"(?:not |im)possible to|not (?:feasible|safe) to)")
LIVER_PATTERNS = [  # (pattern, status, assumed?) checked in order; a later one never overrides an earlier one
    (re.compile(r"\b(?:two[- ]stage|2[- ]stage|staged (?:hepatectomy|hepatectomies|resections?|approach|"
                r"options?|procedures?|strateg(?:y|ies)|surgery|operations?)|ALPPS|"
                r"portal vein (?:embolization|embolisation|ligation)|"
                r"two[- ]step|2[- ]step|"
                # "now they wanna do it in 2 surgeries"
                r"in (?:two|2) (?:surgeries|operations|goes)|"
                # removable, only not in one: "it can be removed but not all at once", "not in a single operation"
                r"(?:not|never|n't)\s+(?:(?:all|everything)\s+)?(?:at once|in one (?:go|stage|step|sitting|operation|surgery)"
                r"|in a single (?:stage|step|sitting|operation|surgery|procedure)))\b", _F), "staged", False),  # "do it in 2 goes", British for attempts
    # A remnant too small to resect in one stage is what the staged approach is for (abstract-s4,
    # Figure 2: PVE, PVL, ALPPS); that it will suffice after PVE or ALPPS is the team's judgement.
    (re.compile(rf"\b(?:{_REMNANT}\b(?:(?!\bnot\b)[^.;,]){{0,40}}?\b(?:too small|small|insufficient|inadequate)|"
                rf"(?:small|insufficient|inadequate)\s+{_REMNANT}|"
                # the adjective fronted ("too small an FLR", "too small a remnant") and the lay "too little liver (left)"
                rf"too (?:small|little) an? {_REMNANT}|too little (?:healthy |functioning )?liver|"
                # "there won't be enough liver left (for him to live on)"
                rf"(?:not|n'?t(?:\s+be)?|wont\s+be|no(?:t\s+be)?)\s+enough\s+{_REMNANT})\b", _F), "staged", True),
    # (clipped as notes clip it: "pNET G2 unresect liver-only")
    (re.compile(r"\b(?:unresect(?:[ai]ble)?|irresect[ai]ble|non-?resect(?:[ai]ble)?|inoperable|"
                # "not operable", "not surgically resectable", "no longer removable"
                r"(?:not|no longer) (?:\w+ )?(?:resect[ai]ble|operable|removable)|"
                rf"{_CANNOT} (?:all )?(?:be )?{_REMOVED}|{_CANNOT} (?:all )?(?:{_REMOVE}|resect|remove|operate)|"
                rf"not (?:amenable|suitable|eligible|a candidate) (?:to|for) {_LIVER_OP}|"
                r"beyond (?:surgical )?(?:resection|surgery)|"
                # too much disease to take out: "too numerous to resect", "too extensive for surgery"
                # ("the liver is too full for surgery", "too spread out to operate")
                # ("its too much to cut out", "too much disease for surgery")
                r"too (?:many|much|numerous|extensive|widespread|full|spread out|advanced)(?: (?:disease|tumou?r|cancer|of it))? "
                r"(?:to|for) (?:be )?(?:resect\w*|remov\w*|operat\w*"
                r"|surgery|an operation|taken out|(?:take|cut|get)\s+(?:\w+\s+)?out)|"
                # R0 is a resection with clear margins: "R0 not possible" says the disease cannot all be removed
                rf"{_COMPLETE} (?:not |im)(?:possible|achievable|feasible)|"
                rf"{_COMPLETE} un(?:achievable|feasible))\b", _F),
     "unresectable", False),
    (re.compile(rf"\b(?:resect[ai]ble|operable|removable|amenable to {_LIVER_OP}|"
                rf"(?:can|could|will|would) (?:all )?be {_REMOVED}|"
                rf"(?:can|could|will|would|(?:is |are )?able to) (?:all )?{_REMOVE}|"
                # the disease as subject of the intransitive "come out" ("it can all come out"), and
                # a surgeon willing to operate ("surgeons happy to resect", "planning to operate")
                # (or a relative pronoun standing for it: "a new spot in the liver that they say can come out")
                rf"(?:{_DISEASE}|they|that|which)(?: (?:they|the surgeons?|the doctors?) (?:say|said|think|thought))? (?:can|could"
                r"|will|would) (?:all )?come out|"
                r"(?:happy|willing|keen|planning|going|able|wants?|would like) to (?:resect|operate)|"
                # a surgeon who "can get them" means to remove them ("surgeon thinks he can get them")
                r"surgeons?\b[^.;?]{0,30}?\b(?:can|could|will|would) get (?:it|them|all of (?:it|them))(?! back)\b|"
                # the disease as the object of a relative clause: "a couple of spots that they could remove", its
                # pronoun left out as English allows ("a new spot in the liver they say they can cut out")
                r"(?:mets?|metastas[ie]s|lesions?|spots?|tumou?rs?|deposits?|disease)\b[^.;?]{0,40}?\b(?:(?:that|which) )?"
                # (not "the liver spots, but they can remove the primary": the primary says nothing about the liver)
                r"(?:they|we|he|she|(?:the )?surgeons?) (?:can|could|will|would) (?:all )?(?:resect|remove|take out|cut out)"
                r"(?!\s+(?:the\s+)?primary)|"
                rf"{_COMPLETE} (?:possible|achievable|feasible))(?!\w)", _F), "resectable", False),
    # An adequate remnant is the condition for a one-stage resection: read as resectable, assumed.
    (re.compile(rf"\b(?:(?:adequate|sufficient|enough|good|large enough)\s+{_REMNANT}|"
                rf"{_REMNANT}\s+(?:is\s+|would be\s+|will be\s+)?(?:adequate|sufficient|enough|large enough))\b", _F),
     "resectable", True),
]
# Disease in one liver lobe can usually be removed with that lobe (hemihepatectomy): read as
# resectable, assumed, unless a diffuse or bilobar pattern is also stated.
ONE_LOBE = re.compile(r"\b(?:uni-?lobar|unilobular|"
                      r"(?:confined|limited|restricted) to (?:one|a single|(?:the )?(?:right|left|(?-i:R|L))) (?:liver |hepatic )?"
                      r"(?:lobe|hemi-?liver)|(?:in|within) (?:one|a single) (?:liver )?lobe|"
                      r"(?:right|left|(?-i:R|L))[- ]lobe only|only (?:in )?(?:the )?(?:right|left|(?-i:R|L)) lobe|"
                      # a side of the liver is a hemiliver, as patients say it: "two spots on one side"
                      r"(?:on|in) (?:one|a single) side(?: of (?:the |her |his |my )?liver)?|"
                      r"(?:on|in) the (?:right|left) side of (?:the |her |his |my )?liver)\b", _F)
# A lobe named by its side ("4 lesions in the right lobe", "left hemiliver"): counted with the
# segments below, so that both sides named read as bilobar and one side as one lobe.
# "The right liver" is the right hemiliver; a patient says "the left side of the liver"; notes write "R lobe".
LOBE_NAMED = re.compile(r"\b(right|left|(?-i:R|L))\s+(?:(?:liver\s+|hepatic\s+)?(?:lobe|hemi-?liver)|liver|"
                        r"(?:side|half) of (?:the |her |his |my |their )?liver)\b", _F)
# Couinaud's liver segments: 2-4 are the left liver, 5-8 the right (1, the caudate, drains to both
# and says nothing). "segments 6-7", "segment VIII", "segs 2/3". Named segments on one side read as
# one lobe; on both sides as bilobar disease (Figure 1 type II, assumed).
SEGMENTS = re.compile(r"\b(?:segments?|segs?\.?)\s*((?:IV[ab]?|VI{0,3}|I{1,3}|[1-8][ab]?)"
                      r"(?:\s*(?:,|and|&|/|-|–|to|or|\+)\s*(?:IV[ab]?|VI{0,3}|I{1,3}|[1-8][ab]?)\b)*)", _F)
SEGMENT_NUMBER = re.compile(r"IV|VI{0,3}|I{1,3}|[1-8]", _F)
SEGMENT_RANGE = re.compile(r"(IV|VI{0,3}|I{1,3}|[1-8])[ab]?\s*(?:-|–|to)\s*(IV|VI{0,3}|I{1,3}|[1-8])", _F)
SEGMENT_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
LOBE_OF_SEGMENT = {2: "left", 3: "left", 4: "left", 5: "right", 6: "right", 7: "right", 8: "right"}
DISTRIBUTION_PATTERNS = [  # (pattern, type, assumed?)
    (re.compile(r"\btype\s*(III|II|I|3|2|1)\b(?!\s*diabet)", _F), None, False),
    (re.compile(r"\b(?:diffuse|disseminated|miliary|innumerable|countless|too numerous to count|TNTC|"
                # spread all through the organ: "mets all through the liver", "throughout both lobes"
                r"all (?:through|over|throughout) (?:the |his |her |my |their )?(?:whole |entire )?liver|"
                r"throughout (?:the (?:whole |entire )?liver|both (?:liver )?lobes))\b", _F),
     "III", False),
    (re.compile(r"\bcomplex (?:liver )?(?:metastas\w*|pattern|distribution)\b", _F), "II", False),
    (re.compile(r"\b(?:bilobar|bilobular|bilateral|both (?:liver )?lobes?|"
                r"both (?:sides|halves) of (?:the |her |his |my |their )?liver)\b", _F), "II", True),
    # "solitary 4 cm lesion in segment 8", "single 2.5-cm met", "a single NELM" (the review's word), "one spot" (a patient's)
    (re.compile(r"(?<!segment )(?<!seg )\b(?:single|solitary|unifocal|one|1)\s+"
                r"(?:(?:large|small|dominant|segmental|peripheral|central|subcapsular|\d+(?:\.\d+)?\s?-?(?:cm|mm)|"
                r"segment\s+\w+)\s+){0,2}"
                r"(?:liver |hepatic )?(?:metastasis|metastases|lesion|nodule|deposit|mass|met|NELM|spot|tumou?r)\b", _F),
     "I", False),
]
TYPE = {"1": "I", "2": "II", "3": "III", "i": "I", "ii": "II", "iii": "III"}

_METS = r"(?:metasta\w*|mets?)"  # "mets" is metastases

_SYMPTOM = r"(?:carcinoid syndrome|syndrome|symptoms?|flushing|diarrh\w*|hypoglyc\w*|hormonal)"
REFRACTORY = re.compile(
    rf"\b{_SYMPTOM}[^.;]{{0,60}}?\b(?:despite|refractory to|not controlled (?:by|with|on)|uncontrolled (?:on|by|with)|"
    r"resistant to|persist\w* (?:on|despite)|"
    # not getting better on the treatment: "flushing and runs dont get better even on the monthly shots"
    r"(?:do(?:n'?t|esn'?t| not|es not)|did(?:n'?t| not)|(?:is|are)(?:n'?t| not)|not|never)\s+(?:get(?:ting)?|got|go(?:ing)?|gone)\s+"
    r"(?:any\s+)?(?:better|away)\s+(?:even\s+)?(?:on|with|despite))(?:\s+(?:the\s+)?[\w-]+)?|"
    rf"\b(?:refractory|uncontrolled|intractable|poorly controlled)\b[^.;]{{0,30}}?{_SYMPTOM}", _F)
NO_SYMPTOMS = re.compile(r"\b(?:asymptomatic|non-?functioning|non-?functional|symptoms? (?:are |is )?(?:well[- ])?"
                          r"controlled)\b", _F)
# Disease that "came back" or "returned" has recurred; the subject is named, since results and
# patients also come back ("the biopsy came back G2").
_RETURNS = r"(?:(?:has|have|had)\s+)?(?:came|come|coming|grown|grew) back|(?:(?:has|have)\s+)?(?:returned|reappeared)"
RECURRENCE = re.compile(r"\b(?:recurren\w*|recurred|relaps\w*)\b|"
                        rf"\b(?:{_METS}|secondar(?:y|ies)|lesions?|disease|tumou?rs?|cancer|spots?|it|they)\s+"
                        rf"(?:\w+\s+)?(?:{_RETURNS})\b", _F)
# Liver disease found after an earlier liver operation is a recurrence after hepatectomy: the
# operation said to be previous, or in the past ("3 years ago"), or disease named before "after
# ..." ("new lesions after a right hepatectomy"; not "what therapy after liver surgery?").
_LIVER_OPERATION = (r"(?:hepatectomy|hemihepatectomy|liver (?:resection|surgery|operation|op)|"
                    # as patients say it: "part of my liver taken out", "part of the liver removed"
                    r"part of (?:(?:my|his|her|the|their) )?liver (?:taken out|removed|cut out|resected)|"
                    # and in the active voice: "they took part of my liver out 2 yrs ago"
                    r"(?:took|take|taken|cut|removed)\s+(?:out\s+)?part of (?:(?:my|his|her|the|their) )?liver(?:\s+out)?)")
PRIOR_HEPATECTOMY = re.compile(
    rf"\b(?:previous|prior|earlier|past)\s+(?:\w+\s+)?{_LIVER_OPERATION}\b|"
    rf"\b{_LIVER_OPERATION}\s+(?:[\w-]+\s+){{0,5}}(?:ago|back)\b|"
    # the time first: "three years ago I had part of my liver removed"
    rf"\bago\b[^.;:?!]{{0,25}}?\b(?:had|underwent|have\s+had)\s+(?:(?:an?|the|my|his|her)\s+)?(?:\w+\s+)?{_LIVER_OPERATION}\b|"
    rf"\b(?:{_METS}|secondar(?:y|ies)|lesions?|disease|spots?)\b[^.;:?!,]{{0,30}}?\bafter\s+"
    rf"(?:(?:a|an|the|his|her|my)\s+)?(?:\w+\s+)?{_LIVER_OPERATION}\b|"
    # the liver disease itself said to have been operated on in the past: "liver metastases operated 3 years ago",
    # "hepatic mets resected in 2019"
    rf"\b(?:liver|hepatic)\s+(?:{_METS}|secondar(?:y|ies)|lesions?|spots?)\s+(?:(?:were|was|had\s+been)\s+)?"
    rf"(?:operated(?:\s+on)?|resected|removed|excised|taken\s+out|cut\s+out)\s+"
    rf"(?:(?:[\w-]+\s+){{0,4}}?(?:ago|back|before|previously|earlier)\b|in\s+(?:19|20)\d\d\b)", _F)
PRIMARY_RESECTED = re.compile(
    r"\bprimary(?: tumou?r)?\b[^.;]{0,30}?\b(?:resected|removed|excised|operated)\b|"
    r"\b(?:resected|removed) primary\b|"
    r"\b(?:after|following|s/p|status post|underwent|had)\b[^.;]{0,40}?\b(?:whipple|pancreaticoduodenectomy|"
    r"(?:distal )?pancreatectomy|small[- ]bowel resection|ileal resection|ileoc(?:a)?ecal resection|"
    r"right hemicolectomy|resection of the primary)\b", _F)
PRIMARY_IN_SITU = re.compile(r"\b(?:primary (?:tumou?r )?(?:still )?in (?:situ|place)|unresected primary|"
                              r"primary (?:tumou?r )?(?:has )?not (?:yet )?(?:been )?(?:resected|removed))\b", _F)
INNER_NEG = re.compile(r"\b(?:not|never)\b|n't", _F)

AGE = [re.compile(p, _F) for p in (
    r"\b(\d{1,3})[- ]?(?:year|yr)s?[- ]?old\b", r"\baged?\s*(?:of\s*)?(\d{1,3})\b",
    r"\b(\d{1,3})[- ]?(?:yo|y/o|y\.o\.)", r"\b(\d{1,3})\s*(?:years?|yrs?)\s+of\s+age\b")] + [
    # Age and sex run together, as case notes write them: "54F", "67 M", "M 67", "F/54". Capital M
    # only ("6m" is six months); "18F-FDG" is a radiotracer, hence no hyphen after the letter.
    re.compile(r"\b(\d{2,3}) ?(?:[FM]|f)(?![\w-])"), re.compile(r"(?<![\w-])[FM] ?/? ?(\d{2,3})\b")]
LIVER_PCT = [re.compile(p, _F) for p in (
    r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of\s+(?:the\s+)?(?:liver|hepatic parenchyma|liver volume|liver parenchyma)|"
    r"(?:liver|hepatic)\s+(?:involvement|replacement|burden|tumou?r burden))",
    r"\b(?:liver|hepatic)\s+(?:involvement|replacement|tumou?r burden|burden)\s*(?:of|is|was|:|=|at|about|around|"
    r"approximately|~)?\s*(\d{1,3}(?:\.\d+)?)\s*%")]
BOUND = re.compile(r"(?:less than|under|below|more than|over|above|greater than|at least|at most|up to|[<>≤≥])\s*$",
                    _F)
STABLE = [re.compile(p, _F) for p in (
    (rf"\bstable(?:\s+disease)?\s+(?:(?:for|over|during|of|x|×)\s+)?(?:the\s+)?(?:past\s+|last\s+)?{_NUM}\s*"
     r"(months?|mos?|m|years?|yrs?|y)\b"),
    rf"\b{_NUM}\s*(months?|years?)\s+of\s+(?:stable disease|stability|disease stability|no progression)\b",
    rf"\bno progression\s+(?:for|over|in)\s+(?:the\s+)?(?:past\s+|last\s+)?{_NUM}\s*(months?|years?)\b")]

# The clinical words these patterns read, written out in full. The pipeline's speller
# (rag/retrieval/spelling.py) knows them beside the review's own words, so a question is read with
# "unresectible", "peritoneel" or "jejunl" as the word meant, and "irresectable", which the review
# does not use, is not "corrected" into its opposite, "resectable".
VOCABULARY = """
resectable unresectable irresectable operable inoperable removable resected removed excised resection
hepatectomy hemihepatectomy lobectomy segmentectomy metastasectomy metastasis metastases metastatic
secondaries deposits lesions nodules peritoneal peritoneum carcinomatosis pulmonary skeletal osseous
vertebral adrenal ovarian mediastinal supraclavicular axillary extrahepatic hepatic pancreatic pancreas
pancreatectomy pancreaticoduodenectomy insulinoma glucagonoma ileal ileum ileocaecal ileocecal jejunal
jejunum jejunoileal intestinal intestine midgut duodenal duodenum rectal gastric appendiceal bronchial
colonic colorectal thymic neuroendocrine carcinoid carcinoma differentiated poorly bilobar bilobular
bilateral unilobar diffuse disseminated miliary innumerable countless solitary unifocal segments remnant
insufficient inadequate adequate sufficient embolization embolisation ligation transplant
transplantation recurrent recurrence recurred relapse relapsed refractory uncontrolled intractable
syndrome flushing diarrhoea diarrhea hypoglycaemia hypoglycemia hormonal asymptomatic hemicolectomy
whipple primary unknown stable progression involvement replacement burden proliferation
"""
