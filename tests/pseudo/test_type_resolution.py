"""One surface, one type within a case: a name detected as PERSON here and as a place or
organisation there gets one surrogate (fictional names)."""

from __future__ import annotations

from collections import Counter

from deid.pseudo.resolve import resolve_types

from pseudo_helpers import doc, run_three_phases


def test_surface_seen_as_person_and_organisation_gets_the_person_surrogate(make_pseudo):
    text = "Tobiah said hello. [Tobiah] Hmm. Tobiah left."
    out = run_three_phases(make_pseudo(style="realistic"),
                           [(doc(text), [("Tobiah", "PERSON"), ("Tobiah", "ORGANIZATION"),
                                         ("Tobiah", "LOCATION")])])[0]
    assert len(set(out)) == 1 and "Tobiah" not in out[0]


def test_initials_seen_as_person_and_organisation_get_one_surrogate(make_pseudo):
    text = "Supervisor QX noted it; QX agreed."
    out = run_three_phases(make_pseudo(style="realistic"),
                           [(doc(text), [("QX", "PERSON"), ("QX", "ORGANIZATION")])])[0]
    assert out[0] == out[1] and len(out[0]) == 2


def test_place_seen_once_as_organisation_follows_the_majority_type(make_pseudo):
    text = "Born in Quellport. Moved from Quellport to Quellport again."
    spans = [("Quellport", "ORGANIZATION"), ("Quellport", "LOCATION"), ("Quellport", "LOCATION")]
    out = run_three_phases(make_pseudo(style="realistic"), [(doc(text), spans)])[0]
    assert len(set(out)) == 1 and "Quellport" not in out[0]


def test_month_word_seen_as_person_in_the_case_gets_the_person_surrogate(make_pseudo):
    text = "Dec phoned on Monday. Dec said he was fine."
    out = run_three_phases(make_pseudo(style="realistic"),
                           [(doc(text), [("Dec", "PERSON"), ("Dec", "DATE_TIME")])])[0]
    assert out[0] == out[1] and out[0] != "Dec"


def test_resolve_types_prefers_person_then_majority_and_lists_only_conflicts():
    got = resolve_types({"a": Counter(ORGANIZATION=3, PERSON=1), "b": Counter(ORGANIZATION=1, LOCATION=2),
                         "c": Counter(LOCATION=4), "d": Counter(ORGANIZATION=1, LOCATION=1)})
    assert got == {"a": "PERSON", "b": "LOCATION", "d": "LOCATION"}


def test_place_named_as_a_bare_organisation_stays_a_place_even_when_outnumbered(make_pseudo):
    text = "Quellport hosts it. Quellport again. We live in Quellport."
    spans = [("Quellport", "ORGANIZATION"), ("Quellport", "ORGANIZATION"), ("Quellport", "LOCATION")]
    out = run_three_phases(make_pseudo(style="realistic"), [(doc(text), spans)])[0]
    assert len(set(out)) == 1 and "Group" not in out[0]


def test_place_with_a_kind_word_uses_the_surrogate_of_its_name(make_pseudo):
    text = "We walked along Quellport Harbour's edge; Quellport is quiet."
    spans = [("Quellport Harbour's", "LOCATION"), ("Quellport", "LOCATION")]
    harbour, town = run_three_phases(make_pseudo(style="realistic"), [(doc(text), spans)])[0]
    assert harbour == f"{town} Harbour's"


def test_organisation_keeps_its_kind_word_before_a_legal_suffix(make_pseudo):
    text = "Billed by Vantor Lane Counseling, PLLC this week."
    (out,) = run_three_phases(make_pseudo(style="realistic"),
                              [(doc(text), [("Vantor Lane Counseling, PLLC", "ORGANIZATION")])])[0]
    assert out.endswith(" Counseling, PLLC") and "Quill" not in out


def test_road_code_seen_once_as_an_id_follows_its_place_mentions(make_pseudo):
    text = "Took the Q7 north. The Q7 was closed. Reference Q7 noted."
    spans = [("Q7", "LOCATION"), ("Q7", "LOCATION"), ("Q7", "ID")]
    out = run_three_phases(make_pseudo(style="realistic"), [(doc(text), spans)])[0]
    assert len(set(out)) == 1 and out[0] != "Q7"
