"""Surrogates deid already wrote (from the pseudonym vault), so the residual scan can ignore them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from deid.errors import InputError
from deid.risk.residual import normalise_surrogates


def read_vault_surrogates(path: Path) -> set[str]:
    """Every surrogate in a vault (SQLite; any table with a ``surrogate`` column), opened read-only.

    This is the seam to the vault (issue 4): the vault table maps key -> surrogate and holds no
    plaintext, so reading it reveals nothing about the originals.
    """
    if not path.is_file():
        raise InputError(f"vault not found: {path}")
    try:
        con = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise InputError("vault cannot be opened") from None
    try:
        found: set[str] = set()
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            if "surrogate" in cols:
                found.update(str(r[0]) for r in con.execute(f'SELECT surrogate FROM "{table}"') if r[0])
        return found
    except sqlite3.Error:
        raise InputError("vault is not a readable deid vault") from None
    finally:
        con.close()


def known_surrogates(path: Path | None) -> frozenset[str]:
    """Normalised surrogates for the residual scan (empty without a vault)."""
    return normalise_surrogates(read_vault_surrogates(path)) if path else frozenset()
