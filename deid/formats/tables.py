"""Tables (CSV, TSV, JSONL, Parquet) via pandas: one Document per text cell, other columns untouched.

Text columns are the ones named in the profile (``tables.columns``, CLI ``--columns``) or, when
none are named, every column holding text (all-numeric and empty columns are skipped). An ID
column (``tables.id_columns``: column -> entity type, CLI ``--id-column client:PERSON``) is
replaced as one whole mention of that type, so its pseudonym matches the same value in the text.
CSV/TSV keep encoding, BOM and line endings (a file with nothing to replace is copied as is);
JSONL rewrites only the lines that changed; Parquet keeps its schema.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from deid.errors import DocumentError
from deid.formats.base import TextLayout, atomic_write, decode_bytes, encode_text
from deid.model import Document, Mention

_NUMERIC = re.compile(r"\s*[-+]?(\d[\d,_]*)?(\.\d+)?([eE][-+]?\d+)?\s*")


@dataclass(frozen=True)
class TableInfo:
    """What the writer needs to put cells back into the source file."""

    kind: str  # csv | tsv | jsonl | parquet
    sha256: str
    text: TextLayout | None = None
    newline: str = "\n"


@dataclass(frozen=True)
class CellLayout:
    """A cell's position; ``entity_type`` set means the whole cell is one mention (an ID column)."""

    row: int
    column: str
    info: TableInfo = field(repr=False)
    entity_type: str | None = None


@dataclass(frozen=True)
class TableOptions:
    """Which columns are text, which are IDs, and which column names the case."""

    columns: tuple[str, ...] = ()
    id_columns: tuple[tuple[str, str], ...] = ()
    case_column: str | None = None


def text_columns(df: Any, options: TableOptions) -> list[str]:
    """The named text columns, or every column holding text that is not an ID/case column."""
    ids = {c for c, _ in options.id_columns}
    if options.columns:
        missing = [c for c in options.columns if c not in df.columns]
        if missing:
            raise DocumentError(f"table has no column(s) named {', '.join(missing)}")
        return [c for c in options.columns if c not in ids]
    out = []
    for col in df.columns:
        if col in ids or col == options.case_column:
            continue
        values = [v for v in df[col].tolist() if isinstance(v, str) and v.strip()]
        if values and not all(_NUMERIC.fullmatch(v) for v in values):
            out.append(col)
    return out


def frame_documents(df: Any, options: TableOptions, doc_id: str, case: str,
                    info: TableInfo, path: str | None = None) -> list[Document]:
    """One Document per non-empty string cell of the text and ID columns (row order)."""
    for col, _ in options.id_columns:
        if col not in df.columns:
            raise DocumentError("table has no ID column with the configured name")
    cols = [(c, None) for c in text_columns(df, options)] + list(options.id_columns)
    cases = (df[options.case_column].tolist() if options.case_column and options.case_column in df.columns
             else None)
    docs = []
    for col, etype in cols:
        for row, value in enumerate(df[col].tolist()):
            if not isinstance(value, str) or not value.strip():
                continue
            c = str(cases[row]) if cases is not None and cases[row] is not None else case
            docs.append(Document(id=f"{doc_id}#{row}:{col}", case=c, text=value,
                                 layout=CellLayout(row, str(col), info, etype), path=path))
    return docs


def fixed_mention(doc: Document) -> list[Mention] | None:
    """An ID-column cell is one whole mention of its configured type; other documents: None."""
    lay = doc.layout
    if isinstance(lay, CellLayout) and lay.entity_type:
        return [Mention(0, len(doc.text), lay.entity_type, 1.0, "IdColumn", doc.text)]
    return None


def apply_outputs(df: Any, docs: Sequence[Document], outputs: Sequence[Any]) -> tuple[Any, bool]:
    """A copy of df with each cell Document's new text; also whether anything changed."""
    out = df.copy()
    changed = False
    for d, new in zip(docs, outputs):
        lay = d.layout
        if not isinstance(lay, CellLayout) or lay.row < 0 or new == d.text:
            continue
        col = _column(out, lay.column)
        if out[col].dtype != object and not _is_str_dtype(out[col]):
            out[col] = out[col].astype(object)
        out.iat[lay.row, out.columns.get_loc(col)] = new
        changed = True
    return out, changed


def _column(df: Any, name: str) -> Any:
    for c in df.columns:
        if str(c) == name:
            return c
    raise DocumentError("table column disappeared")


def _is_str_dtype(series: Any) -> bool:
    import pandas as pd

    return bool(pd.api.types.is_string_dtype(series))


class TableFormat:
    """Reader/writer for .csv, .tsv, .jsonl/.ndjson and .parquet."""

    suffixes = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet")

    def __init__(self, options: TableOptions | None = None) -> None:
        """Options come from the profile's ``tables`` section (see configured)."""
        self.options = options or TableOptions()

    def configured(self, profile: Any) -> "TableFormat":
        """A copy set up from a profile's ``tables`` section."""
        t = profile.tables
        return TableFormat(TableOptions(tuple(t.columns), tuple(t.id_columns.items()), t.case_column))

    def read(self, path: Path, doc_id: str, case: str) -> list[Document]:
        """Read the table; one Document per text cell (a placeholder when there is none)."""
        df, info = _load(path)
        docs = frame_documents(df, self.options, doc_id, case, info, str(path))
        return docs or [Document(id=doc_id, case=case, text="", layout=CellLayout(-1, "", info),
                                 path=str(path))]

    def write(self, docs: list[Document], texts: list[Any], dest: Path) -> None:
        """Re-read the source, put the new cells in, and write the same kind of file atomically."""
        info = docs[0].layout.info
        src = Path(_source(docs))
        raw = src.read_bytes()
        if hashlib.sha256(raw).hexdigest() != info.sha256:
            raise DocumentError("input changed while it was processed")
        df, _ = _load(src)
        new_df, changed = apply_outputs(df, docs, texts)
        if not changed and info.kind != "parquet":
            atomic_write(dest, raw)
        elif info.kind in ("csv", "tsv"):
            atomic_write(dest, _csv_bytes(new_df, info, raw))
        elif info.kind == "jsonl":
            atomic_write(dest, _jsonl_bytes(raw, info, docs, texts))
        else:
            atomic_write(dest, lambda tmp: new_df.to_parquet(tmp, engine="pyarrow"))


def _source(docs: list[Document]) -> str:
    for d in docs:
        if d.path:
            return d.path
    raise DocumentError("table documents carry no source path")


def _kind(path: Path) -> str:
    s = path.suffix.lower()
    return {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(s, "parquet")


def _load(path: Path) -> tuple[Any, TableInfo]:
    import pandas as pd

    raw = path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    kind = _kind(path)
    try:
        if kind == "parquet":
            return pd.read_parquet(io.BytesIO(raw), engine="pyarrow"), TableInfo(kind, sha)
        text, enc = decode_bytes(raw)
        newline = "\r\n" if "\r\n" in text[:100_000] else "\n"
        if kind == "jsonl":
            lines = [ln for ln in text.splitlines() if ln.strip()]
            df = pd.DataFrame([json.loads(ln) for ln in lines])
        else:
            df = pd.read_csv(io.StringIO(text), sep="\t" if kind == "tsv" else ",", dtype=str,
                             keep_default_na=False, na_filter=False, index_col=False)
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(f"cannot parse {kind} table ({type(exc).__name__})") from None
    return df, TableInfo(kind, sha, enc, newline)


def _csv_bytes(df: Any, info: TableInfo, raw: bytes) -> bytes:
    buf = io.StringIO()
    df.to_csv(buf, sep="\t" if info.kind == "tsv" else ",", index=False, lineterminator=info.newline,
              quoting=csv.QUOTE_MINIMAL)
    text = buf.getvalue()
    assert info.text is not None
    original, _ = decode_bytes(raw)
    if not original.endswith(("\n", "\r")) and text.endswith(info.newline):
        text = text[: -len(info.newline)]
    return encode_text(text, info.text)


def _jsonl_bytes(raw: bytes, info: TableInfo, docs: list[Document], texts: list[Any]) -> bytes:
    """Rewrite only the JSON lines holding a changed cell; every other byte stays."""
    assert info.text is not None
    text, _ = decode_bytes(raw)
    updates: dict[int, dict[str, str]] = {}
    for d, new in zip(docs, texts):
        lay = d.layout
        if isinstance(lay, CellLayout) and lay.row >= 0 and new != d.text:
            updates.setdefault(lay.row, {})[lay.column] = new
    out, row = [], 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if not content.strip():
            out.append(line)
            continue
        if row in updates:
            obj = json.loads(content)
            obj.update(updates[row])
            compact = '": ' not in content and '", "' not in content
            seps = (",", ":") if compact else (", ", ": ")
            content = json.dumps(obj, ensure_ascii=content.isascii(), separators=seps)
            line = content + line[len(line.rstrip("\r\n")):]
        out.append(line)
        row += 1
    return encode_text("".join(out), info.text)
