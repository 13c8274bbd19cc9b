"""SQLite vault: entity key -> surrogate (unique), case aliases, known renderings; no plaintext."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from deid.errors import VaultError

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS surrogates (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    surrogate TEXT NOT NULL UNIQUE COLLATE NOCASE,
    original BLOB
);
CREATE TABLE IF NOT EXISTS aliases (
    scope TEXT NOT NULL, key TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (scope, key)
);
CREATE TABLE IF NOT EXISTS rendered (surrogate TEXT PRIMARY KEY COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS surrogate_forms (form TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS written (hash TEXT PRIMARY KEY, strong INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS written_pending (hash TEXT NOT NULL, strong INTEGER NOT NULL);
"""


def _check_value(secret: bytes) -> str:
    return hmac.new(secret, b"deid-vault-check-v1", hashlib.sha256).hexdigest()


def _create_private(path: Path) -> None:
    """Create the vault file with mode 0600 (never world- or group-readable)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


@dataclass
class Vault:
    """One connection to a vault file (or an in-memory vault for a run without --vault)."""

    conn: sqlite3.Connection = field(repr=False)
    path: str = ":memory:"

    @classmethod
    def open(cls, path: str | Path | None, secret: bytes) -> "Vault":
        """Open or create a vault; refuses a vault made under another secret."""
        if path is None or str(path) == ":memory:":
            # SQLite's private temporary database ("" as the name): pages beyond its small cache
            # go to an unnamed file deleted on close, so a big run's vault does not grow in memory.
            conn = sqlite3.connect("", isolation_level=None)
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA journal_mode=MEMORY")
            where = ":memory:"
        else:
            p = Path(path)
            if p.exists() and p.is_dir():
                raise VaultError("vault path is a directory")
            if not p.exists():
                _create_private(p)
            elif p.stat().st_mode & 0o077:
                os.chmod(p, 0o600)
            try:
                conn = sqlite3.connect(str(p), timeout=60.0, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.Error as exc:
                raise VaultError(f"cannot open vault: {type(exc).__name__}") from None
            where = str(p)
        vault = cls(conn=conn, path=where)
        vault._init(secret)
        return vault

    def _init(self, secret: bytes) -> None:
        try:
            self.conn.executescript(SCHEMA)
            self.conn.execute("BEGIN IMMEDIATE")
            row = self.conn.execute("SELECT value FROM meta WHERE name='check'").fetchone()
            if row is None:
                self.conn.execute("INSERT INTO meta VALUES ('check', ?)", (_check_value(secret),))
            elif not hmac.compare_digest(row[0], _check_value(secret)):
                self.conn.execute("ROLLBACK")
                raise VaultError("vault was created with another secret")
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise VaultError(f"cannot initialise vault: {type(exc).__name__}") from None

    def transaction(self, work: Callable[["Vault"], None]) -> None:
        """Run work inside BEGIN IMMEDIATE (one writer at a time across processes)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise VaultError(f"vault is locked or unreadable: {type(exc).__name__}") from None
        try:
            work(self)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def get(self, keys: Iterable[str]) -> dict[str, str]:
        """Known surrogates for some keys."""
        return self._select_in("SELECT key, surrogate FROM surrogates WHERE key", keys)

    def has_key(self, key: str) -> bool:
        """True when a key (a real identifier seen in some run) is in the vault."""
        return self.conn.execute("SELECT 1 FROM surrogates WHERE key=?", (key,)).fetchone() is not None

    def taken(self, surrogate: str) -> bool:
        """True when some key already owns this surrogate (case-insensitive)."""
        q = "SELECT 1 FROM surrogates WHERE surrogate=?"
        return self.conn.execute(q, (surrogate,)).fetchone() is not None

    def put(self, key: str, kind: str, surrogate: str, original: bytes | None = None) -> bool:
        """Insert a new mapping; False when the surrogate is taken (UNIQUE) or the key exists."""
        try:
            self.conn.execute("INSERT INTO surrogates (key, kind, surrogate, original) VALUES (?,?,?,?)",
                              (key, kind, surrogate, original))
            return True
        except sqlite3.IntegrityError:
            return False

    def count(self, kind: str) -> int:
        """Number of surrogates of one kind (for tag numbering)."""
        return int(self.conn.execute("SELECT COUNT(*) FROM surrogates WHERE kind=?", (kind,)).fetchone()[0])

    def set_alias(self, scope: str, key: str, target: str) -> None:
        """Record that, within a scope (case), a key is another name of target."""
        self.conn.execute("INSERT OR IGNORE INTO aliases VALUES (?,?,?)", (scope, key, target))

    def aliases_for(self, scope: str, key: str) -> str | None:
        """The stored alias target of a key within a scope, or None."""
        row = self.conn.execute("SELECT target FROM aliases WHERE scope=? AND key=?", (scope, key)).fetchone()
        return str(row[0]) if row else None

    def aliases(self) -> dict[tuple[str, str], str]:
        """All (scope, key) -> target aliases."""
        return {(s, k): t for s, k, t in self.conn.execute("SELECT scope, key, target FROM aliases")}

    def add_rendered(self, values: Iterable[str]) -> None:
        """Remember surrogates rendered outside the key table (shifted dates)."""
        self.conn.executemany("INSERT OR IGNORE INTO rendered VALUES (?)", [(v,) for v in values])

    def all_surrogates(self) -> dict[str, str]:
        """Every key -> surrogate."""
        return dict(self.conn.execute("SELECT key, surrogate FROM surrogates"))

    def known_renderings(self) -> set[str]:
        """Every surrogate and rendered value (and the words of rendered dates), lower-cased."""
        vals = {r[0].lower() for r in self.conn.execute("SELECT surrogate FROM surrogates")}
        for (rendered,) in self.conn.execute("SELECT surrogate FROM rendered"):
            vals.add(rendered.lower())
            vals.update(w for w in re.findall(r"[^\W\d_]+", rendered.lower()) if len(w) > 2)
        return vals

    def renderings_since(self, marks: tuple[int, int]) -> tuple[set[str], tuple[int, int]]:
        """known_renderings() added after ``marks`` (rowids from an earlier call), and the new marks."""
        vals: set[str] = set()
        top_s, top_r = marks
        for rowid, value in self.conn.execute("SELECT rowid, surrogate FROM surrogates WHERE rowid > ?", (top_s,)):
            vals.add(value.lower())
            top_s = max(top_s, rowid)
        for rowid, rendered in self.conn.execute("SELECT rowid, surrogate FROM rendered WHERE rowid > ?", (top_r,)):
            vals.add(rendered.lower())
            vals.update(w for w in re.findall(r"[^\W\d_]+", rendered.lower()) if len(w) > 2)
            top_r = max(top_r, rowid)
        return vals, (top_s, top_r)

    def add_form(self, form: str) -> None:
        """Remember the keyed canonical form of a surrogate (as a real name of its kind would be keyed)."""
        self.conn.execute("INSERT OR IGNORE INTO surrogate_forms VALUES (?)", (form,))

    def count_forms(self, keys: Iterable[str]) -> int:
        """How many of these entity keys are the keyed form of an earlier surrogate."""
        ks = list(keys)
        n = 0
        for i in range(0, len(ks), 500):
            chunk = ks[i:i + 500]
            q = f"SELECT COUNT(*) FROM surrogate_forms WHERE form IN ({','.join('?' * len(chunk))})"
            n += int(self.conn.execute(q, chunk).fetchone()[0])
        return n

    def add_written(self, rows: Iterable[tuple[str, int]]) -> None:
        """Remember keyed hashes of lines and documents deid wrote (seen by lookups after promote)."""
        rows = list(rows)
        if rows:
            self.transaction(lambda v: v.conn.executemany("INSERT INTO written_pending VALUES (?,?)", rows))

    def promote_written(self) -> None:
        """Make this run's written hashes visible to later runs (lookups never see the current run's,
        so a run's output does not depend on the order its batches were written in)."""
        def work(v: "Vault") -> None:
            v.conn.execute("INSERT INTO written SELECT hash, MAX(strong) FROM written_pending WHERE true "
                           "GROUP BY hash ON CONFLICT(hash) DO UPDATE SET strong = MAX(strong, excluded.strong)")
            v.conn.execute("DELETE FROM written_pending")
        self.transaction(work)

    def written(self, hashes: Iterable[str]) -> dict[str, int]:
        """Which of these hashes deid wrote in an earlier run: hash -> strong (1: it held a name,
        organisation, place, contact or id surrogate)."""
        return self._select_in("SELECT hash, strong FROM written WHERE hash", hashes)

    def _select_in(self, select_where: str, values: Iterable[str]) -> dict[Any, Any]:
        """Pairs of a two-column query whose last column is IN values, 500 parameters a query."""
        out: dict[Any, Any] = {}
        vs = list(values)
        for i in range(0, len(vs), 500):
            chunk = vs[i:i + 500]
            out.update(self.conn.execute(f"{select_where} IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return out

    def original(self, surrogate: str) -> tuple[str, bytes | None] | None:
        """(kind, encrypted original) for a surrogate, or None."""
        row = self.conn.execute("SELECT kind, original FROM surrogates WHERE surrogate=?",
                                (surrogate,)).fetchone()
        return (row[0], row[1]) if row else None

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
