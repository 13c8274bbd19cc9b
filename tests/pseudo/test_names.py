"""Parsing person mentions into roles."""

from __future__ import annotations

import pytest

from deid.pseudo.names import initials_only, match_case, parse_name


@pytest.mark.parametrize("text, roles", [
    ("Dana Whitfield", ["given", "surname"]),
    ("Ms. Whitfield", ["honorific", "surname"]),
    ("DR. LINDQVIST", ["honorific", "surname"]),
    ("Whitfield, Dana", ["surname", "punct", "given"]),
    ("Dana", ["bare"]),
    ("Aunt Rosa", ["honorific", "given"]),
    ("S. Osei", ["initial", "surname"]),
    ("Dana A. Whitfield", ["given", "initial", "surname"]),
])
def test_names_parse_roles(text, roles):
    assert [p.role for p in parse_name(text).parts] == roles


def test_names_possessive_is_kept_apart():
    p = parse_name("Dana's")
    assert p.possessive == "'s" and [x.text for x in p.name_parts] == ["Dana"]


def test_names_title_gives_gender():
    assert parse_name("Mrs Okafor").gender == "f"
    assert parse_name("Mr Okafor").gender == "m"


@pytest.mark.parametrize("text, letters", [("PR", "PR"), ("S", "S"), ("D.W.", "DW"), ("Dana", None)])
def test_names_initials_only(text, letters):
    assert initials_only(text) == letters


@pytest.mark.parametrize("original, expected", [("DANA", "MARIA"), ("dana", "maria"), ("Dana", "Maria")])
def test_names_match_case(original, expected):
    assert match_case("Maria", original) == expected
