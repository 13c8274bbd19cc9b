"""PlaceGazetteerRecognizer: gazetteer towns confirmed as proper nouns; common words stay."""

from types import SimpleNamespace

import pytest

from recognizers.gazetteer_recognizer import PlaceGazetteerRecognizer, gazetteer

REC = PlaceGazetteerRecognizer()


def found(analyzer, text):
    """Surfaces reported with spaCy's parse of the text as NLP artifacts."""
    arts = SimpleNamespace(tokens=analyzer.nlp(text))
    return [text[r.start:r.end] for r in REC.analyze(text, REC.supported_entities, arts)]


def test_gazetteer_holds_towns_but_no_countries_or_states():
    names, _ = gazetteer()
    assert {"harrogate", "kalispell", "mississauga"} <= names
    assert not {"canada", "ghana", "montana"} & names


@pytest.mark.parametrize("text,expected", [
    ("His cousin's birthday is in Harrogate next month.", "Harrogate"),
    ("She drove to Kalispell every week.", "Kalispell"),
    ("i drove to toronto on the weekend", "toronto"),
])
def test_gazetteer_when_town_then_found(analyzer, text, expected):
    assert expected in found(analyzer, text)


@pytest.mark.parametrize("text", [
    "Hope is good, let's keep it.",         # keep: ordinary word
    "Papa was sad because of the flood.",   # kinship word
    "PROGRESS NOTE\nDate of service: today",
    "She moved back to Canada.",            # countries are not identifiers
])
def test_gazetteer_when_common_word_or_country_then_nothing(analyzer, text):
    assert found(analyzer, text) == []


@pytest.mark.parametrize("text,expected", [
    ("he would drive to the bowls club in bracknell every friday", "bracknell"),
    ("she grew up near zandvoort with her aunt", "zandvoort"),
    ("is that mum in charters towers no mums elsewhere", "charters towers"),   # two common words
])
def test_gazetteer_when_lower_case_small_town_after_preposition_then_found(analyzer, text, expected):
    assert expected in found(analyzer, text)


@pytest.mark.parametrize("text", [
    "he went to dana and cried",          # a first name that is also a town somewhere
    "we moved to sunshine and happiness",
    "i was in hope it would work",
    "we were in the middle of it",
    "she lives in good faith with us",
])
def test_gazetteer_when_lower_case_word_or_name_then_no_town(analyzer, text):
    assert found(analyzer, text) == []


@pytest.mark.parametrize("text,expected", [
    ("the whole of coimbatore will know", ["coimbatore"]),
    ("the rest of march was bad", []),
    ("the edge of reading and writing", []),
    ("the middle of nowhere", []),
])
def test_gazetteer_when_place_part_of_lower_case_town_then_found(analyzer, text, expected):
    assert found(analyzer, text) == expected
