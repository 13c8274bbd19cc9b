"""Record, case, client, chart, insurance, registration and vehicle numbers.

Three kinds of evidence: a label before the value ("MRN: ...", "member no. UMS 4471 0925",
"NHI: ZHT4412", "C.Psych. #7721"); an ID shape on its own (letters-hyphen-digits such as
"CLC-0048821", long letter+digit runs, runs of seven or more digits); and, for licence plates,
vehicle words nearby. Values need at least MIN_DIGITS digits, which keeps out test names
("PHQ-9", "GAD-7"), roads ("I-94") and years.
"""

from __future__ import annotations

import regex as re

from recognizers.cues import cue_words
from recognizers.regex_base import RegexRecognizer, Rule, alternation
from recognizers.regex_trie import trie_alternation

MIN_DIGITS = 3
# Labels that announce an identifier. Matched case-insensitively, as whole words.
LABELS = [
    "MRN", "medical record", "record", "records", "chart", "file", "client", "patient", "case",
    "claim", "member", "membership", "policy", "group", "account", "acct", "ref", "reference",
    "auth", "authorisation", "authorization", "prior auth", "licence", "license", "registration",
    "reg", "NHS", "CHI", "NHI", "PHIN", "OHIP", "UHID", "UCI", "IRCC UCI", "SIN", "SSN",
    "social security", "national insurance", "NI", "NINO", "Aadhaar", "Aadhar", "PAN", "Medicare",
    "Medicaid", "IRN", "HPCSA", "AHPRA", "RCI", "NPI", "DEA", "GMC", "HCPC", "BACP", "UKCP",
    "NMC", "practice", "provider", "passport", "ID", "identity", "identification", "employee",
    "staff", "student", "badge", "ACC", "EHR", "EMR", "hospital", "unit", "bed", "IP", "device",
    "serial", "insurance", "plan", "scheme", "subscriber", "beneficiary", "Medical scheme",
]
_LABEL = rf"(?i:\b(?:{trie_alternation(sorted({w.lower() for w in LABELS + list(cue_words('id_labels'))}), space=' ')}))"
_NUMWORD = r"(?i:\s*(?:no\.?|num(?:ber)?|#|id|ref(?:erence)?|code)\b\.?)?"
_SEP = r"[\s:#.*=(]{0,6}"
# An ID value: alphanumeric groups joined by -, /, . or single spaces before a digit group.
_GROUP = r"[A-Z0-9]+"
_VALUE = rf"(?:{_GROUP}(?:(?:[-/.]|\s(?=[A-Z]{{0,4}}\d))[A-Z0-9]+){{0,5}})"
_ISO = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d$")
_VEHICLE = re.compile(r"(?i:\b(?:vehicle|car|truck|ute|van|plate|plates|number\s+plate|licen[cs]e\s+plate|"
                      r"registration|rego|reg\.?|motorbike|motorcycle)\b)")


def _enough_digits(text: str, start: int, end: int) -> bool:
    return sum(c.isdigit() for c in text[start:end]) >= MIN_DIGITS


def _vehicle_near(text: str, start: int, end: int) -> bool:
    return _enough_digits(text, start, end) and bool(
        _VEHICLE.search(text[max(0, start - 60):start]) or _VEHICLE.search(text[end:end + 30]))


def _not_year_tail(text: str, start: int, end: int) -> bool:
    """ "CP/0419" is a code; "COVID/2020" ends in a year."""
    return not re.search(r"/(?:19|20)\d\d$", text[start:end])


class RecordNumberRecognizer(RegexRecognizer):
    """Identifiers announced by a label, or with an unmistakable ID shape."""

    ENTITY = "ID"
    CONTEXT = ["record", "mrn", "chart", "case", "client", "patient", "insurance", "policy",
               "member", "medicare", "nhs", "id", "number", "licence", "license", "claim"]
    RULES = (
        Rule("labelled", rf"{_LABEL}{_NUMWORD}{_SEP}(?P<v>{_VALUE})(?![\w-])", 0.7, check=_enough_digits),
        Rule("hash-number", rf"#\s?(?P<v>{_VALUE})(?![\w-])", 0.6, check=_enough_digits),
        Rule("letters-hyphen-digits", r"\b[A-Z]{1,6}(?:-[A-Z0-9]+)*-\d[A-Z0-9]*(?:-[A-Z0-9]+)*\b",
             0.6, check=_enough_digits),
        Rule("digits-hyphen-letters", r"\b\d{3,}(?:-\d+)*-[A-Z]{1,3}\b", 0.5),
        Rule("slashed", r"\b[A-Z]{2,6}/\d{2,4}/\d{2,}\b", 0.6),
        Rule("slash-code", r"\b[A-Z]{1,6}(?:/[A-Z]{1,6})*/\d{3,6}\b(?![/.-]\d)", 0.55, check=_not_year_tail),
        Rule("letters-digit-groups", r"\b[A-Z]{3,5}[ ]\d{4}[ ]\d{4}\b", 0.55),
        Rule("last-digits", r"(?i:\blast[ \t]+(?:4|four|3|three|5|five|6|six)(?:[ \t]+digits)?\)?[ \t]*[:=#]?[ \t]*)"
                            r"(?P<v>\d{3,6})\b", 0.6),
        Rule("letters-digits", r"\b(?=[A-Z0-9]{6,}\b)[A-Z]{1,5}\d{4,}[A-Z]?\b", 0.6),
        Rule("long-digits", r"(?<![\d.,/:-])\d{7,}(?![\d.,/:-]\d)", 0.5),
        Rule("digit-groups", r"(?<![\d.,/:-])\d{3,5}(?:[ -]\d{1,5}){2,3}(?![\d/:-]|\.\d)", 0.45,
             check=lambda t, s, e: sum(c.isdigit() for c in t[s:e]) >= 8 and not _ISO.match(t[s:e])),
        Rule("vehicle-plate", r"\b(?:[A-Z]{1,3}[ -]?\d{2,4}[ -]?[A-Z0-9]{0,4}|[A-Z]{2}\d{2}\s?[A-Z]{3})\b",
             0.6, check=_vehicle_near),
    )


def create(profile: object = None) -> RecordNumberRecognizer:
    """Factory for the registry."""
    return RecordNumberRecognizer()
