"""Keep words through the whole analyzer with the shipped lists (theorists, drugs, famous names)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _covered(analyzer, text: str, word: str) -> bool:
    i = text.index(word)
    return any(m.start < i + len(word) and m.end > i for m in analyzer.analyze(text))


@pytest.mark.parametrize("text,word", [
    ("Reading suggested: Worden's tasks of mourning, and the continuing bonds literature.", "Worden"),
    ("Discussed Herman's idea of reconnection as a stage of recovery.", "Herman"),
    ("Medication: prazosin 2 mg nocte, tapered off in spring.", "prazosin"),
    ("She takes lamotrigine and sometimes hydroxyzine at night.", "hydroxyzine"),
    ("And Kayla posted a Taylor Swift video yesterday.", "Swift"),
    ("Supervisor recommended rereading Shapiro (2018) on cognitive interweaves.", "Shapiro"),
    ("Recommended Worden's four tasks of mourning.", "Worden"),
    ("Seligman's learned helplessness seemed to fit his story.", "Seligman"),
    ("Mark my words, he will not change.", "Mark"),
])
def test_keepwords_analyzer_keeps_theorists_drugs_and_famous_names(analyzer, text, word):
    assert not _covered(analyzer, text, word)


@pytest.mark.parametrize("text,word", [
    ("my friend Beck said the job was awful.", "Beck"),
    ("Mr. Rogers said to me that I was late again.", "Rogers"),
    ("And Kayla posted a Taylor Swift video yesterday.", "Kayla"),
    ("Her husband Herman's idea was to sell the house.", "Herman"),
    ("Herman's idea was to sell the house and move.", "Herman"),
])
def test_keepwords_analyzer_still_finds_people_with_person_cues(analyzer, text, word):
    assert _covered(analyzer, text, word)
