#!/usr/bin/env python3
"""List what deid leaves or over-removes on heldout2.jsonl (run with the repo's venv).

Each case is de-identified with ``Pipeline.process_many`` (so case memory applies, as in
``deid eval``); input and output word tokens are aligned with difflib, and an input token that
falls in an unchanged block counts as surviving. Prints, per document: gold phi tokens that
survive (LEAK), keep-span tokens that were changed (KEEP-LOST) and other tokens that were
changed (OVER). Output names the corpus's fictional people: do not commit it.

With realistic surrogates a replaced date, phone or e-mail can keep some of its tokens (year,
555, example.com), so run it with a tag-style profile (a YAML file holding
``pseudonyms: {style: tag}``) to list leaks other than names.

Usage: DEID_SECRET=... .venv/bin/python bench/heldout2/misses.py [--corpus JSONL] [--profile P] [--labels PERSON,DATE] [--no-over]
"""
from __future__ import annotations

import difflib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from deid import Pipeline

HERE = Path(__file__).resolve().parent
TOKEN = re.compile(r"\w+")


def survivors(src: str, out: str) -> set[int]:
    """Start offsets of src tokens that are unchanged in out."""
    a = [(m.start(), m.group().lower()) for m in TOKEN.finditer(src)]
    b = [m.group().lower() for m in TOKEN.finditer(out)]
    sm = difflib.SequenceMatcher(None, [t for _, t in a], b, autojunk=False)
    keep = set()
    for i, _, n in sm.get_matching_blocks():
        keep.update(a[k][0] for k in range(i, i + n))
    return keep


def ctx(t: str, s: int, e: int) -> str:
    return (t[max(0, s - 40):s] + "[" + t[s:e] + "]" + t[e:e + 30]).replace("\n", " | ")


def main() -> int:
    labels = None
    if "--labels" in sys.argv:
        labels = set(sys.argv[sys.argv.index("--labels") + 1].split(","))
    corpus = Path(sys.argv[sys.argv.index("--corpus") + 1]) if "--corpus" in sys.argv else HERE / "heldout2.jsonl"
    docs = [json.loads(l) for l in corpus.read_text(encoding="utf-8").splitlines()]
    by_case = defaultdict(list)
    for d in docs:
        by_case[d["case"]].append(d)
    profile = sys.argv[sys.argv.index("--profile") + 1] if "--profile" in sys.argv else "default"
    pipe = Pipeline.from_profile(profile)
    for case, ds in by_case.items():
        outs = pipe.process_many([d["text"] for d in ds], case=case)
        for d, out in zip(ds, outs):
            t, alive = d["text"], survivors(d["text"], out)
            gold = set()
            for s in d["phi"]:
                toks = [m.group() for m in TOKEN.finditer(t[:s["end"]], s["start"])]
                starts = [m.start() for m in TOKEN.finditer(t[:s["end"]], s["start"])]
                gold.update(starts)
                left = [w for w, p in zip(toks, starts) if p in alive]
                if left and (labels is None or s["label"] in labels):
                    print(f"LEAK {s['label']:12} {d['id']:8} {ctx(t, s['start'], s['end'])}"
                          f"  left={' '.join(left)}")
            keeps = set()
            for s in d["keep"]:
                toks = [m.start() for m in TOKEN.finditer(t[:s["end"]], s["start"])]
                keeps.update(toks)
                if any(p not in alive for p in toks):
                    print(f"KEEP-LOST {s['why']:28} {d['id']:8} {ctx(t, s['start'], s['end'])}")
            if "--no-over" not in sys.argv:
                for m in TOKEN.finditer(t):
                    if m.start() not in alive and m.start() not in gold and m.start() not in keeps:
                        print(f"OVER {d['id']:8} {ctx(t, m.start(), m.end())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
