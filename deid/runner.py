"""Batch runs: expand inputs, process documents in three phases, fail closed, write atomically."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from tqdm import tqdm

tqdm.monitor_interval = 0  # no monitor thread in the parent: worker processes may be forked from it

from deid.engine import Engine, content_hash
from deid.errors import InputError
from deid.formats import supported_suffixes
from deid.model import DocResult, Risk
from deid.spool import ResultSpool
from deid.stages import Job, Stages, note_corpus

if TYPE_CHECKING:
    from deid.parallel import EngineSpec

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    """Results of a run, with a summary; holds no document text.

    The per-document results are in a ResultSpool (a temporary file, in document order), so the
    report's memory does not grow with the corpus; ``documents`` reads them back.
    """

    spool: ResultSpool = field(default_factory=ResultSpool)
    seconds: float = 0.0
    settings: str = ""  # HMAC of the profile under the secret: --resume reuses only same-settings runs

    @property
    def documents(self) -> list[DocResult]:
        """Every document's result, in document order (read back from the spool)."""
        return list(self.spool.results())

    @property
    def failed(self) -> list[DocResult]:
        """Documents that failed (not written)."""
        return list(self.spool.failed)

    def summary(self) -> dict[str, object]:
        """Totals for the report."""
        statuses = self.spool.statuses
        return {"documents": self.spool.written, "ok": statuses.get("ok", 0),
                "failed": statuses.get("failed", 0), "skipped": statuses.get("skipped", 0),
                "entities": dict(sorted(self.spool.entities.items())), "seconds": round(self.seconds, 3),
                "settings": self.settings}

    def entries(self) -> Iterator[dict[str, Any]]:
        """The report entries of the documents, in order, one at a time."""
        return self.spool.entries()

    def to_dict(self) -> dict[str, object]:
        """The JSON report (DESIGN.md), built whole in memory (deid.report.write_report streams it)."""
        return {"documents": list(self.entries()), "summary": self.summary()}

    def close(self) -> None:
        """Remove the spool file."""
        self.spool.close()


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


def _batches(jobs: list[tuple[int, Job]], size: int) -> Iterator[list[tuple[int, Job]]]:
    """Batches of about `size` files that keep each case whole (jobs come sorted by path, so a
    case's files are together).

    A case that does not fit in what is left of a batch starts the next one; a case longer than
    `size` is one batch of its own, however long: case-level name propagation (phase 1) and the
    case's entity resolution (phase 2: nicknames, short forms, the client) must see every
    document of the case, or its documents would get different surrogates. Only the case's texts
    and mentions are held meanwhile (spaCy still runs `size` at a time). Batching never depends
    on the number of workers.
    """
    runs: list[list[tuple[int, Job]]] = []
    for item in jobs:
        if runs and runs[-1][-1][1].case == item[1].case:
            runs[-1].append(item)
        else:
            runs.append([item])
    cur: list[tuple[int, Job]] = []
    for case_jobs in runs:
        if cur and len(cur) + len(case_jobs) > size:
            yield cur
            cur = []
        if len(case_jobs) > size:
            yield case_jobs
            continue
        cur.extend(case_jobs)
    if cur:
        yield cur


def run_settings(engine: Engine) -> str:
    """A fingerprint of the profile (roster included) keyed by the secret; reveals neither."""
    key = getattr(engine.pseudo, "key", None)
    if key is None:
        return ""
    # the document window only paces workers (outputs are the same whatever it is); left out, so
    # reports made before it existed keep their fingerprint and --resume still reuses them
    return key("RUN", engine.profile.model_dump_json(exclude={"run": {"in_flight_documents_per_worker"}}))


def load_previous(path: Path | None, settings: str = "") -> dict[str, dict[str, Any]]:
    """Entries of a previous report that were written, by path (for --resume).

    Nothing is reused when the previous run had other settings (profile, roster or secret): its
    outputs would not match what this run writes.
    """
    if path is None or not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if (data.get("summary") or {}).get("settings", "") != settings:
            log.warning("--resume: the previous run used another profile, roster or secret; "
                        "every file is processed again")
            return {}
        return {d["path"]: d for d in data.get("documents", [])
                if d.get("status") == "ok" and d.get("sha256")}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise InputError("cannot read the previous report for --resume") from None


def _resumed(job: Job, previous: dict[str, dict[str, Any]]) -> DocResult | None:
    """The previous result when the input is unchanged and its output is still there."""
    prev = previous.get(job.rel)
    if prev is None or not job.dest.exists():
        return None
    try:
        sha = content_hash(job.src.read_bytes())
    except OSError:
        return None
    if sha != prev["sha256"]:
        return None
    res = DocResult(path=job.rel, status="ok", entities=dict(prev.get("entities", {})), sha256=sha,
                    output=prev.get("output"), notes={"resumed": True})
    risk = prev.get("risk") or {}
    res.risk = Risk(score=risk.get("score", 0.0), level=risk.get("level", "unknown"),
                    reasons=list(risk.get("reasons", [])))
    return res


def run(engine: Engine, input_path: Path, output_path: Path, progress: bool | None = None,
        workers: int = 1, spec: "EngineSpec | None" = None, resume_from: Path | None = None) -> RunReport:
    """De-identify every supported file under INPUT into OUTPUT; failures are reported, not written.

    With workers > 1 (and an EngineSpec to build their engines) phases 1 and 3 run in worker
    processes; phase 2 stays here, in document order, so the output equals a one-worker run.
    """
    t0 = time.perf_counter()
    jobs = plan_jobs(input_path, output_path)
    settings = run_settings(engine)
    previous = load_previous(resume_from, settings)
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(jobs), unit="doc", disable=not show, file=sys.stderr, dynamic_ncols=True)
    suffixes = set(supported_suffixes())
    spool = ResultSpool()  # finished results, on disk in document order
    results: dict[int, DocResult] = {}  # results of the batches still in flight
    todo: list[tuple[int, Job]] = []
    try:
        for seq, job in enumerate(jobs):
            if job.src.suffix.lower() not in suffixes:
                res = DocResult(path=job.rel, status="skipped",
                                error=f"unsupported file type '{job.src.suffix.lower() or '(none)'}'")
                log.warning("skipped %s: %s", job.rel, res.error)
                spool.add(seq, res)
            elif (done := _resumed(job, previous)) is not None:
                spool.add(seq, done)
            else:
                todo.append((seq, job))
        previous.clear()
        bar.update(len(jobs) - len(todo))
        _process(engine, jobs, todo, spec, workers, results, spool, bar, suffixes)
        spool.finish(len(jobs))
    except BaseException:
        spool.close()
        raise
    report = RunReport(spool=spool, settings=settings)
    report.seconds = time.perf_counter() - t0
    log.info("processed %d files in %.1fs (%d failed)", len(jobs), report.seconds, len(report.failed))
    return report


def _process(engine: Engine, jobs: list[Job], todo: list[tuple[int, Job]], spec: "EngineSpec | None",
             workers: int, results: dict[int, DocResult], spool: ResultSpool, bar: Any,
             suffixes: set[str]) -> None:
    """The three phases over `todo`; each finished batch's results go to the spool."""
    batch = max(1, engine.profile.nlp.batch_size)
    timeout = engine.profile.run.timeout_seconds or None
    readable = [(seq, job) for seq, job in enumerate(jobs) if job.src.suffix.lower() in suffixes]

    def corpus_pass() -> None:  # before phase 2: no surrogate is a real name of any file (resumed
        # ones too, so a resumed run chooses as the full run did)
        note_corpus(engine, readable, spec.profile if spec else None, timeout)

    def settle(seqs: list[int]) -> None:  # a batch is finished: its results leave memory
        for seq in seqs:
            spool.add(seq, results.pop(seq))

    try:
        if workers > 1 and spec is not None and len(todo) > batch:
            from deid.parallel import run_parallel

            run_parallel(engine, spec, list(_batches(todo, batch)), workers, timeout, results, bar,
                         prepare=corpus_pass, settle=settle)  # overlaps the workers' first detections
        else:
            corpus_pass()
            stages = Stages(engine, timeout, spec.profile if spec else None)
            for chunk in _batches(todo, batch):
                batch_keys: list[str] = []
                for seq, res, keys in stages.detect(chunk):
                    results[seq] = res
                    if res.status == "ok":
                        batch_keys.extend(keys)
                engine.assign(batch_keys)
                engine.forget_pseudonym_journal()  # no worker to hand it to
                # phase 2 (serial, document order; one batch at once, so
                # a surrogate is never a real name found anywhere in the batch)
                ok = [seq for seq, _ in chunk if results[seq].status == "ok"]
                for seq, res in stages.rewrite(ok):
                    results[seq] = res
                engine.record_written([results[seq] for seq in ok])  # proofs of deid's own output
                settle([seq for seq, _ in chunk])
                bar.update(len(chunk))
    finally:
        bar.close()
        engine.finish_run()  # proofs of this run's output, for runs over it later
        if spool.fresh_ok or any(r.status == "ok" and not r.notes.get("resumed") for r in results.values()):
            os.sync()  # outputs are renamed into place unsynced; flush them all once, before the report


def default_workers() -> int:
    """Number of worker processes by default: the machine's cores."""
    return os.cpu_count() or 1
