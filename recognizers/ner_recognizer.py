"""spaCy NER through Presidio, minus the date/time entities that identify no one.

Replaces Presidio's built-in ``SpacyRecognizer`` (see ``REPLACES``). spaCy tags durations
("two weeks", "50 minutes"), frequencies ("every day"), clock times, relative days ("last week",
"today"), bare years and weekdays as DATE; none of these is a date identifier in the gold
convention (FORMAT.md), and removing them costs ordinary words. Kept: spans naming a month,
holiday, numeric date or day-of-month; months used for scheduling ("revisit in May",
"until December") are dropped. Other entity types pass through unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from recognizers.date_words import MONTH, looks_specific

if TYPE_CHECKING:
    from deid.config import Profile

_BARE_MONTH = re.compile(rf"^(?:(?i:the\s+)?(?i:early|late|mid|end\s+of\s+the|end\s+of|beginning\s+of)"
                         rf"[-\s]+)?{MONTH}$")
_SCHEDULING_BEFORE = re.compile(
    r"(?i:\b(?:revisit|review|reviewed|until|till|by|around|conference|plan|plans|planned|"
    r"planning|booked|due|expected|early|end\s+of|enough\s+in|leave|holiday|next)\b[\w\s,]{0,12})$")
_EARLY_END = re.compile(r"^(?i:(?:the\s+)?(?:early|end\s+of|beginning\s+of))\b")
_UNIT_END = re.compile(r"(?i:\b(?:days?|weeks?|nights?|hours?|hrs?|minutes?|mins?|months?|years?|sessions?))$")


def is_identifying_date(text: str, start: int, end: int) -> bool:
    """True when a spaCy DATE/TIME span could date an event in someone's life."""
    span = text[start:end].strip()
    if not looks_specific(span) or _UNIT_END.search(span) and not re.search(MONTH, span):
        return False
    if _BARE_MONTH.match(span):
        if _EARLY_END.match(span):  # "review in early June", "until the end of June"
            return False
        return not _SCHEDULING_BEFORE.search(text[max(0, start - 40):start])
    return True


class FilteredSpacyRecognizer(SpacyRecognizer):
    """Presidio's spaCy recognizer with non-identifying DATE_TIME spans removed."""

    REPLACES = ("SpacyRecognizer",)

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        """spaCy entities, keeping only identifying dates."""
        out = []
        for r in super().analyze(text, entities, nlp_artifacts):
            if r.entity_type == "DATE_TIME" and not is_identifying_date(text, r.start, r.end):
                continue
            out.append(r)
        return out


def create(profile: "Profile") -> FilteredSpacyRecognizer:
    """One recognizer for the entity types the profile's NLP config maps spaCy labels to."""
    ents = sorted(set(profile.nlp.model_to_presidio_entity_mapping.values()))
    return FilteredSpacyRecognizer(supported_language=profile.detection.language,
                                   supported_entities=ents, name="FilteredSpacyRecognizer")
