"""Phone and fax numbers in the formats of the regions deid serves (the ``phonenumbers`` package).

This replaces Presidio's built-in PhoneRecognizer: the same regions (US/GB/DE/FR/IL/IN/CA/BR)
plus AU, IE, NZ and ZA, and any number phonenumbers finds *possible*, not only *valid* (fictional
ranges such as 555-01xx and Ofcom drama numbers are not valid, and real text uses them too).
phonenumbers' matcher is slow on long text, so it runs only on short windows around digit runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

import phonenumbers
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

if TYPE_CHECKING:
    from deid.config import Profile

REGIONS = ("US", "GB", "CA", "AU", "IE", "NZ", "IN", "ZA", "DE", "FR", "IL", "BR")
MIN_DIGITS = 7
# A run of digits and separators long enough to hold MIN_DIGITS digits; the matcher gets a window
# around it, widened to whitespace so no number is cut at the window's edge.
_CANDIDATE = re.compile(r"\d[\d\s().\-\u2010-\u2015/]{5,}\d")
_MARGIN = 24
CONTEXT = ["phone", "number", "telephone", "tel", "cell", "cellphone", "mobile", "call", "fax",
           "ph", "contact", "text", "whatsapp", "landline"]


class RegionalPhoneRecognizer(PhoneRecognizer):
    """PhoneNumberMatcher over REGIONS with POSSIBLE leniency."""

    SCORE = 0.6
    REPLACES = ("PhoneRecognizer",)

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(context=CONTEXT, supported_language=supported_language,
                         supported_regions=REGIONS, leniency=phonenumbers.Leniency.POSSIBLE,
                         name="RegionalPhoneRecognizer")

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        """Phone numbers with at least MIN_DIGITS digits (short codes are CPT codes, scores...)."""
        found: dict[tuple[int, int], RecognizerResult] = {}
        for ws, we in candidate_windows(text):
            for r in super().analyze(text[ws:we], entities, nlp_artifacts):
                r.start += ws
                r.end += ws
                if sum(c.isdigit() for c in text[r.start:r.end]) >= MIN_DIGITS:
                    found.setdefault((r.start, r.end), r)
        return list(found.values())


def candidate_windows(text: str) -> list[tuple[int, int]]:
    """Merged windows around digit runs that hold at least MIN_DIGITS digits."""
    windows: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(text):
        if sum(c.isdigit() for c in m.group()) < MIN_DIGITS:
            continue
        ws = max(0, m.start() - _MARGIN)
        while ws > 0 and not text[ws - 1].isspace():
            ws -= 1
        we = min(len(text), m.end() + _MARGIN)
        while we < len(text) and not text[we].isspace():
            we += 1
        if windows and ws <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(we, windows[-1][1]))
        else:
            windows.append((ws, we))
    return windows


def create(profile: "Profile") -> RegionalPhoneRecognizer:
    """Factory for the registry."""
    return RegionalPhoneRecognizer(supported_language=profile.detection.language)
