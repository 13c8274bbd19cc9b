"""runner batches keep a case whole, however long (case-level name propagation and entity resolution
see all of it); cases shorter than a batch share batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from deid.runner import _batches
from deid.stages import Job


def _jobs(cases: str) -> list[tuple[int, Job]]:
    return [(i, Job(Path("in"), Path("out"), f"{c}/{i}.txt", c)) for i, c in enumerate(cases)]


def _shape(cases: str, size: int) -> list[str]:
    return ["".join(j.case for _, j in b) for b in _batches(_jobs(cases), size)]


@pytest.mark.parametrize("cases,size,expected", [
    ("aaabbbcccddd", 8, ["aaabbb", "cccddd"]),        # 'ccc' would straddle a cut: it starts the next batch
    ("abcdefghi", 8, ["abcdefgh", "i"]),              # one-file cases fill batches as before
    ("aaaaaaaaa", 8, ["aaaaaaaaa"]),                  # a case longer than a batch stays whole
    ("z" + "a" * 70 + "bb", 8, ["z", "a" * 70, "bb"]),  # however long (it once split at 4 batch sizes)
])
def test_runner_batches_end_where_a_case_ends(cases, size, expected):
    assert _shape(cases, size) == expected


def test_runner_batches_keep_every_job_once_in_order():
    jobs = _jobs("aabbbbbbbbbbbccd" * 3)
    flat = [seq for b in _batches(jobs, 4) for seq, _ in b]
    assert flat == [seq for seq, _ in jobs]
    assert [len(b) for b in _batches(jobs, 4)] == [2, 11, 3] * 3
