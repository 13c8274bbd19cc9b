"""Organisations keep their kind, places stay places, contacts and ids are invalid by construction."""

from __future__ import annotations

import re

import pytest

from deid.pseudo.formats import _luhn_ok, _mod11_ok
from pseudo_helpers import doc, run_three_phases


def one(pseudo, text, etype):
    return run_three_phases(pseudo, [(doc(f"x {text} y"), [(text, etype)])])[0][0]


@pytest.mark.parametrize("org, kind", [("Lincoln High School", "High School"),
                                       ("St. Brigid's Family Medicine", "Family Medicine"),
                                       ("Cedar Lake Counseling Group", "Counseling Group")])
def test_surrogates_organisation_keeps_its_kind(make_pseudo, org, kind):
    out = one(make_pseudo(style="realistic"), org, "ORGANIZATION")
    assert out.endswith(kind) and out != org


def test_surrogates_org_case_follows_original(make_pseudo):
    out = one(make_pseudo(style="realistic"), "CEDAR LAKE COUNSELING GROUP", "ORGANIZATION")
    assert out.isupper() and out.endswith("COUNSELING GROUP") and "CEDAR LAKE" not in out


def test_surrogates_city_becomes_another_city(make_pseudo):
    from deid.pseudo.surrogates import city_info

    out = one(make_pseudo(style="realistic"), "Minneapolis", "LOCATION")
    assert out != "Minneapolis" and city_info(out) is not None


def test_surrogates_street_keeps_suffix_and_address_keeps_shape(make_pseudo):
    p = make_pseudo(style="realistic")
    assert one(p, "Carraway Street", "LOCATION").endswith(" Street")
    addr = one(p, "2417 Bloomington Ave S, Apt 3", "ADDRESS")
    assert re.fullmatch(r"\d{4} \S+ Ave S, Apt \d", addr) and "Bloomington" not in addr


def test_surrogates_places_generalised_by_profile(make_pseudo):
    p = make_pseudo(style="realistic", places="generalise")
    assert one(p, "Minneapolis", "LOCATION") == "Minnesota"
    assert one(p, "55404", "LOCATION") == "554XX"


def test_surrogates_us_zip_is_unassigned(make_pseudo):
    assert one(make_pseudo(style="realistic"), "55404", "LOCATION").startswith("00")


@pytest.mark.parametrize("phone, rx", [("(612) 555-0142", r"\(\d{3}\) 555-01\d\d"),
                                       ("612-555-0119", r"\d{3}-555-01\d\d"),
                                       ("07700 900415", r"07700 900\d{3}"),
                                       ("0113 496 0721", r"0163 296 0\d{3}"), ("021 555 0193", r"055 5\d\d \d{4}")])
def test_surrogates_phone_is_fictional_in_same_layout(make_pseudo, phone, rx):
    out = one(make_pseudo(style="realistic"), phone, "PHONE_NUMBER")
    assert re.fullmatch(rx, out), out


def test_surrogates_email_uses_reserved_domain(make_pseudo):
    out = one(make_pseudo(style="realistic"), "dwhitaker88@gmail.com", "EMAIL_ADDRESS")
    assert re.fullmatch(r"[a-z.]+\d+@example\.com", out)


@pytest.mark.parametrize("value", ["7382045617", "4111111111111111", "CLC-0048821"])
def test_surrogates_ids_keep_shape_and_fail_checksums(make_pseudo, value):
    out = one(make_pseudo(style="realistic"), value, "ID")
    assert re.sub(r"[A-Z]", "A", re.sub(r"\d", "9", out)) == re.sub(r"[A-Z]", "A", re.sub(r"\d", "9", value))
    digits = re.sub(r"\D", "", out)
    assert not _luhn_ok(digits) and not _mod11_ok(digits)


def test_surrogates_ssn_gets_invalid_area(make_pseudo):
    assert one(make_pseudo(style="realistic"), "123-45-6789", "US_SSN").startswith("000-")


def test_surrogates_ip_uses_documentation_range(make_pseudo):
    out = one(make_pseudo(style="realistic"), "10.1.2.3", "IP_ADDRESS")
    assert re.match(r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$", out)


def test_surrogates_same_id_in_another_layout_keeps_digits(make_pseudo):
    p = make_pseudo(style="realistic")
    a, b = run_three_phases(p, [(doc("738 204 5617 or 7382045617"),
                                 [("738 204 5617", "ID"), ("7382045617", "ID")])])[0]
    assert a.replace(" ", "") == b


def test_surrogates_tag_style_numbers_each_kind(make_pseudo):
    out = run_three_phases(make_pseudo(style="tag"), [(doc("Lincoln High School, Tacoma, Reno"), [
        ("Lincoln High School", "ORGANIZATION"), ("Tacoma", "LOCATION"), ("Reno", "LOCATION")])])[0]
    assert out == ["[ORGANIZATION_1]", "[LOCATION_1]", "[LOCATION_2]"]
