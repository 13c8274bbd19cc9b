"""A surrogate is never a real name found in the same batch of documents (runner, with the model)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deid.engine import Engine
from deid.pseudo import Pseudonymizer

pytestmark = pytest.mark.slow
SECRET = b"real-names-secret-0123456789"


def _engine(engine, monkeypatch) -> Engine:
    pseudo = Pseudonymizer.from_profile(engine.profile, SECRET)
    monkeypatch.setattr(engine.analyzer, "skip", pseudo.is_known_surrogate)
    return Engine(profile=engine.profile, analyzer=engine.analyzer, pseudo=pseudo, anonymizer=engine.anonymizer)


def _run(engine, monkeypatch, src: Path, out: Path) -> dict[str, str]:
    from deid.runner import run

    eng = _engine(engine, monkeypatch)
    report = run(eng, src, out, progress=False)
    eng.pseudo.close()
    assert not report.failed
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.txt"))}


def test_surrogate_is_never_a_real_name_of_a_later_document_in_the_batch(tmp_path, engine, monkeypatch):
    first = "Therapist notes: Dana Whitfield came in today. Dana said the week was hard.\n"
    (tmp_path / "one" / "case").mkdir(parents=True)
    (tmp_path / "one" / "case" / "a.txt").write_text(first, encoding="utf-8")
    alone = _run(engine, monkeypatch, tmp_path / "one", tmp_path / "out1")["a.txt"]
    surrogate = re.search(r"came in today\. (\w+) said", alone).group(1)
    assert surrogate != "Dana"

    (tmp_path / "two" / "case").mkdir(parents=True)
    (tmp_path / "two" / "case" / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "two" / "case" / "b.txt").write_text(
        f"Later {surrogate} Okonkwo-Baptiste phoned about Dana.\n", encoding="utf-8")
    both = _run(engine, monkeypatch, tmp_path / "two", tmp_path / "out2")
    assert surrogate not in both["a.txt"]  # the real name in b.txt was not used for Dana
    assert surrogate not in both["b.txt"]


def test_surrogate_is_never_a_real_name_of_a_later_batch_or_case(tmp_path, engine, monkeypatch):
    first = "Therapist notes: Dana Whitfield came in today. Dana said the week was hard.\n"
    (tmp_path / "one" / "a").mkdir(parents=True)
    (tmp_path / "one" / "a" / "a.txt").write_text(first, encoding="utf-8")
    surrogate = re.search(r"came in today\. (\w+) said",
                          _run(engine, monkeypatch, tmp_path / "one", tmp_path / "out1")["a.txt"]).group(1)

    nlp = engine.profile.nlp.model_copy(update={"batch_size": 1})  # every document its own batch
    monkeypatch.setattr(engine, "profile", engine.profile.model_copy(update={"nlp": nlp}))
    (tmp_path / "two" / "a").mkdir(parents=True)
    (tmp_path / "two" / "b").mkdir(parents=True)
    (tmp_path / "two" / "a" / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "two" / "b" / "b.txt").write_text(
        f"Intake: {surrogate} Okonkwo-Baptiste, referred by her GP.\n", encoding="utf-8")
    both = _run(engine, monkeypatch, tmp_path / "two", tmp_path / "out2")
    assert surrogate not in both["a.txt"]  # case b's real name, detected a batch later, was avoided
    assert surrogate not in both["b.txt"]
