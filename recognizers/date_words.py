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
# Holidays that name one day of the calendar: a date even without a year ("on Christmas Eve",
# "Mother's Day (10th)").
DAY_HOLIDAYS = [
    "Christmas Eve", "Christmas Day", "Boxing Day", "New Year's Eve", "New Year's Day",
    "Easter Sunday", "Easter Monday", "Good Friday", "Holy Saturday", "Palm Sunday", "Ash Wednesday",
    "Thanksgiving Day", "Mother's Day", "Mothers Day", "Mothering Sunday", "Father's Day",
    "Fathers Day", "Valentine's Day", "Halloween", "Hallowe'en", "Bonfire Night", "Guy Fawkes Night",
    "Hogmanay", "Burns Night", "St Patrick's Day", "St. Patrick's Day", "St Andrew's Day", "Anzac Day",
    "Australia Day", "Waitangi Day", "Canada Day", "Victoria Day", "Remembrance Day",
    "Remembrance Sunday", "Independence Day", "Fourth of July", "Labor Day", "Labour Day",
    "Memorial Day", "Veterans Day", "Martin Luther King Day", "Presidents' Day", "Juneteenth",
    "Heritage Day", "Freedom Day", "Youth Day", "White Sunday", "Whit Sunday", "Whit Monday",
    "Maundy Thursday", "Easter Saturday", "Republic Day", "Human Rights Day", "Day of Reconciliation",
    "Orange Shirt Day", "Bastille Day",
]
# Festivals and seasons that span days or move with the calendar: a date only with a year or
# "last/this/next" ("Easter 2021", "last Pesach"); bare ("over Easter", "fasts during Ramadan")
# they are keep words (FORMAT.md: holidays tied to a year are dates).
PERIOD_HOLIDAYS = [
    "Christmas", "Xmas", "New Year", "Easter", "Thanksgiving", "Matariki", "Diwali", "Deepavali",
    "Holi", "Navratri", "Dussehra", "Durga Puja", "Ganesh Chaturthi", "Raksha Bandhan", "Pongal",
    "Onam", "Sankranti", "Makar Sankranti", "Lohri", "Eid", "Eid al-Fitr", "Eid al-Adha", "Tabaski", "Hari Raya",
    "Eid ul-Fitr", "Eid ul-Adha", "Ramadan", "Ramzan", "Hanukkah", "Chanukah", "Passover", "Pesach",
    "Yom Kippur", "Rosh Hashanah", "Purim", "Sukkot", "Shavuot", "Lunar New Year", "Chinese New Year",
    "Tet", "Tết", "Seollal", "Chuseok", "Mid-Autumn Festival", "Qingming", "Obon", "Songkran",
    "Vesak", "Vaisakhi", "Baisakhi", "Nowruz", "Norouz", "Kwanzaa", "Lent", "Advent", "Pentecost",
    "Carnival", "Carnaval", "Mardi Gras", "Day of the Dead", "Día de los Muertos", "Día de Muertos",
    "NAIDOC Week", "Golden Week",
]
# Weekly and religious observances: never a date, never a name ("on Shabbos", "Jumu'ah prayers").
OBSERVANCES = ["Sabbath", "Shabbat", "Shabbos", "Jumu'ah", "Jummah", "Jumma"]
HOLIDAYS = DAY_HOLIDAYS + PERIOD_HOLIDAYS
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                 "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
                 "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
                 "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth",
                 "thirty-first"]

MONTH = rf"(?i:{alternation(MONTH_NAMES)}|(?:{alternation(MONTH_ABBR)})\.?)"
WEEKDAY = rf"(?i:{alternation(WEEKDAY_NAMES)}|(?:{alternation(WEEKDAY_ABBR)})\.?)"
HOLIDAY = rf"(?:{alternation(HOLIDAYS)})"
DAY_HOLIDAY = rf"(?:{alternation(DAY_HOLIDAYS)})"
PERIOD_HOLIDAY = rf"(?:{alternation(PERIOD_HOLIDAYS)})"
# "last Easter", "this Christmas": one holiday of one year.
HOLIDAY_CUE = r"(?i:last|this|next|that|the\s+following|the\s+previous)"
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


_BARE_PERIOD = re.compile(rf"^(?i:the\s+)?{PERIOD_HOLIDAY}(?:['’]s)?(?:\s+(?i:weekend|holidays?|break|week|period|"
                          rf"time|season|dinner|lunch|meal|meals|leave|reunion|party|holiday))?$")


def is_bare_holiday(span: str) -> bool:
    """True for a festival or season named without a year or "last/this/next" ("Easter weekend")."""
    return bool(_BARE_PERIOD.match(span.strip()))


def looks_specific(span: str) -> bool:
    """True when a date-like span names a calendar point: a month, holiday, numeric date or nth."""
    if _WEEKDAY_ONLY.match(span.strip()):
        return False
    return bool(_MONTH_ANY.search(span) or _HOLIDAY_ANY.search(span)
                or _NUMERIC_DATE.search(span) or _DAY_ORD_ANY.search(span))
