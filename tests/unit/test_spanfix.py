"""Span boundary normalisation: NER spans keyed on the name words only (fictional names)."""

from __future__ import annotations

import pytest

from deid.model import Mention
from deid.spanfix import lead_words, split_addresses, trim_spans
from recognizers.name_context import cues_for

NER = "FilteredSpacyRecognizer"


@pytest.fixture(scope="module")
def words():
    cues = cues_for(None)
    return lead_words(cues), cues.honorifics | cues.strong_honorifics


def _ner(text: str, surface: str, entity: str = "PERSON", recognizer: str = NER) -> Mention:
    s = text.index(surface)
    return Mention(s, s + len(surface), entity, 0.85, recognizer, surface)


def _trim(text: str, m: Mention, words) -> list[str]:
    return [x.text for x in trim_spans(text, [m], *words)]


def test_relation_noun_before_name_is_trimmed(words):
    text = "Intake done. Wife Marisol reports poor sleep."
    assert _trim(text, _ner(text, "Wife Marisol"), words) == ["Marisol"]


def test_greeting_before_title_is_trimmed_title_kept(words):
    text = "Dear Dr Okonkwo-Baptiste,\nThank you."
    assert _trim(text, _ner(text, "Dear Dr Okonkwo-Baptiste"), words) == ["Dr Okonkwo-Baptiste"]


def test_sentence_initial_ordinary_word_is_trimmed(words):
    text = "Can we try? Suppose Tavish, years from now, calls."
    assert _trim(text, _ner(text, "Suppose Tavish"), words) == ["Tavish"]


def test_lower_case_words_inside_a_name_span_split_it(words):
    text = 'She quoted "Varganova ne plachet nikogda" at me.'
    assert _trim(text, _ner(text, "Varganova ne plachet nikogda"), words) == ["Varganova"]


def test_lower_case_words_split_but_both_capitalised_parts_stay_detected(words):
    text = "ANN: Salve ora Quillon. Can you hear me?"
    assert _trim(text, _ner(text, "Salve ora Quillon"), words) == ["Salve", "Quillon"]


def test_span_across_a_bracket_becomes_two_mentions(words):
    text = "[00:00:23] [Tobiah] Hmm. Some days okay."
    assert _trim(text, _ner(text, "Tobiah] Hmm", "ORGANIZATION"), words) == ["Tobiah", "Hmm"]


def test_place_keeps_inner_lower_case_words_drops_trailing_ones(words):
    text = "We drove the Bank of Quellport eastbound."
    got = _trim(text, _ner(text, "Bank of Quellport eastbound", "LOCATION"), words)
    assert got == ["Bank of Quellport"]


def test_name_particles_are_kept(words):
    text = "Then Pieter van der Zwaluw arrived."
    assert _trim(text, _ner(text, "Pieter van der Zwaluw"), words) == ["Pieter van der Zwaluw"]


def test_initial_before_surname_is_not_a_role_word(words):
    text = "Speakers: T = therapist (C. Vandermolen), P = client"
    assert _trim(text, _ner(text, "C. Vandermolen"), words) == ["C. Vandermolen"]


def test_lexicon_name_at_sentence_start_is_kept(words):
    text = "Will Harrowgate phoned."
    assert _trim(text, _ner(text, "Will Harrowgate"), words) == ["Will Harrowgate"]


def test_rule_based_mentions_are_left_alone(words):
    text = "Wife Marisol reports poor sleep."
    m = _ner(text, "Wife Marisol", recognizer="RelationNameRecognizer")
    assert trim_spans(text, [m], *words) == [m]


def test_all_lower_case_speech_to_text_span_is_left_alone(words):
    text = "i told marisol quillon about it"
    assert _trim(text, _ner(text, "marisol quillon"), words) == ["marisol quillon"]


def _addr(text: str, surface: str, entity: str = "ADDRESS") -> list[tuple[str, str]]:
    s = text.index(surface)
    m = Mention(s, s + len(surface), entity, 0.7, "AddressRecognizer", surface)
    return [(x.text, x.entity_type) for x in split_addresses(text, [m])]


def test_address_is_split_into_components_and_postcode_from_town():
    text = "Address: 14 Quill Mount, Harrowdene, Quellport QP6 3QZ\n"
    assert _addr(text, "14 Quill Mount, Harrowdene, Quellport QP6 3QZ") == [
        ("14 Quill Mount", "ADDRESS"), ("Harrowdene", "ADDRESS"), ("Quellport", "ADDRESS"), ("QP6 3QZ", "ADDRESS")]


def test_address_keeps_a_state_code_with_its_zip():
    text = "Address: 2417 Vantor Ave S, Apt 3, Quellport, MN 55404"
    got = [t for t, _ in _addr(text, "2417 Vantor Ave S, Apt 3, Quellport, MN 55404")]
    assert got == ["2417 Vantor Ave S", "Apt 3", "Quellport", "MN 55404"]


def test_address_typed_person_keeps_person_name_parts_and_makes_numbered_parts_places():
    text = "Lives at 31 Rue Quillon, Vantorville 7520 now."
    got = _addr(text, "31 Rue Quillon, Vantorville 7520", "PERSON")
    assert got == [("31 Rue Quillon", "LOCATION"), ("Vantorville", "PERSON"), ("7520", "LOCATION")]


def test_person_with_an_age_is_not_split_as_an_address():
    text = "Marisol Quillon, 34, attended."
    assert _addr(text, "Marisol Quillon, 34", "PERSON") == [("Marisol Quillon, 34", "PERSON")]


def test_split_addresses_only_drops_separators():
    text = "Flat 2/1, 47 Quill Street, Harrowdene, Quellport G42 8NG"
    s = text.index("Flat")
    m = Mention(s, len(text), "LOCATION", 0.7, "x", text[s:])
    parts = split_addresses(text, [m])
    gaps = "".join(text[a.end:b.start] for a, b in zip(parts, parts[1:]))
    assert set(gaps) <= {",", " "}


def test_organisation_span_is_cut_at_a_spaced_dash(words):
    text = "Letterhead: Vantor Lane Counseling, PLLC - Telehealth\n"
    got = _trim(text, _ner(text, "Vantor Lane Counseling, PLLC - Telehealth", "ORGANIZATION"), words)
    assert got == ["Vantor Lane Counseling, PLLC", "Telehealth"]


@pytest.mark.parametrize("text,surface,etype,expected", [
    ("reported in the Quellport Mercury today", "the Quellport Mercury", "ORGANIZATION", "Quellport Mercury"),
    ("we walked to the Tarn Estuary", "the Tarn Estuary", "LOCATION", "Tarn Estuary"),
    ("She sings with The Quill Sisters", "The Quill Sisters", "ORGANIZATION", "The Quill Sisters"),  # capital kept
    ("a gift from the Quills", "the Quills", "PERSON", "the Quills"),                 # only places and orgs
])
def test_drop_leading_article_when_lower_case_the_leads_a_place_or_org_then_cut(text, surface, etype, expected):
    from deid.spanfix import drop_leading_article

    m = _ner(text, surface, etype)
    assert [x.text for x in drop_leading_article(text, [m])] == [expected]


@pytest.mark.parametrize("text,surface,expected", [
    ("45 Nicholson St, Quellbrook VIC 3011", "Quellbrook VIC", ["Quellbrook"]),
    ("Next: referral to Tamsin Orrey CBT group.", "Tamsin Orrey CBT", ["Tamsin Orrey"]),
    ("Given name: Marisol LOPEZ", "Marisol LOPEZ", ["Marisol LOPEZ"]),   # capitals: the surname
    ("I met Kim NG at lunch.", "Kim NG", ["Kim NG"]),                     # a surname in capitals
])
def test_trailing_abbreviation_in_capitals_is_trimmed_unless_a_surname(words, text, surface, expected):
    assert _trim(text, _ner(text, surface), words) == expected
