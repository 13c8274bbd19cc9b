"""Regression: tag-style pseudonyms for a title before a hyphenated surname.

"Dr Smith-Jones" parses as two surname parts and no given name. Phase 3 keys such a mention by
its first part, but phase 1 marked a part as a stand-alone name only when the mention had one
part, so no tag was numbered for it and the document failed with E004.
"""

from __future__ import annotations

import pytest

from pseudo_helpers import doc, run_three_phases


@pytest.mark.parametrize("text, spans", [
    ("Dear Dr Quillon-Barr,\nThank you.", [("Dr Quillon-Barr", "PERSON")]),
    ("Mr Tavane-Osk called.", [("Mr Tavane-Osk", "PERSON")]),
    ("Quillon-Barr phoned.", [("Quillon-Barr", "PERSON")]),
    ("MS VARNE-OTT: hello", [("MS VARNE-OTT", "PERSON")]),
])
def test_tag_style_title_and_hyphenated_surname_gets_a_tag(make_pseudo, text, spans):
    out = run_three_phases(make_pseudo(style="tag"), [(doc(text), spans)])[0]
    assert len(out) == 1 and out[0].startswith("[") and out[0].endswith("]")


def test_tag_style_hyphenated_surname_keeps_one_tag_per_person(make_pseudo):
    text = "Dr Quillon-Barr wrote. Later Dr Quillon-Barr phoned Mr Tavane-Osk."
    spans = [("Dr Quillon-Barr", "PERSON"), ("Dr Quillon-Barr", "PERSON"), ("Mr Tavane-Osk", "PERSON")]
    a, b, c = run_three_phases(make_pseudo(style="tag"), [(doc(text), spans)])[0]
    assert a == b and a != c


@pytest.mark.parametrize("text, spans", [
    ("Dr Quillon-Barr called.", [("Dr Quillon-Barr", "PERSON")]),
    ("Anna Quillon-Barr called.", [("Anna Quillon-Barr", "PERSON")]),
    ("Dr J. Quillon-Barr called.", [("Dr J. Quillon-Barr", "PERSON")]),
])
def test_realistic_style_hyphenated_surname_still_replaced(make_pseudo, text, spans):
    out = run_three_phases(make_pseudo(), [(doc(text), spans)])[0]
    assert "Quillon" not in out[0] and "Barr" not in out[0]
