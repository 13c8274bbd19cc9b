"""Scale: worker processes give the same output as one; timeouts fail closed; --resume skips done files."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import main
from deid.config import load_profile
from deid.parallel import EngineSpec
from deid.runner import run

SECRET = b"scale-test-secret-0123456789abcdef"
TEXTS = [
    "THERAPIST: Hi Dana, how was the drive from Tacoma?\nCLIENT: Marisol drove me.\n",
    "Progress note: Dana Whitfield reported sleeping better. Call 555-201-7788 to reschedule.\n",
    "CLIENT: My brother Tomasz lives in Spokane now.\nTHERAPIST: How often do you see Tomasz?\n",
    "Dana said her manager at Riverside Bakery, Ms. Okafor, was supportive.\n",
]


def _corpus(root: Path) -> Path:
    src = root / "in"
    for i, t in enumerate(TEXTS):
        p = src / f"case-{i % 2}" / f"doc-{i}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(t)
    (src / "case-0" / "cues.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nDANA: I saw Marisol.\n")
    return src


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def spec():
    return EngineSpec(load_profile("default", nlp={"batch_size": 1}), SECRET)


@pytest.fixture(scope="module")
def parent(spec):
    return spec.build()


@pytest.mark.slow
def test_runner_two_workers_write_what_one_worker_writes(tmp_path, spec, parent):
    src = _corpus(tmp_path)
    one = run(parent, src, tmp_path / "one", progress=False, workers=1, spec=spec)
    two = run(parent, src, tmp_path / "two", progress=False, workers=2, spec=spec)
    assert not one.failed and not two.failed
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")
    assert [d.to_dict()["entities"] for d in one.documents] == [d.to_dict()["entities"] for d in two.documents]
    assert b"Tacoma" not in _snapshot(tmp_path / "two")["case-0/doc-0.txt"]


@pytest.mark.slow
def test_spawned_workers_write_what_forked_workers_write(tmp_path, spec, parent):
    src = _corpus(tmp_path)
    spawn_spec = EngineSpec(spec.profile.with_overrides(run={"worker_start": "spawn"}), SECRET)
    spawn_parent = dataclasses.replace(parent, profile=spawn_spec.profile)
    forked = run(parent, src, tmp_path / "fork", progress=False, workers=2, spec=spec)
    spawned = run(spawn_parent, src, tmp_path / "spawn", progress=False, workers=2, spec=spawn_spec)
    assert not forked.failed and not spawned.failed
    assert _snapshot(tmp_path / "fork") == _snapshot(tmp_path / "spawn")


@pytest.mark.slow
def test_runner_document_past_its_timeout_fails_closed(tmp_path, spec, parent, monkeypatch):
    src = _corpus(tmp_path)
    slow = dataclasses.replace(parent, profile=parent.profile.with_overrides(run={"timeout_seconds": 0.5}))
    real_detect = parent.detect_full

    def detect(docs):
        if any("Tomasz" in d.text for d in docs):
            time.sleep(5)
        return real_detect(docs)

    monkeypatch.setattr(slow, "detect_full", detect)
    report = run(slow, src, tmp_path / "out", progress=False)
    failed = {d.path for d in report.failed}
    assert failed == {"case-0/doc-2.txt"}
    assert "timed out" in report.failed[0].error and "Tomasz" not in report.failed[0].error
    assert not (tmp_path / "out" / "case-0" / "doc-2.txt").exists()
    assert (tmp_path / "out" / "case-1" / "doc-1.txt").exists()


@pytest.mark.slow
def test_cli_resume_skips_unchanged_files_and_redoes_changed_ones(tmp_path, parent, monkeypatch):
    import deid.cli as cli

    monkeypatch.setenv("DEID_SECRET", SECRET.decode())
    monkeypatch.setattr(cli, "_build_engine", lambda *a, **k: parent)
    src = _corpus(tmp_path)
    out, rep = tmp_path / "out", tmp_path / "report.json"
    args = ["run", str(src), str(out), "--report", str(rep), "-q", "--workers", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    (src / "case-1" / "doc-3.txt").write_text("Dana met Ms. Okafor again in Tacoma.\n")
    res = CliRunner().invoke(main, args + ["--resume"])
    assert res.exit_code == 0, res.output
    docs = {d["path"]: d for d in json.loads(rep.read_text())["documents"]}
    resumed = {p for p, d in docs.items() if d.get("notes", {}).get("resumed")}
    assert resumed == set(docs) - {"case-1/doc-3.txt"}
    assert b"Okafor" not in (out / "case-1" / "doc-3.txt").read_bytes()


@pytest.mark.slow
def test_resume_after_a_secret_change_processes_every_file_again(tmp_path, parent):
    from deid.pseudonyms import Pseudonymizer
    from deid.runner import run_settings

    src = _corpus(tmp_path)
    out, rep = tmp_path / "out", tmp_path / "report.json"
    first = run(parent, src, out, progress=False)
    rep.write_text(json.dumps(first.to_dict()))
    other = dataclasses.replace(parent, pseudo=Pseudonymizer.from_profile(parent.profile, b"another-secret-0123456789abcdef"))
    assert run_settings(other) != run_settings(parent)
    again = run(other, src, out, progress=False, resume_from=rep)
    assert not any(d.notes.get("resumed") for d in again.documents)
    same = run(parent, src, out, progress=False, resume_from=rep)
    assert all(d.notes.get("resumed") for d in same.documents if d.status == "ok")


def test_cli_resume_without_report_is_a_usage_error(tmp_path):
    src = _corpus(tmp_path)
    res = CliRunner().invoke(main, ["run", str(src), str(tmp_path / "out"), "--resume"])
    assert res.exit_code == 2 and "--report" in res.output


@pytest.mark.slow
def test_cli_run_tables_with_columns_and_id_column(tmp_path, parent, monkeypatch):
    import deid.cli as cli

    monkeypatch.setenv("DEID_SECRET", SECRET.decode())
    monkeypatch.setattr(cli, "_build_engine", lambda *a, **k: parent)
    src = tmp_path / "in"
    src.mkdir()
    (src / "t.csv").write_text("client,age,note\nDana Whitfield,34,Dana Whitfield drove from Tacoma.\n")
    res = CliRunner().invoke(main, ["run", str(src), str(tmp_path / "out"), "-q", "--columns", "note",
                                    "--id-column", "client:PERSON"])
    assert res.exit_code == 0, res.output
    out = (tmp_path / "out" / "t.csv").read_text()
    header, row = out.splitlines()
    client, age, note = row.split(",", 2)
    assert header == "client,age,note" and age == "34"
    assert "Dana" not in out and "Tacoma" not in out and client in note


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_report_streamed_from_the_spool_lists_every_file_and_fails_closed(tmp_path, parent, monkeypatch,
                                                                           workers):
    import deid.cli as cli

    monkeypatch.setenv("DEID_SECRET", SECRET.decode())
    monkeypatch.setattr(cli, "_build_engine", lambda *a, **k: parent)
    src = _corpus(tmp_path)
    (src / "case-1" / "bad.txt").write_bytes(b"\xff\xfe\xfa Dana Whitfield!")  # odd-length UTF-16: not valid text
    (src / "case-1" / "blob.bin").write_bytes(b"\x00\x01")  # unsupported: skipped
    out, rep = tmp_path / "out", tmp_path / "report.json"
    res = CliRunner().invoke(main, ["run", str(src), str(out), "--report", str(rep), "-q", "--workers", workers])
    assert res.exit_code == 1, res.output
    raw = rep.read_text()
    data = json.loads(raw)
    assert raw == json.dumps(data, indent=2) + "\n"  # the format of the whole-report writer
    paths = sorted(p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file())
    assert [d["path"] for d in data["documents"]] == paths
    status = {d["path"]: d["status"] for d in data["documents"]}
    assert status["case-1/bad.txt"] == "failed" and status["case-1/blob.bin"] == "skipped"
    assert not (out / "case-1" / "bad.txt").exists()
    assert "Dana" not in raw and "Whitfield" not in raw
    s = data["summary"]
    assert (s["documents"], s["ok"], s["failed"], s["skipped"]) == (len(paths), len(paths) - 2, 1, 1)
    assert s["entities"] == {k: sum(d["entities"].get(k, 0) for d in data["documents"]) for k in s["entities"]}
    assert "pseudonyms" in s
    again = CliRunner().invoke(main, ["run", str(src), str(out), "--report", str(rep), "-q", "--workers",
                                      workers, "--resume"])
    assert again.exit_code == 1
    docs = json.loads(rep.read_text())["documents"]
    assert {d["path"] for d in docs if d.get("notes", {}).get("resumed")} == set(paths) - {
        "case-1/bad.txt", "case-1/blob.bin"}
    assert [d["path"] for d in docs] == paths


@pytest.mark.slow
def test_a_document_window_smaller_than_a_batch_still_writes_what_one_worker_writes(tmp_path, spec, parent):
    from deid.runner import run_settings

    src = _corpus(tmp_path)
    tight = EngineSpec(spec.profile.with_overrides(run={"in_flight_documents_per_worker": 1}), SECRET)
    tight_parent = dataclasses.replace(parent, profile=tight.profile)
    one = run(parent, src, tmp_path / "one", progress=False, workers=1, spec=spec)
    two = run(tight_parent, src, tmp_path / "two", progress=False, workers=2, spec=tight)
    assert not one.failed and not two.failed
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")
    assert [d.path for d in two.documents] == [d.path for d in one.documents]
    assert run_settings(tight_parent) == run_settings(parent)  # pacing only: --resume reuses either
