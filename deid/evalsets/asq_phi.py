"""ASQ-PHI synthetic clinical queries, synthetic_clinical_queries.txt (../shared/data/asq_phi).

Blocks of ``===QUERY===`` / one query line / ``===PHI_TAGS===`` / JSON lines ``{"identifier_type",
"value"}``. Tags carry no offsets: each value is located by string search, successive occurrences
for repeated values; a value not found is counted and skipped (reported by count only). Mapping
(README there): NAME -> PERSON; DATE; GEOGRAPHIC_LOCATION -> ORGANIZATION when it names a hospital
or clinic, else LOCATION; PHONE/FAX/EMAIL -> CONTACT; the number types -> ID. ASQ-PHI follows HIPAA
Safe Harbor and leaves ages and professions untagged on purpose, so predicted AGE and PROFESSION
spans are not scored on this set (``IGNORE_LABELS``).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from deid.evalsets.common import add_phi
from deid.evaluation import GoldDoc
from deid.errors import InputError

log = logging.getLogger(__name__)
FILE = "synthetic_clinical_queries.txt"
MARKER = FILE
IGNORE_LABELS = frozenset({"AGE", "PROFESSION"})
_MAP = {"NAME": "PERSON", "DATE": "DATE", "PHONE_NUMBER": "CONTACT", "FAX_NUMBER": "CONTACT",
        "EMAIL_ADDRESS": "CONTACT", "MEDICAL_RECORD_NUMBER": "ID", "HEALTH_PLAN_BENEFICIARY_NUMBER": "ID",
        "SOCIAL_SECURITY_NUMBER": "ID", "ACCOUNT_NUMBER": "ID", "CERTIFICATE_LICENSE_NUMBER": "ID",
        "UNIQUE_IDENTIFIER": "ID", "IP_ADDRESS": "ID"}
_FACILITY = re.compile(r"\b(?:hospital|clinic|medical|med ctr|health|healthcare|cent(?:er|re)|infirmary|"
                       r"institute|memorial|presbyterian|sinai|langone|hopkins|kettering|mass general|"
                       r"ucsf|ucla)\b|^(?:st|mt)\.\s", re.IGNORECASE)


def project_label(identifier_type: str, value: str) -> str | None:
    """The project label for one ASQ-PHI tag, or None for an unknown type."""
    if identifier_type == "GEOGRAPHIC_LOCATION":
        return "ORGANIZATION" if _FACILITY.search(value) else "LOCATION"
    return _MAP.get(identifier_type)


def parse(raw: str) -> list[tuple[str, list[dict]]]:
    """Split the file into (query, tags) pairs."""
    out = []
    for n, block in enumerate(raw.split("===QUERY===")[1:], 1):
        if "===PHI_TAGS===" not in block:
            raise InputError(f"{FILE} query {n}: no ===PHI_TAGS=== section")
        query, tags_raw = block.split("===PHI_TAGS===", 1)
        try:
            tags = [json.loads(line) for line in tags_raw.splitlines() if line.strip()]
        except json.JSONDecodeError:
            raise InputError(f"{FILE} query {n}: a tag line is not JSON") from None
        out.append((query.strip("\r\n"), tags))
    return out


def locate(text: str, value: str, after: int) -> int:
    """Offset of value in text at or after `after`, else anywhere, else case-insensitively; -1 if absent."""
    for pos in (text.find(value, after), text.find(value), text.casefold().find(value.casefold())):
        if pos >= 0 and value:
            return pos
    return -1


def load(folder: Path) -> list[GoldDoc]:
    """One GoldDoc per query (hard negatives included, with no phi)."""
    path = folder / FILE
    if not path.is_file():
        raise InputError(f"evaluation set file not found: {path}")
    docs, missing, unknown = [], 0, 0
    for n, (text, tags) in enumerate(parse(path.read_text(encoding="utf-8"))):
        phi: list[dict] = []
        next_from: dict[str, int] = {}
        for tag in tags:
            value = str(tag.get("value", ""))
            label = project_label(str(tag.get("identifier_type")), value)
            if label is None:
                unknown += 1
                continue
            pos = locate(text, value, next_from.get(value, 0))
            if pos < 0:
                missing += 1
                continue
            next_from[value] = pos + len(value)
            add_phi(phi, pos, pos + len(value), label)
        docs.append(GoldDoc(id=f"asq_phi:{n:04d}", case=f"asq_phi:{n:04d}", text=text, phi=phi,
                            kind="query", source="asq_phi"))
    if missing or unknown:
        log.warning("asq_phi: %d tag values not found in their query, %d of unknown type", missing, unknown)
    return docs
