"""OrganizationRecognizer: a named owner's business in lower case ("Keane's bar")."""

import pytest

from recognizers.org_recognizer import OrganizationRecognizer

REC = OrganizationRecognizer()


def found(text):
    return [text[r.start:r.end] for r in REC.analyze(text, ["ORGANIZATION"], None)]


@pytest.mark.parametrize("text,expected", [
    ("most nights at Quennell's bar in town", "Quennell's bar"),
    ("she works in Okonedo’s salon", "Okonedo’s salon"),
])
def test_org_possessive_business_when_named_owner_then_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "we sat in Dad's bar downstairs",
    "My Mum's cafe shut",
    "at Grandma’s bakery",
    "Sunday's bar quiz",
])
def test_org_possessive_business_when_relative_or_word_then_nothing(text):
    assert found(text) == []
