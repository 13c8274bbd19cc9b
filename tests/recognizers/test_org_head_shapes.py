"""OrganizationRecognizer: "Centre for ..."-style names, service words, bracketed acronyms, insurance fields."""

import pytest

from recognizers.org_recognizer import OrganizationRecognizer

REC = OrganizationRecognizer()


def found(text):
    return [text[r.start:r.end] for r in REC.analyze(text, ["ORGANIZATION"], None)]


@pytest.mark.parametrize("text,expected", [
    ("KESTREL CENTRE FOR FAMILY WELLBEING\n12 Hill Rd", "CENTRE FOR FAMILY WELLBEING"),
    ("CLINIQUE DE PHYSIOTHÉRAPIE DU VALLON\n88, rue", "CLINIQUE DE PHYSIOTHÉRAPIE DU VALLON"),
    ("Referred by the Hôpital de Vermonde last year", "Hôpital de Vermonde"),
    ("SOUTH COAST YOUTH WELLBEING SERVICE — intake", "SOUTH COAST YOUTH WELLBEING SERVICE"),
    ("Marlow Student Support Services (MSSS) intake form", "MSSS"),
    ("Student health insurance: Harrowfield Mutual of Dunmore, ID 4", "Harrowfield Mutual of Dunmore"),
])
def test_org_head_shapes_when_org_then_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text,unexpected", [
    ("Cognitive Behavioural Therapy (CBT) helps", "CBT"),
    ("it's a school of thought", "school of thought"),
    ("The Service was lovely.", "Service"),
    ("the Centre for a bit", "Centre for a bit"),
    ("a Department of Health leaflet", "Department of Health"),
])
def test_org_head_shapes_when_no_org_then_not_found(text, unexpected):
    assert unexpected not in found(text)
