"""Entity-level recall follows TAB: an entity is protected only when every mention is masked."""

from deid.entity_recall import entity_recall
from deid.evaluation import GoldDoc, Span, score

TEXT = "Mr Orlan Vessik met Vessik's sister in Kelmbury; Orlan wrote from Kelmbury."


def _doc(**ents):
    phi = []
    for surface, (label, entity) in ents.items():
        s = TEXT.index(surface)
        phi.append({"start": s, "end": s + len(surface), "label": label, "entity": entity})
    return GoldDoc(id="d", case="c", text=TEXT, phi=phi)


def _span(surface: str, nth: int = 0) -> Span:
    s = -1
    for _ in range(nth + 1):
        s = TEXT.index(surface, s + 1)
    return Span(s, s + len(surface), "X")


def _doc_all_mentions():
    phi = []
    for surface, nth, label, entity in [("Mr Orlan Vessik", 0, "PERSON", "p1"), ("Vessik's", 0, "PERSON", "p1"),
                                        ("Orlan", 1, "PERSON", "p1"), ("Kelmbury", 0, "LOCATION", "l1"),
                                        ("Kelmbury", 1, "LOCATION", "l1")]:
        sp = _span(surface, nth)
        phi.append({"start": sp.start, "end": sp.end, "label": label, "entity": entity})
    return GoldDoc(id="d", case="c", text=TEXT, phi=phi)


def test_entity_recall_ignores_titles_and_possessive_like_tab():
    doc = _doc_all_mentions()
    preds = [_span("Orlan Vessik"), _span("Vessik", 1), _span("Orlan", 1), _span("Kelmbury"), _span("Kelmbury", 1)]
    r = entity_recall([doc], {"d": preds})
    assert r["overall"] == (2, 2)


def test_entity_recall_one_missed_mention_leaves_the_entity_unprotected():
    doc = _doc_all_mentions()
    preds = [_span("Mr Orlan Vessik"), _span("Vessik's"), _span("Orlan", 1), _span("Kelmbury")]
    r = entity_recall([doc], {"d": preds})
    assert r["labels"] == {"PERSON": (1, 1), "LOCATION": (1, 0)}


def test_entity_recall_partial_name_is_not_masked():
    doc = _doc_all_mentions()
    preds = [_span("Orlan"), _span("Vessik's"), _span("Orlan", 1), _span("Kelmbury"), _span("Kelmbury", 1)]
    assert entity_recall([doc], {"d": preds})["labels"]["PERSON"] == (1, 0)


def test_entity_recall_groups_by_entity_id_across_labels_and_documents():
    a = _doc(**{"Orlan": ("PERSON", "e1")})
    b = GoldDoc(id="d2", case="c", text="Orlan Vessik", phi=[{"start": 0, "end": 12, "label": "ORGANIZATION",
                                                              "entity": "e1"}])
    r = entity_recall([a, b], {"d": [_span("Orlan")], "d2": []})
    assert r["overall"] == (1, 0) and r["labels"] == {"PERSON": (1, 0)}


def test_entity_recall_mentions_without_id_are_separate_entities():
    doc = GoldDoc(id="d", case="c", text=TEXT, phi=[{"start": 39, "end": 47, "label": "LOCATION"},
                                                    {"start": 66, "end": 74, "label": "LOCATION"}])
    assert entity_recall([doc], {"d": [Span(39, 47, "LOCATION")]})["overall"] == (2, 1)


def test_score_reports_tab_entity_recall_per_label_and_overall():
    s = score([_doc_all_mentions()], {"d": [_span("Orlan Vessik"), _span("Vessik", 1), _span("Orlan", 1)]})
    assert s["labels"]["PERSON"]["entity_recall"] == 1.0
    assert s["labels"]["LOCATION"]["entity_recall"] == 0.0
    assert s["overall"]["entity_recall"] == 0.5 and s["overall"]["entities"] == 2
