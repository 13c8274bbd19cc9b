"""The marked-up gold corpora under bench/ share one builder (bench/gold_markup.py): each folder's
build.py only names its output and plain words, and rebuilding gives the committed JSONL bytes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
CORPORA = ["heldout", "heldout2", "heldout3", "heldout4"]


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


@pytest.mark.parametrize("corpus", CORPORA)
def test_gold_builders_share_one_module_and_rebuild_the_committed_jsonl(corpus, tmp_path, capsys):
    folder = BENCH / corpus
    script = _load(folder / "build.py", f"build_{corpus}")
    shared = _load(BENCH / "gold_markup.py", "gold_markup_test")
    assert script.build.__module__ == "gold_markup" and "def parse_body" not in (folder / "build.py").read_text()
    (tmp_path / "src").symlink_to(folder / "src")
    assert shared.build(tmp_path, f"{corpus}.jsonl", script.PLAIN, argv=[]) == 0
    assert (tmp_path / f"{corpus}.jsonl").read_bytes() == (folder / f"{corpus}.jsonl").read_bytes()
