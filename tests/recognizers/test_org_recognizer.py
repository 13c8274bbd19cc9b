"""OrganizationRecognizer: schools, employers, churches, clinics and teams; methods and degrees are not."""

import pytest

from recognizers.org_recognizer import OrganizationRecognizer


def found(rec, text):
    """Surfaces the recognizer reports, in text order (no NLP artifacts needed)."""
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None),
                                                key=lambda r: (r.start, -r.end))]


REC = OrganizationRecognizer()


@pytest.mark.parametrize("text,expected", [
    ("Graduated from Maple Ridge High School in 2011", "Maple Ridge High School"),
    ("her son attends St Aidan's Catholic Primary; she", "St Aidan's Catholic Primary"),
    ("Referred by: T. Marsh, MD, St. Oswin's Family Medicine\n", "St. Oswin's Family Medicine"),
    ("in the break room at Lakeshore Logistics, where he works", "Lakeshore Logistics"),
    ("Dad's on nights at Harbourline Freight so he", "Harbourline Freight"),
    ("PINE HOLLOW COUNSELING GROUP\nIntake", "PINE HOLLOW COUNSELING GROUP"),
    ("Brookfield Counseling, PLLC - Telehealth", "Brookfield Counseling, PLLC"),
    ("the memorial at Grace Baptist Church on Sunday", "Grace Baptist Church"),
    ("he played for the Eastside Strikers and scored", "Eastside Strikers"),
    ("Friday prayers at the Orchard Street Islamic Centre", "Orchard Street Islamic Centre"),
    ("she works at Tarnwick and hates it", "Tarnwick"),
])
def test_org_recognizer_when_organisation_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "1. Narrative Exposure Therapy (NET), 10-12 sessions",
    "Dr. R. Moss, M.Phil. Clinical Psychology",
    "She went to the clinic. The Trust's adviser called.",
    "an episode at the Year 10 formal",
    "Beck Anxiety Inventory: 31",     # keep: test eponym
    "We will revisit in May.",         # keep: month
])
def test_org_recognizer_when_method_degree_or_generic_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Client: Dana Q\nInsurance: Brightwater Health ID XK99120", "Brightwater Health"),
    ("MRN 5512   Payer: Tri-County Medicaid ID 900412773", "Tri-County Medicaid"),
    ("refer to Tamsin Family Mediation.", "Tamsin Family Mediation"),
    ("[05/05/2025, 10:00] KWT Reception: Hi, your booking is confirmed", "KWT Reception"),
    ("he keeps driving past the Engine 22 house", "Engine 22"),
    ("the Ladder 3 crew came out", "Ladder 3"),
    ("rules are rules at pellworth and dunne\nok", "pellworth and dunne"),
    ("she says rules are rules at brannock and vale\nok", "brannock and vale"),
])
def test_org_recognizer_when_field_kind_word_or_unit_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "we had dinner at home and slept",
    "she works at the school and loves it",
    "Insurance: none",
    "school: she is doing fine",
    "the engine 22 times",
    "at lunch and dinner.",
    "at peace and quiet.",
])
def test_org_recognizer_when_generic_words_then_nothing(text):
    assert found(REC, text) == []
