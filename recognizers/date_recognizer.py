"""Dates beyond Presidio's: "the 14th", "March 14th", "14 March 2023", "3/14/23", "Easter Sunday 2021",
yearless "12/1" (not scores, fractions or doses), "last thanksgiving", "April 24–26, 2025",
"Tue 2025-03-11", "11/14/2024 18:42".

Bare years are not reported (they are not identifiers in the gold convention); weekdays alone
are scheduling words, not dates.
"""

from __future__ import annotations

import regex as re

from recognizers.date_words import (
    DAY, DAY_HOLIDAY, DAY_ORD, HOLIDAY, HOLIDAY_CUE, MONTH, MONTH_NAMES, ORDINAL, SEASON, WEEKDAY, YEAR,
)
from recognizers.cues import cue_regex
from recognizers.regex_base import RegexRecognizer, Rule

# Lower-case "may"/"march" are verbs far more often than months.
_MONTH = r"(?!(?-i:may|march)\b)" + MONTH
_WD = rf"(?:{WEEKDAY},?\s+)"
_TIME_TAIL = r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{4})?)?"
# A year, or an apostrophe year after a day ("Jan 16 '24").
_YEAR_TAIL = rf"(?:,?\s+{YEAR}|\s+['’]\d\d(?!\w))"
# A clock time written right after a numeric date ("11/14/2024 18:42", "2025-03-11T09:30").
_CLOCK = r"(?:(?:T|[ \t]{1,2})\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?i:am|pm))?(?!\w))?"
# Words after a yearless "d/m" that make it a count, dose or ratio ("6/7 days", "1/2 tab", "3/12 ago").
_NOT_DATE_AFTER = (r"\s*(?i:days?|weeks?|nights?|sessions?|ago|times|scale|ratings?|scores?|odds|split|"
                   r"chance|ratio|vision|mg|mcg|ml|tabs?|tablets?|pills?|caps?|capsules?|cups?|mmhg|bpm|"
                   r"stars?|points?|marks?|correct|items?|cases|patients|people|clients|students)\b")
_D = rf"(?:{DAY_ORD}|{DAY})"
# Words that, right before a bare "d/m", make it a count or score instead of a date.
_COUNT_BEFORE = re.compile(rf"\b{cue_regex('date_count_cues')}\s*[#:=]?\s*$")
# A measure's acronym right before a pair makes it a score ("PHQ-9: 12/27", "K10 22/50", "CORE-10 17/40").
_MEASURE_BEFORE = re.compile(r"\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\s*[#:=]?\s*$")
_DATE_CUE_BEFORE = re.compile(
    rf"(?i:\b(?:on|next|by|from|until|till|to|dated|date|due|since|before|after|sent|signed|seen|dob|d\.o\.b\.?|dos|"
    rf"review|booked|appointment|session|{'|'.join(MONTH_NAMES)}|"
    rf"{WEEKDAY})\W{{0,3}})$")


# A test's name right before ("PHQ 9/27", "GAD-7 14/21", "MoCA 21/30"): a score, not a date.
_SCALE_BEFORE = re.compile(r"\b(?!(?i:dob|dos|date|dated)\b)(?:[A-Z][A-Za-z]*[A-Z]\w*(?:-\w+)?)\W{0,2}$")
_QUANTITY_AFTER = re.compile(r"(?i:\s*(?:tabs?|tablets?|doses?|of\b|pills?|caps?|mg|ml|units?|points?|items?|"
                             r"correct|score|marks?|%|\d))")


def _valid_day_month(a: int, b: int) -> bool:
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


def _check_numeric(text: str, start: int, end: int) -> bool:
    """d/m/y or m/d/y with a plausible day and month."""
    m = re.search(r"(\d{1,2})[/.\-](\d{1,2})[/.\-]\d", text[start:end])
    return m is not None and _valid_day_month(int(m.group(1)), int(m.group(2)))


_PAIR = re.compile(r"(\d{1,2})/(\d{1,2})")


def _check_day_month(text: str, start: int, end: int) -> bool:
    """A yearless "30/04", "12/1" or "Thurs 6/19": a plausible day and month and no count cue.

    A pair that reads as a fraction or a score out of ten or less ("1/2", "3/4", "8/10") counts
    only with a date cue before it ("on 2/9", "next Monday 2/6").
    """
    pairs = _PAIR.findall(text[start:end])
    if not pairs:
        return False
    for a_s, b_s in pairs:
        a, b = int(a_s), int(b_s)
        if not _valid_day_month(a, b) or (a, b) == (24, 7):
            return False
    before = text[max(0, start - 30):start]
    if re.search(r"(?i:next\s+session\s*)$", before):
        return True
    if _COUNT_BEFORE.search(before):
        return False
    if _DATE_CUE_BEFORE.search(before) or len(pairs) > 1:
        return True  # "on 2/9", "DOB 3/14", a range "2/9-2/20"
    if _MEASURE_BEFORE.search(before) or _SCALE_BEFORE.search(before):
        return False  # a test's score: "PHQ-9: 12/27", "MoCA 21/30"
    a, b = int(pairs[0][0]), int(pairs[0][1])
    # recall first: a date when either reading says so (the pair is past ten, or not a fraction,
    # a score out of 5 or 10, UK day/week shorthand or a dose)
    return not a <= b <= 10 or _date_shaped(a, b, text[end:end + 12])


def _date_shaped(a: int, b: int, after: str) -> bool:
    """A yearless "12/1" or "2/24" with no cue: a date unless it reads as a fraction, a score out of
    10 or 5, UK day/week shorthand ("2/7", "3/52") or a dose ("1/2 tab")."""
    if b in (5, 10, 52, 100) or (b == 7 and a < 7) or (a < b <= 4):
        return False
    return not _QUANTITY_AFTER.match(after)


# A clock time right after a date belongs to it: "[26/03/2025, 18:02]", "Nov 18, 21:20",
# "7 April 2025 at 3:42 pm", "Friday, November 7, 2025 11:48 PM", "Tue 1 Apr 4:30pm".
_AMPM = r"(?i:\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w))"
_TIME_AFTER = re.compile(
    rf"(?:,|[ \t]+(?i:at|@))?[ \t]{{1,2}}(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?{_AMPM}?(?:[ \t]?[+-]\d{{4}}\b)?"
    rf"|\d{{1,2}}{_AMPM})(?![\w:])")
_AMPM_AFTER = re.compile(rf"{_AMPM}")


def time_tail(text: str, end: int) -> int:
    """End of a date span extended over a clock time that follows it, else end."""
    m = _TIME_AFTER.match(text, end)
    if m is None and text[end - 1:end].isdigit():
        m = _AMPM_AFTER.match(text, end)  # a rule already took "10:12"; "PM" follows
    return m.end() if m else end


class CalendarDateRecognizer(RegexRecognizer):
    """Calendar dates that name a day, a month of a year, or a dated holiday."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list:
        """Calendar dates, each extended over a clock time that follows it."""
        out = super().analyze(text, entities, nlp_artifacts)  # type: ignore[arg-type]
        for r in out:
            r.end = time_tail(text, r.end)
        return out

    ENTITY = "DATE_TIME"
    RULES = (
        Rule("day-month-year",
             rf"\b{_WD}?{_D}(?:\s*[-–]\s*{_D})?(?:\s+of)?[ \t]{{1,2}}{_MONTH}(?:{_YEAR_TAIL}{_TIME_TAIL})?(?!\w)",
             0.85),
        Rule("month-day-year",
             rf"\b{_WD}?{_MONTH}\s+{_D}(?:\s*[-–]\s*{_D})?\b(?:{_YEAR_TAIL}{_TIME_TAIL})?(?!\w)", 0.85),
        Rule("month-year",
             rf"\b(?:(?i:early|late|mid|end\s+of|beginning\s+of)[-\s]+)?{_MONTH}"
             rf"(?:\s*[-–/]\s*{_MONTH})?,?\s+(?:of\s+)?{YEAR}\b", 0.85),
        Rule("season-year", rf"\b(?:(?i:early|late|mid)[-\s]+)?{SEASON}\s+(?:of\s+)?{YEAR}\b", 0.7),
        Rule("holiday-year", rf"\b{HOLIDAY}(?:[ \t]+(?i:night|eve|morning|evening|weekend|week))?,?\s+{YEAR}(?!\w)",
             0.85),
        Rule("cue-holiday", rf"\b{HOLIDAY_CUE}\s+{HOLIDAY}(?!\w)", 0.6),
        Rule("day-holiday", rf"\b{DAY_HOLIDAY}(?!\w)", 0.6),
        Rule("numeric-dmy", rf"\b{_WD}?\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})\b(?![/.\-]\d){_CLOCK}",
             0.7, check=_check_numeric),
        Rule("iso", rf"\b{_WD}?(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:[12]\d|3[01]|0?[1-9])(?:\b|(?=T\d)){_CLOCK}", 0.85),
        Rule("day-mon-year", rf"\b{_WD}?{DAY}[-\s]{_MONTH}[-\s]{YEAR}\b", 0.85),
        Rule("day-month", r"(?<![\d/.\-])\d{1,2}/\d{1,2}"
                          r"(?:\s*[-–—]\s*\d{1,2}/\d{1,2})?(?![\d/]|" + _NOT_DATE_AFTER + ")",
             0.6, check=_check_day_month),
        Rule("lower-cue-holiday", rf"\b{HOLIDAY_CUE}\s+(?P<v>{cue_regex('lower_holidays')})"
                                  r"(?!\w|['’]s\s+(?i:card|cards|present|presents|gift|gifts))", 0.5),
        Rule("lower-day-holiday", rf"\b{cue_regex('holiday_cues')}\s+(?P<v>(?i:{DAY_HOLIDAY}))"
                                  r"(?!\w|['’]s\s+(?i:card|cards|present|presents|gift|gifts))", 0.5),
        Rule("nth", rf"(?:(?<=\b(?i:the|on|by|from|until|till|before|after|since)\s+)|(?<=\())"
                    rf"{DAY_ORD}\b(?!\s+(?!{cue_regex('nth_date_followers')}\b|{MONTH})\p{{Ll}})",
             0.6),
        Rule("weekday-nth", rf"\b{WEEKDAY},?[ \t]+(?:the[ \t]+)?{DAY_ORD}\b", 0.7),
        Rule("ordinal-of-month", rf"\b{_WD}?(?i:the\s+){ORDINAL}\s+(?i:of)\s+{_MONTH}\b", 0.7),
        # lower-case speech-to-text "march 12 2026", "may 3rd, 2025": a day and a year make it a date
        Rule("lower-may-march-day-year", rf"\b(?:may|march)\s+{_D},?\s+{YEAR}\b", 0.7),
        # a month of a year in digits: "Exp 09/2029", "since 03/2024"
        Rule("numeric-month-year", r"(?<![\d/.\-])(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])", 0.6),
        Rule("on-the-ordinal", rf"(?<=\b(?i:on\s+the)\s+)(?P<v>{ORDINAL})(?=\s*(?:[.,;!?\n]|$))", 0.5),
    )


def create(profile: object = None) -> "CalendarDateRecognizer":
    """Factory for the registry."""
    return CalendarDateRecognizer()
