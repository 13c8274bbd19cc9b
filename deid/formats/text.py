"""Plain text and Markdown: the whole file is one Document; encoding, BOM and newlines kept."""

from __future__ import annotations

from pathlib import Path

from deid.formats.base import TextLayout, atomic_write, decode_bytes, encode_text
from deid.model import Document


class TextFormat:
    """Reader/writer for .txt and .md files."""

    suffixes = (".txt", ".md", ".markdown", ".text")

    def read(self, path: Path, doc_id: str, case: str) -> list[Document]:
        """Read a text file (bytes, so newlines are kept exactly)."""
        text, layout = decode_bytes(path.read_bytes())
        return [Document(id=doc_id, case=case, text=text, layout=layout, path=str(path))]

    def write(self, docs: list[Document], texts: list[str], dest: Path) -> None:
        """Write the single document's text with the original encoding."""
        layout = docs[0].layout if isinstance(docs[0].layout, TextLayout) else TextLayout("utf-8")
        atomic_write(dest, encode_text(texts[0], layout))
