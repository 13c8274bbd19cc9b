"""`deid check` / `deid score`: find the files, assess each document, locate reasons by line."""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from deid.config import Profile
from deid.errors import DeidError, InputError
from deid.formats import format_for, supported_suffixes
from deid.model import Risk
from deid.risk.score import assess_text

log = logging.getLogger(__name__)


@dataclass
class Checked:
    """One document's verdict: where it is, its risk (reasons carry line/column), or why it failed."""

    path: str
    doc_id: str
    risk: Risk | None = None
    error: str | None = None
    reasons: list[dict[str, Any]] = field(default_factory=list)

    @property
    def shareable(self) -> bool:
        """Fail closed: a document that could not be assessed is not shareable."""
        return self.risk is not None and bool(self.risk.shareable)

    def to_dict(self) -> dict[str, Any]:
        """Report form (no text)."""
        d: dict[str, Any] = {"path": self.path, "document": self.doc_id,
                             "status": "failed" if self.error else "ok", "shareable": self.shareable}
        if self.risk is not None:
            d["risk"] = {**self.risk.to_dict(), "reasons": self.reasons}
        if self.error:
            d["error"] = self.error
        return d


def expand(paths: list[Path]) -> list[Path]:
    """Files to check: named files as given, folders walked (hidden and unsupported files skipped)."""
    suffixes = set(supported_suffixes())
    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise InputError(f"not found: {p}")
        if p.is_file():
            if p.suffix.lower() not in suffixes:
                raise InputError(f"unsupported file type '{p.suffix.lower() or '(none)'}': {p}")
            files.append(p)
            continue
        for f in sorted(x for x in p.rglob("*") if x.is_file()):
            rel = f.relative_to(p)
            if not any(part.startswith(".") for part in rel.parts) and f.suffix.lower() in suffixes:
                files.append(f)
    return files


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts."""
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def locate(reasons: list[dict[str, Any]], text: str, layout: Any = None) -> list[dict[str, Any]]:
    """Copies of the reasons with 1-based line and column of their start, in the file when known.

    Subtitle documents join cue texts; their layout maps each piece back to the raw file, so lines
    point into the .vtt/.srt file itself. Otherwise lines count within the document's text.
    """
    to_file, source = _file_mapper(layout)
    starts = line_starts(source if source is not None else text)
    out = []
    for r in reasons:
        r = dict(r)
        if "start" in r:
            pos = to_file(r["start"])
            i = bisect_right(starts, pos) - 1
            r["line"], r["column"] = i + 1, pos - starts[i] + 1
        out.append(r)
    return out


def _file_mapper(layout: Any) -> tuple[Callable[[int], int], str | None]:
    spans = getattr(layout, "spans", None)
    extra = getattr(layout, "extra", None)
    raw, raw_spans = getattr(extra, "raw", None), getattr(extra, "raw_spans", None)
    if not spans or not isinstance(raw, str) or not raw_spans or len(raw_spans) != len(spans):
        return (lambda pos: pos), None
    firsts = [s for s, _ in spans]

    def to_file(pos: int) -> int:
        i = max(0, bisect_right(firsts, pos) - 1)
        return min(raw_spans[i][0] + max(0, pos - spans[i][0]), raw_spans[i][1])

    return to_file, raw


def check_files(files: list[Path], profile: Profile, analyzer: Any, label: Callable[[str], str],
                known: frozenset[str] = frozenset()) -> list[Checked]:
    """Assess every document of every file under the profile's risk thresholds."""
    results: list[Checked] = []
    for f in files:
        shown = f.as_posix()
        try:
            docs = format_for(f).read(f, shown, f.parent.name or "case")
        except Exception as exc:  # fail closed: reported as not shareable
            msg = str(exc) if isinstance(exc, DeidError) else f"{type(exc).__name__} while reading"
            log.error("failed %s: %s", shown, msg)
            results.append(Checked(shown, shown, error=msg))
            continue
        for d in docs:
            try:
                risk = assess_text(d.text, analyzer, label, profile.risk, known)
                results.append(Checked(shown, d.id, risk, reasons=locate(risk.reasons, d.text, d.layout)))
            except Exception as exc:
                log.error("failed %s: %s while assessing", shown, type(exc).__name__)
                results.append(Checked(shown, d.id, error=f"{type(exc).__name__} while assessing"))
    return results
