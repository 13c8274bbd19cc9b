"""Case-level name memory (deid/case_names.py): fictional texts, mentions built by hand."""

from __future__ import annotations

import pytest

from deid.case_names import propagate_case, propagate_cases
from deid.model import Mention


def _m(text: str, word: str, rec: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), "PERSON", 0.8, rec, word)


def _found(text: str, ms: list[Mention]) -> list[str]:
    return sorted(text[m.start:m.end] for m in ms if m.recognizer == "CaseNamePropagation")


BLOCKED = frozenset({"will", "hope", "faith", "summer", "the", "i"})


def test_name_from_a_sibling_document_is_marked():
    letter = "Referral for Tamsin Okoro-Vance, seen in clinic."
    note = "Tamsin reports better sleep. Okoro-Vance family visited."
    out = propagate_case([letter, note], [[_m(letter, "Tamsin Okoro-Vance", "FilteredSpacyRecognizer")], []])
    assert _found(note, out[1]) == ["Okoro-Vance", "Tamsin"]


def test_documents_of_another_case_are_untouched():
    a, b = "Seen with Tamsin Okoro-Vance.", "Tamsin came alone."
    out = propagate_cases(["c1", "c2"], [a, b], [[_m(a, "Tamsin Okoro-Vance", "RelationRecognizer")], []])
    assert out[1] == []


@pytest.mark.parametrize("text, expected", [
    ("Her sister said Faith has been a rock.", ["Faith"]),
    ("We talked about how Faith, and only Faith, helped.", ["Faith", "Faith"]),
    ("Faith is hard to keep some days.", []),                 # sentence start: the word
    ("Faith, what do you think?", ["Faith"]),                 # vocative
    ("She keeps her faith quietly.", []),                      # lower case in edited text
])
def test_look_alike_confirmed_by_a_relation_spreads_capitalised_mid_sentence(text, expected):
    intake = "Lives near her sister Faith in the city."
    out = propagate_case([intake, text], [[_m(intake, "Faith", "RelationRecognizer")], []], blocked=BLOCKED)
    assert _found(text, out[1]) == expected


def test_look_alike_found_only_by_ner_does_not_spread():
    intake = "Read the report on Summer in the archive."
    note = "Discussed plans with Summer next week."
    out = propagate_case([intake, note], [[_m(intake, "Summer", "FilteredSpacyRecognizer")], []], blocked=BLOCKED)
    assert _found(note, out[1]) == []


def test_look_alike_before_a_surname_is_confirmed():
    note = "Client to call Hope Delacroix-Ng when anxious."
    talk = "She told me Hope is the one who found her."
    out = propagate_case([note, talk], [[_m(note, "Hope Delacroix-Ng", "FilteredSpacyRecognizer")], []],
                         blocked=BLOCKED)
    assert _found(talk, out[1]) == ["Hope"]


@pytest.mark.parametrize("stt, expected", [
    ("so i went to the beach with hope and i told hope like no", ["hope", "hope"]),
    ("i hope it gets better i really do i hope so", []),
    ("we lost hope and i gave up hope last year i think", []),
])
def test_lower_case_speech_to_text_takes_look_alikes_without_a_word_use_cue(stt, expected):
    letter = "Her best friend Hope came to the session."
    out = propagate_case([letter, stt], [[_m(letter, "Hope", "RelationRecognizer")], []], blocked=BLOCKED)
    assert _found(stt, out[1]) == expected


def test_modal_will_never_spreads_to_lower_case():
    letter = "Her husband Will drove her."
    stt = "i will try and will said i will"
    out = propagate_case([letter, stt], [[_m(letter, "Will", "RelationRecognizer")], []], blocked=BLOCKED)
    assert _found(stt, out[1]) == []


def test_upper_case_speaker_label_confirms_the_title_case_name():
    transcript = "WILL: Fine.\nHOPE: Sure."
    note = "Session with Will and Hope today."
    ms = [_m(transcript, "WILL", "SpeakerLabelRecognizer"), _m(transcript, "HOPE", "SpeakerLabelRecognizer")]
    out = propagate_case([transcript, note], [ms, []], blocked=BLOCKED)
    assert _found(note, out[1]) == ["Hope", "Will"]


def test_place_found_in_one_document_is_marked_in_lower_case_speech_to_text():
    letter = "She lives in Wexbury Heights with her mother."
    stt = "she drove down from wexbury heights at like six"
    loc = Mention(13, 28, "LOCATION", 0.85, "FilteredSpacyRecognizer", "Wexbury Heights")
    out = propagate_case([letter, stt], [[loc], []])
    assert [(stt[m.start:m.end], m.entity_type) for m in out[1]] == [("wexbury heights", "LOCATION")]


def test_ordinary_word_organisation_does_not_spread():
    letter = "Her salary goes to Equity every month."
    note = "She has no equity in the house."
    org = Mention(19, 25, "ORGANIZATION", 0.85, "FilteredSpacyRecognizer", "Equity")
    assert propagate_case([letter, note], [[org], []])[1] == []


def test_pastor_title_of_an_anchored_name_is_not_spread():
    note = "Pastor Obiora visited twice."
    later = "I said no, Pastor, I am tired."
    ms = [Mention(0, 13, "PERSON", 0.8, "HonorificRecognizer", "Pastor Obiora")]
    out = propagate_case([note, later], [ms, []], titles=frozenset({"pastor"}), not_names=frozenset({"pastor"}))
    assert _found(later, out[1]) == []


def test_address_component_spreads_as_a_location():
    intake = "Address: 12 Kiln Row, Brackenhill, Glasgow"
    story = "We came to Brackenhill in the winter."
    s = intake.index("Brackenhill")
    part = Mention(s, s + 11, "ADDRESS", 0.7, "AddressRecognizer", "Brackenhill")
    out = propagate_case([intake, story], [[part], []])
    assert [(story[m.start:m.end], m.entity_type) for m in out[1]] == [("Brackenhill", "LOCATION")]


def test_longer_case_name_replaces_the_part_found_here():
    intake = "Clients: Tamsin Okoro-Vance and her partner."
    note = "Couples session 2 — Okoro-Vance — in person."
    part = _m(note, "Vance", "NameLexiconRecognizer")
    out = propagate_case([intake, note], [[_m(intake, "Tamsin Okoro-Vance", "FilteredSpacyRecognizer")], [part]])
    assert [note[m.start:m.end] for m in out[1]] == ["Okoro-Vance"]


def test_case_name_does_not_swallow_another_type():
    intake = "Clients: Tamsin Okoro-Vance and her partner."
    note = "Okoro-Vance Street is where she lives."
    street = Mention(0, len("Okoro-Vance Street"), "LOCATION", 0.8, "AddressRecognizer", "Okoro-Vance Street")
    out = propagate_case([intake, note], [[_m(intake, "Tamsin Okoro-Vance", "FilteredSpacyRecognizer")], [street]])
    assert [m.entity_type for m in out[1]] == ["LOCATION"]
