#!/usr/bin/env python3
"""Build heldout5.jsonl from the marked-up documents in src/*.txt with the shared builder
(bench/gold_markup.py: markup, checks), then re-read the JSONL and validate it (span text,
no overlapping phi spans, no phi/keep overlap, unique ids). Usage: ``python build.py [--check]``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_markup import build, load  # noqa: E402

# Words of marked names that are also plain English in this corpus (not reported as unmarked).
PLAIN = frozenset({"and", "the", "of", "al", "de", "la", "van", "st", "street", "road", "rd", "lane",
                   "avenue", "ave", "drive", "centre", "center", "school", "church", "hall", "park",
                   "hospital", "clinic", "health", "house", "great", "new", "north", "south",
                   "east", "west", "bay", "river", "hill", "family", "community", "services"})
OUT = "heldout5.jsonl"


def validate(path: Path) -> None:
    """Independent re-check of the written file against the sources."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    src = {d["id"]: d for d in load(HERE / "src")}
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)) == len(src), "ids not unique / missing"
    for d in docs:
        t = d["text"]
        assert d["text"] == src[d["id"]]["text"], d["id"]
        assert d["case"] == d["id"].split("-")[0], d["id"]
        spans = sorted(d["phi"], key=lambda s: s["start"])
        for a, b in zip(spans, spans[1:]):
            assert a["end"] <= b["start"], ("overlapping phi", d["id"], a, b)
        for s in d["phi"] + d["keep"] + d["quasi"]:
            assert 0 <= s["start"] < s["end"] <= len(t) and t[s["start"]:s["end"]].strip(), (d["id"], s)
        for k in d["keep"]:
            for s in d["phi"]:
                assert k["end"] <= s["start"] or s["end"] <= k["start"], ("phi/keep overlap", d["id"], k, s)
    print(f"validated {len(docs)} documents: spans in range, no overlaps, ids unique")


if __name__ == "__main__":
    rc = build(HERE, OUT, PLAIN)
    if rc == 0 and "--check" not in sys.argv[1:]:
        validate(HERE / OUT)
    sys.exit(rc)
