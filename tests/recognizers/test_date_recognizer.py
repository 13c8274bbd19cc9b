"""CalendarDateRecognizer: calendar dates beyond Presidio's; weekdays, durations and bare years are not dates."""

import pytest

from recognizers.date_recognizer import CalendarDateRecognizer


def found(rec, text):
    """Surfaces the recognizer reports, in text order (no NLP artifacts needed)."""
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None),
                                                key=lambda r: (r.start, -r.end))]


REC = CalendarDateRecognizer()


@pytest.mark.parametrize("text,expected", [
    ("we moved on the 14th, I think", "14th"),
    ("it happened March 14th", "March 14th"),
    ("Date: 14 March 2023", "14 March 2023"),
    ("DOB 3/14/23", "3/14/23"),
    ("seen on Easter Sunday 2021", "Easter Sunday 2021"),
    ("Session 2 - Wednesday 13th March 2024", "Wednesday 13th March 2024"),
    ("Date: Tue, 12 Dec 2023 23:47:09 -0500", "Tue, 12 Dec 2023 23:47:09 -0500"),
    ("> On Mon, Dec 11, 2023 at 4:02 PM", "Mon, Dec 11, 2023 at 4:02 PM"),
    ("worse since spring 2020", "spring 2020"),
    ("since late February 2024 under", "late February 2024"),
    ("Date: Tues 28.5.24  In person", "Tues 28.5.24"),
    ("DOB: 1999-08-03", "1999-08-03"),
    ("Date: 27-Nov-2023", "27-Nov-2023"),
    ("next Monday 2/26 at 4 pm", "2/26 at 4 pm"),
    ("Next session 30/04: review", "30/04"),
    ("It was the twelfth of March, I remember", "the twelfth of March"),
    ("he said come back on the first\nspeaker 1 okay", "first"),
    ("on Mother's Day (10th) he cried", "Mother's Day"),
    ("on Mother's Day (10th) he cried", "10th"),
    ("transcript nov 20 2023 confidence low", "nov 20 2023"),
    ("flood of 25-26 September 2023, when", "25-26 September 2023"),
    ("[check-in, partner B, march 12 2026] speaker 1: so", "march 12 2026"),
    ("Card no. 4410 2231   Exp 09/2029   Plan", "09/2029"),
    ("a family lunch before White Sunday 2026", "White Sunday 2026"),
    ("Date: Monday the twenty-third of February", "Monday the twenty-third of February"),
])
def test_date_recognizer_when_calendar_date_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "Session 9/16 today",
    "completed the log 6/7 days",
    "available 24/7",
    "graduated in 2013",
    "for the 5th session in a row",
    "she may 2 things",
    "i may go 12 times in 2026",
    "we did 3/4 of it",
    "pain 7/10 score",
])
def test_date_recognizer_when_count_or_year_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text", [
    "see you next Monday",        # keep: weekday for scheduling
    "We will revisit in May.",    # keep: month as plain word (the NER filter handles months)
    "she may have weighed herself",
    "I will march on",
])
def test_date_recognizer_when_keep_words_then_untouched(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("homework is due through 12/1 then we review", "12/1"),
    ("we did separate screens 10/31 and again", "10/31"),
    ("the tour 2/9–2/20 means she is away", "2/9–2/20"),
    ("next appt Thurs 6/19 at 10:00", "6/19 at 10:00"),
    ("see you Thu 2/6 then", "2/6"),                      # a weekday is a date cue
    ("flu shot given 7/23 at the clinic", "7/23"),
    ("we can talk on 2/9 if you like", "2/9"),
])
def test_date_recognizer_when_yearless_month_day_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "she rated the week 8/10 and sleep 6/10",
    "he takes 1/2 tab at night",
    "BP 120/80 today",
    "support is there 24/7",
    "honestly it is 50/50",
    "about 3/4 of the group agreed",
    "symptoms began 6/12 ago",
    "he scored 9/10 on the quiz",
    "it was a 10/10 day",
    "the odds of 3/1 against",
])
def test_date_recognizer_when_fraction_score_or_ratio_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("last thanksgiving was hard for the family", "thanksgiving"),
    ("we saw them over christmas day", "christmas day"),
    ("since last pesach she has not called", "pesach"),
])
def test_date_recognizer_when_lower_case_holiday_after_cue_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "she loves christmas in general",      # no one occurrence named
    "every thanksgiving is the same",
    "thanksgiving dinners stress him",
    "since easter she has not called",     # a festival without last/this/next: a keep word
])
def test_date_recognizer_when_lower_case_holiday_without_cue_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("the retreat runs April 24–26, 2025 in the hills", "April 24–26, 2025"),
    ("seen Tue 2025-03-11 for intake", "Tue 2025-03-11"),
    ("note e-signed 11/14/2024 18:42 by clinician", "11/14/2024 18:42"),
    ("logged 2025-03-11T09:30 by the system", "2025-03-11T09:30"),
    ("letter dated Oct. 22 2024 from the school", "Oct. 22 2024"),
])
def test_date_recognizer_when_date_has_range_weekday_or_time_then_whole_span(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text,expected,not_expected", [
    ("Chart QX-1120   Session 10   Sept 11, 2024\n", "Sept 11, 2024", "10   Sept"),  # a wide gap is layout
    ("seen 14 March 2023 for review", "14 March 2023", None),
])
def test_date_recognizer_when_number_before_a_layout_gap_then_not_a_day(text, expected, not_expected):
    got = found(REC, text)
    assert expected in got and not any(not_expected and not_expected in g for g in got)


@pytest.mark.parametrize("text", [
    "PHQ-9: 12/27 today",
    "K10 22/50 at intake",
    "CORE-10 17/40, down from 24",
    "attendance 11/12 this term",
    "she got 11/12 on the test",
    "in 10/11 cases it helps",
])
def test_date_recognizer_when_measure_score_or_tally_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("visiting from abroad through 12/1, adding strain", ["12/1"]),
    ("separate screens 10/31).", ["10/31"]),
    ("leaves on a regional tour 2/9–2/20.", ["2/9–2/20"]),  # the range as one span
    ("DOS 2/13 seen", ["2/13"]),
])
def test_date_recognizer_when_yearless_month_day_without_cue_then_date(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", [
    "Mood 4/10 today", "took 1/2 tab", "off work 2/7", "MoCA 21/30.", "3/4 of the group",
    "PHQ 9/27", "GAD-7 14/21 today", "scored 12/27 on the scale",
])
def test_date_recognizer_when_score_fraction_or_shorthand_then_no_date(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("[14/02/2024, 19:05] Kerry B: see you then", "14/02/2024, 19:05"),
    ("Posted Oct 3, 22:15 by the admin", "Oct 3, 22:15"),
    ("We can offer Wed 2 Jul 3:15pm with Sam.", "Wed 2 Jul 3:15pm"),
    ("Date: 9 June 2024 at 11:05 am", "9 June 2024 at 11:05 am"),
    ("Sent: Saturday, March 8, 2025 10:12 PM", "Saturday, March 8, 2025 10:12 PM"),
    ("moved to Monday July 21 at 9:30 AM (Eastern)", "Monday July 21 at 9:30 AM"),
    ("Date: Thu, 13 Feb 2025 14:22:41 +0100", "Thu, 13 Feb 2025 14:22:41 +0100"),
    ("Seen: Mon 03-Feb-2025 with partner", "Mon 03-Feb-2025"),
    ("Seen Tues 4 Mar 2025 with mother", "Tues 4 Mar 2025"),
    ("Next: Fri 7 Nov, room 3", "Fri 7 Nov"),
    ("see you on the twenty fourth", "twenty fourth"),
    ("it was the second of October when it happened", "the second of October"),
    ("DOB 2019/11/23 per form", "2019/11/23"),
    ("we meet on the 11th again", "11th"),
    ("since the 3rd she has been calm", "3rd"),
    ("Booked Monday 14th at the usual time", "Monday 14th"),
    ("Thursday 21st works for me", "Thursday 21st"),
])
def test_date_recognizer_when_date_with_time_or_weekday_then_whole_span(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "the PHQ-9 was 12 and GAD-7 9",
    "took 10 min to settle",
    "for the 3rd time this week",
    "it was the 5th session in a row",
    "at 4:30pm she left",
])
def test_date_recognizer_when_time_or_ordinal_noun_alone_then_nothing(text):
    assert found(REC, text) == []


@pytest.mark.parametrize("text,expected", [
    ("on 2 May 2024, 10 people came", "2 May 2024"),   # a count after a comma is no clock time
    ("by 3 June 2023 at 5 she was home", "3 June 2023"),  # "at 5" without am/pm stays out
])
def test_date_recognizer_when_number_after_date_then_not_a_time(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text,expected", [
    ("chest pain on Diwali night 2023.", "Diwali night 2023"),
    ("Thanksgiving week 2022, again", "Thanksgiving week 2022"),
    ("the 9th above in the hall", "9th"),
])
def test_date_recognizer_when_holiday_part_with_year_or_nth_then_found(text, expected):
    assert expected in found(REC, text)


def test_date_recognizer_when_holiday_part_without_year_then_nothing():
    assert found(REC, "on Easter weekend we left") == []


@pytest.mark.parametrize("text,expected", [
    ("First panic attack Easter 2021 (on the train)", "Easter 2021"),
    ("His wife died last Pesach and he", "last Pesach"),
    ("at her parents' for Christmas Eve and", "Christmas Eve"),
    ("on Mother's Day he called", "Mother's Day"),
])
def test_date_recognizer_when_holiday_has_year_cue_or_names_one_day_then_found(text, expected):
    assert expected in found(REC, text)


@pytest.mark.parametrize("text", [
    "She fasts during Ramadan and asked",
    "Partner's mother visiting over Easter.",
    "anticipatory anxiety about Christmas at her sister's",
    "used to play with my cousin every Deepavali.",
    "the fight on Seollal. His mom was",
])
def test_date_recognizer_when_festival_without_year_then_nothing(text):
    assert found(REC, text) == []
