"""The run's result spool and the streamed report: same entries and bytes as the in-memory report."""

from __future__ import annotations

import json

import pytest

from deid.errors import DeidError
from deid.model import DocResult, Risk
from deid.report import write_json, write_report
from deid.spool import ResultSpool, from_dict


def _result(i: int, status: str = "ok") -> DocResult:
    return DocResult(path=f"case-{i % 2}/doc-{i}.txt", status=status, entities={"PERSON": i, "DATE": 1},
                     risk=Risk(score=0.25, level="low", reasons=[{"kind": "age", "start": 3, "end": 5}]),
                     error="[E004] not valid utf-8" if status == "failed" else None,
                     output=f"case-{i % 2}/doc-{i}.txt" if status == "ok" else None,
                     seconds=0.12345, sha256="ab" * 32, notes={"resumed": True} if i == 3 else {})


def test_when_results_finish_out_of_order_then_the_spool_keeps_document_order():
    spool = ResultSpool()
    for i in (2, 0, 3, 1):
        spool.add(i, _result(i))
    spool.finish(4)
    assert [d["path"] for d in spool.entries()] == [f"case-{i % 2}/doc-{i}.txt" for i in range(4)]
    assert spool.written == 4 and spool.statuses == {"ok": 4}
    assert spool.entities == {"PERSON": 6, "DATE": 4}
    assert spool.fresh_ok == 3  # doc 3 was resumed


def test_when_a_result_waits_for_an_earlier_one_then_it_is_not_written_yet():
    spool = ResultSpool()
    spool.add(1, _result(1))
    assert spool.written == 0
    with pytest.raises(DeidError):
        spool.finish(2)  # document 0 never came: fail closed


def test_when_a_document_is_reported_twice_then_the_spool_refuses():
    spool = ResultSpool()
    spool.add(0, _result(0))
    with pytest.raises(DeidError):
        spool.add(0, _result(0))


def test_failed_results_are_kept_and_counted():
    spool = ResultSpool()
    spool.add(0, _result(0))
    spool.add(1, _result(1, "failed"))
    spool.add(2, DocResult(path="x.bin", status="skipped", error="unsupported file type '.bin'"))
    spool.finish(3)
    assert [d.path for d in spool.failed] == ["case-1/doc-1.txt"]
    assert spool.statuses == {"ok": 1, "failed": 1, "skipped": 1}


def test_a_result_read_back_gives_the_same_report_entry():
    for i, status in ((0, "ok"), (1, "failed"), (3, "ok")):
        res = _result(i, status)
        res.risk.k_estimate, res.risk.shareable = 4.5, False
        again = from_dict(json.loads(json.dumps(res.to_dict())))
        assert again.to_dict() == res.to_dict()


def test_reading_the_spool_between_writes_does_not_overwrite_it():
    spool = ResultSpool()
    spool.add(0, _result(0))
    assert len(list(spool.entries())) == 1
    spool.add(1, _result(1))
    spool.finish(2)
    assert [d.path for d in spool.results()] == ["case-0/doc-0.txt", "case-1/doc-1.txt"]


@pytest.mark.parametrize("n", [0, 1, 3])
def test_the_streamed_report_has_the_bytes_of_the_whole_report(tmp_path, n):
    spool = ResultSpool()
    for i in range(n):
        spool.add(i, _result(i, "failed" if i == 1 else "ok"))
    spool.add(n, DocResult(path="caf\u00e9/\u540d\u524d.txt", status="skipped", error="unsupported"))
    spool.finish(n + 1)
    summary = {"documents": n + 1, "ok": 2, "entities": {"DATE": 1}, "seconds": 1.5,
               "settings": "ff", "pseudonyms": {"PERSON": 3}}
    write_json({"documents": list(spool.entries()), "summary": summary}, tmp_path / "whole.json")
    write_report(spool.entries(), summary, tmp_path / "streamed.json")
    assert (tmp_path / "streamed.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left beside it


def test_an_empty_report_streams_like_the_whole_one(tmp_path):
    summary = {"documents": 0, "ok": 0}
    write_json({"documents": [], "summary": summary}, tmp_path / "whole.json")
    write_report(iter(()), summary, tmp_path / "streamed.json")
    assert (tmp_path / "streamed.json").read_bytes() == (tmp_path / "whole.json").read_bytes()


def test_when_an_entry_cannot_be_written_then_the_old_report_stays(tmp_path):
    path = tmp_path / "report.json"
    path.write_text("previous")

    def entries():
        yield _result(0).to_dict()
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_report(entries(), {"documents": 1}, path)
    assert path.read_text() == "previous"
    assert not list(tmp_path.glob(".*.tmp"))
