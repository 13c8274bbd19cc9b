"""Titles cut off PERSON mentions when detection.detach_titles is on (fictional names)."""

from __future__ import annotations

import pytest

from deid.model import Mention
from deid.titles import detachable_titles, drop_titles
from recognizers.name_context import cues_for
from recognizers.name_data import load_lexicon


@pytest.fixture(scope="module")
def titles():
    return detachable_titles(cues_for(None), load_lexicon().kind)


def _p(text: str, surface: str, etype: str = "PERSON") -> list[str]:
    s = text.index(surface)
    return [s, s + len(surface), etype]


@pytest.mark.parametrize("text,surface,expected", [
    ("Dear Dr. Quillane, thanks.", "Dr. Quillane", "Quillane"),
    ("I saw Mrs Tenby-Oakes today.", "Mrs Tenby-Oakes", "Tenby-Oakes"),
    ("Pastor Mirek Dolan came.", "Pastor Mirek Dolan", "Mirek Dolan"),
    ("DR. VARROW: Hello.", "DR. VARROW", "VARROW"),
    ("with Uncle Tobin at the boats", "Uncle Tobin", "Tobin"),
])
def test_drop_titles_when_title_leads_a_name_then_only_the_name_is_kept(titles, text, surface, expected):
    s, e, t = _p(text, surface)
    out = drop_titles(text, [Mention(s, e, t, 0.85, "test", surface)], titles)
    assert [m.text for m in out] == [expected]


@pytest.mark.parametrize("text,surface,etype", [
    ("Nana Mensah rang.", "Nana Mensah", "PERSON"),     # a title that is also a given name stays
    ("Lola Reyes rang.", "Lola Reyes", "PERSON"),
    ("Ask Dr. about it.", "Dr.", "PERSON"),             # a bare title is left as detected
    ("at Dr Quillane Surgery", "Dr Quillane Surgery", "ORGANIZATION"),  # only PERSON
    ("at St Tobin's Primary", "St Tobin's", "PERSON"),                 # a saint's name is the name
])
def test_drop_titles_when_not_a_detachable_title_then_unchanged(titles, text, surface, etype):
    s, e, t = _p(text, surface, etype)
    m = Mention(s, e, t, 0.85, "test", surface)
    assert drop_titles(text, [m], titles) == [m]


def test_drop_titles_when_no_titles_configured_then_unchanged():
    text = "Dear Dr. Quillane,"
    m = Mention(5, 17, "PERSON", 0.85, "test", "Dr. Quillane")
    assert drop_titles(text, [m], frozenset()) == [m]


@pytest.mark.parametrize("text,surface,expected", [
    ("Assessor: Dr Temi Adeyoola-Hart MBBS MRCPsych, Consultant", "Dr Temi Adeyoola-Hart MBBS MRCPsych",
     "Temi Adeyoola-Hart"),
    ("Clinician: Bethel Wrona, LMHC", "Bethel Wrona, LMHC", "Bethel Wrona"),
    ("Seen by Ola Adeyefa PhD.", "Ola Adeyefa PhD", "Ola Adeyefa"),
    ("WEI MA: I was late.", "WEI MA", "WEI MA"),          # all capitals: MA may be the surname
    ("Dana Ma said so.", "Dana Ma", "Dana Ma"),
])
def test_drop_titles_when_credentials_follow_a_name_then_they_are_cut(titles, text, surface, expected):
    s, e, t = _p(text, surface)
    out = drop_titles(text, [Mention(s, e, t, 0.85, "test", surface)], titles)
    assert [m.text for m in out] == [expected]


def test_drop_titles_cuts_credentials_even_when_titles_stay(titles):
    text = "Clinician: Bethel Wrona, LMHC"
    s, e, t = _p(text, "Bethel Wrona, LMHC")
    out = drop_titles(text, [Mention(s, e, t, 0.85, "test", text[s:e])], frozenset())
    assert [m.text for m in out] == ["Bethel Wrona"]
