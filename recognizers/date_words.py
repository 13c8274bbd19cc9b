"""Calendar vocabulary shared by the date recognizer and the NER date filter (regex fragments)."""

from __future__ import annotations

import regex as re

from recognizers.regex_base import alternation

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY_ABBR = ["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]
SEASONS = ["spring", "summer", "autumn", "fall", "winter"]
# Holidays and observances that date an event ("at Easter", "on Mother's Day", "Diwali 2022").
HOLIDAYS = [
    "Christmas Eve", "Christmas Day", "Christmas", "Boxing Day", "New Year's Eve", "New Year's Day",
    "New Year", "Easter Sunday", "Easter Monday", "Easter", "Good Friday", "Holy Saturday",
    "Palm Sunday", "Ash Wednesday", "Thanksgiving", "Thanksgiving Day", "Mother's Day",
    "Mothers Day", "Mothering Sunday", "Father's Day", "Fathers Day", "Valentine's Day",
    "Halloween", "Hallowe'en", "Bonfire Night", "Guy Fawkes Night", "Hogmanay", "Burns Night",
    "St Patrick's Day", "St. Patrick's Day", "St Andrew's Day", "Anzac Day", "Australia Day",
    "Waitangi Day", "Matariki", "Canada Day", "Victoria Day", "Remembrance Day", "Remembrance Sunday",
    "Independence Day", "Fourth of July", "Labor Day", "Labour Day", "Memorial Day",
    "Veterans Day", "Martin Luther King Day", "Presidents' Day", "Juneteenth", "Heritage Day",
    "Freedom Day", "Youth Day", "Diwali", "Deepavali", "Holi", "Navratri", "Dussehra",
    "Ganesh Chaturthi", "Raksha Bandhan", "Pongal", "Onam", "Eid", "Eid al-Fitr", "Eid al-Adha",
    "Eid ul-Fitr", "Eid ul-Adha", "Ramadan", "Hanukkah", "Chanukah", "Passover", "Yom Kippur",
    "Rosh Hashanah", "Purim", "Lunar New Year", "Chinese New Year", "Tet", "Vaisakhi", "Baisakhi",
    "Nowruz", "Kwanzaa",
]
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                 "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
                 "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
                 "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth",
                 "thirty-first"]

MONTH = rf"(?i:{alternation(MONTH_NAMES)}|(?:{alternation(MONTH_ABBR)})\.?)"
WEEKDAY = rf"(?i:{alternation(WEEKDAY_NAMES)}|(?:{alternation(WEEKDAY_ABBR)})\.?)"
HOLIDAY = rf"(?:{alternation(HOLIDAYS)})"
SEASON = rf"(?i:{alternation(SEASONS)})"
# Spoken compound ordinals may drop the hyphen ("the twenty third").
ORDINAL = rf"(?i:{alternation(ORDINAL_WORDS)})".replace(r"\-", r"[-\ ]")
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
DAY_ORD = rf"(?:{DAY}(?i:st|nd|rd|th))"
YEAR = r"(?:19|20)\d\d"

_MONTH_ANY = re.compile(rf"\b{MONTH}\b")
_HOLIDAY_ANY = re.compile(rf"\b{HOLIDAY}(?!\w)")
_NUMERIC_DATE = re.compile(r"(?<![:\d])\b\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\b")
_DAY_ORD_ANY = re.compile(rf"\b{DAY_ORD}\b")
_WEEKDAY_ONLY = re.compile(rf"^(?:(?i:next|last|this|on|every|that|the|a|coming|following)\s+)*"
                           rf"{WEEKDAY}(?:'s|s)?$")


def looks_specific(span: str) -> bool:
    """True when a date-like span names a calendar point: a month, holiday, numeric date or nth."""
    if _WEEKDAY_ONLY.match(span.strip()):
        return False
    return bool(_MONTH_ANY.search(span) or _HOLIDAY_ANY.search(span)
                or _NUMERIC_DATE.search(span) or _DAY_ORD_ANY.search(span))
