"""`deid run --roster FILE`: every variant of every roster name is gone from the output."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from deid.cli import main

VARIANTS = ["Dana Whitfield", "Whitfield", "Whitfeild", "dana", "Dana", "D.W.", "DW", "Dee",
            "Orrin", "Kettleby", "Hope"]


@pytest.fixture
def _reuse_model(monkeypatch, analyzer):
    """Build the real engine from the CLI's profile, but reuse the session's loaded spaCy model."""
    import deid.analyze

    monkeypatch.setattr(deid.analyze, "build_nlp_engine", lambda profile: analyzer.engine.nlp_engine)
    monkeypatch.setenv("DEID_SECRET", "cli-roster-test-secret-0123456789")


@pytest.mark.slow
def test_cli_run_roster_removes_all_variants(tmp_path, _reuse_model):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,relation,nickname\nDana Whitfield,client,Dee\nOrrin Kettleby,brother,\n"
                      "Hope,daughter,\n", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "note.txt").write_text(
        "Session 3. Dana Whitfield arrived late. THERAPIST: how are you, dana?\n"
        "CLIENT: fine. i told orrin and Kettleby's wife about it. Ms. Whitfield's form says "
        "Whitfeild. D.W. signed; DW initialled. Everyone calls her Dee. Hope came too, "
        "and Dana's mum.\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["run", str(src), str(out), "--roster", str(roster), "-q"])
    assert res.exit_code == 0, res.output
    text = (out / "note.txt").read_text(encoding="utf-8")
    for v in VARIANTS:
        assert not re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text, re.IGNORECASE), v
    assert "THERAPIST:" in text and "signed" in text
