"""Reader/writer contract for file formats, plus decoding and atomic writes shared by all."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol

from charset_normalizer import from_bytes

from deid.errors import DocumentError
from deid.model import Document

BOMS = {"utf-8-sig": b"\xef\xbb\xbf", "utf-16": b"", "utf-32": b""}


@dataclass(frozen=True)
class TextLayout:
    """How a text file was encoded, so it can be written back the same way."""

    encoding: str
    bom: bytes = b""


class Format(Protocol):
    """A file format: reads a file into Documents and writes their de-identified text back."""

    suffixes: tuple[str, ...]

    def read(self, path: Path, doc_id: str, case: str) -> list[Document]:
        """Read one file into one or more Documents (tables yield one per cell)."""
        ...

    def write(self, docs: list[Document], texts: list[Any], dest: Path) -> None:
        """Write the de-identified texts of a file's Documents to dest (atomically).

        Each item is a str, or for a Document with a pieces.PieceLayout one str per piece.
        """
        ...


def decode_bytes(raw: bytes) -> tuple[str, TextLayout]:
    """Decode bytes with BOM handling and charset detection; raise DocumentError when binary."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _decode(raw[3:], "utf-8"), TextLayout("utf-8", b"\xef\xbb\xbf")
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            return _decode(raw[len(bom):], enc), TextLayout(enc, bom)
    if b"\x00" in raw:
        raise DocumentError("binary content (NUL bytes) in a text file")
    try:
        return raw.decode("utf-8"), TextLayout("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise DocumentError("cannot detect the text encoding")
    return _decode(raw, best.encoding), TextLayout(best.encoding)


def _decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise DocumentError(f"not valid {encoding}") from None


def encode_text(text: str, layout: TextLayout) -> bytes:
    """Encode text back with the layout's encoding and BOM."""
    try:
        return layout.bom + text.encode(layout.encoding)
    except UnicodeEncodeError:
        # A surrogate may hold characters the legacy encoding lacks: fall back to UTF-8.
        return text.encode("utf-8")


def atomic_write(dest: Path, writer: Callable[[Path], None] | bytes) -> None:
    """Write to a temp file beside dest, then rename over it; nothing partial is ever left.

    No fsync per file (it cost a quarter of a run's time on a small VM): `deid run` syncs once,
    before it writes its report, so a report never lists a file the disk does not hold.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp_path = Path(tmp)
    try:
        if isinstance(writer, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(writer)
        else:
            os.close(fd)
            writer(tmp_path)
        os.replace(tmp_path, dest)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
