"""Phase-2 assignments on disk for worker processes, read as of a journal position.

With many workers, every worker used to receive every assignment the parent made (the journal),
so each worker's table grew with the corpus. Here the parent appends each phase-2 step's journal
entries to a per-run SQLite file and tells a worker only the journal position its batch needs;
the worker reads the entries it asks for, as they stood at that position, through ``StateView``
(a read-only mapping with a per-batch cache). The answers are exactly what a worker holding the
whole journal up to that position would find, and worker memory no longer grows with the corpus.

The file holds entity keys (HMACs) and surrogates only, never originals; it lives in a private
temporary folder for the run and is deleted with it.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

_SEP = "\x1f"  # joins an alias's (case, key) into one column value
_MISSING = object()


def _alias_key(key: Any) -> str:
    return _SEP.join(key)


class StateStore:
    """The parent's side: append journal entries with their positions."""

    def __init__(self, path: Path) -> None:
        """Create the store file (one per run)."""
        self.path = path
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=OFF")  # a scratch file: lost with the run anyway
        self.conn.execute("CREATE TABLE state (pos INTEGER NOT NULL, kind TEXT NOT NULL, "
                          "k TEXT NOT NULL, v TEXT NOT NULL)")
        self.conn.execute("CREATE INDEX state_k ON state (kind, k, pos)")
        self.conn.commit()

    def append(self, entries: Iterable[tuple[str, Any, str]], first: int) -> None:
        """Store journal entries; the first one is at journal position ``first``."""
        rows = [(first + i, kind, key if kind == "t" else _alias_key(key), value)
                for i, (kind, key, value) in enumerate(entries)]
        if rows:
            self.conn.executemany("INSERT INTO state VALUES (?, ?, ?, ?)", rows)
            self.conn.commit()

    def close(self) -> None:
        """Close the connection (the file is removed with the run's folder)."""
        self.conn.close()


@dataclass
class WorkerState:
    """One process's link to the run's state store, owned by its Pseudonymizer.

    The parent creates the store (``create``: a StateStore in a private temporary folder, removed
    with this object or at exit); a worker opens the parent's file read-only (``reader``: one
    connection, reopened only when a run hands it another path).
    """

    path: str = ""
    conn: sqlite3.Connection | None = field(default=None, repr=False)
    store: StateStore | None = field(default=None, repr=False)  # parent only
    folder: Any = field(default=None, repr=False)  # parent only: tempfile.TemporaryDirectory

    def create(self) -> StateStore:
        """Parent: make the store (once) and return it."""
        if self.store is None:
            self.folder = tempfile.TemporaryDirectory(prefix="deid-state-")
            self.store = StateStore(Path(self.folder.name) / "state.db")
            self.path, self.conn = str(self.store.path), self.store.conn
        return self.store

    def reader(self, path: str) -> sqlite3.Connection:
        """Worker: a read-only connection to the parent's store at ``path`` (kept while it is the same)."""
        if self.conn is None or self.path != path:
            self.conn, self.path = open_reader(path), path
        return self.conn


class StateView:
    """A read-only mapping of one kind of entry ("t" table, "a" aliases) as of a journal position."""

    def __init__(self, conn: sqlite3.Connection, kind: str, upto: int) -> None:
        """Entries at journal positions below ``upto`` are visible."""
        self.conn, self.kind, self.upto = conn, kind, upto
        self._cache: dict[Any, Any] = {}

    def _find(self, key: Any) -> Any:
        hit = self._cache.get(key, _MISSING)
        if hit is _MISSING:
            k = key if self.kind == "t" else _alias_key(key)
            row = self.conn.execute(
                "SELECT v FROM state WHERE kind = ? AND k = ? AND pos < ? ORDER BY pos DESC LIMIT 1",
                (self.kind, k, self.upto)).fetchone()
            hit = self._cache[key] = row[0] if row else None
        return hit

    def get(self, key: Any, default: Any = None) -> Any:
        """The value as of the position, or ``default``."""
        value = self._find(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None

    def __getitem__(self, key: Any) -> Any:
        value = self._find(key)
        if value is None:
            raise KeyError("entry not assigned")
        return value

    def __len__(self) -> int:
        return len(self._cache)

    def values(self) -> list[Any]:
        """Values looked up so far, in lookup order (what the residual risk knows as written)."""
        return [v for v in self._cache.values() if v is not None]


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A worker's read-only connection to the parent's store."""
    return sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, check_same_thread=False)


class OverlayMapping:
    """The parent's table once it has a store: this phase-2 step's entries in memory, the rest on disk.

    ``flush`` is called after the step's journal entries were appended to the store; lookups then
    read them from there, so the parent's memory does not grow with the corpus either.
    """

    def __init__(self, conn: sqlite3.Connection, kind: str) -> None:
        """Read ``kind`` entries ("t" or "a") of the store behind ``conn``."""
        self.pending: dict[Any, Any] = {}
        self.view = StateView(conn, kind, 2**62)

    def get(self, key: Any, default: Any = None) -> Any:
        """The newest value, or ``default``."""
        if key in self.pending:
            return self.pending[key]
        return self.view.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.pending or key in self.view

    def __getitem__(self, key: Any) -> Any:
        if key in self.pending:
            return self.pending[key]
        return self.view[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        self.pending[key] = value
        self.view._cache.pop(key, None)

    def items(self) -> list[tuple[Any, Any]]:
        """Every entry, newest values (reads the whole store: for snapshots, not lookups)."""
        rows = self.view.conn.execute(
            "SELECT k, v FROM state s WHERE kind = ? AND pos = (SELECT MAX(pos) FROM state t "
            "WHERE t.kind = s.kind AND t.k = s.k)", (self.view.kind,)).fetchall()
        out = {(k if self.view.kind == "t" else tuple(k.split(_SEP))): v for k, v in rows}
        out.update(self.pending)
        return list(out.items())

    def __len__(self) -> int:
        return len(self.pending) + len(self.view)

    def values(self) -> list[Any]:
        """This step's values and those looked up since the last flush (for the residual risk)."""
        return list(self.pending.values()) + self.view.values()

    def flush(self) -> None:
        """Forget what the store now holds (the pending entries and the lookup cache)."""
        self.pending.clear()
        self.view._cache.clear()
