"""Ordinary-word PERSON mentions (fillers, contractions, stutters) are dropped; names are kept."""

from __future__ import annotations

import pytest

from deid.model import Mention
from deid.namefilter import drop_ordinary_names, is_ordinary


@pytest.mark.parametrize("text", ["Mm-hmm", "You're", "I-I", "Absolutely", "Know-", "So-so",
                                  "She'll-she'll", "It's", "I’m", "Something", "Who-who-who"])
def test_namefilter_ordinary_words_are_not_names(text: str) -> None:
    assert is_ordinary(text)


@pytest.mark.parametrize("text", ["Sarah", "Priya", "O'Neill", "Kofi Mensah", "Grace", "Will", "Zyxandra",
                                  "Tamsin's", "Baker"])
def test_namefilter_names_and_unknown_words_are_kept(text: str) -> None:
    assert not is_ordinary(text)


def test_namefilter_roster_and_exempt_mentions_survive_even_when_ordinary() -> None:
    ms = [Mention(0, 6, "PERSON", 0.6, "NameCueRecognizer", "Mm-hmm"),
          Mention(7, 13, "PERSON", 1.0, "RosterRecognizer", "Always"),
          Mention(14, 20, "PERSON", 0.9, "SpeakerLabelRecognizer", "Sunday"),
          Mention(21, 27, "DATE_TIME", 0.9, "X", "Monday")]
    kept = drop_ordinary_names(ms, frozenset({"SpeakerLabelRecognizer"}))
    assert [m.text for m in kept] == ["Always", "Sunday", "Monday"]


def test_namefilter_transcript_fillers_are_not_redacted(analyzer) -> None:
    text = ("THERAPIST: Mm-hmm. You're saying it's been hard.\nCLIENT: I-I don't know. Absolutely, "
            "Tamsin said so.\nTHERAPIST: Mm-hmm.\n")
    persons = [m.text for m in analyzer.analyze(text) if m.entity_type == "PERSON"]
    assert "Tamsin" in persons
    assert not any(is_ordinary(p) for p in persons)
