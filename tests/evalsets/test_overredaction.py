"""Over-redaction counts word tokens touched by any predicted span, by the first label that touches them."""

from deid.evalsets.overredaction import format_overredaction, overredaction
from deid.evaluation import GoldDoc, Span

TEXT = "CLIENT: I saw Tamsin in May, um, twice."


def test_overredaction_counts_tokens_touched_by_predictions():
    doc = GoldDoc(id="d", case="c", text=TEXT)
    s = TEXT.index("Tamsin")
    m = TEXT.index("May")
    r = overredaction([doc], {"d": [Span(s, s + 6, "PERSON"), Span(m, m + 2, "DATE")]})
    assert r["tokens"] == 8 and r["removed"] == 2
    assert r["share_removed"] == 2 / 8
    assert r["removed_by_label"] == {"PERSON": 1, "DATE": 1}


def test_overredaction_no_predictions_removes_nothing():
    r = overredaction([GoldDoc(id="d", case="c", text=TEXT)], {})
    assert r["removed"] == 0 and r["share_removed"] == 0.0
    assert "0.00%" in format_overredaction({"sys": r})
