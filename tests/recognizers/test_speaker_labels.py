"""Speaker-label recognizer: names as labels are found, role labels and form fields are not."""

from __future__ import annotations

import pytest

from recognizers.name_context import load_cues
from recognizers.speaker_recognizer import SpeakerLabelRecognizer


@pytest.fixture(scope="module")
def rec():
    return SpeakerLabelRecognizer(load_cues())


def _found(rec, text):
    return sorted(text[r.start:r.end] for r in rec.analyze(text, ["PERSON"]))


@pytest.mark.parametrize("text,expected", [
    ("ORLA: I came.\nTHERAPIST: Good.\nORLA: Yes.\n", ["ORLA", "ORLA"]),
    ("DR. QUILLAN: Kind of?\nBEX: Yeah.\nBEX: Sure.\n", ["BEX", "BEX", "QUILLAN"]),
    ("Dr. V: Hello.\nZ: Hi.\nDr. V: Sit.\nZ: Okay.\n", ["V", "V", "Z", "Z"]),
    ("[00:00:04] [Marisol] Come in.\n[00:00:09] [laughs] Okay.\n", ["Marisol"]),
    ("00:00:01.200 --> 00:00:05.800\n<v Tobiah Venn>Morning.\n", ["Tobiah Venn"]),
    ("2\n00:00:07,000 --> 00:00:11,200\nIsla K: yeah hang on.\n", ["Isla K"]),
    ("- QX: consult advisor\n- GP: letter\n", ["QX"]),
])
def test_speaker_labels_when_name_label_then_found(rec, text, expected):
    assert _found(rec, text) == expected


@pytest.mark.parametrize("text", [
    "THERAPIST: Hi.\nCLIENT: Hi.\nTHERAPIST: So.\n",
    "T: Hello.\nC: Hello.\nP1: Me too.\nSpeaker 2: And me.\n",
    "<v Interviewer>Welcome.\n<v Participant 3>Thanks.\n",
    "Date: Tue 23/04/24\nSubject: Referral\nPlan: continue\n",
    "[00:01:00] [inaudible] then\n[00:01:05] [both laugh]\n",
    "I said: no.\n",
    "S: Client attended.\nO: Alert.\nA: Improving.\nP: Continue.\n",
    "WEBVTT\nKind: captions\n\n00:00:01.000 --> 00:00:02.000\nHi\n",
    "[00:10:00] [END OF SESSION]\n",
])
def test_speaker_labels_when_role_or_field_then_nothing(rec, text):
    assert _found(rec, text) == []


def test_speaker_labels_when_allow_listed_word_is_label_then_engine_keeps_it(analyzer):
    text = "[00:00:04] [Grace] Come in.\n[00:00:08] [Tomasz] Thanks.\n[00:00:12] [Grace] Sit down.\n"
    found = {text[m.start:m.end] for m in analyzer.analyze(text) if m.entity_type == "PERSON"}
    assert "Grace" in found
