"""Worker processes for big runs: each builds its Engine once, batches stream through a bounded
window, and the three phases keep the output identical to a one-worker run.

Phase 1 (read, detect, collect keys) and phase 3 (rewrite, write) run in the worker that
detected the batch, which keeps the documents in memory between the two; phase 2 (assign
surrogates) runs here, serially and in batch order. At most ``run.in_flight_per_worker`` batches
per worker, and at most ``run.in_flight_documents_per_worker`` documents (batches are as long as
their case, so the number of batches alone would let long cases hold more), are between dispatch
and rewrite at once (the run's window), so memory does not grow with the corpus; a worker with
nothing to detect is given a batch even past the document window, so every worker stays busy.
A worker is given a new batch only when it has fewer than ``DETECT_QUEUE`` batches waiting for
detection, so the window is shared by whichever worker is free: a batch
waiting for phase 2 (which goes in batch order) never keeps another worker idle. A worker that stops
answering (a document stuck past its timeout in C code) is killed and replaced; its batches
fail closed.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import multiprocessing as mp
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Callable

from deid.config import Profile
from deid.engine import Engine
from deid.errors import DeidError
from deid.model import DocResult
from deid.stages import Job, Stages

log = logging.getLogger(__name__)
GRACE_SECONDS = 60.0
DETECT_QUEUE = 2  # batches sent to a worker for detection and not yet answered: one running, one queued


@dataclass(frozen=True)
class EngineSpec:
    """Everything a worker needs to build the same Engine as the parent (picklable)."""

    profile: Profile
    secret: bytes = field(repr=False)
    pseudo_kwargs: dict[str, Any] = field(default_factory=dict)

    def build(self) -> Engine:
        """Load the model and build the engine (once per process)."""
        return Engine.build(self.profile, self.secret, **self.pseudo_kwargs)


# The parent's engine while fork-started workers are created (a forked worker finds it here).
_PARENT: Engine | None = None


def _engine_for_worker(spec: EngineSpec) -> Engine:
    """A forked worker reuses the parent's loaded analyzer with a pseudonymizer of its own;
    a spawned one builds everything."""
    parent = _PARENT
    if parent is None or parent.profile != spec.profile:
        return spec.build()
    from deid.pseudonyms import Pseudonymizer
    from deid.rewrite import build_anonymizer

    pseudo = Pseudonymizer.from_profile(spec.profile, spec.secret, **spec.pseudo_kwargs)
    analyzer = dataclasses.replace(parent.analyzer, skip=pseudo.is_known_surrogate)
    return Engine(profile=spec.profile, analyzer=analyzer, pseudo=pseudo, anonymizer=build_anonymizer())


def _worker_main(conn: Connection, spec: EngineSpec, timeout: float | None) -> None:
    """Worker loop: get the engine once, then answer detect/rewrite requests until told to stop."""
    from deid.log import cap_third_party

    cap_third_party()
    try:
        stages = Stages(_engine_for_worker(spec), timeout, spec.profile)
    except Exception as exc:
        conn.send(("fatal", type(exc).__name__, None))
        return
    conn.send(("ready", None, None))
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        kind, bid, payload = msg
        if kind == "stop":
            return
        try:
            if kind == "detect":
                conn.send(("detected", bid, stages.detect(payload)))
            elif kind == "rewrite":
                seqs, (store, upto) = payload
                stages.engine.use_pseudonym_store(store, upto)  # phase-2 surrogates, as of this batch
                conn.send(("done", bid, stages.rewrite(seqs)))
        except Exception as exc:  # keep the worker alive; the batch fails closed
            conn.send(("error", bid, type(exc).__name__))


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    batches: set[int] = field(default_factory=set)
    detecting: set[int] = field(default_factory=set)  # sent for phase 1, no answer yet
    ready: bool = False
    last: float = field(default_factory=time.monotonic)


def _start(ctx: Any, spec: EngineSpec, timeout: float | None) -> _Worker:
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_worker_main, args=(child, spec, timeout), daemon=True)
    proc.start()
    child.close()
    return _Worker(proc, parent)


def _context(engine: Engine) -> Any:
    """The multiprocessing start method the profile asks for (spawn where fork does not exist)."""
    if engine.profile.run.worker_start == "fork" and "fork" in mp.get_all_start_methods():
        engine.warm_up()  # lazy tables load once here, and every forked worker shares them
        gc.collect()
        gc.freeze()  # the collector never walks the inherited objects, so their pages stay shared
        return mp.get_context("fork")
    return mp.get_context("spawn")


def run_parallel(engine: Engine, spec: EngineSpec, batches: list[list[tuple[int, Job]]], workers: int,
                 timeout: float | None, results: dict[int, DocResult], bar: Any,
                 prepare: Callable[[], None] | None = None,
                 settle: Callable[[list[int]], None] | None = None) -> None:
    """Run batches through worker processes; phase 2 here with `engine`, in batch order.

    ``prepare`` (the corpus pass phase 2 needs) runs here once every worker has its first batch,
    so it overlaps their detection, and always before the first phase-2 step. ``settle`` is
    given the document numbers of each batch once their results in ``results`` are final.
    """
    global _PARENT
    ctx = _context(engine)
    window = max(1, engine.profile.run.in_flight_per_worker) * workers
    doc_window = max(1, engine.profile.run.in_flight_documents_per_worker) * workers
    _PARENT = engine if ctx.get_start_method() == "fork" else None
    store_path = engine.pseudonym_store()  # phase-2 assignments on disk, read by the workers
    pool = [_start(ctx, spec, timeout) for _ in range(workers)]
    pending = list(range(len(batches)))[::-1]  # stack, next batch last
    owner: dict[int, _Worker] = {}
    detected: dict[int, list[tuple[int, DocResult, list[str]]]] = {}
    next_assign = 0
    finished = 0

    def fail_batch(bid: int, reason: str) -> None:
        for seq, job in batches[bid]:
            if seq not in results or results[seq].status == "ok":
                results[seq] = DocResult(path=job.rel, status="failed", error=reason)
        detected.setdefault(bid, [(seq, results[seq], []) for seq, _ in batches[bid]])
        owner.pop(bid, None)
        done_batch(bid)

    def done_batch(bid: int) -> None:
        nonlocal finished
        finished += 1
        bar.update(len(batches[bid]))
        if settle is not None:
            settle([seq for seq, _ in batches[bid]])

    try:
        while finished < len(batches):
            while pending and len(owner) < window:  # dispatch to the least busy worker
                free = [w for w in pool if w.ready and len(w.detecting) < DETECT_QUEUE]
                if not free:
                    break
                w = min(free, key=lambda x: (len(x.detecting), len(x.batches)))
                held = sum(len(batches[b]) for b in owner)
                if w.detecting and held + len(batches[pending[-1]]) > doc_window:
                    break  # past the document window: only a worker with nothing to detect gets more
                bid = pending.pop()
                if not w.batches:
                    w.last = time.monotonic()
                w.batches.add(bid)
                w.detecting.add(bid)
                owner[bid] = w
                w.conn.send(("detect", bid, batches[bid]))
            if prepare is not None and (all(w.batches for w in pool) or not pending or 0 in detected):
                prepare()  # workers are detecting meanwhile
                prepare = None
            ready = wait([w.conn for w in pool], timeout=1.0)
            for w in pool:
                if w.conn not in ready:
                    continue
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    _lose(w, pool, ctx, spec, timeout, fail_batch, "worker process died")
                    continue
                kind, bid, payload = msg
                w.last = time.monotonic()
                if kind == "ready":
                    w.ready = True
                elif kind == "fatal":
                    raise DeidError(f"a worker could not build its engine ({bid})")
                elif kind == "detected":
                    w.detecting.discard(bid)
                    detected[bid] = payload
                    for seq, res, _ in payload:
                        results[seq] = res
                elif kind == "done":
                    for seq, res in payload:
                        results[seq] = res
                    engine.record_written([res for _, res in payload])  # proofs of deid's own output
                    w.batches.discard(bid)
                    owner.pop(bid, None)
                    done_batch(bid)
                elif kind == "error":
                    w.batches.discard(bid)
                    w.detecting.discard(bid)
                    fail_batch(bid, f"{payload} in worker")
            while prepare is None and next_assign < len(batches) and next_assign in detected:  # phase 2, in order
                bid = next_assign
                next_assign += 1
                w = owner.get(bid)
                if w is None:
                    continue
                ok, batch_keys = [], []
                for seq, res, keys in detected.pop(bid):
                    if res.status == "ok":
                        batch_keys.extend(keys)
                        ok.append(seq)
                engine.assign(batch_keys)  # the whole batch at once, as runner.run does
                pos = engine.flush_pseudonyms()  # to the store: workers read what their batch needs
                w.conn.send(("rewrite", bid, (ok, (store_path, pos))))
            now = time.monotonic()
            limit = _limit(timeout, max((len(b) for b in batches), default=1))
            for w in list(pool):
                if w.batches and limit is not None and now - w.last > limit:
                    _lose(w, pool, ctx, spec, timeout, fail_batch, "timed out (worker replaced)")
    finally:
        _PARENT = None
        gc.unfreeze()
        for w in pool:
            try:
                w.conn.send(("stop", None, None))
            except (OSError, BrokenPipeError):
                pass
        for w in pool:
            w.proc.join(timeout=10)
            if w.proc.is_alive():
                w.proc.kill()


def _limit(timeout: float | None, n: int) -> float | None:
    """Hard limit on a worker's silence (the soft limit inside it is per document)."""
    return timeout * (2 * n + 1) + GRACE_SECONDS if timeout else None


def _lose(w: _Worker, pool: list[_Worker], ctx: Any, spec: EngineSpec, timeout: float | None,
          fail_batch: Any, reason: str) -> None:
    """Kill a worker, fail its batches closed, start a fresh one in its place."""
    log.error("worker lost: %s; %d batch(es) failed", reason, len(w.batches))
    w.proc.kill()
    w.proc.join(timeout=10)
    for bid in sorted(w.batches):
        fail_batch(bid, reason)
    pool[pool.index(w)] = _start(ctx, spec, timeout)
