"""FilteredSpacyRecognizer's date filter: spaCy DATE spans that identify no one are dropped."""

import pytest

from recognizers.ner_recognizer import (
    FilteredSpacyRecognizer, is_form_or_region, is_identifying_date, is_named_place_or_org, split_lines,
)


def _check(text: str, span: str, bare_months: bool = False) -> bool:
    start = text.index(span)
    return is_identifying_date(text, start, start + len(span), bare_months)


@pytest.mark.parametrize("text,span", [
    ("the crash on October 27, 2023 was", "October 27, 2023"),
    ("since last November, when he learned", "last November"),
    ("for Christmas Eve and the following", "Christmas Eve"),
    ("she has not called since last Christmas", "Christmas"),
    ("First panic attack Easter 2021 (on the train)", "Easter 2021"),
    ("DOB 02/11/1982", "02/11/1982"),
])
def test_ner_filter_when_specific_date_then_kept(text, span):
    assert _check(text, span)


@pytest.mark.parametrize("text,span", [
    ("adding about forty minutes each way", "about forty minutes"),
    ("drinks two a day", "a day"),
    ("for two years; she drove", "two years"),
    ("graduated in 2013; one year at college", "2013"),
    ("Next appointment Monday 4:00 pm.", "4:00 pm"),
    ("so last week you said", "last week"),
    ("Continue weekly sessions", "weekly"),
    ("Sleep 4-5 hrs; nightmares", "4-5 hrs"),
    ("Sleeping 10:30-6:30. Still", "10:30-6:30"),
    ("her mother visiting over Easter.", "Easter"),
    ("over the Easter weekend; sister", "Easter weekend"),
    ("before Chinese New Year reunion dinner", "Chinese New Year"),
])
def test_ner_filter_when_duration_time_or_year_then_dropped(text, span):
    assert not _check(text, span)


@pytest.mark.parametrize("text,span", [
    ("we'll check it next Monday.", "next Monday"),
    ("PCP agrees to revisit in May if gains stall", "May"),
    ("weekly sessions until the end of June, with", "the end of June"),
    ("review meeting in early June", "early June"),
    ("reduce caseload to three until December.", "December"),
])
def test_ner_filter_when_scheduling_keep_word_then_dropped(text, span):
    assert not _check(text, span)


def test_ner_filter_replaces_presidio_spacy_recognizer():
    assert "SpacyRecognizer" in FilteredSpacyRecognizer.REPLACES


@pytest.mark.parametrize("text,span", [
    ("Step 3 CBT Service\n", "CBT"),
    ("her GP started sertraline", "GP"),
    ("Rebecca Lane, PsyD\n", "PsyD"),
    ("Missoula, MT 59802", "MT"),
    ("BAI 19 (from 31)", "BAI 19"),
    ("limit WhatsApp after 9 pm", "WhatsApp"),
])
def test_ner_filter_when_abbreviation_then_not_a_name(text, span):
    start = text.index(span)
    assert not is_named_place_or_org(text, start, start + len(span))


@pytest.mark.parametrize("text,span", [
    ("Born in Homs, Syria.", "Syria"),
    ("If you live in Montana you saw it", "Montana"),
    ("FAMILY AND SOCIAL HISTORY\n", "SOCIAL HISTORY"),
])
def test_ner_filter_when_country_state_or_heading_then_dropped(text, span):
    start = text.index(span)
    assert is_form_or_region(text, start, start + len(span))


@pytest.mark.parametrize("text,span", [
    ("works at Riverbend Logistics", "Riverbend Logistics"),
    ("the STC food court", "STC"),
    ("lives in Kalispell", "Kalispell"),
])
def test_ner_filter_when_named_place_or_org_then_kept(text, span):
    start = text.index(span)
    assert is_named_place_or_org(text, start, start + len(span))
    assert not is_form_or_region(text, start, start + len(span))


def test_ner_filter_splits_spans_at_line_breaks():
    text = "CEDAR GROUP\nIntake Assessment"
    assert split_lines(0, len(text), text) == [(0, 11), (12, len(text))]


@pytest.mark.parametrize("text,span,credential", [
    ("Clinician: Tamsin Oduya, LPCC-S\n", "LPCC-S", True),
    ("Author: Mirek Dolan, M.Phil Clinical Psychology\n", "M.Phil Clinical Psychology", True),
    ("Seen by: Ana Varrow, Clinical Psychologist\n", "Clinical Psychologist", True),
    ("PLAN\nWeekly CPT, review in six weeks.", "Weekly CPT", True),
    ("Referred by Tobin Quill, APN, Staff Health", "APN", True),
    ("works at Riverbend Counselling", "Riverbend Counselling", False),   # a named practice stays
    ("Kelso Clinical Psychology Group", "Kelso Clinical Psychology Group", False),
])
def test_ner_filter_when_only_credentials_or_discipline_words_then_not_an_org(text, span, credential):
    from recognizers.ner_recognizer import is_credential_phrase

    start = text.index(span)
    assert is_credential_phrase(text, start, start + len(span)) is credential


@pytest.mark.parametrize("text,span,expected", [
    ("Re: Ana Varrow, DOB 03/05/1991, NHS", "DOB 03/05/1991", "03/05/1991"),
    ("MRN 4471-0093 on file", "MRN 4471-0093", "4471-0093"),
    ("at Kelso Primary", "Kelso Primary", "Kelso Primary"),   # no label: unchanged
])
def test_ner_filter_when_form_label_before_a_number_then_label_cut(text, span, expected):
    from recognizers.ner_recognizer import strip_field_label

    start = text.index(span)
    assert text[strip_field_label(text, start, start + len(span)):start + len(span)] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("attended 12 sessions between 5 May and 30 June. Then", "between 5 May and 30 June", ["5 May", "30 June"]),
    ("client mz | session 3 | feb 6 2024 | not reviewed", "3 | feb 6 2024", ["feb 6 2024"]),
    ("Session 11 - Thursday 7 March 2024 - Tele", "11 - Thursday 7 March 2024", ["Thursday 7 March 2024"]),
    ("seen on 7 March 2024 at noon", "7 March 2024", ["7 March 2024"]),
    ("for 3 - 4 weeks", "3 - 4 weeks", ["3 - 4 weeks"]),     # no date after the number: unchanged
    ("he's coming on the 25th for my birthday", "the 25th", ["25th"]),
    ("Our next sessions are 7 January and 14 January at 2pm", "7 January and 14 January", ["7 January", "14 January"]),
    ("Out of office from Dec 24 to Jan 2; back-up", "Dec 24 to Jan 2", ["Dec 24", "Jan 2"]),
    ("On the night of 14/15 April 2024 he", "the night of 14/15 April 2024", ["14/15 April 2024"]),
    ("we met between sessions and after", "sessions and after", ["sessions and after"]),   # not dates: unchanged
])
def test_ner_filter_when_session_number_or_range_then_date_pieces_split(text, span, expected):
    from recognizers.ner_recognizer import date_pieces

    start = text.index(span)
    assert [text[s:e] for s, e in date_pieces(text, start, start + len(span))] == expected


@pytest.mark.parametrize("text,span,as_dates,expected", [
    ("gastroenteritis in the household in March, during", "March", False, False),   # a keep word
    ("gastroenteritis in the household in March, during", "March", True, True),     # profile option
    ("only after the December holidays.", "December holidays", False, False),
    ("PCP agrees to revisit in May if gains stall", "May", True, False),          # scheduling: never
    ("since last November, when he learned", "last November", False, True),      # one month of one year
])
def test_ner_filter_when_bare_month_then_date_only_by_profile_option(text, span, as_dates, expected):
    assert _check(text, span, as_dates) is expected


@pytest.mark.parametrize("text,span,label", [
    ("Name: Tobin Quill     Age: 47", "Name", True),
    ("Tobin Quill     Study ID: Q12", "Study", True),
    ("Study ID: Q12      Name: Ana", "Study", True),
    ("Parent/guardian: Ana Varrow", "Parent", True),
    ("Nutrition: Ana Varrow, RD", "Nutrition", True),
    ("works at Riverbend Logistics: a depot", "Riverbend Logistics", False),   # a name, then text
    ("I went to Kelso. It was fine.", "Kelso", False),
])
def test_ner_filter_when_words_before_a_form_colon_then_a_label_not_an_org(text, span, label):
    from recognizers.ner_recognizer import is_field_label

    start = text.index(span)
    assert is_field_label(text, start, start + len(span)) is label
