"""SignoffInitialsRecognizer (recognizers/patterns/signoff.yaml): initials after a dash at a line end."""

import pytest

from recognizers.yaml_patterns import create


@pytest.fixture(scope="module")
def rec(profile):
    return next(r for r in create(profile) if r.name == "SignoffInitialsRecognizer")


def found(rec, text):
    return [text[r.start:r.end] for r in rec.analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text,expected", [
    ("can we move it? no pressure. - TK\n", ["TK"]),
    ("Next session: 6 pm. - R.V.", ["R.V."]),
    ("Thanks for everything\n-- JBM", ["JBM"]),
    ("Plan agreed. — S. O.", ["S. O."]),
])
def test_signoff_initials_found(rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize("text", [
    "Plan:\n- GP\n- OK\n- CBT\n",
    "Referred by the GP - NHS",
    "Call me - TK will be there",     # not at the end of the line
    "Score - 12",
    "- Tk",
])
def test_signoff_initials_not_found(rec, text):
    assert found(rec, text) == []
