"""Format registry: one reader/writer per file suffix, registered here and only here."""

from __future__ import annotations

from pathlib import Path

from deid.errors import UnsupportedFormat
from deid.formats.base import Format, atomic_write
from deid.formats.text import TextFormat

FORMATS: list[Format] = [TextFormat()]


def format_for(path: Path) -> Format:
    """The registered format for a file's suffix (case-insensitive)."""
    suffix = path.suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.suffixes:
            return fmt
    raise UnsupportedFormat(f"no reader for '{suffix or '(no suffix)'}' files")


def supported_suffixes() -> list[str]:
    """Every suffix some format handles."""
    return sorted({s for f in FORMATS for s in f.suffixes})


__all__ = ["FORMATS", "Format", "atomic_write", "format_for", "supported_suffixes"]
