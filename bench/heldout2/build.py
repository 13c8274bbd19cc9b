#!/usr/bin/env python3
"""Build heldout2.jsonl from the marked-up documents in src/*.txt with the shared builder
(bench/gold_markup.py: markup, checks). Usage: ``python build.py [--check]``.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_markup import build  # noqa: E402

# Words of marked multi-word names that are also plain English here ("116th and Lenox",
# "Big River", "Long Island City", "The Alliance", "Khalid bin Said" vs "he said"): not reported.
PLAIN = frozenset({"and", "the", "big", "long", "said"})

if __name__ == "__main__":
    sys.exit(build(HERE, "heldout2.jsonl", PLAIN))
