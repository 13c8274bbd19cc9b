"""The whole dev corpus (files in case folders, with a vault): a second run over the output, with a
line added to every text file, changes nothing else, and no surrogate is a real name the run found.

bench/rerun_check.py measures the same on any gold JSONL file (dev, held-out).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from deid.engine import Engine
from deid.pseudo import Pseudonymizer
from deid.pseudo.keys import canonical_form, entity_key

pytestmark = pytest.mark.slow
DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev.jsonl"
SECRET = b"dev-idempotence-secret-0123456789"
EXT = {"txt": ".txt", "md": ".md", "vtt": ".vtt", "srt": ".srt"}
ADDED = "\nAdded by the editor: nothing new this week.\n"


def _run(engine, monkeypatch, vault: Path, src: Path, out: Path) -> dict[str, str]:
    from deid.runner import run

    pseudo = Pseudonymizer.from_profile(engine.profile, SECRET, vault=vault)
    monkeypatch.setattr(engine.analyzer, "skip", pseudo.is_known_surrogate)
    eng = Engine(profile=engine.profile, analyzer=engine.analyzer, pseudo=pseudo, anonymizer=engine.anonymizer)
    report = run(eng, src, out, progress=False)
    pseudo.close()
    assert not report.failed
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file()}


def test_dev_corpus_rerun_over_own_edited_output_changes_nothing_else(tmp_path, engine, monkeypatch):
    if not DEV.exists():
        pytest.skip("../shared/corpus/dev.jsonl not available")
    for line in DEV.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        path = tmp_path / "in" / d["case"] / (d["id"] + EXT.get(d.get("format"), ".txt"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(d["text"].encode("utf-8"))
    vault = tmp_path / "v.db"
    first = _run(engine, monkeypatch, vault, tmp_path / "in", tmp_path / "one")

    con = sqlite3.connect(str(vault))
    rows = con.execute("SELECT key, kind, surrogate FROM surrogates").fetchall()
    con.close()
    keys = {k for k, _, _ in rows}
    real = [s for _, kind, s in rows if kind in ("PERSON_NAME", "ORGANIZATION", "LOCATION")
            and entity_key(SECRET, kind, canonical_form(s)) in keys]
    assert len(real) == 0  # no surrogate equals a real name found anywhere in the corpus

    edited = {}
    for rel, text in first.items():  # the editor adds a line to every text file
        if rel.endswith((".txt", ".md")):
            text += ADDED
            (tmp_path / "one" / rel).write_text(text, encoding="utf-8")
        edited[rel] = text
    second = _run(engine, monkeypatch, vault, tmp_path / "one", tmp_path / "two")
    changed = [rel for rel in edited if second[rel] != edited[rel]]
    assert changed == []
