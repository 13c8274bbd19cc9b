"""ForeignDateRecognizer: day + month name in French, Spanish, Italian, Portuguese, German, Dutch."""

import pytest

from recognizers.foreign_date_recognizer import ForeignDateRecognizer

REC = ForeignDateRecognizer()


def found(text):
    return [text[r.start:r.end] for r in REC.analyze(text, ["DATE_TIME"], None)]


@pytest.mark.parametrize("text,expected", [
    ("Lyon, le 12 octobre 2025\n", "le 12 octobre 2025"),
    ("séance 4 — le mardi 3 février 2026 — notes", "le mardi 3 février 2026"),
    ("nació el 7 de junio de 1990", "el 7 de junio de 1990"),
    ("Termin am 14. Oktober 2025", "14. Oktober 2025"),
    ("il 21 settembre", "il 21 settembre"),
    ("le 3 mai 2025, elle", "le 3 mai 2025"),
])
def test_foreign_date_recognizer_when_date_then_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "I had 2 mai tais at the bar",
    "the 3 mars missions were cancelled",
    "no mayo on 12 de mayo street",
    "février alone is no date",
    "on 5 mei",
])
def test_foreign_date_recognizer_when_no_date_then_nothing(text):
    assert found(text) == []
