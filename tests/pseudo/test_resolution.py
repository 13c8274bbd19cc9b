"""Entity resolution and keyed surrogates for person names (realistic and tag styles)."""

from __future__ import annotations

import re

from deid.pseudo.keys import entity_key

from pseudo_helpers import SECRET, doc, run_three_phases

TEXT = ("Dana Whitfield came in. Later Ms. Whitfield said Dana's week was hard. "
        "DANA: fine. Whitfield, Dana signed. dana left.")
SPANS = [("Dana Whitfield", "PERSON"), ("Ms. Whitfield", "PERSON"), ("Dana's", "PERSON"),
         ("DANA", "PERSON"), ("Whitfield, Dana", "PERSON"), ("dana", "PERSON")]


def test_resolution_name_variants_share_one_surrogate(make_pseudo):
    full, honor, poss, label, comma, lower = run_three_phases(make_pseudo(style="realistic"),
                                                              [(doc(TEXT), SPANS)])[0]
    first, last = full.split()
    assert honor == f"Ms. {last}"
    assert poss == f"{first}'s"
    assert label == first.upper()
    assert comma == f"{last}, {first}"
    assert lower == first.lower()
    assert "Dana" not in full and "Whitfield" not in full


def test_resolution_same_secret_same_output_other_secret_differs(make_pseudo):
    a = run_three_phases(make_pseudo(style="realistic"), [(doc(TEXT), SPANS)])
    b = run_three_phases(make_pseudo(style="realistic"), [(doc(TEXT), SPANS)])
    c = run_three_phases(make_pseudo(b"another-secret-0123456789", style="realistic"), [(doc(TEXT), SPANS)])
    assert a == b
    assert a != c


def test_resolution_consistent_across_documents_of_a_project(make_pseudo):
    p = make_pseudo(style="realistic")
    out = run_three_phases(p, [(doc("Dana Whitfield.", "c1", "a"), [("Dana Whitfield", "PERSON")]),
                               (doc("Then Dana.", "c2", "b"), [("Dana", "PERSON")])])
    assert out[0][0].split()[0] == out[1][0]


def test_resolution_keeps_first_name_gender(make_pseudo):
    import gender_guesser.detector as gd

    det = gd.Detector()
    text = "Margaret Ellison and Robert Ellison."
    f, m = run_three_phases(make_pseudo(style="realistic"),
                            [(doc(text), [("Margaret Ellison", "PERSON"), ("Robert Ellison", "PERSON")])])[0]
    assert det.get_gender(f.split()[0]) in ("female", "mostly_female")
    assert det.get_gender(m.split()[0]) in ("male", "mostly_male")
    assert f.split()[1] == m.split()[1]  # one family name, one surrogate


def test_resolution_nickname_follows_its_full_name(make_pseudo):
    text = "Bernard Kowalski called. Later Bernie phoned."
    full, nick = run_three_phases(make_pseudo(style="realistic"),
                                  [(doc(text), [("Bernard Kowalski", "PERSON"), ("Bernie", "PERSON")])])[0]
    from nicknames import NickNamer

    first = full.split()[0]
    assert nick == first or nick.lower() in NickNamer().nicknames_of(first.lower())


def test_resolution_initials_follow_the_person(make_pseudo):
    text = "Samuel Osei wrote. S. Osei signed. SO initialled."
    full, short, ini = run_three_phases(make_pseudo(style="realistic"), [(doc(text), [
        ("Samuel Osei", "PERSON"), ("S. Osei", "PERSON"), ("SO", "PERSON")])])[0]
    first, last = full.split()
    assert short == f"{first[0]}. {last}"
    assert ini == first[0] + last[0]


def test_resolution_ambiguous_short_form_is_kept_apart_and_counted(make_pseudo):
    text = "Dana Whitfield and Dana Brooks met. Dana was late."
    p = make_pseudo(style="tag")
    a, b, short = run_three_phases(p, [(doc(text), [("Dana Whitfield", "PERSON"), ("Dana Brooks", "PERSON"),
                                                    ("Dana", "PERSON")])])[0]
    assert len({a, b, short}) == 3
    assert p.stats()["ambiguous_short_forms"] == 1


def test_resolution_tag_style_numbers_people_stably(make_pseudo):
    text = "Dana Whitfield met Kim Ortega. Dana thanked Kim."
    spans = [("Dana Whitfield", "PERSON"), ("Kim Ortega", "PERSON"), ("Dana", "PERSON"), ("Kim", "PERSON")]
    out = run_three_phases(make_pseudo(style="tag"), [(doc(text), spans)])[0]
    assert out == ["[PERSON_1]", "[PERSON_2]", "[PERSON_1]", "[PERSON_2]"]


def test_resolution_redact_style(make_pseudo):
    out = run_three_phases(make_pseudo(style="redact"), [(doc(TEXT), SPANS)])[0]
    assert set(out) == {"[REDACTED]"}


def test_resolution_surrogate_never_equals_a_real_name_in_the_corpus(make_pseudo):
    # many real first names: none of their surrogates may be one of them
    real = ["Maria", "James", "Linda", "Robert", "Patricia", "John", "Jennifer", "Michael", "Mary",
            "David", "Susan", "William", "Karen", "Richard", "Lisa", "Joseph", "Nancy", "Thomas"]
    text = " ".join(real)
    out = run_three_phases(make_pseudo(style="realistic"), [(doc(text), [(n, "PERSON") for n in real])])[0]
    assert not set(out) & set(real)
    assert len(set(out)) == len(real)  # and no two share one


def test_resolution_key_is_hmac_of_type_and_canonical_form():
    a = entity_key(SECRET, "PERSON_NAME", "dana")
    assert re.fullmatch(r"[0-9a-f]{64}", a)
    assert a != entity_key(SECRET, "LOCATION", "dana")
    assert a != entity_key(b"other-secret-0123456789", "PERSON_NAME", "dana")


def test_resolution_worker_gets_parent_assignments(make_pseudo):
    parent, worker = make_pseudo(style="realistic"), make_pseudo(style="realistic")
    d = doc(TEXT)
    from pseudo_helpers import mentions_for

    ms = mentions_for(TEXT, SPANS)
    parent.assign(worker.collect(d, ms))  # collect in the worker, assign in the parent
    state, pos = parent.export_state()
    worker.load_state(state)
    assert [worker.surrogate(d, m.entity_type, m.text) for m in ms] == \
        [parent.surrogate(d, m.entity_type, m.text) for m in ms]
    assert parent.export_state(pos)[0] == []


def test_resolution_worker_without_assignment_fails_closed(make_pseudo):
    import pytest

    from deid.errors import DocumentError

    worker = make_pseudo(style="realistic")
    worker.load_state([])
    with pytest.raises(DocumentError):
        worker.surrogate(doc("Dana"), "PERSON", "Dana")
