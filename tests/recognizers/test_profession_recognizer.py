"""ProfessionRecognizer: jobs tied to a person by context; the clinician's roles and idle words are not."""

import pytest

from recognizers.profession_recognizer import ProfessionRecognizer, lexicon


def found(rec, text):
    """Surfaces the recognizer reports, in text order (no NLP artifacts needed)."""
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None),
                                                key=lambda r: (r.start, -r.end))]


REC = ProfessionRecognizer()


def test_profession_lexicon_comes_from_faker_and_the_shipped_list():
    titles, heads, unique = lexicon()
    assert "community pharmacist" in titles       # Faker: "Pharmacist, community"
    assert "harbourmaster" in unique               # data/occupations.txt
    assert "therapist" not in heads                # the clinician's own role


@pytest.mark.parametrize("text,expected", [
    ("He works as a firefighter in town.", "firefighter"),
    ("she's a pediatric nurse at the hospital", "pediatric nurse"),
    ("Noor is a 38-year-old locum community pharmacist who", "locum community pharmacist"),
    ("He has been the harbourmaster for Tarewa for six years.", "harbourmaster"),
    ("Married to Ana (44), a teacher aide at the local school.", "teacher aide"),
    ("He is the elected corporator for Ward 9.", "corporator"),
    ("unsure if she'll come back as branch manager at the depot", "branch manager"),
    ('even "Mrs K, bank manager, Durban" is enough', "bank manager"),
    ("Then I'd be the chief who sent them up.", "chief"),
    ("She trained as an electrician before the war.", "electrician"),
])
def test_profession_recognizer_when_job_in_context_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "My therapist said it was fine.",
    "Her psychologist is kind.",
    "She is a student at night.",
    "The chief complaint was chest pain.",
    "the principal reason for referral",
    "she was teasing the nurses",
    "Would you be willing to make that appointment?",
    "Hope and Grace came with Will in May.",   # keep words
    "most of my clients are ranchers and teachers",   # plurals name groups, not a person's job
    "you could count the paid firefighters on one hand",
])
def test_profession_recognizer_when_no_job_context_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("She works as a night-shift dispatcher and sleeps days.", "night-shift dispatcher"),
    ("I saw this 31-year-old Year 4 teacher who presents with panic.", "Year 4 teacher"),
    ("Mr Tamsin is a retired railway linesman and a keen angler.", "retired railway linesman"),
    ("Ana is a 40-year-old Peruvian-American neonatal ICU charge nurse who", "neonatal ICU charge nurse"),
    ("Dario is a Moldovan sous-chef and cooks at night.", "sous-chef"),
    ("the father is a well-known ferry chairman and", "ferry chairman"),
    ("Pt is a 52 yo married forklift operator.", "forklift operator"),
])
def test_profession_recognizer_when_modifiers_or_age_precede_then_job_phrase_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text,expected", [
    ("Mrs Oduya, a nurse in the burns unit at Quellport General Hospital, reports",
     "nurse in the burns unit at Quellport General Hospital"),
    ("She works as a deckhand on the Tarn Island ferry and lives alone.",
     "deckhand on the Tarn Island ferry"),
    ("He is a well-known youth footballer at Brackley Town academy; the", "youth footballer at Brackley Town academy"),
])
def test_profession_recognizer_when_a_named_place_follows_then_it_joins_the_job(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text,expected", [
    ("She is a teacher at the school and likes it.", "teacher"),            # no name in the place
    ("He has been the harbourmaster for Tarewa for six years.", "harbourmaster"),  # 'for' is not where
    ("Ana, a teacher aide at Kelso Primary. Two children.", "teacher aide at Kelso Primary"),  # stops at '.'
    ("a nurse at Kelso for eleven years", "nurse at Kelso"),                # preposition after the name ends it
])
def test_profession_recognizer_when_place_phrase_ends_then_extension_stops(text, expected):
    assert found(REC, text) == [expected]


@pytest.mark.parametrize("text", [
    "She is a 34-year-old married Moldovan woman referred by her GP.",
    "He is a 29-year-old man with panic.",
])
def test_profession_recognizer_when_age_precedes_a_person_noun_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("He's the only harbour pilot in Kelso named in the paper.", "harbour pilot in Kelso"),
    ("Dario is a sous-chef at Casa Verde in Upper Tarn. Lives alone.", "sous-chef at Casa Verde in Upper Tarn"),
    ("honestly it was a lot pastor said", None),
])
def test_profession_recognizer_when_verb_or_quantity_word_then_not_part_of_job(text, expected):
    assert found(REC, text) == ([expected] if expected else [])


@pytest.mark.parametrize("text,expected", [
    ("Partner: Joaquin, cargo pilot — away most weeks", "cargo pilot"),
    ("Mother (Dr. Wren, vascular surgeon at Pellham General) is supportive", "vascular surgeon"),
    ("She has gone back to full hours as an optical dispenser and moved", "optical dispenser"),
    ("Works rig hand on a two-weeks-on rotation", "rig hand"),
    ("she's a florist in the town", "florist"),
])
def test_profession_recognizer_when_modified_job_in_context_then_found(text, expected):
    assert any(expected in f for f in found(REC, text))


@pytest.mark.parametrize("text", [
    "can you lend a hand in the kitchen",
    "he was a big hand at parties",
    "we bought a soap dispenser for the bathroom",
    "Thanks, nurse",
])
def test_profession_recognizer_when_weak_head_or_address_then_nothing(text):
    assert found(REC, text) == []
