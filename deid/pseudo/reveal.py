"""Reverse look-up for reversible vaults: surrogate -> original, for holders of both keys."""

from __future__ import annotations

import re
from pathlib import Path

from deid.errors import VaultError
from deid.pseudo.crypto import decrypt, fernet_for
from deid.pseudo.vault import Vault

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def reveal_all(path: Path, secret: bytes, reveal_key: bytes,
               surrogates: tuple[str, ...] | list[str]) -> list[tuple[str, str | None]]:
    """Originals of whole surrogates, or of each name token of a surrogate full name."""
    if not Path(path).exists():
        raise VaultError("vault not found")
    v = Vault.open(path, secret)
    f = fernet_for(reveal_key, secret)
    out: list[tuple[str, str | None]] = []
    try:
        for s in surrogates:
            out.append((s, _one(v, f, s)))
    finally:
        v.close()
    return out


def _one(v: Vault, f: object, surrogate: str) -> str | None:
    row = v.original(surrogate.strip())
    if row is not None:
        if row[1] is None:
            raise VaultError("this vault was not made with --reversible")
        return decrypt(f, row[1])  # type: ignore[arg-type]
    pieces = []
    found = False
    pos = 0
    text = surrogate.strip()
    for m in _WORD.finditer(text):
        pieces.append(text[pos:m.start()])
        row = v.original(m.group(0))
        if row is not None and row[0] == "PERSON_NAME" and row[1] is not None:
            pieces.append(decrypt(f, row[1]))  # type: ignore[arg-type]
            found = True
        else:
            pieces.append(m.group(0))
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces) if found else None
