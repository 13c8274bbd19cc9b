"""Encryption of originals for reversible vaults (Fernet under a second key, never the secret)."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from deid.errors import ConfigError, VaultError


def load_reveal_key(key_file: str | Path | None = None) -> bytes:
    """The second key: --reveal-key-file or env DEID_REVEAL_KEY (at least 16 bytes)."""
    if key_file:
        try:
            data = Path(key_file).read_bytes().strip()
        except OSError as exc:
            raise ConfigError(f"cannot read reveal key file: {type(exc).__name__}") from None
    else:
        data = os.environ.get("DEID_REVEAL_KEY", "").encode("utf-8")
    if len(data) < 16:
        raise ConfigError("reversible vaults need a reveal key of at least 16 bytes "
                          "(--reveal-key-file or DEID_REVEAL_KEY)")
    return data


def fernet_for(reveal_key: bytes, secret: bytes) -> Fernet:
    """A Fernet bound to both keys: holders of only one cannot decrypt."""
    raw = hashlib.sha256(b"deid-reveal-v1\x1f" + reveal_key + b"\x1f" + secret).digest()
    return Fernet(base64.urlsafe_b64encode(raw))


def encrypt(f: Fernet, original: str) -> bytes:
    """Encrypt an original surface form."""
    return f.encrypt(original.encode("utf-8"))


def decrypt(f: Fernet, token: bytes) -> str:
    """Decrypt an original; wrong keys raise VaultError (no detail)."""
    try:
        return f.decrypt(token).decode("utf-8")
    except InvalidToken:
        raise VaultError("cannot decrypt: wrong reveal key or secret") from None
