"""The loaders on the real public sets in ../shared/data (skipped when absent): records parse, offsets hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from deid.evalsets import SOURCES, detect, load_source
from deid.evalsets.asq_phi import FILE as ASQ_FILE, parse

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def _need(name: str):
    if not (DATA / name / SOURCES[name].marker).is_file():
        pytest.skip(f"../shared/data/{name} not available")


@pytest.fixture(scope="module")
def loaded():
    cache = {}

    def get(name):
        _need(name)
        if name not in cache:
            cache[name] = load_source(name, DATA)[1]
        return cache[name]
    return get


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_real_sets_are_detected_and_parse(name, loaded):
    docs = loaded(name)
    assert detect(DATA / name).name == name
    assert docs and all(d.text for d in docs[:5])
    assert len({d.id for d in docs}) == len(docs)


@pytest.mark.parametrize("name", ["tab_echr_test", "presidio_synth", "asq_phi"])
def test_real_sets_gold_spans_lie_inside_text_and_hold_words(name, loaded):
    for doc in loaded(name)[:20]:
        for g in doc.phi:
            assert 0 <= g["start"] < g["end"] <= len(doc.text)
            assert re.search(r"\w", doc.text[g["start"]:g["end"]])
        spans = sorted((g["start"], g["end"]) for g in doc.phi)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "gold spans overlap"


def test_real_presidio_synth_offsets_point_at_the_entity_values(loaded):
    docs = loaded("presidio_synth")
    raw = json.loads((DATA / "presidio_synth" / SOURCES["presidio_synth"].marker).read_text(encoding="utf-8"))
    for doc, rec in list(zip(docs, raw))[:20]:
        values = {s["entity_value"] for s in rec["spans"]}
        assert doc.text == rec["full_text"]
        assert all(doc.text[g["start"]:g["end"]] in values for g in doc.phi)


def test_real_asq_phi_offsets_point_at_the_tag_values(loaded):
    docs = loaded("asq_phi")
    raw = parse((DATA / "asq_phi" / ASQ_FILE).read_text(encoding="utf-8"))
    assert len(docs) == len(raw)
    for doc, (text, tags) in list(zip(docs, raw))[:20]:
        assert doc.text == text
        assert sorted(doc.text[g["start"]:g["end"]] for g in doc.phi) == sorted(t["value"] for t in tags)


def test_real_tab_spans_come_from_the_manual_annotation(loaded):
    docs = loaded("tab_echr_test")
    raw = json.loads((DATA / "tab_echr_test" / SOURCES["tab_echr_test"].marker).read_text(encoding="utf-8"))
    for doc in docs[:5]:
        annotated = raw[doc.id.split(":", 1)[1]]
        for g in doc.phi:
            assert any(s <= g["start"] and g["end"] <= e for s, e, _ in annotated)
        ids = [doc.text[g["start"]:g["end"]] for g in doc.phi if g["label"] == "ID"]
        assert all(re.search(r"\d", t) for t in ids)
