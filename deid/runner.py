"""Batch runs: expand inputs, process documents in three phases, fail closed, write atomically."""

from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from tqdm import tqdm

from deid.engine import Engine, content_hash
from deid.errors import DeidError, InputError
from deid.formats import format_for, supported_suffixes
from deid.model import Document, DocResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """One input file and where its output goes."""

    src: Path
    dest: Path
    rel: str
    case: str


@dataclass
class RunReport:
    """Results of a run, with a summary; holds no document text."""

    documents: list[DocResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[DocResult]:
        """Documents that failed (not written)."""
        return [d for d in self.documents if d.status == "failed"]

    def summary(self) -> dict[str, object]:
        """Totals for the report."""
        totals: dict[str, int] = {}
        for d in self.documents:
            for k, v in d.entities.items():
                totals[k] = totals.get(k, 0) + v
        statuses: dict[str, int] = {}
        for d in self.documents:
            statuses[d.status] = statuses.get(d.status, 0) + 1
        return {"documents": len(self.documents), "ok": statuses.get("ok", 0),
                "failed": statuses.get("failed", 0), "skipped": statuses.get("skipped", 0),
                "entities": dict(sorted(totals.items())), "seconds": round(self.seconds, 3)}

    def to_dict(self) -> dict[str, object]:
        """The JSON report (DESIGN.md)."""
        return {"documents": [d.to_dict() for d in self.documents], "summary": self.summary()}


def _is_within(child: Path, parent: Path) -> bool:
    try:
        child.relative_to(parent)
        return True
    except ValueError:
        return False


def plan_jobs(input_path: Path, output_path: Path) -> list[Job]:
    """Validate INPUT/OUTPUT and list the files to process; OUTPUT inside INPUT is refused."""
    if not input_path.exists():
        raise InputError(f"input not found: {input_path}")
    src = input_path.resolve()
    out = output_path.resolve()
    if out == src or (src.is_dir() and _is_within(out, src)):
        raise InputError("OUTPUT must not be INPUT or inside it")
    if src.is_dir() and _is_within(src, out):
        raise InputError("INPUT must not be inside OUTPUT")
    if src.is_file():
        if out.is_dir() or not out.suffix:
            dest = out / src.name
        else:
            dest = out
        if dest.resolve() == src:
            raise InputError("OUTPUT would overwrite INPUT")
        return [Job(src, dest, src.name, src.parent.name or "case")]
    jobs = []
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        rel = path.relative_to(src)
        if any(part.startswith(".") for part in rel.parts):
            continue
        case = rel.parts[0] if len(rel.parts) > 1 else src.name
        jobs.append(Job(path, out / rel, rel.as_posix(), case))
    return jobs


def _batches(jobs: list[Job], size: int) -> Iterator[list[Job]]:
    for i in range(0, len(jobs), size):
        yield jobs[i:i + size]


def _fail(result: DocResult, exc: BaseException) -> DocResult:
    result.status = "failed"
    result.error = str(exc) if isinstance(exc, DeidError) else f"{type(exc).__name__} while processing"
    return result


def run(engine: Engine, input_path: Path, output_path: Path, progress: bool | None = None) -> RunReport:
    """De-identify every supported file under INPUT into OUTPUT; failures are reported, not written."""
    t0 = time.perf_counter()
    jobs = plan_jobs(input_path, output_path)
    report = RunReport()
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(jobs), unit="doc", disable=not show, file=sys.stderr, dynamic_ncols=True)
    suffixes = set(supported_suffixes())
    try:
        for batch in _batches(jobs, max(1, engine.profile.nlp.batch_size)):
            report.documents.extend(_process_batch(engine, batch, suffixes))
            bar.update(len(batch))
    finally:
        bar.close()
    report.seconds = time.perf_counter() - t0
    log.info("processed %d files in %.1fs (%d failed)", len(jobs), report.seconds, len(report.failed))
    return report


def _process_batch(engine: Engine, batch: list[Job], suffixes: set[str]) -> list[DocResult]:
    results: dict[int, DocResult] = {}
    loaded: list[tuple[int, Job, list[Document]]] = []
    for i, job in enumerate(batch):
        res = DocResult(path=job.rel, status="ok")
        results[i] = res
        if job.src.suffix.lower() not in suffixes:
            res.status = "skipped"
            res.error = f"unsupported file type '{job.src.suffix.lower() or '(none)'}'"
            log.warning("skipped %s: %s", job.rel, res.error)
            continue
        try:
            res.sha256 = content_hash(job.src.read_bytes())
            docs = format_for(job.src).read(job.src, job.rel, job.case)
            loaded.append((i, job, docs))
        except Exception as exc:  # fail closed: report and move on
            _fail(res, exc)
            log.error("failed %s: %s", job.rel, res.error)
    # Phase 1 for the whole batch at once (nlp.pipe); isolate a failure to its file.
    all_docs = [d for _, _, docs in loaded for d in docs]
    try:
        flat = engine.detect(all_docs)
        mentions_by_file, k = [], 0
        for _, _, docs in loaded:
            mentions_by_file.append(flat[k:k + len(docs)])
            k += len(docs)
    except Exception:
        mentions_by_file = []
        for i, job, docs in loaded:
            try:
                mentions_by_file.append(engine.detect(docs))
            except Exception as exc:
                _fail(results[i], exc)
                mentions_by_file.append(None)
    for (i, job, docs), mentions in zip(loaded, mentions_by_file):
        res = results[i]
        if mentions is None:
            continue
        t = time.perf_counter()
        try:
            engine.pseudo.assign(engine.collect(docs, mentions))  # phase 2 (serial)
            texts = [engine.replace(d, ms) for d, ms in zip(docs, mentions)]  # phase 3
            res.entities = engine.count([m for ms in mentions for m in ms])
            res.risk = engine.assess("\n".join(texts))
            format_for(job.src).write(docs, texts, job.dest)  # atomic: temp file + rename
            res.output = job.rel
        except Exception as exc:
            _fail(res, exc)
            log.error("failed %s: %s", job.rel, res.error)
        res.seconds = time.perf_counter() - t
        log.debug("%s: %d mentions, %.2fs", job.rel, sum(res.entities.values()), res.seconds)
    return [results[i] for i in range(len(batch))]


def default_workers() -> int:
    """Number of worker processes by default: the machine's cores."""
    return os.cpu_count() or 1
