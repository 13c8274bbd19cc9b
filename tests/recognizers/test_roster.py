"""Client roster: every variant of every roster name is removed, and the roster beats the allow-list."""

from __future__ import annotations

import pytest

from deid.config import ListSource
from recognizers.roster import RosterRecognizer, initials_patterns, load_roster, read_roster_file


def _roster(*terms: str, files: tuple[str, ...] = ()) -> RosterRecognizer:
    return RosterRecognizer(load_roster(ListSource(terms=list(terms), files=list(files))))


def _found(analyzer, rec: RosterRecognizer, text: str) -> list[str]:
    arts = analyzer.engine.nlp_engine.process_text(text, "en")
    return [text[r.start:r.end] for r in rec.analyze(text, ["PERSON"], arts)]


def test_roster_reads_csv_name_column_and_ignores_roles(tmp_path):
    f = tmp_path / "roster.csv"
    f.write_text("name,relation,nickname\nDana Whitfield,client,Dee\nOrrin Kettleby,brother,\n")
    assert read_roster_file(f) == [["Dana Whitfield", "Dee"], ["Orrin Kettleby"]]


def test_roster_reads_first_last_columns_as_one_name(tmp_path):
    f = tmp_path / "roster.csv"
    f.write_text("first name,last name,role\nDana,Whitfield,client\n")
    assert read_roster_file(f)[0][0] == "Dana Whitfield"


def test_roster_reads_text_one_person_per_line(tmp_path):
    f = tmp_path / "roster.txt"
    f.write_text("# people in this case\nDana Whitfield\n\nOrrin Kettleby  # brother\n")
    assert read_roster_file(f) == [["Dana Whitfield"], ["Orrin Kettleby"]]


def test_roster_initials_patterns_cover_dotted_and_plain():
    import re

    pats = [re.compile(p) for p in initials_patterns(("Dana", "Whitfield"))]
    for s in ("D.W.", "D. W.", "DW", "D. Whitfield"):
        assert any(p.fullmatch(s) for p in pats), s


@pytest.mark.slow
@pytest.mark.parametrize("text,variant", [
    ("Dana Whitfield came in on time.", "Dana Whitfield"),
    ("i told dana about it", "dana"),
    ("WHITFIELD, DANA", "WHITFIELD"),
    ("Dana's mother called.", "Dana"),
    ("Ms. Whitfield was late.", "Whitfield"),
    ("D.W. reports better sleep.", "D.W."),
    ("DW reports better sleep.", "DW"),
    ("Seen with D. Whitfield today.", "D. Whitfield"),
    ("She spelled it Whitfeild on the form.", "Whitfeild"),
    ("Mrs Whitfied signed it.", "Whitfied"),
    ("Bill was angry again.", "Bill"),
    ("we met with billy and his dad", "billy"),
    ("Orrin said no.", "Orrin"),
])
def test_roster_removes_every_variant(analyzer, text, variant):
    rec = _roster("Dana Whitfield", "William Okonkwo", "Orrin")
    assert variant in _found(analyzer, rec, text)


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("He hates the waiting room.", "hates"),   # one edit from a roster name but an ordinary word
    ("The bell rang twice.", "bell"),          # derived nickname that is a common word, lower-case
    ("I will call you.", "will"),
])
def test_roster_leaves_ordinary_words(analyzer, text, word):
    rec = _roster("Jordan Hayes", "William Okonkwo")
    assert word not in _found(analyzer, rec, text)


@pytest.fixture(scope="module")
def roster_analyzer(analyzer):
    """The session's loaded model with a roster naming Hope and May, and both allow-listed."""
    from presidio_analyzer import AnalyzerEngine

    from deid.analyze import Analyzer, build_registry

    profile = analyzer.profile.with_overrides(detection={
        "roster": {"terms": ["Hope Adeyemi-Strand", "May"]},
        "allow_list": {"terms": ["Hope", "May", "Gottman"], "files": []}})
    nlp_engine = analyzer.engine.nlp_engine
    engine = AnalyzerEngine(registry=build_registry(profile, nlp_engine), nlp_engine=nlp_engine,
                            supported_languages=["en"])
    return Analyzer(profile=profile, engine=engine, allow=frozenset({"hope", "may", "gottman"}),
                    ignored=analyzer.ignored)


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Hope came in early today.", "Hope"),
    ("I talked to May about it.", "May"),
    ("then i told may everything", "may"),
])
def test_roster_beats_allow_list(roster_analyzer, text, name):
    assert any(name in m.text and m.recognizer.startswith("Roster") for m in roster_analyzer.analyze(text))


@pytest.mark.slow
def test_roster_allow_list_still_applies_to_others(roster_analyzer):
    assert not any("Gottman" in m.text for m in roster_analyzer.analyze("We tried the Gottman method."))


@pytest.mark.slow
def test_roster_common_word_used_as_verb_survives(roster_analyzer):
    assert not any(m.text == "may" for m in roster_analyzer.analyze("i may go later"))


def test_roster_empty_profile_builds_no_recognizer(profile):
    from recognizers.roster import create

    assert create(profile) == []


def test_roster_unreadable_file_is_a_config_error_without_content(tmp_path):
    from deid.errors import ConfigError

    f = tmp_path / "roster.txt"
    f.write_bytes(b"Dana Whitfield\n\xff\xfe\xfa broken")
    with pytest.raises(ConfigError) as info:
        read_roster_file(f)
    assert "Dana" not in str(info.value)
