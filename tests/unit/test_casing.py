"""Cased text: lower-case NER spans and greetings are not names; lower-case transcripts untouched (fictional)."""

from __future__ import annotations

import pytest

from deid.casing import drop_uncased, is_cased, load_greetings
from deid.model import Mention
from recognizers.name_data import load_lexicon

NER = "FilteredSpacyRecognizer"
CASED = "Session notes for the week. The client came in on time. She was calm. "


def _run(text: str, surface: str, etype: str = "ORGANIZATION", rec: str = NER) -> list[str]:
    s = text.index(surface)
    m = Mention(s, s + len(surface), etype, 0.85, rec, surface)
    return [x.text for x in drop_uncased(text, [m], load_lexicon(), load_greetings())]


@pytest.mark.parametrize("text", [CASED, "Dear Tobin,\nThank you for the referral."])
def test_is_cased_when_text_uses_capitals_then_true(text):
    assert is_cased(text)


def test_is_cased_when_lower_case_transcript_then_false():
    assert not is_cased("spk_0: so how was the week\nspk_1: i went to kelso with tobin and it was ok")


@pytest.mark.parametrize("surface,etype,line", [
    ("menos", "ORGANIZATION", "JOSE: Más o menos, doctora. I wrote it."),
    ("que en paz descanse", "ORGANIZATION", "She looks like my mother, que en paz descanse."),
    ("iftar", "ORGANIZATION", "She asked that sessions not be at iftar."),
])
def test_drop_uncased_when_lower_case_ner_span_in_cased_text_then_dropped(surface, etype, line):
    assert _run(CASED + line, surface, etype) == []


@pytest.mark.parametrize("surface,expected,line", [
    ("Salaam", [], "Dr Varrow: Salaam, Yasmin. Come in."),
    ("Habari Tendai", ["Tendai"], "Th: Habari Tendai. Can you hear me?"),
    ("Buenas", [], "DR. QUILL: Buenas tardes, Ana."),
])
def test_drop_uncased_when_greeting_leads_a_ner_span_then_it_is_cut(surface, expected, line):
    assert _run(CASED + line, surface, "PERSON") == expected


@pytest.mark.parametrize("text,surface,etype,rec", [
    ("spk_0: so i drove to kelso heights\nspk_1: ok", "kelso heights", "LOCATION", NER),  # transcript
    (CASED + "> hey tobin can we move it", "tobin", "PERSON", NER),           # a known name
    (CASED + "she saw marta at the shop. Then home.", "marta", "PERSON", NER),
    (CASED + "i told dana", "dana", "PERSON", "NameLexiconRecognizer"),     # not NER
    (CASED + "We met Tobin Quill there.", "Tobin Quill", "PERSON", NER),      # capitalised
    (CASED + "Ana: can we meet at the PA office not montreal lake", "montreal lake", "LOCATION", NER),  # a town
])
def test_drop_uncased_when_name_lexicon_transcript_or_rule_based_then_kept(text, surface, etype, rec):
    assert _run(text, surface, etype, rec) == [surface]
