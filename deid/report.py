"""Reports: JSON for machines, a short text summary for people; never document text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from deid.formats.base import atomic_write


def write_json(data: dict[str, Any], path: Path) -> None:
    """Write a JSON report atomically."""
    atomic_write(path, (json.dumps(data, indent=2, sort_keys=False) + "\n").encode("utf-8"))


def write_report(entries: Iterable[dict[str, Any]], summary: dict[str, Any], path: Path) -> None:
    """Write ``{"documents": [...], "summary": ...}`` atomically, one entry at a time.

    The bytes are those of ``write_json`` on the whole report, without holding it in memory.
    """
    head, tail = json.dumps({"documents": [], "summary": summary}, indent=2).split("[]", 1)

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(head)
            sep = "[\n"
            for entry in entries:
                fh.write(sep + "\n".join("    " + line for line in json.dumps(entry, indent=2).split("\n")))
                sep = ",\n"
            fh.write("[]" if sep == "[\n" else "\n  ]")
            fh.write(tail + "\n")

    atomic_write(path, write)


def text_summary(summary: dict[str, Any]) -> str:
    """One-paragraph human summary of a run."""
    ents = ", ".join(f"{k} {v}" for k, v in summary.get("entities", {}).items()) or "none"
    return (f"{summary['ok']} written, {summary['failed']} failed, {summary['skipped']} skipped "
            f"of {summary['documents']} files in {summary['seconds']:.1f}s; replaced: {ents}")
