"""RecordNumberRecognizer: labelled and ID-shaped numbers; test names, roads and scores are not IDs."""

import pytest

from recognizers.id_recognizer import RecordNumberRecognizer


def found(rec, text):
    """Surfaces the recognizer reports, in text order (no NLP artifacts needed)."""
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None),
                                                key=lambda r: (r.start, -r.end))]


REC = RecordNumberRecognizer()


@pytest.mark.parametrize("text,expected", [
    ("MRN: QTR-0071234\nAddress", "QTR-0071234"),
    ("Insurance: Member ID ZXA551203948, Group 40211-C", "ZXA551203948"),
    ("Insurance: Member ID ZXA551203948, Group 40211-C", "40211-C"),
    ("NHS No: 943 476 5919\n", "943 476 5919"),
    ("NHI: QTR5521   ACC claim no.: 20048811234", "QTR5521"),
    ("NHI: QTR5521   ACC claim no.: 20048811234", "20048811234"),
    ("T. Vale, C.Psych. #4418\n", "4418"),
    ("**UHID:** KLM/2022/00917  \n", "KLM/2022/00917"),
    ("member no. QRS 5521 0036, dependant code 00", "QRS 5521 0036"),
    ("(case no. CAS 118/04/2021, Parow)", "CAS 118/04/2021"),
    ("Medicare 3341 22817 2 / IRN 1", "3341 22817 2"),
    ("PHIN: 331 442 118      IRCC UCI: 2211-3344-09", "331 442 118"),
    ("PHIN: 331 442 118      IRCC UCI: 2211-3344-09", "2211-3344-09"),
    ("Chart XYZMH-2023-0412\nClient", "XYZMH-2023-0412"),
    ("the client's vehicle (CA 771-204) was seen", "CA 771-204"),
    ("SSN 123-45-6789 on file", "123-45-6789"),
    ("NPI: 1234567893", "1234567893"),
])
def test_id_recognizer_when_identifier_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "PHQ-9 12, GAD-7 15 and Y-BOCS 21",
    "drove I-94 and I-35W eastbound",
    "COVID-19 lockdown",
    "played a 12-minute excerpt",
    "Tue 16 April, 10am-12pm, upstairs",
    "ID proof seen: passport",
    "Session 9/16; 6/7 days",
    "Unit 7, 318 Furby Street",
])
def test_id_recognizer_when_score_road_or_time_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text", [
    "Her Parkinson's and Crohn's were discussed",   # keep: eponyms
    "We'll review in May, Grace said",              # keep: month, word-name
])
def test_id_recognizer_when_keep_words_then_untouched(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Officer Keane, collar 4471, took the statement", "4471"),
    ("shield no. 22107 on the report", "22107"),
    ("incident number 24-118832 was logged", "24-118832"),
    ("booking ref BK-99812", "BK-99812"),
    ("warrant #55120 was issued", "55120"),
])
def test_id_recognizer_when_police_or_court_label_then_number_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "an incident in 2019 changed things",
    "the cell was 8 by 10",
    "her cell number (416) 555-0168",           # a phone, not an id: "cell" is no id label
    "she got a ticket to the show",
])
def test_id_recognizer_when_label_word_without_number_then_nothing(text):
    assert found(REC, text) == []
