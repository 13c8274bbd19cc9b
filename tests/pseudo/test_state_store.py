"""The state store: workers read the parent's phase-2 assignments as they stood at a journal position."""

from __future__ import annotations

import pytest

from deid.pseudo.state_store import StateStore, StateView, open_reader


@pytest.fixture()
def store(tmp_path):
    s = StateStore(tmp_path / "state.db")
    yield s
    s.close()


def test_state_view_sees_only_entries_before_its_position(store):
    store.append([("t", "k1", "Maria"), ("a", ("case9", "k1"), "v:Mia")], 0)
    store.append([("t", "k2", "Lopez"), ("t", "k1", "Marta")], 2)
    conn = open_reader(store.path)
    early, late = StateView(conn, "t", 2), StateView(conn, "t", 4)
    assert early.get("k1") == "Maria" and "k2" not in early
    assert late["k1"] == "Marta" and late["k2"] == "Lopez"
    assert StateView(conn, "a", 2).get(("case9", "k1"), "") == "v:Mia"


def test_state_view_missing_key_raises_key_error_without_naming_it(store):
    conn = open_reader(store.path)
    view = StateView(conn, "t", 10)
    assert view.get("nope", "") == ""
    with pytest.raises(KeyError) as err:
        view["secret-key-value"]
    assert "secret-key-value" not in str(err.value)


def test_state_store_seeds_earlier_assignments_below_every_position(store):
    store.append([("t", "old", "Nadia")], -1)  # held before the run: visible to the first batch
    assert StateView(open_reader(store.path), "t", 0)["old"] == "Nadia"


def test_reader_connection_cannot_write(store):
    import sqlite3

    conn = open_reader(store.path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("INSERT INTO state VALUES (0, 't', 'x', 'y')")


def test_forgotten_journal_entries_cannot_be_exported_again():
    from deid.config import load_profile
    from deid.pseudo import Pseudonymizer

    p = Pseudonymizer.from_profile(load_profile("default"), b"state-store-test-secret-000")
    p._set("k", "Maria")
    assert p.export_state(0) == ([("t", "k", "Maria")], 1)
    p.forget_journal(1)
    assert p.export_state(1) == ([], 1) and p.journal_position() == 1
    with pytest.raises(ValueError):
        p.export_state(0)
    assert p.snapshot() == [("t", "k", "Maria")]  # the table keeps the value


def test_parent_overlay_reads_flushed_entries_from_the_store_and_pending_ones_from_memory():
    from deid.config import load_profile
    from deid.pseudo import Pseudonymizer

    p = Pseudonymizer.from_profile(load_profile("default"), b"state-store-test-secret-000")
    p._set("before", "Nadia")            # held before the store exists: seeded into it
    p.state_store()
    p._set("k1", "Maria")
    assert p.table["k1"] == "Maria" and "k1" in p.table.pending  # type: ignore[attr-defined]
    pos = p.flush_to_store()
    assert pos == 2 and not p.table.pending  # type: ignore[attr-defined]
    assert p.table.get("k1") == "Maria" and p.table["before"] == "Nadia"
    p._set("k1", "Marta")                 # a later value wins, before and after the flush
    assert p.table["k1"] == "Marta"
    p.flush_to_store()
    assert p.table["k1"] == "Marta" and dict(p.table.items())["k1"] == "Marta"
    assert "never-set" not in p.table


def test_worker_state_is_one_object_owned_by_the_pseudonymizer(tmp_path):
    """Parent and worker sides of the state store live in one WorkerState of the pseudonymizer
    (the engine keeps none): the parent's store and folder, a worker's reused reader."""
    import dataclasses
    from pathlib import Path

    from deid.config import load_profile
    from deid.engine import Engine
    from deid.pseudo import Pseudonymizer
    from deid.pseudo.state_store import WorkerState

    assert not [f.name for f in dataclasses.fields(Engine) if "store" in f.name]
    profile = load_profile("default")
    parent = Pseudonymizer.from_profile(profile, b"state-store-test-secret-000")
    parent._set("k1", "Maria")
    store = parent.state_store()
    state = parent.worker_state()
    assert isinstance(state, WorkerState) and state.store is store and state.path == str(store.path)
    assert Path(state.path).parent == Path(state.folder.name)
    pos = parent.flush_to_store()
    worker = Pseudonymizer.from_profile(profile, b"state-store-test-secret-000")
    engine = Engine(profile=profile, analyzer=None, pseudo=worker, anonymizer=None)  # type: ignore[arg-type]
    engine.use_pseudonym_store(state.path, pos)
    conn = worker.worker_state().conn
    assert worker.table["k1"] == "Maria" and worker.worker_state().store is None
    engine.use_pseudonym_store(state.path, pos)  # the next batch of the run: same connection
    assert worker.worker_state().conn is conn
    other = tmp_path / "other.db"
    other.write_bytes(Path(state.path).read_bytes())
    engine.use_pseudonym_store(str(other), pos)  # another run's store: reopened
    assert worker.worker_state().conn is not conn and worker.worker_state().path == str(other)
