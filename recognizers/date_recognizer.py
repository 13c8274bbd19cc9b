"""Dates beyond Presidio's: "the 14th", "March 14th", "14 March 2023", "3/14/23", "Easter Sunday 2021".

Bare years are not reported (they are not identifiers in the gold convention); weekdays alone
are scheduling words, not dates.
"""

from __future__ import annotations

import regex as re

from recognizers.date_words import (
    DAY, DAY_ORD, HOLIDAY, MONTH, MONTH_NAMES, ORDINAL, SEASON, WEEKDAY, YEAR,
)
from recognizers.regex_base import RegexRecognizer, Rule

# Lower-case "may"/"march" are verbs far more often than months.
_MONTH = r"(?!(?-i:may|march)\b)" + MONTH
_WD = rf"(?:{WEEKDAY},?\s+)"
_TIME_TAIL = r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{4})?)?"
# A year, or an apostrophe year after a day ("Jan 16 '24").
_YEAR_TAIL = rf"(?:,?\s+{YEAR}|\s+['’]\d\d(?!\w))"
_D = rf"(?:{DAY_ORD}|{DAY})"
# Words that, right before a bare "d/m", make it a count or score instead of a date.
_COUNT_BEFORE = re.compile(r"(?i:\b(?:session|sessions|score|scored|rated|rating|of|out|page|"
                           r"question|item|step|week|day|grade|level|phq-9|gad-7|sud[s]?)\s*#?\s*)$")
_DATE_CUE_BEFORE = re.compile(
    rf"(?i:\b(?:on|next|by|from|until|till|to|dated|date|due|since|before|after|sent|signed|seen|"
    rf"review|booked|appointment|session|{'|'.join(MONTH_NAMES)}|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\W{0,3})$")


# A test's name right before ("PHQ 9/27", "GAD-7 14/21", "MoCA 21/30"): a score, not a date.
_SCALE_BEFORE = re.compile(r"\b(?!(?i:dob|dos|date|dated)\b)(?:[A-Z][A-Za-z]*[A-Z]\w*(?:-\w+)?)\W{0,2}$")
_QUANTITY_AFTER = re.compile(r"(?i:\s*(?:tabs?|tablets?|doses?|of\b|pills?|caps?|mg|ml|units?|points?|items?|"
                             r"correct|score|marks?|%|\d))")


def _valid_day_month(a: int, b: int) -> bool:
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


def _check_numeric(text: str, start: int, end: int) -> bool:
    """d/m/y or m/d/y with a plausible day and month."""
    parts = re.split(r"[/.\-]", text[start:end].split()[-1])
    return len(parts) >= 2 and _valid_day_month(int(parts[0]), int(parts[1]))


def _check_day_month(text: str, start: int, end: int) -> bool:
    """A yearless "30/04" or "2/26" counts only with a date cue before it and no count cue."""
    a, b = (int(x) for x in text[start:end].split("/"))
    if not _valid_day_month(a, b) or (a, b) == (24, 7):
        return False
    before = text[max(0, start - 30):start]
    if re.search(r"(?i:next\s+session\s*)$", before):
        return True
    if _COUNT_BEFORE.search(before):
        return False
    if _DATE_CUE_BEFORE.search(before):
        return True
    return not _SCALE_BEFORE.search(before) and _date_shaped(a, b, text[end:end + 12])


def _date_shaped(a: int, b: int, after: str) -> bool:
    """A yearless "12/1" or "2/24" with no cue: a date unless it reads as a fraction, a score out of
    10 or 5, UK day/week shorthand ("2/7", "3/52") or a dose ("1/2 tab")."""
    if b in (5, 10, 52, 100) or (b == 7 and a < 7) or (a < b <= 4):
        return False
    return not _QUANTITY_AFTER.match(after)


class CalendarDateRecognizer(RegexRecognizer):
    """Calendar dates that name a day, a month of a year, or a dated holiday."""

    ENTITY = "DATE_TIME"
    RULES = (
        Rule("day-month-year",
             rf"\b{_WD}?{_D}(?:\s*[-–]\s*{_D})?(?:\s+of)?[ \t]{{1,2}}{_MONTH}(?:{_YEAR_TAIL}{_TIME_TAIL})?(?!\w)",
             0.85),
        Rule("month-day-year",
             rf"\b{_WD}?{_MONTH}\s+{_D}\b(?:{_YEAR_TAIL}{_TIME_TAIL})?(?!\w)", 0.85),
        Rule("month-year",
             rf"\b(?:(?i:early|late|mid|end\s+of|beginning\s+of)[-\s]+)?{_MONTH}"
             rf"(?:\s*[-–/]\s*{_MONTH})?,?\s+(?:of\s+)?{YEAR}\b", 0.85),
        Rule("season-year", rf"\b(?:(?i:early|late|mid)[-\s]+)?{SEASON}\s+(?:of\s+)?{YEAR}\b", 0.7),
        Rule("holiday", rf"\b{HOLIDAY}(?:,?\s+{YEAR})?(?!\w)", 0.6),
        Rule("numeric-dmy", rf"\b{_WD}?\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})\b(?![/.\-]\d)", 0.7,
             check=_check_numeric),
        Rule("iso", r"\b(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:[12]\d|3[01]|0?[1-9])\b", 0.85),
        Rule("day-mon-year", rf"\b{DAY}[-\s]{_MONTH}[-\s]{YEAR}\b", 0.85),
        Rule("day-month", r"(?<![\d/.\-])\d{1,2}/\d{1,2}(?![\d/]|\s*(?i:days?|weeks?|nights?|sessions?))",
             0.6, check=_check_day_month),
        Rule("nth", rf"(?:(?<=\b(?i:the|on|by|from|until|till|before|after|since)\s+)|(?<=\())"
                    rf"{DAY_ORD}\b(?!\s+(?!(?i:of|at|and|or|in|to|is|was|when|for|with)\b|{MONTH})\p{{Ll}})",
             0.6),
        Rule("ordinal-of-month", rf"\b(?i:the\s+){ORDINAL}\s+(?i:of)\s+{_MONTH}\b", 0.7),
        Rule("on-the-ordinal", rf"(?<=\b(?i:on\s+the)\s+)(?P<v>{ORDINAL})(?=\s*(?:[.,;!?\n]|$))", 0.5),
    )


def create(profile: object = None) -> "CalendarDateRecognizer":
    """Factory for the registry."""
    return CalendarDateRecognizer()
