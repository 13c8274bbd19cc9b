"""Shapes the held-out corpus showed missing: lower-case UK postcodes, Eircodes, apostrophe years,
organisations ending in Health/Centre/Bar (fictional examples)."""

import pytest

from recognizers.address_recognizer import AddressRecognizer
from recognizers.date_recognizer import CalendarDateRecognizer
from recognizers.org_recognizer import OrganizationRecognizer


def found(rec, text):
    return [text[r.start:r.end] for r in rec.analyze(text, rec.supported_entities, None)]


@pytest.mark.parametrize("text,expected", [
    ("visit at 9 elm row westbury bs12 4qp present also", "bs12 4qp"),
    ("Counselling, Main Street, Carrigmore, Co. Cork T12 XW3P\n", "T12 XW3P"),
    ("Eircode D6W Y2K8.", "D6W Y2K8"),
])
def test_postcode_shapes_found(text, expected):
    assert expected in found(AddressRecognizer(), text)


@pytest.mark.parametrize("text", [
    "we had a go at it in 2 hours",
    "i was like a1 on the day",
    "Table A12 BCDE lists the items",       # no digit in the second half: not an Eircode
    "He scored 12 to 1 at home",
])
def test_postcode_shapes_not_found(text):
    assert found(AddressRecognizer(), text) == []


@pytest.mark.parametrize("text,expected", [
    ("Session 4 - Jan 16 '24 - bilingual", "Jan 16 '24"),
    ("seen on 3 March ’22 in clinic", "3 March ’22"),
])
def test_apostrophe_year_is_part_of_the_date(text, expected):
    assert expected in found(CalendarDateRecognizer(), text)


@pytest.mark.parametrize("text,expected", [
    ("Referred by: Amara Osei, MD, Seven Oaks Family Health\n", "Seven Oaks Family Health"),
    ("drinking most evenings at Hennessy's Bar in town", "Hennessy's Bar"),
    ("group at the Kingsmead Centre on Tuesdays", "Kingsmead Centre"),
])
def test_organisation_suffixes_found(text, expected):
    assert expected in found(OrganizationRecognizer(), text)


def test_generic_health_phrase_is_not_an_organisation():
    assert found(OrganizationRecognizer(), "We discussed Public Mental Health and sleep.") == []
