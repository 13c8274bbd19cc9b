"""Dates written in French, Spanish, Italian, Portuguese, German or Dutch (DATE).

"16 février 2026", "le jeudi 29 janvier 2026", "3 de marzo de 2025", "29. Januar 2026": a day
number with a month name from ``data/foreign_months.yaml``, optionally led by a weekday and an
article and followed by a year. A month name alone is no date, and one that is also an English
word ("mars", "mai") needs a year.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from recognizers.regex_base import RegexRecognizer, Rule, alternation

DATA = Path(__file__).parent / "data" / "foreign_months.yaml"


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _rules() -> tuple[Rule, ...]:
    w = _words()
    weekday = alternation(w["weekdays"])
    free = alternation([m for m in w["months"] if m not in w["need_year"]])
    lead, join = alternation(w["lead_words"]), alternation(w["joiners"])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:er|\.|º|°)?"
    year = r"(?:19|20)\d\d"
    head = rf"(?i:\b(?:(?:{lead})[ \t]+)?(?:(?:{weekday}),?[ \t]+)?{day}[ \t]+(?:(?:{join})[ \t]+)?"
    tail = rf"(?:[ \t]+(?:(?:{join})[ \t]+)?{year}\b)"
    return (Rule("day-month-foreign", rf"{head}(?:{free})\b{tail}?)", 0.7),
            Rule("day-month-year-foreign", rf"{head}(?:{alternation(w['need_year'])})\b{tail})", 0.7))


class ForeignDateRecognizer(RegexRecognizer):
    """A day and a month name in another language, with an optional weekday, article and year."""

    ENTITY = "DATE_TIME"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, rules=_rules())


def create(profile: object = None) -> ForeignDateRecognizer:
    """Factory for the registry."""
    return ForeignDateRecognizer()
