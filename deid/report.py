"""Reports: JSON for machines, a short text summary for people; never document text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deid.formats.base import atomic_write


def write_json(data: dict[str, Any], path: Path) -> None:
    """Write a JSON report atomically."""
    atomic_write(path, (json.dumps(data, indent=2, sort_keys=False) + "\n").encode("utf-8"))


def text_summary(summary: dict[str, Any]) -> str:
    """One-paragraph human summary of a run."""
    ents = ", ".join(f"{k} {v}" for k, v in summary.get("entities", {}).items()) or "none"
    return (f"{summary['ok']} written, {summary['failed']} failed, {summary['skipped']} skipped "
            f"of {summary['documents']} files in {summary['seconds']:.1f}s; replaced: {ents}")
