"""Idempotence and real-name checks of `deid run` on a gold JSONL corpus (prints counts only).

Writes every document as a file in its case folder, runs `deid run IN OUT1 --vault V`, then
`deid run OUT1 OUT2 --vault V` with the same secret, and prints:

- ``changed_lines``: lines of OUT2 that differ from OUT1 (0 = running deid over its own output
  changes nothing), and ``changed_files``;
- ``surrogate_is_real``: surrogates (name tokens, organisations, places) of the first run whose
  keyed form is also the key of a real identifier the first run found (the vault holds both);
- ``surrogate_is_gold_name``: surrogate name tokens equal to a word of a gold PERSON span
  anywhere in the corpus (found or not).

With ``--after OTHER.jsonl`` the vault first holds OTHER's run ("last month"), and
``leaked_gold_person_words`` shows whether real names equal to its surrogates still go.

With ``--docx`` every plain-text document is written as a .docx (one paragraph per line), so the
Word reader and writer are checked too (lines of a .docx are its paragraphs). Without ``--after``,
``fresh_rerun_changed_files`` counts files whose bytes differ between the first run and a second
fresh run of the same input with a new vault (0 = byte-identical re-runs, .docx included).

Usage (DEID_SECRET must be set):
    python bench/rerun_check.py ../shared/corpus/dev.jsonl [--edit] [--after OTHER.jsonl] [--docx] [--workers 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deid.pseudo.keys import canonical_form, entity_key  # noqa: E402

EXT = {"txt": ".txt", "md": ".md", "vtt": ".vtt", "srt": ".srt"}
EDIT = "\nAdded by the editor: nothing new this week.\n"
REAL_KINDS = ("PERSON_NAME", "ORGANIZATION", "LOCATION")


def _suffix(d: dict, docx: bool) -> str:
    fmt = d.get("format", "txt")
    return ".docx" if docx and fmt == "txt" else EXT.get(fmt, ".txt")


def write_corpus(gold: Path, into: Path, docx: bool = False) -> list[dict]:
    """One file per document under its case folder (plain text as .docx with `docx`); returns
    the gold records."""
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    for d in docs:
        path = into / d["case"] / (d["id"] + _suffix(d, docx))
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".docx":
            import docx as python_docx

            document = python_docx.Document()
            for line in d["text"].split("\n"):
                document.add_paragraph(line)
            document.save(str(path))
        else:
            path.write_bytes(d["text"].encode("utf-8"))
    return docs


def read_lines(path: Path) -> list[str]:
    """Lines of a text file, or the paragraphs of a .docx."""
    if path.suffix == ".docx":
        import docx as python_docx

        return [p.text for p in python_docx.Document(str(path)).paragraphs]
    return path.read_text(encoding="utf-8").splitlines()


def deid_run(src: Path, out: Path, vault: Path, workers: int) -> None:
    """Run the CLI; fail loudly (no text) when it does."""
    exe = Path(sys.executable).parent / "deid"
    cmd = [str(exe), "run", str(src), str(out), "--vault", str(vault), "-q", "--workers", str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"deid run exited {proc.returncode}")


def changed(one: Path, two: Path) -> tuple[int, int]:
    """(changed lines, changed files) between two output trees."""
    lines = files = 0
    for a in sorted(p for p in one.rglob("*") if p.is_file()):
        b = two / a.relative_to(one)
        ta = read_lines(a)
        tb = read_lines(b) if b.exists() else []
        if ta != tb:
            files += 1
            lines += sum(1 for x in difflib.ndiff(ta, tb) if x.startswith("- "))
    return lines, files


def surrogate_is_real(vault: Path, secret: bytes) -> int:
    """Surrogates whose keyed canonical form is the key of a real identifier in the vault."""
    con = sqlite3.connect(str(vault))
    rows = con.execute("SELECT key, kind, surrogate FROM surrogates").fetchall()
    con.close()
    keys = {k for k, _, _ in rows}
    return sum(1 for _, kind, s in rows if kind in REAL_KINDS
               and entity_key(secret, kind, canonical_form(s)) in keys)


def surrogate_is_gold_name(vault: Path, docs: list[dict]) -> int:
    """Surrogate name tokens equal to a word of a gold PERSON span of the corpus."""
    gold = set()
    for d in docs:
        for g in d.get("phi", []):
            if g["label"] == "PERSON":
                gold.update(w.lower() for w in re.findall(r"[^\W\d_]+", d["text"][g["start"]:g["end"]]))
    con = sqlite3.connect(str(vault))
    rows = con.execute("SELECT surrogate FROM surrogates WHERE kind='PERSON_NAME'").fetchall()
    con.close()
    return sum(1 for (s,) in rows if s.lower() in gold)


def changed_bytes(one: Path, two: Path) -> int:
    """Files whose bytes differ between two output trees (or that only one of them holds)."""
    rels = {p.relative_to(one) for p in one.rglob("*") if p.is_file()}
    rels |= {p.relative_to(two) for p in two.rglob("*") if p.is_file()}
    return sum(1 for r in rels if not (one / r).exists() or not (two / r).exists()
               or (one / r).read_bytes() != (two / r).read_bytes())


def leaked_gold_words(docs: list[dict], out: Path, docx: bool = False) -> int:
    """Words of gold PERSON spans still present in their document's output (a rough leak count that
    needs no offsets; a word also used elsewhere in the document counts too)."""
    n = 0
    for d in docs:
        path = out / d["case"] / (d["id"] + _suffix(d, docx))
        text = "\n".join(read_lines(path)) if path.exists() else ""
        words = {w for g in d.get("phi", []) if g["label"] == "PERSON"
                 for w in re.findall(r"[^\W\d_]{3,}", d["text"][g["start"]:g["end"]])}
        n += sum(1 for w in words if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", text))
    return n


def main() -> None:
    """Run the check and print counts."""
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--edit", action="store_true",
                    help="add a line to every output file before the second run (the line proofs, "
                         "not the whole-document proof, must then keep the rest unchanged)")
    ap.add_argument("--after", type=Path, help="first run this gold corpus into the same vault "
                    "('next month's documents': a real name equal to one of its surrogates must still go)")
    ap.add_argument("--docx", action="store_true", help="write plain-text documents as .docx files")
    ap.add_argument("--keep", type=Path, help="keep the folders here (for a diff by hand)")
    args = ap.parse_args()
    secret = os.environ.get("DEID_SECRET", "")
    if not secret:
        sys.exit("set DEID_SECRET")
    work = Path(tempfile.mkdtemp(prefix="deid-rerun-"))
    try:
        docs = write_corpus(args.gold, work / "in", args.docx)
        vault = work / "v.db"
        if args.after:
            write_corpus(args.after, work / "before")
            deid_run(work / "before", work / "before-out", vault, args.workers)
        deid_run(work / "in", work / "out1", vault, args.workers)
        shutil.copy(vault, work / "v1.db")
        second = work / "out1"
        if args.edit:
            second = work / "out1-edited"
            shutil.copytree(work / "out1", second)
            for p in sorted(x for x in second.rglob("*") if x.is_file() and x.suffix in (".txt", ".md")):
                p.write_text(p.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        deid_run(second, work / "out2", vault, args.workers)
        lines, files = changed(second, work / "out2")
        fresh: dict[str, int] = {}
        if not args.after:  # the same input again with a new vault: the same bytes
            deid_run(work / "in", work / "out1-fresh", work / "v-fresh.db", args.workers)
            fresh["fresh_rerun_changed_files"] = changed_bytes(work / "out1", work / "out1-fresh")
        print(json.dumps({"documents": len(docs), "changed_lines": lines, "changed_files": files, **fresh,
                          "surrogate_is_real": surrogate_is_real(work / "v1.db", secret.encode()),
                          "surrogate_is_gold_name": surrogate_is_gold_name(work / "v1.db", docs),
                          "leaked_gold_person_words": leaked_gold_words(docs, work / "out1", args.docx)}))
    finally:
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(work, args.keep)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
