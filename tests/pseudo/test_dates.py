"""Date shifting per case (format kept, intervals kept), generalising, ages."""

from __future__ import annotations

import re
from datetime import date

import pytest

from deid.pseudo.dates import case_offset, render_age, shift_date_text
from pseudo_helpers import SECRET, doc, run_three_phases


def test_dates_offset_is_per_case_keyed_and_keeps_weekdays():
    a, b = case_offset(SECRET, "c1", 365), case_offset(SECRET, "c2", 365)
    assert a == case_offset(SECRET, "c1", 365)
    assert a % 7 == 0 and a != 0 and abs(a) <= 365
    assert {case_offset(SECRET, f"c{i}", 365) for i in range(20)} != {a}
    assert case_offset(b"other-secret-0123456789", "c1", 365) != a or b != a


@pytest.mark.parametrize("text, pattern", [
    ("March 14th", r"^[A-Z][a-z]+ \d{1,2}(st|nd|rd|th)$"),
    ("March 14th, 2024", r"^[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), \d{4}$"),
    ("Jan 29 2024", r"^[A-Z][a-z]{2} \d{1,2} \d{4}$"),
    ("03/14/1995", r"^\d{2}/\d{2}/\d{4}$"),
    ("1995-03-14", r"^\d{4}-\d{2}-\d{2}$"),
    ("2/26", r"^\d{1,2}/\d{1,2}$"),
    ("3rd April 2024", r"^\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ \d{4}$"),
    ("28 March", r"^\d{1,2} [A-Z][a-z]+$"),
    ("Tue 23/04/24", r"^Tue \d{2}/\d{2}/\d{2}$"),
    ("MARCH 14TH", r"^[A-Z]+ \d{1,2}(ST|ND|RD|TH)$"),
])
def test_dates_shift_keeps_format(text, pattern):
    out = shift_date_text(text, 35, dayfirst="23/04" in text)
    assert re.match(pattern, out), out
    assert out != text


def test_dates_shift_keeps_intervals():
    a = shift_date_text("2024-03-14", 21)
    b = shift_date_text("2024-04-02", 21)
    da, db = date.fromisoformat(a), date.fromisoformat(b)
    assert (db - da).days == 19
    assert da == date(2024, 4, 4)


def test_dates_weekday_only_and_relative_phrases_unchanged():
    assert shift_date_text("on Sunday", 14) == "on Sunday"
    assert shift_date_text("last week", 14) == "last week"


@pytest.mark.parametrize("mode, text, expected", [
    ("month", "March 14th, 2024", "March 2024"),
    ("month", "2024-03-14", "2024-03"),
    ("year", "March 14th, 2024", "2024"),
    ("month", "March 14th", "March"),
])
def test_dates_generalise_to_month_or_year(mode, text, expected):
    assert shift_date_text(text, 35, mode) == expected


def test_dates_one_offset_for_all_documents_of_a_case(make_pseudo):
    p = make_pseudo(style="realistic")
    out = run_three_phases(p, [(doc("Seen 2024-03-14.", "c1", "a"), [("2024-03-14", "DATE_TIME")]),
                               (doc("Seen 2024-03-21.", "c1", "b"), [("2024-03-21", "DATE_TIME")])])
    a, b = date.fromisoformat(out[0][0]), date.fromisoformat(out[1][0])
    assert (b - a).days == 7


def test_dates_profile_tag_mode(make_pseudo):
    out = run_three_phases(make_pseudo(dates="tag"), [(doc("On 2024-03-14."), [("2024-03-14", "DATE_TIME")])])
    assert out == [["[DATE]"]]


@pytest.mark.parametrize("text, expected", [("92", "90+"), ("89", "89"), ("92-year-old", "90+-year-old"),
                                            ("ninety-two", "90+"), ("29", "29")])
def test_dates_ages_over_89_become_90_plus(text, expected):
    assert render_age(text) == expected


def test_dates_age_bands():
    assert render_age("29", bands=5) == "25-29"
    assert render_age("93", bands=5) == "90+"
