"""Phone and fax numbers in the formats of the regions deid serves (the ``phonenumbers`` package).

Presidio's built-in PhoneRecognizer covers US/GB/DE/FR/IL/IN/CA/BR; this one adds AU, IE, NZ and
ZA and accepts any number phonenumbers finds *possible* (fictional ranges such as 555-01xx and
Ofcom drama numbers are not *valid*, and real text uses them too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import phonenumbers
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

if TYPE_CHECKING:
    from deid.config import Profile

REGIONS = ("US", "GB", "CA", "AU", "IE", "NZ", "IN", "ZA")
MIN_DIGITS = 7
CONTEXT = ["phone", "number", "telephone", "tel", "cell", "cellphone", "mobile", "call", "fax",
           "ph", "contact", "text", "whatsapp", "landline"]


class RegionalPhoneRecognizer(PhoneRecognizer):
    """PhoneNumberMatcher over REGIONS with POSSIBLE leniency."""

    SCORE = 0.6

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(context=CONTEXT, supported_language=supported_language,
                         supported_regions=REGIONS, leniency=phonenumbers.Leniency.POSSIBLE,
                         name="RegionalPhoneRecognizer")

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        """Phone numbers with at least MIN_DIGITS digits (short codes are CPT codes, scores...)."""
        results = super().analyze(text, entities, nlp_artifacts)
        return [r for r in results if sum(c.isdigit() for c in text[r.start:r.end]) >= MIN_DIGITS]


def create(profile: "Profile") -> RegionalPhoneRecognizer:
    """Factory for the registry."""
    return RegionalPhoneRecognizer(supported_language=profile.detection.language)
