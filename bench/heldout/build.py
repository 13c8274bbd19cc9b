#!/usr/bin/env python3
"""Build heldout.jsonl from the marked-up documents in src/*.txt with the shared builder
(bench/gold_markup.py: markup, checks). This corpus uses no quasi-identifier marks. Usage: ``python build.py [--check]``.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_markup import build  # noqa: E402

PLAIN: frozenset[str] = frozenset()  # every word of a marked name is checked

if __name__ == "__main__":
    sys.exit(build(HERE, "heldout.jsonl", PLAIN))
