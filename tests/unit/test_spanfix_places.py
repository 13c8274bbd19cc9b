"""An organisation span holding an address, and a place written with its region, are cut into parts
(so each town gets the surrogate it gets on its own: consistent pseudonyms). Fictional places."""

from __future__ import annotations

import pytest

from deid.model import Mention
from deid.spanfix import split_addresses


def _split(text: str, surface: str, entity: str) -> list[tuple[str, str]]:
    s = text.index(surface)
    m = Mention(s, s + len(surface), entity, 0.85, "FilteredSpacyRecognizer", surface)
    return [(x.text, x.entity_type) for x in split_addresses(text, [m])]


@pytest.mark.parametrize("text,surface,entity,expected", [
    ("She moved from Quellport, Co. Vantor in 2017.", "Quellport, Co. Vantor", "ORGANIZATION",
     [("Quellport", "LOCATION"), ("Co. Vantor", "LOCATION")]),
    ("Lives in Harrowdene, MI now.", "Harrowdene, MI", "LOCATION",
     [("Harrowdene", "LOCATION"), ("MI", "LOCATION")]),
    ("Practice: Unit 4, Quill Mills, Harrowdene\n", "Unit 4, Quill Mills, Harrowdene", "ORGANIZATION",
     [("Unit 4", "LOCATION"), ("Quill Mills", "LOCATION"), ("Harrowdene", "LOCATION")]),
    ("Vantor Counseling, 2201 Quill Ave, Suite 310", "Vantor Counseling, 2201 Quill Ave, Suite 310", "ORGANIZATION",
     [("Vantor Counseling", "ORGANIZATION"), ("2201 Quill Ave", "LOCATION"), ("Suite 310", "LOCATION")]),
])
def test_spanfix_place_parts_are_cut(text, surface, entity, expected):
    assert _split(text, surface, entity) == expected


@pytest.mark.parametrize("text,surface,entity", [
    ("Billed by Vantor Counseling, PA this month.", "Vantor Counseling, PA", "ORGANIZATION"),
    ("Billed by Vantor Counseling, PLLC this month.", "Vantor Counseling, PLLC", "ORGANIZATION"),
    ("Signed Quillon, Marisol at the end.", "Quillon, Marisol", "ORGANIZATION"),
    ("Met at Quellport Harbour.", "Quellport Harbour", "LOCATION"),
])
def test_spanfix_organisations_and_names_with_a_comma_stay_whole(text, surface, entity):
    assert _split(text, surface, entity) == [(surface, entity)]
