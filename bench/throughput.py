"""Throughput and memory of deid against Presidio and spaCy on one generated corpus.

    python bench/throughput.py                 # 1,000 docs table + peak RSS at 1,000 vs 10,000 docs
    python bench/throughput.py --docs 200 --quick   # a smaller corpus, no 10,000-document run
    python bench/throughput.py --jsonl ../shared/corpus/dev.jsonl --jsonl bench/heldout2/heldout2.jsonl
                                               # the same systems over gold-format documents

The corpus is fictional (Faker, fixed seed): therapy-style notes of about 500 words with names,
places, dates, phone numbers and e-mails. Each system runs in its own Python process on the same
files (read from disk, output written to disk) so that peak RSS (the whole process tree, sampled
from /proc) is its own. Model loading is excluded from the timings; starting worker processes is
included. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = b"bench-secret-not-for-production-000"
SYSTEMS = ["presidio_loop", "presidio_batch", "deid_1", "deid_2", "spacy_ner"]
LABELS = {
    "presidio_loop": "Presidio per-document loop (AnalyzerEngine + AnonymizerEngine)",
    "presidio_batch": "Presidio BatchAnalyzerEngine (+ AnonymizerEngine)",
    "deid_1": "deid, 1 worker (default profile)",
    "deid_2": "deid, 2 workers (default profile)",
    "spacy_ner": "spaCy NER alone (nlp.pipe, other components excluded)",
}


# ---------------------------------------------------------------- corpus

CASE_DOCS = 20  # documents per case folder: a client's notes; a bigger corpus has more clients


def make_corpus(folder: Path, n: int, seed: int = 7, words: int = 500, case_docs: int = CASE_DOCS) -> int:
    """Write n fictional ~500-word notes, ``case_docs`` to a case folder; return the word count.

    Cases keep their size as the corpus grows (1,000 documents: 50 cases; 10,000: 500), as a
    clinic's archive grows by clients: deid holds one whole case at a time (case-level names and
    pseudonyms), so growing cases would measure case size, not corpus size.
    """
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(seed)
    total = 0
    for i in range(n):
        client, partner, therapist = fake.first_name(), fake.name(), fake.last_name()
        city, date = fake.city(), fake.date_between("-2y", "today").strftime("%B %d, %Y")
        lines = [f"Session note for {client} {fake.last_name()}, seen by Dr. {therapist} on {date}.",
                 f"THERAPIST: Hi {client}, how was the drive in from {city}?",
                 f"CLIENT: Long. {partner} called me twice at {fake.phone_number()} before I left."]
        body: list[str] = []
        while sum(len(x.split()) for x in lines + body) < words:
            body.append(fake.paragraph(nb_sentences=6))
            if len(body) % 3 == 0:
                body.append(f"CLIENT: I told {partner.split()[0]} I would write to {fake.email()} "
                            f"from {fake.company()} on {fake.street_address()}.")
        text = "\n".join(lines + body) + "\n"
        total += len(text.split())
        path = folder / f"case-{i // case_docs:04d}" / f"note-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return total


def write_jsonl_corpus(folder: Path, sources: list[Path]) -> tuple[int, int]:
    """Write gold-format documents (../shared/corpus/FORMAT.md) as files, one folder per case.

    Returns (documents, words). The file suffix follows each document's ``format`` (txt, md, vtt,
    srt), so every system reads what a clinic's folder would hold.
    """
    n = words = 0
    for src in sources:
        for line in src.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            suffix = {"md": ".md", "vtt": ".vtt", "srt": ".srt"}.get(doc.get("format", "txt"), ".txt")
            path = folder / str(doc["case"]) / f"{doc['id']}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(doc["text"], encoding="utf-8")
            n += 1
            words += len(doc["text"].split())
    return n, words


# ---------------------------------------------------------------- memory

def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants (kB), from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
            with open(f"/proc/{entry}/statm") as fh:
                pages = int(fh.read().split()[1])
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    keep, total = {root}, 0
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in keep and pid not in keep:
                keep.add(pid)
                changed = True
    for pid in keep:
        total += rss.get(pid, 0)
    return total


class PeakRss:
    """Samples the RSS of this process tree every 0.2 s in a thread."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_kb(os.getpid()))
            time.sleep(0.2)

    def __enter__(self) -> "PeakRss":
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, _tree_rss_kb(os.getpid()))


# ---------------------------------------------------------------- systems (run in a child process)

def _files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md", ".vtt", ".srt"))


def _model_path() -> str:
    from deid.analyze import resolve_model
    from deid.config import load_profile

    return resolve_model(load_profile("default").nlp)


def _presidio(corpus: Path, out: Path, batch: bool) -> float:
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    from deid.analyze import _offline_guard

    _offline_guard()  # Presidio's e-mail check would otherwise try to fetch a suffix list
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": _model_path()}]}
    analyzer = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())
    anonymizer = AnonymizerEngine()
    files = _files(corpus)
    analyzer.analyze("warm up with Dana in Tacoma", language="en")
    t = time.perf_counter()
    if batch:
        texts = (f.read_text(encoding="utf-8") for f in files)
        results = BatchAnalyzerEngine(analyzer).analyze_iterator(texts, language="en", batch_size=8)
        for f, res in zip(files, results):
            text = f.read_text(encoding="utf-8")
            _write(out, corpus, f, anonymizer.anonymize(text=text, analyzer_results=res).text)
    else:
        for f in files:
            text = f.read_text(encoding="utf-8")
            res = analyzer.analyze(text=text, language="en")
            _write(out, corpus, f, anonymizer.anonymize(text=text, analyzer_results=res).text)
    return time.perf_counter() - t


def _write(out: Path, corpus: Path, f: Path, text: str) -> None:
    dest = out / f.relative_to(corpus)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")


def _deid(corpus: Path, out: Path, workers: int) -> float:
    from deid.config import load_profile
    from deid.engine import Engine
    from deid.parallel import EngineSpec
    from deid.runner import run

    spec = EngineSpec(load_profile("default"), SECRET)
    engine = Engine.build(spec.profile, spec.secret)
    engine.warm_up()  # lazy tables, as the Presidio loop's warm-up analyze call loads its own
    t = time.perf_counter()
    report = run(engine, corpus, out, progress=False, workers=workers, spec=spec)
    seconds = time.perf_counter() - t
    if report.failed:
        raise SystemExit(f"{len(report.failed)} documents failed")
    return seconds


def _spacy(corpus: Path) -> float:
    import spacy

    nlp = spacy.load(_model_path())
    nlp = spacy.load(_model_path(), exclude=[n for n in nlp.component_names if n != "ner"])
    files = _files(corpus)
    t = time.perf_counter()
    for _ in nlp.pipe((f.read_text(encoding="utf-8") for f in files), batch_size=8):
        pass
    return time.perf_counter() - t


def child(system: str, corpus: Path) -> dict[str, float]:
    """Run one system over the corpus in this process; return seconds and peak RSS (MB)."""
    with tempfile.TemporaryDirectory() as tmp, PeakRss() as mem:
        out = Path(tmp) / "out"
        if system == "presidio_loop":
            seconds = _presidio(corpus, out, batch=False)
        elif system == "presidio_batch":
            seconds = _presidio(corpus, out, batch=True)
        elif system.startswith("deid_"):
            seconds = _deid(corpus, out, int(system.split("_")[1]))
        else:
            seconds = _spacy(corpus)
    return {"seconds": seconds, "peak_rss_mb": mem.peak / 1024}


# ---------------------------------------------------------------- driver

def _run_child(system: str, corpus: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TOKENIZERS_PARALLELISM="false")
    proc = subprocess.run([sys.executable, __file__, "--child", system, "--corpus", str(corpus)],
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{system} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    """Generate the corpus, run every system, print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="documents in the main corpus")
    ap.add_argument("--scale-docs", type=int, default=10000, help="documents for the memory-growth run")
    ap.add_argument("--quick", action="store_true", help="skip the memory-growth run")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    ap.add_argument("--jsonl", type=Path, action="append", default=[],
                    help="gold-format documents to run on instead of the generated corpus (repeatable)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        if args.jsonl:
            args.docs, words = write_jsonl_corpus(corpus, args.jsonl)
            args.quick = True
            print(f"corpus: {args.docs} documents from {', '.join(p.name for p in args.jsonl)}, {words} words "
                  f"({words / args.docs:.0f} per document); {os.cpu_count()} cores", flush=True)
        else:
            words = make_corpus(corpus, args.docs)
            print(f"corpus: {args.docs} fictional documents, {words} words "
                  f"({words / args.docs:.0f} per document); {os.cpu_count()} cores", flush=True)
        rows = {}
        for system in args.systems.split(","):
            rows[system] = r = _run_child(system, corpus)
            print(f"  {system}: {args.docs / r['seconds']:.2f} docs/s", file=sys.stderr, flush=True)
        base = rows.get("presidio_loop")
        print("\n| system | documents/s | words/s | peak RSS (MB) | vs Presidio loop |")
        print("|---|---:|---:|---:|---:|")
        for system, r in rows.items():
            dps = args.docs / r["seconds"]
            rel = f"{dps / (args.docs / base['seconds']):.2f}x" if base else "-"
            print(f"| {LABELS[system]} | {dps:.2f} | {words / r['seconds']:,.0f} | "
                  f"{r['peak_rss_mb']:,.0f} | {rel} |")
        if not args.quick:
            big = Path(tmp) / "big"
            make_corpus(big, args.scale_docs)
            scale = _run_child("deid_2", big)
            print(f"\npeak RSS, deid 2 workers: {rows.get('deid_2', {}).get('peak_rss_mb', float('nan')):,.0f} MB "
                  f"at {args.docs} documents vs {scale['peak_rss_mb']:,.0f} MB at {args.scale_docs} "
                  f"documents ({args.scale_docs / scale['seconds']:.2f} docs/s)")


if __name__ == "__main__":
    main()
