"""Saint-named organisations keep their kind: 'St. Brendan's' -> 'St. Aidan's' (fictional text)."""

from __future__ import annotations

import re

import pytest

from deid.pseudo.surrogates import SAINTS

from pseudo_helpers import doc, run_three_phases

SAINT_SHAPE = re.compile(r"^(St\.|St|Saint) [A-Z][a-z]+(['’]s)?( .+)?$")


@pytest.mark.parametrize("surface", ["St. Brendan's", "St Mary's", "Saint Winifred's", "St. Olave’s"])
def test_saint_organisation_gets_a_saint_surrogate_in_the_same_form(make_pseudo, surface):
    text = f"She drove me to {surface} on Tuesday."
    (out,) = run_three_phases(make_pseudo(style="realistic"), [(doc(text), [(surface, "ORGANIZATION")])])[0]
    assert SAINT_SHAPE.match(out), out
    assert out.split()[0] == surface.split()[0]
    original = re.sub(r"['’]s?$", "", surface.split()[1])
    assert original not in out
    assert out.endswith(surface[-2:])  # the apostrophe ending as written, once
    assert not out.endswith("'s's") and "Group" not in out


def test_saint_organisation_keeps_its_kind_words(make_pseudo):
    text = "Admitted to St Mary's Hospital; her son attends Saint Anne's Catholic Primary School."
    spans = [("St Mary's Hospital", "ORGANIZATION"), ("Saint Anne's Catholic Primary School", "ORGANIZATION")]
    hosp, school = run_three_phases(make_pseudo(style="realistic"), [(doc(text), spans)])[0]
    assert hosp.startswith("St ") and hosp.endswith("'s Hospital")
    assert school.startswith("Saint ") and school.endswith("'s Catholic Primary School")


def test_saint_organisation_never_keeps_the_original_saint_under_any_secret(make_pseudo):
    for i in range(12):
        text = "Mass at St. Aidan's."
        (out,) = run_three_phases(make_pseudo(f"secret-{i}-0123456789abcdef".encode(), style="realistic"),
                                  [(doc(text), [("St. Aidan's", "ORGANIZATION")])])[0]
        assert "Aidan" not in out


def test_saint_organisation_drops_a_following_place_name(make_pseudo):
    text = "Treated at St Ursula's Hospital Quellport."
    (out,) = run_three_phases(make_pseudo(style="realistic"),
                              [(doc(text), [("St Ursula's Hospital Quellport", "ORGANIZATION")])])[0]
    assert "Quellport" not in out and "Ursula" not in out


def test_saint_organisation_same_surrogate_in_every_mention(make_pseudo):
    p = make_pseudo(style="realistic")
    out = run_three_phases(p, [(doc("At St. Brendan's.", "c1", "a"), [("St. Brendan's", "ORGANIZATION")]),
                               (doc("Back at St. Brendan's.", "c2", "b"), [("St. Brendan's", "ORGANIZATION")])])
    assert out[0] == out[1]
    assert re.sub(r"['’]s?$", "", out[0][0].split()[1]) in SAINTS
