"""AddressRecognizer and LandmarkRecognizer: addresses, roads, postcodes and landmarks by shape."""

import pytest

from recognizers.address_recognizer import AddressRecognizer, LandmarkRecognizer


def found(rec, text):
    """Surfaces the recognizer reports, in text order (no NLP artifacts needed)."""
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None),
                                                key=lambda r: (r.start, -r.end))]


ADDR, LANDMARK = AddressRecognizer(), LandmarkRecognizer()


@pytest.mark.parametrize("text,expected", [
    ("Address: 1187 Larkspur Ave S, Apt 2, Rivertown, MN 55499\n", "1187 Larkspur Ave S, Apt 2"),
    ("Address: 1187 Larkspur Ave S, Apt 2, Rivertown, MN 55499\n", "55499"),
    ("Practice\n61 Moorfield Road\nLeeds LS9 7XY\n", "61 Moorfield Road"),
    ("Practice\n61 Moorfield Road\nLeeds LS9 7XY\n", "LS9 7XY"),
    ("Suite 210, Toronto ON M5V 2T6\n", "M5V 2T6"),
    ("Level 2, 88 Sturt Street North, Ballarat VIC 3350\n", "Level 2, 88 Sturt Street North"),
    ("Level 2, 88 Sturt Street North, Ballarat VIC 3350\n", "3350"),
    ("Address on file: 9 Quarry Lane, Wendale 3391\nDate", "9 Quarry Lane, Wendale 3391"),
    ("Address: 12 Rue Delorme, Sainte-Anne 7520\n", "12 Rue Delorme"),
    ("she tried the on-ramp at Fulton Avenue today", "Fulton Avenue"),
    ("not on Marsh Street, not at work", "Marsh Street"),
    ("he drove I-35W twice, then I-94", "I-35W"),
    ("a rollover on Hwy 2 with a teenage driver", "Hwy 2"),
    ("Eish, the N1 was standing", "N1"),
    ("Durbanville, 7551 | Tel", "7551"),
])
def test_address_recognizer_when_address_then_found(text, expected):
    assert expected in found(ADDR, text)


@pytest.mark.parametrize("text", [
    "The Road was long and we walked.",
    "In March 2024\nShe started again.",
    "Detained 2013, released after",
    "GAD-7 15 and PHQ-9 12",
    "Session 7 of 12; 20 mg at 4 pm",
    "Dr Avery Lane saw her",    # a person's name is not a street without a number
])
def test_address_recognizer_when_not_an_address_then_nothing(text):
    assert found(ADDR, text) == []


@pytest.mark.parametrize("text,expected", [
    ("near the Corrin Hill Tunnel on Monday", "Corrin Hill Tunnel"),
    ("capsized near Tarewa Peninsula in a squall", "Tarewa Peninsula"),
    ("her 18th at the Lakeside Boatshed on the 15th", "Lakeside Boatshed"),
    ("she works near maplewood town centre\nspeaker 1", "maplewood town centre"),
    ("she lives in St. Albans now", "St. Albans"),
])
def test_landmark_recognizer_when_named_place_then_found(text, expected):
    assert expected in found(LANDMARK, text)


@pytest.mark.parametrize("text", [
    "we met at the town centre",
    "The Park was empty",                # sentence-initial function word
    "Her Parkinson's is stable; Grace came too",  # keep words
])
def test_landmark_recognizer_when_generic_place_then_nothing(text):
    assert found(LANDMARK, text) == []


@pytest.mark.parametrize("text,expected", [
    ("they met on 2nd Ave West near the bakery", "2nd Ave West"),
    ("he lives on East 17th Street now", "East 17th Street"),
    ("we met at 116th and Lenox after work", "116th and Lenox"),
    ("the corner of 5th and Alder St. is loud", "5th and Alder St."),
    ("her flat is on Locke St. by the river", "Locke St."),
    ("the shop off Quarry Dr is closed", "Quarry Dr"),
])
def test_address_recognizer_when_numbered_or_cued_street_then_found(text, expected):
    assert expected in found(ADDR, text)


@pytest.mark.parametrize("text", [
    "the 2nd and Final round was tense",
    "her 21st and Last party",
    "we spoke at Mary St. John's request",
    "on Friday Dr Lee called",
    "I went to Dr. Amin for a review",
    "she came 3rd and Kate came 4th",
])
def test_address_recognizer_when_ordinal_or_title_is_not_a_street_then_nothing(text):
    assert found(ADDR, text) == []


@pytest.mark.parametrize("text,expected", [
    ("we went for a run in ringsend yesterday", "ringsend"),
    ("she grew up in tallaght and left", "tallaght"),
    ("we moved to glasnevin last year", "glasnevin"),
])
def test_landmark_recognizer_when_unknown_lower_case_word_after_living_or_moving_verb_then_place(text, expected):
    assert expected in found(LANDMARK, text)


@pytest.mark.parametrize("text", [
    "went to bed early",
    "i went to therapy on friday",
    "he lives in fear of it",
    "back in january things changed",
    "living in limbo since then",
    "she went back to sertraline",            # a drug, not a place
    "she said ringsend was nice",             # no living or moving verb before it
    "we'd go to the-the fairs",               # a stammer
    "going in different-different directions",
    "trying to stay in someone's house",
    "we like to go out to lounges",           # a plural of a common word
])
def test_landmark_recognizer_when_common_word_or_drug_after_verb_then_nothing(text):
    assert found(LANDMARK, text) == []


LANDMARKS = LandmarkRecognizer()


@pytest.mark.parametrize("text,expected", [
    ("i go down to pebblers beach with the grandson", "pebblers beach"),
    ("they put me on the rota for the lantern street branch", "lantern street"),
    ("i made it all the way to carrow st yesterday", "carrow st"),
])
def test_landmark_when_lower_case_name_before_kind_word_then_found(text, expected):
    assert expected in found(LANDMARKS, text)


@pytest.mark.parametrize("text", [
    "we walked down the main street and then to the park",
    "she went to the car park and waited",
    "we live on the same road as them",
    "they moved to the beach and then to the station",
    "i was sitting at the bus station",
    "down the winding road",
])
def test_landmark_when_generic_place_then_nothing(text):
    assert found(LANDMARKS, text) == []
