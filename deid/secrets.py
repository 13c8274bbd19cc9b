"""The run's secret: DEID_SECRET, a key file, or a random one (with a warning)."""

from __future__ import annotations

import logging
import os
import secrets as _secrets
from pathlib import Path

from deid.errors import ConfigError

log = logging.getLogger(__name__)


def load_secret(secret_file: str | Path | None = None) -> tuple[bytes, bool]:
    """Return (secret, persistent); persistent is False for a random per-run secret."""
    if secret_file:
        try:
            data = Path(secret_file).read_bytes().strip()
        except OSError as exc:
            raise ConfigError(f"cannot read secret file: {type(exc).__name__}") from None
        if len(data) < 16:
            raise ConfigError("secret file must hold at least 16 bytes")
        return data, True
    env = os.environ.get("DEID_SECRET")
    if env:
        if len(env) < 16:
            raise ConfigError("DEID_SECRET must be at least 16 characters")
        return env.encode("utf-8"), True
    log.warning("no DEID_SECRET or --secret-file: using a random secret; "
                "pseudonyms will not match later runs")
    return _secrets.token_bytes(32), False
