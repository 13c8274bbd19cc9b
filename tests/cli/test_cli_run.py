"""`deid run`: writes every file, fails closed on bad input, never modifies inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data"


@pytest.fixture(autouse=True)
def _secret(monkeypatch):
    monkeypatch.setenv("DEID_SECRET", "cli-test-secret-0123456789")


@pytest.fixture(scope="module")
def shared_engine():
    from deid.config import load_profile
    from deid.engine import Engine

    return Engine.build(load_profile("default"), b"cli-test-secret-0123456789")


@pytest.fixture(autouse=True)
def _reuse_engine(monkeypatch, shared_engine):
    """Reuse one loaded engine so CLI tests stay fast."""
    import deid.cli as cli

    monkeypatch.setattr(cli, "_build_engine", lambda *a, **k: shared_engine)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_cli_run_sample_data_writes_every_file(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SAMPLE, src)
    before = _snapshot(src)
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    res = CliRunner().invoke(main, ["run", str(src), str(out), "--report", str(report), "-q"])
    assert res.exit_code == 0, res.output
    assert _snapshot(src) == before  # inputs untouched
    written = _snapshot(out)
    assert set(written) == set(before)
    data = json.loads(report.read_text())
    assert data["summary"]["ok"] == len(before)
    assert all(d["status"] == "ok" and d["entities"] for d in data["documents"])
    assert b"Marisol" not in written["case-a/session-03-transcript.txt"]


def test_cli_run_missing_input_exits_2_without_traceback(tmp_path):
    res = CliRunner().invoke(main, ["run", str(tmp_path / "nope"), str(tmp_path / "out")])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    assert "input not found" in res.output


@pytest.mark.parametrize("inside", [".", "sub/out"])
def test_cli_run_refuses_output_inside_input(tmp_path, inside):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("hello")
    res = CliRunner().invoke(main, ["run", str(src), str(src / inside)])
    assert res.exit_code == 2
    assert "OUTPUT" in res.output


@pytest.mark.slow
def test_cli_run_bad_files_are_reported_not_written(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Dana Whitfield called from Tacoma.\n")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02 secret Dana \x00")
    (src / "bad.md").write_bytes(b"\xff\xfe\x00\xd8 broken")  # invalid UTF-16 surrogate
    out = tmp_path / "out"
    report = tmp_path / "r.json"
    res = CliRunner().invoke(main, ["run", str(src), str(out), "--report", str(report)])
    assert res.exit_code == 1
    assert (out / "good.txt").exists()
    assert not (out / "binary.txt").exists()
    assert not (out / "bad.md").exists()
    data = json.loads(report.read_text())
    failed = {d["path"]: d for d in data["documents"] if d["status"] == "failed"}
    assert set(failed) == {"binary.txt", "bad.md"}
    assert "Dana" not in res.output and "Dana" not in report.read_text()
    assert not list(out.rglob("*.tmp"))


def test_cli_every_command_has_help():
    for name, cmd in main.commands.items():
        assert cmd.help, name
        res = CliRunner().invoke(main, [name, "--help"])
        assert res.exit_code == 0
