"""Word files: text is replaced inside runs; formatting, tables, headers and footers survive;
authors of comments, tracked changes and the file are removed."""

from __future__ import annotations

import docx
import docx.opc.constants
import pytest
from lxml import etree

from deid.formats import format_for
from deid.formats.docx import ANON_AUTHOR, W
from deid.formats.pieces import rewrite_output
from deid.model import Mention

DEL_XML = (f'<w:del xmlns:w="{W[1:-1]}" w:id="91" w:author="Dana Whitfield" w:date="2024-03-01T10:00:00Z">'
           '<w:r><w:delText>Whitfield</w:delText></w:r></w:del>')


def _make(path):
    d = docx.Document()
    p = d.add_paragraph("Session with ")
    p.add_run("Dana").bold = True
    p.add_run(" Whitfield from Tacoma.")
    p._p.append(etree.fromstring(DEL_XML))
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Client"
    table.cell(0, 1).text = "Marisol Vega"
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Confidential: Dana Whitfield"
    sec.footer.paragraphs[0].text = "Therapist Okafor"
    d.add_comment(p.runs[1], text="Check with Marisol", author="Dana Whitfield", initials="DW")
    d.core_properties.author = "Dana Whitfield"
    d.core_properties.last_modified_by = "Marisol Vega"
    d.core_properties.title = "Notes on Dana"
    d.part.relate_to("mailto:dana.whitfield@example.com", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                     is_external=True)
    d.save(str(path))


def _runs(path):
    d = docx.Document(str(path))
    return [(r.text, etree.tostring(r._r.rPr) if r._r.rPr is not None else b"") for r in d.paragraphs[0].runs]


def _all_text(path):
    d = docx.Document(str(path))
    parts = [etree.tostring(p._element, encoding="unicode") for p in d.part.package.iter_parts()
             if hasattr(p, "_element")]
    return "".join(parts) + (d.core_properties.author or "") + (d.core_properties.last_modified_by or "")


def test_docx_round_trip_without_changes_keeps_every_run(tmp_path):
    src = tmp_path / "in.docx"
    _make(src)
    fmt = format_for(src)
    doc = fmt.read(src, "in.docx", "c")[0]
    fmt.write([doc], [[doc.text[s:e] for s, e in doc.layout.spans]], tmp_path / "out.docx")
    assert _runs(tmp_path / "out.docx") == _runs(src)
    out = docx.Document(str(tmp_path / "out.docx"))
    assert out.tables[0].cell(0, 1).text == "Marisol Vega"
    assert out.sections[0].footer.paragraphs[0].text == "Therapist Okafor"


def test_docx_detection_text_reads_runs_as_sentences(tmp_path):
    src = tmp_path / "in.docx"
    _make(src)
    doc = format_for(src).read(src, "in.docx", "c")[0]
    assert "Session with Dana Whitfield from Tacoma." in doc.text
    assert "Confidential: Dana Whitfield" in doc.text and "Check with Marisol" in doc.text
    assert "Notes on Dana" in doc.text  # core title is de-identified too


def test_docx_replaces_within_runs_and_removes_authors(tmp_path):
    src = tmp_path / "in.docx"
    _make(src)
    fmt = format_for(src)
    doc = fmt.read(src, "in.docx", "c")[0]
    ms = []
    for word, kind in (("Dana Whitfield", "PERSON"), ("Marisol Vega", "PERSON"), ("Tacoma", "LOCATION"),
                       ("Whitfield", "PERSON"), ("Marisol", "PERSON"), ("Dana", "PERSON"), ("Okafor", "PERSON")):
        start = 0
        while (i := doc.text.find(word, start)) != -1:
            if not any(m.start <= i < m.end for m in ms):
                ms.append(Mention(i, i + len(word), kind, 1.0, "test", word))
            start = i + len(word)
    new = rewrite_output(lambda d, m: d.text[:m[0].start] + f"<{m[0].entity_type}>" + d.text[m[0].end:], doc, ms)
    fmt.write([doc], [new], tmp_path / "out.docx")
    runs = _runs(tmp_path / "out.docx")
    before = _runs(src)
    assert [r[1] for r in runs] == [r[1] for r in before]  # formatting of every run kept
    assert runs[1][0] == "<PERSON>" and runs[-1][0] == " from <LOCATION>."  # name across runs: one surrogate
    text = _all_text(tmp_path / "out.docx")
    for ident in ("Dana", "Whitfield", "Marisol", "Okafor", "Tacoma", "DW", "2024-03-01"):
        assert ident not in text
    rels = docx.Document(str(tmp_path / "out.docx")).part.rels.values()
    external = [r.target_ref for r in rels if r.is_external]
    assert external == ["#"]
    assert ANON_AUTHOR in text


def test_docx_that_is_not_a_zip_is_a_document_error(tmp_path):
    from deid.errors import DocumentError

    src = tmp_path / "bad.docx"
    src.write_bytes(b"not a zip")
    with pytest.raises(DocumentError):
        format_for(src).read(src, "bad.docx", "c")


def _write_copy(src, dest):
    fmt = format_for(src)
    doc = fmt.read(src, "in.docx", "c")[0]
    fmt.write([doc], [[doc.text[s:e] for s, e in doc.layout.spans]], dest)


def test_docx_writer_output_does_not_depend_on_the_clock(tmp_path, monkeypatch):
    """Zip entry times come from the clock unless fixed: a run a year later writes the same bytes."""
    import datetime as dt
    import time
    import types
    import zipfile

    src = tmp_path / "in.docx"
    _make(src)
    d = docx.Document(str(src))
    d.core_properties.created = dt.datetime(2024, 3, 1, 9, 30)
    d.core_properties.modified = dt.datetime(2024, 3, 2, 17, 5)
    d.core_properties.last_printed = dt.datetime(2024, 3, 3, 8, 0)
    d.save(str(src))
    _write_copy(src, tmp_path / "one.docx")
    later = types.SimpleNamespace(time=lambda: time.time() + 400 * 86400, localtime=time.localtime)
    monkeypatch.setattr(zipfile, "time", later)
    _write_copy(src, tmp_path / "two.docx")
    assert (tmp_path / "one.docx").read_bytes() == (tmp_path / "two.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.docx") as z:
        names = z.namelist()
        assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode("utf-8")
    for tag in ("created", "modified", "lastPrinted", "2024-03"):  # when the note was written goes
        assert tag not in core
    out = docx.Document(str(tmp_path / "one.docx"))
    assert out.core_properties.title == "Notes on Dana" and out.paragraphs[0].text.startswith("Session")


CUSTOM_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ClientName">'
              '<vt:lpwstr>Dana Whitfield</vt:lpwstr></property></Properties>')


def _add_thumbnail_and_custom_properties(path):
    """Add what Word may save beside the text: a first-page picture and custom properties."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    d = docx.Document(str(path))
    package = d.part.package
    if not any(r.reltype == RT.THUMBNAIL for r in package.rels.values()):  # python-docx's template has one
        thumb = Part(PackURI("/docProps/thumbnail.jpeg"), "image/jpeg", b"\xff\xd8 first page", package)
        package.relate_to(thumb, RT.THUMBNAIL)
    custom = Part(PackURI("/docProps/custom.xml"),
                  "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                  CUSTOM_XML.encode(), package)
    package.relate_to(custom, RT.CUSTOM_PROPERTIES)
    d.save(str(path))


def test_docx_writer_drops_thumbnail_and_custom_properties(tmp_path):
    import zipfile

    src = tmp_path / "in.docx"
    _make(src)
    _add_thumbnail_and_custom_properties(src)
    with zipfile.ZipFile(src) as z:
        assert {"docProps/thumbnail.jpeg", "docProps/custom.xml"} <= set(z.namelist())  # fixture holds both
    _write_copy(src, tmp_path / "out.docx")
    with zipfile.ZipFile(tmp_path / "out.docx") as z:
        names = set(z.namelist())
        blob = b"".join(z.read(n) for n in names)
    assert "docProps/thumbnail.jpeg" not in names and "docProps/custom.xml" not in names
    assert b"thumbnail" not in blob and b"custom-properties" not in blob and b"ClientName" not in blob
    docx.Document(str(tmp_path / "out.docx"))  # still opens
