"""Label-mapping rules shared by the public-set loaders."""

import pytest

from deid.evalsets import labels


@pytest.mark.parametrize("text,expected", [
    ("1 November 1998", True), ("July 1974", True), ("2/8/1935", True), ("2000-04-16 11:34:35", True),
    ("the 14th", True), ("1964", False), ("February", False), ("two years", False), ("three-month", False),
    ("autumn of 1999", False), ("Tuesday", False),
])
def test_labels_specific_date(text, expected):
    assert labels.is_specific_date(text) is expected


@pytest.mark.parametrize("text,cut", [("Mr Orlan Vessik", 3), ("Dr. Walda Quenby", 4), ("Orlan Vessik", 0),
                                      ("Mr", 0), ("Mrs Sir Pell", 8)])
def test_labels_title_prefix_length(text, cut):
    assert labels.title_prefix_length(text) == cut


@pytest.mark.parametrize("text,expected", [("teacher", True), ("police officers", True), ("taxi driver", True),
                                           ("British", False), ("no children", False), ("Catholic", False)])
def test_labels_profession(text, expected):
    assert labels.is_profession(text) is expected


@pytest.mark.parametrize("text,expected", [("Turkey", True), ("the United Kingdom", True), ("Republic of Turkey", True),
                                           ("Kelmbury", False), ("London", False)])
def test_labels_country(text, expected):
    assert labels.is_country(text) is expected


@pytest.mark.parametrize("text,expected", [("65", True), ("age of three", True), ("9-year-old", True),
                                           ("eighteen", True), ("1968", False), ("Somali", False)])
def test_labels_age(text, expected):
    assert labels.is_age(text) is expected


@pytest.mark.parametrize("text,expected", [("65 years of age", "65"), ("age of three", "three"),
                                           ("twenty-two years old", "twenty-two"), ("9-year-old", "9"),
                                           ("eighteen", "eighteen"), ("over the age of", None)])
def test_labels_age_number_span_is_the_number_alone(text, expected):
    span = labels.age_number_span(text)
    assert (text[span[0]:span[1]] if span else None) == expected
