"""Presidio's country-specific recognizers that its default config leaves off, for our regions.

US/UK/CA/AU/IN/ZA identifiers (NPI, MBI, NINO, Medicare, TFN, Aadhaar, SA ID, SIN, postal codes,
vehicle plates). Most validate a checksum, which lifts a match to full confidence; the report
label of each entity type is set in the profile (detection.labels).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from presidio_analyzer import EntityRecognizer
from presidio_analyzer import predefined_recognizers as predefined

if TYPE_CHECKING:
    from deid.config import Profile

CLASSES = (
    "UsNpiRecognizer", "UsMbiRecognizer", "UsPriorAuthorizationNumberRecognizer",
    "UsClaimNumberRecognizer", "UkNinoRecognizer", "UkVehicleRegistrationRecognizer",
    "AuMedicareRecognizer", "AuTfnRecognizer", "InAadhaarRecognizer", "ZaIdNumberRecognizer",
    "ZaLicensePlateRecognizer", "CaSinRecognizer", "CaPostalCodeRecognizer",
)


def create(profile: "Profile") -> list[EntityRecognizer]:
    """Instantiate every class in CLASSES for the profile's language."""
    lang = profile.detection.language
    return [getattr(predefined, name)(supported_language=lang) for name in CLASSES]
