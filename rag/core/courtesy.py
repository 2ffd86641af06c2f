"""Greetings, thanks and requests around a question -> the question alone, before it is routed; a
question typed in capitals -> in ordinary case.

"hi, and TAE?", "Why? thanks", "Good morning doctor - is a liver transplant an option?":
people wrap a question in the manners of a chat. The router's frames ("And X?", "Why?",
"which ... exactly?") are read at the start and the end of what was asked, and a greeting
there hides them; the words themselves carry nothing to search for. Only a greeting that
opens the text and thanks that close it are removed, and a text that is nothing but manners
("thanks!") is left as it is, for the router to treat as what it is.
"""

from __future__ import annotations

import re

_GREETING = (r"(?:hi+|hello|hey+|hiya|howdy|greetings|hola|hallo|bonjour|ciao|salut|namaste|good\s+(?:morning|afternoon|evening|day)|dear\s+"
             r"(?:doctor|doc|dr\.?\s*\w+|sir|madam|team|all))(?:\s+(?:there|all|everyone|doc|doctor|team))?")
_THANKS = (r"(?:(?:many\s+)?thanks?(?:\s+you)?(?:\s+(?:so\s+much|very\s+much|a\s+lot|in\s+advance))?|thx|thnx|ty|"
           r"cheers|much\s+appreciated)")
_OPENING = re.compile(rf"^(?:(?:{_GREETING}|{_THANKS}(?:\s+for\s+(?:the|your|that)\s+\w+)?)[\s,!.:;-]+)+"
                      r"(?:(?:quick|one|a)\s+question[\s,!.:;-]+)?", re.I)
# A question asked inside a request ("can you tell me which ...", "I'd like to know whether
# ...", "do you know if ...") is the question itself; the request adds nothing to search for
# and hides the question's own opening from the router.
_OPENERS = r"(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|has|have)\b"
_ASKED = r"(?=\s+" + _OPENERS + ")"
_REQUEST = re.compile(
    r"^(?:(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:tell|let)\s+(?:me|us)(?:\s+know)?"
    r"|(?:i'?d|i\s+would)\s+(?:like|love)\s+to\s+know|i\s+(?:want|need)\s+to\s+know|do\s+you\s+know"
    r"|i\s+(?:should|would)\s+be\s+(?:most\s+|very\s+)?grateful\s+to\s+(?:learn|know|hear)"
    r"|i\s+(?:was\s+)?wonder(?:ing|ed)?)(?:\s+(?:if|whether)\b|" + _ASKED + r")"
    # a question relayed for someone else: "his wife now asks: ...", "the family want to know whether ..."
    r"|(?:(?:his|her|their|my|our|the)\s+(?:[\w'-]+\s+)?[\w'-]+|she|he|they)\s+(?:(?:now|also|then|just|still|really)\s+)?"
    r"(?:asks?|asked|(?:is|are|was|were)\s+(?:asking|wondering)|wants?\s+to\s+know|wanted\s+to\s+know|would\s+like\s+to\s+know)"
    # (only before what is asked: "his wife is asking: the scan showed ..." tells a case, and the asker stays in it)
    r"(?:\s+(?:if|whether)\b|\s*[:,-]*(?=\s*(?:(?:so|and|but)\s+)?" + _OPENERS + r"))"
    r"|(?:(?:quick|one|a|another)\s+)?(?:question|q|query)\s*[:.,-]|(?:please|pls|plz)\s*,?(?=\s+\w)|ok(?:ay)?\s*(?:so\b)?\s*,?(?=\s+\w))\s*",
    re.I)
_CLOSING = re.compile(rf"(?<=[\w?.!)'\"])[\s,.;:!-]*(?:{_THANKS}[\s.!]*)+$", re.I)
# A letter's sign-off and signature: "Yours faithfully, R. Whitfield", "Kind regards, Anna".
_SIGN_OFF = re.compile(r"(?<=[?.!])\s*(?:yours\s+(?:faithfully|sincerely|truly)|(?:kind|best|warm)\s+regards|regards|"
                       r"best\s+wishes|with\s+thanks)[\s,.]*(?:[A-Z][\w.'-]*\s*){0,3}$"
                       # haste after the question asks nothing: "quick answer pls, pt waiting", "asap", "in clinic"
                       r"|(?<=[?.!])(?:[\s,.;-]*(?:(?:a\s+)?quick\s+(?:answer|reply|one)(?:\s+(?:pls|please|plz))?|asap|urgent(?:ly)?"
                       r"|(?:the\s+)?(?:pt|patient|family|clinic)\s+(?:is\s+|are\s+)?waiting|in\s+(?:clinic|a\s+rush|a\s+hurry)"
                       r"|(?:pls|please|plz)|thanks?))+[\s.!]*$"
                       # a closing sentence of thanks asks nothing, whatever it adds: "Thank you, you've no idea how
                       # much this helps", "Thanks so much, it means a lot" (a question after thanks keeps its "?")
                       rf"|(?<=[?.!])\s*(?:{_THANKS}|(?:i|we)\s+(?:really\s+)?appreciate\s+(?:it|this|your\s+help))\b[^?]*$", re.I)
# "According to the review, ...", "..., according to the authors?", "What, as per the paper, is ...":
# the assistant reads one review, so naming it as the source adds nothing to search for, while
# its words ("authors", "paper") pull the question toward the bibliographic record. Only the
# review itself is dropped as a source; "according to reference 4" or "according to Dasari"
# names another work and stays.
_SOURCE = (r"(?:the|this|that|these|those)\s+(?:review(?:\s+article)?|paper|article|publication|text|authors?|writers?)"
           r"|the\s+(?:review|paper|article)'?s\s+authors")
_ATTRIBUTION = re.compile(rf"^(?:according\s+to|as\s+per|per|in)\s+(?:{_SOURCE})\s*[,:-]\s*"
                          rf"|(?:\s*,\s*|\s+)(?:according\s+to|as\s+per)\s+(?:{_SOURCE})(?:\s*,(?=\s)|(?=\s*(?:[?.!]|$)))", re.I)


# An exam item's frame: "True or false: <statement>" asks whether the statement holds, and the lettered options
# after a stem ("... in this review? A) PRRT B) liver surgery C) ...") are candidates, not what is asked.
_TRUE_OR_FALSE = re.compile(r"^\s*(?:true\s+or\s+false|t\s*/\s*f|true/false)(?:\s*,?\s*with\s+(?:a\s+)?(?:justification|reasons?|explanation))?"
                            r"\s*[:?,.-]+\s*", re.I)
_OPTIONS = re.compile(r"(?<=[?:])\s*\(?[Aa]\)\s*\S.*\(?[Bb]\)\s*\S.*$")


# Who is asking, said first: "GP here - ...", "NET CNS here: ...", "Transplant surgeon. ...". It tells no
# more than the role, and its words are no part of what is asked.
ROLE = (r"(?:surgeon|physician|doctor|nurse|student|gp|registrar|resident|fellow|consultant|\w+ologist|pharmacist|"
         r"librarian|reviewer|researcher|journalist|interpreter|translator|carer|caregiver|midwife|dietitian|radiographer|"
         r"trainee|coder|secretary|manager|technician|therapist|paramedic|practitioner)s?")
_INTRODUCTION = re.compile(r"^\s*(?!(?:who|what|which|when|where|why|how|is|are|do|does|can|could)\b)"
                           r"(?:(?:[\w/.'-]+\s+){1,4}here|(?:i'?m\s+|i\s+am\s+)?(?:an?\s+)?(?:[\w/'-]+\s+){0,2}" + ROLE + r")"
                           r"\s*(?:[-\u2013\u2014:,;]+|[.!]+)\s+(?=\S)", re.I)


def _exam_stem(text: str) -> str:
    if _TRUE_OR_FALSE.match(text):
        statement = _TRUE_OR_FALSE.sub("", text).rstrip(" .!")
        return f"is it true that {statement}?" if statement else text
    return _OPTIONS.sub("", text).strip() or text


def without_pleasantries(text: str) -> str:
    """`text` without a greeting before the question and thanks after it, without the asker's
    self-introduction ("GP here - ..."), without the review named as the source of the answer
    ("according to the authors, ..."), and as its exam stem where it is set as an exam item."""
    core = _CLOSING.sub("", _SIGN_OFF.sub("", _REQUEST.sub("", _OPENING.sub("", _exam_stem(text))))).strip()
    core = _INTRODUCTION.sub("", core, count=1) or core
    core = _REQUEST.sub("", _ATTRIBUTION.sub("", core)).strip()
    core = _without_closing_in_another_language(core)
    if _QUESTION_OPENING.match(core) and core.endswith(".") and not core.endswith("..") and "?" not in core:
        # "What does the review discuss." is a question typed with a full stop, as a question
        # left inside "I need to know what ..." is; the router reads "?" as a question's mark (a text that
        # marks its question already closes on a told sentence: "What is PPRT? I've never come across it.")
        core = core[:-1] + "?"
    return core if re.search(r"\w", core) else text


_QUESTION_OPENING = re.compile(r"(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)
# A sentence after the question, in the asker's own language: "... what kind of management? Quiero confirmar el término
# exacto." It says why they ask, to themselves or a colleague; its words are no part of what is asked of an English text.
_AFTER_QUESTION = re.compile(r"(?<=\?)\s+([^?]+)$")
_OTHER_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl")
_FOREIGN_MARGIN = 1.5  # Zipf points: the word is some thirty times commoner in the other language than in English


_RARE_IN_ENGLISH = 3.0  # Zipf: rarer than once in a million English words


def _in_another_language(sentence: str) -> bool:
    """Are two thirds or more of the sentence's words (at least three) far commoner in one other language than in English?
    Only a sentence half of whose words English barely uses is weighed so: each other language's frequency list costs
    some 35 MB and a tenth of a second to load, which an English sentence must not pay."""
    from wordfreq import zipf_frequency

    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", sentence)]
    if len(words) < 3 or sum(zipf_frequency(w, "en") < _RARE_IN_ENGLISH for w in words) * 2 < len(words):
        return False
    return any(sum(zipf_frequency(w, lang) - zipf_frequency(w, "en") >= _FOREIGN_MARGIN for w in words) * 3 >= len(words) * 2
               for lang in _OTHER_LANGUAGES)


def _without_closing_in_another_language(text: str) -> str:
    """`text` up to its question mark when all that follows is in another language (only what follows the last "?" is
    weighed: a question asked in another language is still the question)."""
    after = _AFTER_QUESTION.search(text)
    return text[:after.start()].rstrip() if after and _in_another_language(after.group(1)) else text


_LETTERS = re.compile(r"[A-Za-z]")


def unshouted(text: str, terms: frozenset[str] = frozenset()) -> str:
    """A question typed all in capitals ("IS SURGERY THE BEST TREATMENT FOR NELM?") in lower
    case, but for the glossary's `terms` (upper-cased) it names: capitals mark abbreviations
    and names for the router, and shouted ones mark nothing. Text with lower-case letters in it
    is left as typed."""
    letters = _LETTERS.findall(text)
    if len(letters) < 12 or any(c.islower() for c in letters):
        return text
    return re.sub(r"[A-Za-z][\w-]*", lambda m: m.group(0) if m.group(0) in terms else m.group(0).lower(), text)
