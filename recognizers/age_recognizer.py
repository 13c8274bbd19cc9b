"""Ages: "47-year-old", "aged 92", "Age: 29", "she's 47", "47 y/o", "Aoife (9)", "in her forties",
"fifteen years of age", "before turning 65", "the age is 65", "a woman of 60 years",
"(Name Surname, 23)", "(24, Cree)", "(11 months)", "now fourteen", "married at 22", "at nineteen",
"Age at referral: 36", "DOB 08/30/1996 28 F", "her 29th birthday". Cue words live in
``data/detect_cues.yaml``.

Only the number (or decade word) is reported, as in the gold convention (``[[29]]-year-old``).
"""

from __future__ import annotations

import regex as re

from recognizers.cues import cue_regex, is_common_word
from recognizers.regex_base import RegexRecognizer, Rule, alternation

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORD = (rf"(?i:(?:{alternation(_TENS)})(?:[- ](?:{alternation(_UNITS)}))?"
               rf"|{alternation(_TEENS)}|{alternation(_UNITS)})")
DECADE = r"(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|teens)"
_NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
# Words after a number that make it a quantity, not an age ("he's 5 minutes late").
_NOT_AGE_AFTER = (r"(?!\s*(?:%|percent|per\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|kg|lbs?|"
                  r"pounds|stone|mg|ml|times|degrees?|pages?|o'?clock|foot|feet|ft|cm|inches|am\b|pm\b|[:.]\d|/\d))")
_PRONOUN_BE = (r"(?i:\b(?:she|he|i|they|you|we)(?:'s|'m|'re|\s+is|\s+was|\s+am|\s+are|\s+were|"
               r"\s+turned|\s+turns|\s+turning)\s+"
               r"(?:(?:only|just|nearly|almost|about|now|like|maybe|probably|around|barely|roughly)\s+){0,2})")


_DASHES = "\\-\u2010\u2011\u2012\u2013"  # hyphen, Unicode hyphens, non-breaking hyphen, en dash
_DASH = f"[{_DASHES}]"
# After "turned 65": what may follow an age (so "turned 90 degrees" or "turned 2 pages" is no age).
_AGE_END = (r"(?=\s*(?:[.,;:!?)\]]|$)|\s+(?i:years?|yrs?|in|on|at|last|this|next|and|or|when|before|after|"
            r"the|that|so|but|he|she|they|i|we|should|would|will|could|can|may|might|must|is|was|has|had)\b)")
_PERSON_NOUN = (r"(?i:\b(?:man|woman|men|women|boy|girl|boys|girls|child|children|person|people|son|"
                r"daughter|sons|daughters|lady|gentleman|patient|victim|applicant|mother|father)\s+of\s+)")


_ORD_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_OTHER = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
              "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth",
              "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth"]
AGE_ORDINAL = (rf"(?i:(?:(?:{alternation(_TENS)})[- ]?)?(?:{alternation(_ORD_UNITS)})"
               rf"|{alternation(_ORD_OTHER)}|\d{{1,3}}(?:st|nd|rd|th))")
# A number word of thirteen or more: "at nineteen" is an age; "at two" is a time.
_OLDER_WORD = (rf"(?i:(?:{alternation(_TENS)})(?:[- ](?:{alternation(_UNITS)}))?"
               rf"|{alternation(_TEENS[3:])})")
# What may not follow "at N" for N to be an age ("at twenty past", "at fifty percent", "at 10:30").
_NOT_AT_AGE_AFTER = (r"(?!\s*(?:[:.]\d|(?i:past|to|till|hundred|thousand|minutes?|mins?|seconds?|hours?|"
                     r"hrs?|percent|per|miles?|mph|km|kph|kilomet\w*|metres?|meters?|degrees?|pounds|"
                     r"dollars|bucks|quid|euros|o'?clock|a\.?m\b|p\.?m\b|am|pm|[-–]\s*\d|sharp|"
                     r"tonight|in\s+the\s+(?:morning|evening|afternoon))\b|%))")
_EVENT_BEFORE = re.compile(rf"\b{cue_regex('age_event_verbs')}\b[^.!?;:()\n]{{0,30}}$")


def _event_before(text: str, start: int, end: int) -> bool:
    """ "at 22" is an age after a life-event verb in the same sentence ("married at 22")."""
    if not _plausible(text, start, end):
        return False
    at = text.rfind("at", max(0, start - 40), start)
    return at >= 0 and bool(_EVENT_BEFORE.search(text[max(0, at - 60):at]))


def _plausible(text: str, start: int, end: int) -> bool:
    """A numeric age between 0 and 120."""
    s = text[start:end]
    return not s.isdigit() or int(s) <= 120


def _after_name(text: str, start: int, end: int) -> bool:
    """The word before ", forty-four," is no common English word ("Okay, twenty, then" is no age)."""
    words = re.findall(r"[\p{L}'’.\-]+", text[max(0, start - 40):start])
    return bool(words) and not is_common_word(words[-1].strip(".-'’"))


class AgeRecognizer(RegexRecognizer):
    """A person's age from number patterns with age context."""

    ENTITY = "AGE"
    RULES = (
        Rule("n-year-old", rf"\b(?P<v>{_NUM})(?=[ ]?{_DASH}?[ ]?(?i:years?|yrs?|yo)[ ]?{_DASH}?[ ]?(?i:old)\b)",
             0.85, check=_plausible),
        Rule("n-years-of-age", rf"\b(?P<v>{_NUM})(?=\s+(?i:years?)\s+(?i:of)\s+(?i:age)\b)", 0.85,
             check=_plausible),
        Rule("n-and-m-years", rf"\b(?P<v>{_NUM})(?=\s+(?i:and|or|to)\s+{_NUM}\s+(?i:years?)[ {_DASHES}]+"
                              rf"(?i:old|of\s+age)\b)", 0.7, check=_plausible),
        Rule("turned-n", rf"(?i:\bturn(?:s|ed|ing)?\s+)(?P<v>\d{{1,3}}|{NUMBER_WORD})\b{_AGE_END}", 0.6,
             check=_plausible),
        Rule("person-of-n-years", rf"{_PERSON_NOUN}(?P<v>{_NUM})(?=\s+(?i:years?)\b)", 0.7, check=_plausible),
        Rule("n-yo", r"\b(?P<v>\d{1,3})(?=\s?(?i:y/o|y\.o\.|yo|yr\.? old)(?!\w))", 0.85, check=_plausible),
        Rule("aged-n", rf"(?i:\bage[ds]?)(?:\s*[:=]\s*|\s+(?:of\s+|about\s+|around\s+|just\s+|is\s+|was\s+)?)"
                       rf"(?P<v>\d{{1,3}}|{NUMBER_WORD})\b" + _NOT_AGE_AFTER, 0.8, check=_plausible),
        Rule("age-at-field", rf"(?i:\bage\s+(?:at|on)\s+[a-z][a-z ]{{1,20}}?)\s*[:=]\s*(?P<v>\d{{1,3}})\b", 0.8,
             check=_plausible),
        Rule("relative-is-n", rf"(?i:\b(?:son|daughter|brother|sister|boy|girl|kid|child|baby|grandson|"
                              rf"granddaughter|nephew|niece|stepson|stepdaughter)\s+(?:is|was|'s|turned)\s+"
                              rf"(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?)(?P<v>\d{{1,2}}|{NUMBER_WORD})\b"
             + _NOT_AGE_AFTER + r"(?=\s*(?:[.,;:!?)]|$|\s+(?i:and|now|but|so|years?)\b))", 0.6, check=_plausible),
        Rule("ordinal-birthday", r"\b(?P<v>\d{1,3}(?i:st|nd|rd|th))(?=\s+(?i:birthday)\b)", 0.7),
        Rule("name-comma-n-paren", r"(?<=\(\s*[\"“]?\p{Lu}[\p{L}'’.\-\"” \t]{0,40},\s)(?P<v>\d{1,2})(?=\s*\))", 0.6,
             check=_plausible),
        Rule("name-paren-n-comma", r"(?<=\b\p{Lu}[\p{L}'’.-]*\s?\()(?P<v>\d{1,2})(?=,\s)", 0.5, check=_plausible),
        Rule("age-sex", r"(?i:\bage\s*/\s*(?:sex|gender))[\s:*]*(?P<v>\d{1,3})\b", 0.85, check=_plausible),
        Rule("pronoun-is-n", _PRONOUN_BE + rf"(?P<v>\d{{1,3}}|{NUMBER_WORD})\b" + _NOT_AGE_AFTER
             + r"(?!\s*(?:of|out|in|to)\b|\s*[-–]\s*\d)", 0.6, check=_plausible),
        Rule("name-paren-n", r"(?<=\b\p{Lu}[\p{L}'’.-]*\s?\()(?P<v>\d{1,3})(?=\s*(?:\)|[,;]\s*\p{L}|[MF]\)))",
             0.6, check=_plausible),
        Rule("paren-name-n", r"(?<=\(\s*\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3},\s*)(?P<v>\d{1,3})"
                             r"(?=\s*(?:\)|[,;]))", 0.6, check=_plausible),
        Rule("name-paren-months", r"(?<=\b\p{Lu}[\p{L}'’.-]*\s?\()(?P<v>\d{1,2})(?=\s*(?i:months?|mos?|weeks?|wks?)"
                                  r"(?:\s+(?i:old))?\))", 0.6),
        Rule("now-n", rf"(?:,\s*|(?i:\bwho(?:\s+is|'s|\s+was)\s+))(?i:now\s+)(?P<v>\d{{1,3}}|{NUMBER_WORD})\b"
                      + _NOT_AGE_AFTER + r"(?=\s*(?:[,.;:)!?—–]|$|\s+(?i:and|but|years?|yrs?|herself|himself|"
                      r"themselves)\b))", 0.55, check=_plausible),
        Rule("event-at-n", rf"(?i:\bat\s+)(?P<v>\d{{1,2}}|{NUMBER_WORD})\b{_NOT_AT_AGE_AFTER}", 0.55,
             check=_event_before),
        Rule("at-older-word", rf"(?i:\bat\s+)(?P<v>{_OLDER_WORD})\b{_NOT_AT_AGE_AFTER}", 0.5),
        Rule("age-at-field", rf"(?i:\bage\s+(?:at|on|of)\s+(?:the\s+)?{cue_regex('age_field_words')})\**\s*[:=\-–]\s*\**"
                             r"(?P<v>\d{1,3})\b", 0.8, check=_plausible),
        Rule("date-n-sex", r"(?<=\d[/.\-]\d{1,2}[/.\-]\d{2,4}[\s,;]{1,3})(?P<v>\d{1,3})"
                           r"(?=\s*(?:(?i:y/?o|yrs?|y)\s*)?(?:[MFX]|(?i:male|female|non-binary|nb))\b)", 0.7,
             check=_plausible),
        Rule("ordinal-birthday", rf"\b(?P<v>\d{{1,3}}(?i:st|nd|rd|th)|(?<=(?i:\b(?:his|her|their|my|your|our)|['’]s)\s+)"
                                 rf"{AGE_ORDINAL})(?=\s+(?i:birthday|bday|b-day)\b)", 0.6),
        Rule("date-paren-n", r"(?<=\d[/.\-]\d{1,2}[/.\-]\d{2,4}\s?\()(?P<v>\d{1,3})(?=\))", 0.6, check=_plausible),
        Rule("then-n", r"(?i:,\s+then\s+)(?P<v>\d{1,3})(?=,)", 0.6, check=_plausible),
        Rule("descriptor-n", r"(?<=\p{L}[\p{L}\"'”’)]*,\s)(?P<v>\d{1,2})(?=[,;]\s|\s*$)", 0.5),
        Rule("name-n-paren-end", r"(?<=[(;][ \t]*\p{Lu}[\p{L}'’.\-]*,[ \t])(?P<v>\d{1,2})(?=\))", 0.5),
        Rule("years-and-is-n", rf"(?i:\byears?,?\s+and\s+(?:is|was|'s|’s)\s+(?:now\s+|only\s+|just\s+)?)"
                               rf"(?P<v>\d{{1,3}}|{NUMBER_WORD})\b(?=\s*(?:[.,;!?)]|$))", 0.6, check=_plausible),
        Rule("young-self-at-n", rf"(?i:\b(?:child|younger|little|young|kid|teenage|teenaged)[ \t]+"
                                rf"(?:self|me|him|her|them|version)[ \t]+at[ \t]+)(?P<v>\d{{1,2}}|{NUMBER_WORD})\b"
                                + _NOT_AT_AGE_AFTER, 0.6, check=_plausible),
        Rule("kin-paren-n", rf"(?<=\b{cue_regex('age_kin_words')}[ \t]?\()(?P<v>\d{{1,3}})(?=\))", 0.6,
             check=_plausible),
        Rule("kin-s-n", rf"(?<=\b{cue_regex('age_kin_words')}['’]s[ \t]+(?:(?:only|just|now|nearly|almost)[ \t]+)?)"
                        rf"(?P<v>\d{{1,2}}|{NUMBER_WORD})\b" + _NOT_AGE_AFTER
             + r"(?=\s*(?:[.,;:!?)]|$|\s+(?i:and|now|but|so|years?)\b))", 0.55, check=_plausible),
        Rule("ages-list", rf"(?<=(?i:\bages?)[ \t]+(?:(?:\d{{1,2}}|{NUMBER_WORD})(?:,[ \t]*|[ \t]+(?i:and|&)[ \t]+))*)"
                          rf"(?P<v>\d{{1,2}}|{NUMBER_WORD})\b(?=[ \t]*(?:,|[ \t](?i:and|&)\b|[);.]|$))", 0.6,
             check=_plausible),
        Rule("name-comma-n-years", r"(?<=\p{Lu}[\p{L}'’.\-]*,[ \t])(?P<v>\d{1,3})(?=[ \t]?(?i:years|yrs?)\.?"
                                   r"(?:[ \t]*(?:[,;)\n]|$)))", 0.6, check=_plausible),
        Rule("name-comma-n-word", rf"(?<=\p{{Lu}}[\p{{L}}'’.\-]*,[ \t])(?P<v>{_OLDER_WORD})(?=,[ \t])", 0.5,
             check=_after_name),
        Rule("decade", rf"(?i:\b(?:in\s+)?(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[- ]?)?)"
                       rf"(?P<v>{DECADE})\b", 0.5),
        # "Case: A.W., 44, PTSD", "Data: T.M., 27, reports": initials, then the age
        Rule("initials-comma-n", r"(?<=(?<![\w.])\p{Lu}\.(?:[ -]?\p{Lu}\.)+,[ \t])(?P<v>\d{1,2})(?=[,;)][ \t]|\s*$)",
             0.6, check=_plausible),
        # "He'd have been 68", "she would have been seventy"
        Rule("would-have-been-n", rf"(?i:\b(?:would|['’]d)\s+(?:have|'ve)\s+been\s+)(?P<v>\d{{1,3}}|{NUMBER_WORD})\b"
                                  + _NOT_AGE_AFTER + r"(?=\s*(?:[.,;:!?)]|$|\s+(?i:now|this|today|next|last)\b))",
             0.6, check=_plausible),
        # "Tesfaye (nineteen, youngest member)"
        Rule("name-paren-word", rf"(?<=\b\p{{Lu}}[\p{{L}}'’.-]*\s?\()(?P<v>{NUMBER_WORD})(?=\s*(?:\)|[,;]\s*\p{{L}}))",
             0.5),
        # a table row labelled Age: "| Age | 35 | 37 |"
        Rule("age-table-row", r"(?<=(?im:^[ \t]*\|?[ \t]*\**age\**[ \t]*\|(?:[ \t]*\d{1,3}[ \t]*\|)*)[ \t]*)"
                              r"(?P<v>\d{1,3})(?=[ \t]*\|)", 0.7, check=_plausible),
    )


def create(profile: object = None) -> AgeRecognizer:
    """Factory for the registry."""
    return AgeRecognizer()


__all__ = ["AgeRecognizer", "NUMBER_WORD", "create"]
