"""Text files keep encoding, BOM and line endings; binary files are refused."""

import pytest

from deid.errors import DocumentError
from deid.formats import format_for
from deid.formats.base import atomic_write, decode_bytes


@pytest.mark.parametrize("raw", [
    "Hi Dana\r\nBye\r\n".encode("utf-8"),
    b"\xef\xbb\xbfHi Dana\nBye",
    "Caf\u00e9 with Ren\u00e9e\n".encode("cp1252"),
    "Hi D\u00e1na\n".encode("utf-16"),
])
def test_text_format_round_trip_is_byte_identical(tmp_path, raw):
    src = tmp_path / "in.txt"
    src.write_bytes(raw)
    fmt = format_for(src)
    docs = fmt.read(src, "in.txt", "case")
    dest = tmp_path / "out" / "in.txt"
    fmt.write(docs, [docs[0].text], dest)
    assert dest.read_bytes() == raw


def test_text_format_binary_file_is_document_error():
    with pytest.raises(DocumentError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_text_format_atomic_write_leaves_nothing_on_failure(tmp_path):
    dest = tmp_path / "x.txt"

    def broken(p):
        p.write_text("partial")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        atomic_write(dest, broken)
    assert list(tmp_path.iterdir()) == []
