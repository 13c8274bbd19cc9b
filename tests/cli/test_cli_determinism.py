"""Byte-identical output: two fresh runs with one secret, any number of workers (with a vault), and
other output under another secret. Each run gets a fresh pseudonymizer (nothing carried over)."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from deid.config import load_profile
from deid.engine import Engine
from deid.parallel import EngineSpec
from deid.pseudo import Pseudonymizer
from deid.runner import run

pytestmark = pytest.mark.slow
SECRET = b"determinism-secret-0123456789abcdef"
OTHER = b"determinism-other-secret-0123456789"
TEXTS = {
    "case-a/s1.txt": "THERAPIST: Hi Dana. How was the drive from Tacoma?\nCLIENT: Marisol drove me on 03/14/2024.\n",
    "case-a/s2.txt": "Dana Whitfield said her brother Tomasz visited. Call (253) 555-0142.\n",
    "case-a/s3.txt": "Ms. Whitfield works at Lincoln High School; Tomasz lives in Spokane.\n",
    "case-b/s1.txt": "Progress note: Orlagh Brennick reported sleeping better since March 2nd.\n",
    "case-b/s2.txt": "Orlagh said her manager at Riverside Bakery, Ms. Okafor, was supportive.\n",
    "case-c/s1.txt": "Intake: Kwame Asante, 47, referred by Dr. Lindqvist of Elm Counseling, PLLC.\n",
}


def _corpus(root: Path) -> Path:
    for rel, text in TEXTS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def profile():
    return load_profile("default", nlp={"batch_size": 1})


@pytest.fixture(scope="module")
def parent(profile):
    return EngineSpec(profile, SECRET).build()


def _fresh(parent: Engine, secret: bytes, vault: Path | None) -> Engine:
    pseudo = Pseudonymizer.from_profile(parent.profile, secret, vault=vault)
    analyzer = dataclasses.replace(parent.analyzer, skip=pseudo.is_known_surrogate)
    return Engine(profile=parent.profile, analyzer=analyzer, pseudo=pseudo, anonymizer=parent.anonymizer)


def _run(parent, src: Path, out: Path, secret: bytes = SECRET, vault: Path | None = None,
         workers: int = 1) -> dict[str, bytes]:
    eng = _fresh(parent, secret, vault)
    spec = EngineSpec(parent.profile, secret, {"vault": str(vault)} if vault else {})
    report = run(eng, src, out, progress=False, workers=workers, spec=spec)
    eng.pseudo.close()
    assert not report.failed
    return _tree(out)


def _surrogates(vault: Path, table: str = "surrogates") -> list[tuple[str, str]]:
    con = sqlite3.connect(str(vault))
    cols = "key, surrogate" if table == "surrogates" else "hash, strong"
    rows = sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall())
    con.close()
    return rows


@pytest.mark.parametrize("with_vault", [False, True])
def test_two_runs_with_the_same_secret_are_byte_identical(tmp_path, parent, with_vault):
    src = _corpus(tmp_path / "in")
    vaults = [tmp_path / "v1.db", tmp_path / "v2.db"] if with_vault else [None, None]
    one = _run(parent, src, tmp_path / "one", vault=vaults[0])
    two = _run(parent, src, tmp_path / "two", vault=vaults[1])
    assert one == two
    assert b"Whitfield" not in b"".join(one.values())
    if with_vault:
        assert _surrogates(vaults[0]) == _surrogates(vaults[1])


def test_another_secret_gives_other_surrogates(tmp_path, parent):
    src = _corpus(tmp_path / "in")
    one = _run(parent, src, tmp_path / "one")
    other = _run(parent, src, tmp_path / "other", secret=OTHER)
    assert all(one[rel] != other[rel] for rel in one)  # every file names someone


@pytest.mark.parametrize("workers", [2, 3])
def test_any_number_of_workers_writes_what_one_worker_writes(tmp_path, parent, workers):
    src = _corpus(tmp_path / "in")
    one = _run(parent, src, tmp_path / "one", vault=tmp_path / "v1.db", workers=1)
    many = _run(parent, src, tmp_path / "many", vault=tmp_path / "vn.db", workers=workers)
    assert one == many
    assert _surrogates(tmp_path / "v1.db") == _surrogates(tmp_path / "vn.db")
    written = _surrogates(tmp_path / "vn.db", "written")  # proofs of own output, kept by the parent
    assert written and written == _surrogates(tmp_path / "v1.db", "written")


def test_two_workers_write_what_one_writes_on_dev_documents_with_near_misses(tmp_path, parent):
    """Dev documents whose residual-risk scan has near misses to check against written surrogates
    (a worker's table is a state-store view: it failed them with AttributeError once)."""
    import json

    dev = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev.jsonl"
    if not dev.exists():
        pytest.skip("../shared/corpus/dev.jsonl not available")
    for line in dev.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["case"] in ("d01", "d09") and d.get("format") in ("txt", "md"):
            path = tmp_path / "in" / d["case"] / f"{d['id']}.{d['format']}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(d["text"], encoding="utf-8")
    one = _run(parent, tmp_path / "in", tmp_path / "one", vault=tmp_path / "v1.db", workers=1)
    two = _run(parent, tmp_path / "in", tmp_path / "two", vault=tmp_path / "v2.db", workers=2)
    assert one == two and len(one) >= 4


def _docx(path: Path) -> None:
    import datetime as dt

    import docx

    d = docx.Document()
    d.add_paragraph("Session with Dana Whitfield from Tacoma on 03/14/2024.")
    d.add_paragraph("Her brother Tomasz called Lincoln High School.")
    d.core_properties.title = "Notes on Dana Whitfield"
    d.core_properties.modified = dt.datetime(2024, 3, 14, 17, 5)
    d.save(str(path))


def test_two_runs_over_a_docx_are_byte_identical_and_another_secret_differs(tmp_path, parent, monkeypatch):
    """Zip entry times and core dates are not taken from the clock: a later run writes the same
    .docx bytes; another secret writes other surrogates into it."""
    import time
    import types
    import zipfile

    src = _corpus(tmp_path / "in")
    _docx(src / "case-a" / "notes.docx")
    one = _run(parent, src, tmp_path / "one")
    later = types.SimpleNamespace(time=lambda: time.time() + 400 * 86400, localtime=time.localtime)
    monkeypatch.setattr(zipfile, "time", later)  # as if run a year later
    two = _run(parent, src, tmp_path / "two")
    other = _run(parent, src, tmp_path / "other", secret=OTHER)
    assert one["case-a/notes.docx"] == two["case-a/notes.docx"] and one == two
    assert other["case-a/notes.docx"] != one["case-a/notes.docx"]
    with zipfile.ZipFile(tmp_path / "one" / "case-a" / "notes.docx") as z:
        body = z.read("word/document.xml") + z.read("docProps/core.xml")
    assert b"Whitfield" not in body and b"2024-03-14T17" not in body


LONG_DOC = ("Session {n}. Bernie said the week was hard and that hope kept him going; then Hope phoned "
            "him on 03/14/2024. Mr. Quillfeather slept badly.\n")
LONG_KEY = ("Session 51. Bernard Quillfeather talked about his sister Hope Quillfeather, seen on "
            "03/14/2024.\n")


def test_a_case_longer_than_a_batch_gets_one_surrogate_per_entity_with_any_workers(tmp_path, parent):
    """A fictional 70-document case (batch_size 1 here; it was once split every 4 batches): the
    full name and the sister are named only in document 51, yet 'Bernie' and 'Hope' get the same
    surrogate, and the date the same shift, in all 70; 1 and 2 workers write the same bytes."""
    import re

    src = tmp_path / "in"
    (src / "case-z").mkdir(parents=True)
    (src / "case-z" / "a.txt").write_text("Progress note: Orlagh Brennick slept better.\n", encoding="utf-8")
    for i in range(70):
        text = LONG_KEY if i == 50 else LONG_DOC.format(n=i + 1)
        (src / "case-long" / f"s{i:03d}.txt").parent.mkdir(exist_ok=True)
        (src / "case-long" / f"s{i:03d}.txt").write_text(text, encoding="utf-8")
    one = _run(parent, src, tmp_path / "one", workers=1)
    two = _run(parent, src, tmp_path / "two", workers=2)
    assert one == two and len(one) == 71
    shape = re.compile(r"Session \d+\. (\w+) said the week was hard and that hope kept him going; "
                       r"then (\w+) phoned him on (\S+)\. Mr\. (\w+) slept badly\.\n")
    found = {shape.fullmatch(v.decode("utf-8")).groups() for k, v in one.items()
             if k.startswith("case-long/") and k != "case-long/s050.txt"}
    assert len(found) == 1  # one surrogate for each entity, one date shift, across the case
    (bernie, hope, date, surname), = found
    assert bernie != "Bernie" and hope != "Hope" and surname != "Quillfeather" and date != "03/14/2024"
    key = one["case-long/s050.txt"].decode("utf-8")
    assert f"sister {hope} {surname}" in key and date in key
