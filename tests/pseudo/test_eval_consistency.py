"""`deid eval` consistency and collision metrics on hand-made gold."""

from __future__ import annotations

from types import SimpleNamespace

from deid.eval_consistency import consistency
from deid.evaluation import GoldDoc, Span


class _Pseudo:
    def __init__(self, table):
        self.table = table

    def surrogate(self, doc, label, text):
        return self.table[text]


def _docs():
    t1, t2 = "Dana met Kim.", "Dana left."
    return [GoldDoc("a", "c", t1, phi=[{"start": 0, "end": 4, "label": "PERSON", "entity": "dana"},
                                       {"start": 9, "end": 12, "label": "PERSON", "entity": "kim"}]),
            GoldDoc("b", "c", t2, phi=[{"start": 0, "end": 4, "label": "PERSON", "entity": "dana"}])]


def _preds():
    return {"a": [Span(0, 4, "PERSON"), Span(9, 12, "PERSON")], "b": [Span(0, 4, "PERSON")]}


def test_eval_consistency_perfect_when_each_entity_keeps_its_surrogate():
    eng = SimpleNamespace(pseudo=_Pseudo({"Dana": "Maria", "Kim": "Lena"}))
    res = consistency(eng, _docs(), _preds())
    assert res["consistency"] == 1.0 and res["collisions"] == 0


def test_eval_consistency_drops_when_a_mention_leaks():
    eng = SimpleNamespace(pseudo=_Pseudo({"Dana": "Maria", "Kim": "Lena"}))
    preds = _preds()
    preds["b"] = []
    res = consistency(eng, _docs(), preds)
    assert res["consistency"] < 1.0 and res["consistency_groups"] == 0.0


def test_eval_consistency_counts_collisions():
    eng = SimpleNamespace(pseudo=_Pseudo({"Dana": "Maria", "Kim": "Maria"}))
    res = consistency(eng, _docs(), _preds())
    assert res["collisions"] == 1 and res["colliding_entities"] == 2
