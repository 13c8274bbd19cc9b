"""`deid eval` on public sets: each source reported separately, auto-detected folders, over-redaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "evalsets"


@pytest.fixture(autouse=True)
def _reuse_engine(monkeypatch, engine):
    """Every system gets the session engine so the model loads once."""
    import deid.cli as cli

    monkeypatch.setattr(cli, "_eval_engine", lambda profile: engine)


def _eval(*args: str):
    return CliRunner().invoke(main, ["eval", "--data-dir", str(DATA), *args])


def test_cli_eval_reports_each_source_separately():
    res = _eval("--source", "tab_echr_test", "--source", "presidio_synth")
    assert res.exit_code == 0, res.output
    assert "tab_echr_test: 2 documents" in res.output and "presidio_synth: 3 documents" in res.output
    assert res.output.count("overall") == 2


def test_cli_eval_detects_a_set_folder_given_as_gold():
    res = _eval(str(DATA / "asq_phi"), "--json")
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output[res.output.index("{"):])
    assert scores["deid (default)"]["documents"] == 3


def test_cli_eval_limit_samples_documents():
    res = _eval("--source", "presidio_synth", "--limit", "2")
    assert res.exit_code == 0, res.output
    assert "presidio_synth: 2 documents (fixed-seed sample of 3)" in res.output


def test_cli_eval_overredaction_reports_share_of_tokens_removed():
    res = _eval("--overredaction", "annomi", "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.output[res.output.index("{"):])["deid (default)"]
    assert out["tokens"] > 0 and 0.0 <= out["share_removed"] <= 1.0
    assert out["removed"] == sum(out["removed_by_label"].values())


def test_cli_eval_without_anything_to_score_is_a_usage_error():
    res = _eval()
    assert res.exit_code == 2
    assert "nothing to evaluate" in res.output
