"""With the model: byte-identical reruns, other secret differs, re-running over output is a no-op."""

from __future__ import annotations

from pathlib import Path

import pytest

from deid.engine import Engine
from deid.pseudo import Pseudonymizer

pytestmark = pytest.mark.slow

TEXTS = {
    "case-a/s1.txt": "THERAPIST: Hi Dana. How was the drive from Tacoma?\n"
                     "CLIENT: Fine. Dana Whitfield here, call me at (253) 555-0142 on March 14th.\n"
                     "Ms. Whitfield works at Lincoln High School.\n",
    "case-a/s2.txt": "Dana said her brother Marcus Whitfield visited on 03/21/2024.\n",
}


def _engine(engine, monkeypatch, secret: bytes, vault: Path | None = None) -> Engine:
    """The session's analyzer with a fresh pseudonymizer (and vault)."""
    pseudo = Pseudonymizer.from_profile(engine.profile, secret, vault=vault)
    monkeypatch.setattr(engine.analyzer, "skip", pseudo.is_known_surrogate)
    return Engine(profile=engine.profile, analyzer=engine.analyzer, pseudo=pseudo,
                  anonymizer=engine.anonymizer)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _write(root: Path) -> Path:
    for rel, text in TEXTS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _run(engine, src: Path, out: Path) -> dict[str, bytes]:
    from deid.runner import run

    report = run(engine, src, out, progress=False)
    assert not report.failed
    engine.pseudo.close()
    return _tree(out)


def test_end_to_end_same_secret_identical_other_secret_differs(tmp_path, engine, monkeypatch):
    src = _write(tmp_path / "in")
    a = _run(_engine(engine, monkeypatch, b"e2e-secret-one-0123456789"), src, tmp_path / "a")
    b = _run(_engine(engine, monkeypatch, b"e2e-secret-one-0123456789"), src, tmp_path / "b")
    c = _run(_engine(engine, monkeypatch, b"e2e-secret-two-0123456789"), src, tmp_path / "c")
    assert a == b
    assert a != c
    assert b"Whitfield" not in a["case-a/s1.txt"] + a["case-a/s2.txt"]


def test_end_to_end_rerun_over_own_output_changes_nothing(tmp_path, engine, monkeypatch):
    src = _write(tmp_path / "in")
    vault = tmp_path / "vault.db"
    first = _run(_engine(engine, monkeypatch, b"e2e-secret-one-0123456789", vault), src, tmp_path / "out1")
    second = _run(_engine(engine, monkeypatch, b"e2e-secret-one-0123456789", vault),
                  tmp_path / "out1", tmp_path / "out2")
    assert second == first
