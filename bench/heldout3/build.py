#!/usr/bin/env python3
"""Build heldout3.jsonl from the marked-up documents in src/*.txt with the shared builder
(bench/gold_markup.py: markup, checks). Usage: ``python build.py [--check]``.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_markup import build  # noqa: E402

# Words of marked names that are also plain English here (heldout2's, name particles, place kinds).
PLAIN = frozenset({"and", "the", "big", "long", "said", "van", "der", "de", "la", "del", "ter", "bin", "al",
                   "street", "road", "lane", "avenue", "st", "rd", "baths", "station", "park", "hospital",
                   "centre", "center", "school", "church", "hall", "library", "court", "gas", "works"})

if __name__ == "__main__":
    sys.exit(build(HERE, "heldout3.jsonl", PLAIN))
