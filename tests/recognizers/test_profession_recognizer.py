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
