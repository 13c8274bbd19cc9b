"""Word (.docx) via python-docx: text is replaced inside its runs, so formatting, tables,
headers, footers, footnotes and comments keep their structure.

Every ``w:t`` (text), ``w:delText`` (tracked deletions still hold the old words) and
``w:instrText`` (field codes such as ``HYPERLINK "mailto:..."``) in the body, headers, footers,
footnotes, endnotes and comments is an editable piece. Pieces of one paragraph are joined
without glue (tabs and breaks become a space) and paragraphs by a newline, so the recognizers
read the running text. Who wrote it is removed: comment and tracked-change authors, initials and
dates, ``people.xml``, core properties ``author``/``last_modified_by``, the core dates
(``created``/``modified``/``lastPrinted``: when the note was written) and app properties
``Company``/``Manager``; the other core text properties (title, subject, ...) are de-identified.
The package thumbnail (a picture of the first page, names included) and custom properties
(``docProps/custom.xml``: free key/value pairs such as a client field) are dropped.
The file is written deterministically (the same input and secret give the same bytes): zip
entries in a fixed order (``[Content_Types].xml`` first, then by name) with a fixed timestamp.
External link targets (``mailto:``, profile URLs) are replaced by ``#``: their visible text is a
run like any other, but the target itself is not text the recognizers see.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from deid.errors import DocumentError
from deid.formats.base import atomic_write
from deid.formats.pieces import PieceLayout, join_pieces
from deid.model import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TEXT = {W + "t", W + "delText", W + "instrText"}
_SPACE = {W + "tab", W + "br", W + "cr", W + "noBreakHyphen"}
_STORY_PARTS = ("document", "header", "footer", "footnotes", "endnotes", "comments")
_WHO_ATTRS = ("author", "initials", "userId", "providerId")
_CORE_TEXT = ("title", "subject", "keywords", "comments", "category", "content_status",
              "identifier", "version")
_APP_WHO = ("Company", "Manager")
_CORE_DATES = ("created", "modified", "lastPrinted")
# Package parts dropped from the output: a first-page picture and free-form metadata.
_DROP_RELTYPES = ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
                  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties")
ANON_AUTHOR = "deid"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can hold: no clock in the output


@dataclass(frozen=True)
class DocxLayout:
    """Piece count and source hash, so the writer can re-walk the same file and check it."""

    sha256: str
    count: int


def _story_parts(package: Any) -> list[Any]:
    """Parts holding document text, in a stable order."""
    parts = []
    for part in package.iter_parts():
        name = str(part.partname).rsplit("/", 1)[-1]
        if str(part.partname).startswith("/word/") and name.split(".")[0].rstrip("0123456789") in _STORY_PARTS:
            parts.append(part)
    return sorted(parts, key=lambda p: str(p.partname))


class _PartXml:
    """An lxml root for a part, whether python-docx parsed it (XmlPart) or kept its bytes."""

    def __init__(self, part: Any) -> None:
        from lxml import etree

        self.part = part
        self.parsed = hasattr(part, "_element")
        self.root = part._element if self.parsed else etree.fromstring(part.blob)

    def save(self) -> None:
        """Store the edited tree back into a blob-only part."""
        if not self.parsed:
            from lxml import etree

            self.part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8",
                                             standalone=True)


def _walk(roots: list[_PartXml]) -> Iterator[tuple[Any, str]]:
    """(text element, glue before it) for every editable text element in document order."""
    first = True
    for px in roots:
        glue = "\n"
        for el in px.root.iter():
            tag = el.tag
            if tag == W + "p":
                glue = "\n"
            elif tag in _SPACE and glue == "":
                glue = " "
            elif tag in _TEXT:
                if tag == W + "instrText" and glue == "":
                    glue = " "
                yield el, ("" if first else glue)
                first = False
                glue = " " if tag == W + "instrText" else ""


def _core_pieces(props: Any) -> list[tuple[str, str]]:
    return [(name, getattr(props, name) or "") for name in _CORE_TEXT if getattr(props, name)]


class DocxFormat:
    """Reader/writer for .docx files."""

    suffixes = (".docx",)

    def _open(self, path: Path) -> tuple[Any, list[_PartXml], bytes]:
        import docx

        raw = path.read_bytes()
        try:
            document = docx.Document(str(path))
        except Exception:
            raise DocumentError("not a readable .docx file") from None
        return document, [_PartXml(p) for p in _story_parts(document.part.package)], raw

    def read(self, path: Path, doc_id: str, case: str) -> list[Document]:
        """One Document: every run's text, in order, joined so the recognizers read sentences."""
        document, roots, raw = self._open(path)
        pieces: list[str] = []
        glue: list[str] = []
        for el, g in _walk(roots):
            if pieces:
                glue.append(g)
            pieces.append(el.text or "")
        for _, value in _core_pieces(document.core_properties):
            if pieces:
                glue.append("\n\n")
            pieces.append(value)
        text, spans = join_pieces(pieces, glue)
        layout = PieceLayout(spans, DocxLayout(hashlib.sha256(raw).hexdigest(), len(pieces)))
        return [Document(id=doc_id, case=case, text=text, layout=layout, path=str(path))]

    def write(self, docs: list[Document], texts: list[Any], dest: Path) -> None:
        """Re-open the source, put each new piece in its run, remove authors, save atomically."""
        doc, new = docs[0], texts[0]
        if doc.path is None or not isinstance(doc.layout, PieceLayout):
            raise DocumentError("docx document has no layout")
        info: DocxLayout = doc.layout.extra
        document, roots, raw = self._open(Path(doc.path))
        if hashlib.sha256(raw).hexdigest() != info.sha256:
            raise DocumentError("input changed while it was processed")
        if not isinstance(new, list) or len(new) != info.count:
            raise DocumentError("docx pieces do not match the file's runs")
        it = iter(new)
        for el, _ in _walk(roots):
            value = next(it)
            if value != (el.text or ""):
                el.text = value
                if value != value.strip():
                    el.set(XML_SPACE, "preserve")
        props = document.core_properties
        for name, _ in _core_pieces(props):
            setattr(props, name, next(it))
        props.author = ""
        props.last_modified_by = ""
        _strip_core_dates(props._element)
        for px in roots:
            _strip_who(px.root)
            px.save()
            for rel in px.part.rels.values():
                if rel.is_external:
                    rel._target = "#"
        _strip_package_who(document.part.package)
        _drop_package_parts(document.part.package)
        buf = io.BytesIO()
        document.save(buf)
        atomic_write(dest, _deterministic_zip(buf.getvalue()))


def _strip_core_dates(core: Any) -> None:
    """Drop the core properties' dates (python-docx may also have stamped a new part 'now')."""
    for el in list(core):
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in _CORE_DATES:
            core.remove(el)


def _deterministic_zip(data: bytes) -> bytes:
    """The same package with entries in a fixed order and fixed timestamps/attributes, so two
    runs over one input write byte-identical files ([Content_Types].xml stays first)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def _strip_who(root: Any) -> None:
    """Replace author/initials/user ids and drop revision dates on every element."""
    for el in root.iter():
        for attr in list(el.attrib):
            local = attr.rsplit("}", 1)[-1]
            if local in _WHO_ATTRS:
                el.set(attr, ANON_AUTHOR if local == "author" else "")
            elif local == "date" and attr.startswith(W):
                del el.attrib[attr]


def _drop_package_parts(package: Any) -> None:
    """Unlink the thumbnail and custom properties, so saving leaves their parts out."""
    for rid, rel in list(package.rels.items()):
        if rel.reltype in _DROP_RELTYPES:
            del package.rels[rid]


def _strip_package_who(package: Any) -> None:
    """people.xml (reviewers) and app.xml Company/Manager."""
    for part in package.iter_parts():
        name = str(part.partname)
        if name.endswith("/people.xml") or name == "/docProps/app.xml":
            px = _PartXml(part)
            _strip_who(px.root)
            for el in px.root.iter():
                if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in _APP_WHO:
                    el.text = ""
            px.save()
