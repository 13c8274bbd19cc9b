"""Helpers shared by the loaders: JSON/CSV reading that fails closed, span checks, interval subtraction."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Iterator

from deid.errors import InputError


def read_json(path: Path) -> Any:
    """Parse a JSON file; a missing or malformed file is an input error naming only the file."""
    if not path.is_file():
        raise InputError(f"evaluation set file not found: {path}")
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(f"{path.name}: not valid JSON") from None


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a UTF-8 CSV with a header (quoted multi-line fields allowed)."""
    if not path.is_file():
        raise InputError(f"evaluation set file not found: {path}")
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def check_span(text: str, start: Any, end: Any, where: str) -> tuple[int, int]:
    """Validate one gold span's offsets against its text."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InputError(f"{where}: span offsets outside the text")
    return start, end


def subtract(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of spans not covered by any hole (both lists of [start, end) pairs)."""
    out: list[tuple[int, int]] = []
    holes = sorted(holes)
    for s, e in spans:
        for hs, he in holes:
            if he <= s or hs >= e:
                continue
            if hs > s:
                out.append((s, hs))
            s = max(s, he)
            if s >= e:
                break
        if s < e:
            out.append((s, e))
    return out


def add_phi(phi: list[dict[str, Any]], start: int, end: int, label: str, entity: str | None = None) -> None:
    """Append a gold span unless an earlier one already covers it (nested annotations); trim overlaps."""
    for s, e in subtract([(start, end)], [(g["start"], g["end"]) for g in phi]):
        span: dict[str, Any] = {"start": s, "end": e, "label": label}
        if entity:
            span["entity"] = entity
        phi.append(span)


def finish_quasi(phi: list[dict[str, Any]], quasi: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """Unscored regions as quasi spans, minus anything that is gold phi."""
    holes = [(g["start"], g["end"]) for g in phi]
    out = []
    for s, e, why in quasi:
        out += [{"start": a, "end": b, "why": why} for a, b in subtract([(s, e)], holes)]
    return out
