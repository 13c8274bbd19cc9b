"""A case that fails closed during pseudonymisation is still scored on its detections, and counted."""

from types import SimpleNamespace

from deid.errors import DocumentError
from deid.evaluation import GoldDoc, Span, predict
from deid.model import Mention


class _FailingEngine:
    pseudo = SimpleNamespace(label=lambda t: {"GPE": "LOCATION"}.get(t, t))

    def process_documents(self, docs):
        raise DocumentError("no surrogate assigned for a LOCATION mention")

    def detect(self, docs):
        return [[Mention(0, 8, "GPE", 0.9, "test")] for _ in docs]


def test_predict_scores_detections_of_a_case_that_fails_closed():
    docs = [GoldDoc(id="d1", case="c", text="Kelmbury is far."), GoldDoc(id="d2", case="c", text="Kelmbury again.")]
    preds, outputs = predict(_FailingEngine(), docs)
    assert preds == {"d1": [Span(0, 8, "LOCATION")], "d2": [Span(0, 8, "LOCATION")]}
    assert outputs == {"d1": None, "d2": None}
