"""Format registry: one reader/writer per file suffix, registered here and only here."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from deid.errors import UnsupportedFormat
from deid.formats.base import Format, atomic_write
from deid.formats.docx import DocxFormat
from deid.formats.srt import SrtFormat
from deid.formats.tables import TableFormat, fixed_mention
from deid.formats.text import TextFormat
from deid.formats.vtt import VttFormat
from deid.model import Document, Mention

FORMATS: list[Format] = [TextFormat(), VttFormat(), SrtFormat(), DocxFormat(), TableFormat()]


def format_for(path: Path, profile: Any = None) -> Format:
    """The registered format for a file's suffix (case-insensitive), set up from the profile."""
    suffix = path.suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.suffixes:
            configured = getattr(fmt, "configured", None)
            return configured(profile) if configured and profile is not None else fmt
    raise UnsupportedFormat(f"no reader for '{suffix or '(no suffix)'}' files")


def supported_suffixes() -> list[str]:
    """Every suffix some format handles."""
    return sorted({s for f in FORMATS for s in f.suffixes})


def detect_documents(detect: Callable[[list[Document]], list[Any]], docs: list[Document],
                     wrap: Callable[[list[Mention]], Any] = lambda ms: ms) -> list[Any]:
    """Detections of every document; cells of an ID column are one whole mention (``wrap``ped to
    what ``detect`` returns), not analysed."""
    fixed = [fixed_mention(d) for d in docs]
    todo = [d for d, f in zip(docs, fixed) if f is None]
    found = iter(detect(todo) if todo else [])
    return [wrap(f) if f is not None else next(found) for f in fixed]


__all__ = ["FORMATS", "Format", "atomic_write", "detect_documents", "format_for", "supported_suffixes"]
