#!/usr/bin/env python3
"""Report PERSON/LOCATION/ORGANIZATION words of heldout2.jsonl that also occur in the phi
surfaces of dev.jsonl or bench/heldout/heldout.jsonl (standard library only).

Usage: python bench/heldout2/check_overlap.py [DEV_JSONL]
Prints the overlapping words (3+ letters, case-insensitive) and their label in heldout2.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("PERSON", "LOCATION", "ORGANIZATION")


def words(path: Path) -> dict[str, set[str]]:
    """Map each 3+ letter word in a corpus's PERSON/LOCATION/ORGANIZATION spans to its labels."""
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        for s in d["phi"]:
            if s["label"] in LABELS:
                for w in re.findall(r"[^\W\d_]{3,}", d["text"][s["start"]:s["end"]]):
                    out.setdefault(w.lower(), set()).add(s["label"])
    return out


def main() -> int:
    dev = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared/corpus/dev.jsonl"
    if not dev.exists():
        dev = Path("/work/shared/corpus/dev.jsonl")
    old = words(dev)
    for w, labels in words(HERE.parent / "heldout" / "heldout.jsonl").items():
        old.setdefault(w, set()).update(labels)
    new = words(HERE / "heldout2.jsonl")
    shared = sorted(set(new) & set(old))
    print(f"{len(new)} distinct words in heldout2 PERSON/LOCATION/ORGANIZATION spans; "
          f"{len(shared)} also in dev/heldout phi surfaces")
    for w in shared:
        print(f"  {w:20} heldout2={'/'.join(sorted(new[w]))} earlier={'/'.join(sorted(old[w]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
