"""The SQLite vault: private file, unique surrogates, reuse across runs, two writers, reversal."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import stat

import pytest

from deid.errors import VaultError
from deid.pseudo.vault import Vault
from pseudo_helpers import SECRET, doc, run_three_phases

NAMES = [f"{g} {s}" for g, s in [("Dana", "Whitfield"), ("Kim", "Ortega"), ("Ravi", "Mehta"),
                                 ("Anna", "Kowalski"), ("Tom", "Brennan"), ("Lea", "Fischer")]]


def _people(pseudo, names=NAMES, case="c1"):
    text = ". ".join(names)
    return run_three_phases(pseudo, [(doc(text, case), [(n, "PERSON") for n in names])])[0]


def test_vault_file_is_private(tmp_path, make_pseudo):
    path = tmp_path / "v.db"
    _people(make_pseudo(vault=path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_vault_reuses_surrogates_in_a_later_run(tmp_path, make_pseudo):
    path = tmp_path / "v.db"
    first = _people(make_pseudo(vault=path, style="realistic"))
    later = make_pseudo(vault=path, style="realistic")
    again = _people(later, NAMES[:2] + ["Mia Novak"])
    assert again[:2] == first[:2]
    assert later.stats()["reused_surrogates"] >= 4
    assert again[2] not in first


def test_vault_tag_numbers_continue_across_runs(tmp_path, make_pseudo):
    path = tmp_path / "v.db"
    assert _people(make_pseudo(vault=path, style="tag"), NAMES[:2]) == ["[PERSON_1]", "[PERSON_2]"]
    assert _people(make_pseudo(vault=path, style="tag"), NAMES[1:3]) == ["[PERSON_2]", "[PERSON_3]"]


def test_vault_unique_constraint_on_surrogate(tmp_path):
    v = Vault.open(tmp_path / "v.db", SECRET)
    assert v.put("k1", "PERSON_NAME", "Maria")
    assert not v.put("k2", "PERSON_NAME", "maria")  # case-insensitive UNIQUE
    v.close()
    with sqlite3.connect(tmp_path / "v.db") as conn:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO surrogates (key, kind, surrogate) VALUES ('k3', 'X', 'Maria')")


def test_vault_holds_no_plaintext_without_reversible(tmp_path, make_pseudo):
    path = tmp_path / "v.db"
    _people(make_pseudo(vault=path))
    raw = path.read_bytes() + (tmp_path / "v.db-wal").read_bytes() if (tmp_path / "v.db-wal").exists() \
        else path.read_bytes()
    for name in ("Whitfield", "Ortega", "Dana", "Mehta"):
        assert name.encode() not in raw


def test_vault_refuses_another_secret(tmp_path):
    Vault.open(tmp_path / "v.db", SECRET).close()
    with pytest.raises(VaultError):
        Vault.open(tmp_path / "v.db", b"another-secret-0123456789")


def _writer(path: str, names: list[str], queue) -> None:  # runs in a child process
    from deid.config import load_profile
    from deid.pseudo import Pseudonymizer

    p = Pseudonymizer.from_profile(load_profile("default", pseudonyms={"style": "realistic"}), SECRET,
                                   vault=path)
    queue.put(dict(zip(names, _people(p, names))))
    p.close()


def test_vault_two_processes_writing_one_vault(tmp_path):
    path = str(tmp_path / "v.db")
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    a_names = NAMES[:4]
    b_names = NAMES[2:]
    procs = [ctx.Process(target=_writer, args=(path, names, q)) for names in (a_names, b_names)]
    for p in procs:
        p.start()
    results = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    a, b = (results if set(results[0]) == set(a_names) else results[::-1])
    for shared in set(a_names) & set(b_names):
        assert a[shared] == b[shared]  # one entity, one surrogate, whoever wrote first
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT surrogate FROM surrogates").fetchall()
    assert len(rows) == len({r[0].lower() for r in rows}) == 2 * len(NAMES)


def test_vault_reversible_originals_reveal_with_both_keys(tmp_path, make_pseudo):
    from deid.pseudo.reveal import reveal_all

    path = tmp_path / "v.db"
    key = b"reveal-key-0123456789abcdef"
    out = _people(make_pseudo(vault=path, reversible=True, reveal_key=key), NAMES[:1])
    raw = path.read_bytes()
    assert b"Whitfield" not in raw
    assert reveal_all(path, SECRET, key, [out[0]]) == [(out[0], "Dana Whitfield")]
    with pytest.raises(VaultError):
        reveal_all(path, SECRET, b"wrong-reveal-key-0123456789", [out[0]])


def test_vault_reversible_needs_a_reveal_key(make_pseudo):
    from deid.errors import ConfigError

    with pytest.raises(ConfigError):
        make_pseudo(reversible=True)
