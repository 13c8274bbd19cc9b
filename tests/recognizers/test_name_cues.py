"""Name-cue recognizer: naming verbs, greetings, sign-offs, form fields and initials with verbs."""

from __future__ import annotations

import pytest

from recognizers.name_context import load_cues
from recognizers.name_cue_recognizer import NameCueRecognizer


@pytest.fixture(scope="module")
def rec():
    return NameCueRecognizer(load_cues())


def _found(rec, text):
    return sorted(text[r.start:r.end] for r in rec.analyze(text, ["PERSON"]))


@pytest.mark.parametrize("text,expected", [
    ("Hi Ysolde,\nThanks for the note.", ["Ysolde"]),
    ("Dear Mr Quarrie,\n", ["Mr Quarrie"]),
    ("See you then.\n\nKind regards,\n\nFenella Okorie\nPsychologist\n", ["Fenella Okorie"]),
    ("> Best, J-P Tessier\n", ["J-P Tessier"]),
    ("Client: Vantreight, Liesl (Lisi)      File #: 99\n", ["Liesl", "Lisi", "Vantreight"]),
    ("- **Referrer:** Dr Hamish Tull, Brook Medical Practice\n", ["Dr Hamish Tull"]),
    ("a boy named Caspian", ["Caspian"]),
    ("a client I'll call \"Q.\"", ["Q"]),
    ("QZ to send the recording.", ["QZ"]),
    ("Auto-captions checked by WT.", ["WT"]),
    ("Two adult children: Rewi (24), a builder", ["Rewi"]),
    ("Son. L. (15) saw the footage", ["L"]),
    ("Ate lunch with B. Tarrant once", ["B. Tarrant"]),
    ("M-A. Quesnel, C.Psych. #7721", ["M-A. Quesnel"]),
    ("The tablets help. Varma sir increased it.", ["Varma sir"]),
    ("Case: Q.W., 44, PTSD after a crash.", ["Q.W."]),
    ("- T.V.-R. — present; asked not to be named.", ["T.V.-R."]),
])
def test_name_cues_when_cue_then_name_found(rec, text, expected):
    assert _found(rec, text) == expected


@pytest.mark.parametrize("text", [
    "Date: Tue 23/04/24\nPlan: continue CBT",
    "GP to review. ER said no.",
    "Hi,\nThanks.\n",
    "We agreed on Plan B. Then we left.",
    "THERAPIST: Hi there. How was the drive?\nCLIENT: Fine. It was long.\n",
    "She moved to the U.S. in 2019; D.O.B. on file; the U.K. office.",
    "We did S.O.A.P. notes; she goes to A.A. and N.A. meetings, e.g. on Fridays.",
])
def test_name_cues_when_no_name_then_nothing(rec, text):
    assert _found(rec, text) == []


@pytest.mark.parametrize("text,word", [
    ("Hope is good, let's keep it.", "Hope"),
    ("She was given Xanax in the ED.", "Xanax"),
    ("We used Shapiro's standard protocol for EMDR.", "Shapiro"),
    ("Beck Anxiety Inventory: 31 (severe).", "Beck"),
    ("See Worden (2009) on the tasks of mourning.", "Worden"),
    ("He wants to play like Mohamed Salah one day.", "Salah"),
])
def test_name_cues_when_allow_listed_or_eponym_then_engine_drops_it(analyzer, text, word):
    found = " ".join(text[m.start:m.end] for m in analyzer.analyze(text) if m.entity_type == "PERSON")
    assert word not in found


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("Her mother's Vietnamese is better than her English.", "Vietnamese"),
    ("His Somali gets rusty when he works away.", "Somali"),
])
def test_name_cues_when_a_nationality_or_language_precedes_a_verb_then_no_name(analyzer, text, word):
    assert not any(word in m.text and m.entity_type == "PERSON" for m in analyzer.analyze(text))
