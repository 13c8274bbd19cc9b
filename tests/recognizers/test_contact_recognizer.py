"""Web addresses, handles and phone numbers: found in every served region; abbreviations are not URLs."""

import pytest

from recognizers.contact_recognizer import HandleRecognizer, SpokenPhoneRecognizer, WebAddressRecognizer
from recognizers.phone_recognizer import RegionalPhoneRecognizer


def found(rec, text):
    """Surfaces the recognizer reports, in text order (no NLP artifacts needed)."""
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None),
                                                key=lambda r: (r.start, -r.end))]


URL, HANDLE, PHONE = WebAddressRecognizer(), HandleRecognizer(), RegionalPhoneRecognizer()
SPOKEN = SpokenPhoneRecognizer()


@pytest.mark.parametrize("text,expected", [
    ("see https://linktr.example/pixeldoodles for more", "https://linktr.example/pixeldoodles"),
    ("Posted at https://calmspace.example.com/blog/the-fox.", "https://calmspace.example.com/blog/the-fox"),
    ("visit www.hopefulminds.example.org today", "www.hopefulminds.example.org"),
    ("our site is brightpath.example.co.uk", "brightpath.example.co.uk"),
])
def test_contact_url_when_address_then_found(text, expected):
    assert expected in found(URL, text)


@pytest.mark.parametrize("text", [
    "O. Fenwick, Ph.D., C.Psych.",
    "Dr. R. Moss, M.Phil. Clinical Psychology",
    "[inaudible] ...No. I know",
    "e.g. the notes.md file",
])
def test_contact_url_when_abbreviation_then_nothing(text):
    assert found(URL, text) == []


@pytest.mark.parametrize("text,expected", [
    ("it's up on @pixel.doodles, or", "@pixel.doodles"),
    ("those who follow me at @calm_counsels are", "@calm_counsels"),
    ("> **ranchwife_mt**: Sharing this", "ranchwife_mt"),
    ("i posted a comic on my art account\nyeah its pixel dot doodles its anonymous", "pixel dot doodles"),
    ("email me, tova at mailbox dot com", "tova at mailbox dot com"),
    ("my gamertag is speaker_boom_77", "speaker_boom_77"),
])
def test_contact_handle_when_handle_then_found(text, expected):
    assert expected in found(HANDLE, text)


@pytest.mark.parametrize("text", [
    "she wore a polka dot dress",
    "email me at the office",      # no handle
    "Grace said hope@ is not a handle",
    "speaker_0: how was the week\nspk_1: long",   # speech-to-text speaker ids, not handles
    "SPEAKER_12: fine",
])
def test_contact_handle_when_ordinary_words_then_nothing(text):
    assert found(HANDLE, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Phone: (612) 555-0142 Email", "(612) 555-0142"),      # US fictional range
    ("Tel: 0113 496 0721\n", "0113 496 0721"),              # UK drama range
    ("Mobile: 021 555 0193\nGP", "021 555 0193"),           # NZ
    ("Ph (03) 5550 1234  |", "(03) 5550 1234"),             # AU landline
    ("reach her on 0491 570 156.", "0491 570 156"),         # AU mobile fiction range
    ("Contact: 082 555 0147\n", "082 555 0147"),            # ZA
    ("**Mobile:** +91 98765 55014", "+91 98765 55014"),     # IN
    ("call 087 123 4567 after six", "087 123 4567"),        # IE
    ("Lab\n416.555.0168\n", "416.555.0168"),                # CA dotted
])
def test_contact_phone_when_regional_number_then_found(text, expected):
    assert expected in found(PHONE, text)


@pytest.mark.parametrize("text", [
    "CPT 90837 billed",
    "took 20 mg at 4:00",
    "PHQ-9 12, GAD-7 15",
])
def test_contact_phone_when_short_code_or_score_then_nothing(text):
    assert found(PHONE, text) == []


def test_contact_url_replaces_presidio_url_recognizer():
    assert "UrlRecognizer" in WebAddressRecognizer.REPLACES


CHAT = "23:41 tova.rayne: sorry its late\n23:42 quietfox_88: no worries\n23:43 mossling: ok\nlol tova.rayne is always late"


@pytest.mark.parametrize("text,expected", [
    (CHAT, "tova.rayne"),
    (CHAT, "quietfox_88"),
    (CHAT, "mossling"),                                   # plain word after a clock time
    ("[10/2/25, 9:14 pm] brin.k22: you up?", "brin.k22"),
    ("Participants: tova.rayne, quietfox_88, mossling", "mossling"),
    ("**Members:** brin.k22; ash.rowe", "ash.rowe"),
    ("her insta is wrenlo.fv and she posts daily", "wrenlo.fv"),
])
def test_contact_handle_when_chat_speaker_participant_or_dotted_handle_then_found(text, expected):
    assert expected in found(HANDLE, text)


def test_contact_handle_when_speaker_handle_named_again_then_every_mention_found():
    assert found(HANDLE, CHAT).count("tova.rayne") == 2


@pytest.mark.parametrize("text", [
    "it was the end.so i left",                           # two words run together
    "to answer some of ya.alls. questions on my page",    # words run together, even near "page"
    "open the notes.txt file",
    "P1: hello\nT1: ok\nSpeaker_2: hi",                   # numbered roles
    "10:02 therapist: hello\n10:03 client: hi",           # roles after a clock time
    "e.g. this one, i.e. that one",
    "Participants: me, you and the therapist",
    "Time: 10:30: start of session",
    "PHQ-9: 14\nGAD-7: 12\nCORE-10: 17\nICD-10: F32.1\nK10: 22",   # test names opening a line
    "v2.0: draft\nrev.2: ok\nStep2: call\nB12: low",              # versions, steps, vitamins
])
def test_contact_handle_when_roles_files_or_run_together_words_then_nothing(text):
    assert found(HANDLE, text) == []


@pytest.mark.parametrize("text,expected", [
    ("call me on six one four five five five zero one six six tonight",
     "six one four five five five zero one six six"),
    ("it's oh four one two, double five seven, nine one two", "oh four one two, double five seven, nine one two"),
])
def test_contact_spoken_phone_when_digits_read_out_then_found(text, expected):
    assert expected in found(SPOKEN, text)


@pytest.mark.parametrize("text", [
    "one two three four five six seven eight, ready or not",   # counting
    "she had one or two, maybe three",
    "five of the six one-to-ones were missed",
])
def test_contact_spoken_phone_when_counting_or_few_numbers_then_nothing(text):
    assert found(SPOKEN, text) == []


def test_contact_handle_when_participant_line_is_prose_then_plain_words_stay():
    assert found(HANDLE, "Participants: Ann Brey (supervisee, consultation hours), quietfox_88") == ["quietfox_88"]
CHAT_EXPORT = """[participants: tobin.quill (student), zvarga (counsellor)]

14/10/2024 23:41 tobin.quill: sorry its late
15/10/2024 08:15 zvarga: Good morning Tobin
15/10/2024 08:16 therapist: hi
spk_0: so
ana.v: ok"""


def test_chat_user_recognizer_when_senders_of_a_chat_export_then_each_and_every_mention():
    from recognizers.contact_recognizer import ChatUserRecognizer

    got = sorted(CHAT_EXPORT[r.start:r.end] for r in ChatUserRecognizer().analyze(CHAT_EXPORT, ["HANDLE"]))
    assert got == ["ana.v", "tobin.quill", "tobin.quill", "zvarga", "zvarga"]


@pytest.mark.parametrize("text", [
    "THERAPIST: hi\nCLIENT: hello",              # capitalised labels are speakers, not users
    "spk_0: okay so\nspk_1: yes",                 # speech-to-text ids
    "09:15 client: yes\n09:16 me: ok",            # roles and 'me'
    "see example.com: it has it",                 # a domain
])
def test_chat_user_recognizer_when_roles_ids_or_labels_then_nothing(text):
    from recognizers.contact_recognizer import ChatUserRecognizer

    assert ChatUserRecognizer().analyze(text, ["HANDLE"]) == []
