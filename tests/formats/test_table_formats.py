"""Tables: only text cells change; other columns, encoding and line endings are untouched."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from deid.config import load_profile
from deid.formats import detect_documents, format_for
from deid.formats.pieces import rewrite_output
from deid.formats.tables import TableOptions, frame_documents, TableInfo, text_columns

CSV = 'id,age,visit,note\nC-1,34,2024-03-01,"Dana Whitfield called from Tacoma, WA."\nC-2,41,,Saw Marisol Vega today\n'


def _fake_replace(doc, mentions):
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        out += [doc.text[pos:m.start], f"<{m.entity_type}>"]
        pos = m.end
    return "".join(out + [doc.text[pos:]])


def _fake_detect(docs):
    from deid.model import Mention

    out = []
    for d in docs:
        ms = []
        for word in ("Dana Whitfield", "D\u00e1na Whitfield", "Marisol Vega", "Tacoma"):
            i = d.text.find(word)
            if i != -1:
                ms.append(Mention(i, i + len(word), "PERSON" if " " in word else "LOCATION", 1.0, "t", word))
        out.append(ms)
    return out


def _run(fmt, src, dest):
    docs = fmt.read(src, src.name, "c")
    ms = detect_documents(_fake_detect, docs)
    fmt.write(docs, [rewrite_output(_fake_replace, d, m) for d, m in zip(docs, ms)], dest)


@pytest.mark.parametrize("suffix,raw", [
    (".csv", CSV.encode("utf-8")),
    (".csv", CSV.replace("\n", "\r\n").encode("utf-8")),
    (".csv", b"\xef\xbb\xbf" + CSV.encode("utf-8")),
    (".csv", CSV.replace("Dana", "D\u00e1na").encode("cp1252")),
    (".tsv", CSV.replace(", WA", " WA").replace(",", "\t").replace('"', "").encode("utf-8")),
])
def test_csv_only_text_cells_change(tmp_path, suffix, raw):
    src = tmp_path / f"in{suffix}"
    src.write_bytes(raw)
    dest = tmp_path / f"out{suffix}"
    _run(format_for(src), src, dest)
    out = dest.read_bytes()
    enc = "cp1252" if b"D\xe1na" in raw else "utf-8"
    assert out.startswith(b"\xef\xbb\xbf") == raw.startswith(b"\xef\xbb\xbf")
    assert (b"\r\n" in out) == (b"\r\n" in raw)
    text = out.decode(enc).lstrip("\ufeff")
    sep = "\t" if suffix == ".tsv" else ","
    rows = [line.split(sep) for line in text.splitlines()]
    orig = [line.split(sep) for line in raw.decode(enc).lstrip("\ufeff").splitlines()]
    assert [r[:3] for r in rows] == [r[:3] for r in orig]  # id, age, visit untouched
    assert "Whitfield" not in text and "Marisol" not in text and "<PERSON>" in text


def test_csv_with_nothing_to_replace_is_copied_byte_for_byte(tmp_path):
    raw = 'id,note\r\n1,"all quiet, really"\r\n2,"nothing"'.encode("utf-8")
    src = tmp_path / "in.csv"
    src.write_bytes(raw)
    _run(format_for(src), src, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == raw


def test_jsonl_rewrites_only_changed_lines(tmp_path):
    lines = ['{"id": 1, "score": 1.50, "note": "Dana Whitfield lives in Tacoma"}',
             '{"id":2,"score":2.0,"note":"nothing here \\u00e9"}',
             '{"id": 3, "score": 3, "note": "Marisol Vega"}']
    src = tmp_path / "in.jsonl"
    src.write_bytes(("\n".join(lines) + "\n").encode())
    _run(format_for(src), src, tmp_path / "out.jsonl")
    out = (tmp_path / "out.jsonl").read_text().splitlines()
    assert out[1] == lines[1]
    assert json.loads(out[0]) == {"id": 1, "score": 1.5, "note": "<PERSON> lives in <LOCATION>"}
    assert json.loads(out[2])["note"] == "<PERSON>"


def test_parquet_keeps_schema_and_other_columns(tmp_path):
    df = pd.DataFrame({"id": [1, 2], "when": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                       "note": ["Dana Whitfield called", None]})
    src = tmp_path / "in.parquet"
    df.to_parquet(src)
    _run(format_for(src), src, tmp_path / "out.parquet")
    out = pd.read_parquet(tmp_path / "out.parquet")
    assert list(out.dtypes) == list(df.dtypes)
    assert out["id"].tolist() == [1, 2] and out["when"].equals(df["when"])
    assert out["note"].tolist()[0] == "<PERSON> called" and pd.isna(out["note"].tolist()[1])


def test_table_columns_named_in_profile_limit_what_is_read(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(CSV)
    prof = load_profile("default", tables={"columns": ["note"], "id_columns": {"id": "ID"}})
    docs = format_for(src, prof).read(src, "in.csv", "c")
    assert {d.layout.column for d in docs} == {"note", "id"}
    assert [d.layout.entity_type for d in docs if d.layout.column == "id"] == ["ID", "ID"]


def test_table_text_columns_are_detected_and_numbers_skipped():
    df = pd.DataFrame({"n": ["1", "2.5"], "code": ["A-1", "B-2"], "note": ["hi there", ""], "e": ["", ""]})
    assert text_columns(df, TableOptions()) == ["code", "note"]


def test_table_missing_column_is_a_document_error():
    from deid.errors import DocumentError

    with pytest.raises(DocumentError):
        frame_documents(pd.DataFrame({"a": ["x"]}), TableOptions(("nope",)), "d", "c", TableInfo("csv", ""))


@pytest.mark.slow
def test_process_dataframe_pseudonymises_id_column_consistently_with_text(engine):
    from deid.api import Pipeline

    pipe = Pipeline(engine)
    df = pd.DataFrame({"client": ["Dana Whitfield", "Marisol Vega"], "age": [34, 41],
                       "note": ["Dana Whitfield said the drive from Tacoma was long.",
                                "Marisol Vega missed the session."]})
    out = pipe.process_dataframe(df, columns=["note"], id_columns={"client": "PERSON"})
    assert out["age"].tolist() == [34, 41]
    assert "Whitfield" not in " ".join(out["note"]) and "Dana" not in " ".join(out["client"])
    assert out["client"][0] in out["note"][0]  # same surrogate in the ID column and in the text
    assert df["client"][0] == "Dana Whitfield"  # input frame untouched
