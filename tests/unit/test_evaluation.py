"""Token-level scoring counts partial removal as a leak and measures over-redaction."""

import pytest

from deid.evaluation import GoldDoc, Span, f_beta, score

TEXT = "Dana Whitfield met Parkinson's specialist in Tacoma today."


def _doc():
    return GoldDoc(id="d1", case="c", text=TEXT,
                   phi=[{"start": 0, "end": 14, "label": "PERSON", "entity": "c:dana"},
                        {"start": 45, "end": 51, "label": "LOCATION", "entity": "c:tacoma"}],
                   keep=[{"start": 19, "end": 28, "why": "eponym"}])


def test_evaluation_perfect_prediction_scores_one():
    s = score([_doc()], {"d1": [Span(0, 14, "PERSON"), Span(45, 51, "LOCATION")]})
    assert s["overall"]["recall"] == 1.0
    assert s["overall"]["precision"] == 1.0
    assert s["leaked_person_mentions"] == 0
    assert s["keep_survival"] == 1.0
    assert s["ordinary_words_lost"] == 0.0


def test_evaluation_partial_name_counts_as_leak():
    s = score([_doc()], {"d1": [Span(0, 4, "PERSON")]})
    assert s["labels"]["PERSON"]["recall"] == 0.5
    assert s["leaked_person_mentions"] == 1
    assert s["labels"]["PERSON"]["entity_recall"] == 0.0


def test_evaluation_over_redaction_hits_keep_and_ordinary_words():
    s = score([_doc()], {"d1": [Span(0, 14, "PERSON"), Span(19, 40, "PERSON")]})
    assert s["keep_survival"] == 0.0
    assert s["ordinary_words_lost"] > 0
    assert s["labels"]["PERSON"]["precision"] < 1.0


@pytest.mark.parametrize("p,r,expected", [(1, 1, 1), (0, 0, 0), (0.5, 1, 0.8333)])
def test_evaluation_f2(p, r, expected):
    assert f_beta(p, r) == pytest.approx(expected, abs=1e-3)
