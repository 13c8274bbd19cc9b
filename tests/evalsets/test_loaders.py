"""Each public-set loader on a tiny fictional fixture in the source's own format (tests/data/evalsets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deid.errors import InputError
from deid.evalsets import SOURCES, detect, load_source, sample, scored_predictions
from deid.evaluation import GoldDoc, Span

DATA = Path(__file__).resolve().parents[1] / "data" / "evalsets"


def _phi(doc: GoldDoc) -> list[tuple[str, str]]:
    return [(doc.text[g["start"]:g["end"]], g["label"]) for g in sorted(doc.phi, key=lambda g: g["start"])]


def _quasi(doc: GoldDoc) -> set[str]:
    return {doc.text[q["start"]:q["end"]] for q in doc.quasi}


def test_tab_loader_maps_labels_strips_titles_and_drops_nested_spans():
    _, docs = load_source("tab_echr_test", DATA)
    assert [d.id for d in docs] == ["tab_echr_test:001-90001", "tab_echr_test:001-90002"]
    assert _phi(docs[0]) == [("40123/98", "ID"), ("Orlan Vessik", "PERSON"), ("3 March 1998", "DATE"),
                             ("Vessik", "PERSON"), ("teacher", "PROFESSION"), ("Kelmbury", "LOCATION"),
                             ("Kelmbury Rowing Club", "ORGANIZATION"), ("Orlan Vessik", "PERSON"), ("38", "AGE")]
    assert {"Republic of Turkey", "Mr ", "British", "1961", "1999", "300 euros"} <= _quasi(docs[0])
    assert _phi(docs[1]) == [("Idra Pell", "PERSON"), ("Regional Court", "ORGANIZATION"), ("12 May 2003", "DATE")]


def test_tab_loader_groups_mentions_with_the_same_surface_into_one_entity():
    _, docs = load_source("tab_echr_test", DATA)
    ents = [g["entity"] for g in docs[0].phi if docs[0].text[g["start"]:g["end"]] == "Orlan Vessik"]
    assert len(ents) == 2 and ents[0] == ents[1]
    assert len({g["entity"] for g in docs[0].phi}) == len(docs[0].phi) - 1


def test_presidio_synth_loader_maps_titles_years_countries_and_contacts():
    _, docs = load_source("presidio_synth", DATA)
    assert len(docs) == 3
    assert _phi(docs[0]) == [("Walda Quenby", "PERSON"), ("Dairy scientist", "PROFESSION"),
                             ("Brinmoor Labs", "ORGANIZATION")]
    assert {"Dr.", "Norway"} <= _quasi(docs[0])
    assert _phi(docs[1]) == [("2/8/1961", "DATE"), ("https://www.ExampleQuenby.is/", "CONTACT"), ("555-0142", "CONTACT")]
    assert {"1987", "Icelandic"} <= _quasi(docs[1])
    assert [lb for _, lb in _phi(docs[2])] == ["ID", "LOCATION", "AGE"]


def test_asq_phi_loader_finds_offsets_successively_and_relabels_hospitals(caplog):
    _, docs = load_source("asq_phi", DATA)
    assert len(docs) == 3
    assert _phi(docs[0]) == [("Pell T.", "PERSON"), ("Harrowgate General Hospital", "ORGANIZATION"),
                             ("Lowbridge", "LOCATION"), ("March 3rd, 2022", "DATE"), ("4410021", "ID")]
    assert docs[1].phi == []
    starts = [g["start"] for g in docs[2].phi]
    assert len(starts) == len(set(starts)) == 5  # repeated values take successive occurrences; Q-78 is absent
    assert "1 tag values not found" in caplog.text and "Q-78" not in caplog.text


def test_asq_phi_source_does_not_score_age_or_profession_predictions():
    src, docs = load_source("asq_phi", DATA)
    preds = {docs[1].id: [Span(25, 36, "AGE"), Span(0, 4, "PERSON")]}
    assert scored_predictions(src, docs, preds)[docs[1].id] == [Span(0, 4, "PERSON")]


def test_scored_predictions_cut_unscored_regions_but_keep_gold():
    src, docs = load_source("tab_echr_test", DATA)
    doc = docs[1]
    start = doc.text.index("Ms Idra Pell")
    got = scored_predictions(src, docs, {doc.id: [Span(start, start + 12, "PERSON")]})[doc.id]
    assert [doc.text[s.start:s.end] for s in got] == ["Idra Pell"]


def test_annomi_loader_rebuilds_transcripts_in_utterance_order():
    _, docs = load_source("annomi", DATA)
    assert [d.id for d in docs] == ["annomi:000", "annomi:001"]
    assert docs[0].text.splitlines() == ["THERAPIST: Thanks for coming in today.",
                                         "CLIENT: Hi, I'm Tamsin. Um, I drink a bit.",
                                         "THERAPIST: So, what brings you here, Tamsin?"]
    assert all(not d.phi for d in docs)


def test_counsel_chat_loader_keeps_each_question_once_and_every_answer():
    _, docs = load_source("counsel_chat", DATA)
    questions = [d for d in docs if ":q" in d.id]
    answers = [d for d in docs if ":a" in d.id]
    assert len(questions) == 2 and len(answers) == 3
    assert questions[0].text == "Can't sleep\nI lie awake\nevery night.\n"
    assert {a.case for a in answers} == {q.case for q in questions}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_detect_recognises_each_source_folder(name):
    assert detect(DATA / name).name == name


def test_detect_rejects_an_unknown_folder(tmp_path):
    with pytest.raises(InputError):
        detect(tmp_path)


def test_load_source_fails_closed_on_a_missing_folder(tmp_path):
    with pytest.raises(InputError):
        load_source("tab_echr_test", tmp_path)


def test_tab_loader_rejects_offsets_outside_the_text(tmp_path):
    folder = tmp_path / "tab"
    folder.mkdir()
    (folder / "TAB_test_BK=Original.json").write_text('{"d": "short text"}')
    (folder / "TAB_test_Manual_Entity.json").write_text('{"d": [[3, 99, "PERSON"]]}')
    with pytest.raises(InputError):
        SOURCES["tab_echr_test"].load(folder)


def test_sample_is_fixed_seed_ordered_and_bounded():
    docs = [GoldDoc(id=str(i), case="c", text="x") for i in range(50)]
    a, b = sample(docs, 10), sample(docs, 10)
    assert [d.id for d in a] == [d.id for d in b]
    assert [int(d.id) for d in a] == sorted(int(d.id) for d in a)
    assert len(a) == 10 and sample(docs, 500) == docs and sample(docs, None) == docs
