"""Finished document results of a run, on disk in document order; only counters stay in memory.

A run used to keep one DocResult per document until the end for its report, so the parent grew
with the corpus. Here each finished result becomes one JSON line (its report form, never text) in
an unnamed temporary file, in document order: results finished out of order wait only until the
documents before them are done (at most the run's in-flight batches). The report is then
streamed from the file (deid/report.py). Failed results stay in memory too: the CLI lists them.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from typing import IO, Any, Iterator

from deid.errors import DeidError
from deid.model import DocResult, Risk


@dataclass
class ResultSpool:
    """Results by document number, written in order to a temporary file, with running totals."""

    file: IO[str] = field(default_factory=lambda: tempfile.TemporaryFile("w+", encoding="utf-8"),
                          repr=False)  # unnamed, mode 0600, gone when closed or at exit
    written: int = 0  # documents in the file (numbers 0 .. written-1)
    statuses: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    fresh_ok: int = 0  # written by this run (not resumed)
    failed: list[DocResult] = field(default_factory=list)
    _waiting: dict[int, DocResult] = field(default_factory=dict, repr=False)
    _moved: bool = False  # the file was read since the last write

    def add(self, seq: int, result: DocResult) -> None:
        """Take the final result of document `seq`; it is written once all before it are."""
        if seq < self.written or seq in self._waiting:
            raise DeidError("a document's result was reported twice")
        self._waiting[seq] = result
        while self.written in self._waiting:
            self._write(self._waiting.pop(self.written))

    def _write(self, res: DocResult) -> None:
        if self._moved:
            self.file.seek(0, 2)
            self._moved = False
        self.file.write(json.dumps(res.to_dict()) + "\n")
        self.written += 1
        self.statuses[res.status] = self.statuses.get(res.status, 0) + 1
        for k, v in res.entities.items():
            self.entities[k] = self.entities.get(k, 0) + v
        if res.status == "failed":
            self.failed.append(res)
        elif res.status == "ok" and not res.notes.get("resumed"):
            self.fresh_ok += 1

    def finish(self, total: int) -> None:
        """Check that every one of `total` documents has its result (fail closed if not)."""
        if self.written != total or self._waiting:
            raise DeidError(f"{total - self.written} document result(s) missing from the run")
        self.file.flush()

    def entries(self) -> Iterator[dict[str, Any]]:
        """The report entries in document order, read back from the file."""
        self.file.flush()
        self._moved = True  # the next write seeks back to the end
        self.file.seek(0)
        for line in self.file:
            yield json.loads(line)

    def results(self) -> Iterator[DocResult]:
        """The results in document order, rebuilt from their report entries."""
        return (from_dict(d) for d in self.entries())

    def close(self) -> None:
        """Remove the file."""
        self.file.close()


def from_dict(d: dict[str, Any]) -> DocResult:
    """A DocResult from its report entry (DocResult.to_dict gives the same entry back)."""
    risk = d.get("risk") or {}
    return DocResult(path=d["path"], status=d["status"], entities=dict(d.get("entities", {})),
                     risk=Risk(score=risk.get("score", 0.0), level=risk.get("level", "unknown"),
                               reasons=list(risk.get("reasons", [])), k_estimate=risk.get("k_estimate"),
                               shareable=risk.get("shareable")),
                     error=d.get("error"), output=d.get("output"), seconds=d.get("seconds", 0.0),
                     sha256=d.get("sha256"), notes=dict(d.get("notes", {})))
