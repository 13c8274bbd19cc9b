"""The tag style writes the client of a case as [CLIENT] and everyone else as [PERSON_n]."""

from __future__ import annotations

from deid.model import Mention
from deid.pseudo.client import client_votes

from pseudo_helpers import SECRET, doc, run_three_phases

TRANSCRIPT = ("THERAPIST: Welcome back, Odalys. How was the week?\n"
              "Odalys Brennick: Rough. My brother Teodor called about Mum.\n"
              "THERAPIST: What did Teodor say?\n"
              "Odalys Brennick: That Odalys's choices are hers.\n")
T_SPANS = [("Odalys", "PERSON"), ("Odalys Brennick", "PERSON"), ("Teodor", "PERSON"), ("Teodor", "PERSON"),
           ("Odalys Brennick", "PERSON"), ("Odalys's", "PERSON")]


def test_named_speaker_opposite_the_therapist_label_is_the_client(make_pseudo):
    out = run_three_phases(make_pseudo(style="tag"), [(doc(TRANSCRIPT), T_SPANS)])[0]
    assert out == ["[CLIENT]", "[CLIENT]", "[PERSON_1]", "[PERSON_1]", "[CLIENT]", "[CLIENT]'s"]


def test_client_field_in_a_note_marks_the_client_across_the_case(make_pseudo):
    note = "**Client:** Marek Voss (DOB on file)\n**Clinician:** Dr. Ilse Armitage\n\nMarek reports better sleep."
    letter = "Re: Marek Voss\n\nDear colleague, Ilse Armitage saw him."
    out = run_three_phases(make_pseudo(style="tag"), [
        (doc(note, "c1", "n"), [("Marek Voss", "PERSON"), ("Dr. Ilse Armitage", "PERSON"), ("Marek", "PERSON")]),
        (doc(letter, "c1", "l"), [("Marek Voss", "PERSON"), ("Ilse Armitage", "PERSON")])])
    assert out[0] == ["[CLIENT]", "[PERSON_1]", "[CLIENT]"]
    assert out[1] == ["[CLIENT]", "[PERSON_1]"]


def test_each_case_has_its_own_client(make_pseudo):
    out = run_three_phases(make_pseudo(style="tag"), [
        (doc("Client: Marek Voss. Friend: Ilse Armitage.", "c1", "a"), [("Marek Voss", "PERSON"),
                                                                         ("Ilse Armitage", "PERSON")]),
        (doc("Client: Ilse Armitage. Friend: Marek Voss.", "c2", "b"), [("Ilse Armitage", "PERSON"),
                                                                         ("Marek Voss", "PERSON")])])
    assert out[0][0] == "[CLIENT]" and out[1][0] == "[CLIENT]"
    assert out[0][1].startswith("[PERSON_") and out[1][1].startswith("[PERSON_")


def test_roster_first_entry_is_the_client_even_without_cues(make_pseudo):
    from deid.config import load_profile
    from deid.pseudo import Pseudonymizer

    prof = load_profile("default", pseudonyms={"style": "tag"},
                        detection={"roster": {"terms": ["Ilse Armitage", "Marek Voss"]}})
    p = Pseudonymizer.from_profile(prof, SECRET)
    try:
        out = run_three_phases(p, [(doc("Client: Marek Voss met Ilse Armitage. Ilse left."),
                                    [("Marek Voss", "PERSON"), ("Ilse Armitage", "PERSON"), ("Ilse", "PERSON")])])[0]
    finally:
        p.close()
    assert out == ["[PERSON_1]", "[CLIENT]", "[CLIENT]"]


def test_case_without_client_cues_numbers_everyone(make_pseudo):
    text = "Marek Voss met Ilse Armitage. Marek thanked Ilse."
    spans = [("Marek Voss", "PERSON"), ("Ilse Armitage", "PERSON"), ("Marek", "PERSON"), ("Ilse", "PERSON")]
    out = run_three_phases(make_pseudo(style="tag"), [(doc(text), spans)])[0]
    assert out == ["[PERSON_1]", "[PERSON_2]", "[PERSON_1]", "[PERSON_2]"]


def test_tag_numbering_is_identical_across_runs(make_pseudo):
    a = run_three_phases(make_pseudo(style="tag"), [(doc(TRANSCRIPT), T_SPANS)])
    b = run_three_phases(make_pseudo(style="tag"), [(doc(TRANSCRIPT), T_SPANS)])
    assert a == b


def _m(text: str, surface: str) -> Mention:
    i = text.index(surface)
    return Mention(i, i + len(surface), "PERSON", 0.9, "t", surface)


def test_relative_of_the_client_gets_no_client_vote():
    text = "The client's mother, Vesna, attended. Patient: Marek Voss."
    votes = client_votes(text, [_m(text, "Vesna"), _m(text, "Marek Voss")])
    assert votes == [(1, 3)]


def test_named_speakers_get_no_vote_when_the_client_has_a_role_label():
    text = "CLIENT: I slept badly.\nIlse Armitage: Tell me more.\n"
    assert client_votes(text, [_m(text, "Ilse Armitage")]) == []
