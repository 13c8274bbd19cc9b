"""The per-process halves of a run: phase 1 (read, detect, collect keys) and phase 3 (rewrite,
write). Phase 2 (assigning surrogates) is the caller's serial step between them. The same class
runs in the parent for one worker and inside each worker process for many, so both give the same
output.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from deid.config import Profile
from deid.analyze import Detection
from deid.engine import Engine, content_hash
from deid.errors import DeidError, DocumentError
from deid.formats import detect_documents, format_for
from deid.formats.pieces import output_document, output_text, rewrite_output
from deid.model import Document, DocResult, Mention

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and where its output goes; paths are held as strings (a run plans every
    file of the corpus up front, so a Job is kept small: ~0.3 KB instead of ~1 KB with Paths)."""

    src_path: str
    dest_path: str
    rel: str
    case: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "src_path", str(self.src_path))
        object.__setattr__(self, "dest_path", str(self.dest_path))
        object.__setattr__(self, "case", sys.intern(self.case))

    @property
    def src(self) -> Path:
        """The input file."""
        return Path(self.src_path)

    @property
    def dest(self) -> Path:
        """Where the output goes."""
        return Path(self.dest_path)


@dataclass
class Detected:
    """Phase-1 result of one file, kept by the process that will rewrite it."""

    job: Job
    result: DocResult
    docs: list[Document] = field(default_factory=list)
    mentions: list[list[Mention]] = field(default_factory=list)
    near: list[list[Mention]] = field(default_factory=list)  # left in place; for the residual risk
    keys: list[str] = field(default_factory=list)


class DocumentTimeout(DocumentError):
    """A document took longer than the profile's run.timeout_seconds."""

    code = "E007"


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this thread after `seconds` (main thread only; else no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"timed out after {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fail(result: DocResult, exc: BaseException) -> DocResult:
    """Mark a result failed with a message that never holds document text."""
    result.status = "failed"
    result.error = str(exc) if isinstance(exc, DeidError) else f"{type(exc).__name__} while processing"
    return result


def note_corpus(engine: Engine, jobs: list[tuple[int, Job]], profile: Profile | None = None,
                timeout: float | None = None) -> None:
    """Before phase 2: read every document once and give its words to the pseudonymizer, so no
    surrogate chosen for an early batch is a real name found in a later one (deid/pseudo/corpus.py).

    Only the realistic style needs it. A file that cannot be read here is skipped: phase 1 reads it
    again and fails it closed.
    """
    note = getattr(engine.pseudo, "note_corpus", None)
    if note is None or getattr(engine.pseudo, "style", "") != "realistic":
        return
    prof = profile or engine.profile
    t = time.perf_counter()
    unread = 0
    for _, job in jobs:
        try:
            with deadline(timeout):
                docs = format_for(job.src, prof).read(job.src, job.rel, job.case)
        except Exception:
            unread += 1
            continue
        note(d.text for d in docs)
    log.info("corpus word pass: %d files in %.1fs (%d left to phase 1 unread)", len(jobs),
             time.perf_counter() - t, unread)


class Stages:
    """Phase 1 and phase 3 for one process, holding phase-1 results until they are rewritten."""

    def __init__(self, engine: Engine, timeout: float | None = None, profile: Profile | None = None) -> None:
        """Use a built engine; `timeout` is the per-document limit; `profile` sets up formats."""
        self.engine = engine
        self.timeout = timeout
        self.profile = profile or engine.profile
        self.held: dict[int, Detected] = {}

    def detect(self, batch: list[tuple[int, Job]]) -> list[tuple[int, DocResult, list[str]]]:
        """Read, detect (one nlp.pipe batch) and collect keys; returns (seq, result, keys)."""
        loaded: list[tuple[int, Detected]] = []
        for seq, job in batch:
            det = Detected(job, DocResult(path=job.rel, status="ok"))
            self.held[seq] = det
            try:
                with deadline(self.timeout):
                    det.result.sha256 = content_hash(job.src.read_bytes())
                    det.docs = format_for(job.src, self.profile).read(job.src, job.rel, job.case)
                loaded.append((seq, det))
            except Exception as exc:  # fail closed: report and move on
                fail(det.result, exc)
        self._detect_all([d for _, d in loaded])
        out = []
        for seq, job in batch:
            det = self.held[seq]
            if det.result.status == "ok":
                try:
                    det.keys = self.engine.collect(det.docs, det.mentions)
                except Exception as exc:
                    fail(det.result, exc)
            if det.result.status != "ok":
                log.error("failed %s: %s", job.rel, det.result.error)
                self.held.pop(seq)
            out.append((seq, det.result, det.keys))
        return out

    def _detect_all(self, dets: list[Detected]) -> None:
        """One batch through nlp.pipe; on any error or timeout, each file again on its own."""
        docs = [d for det in dets for d in det.docs]
        if not docs:
            return
        try:
            with deadline(self.timeout * len(dets) if self.timeout else None):
                flat = self._detect(docs)
            k = 0
            for det in dets:
                self._keep(det, flat[k:k + len(det.docs)])
                k += len(det.docs)
            return
        except Exception:
            pass
        for det in dets:
            try:
                with deadline(self.timeout):
                    self._keep(det, self._detect(det.docs))
            except Exception as exc:
                fail(det.result, exc)

    def _detect(self, docs: list[Document]) -> list[Detection]:
        return detect_documents(self.engine.detect_full, docs, wrap=Detection)

    @staticmethod
    def _keep(det: Detected, found: list[Detection]) -> None:
        det.mentions = [d.mentions for d in found]
        det.near = [d.near for d in found]

    def rewrite(self, seqs: list[int]) -> list[tuple[int, DocResult]]:
        """Phase 3 for files already through phase 1 and 2: replace, assess, write atomically."""
        out = []
        for seq in seqs:
            det = self.held.pop(seq)
            res, job = det.result, det.job
            t = time.perf_counter()
            try:
                with deadline(self.timeout):
                    texts = [rewrite_output(self.engine.replace, d, ms)
                             for d, ms in zip(det.docs, det.mentions)]
                    res.entities = self.engine.count([m for ms in det.mentions for m in ms])
                    res.risk = self.engine.assess_near([output_text(t) for t in texts], det.near)
                    format_for(job.src, self.profile).write(det.docs, texts, job.dest)
                res.output = job.rel
                news = [output_document(d, t) for d, t in zip(det.docs, texts)]
                res.written = [row for d, ms, t in zip(det.docs, det.mentions, news)
                               for row in self.engine.pseudo.written_proofs(d, ms, t)]
                res.written += self.engine.pseudo.written_file_proof(det.docs, news)
            except Exception as exc:
                fail(res, exc)
                log.error("failed %s: %s", job.rel, res.error)
            res.seconds = time.perf_counter() - t
            out.append((seq, res))
        return out

    def drop(self, seq: int) -> None:
        """Forget a held file (its run failed elsewhere)."""
        self.held.pop(seq, None)
