"""presidio-research synthetic PII sentences, synth_dataset_v2.json (../shared/data/presidio_synth).

A JSON array of ``{"full_text", "masked", "spans": [{"entity_type", "entity_value",
"start_position", "end_position"}], ...}`` (Python str offsets, end exclusive). Mapping (README
there): PERSON; STREET_ADDRESS/GPE/ZIP_CODE -> LOCATION (country names unscored, as for TAB);
ORGANIZATION; DATE_TIME -> DATE when more specific than a year; AGE; TITLE -> PROFESSION when a
job (honorifics unscored); PHONE_NUMBER/EMAIL_ADDRESS/DOMAIN_NAME -> CONTACT; CREDIT_CARD/IBAN_CODE/
US_SSN/US_DRIVER_LICENSE/IP_ADDRESS -> ID; NRP unscored.
"""

from __future__ import annotations

from pathlib import Path

from deid.evalsets import labels
from deid.evalsets.common import add_phi, check_span, finish_quasi, read_json
from deid.evaluation import GoldDoc
from deid.errors import InputError

FILE = "synth_dataset_v2.json"
MARKER = FILE
_MAP = {"PERSON": "PERSON", "STREET_ADDRESS": "LOCATION", "GPE": "LOCATION", "ZIP_CODE": "LOCATION",
        "ORGANIZATION": "ORGANIZATION", "AGE": "AGE", "PHONE_NUMBER": "CONTACT", "EMAIL_ADDRESS": "CONTACT",
        "DOMAIN_NAME": "CONTACT", "CREDIT_CARD": "ID", "IBAN_CODE": "ID", "US_SSN": "ID",
        "US_DRIVER_LICENSE": "ID", "IP_ADDRESS": "ID"}


def project_label(entity_type: str, value: str) -> str | None:
    """The project label for one presidio-research span, or None when it is not scored."""
    if entity_type == "GPE" and labels.is_country(value):
        return None
    if entity_type == "DATE_TIME":
        return "DATE" if labels.is_specific_date(value) else None
    if entity_type == "TITLE":
        return None if labels.is_honorific(value) else "PROFESSION"
    return _MAP.get(entity_type)


def load(folder: Path) -> list[GoldDoc]:
    """One GoldDoc per record, in file order."""
    records = read_json(folder / FILE)
    if not isinstance(records, list):
        raise InputError(f"{FILE}: expected a JSON array of records")
    docs = []
    for n, rec in enumerate(records):
        try:
            text = rec["full_text"]
            spans = sorted(rec["spans"], key=lambda s: (s["start_position"], -s["end_position"]))
        except (KeyError, TypeError):
            raise InputError(f"{FILE} record {n}: not a presidio-research record") from None
        phi: list[dict] = []
        quasi: list[tuple[int, int, str]] = []
        for sp in spans:
            start, end = check_span(text, sp.get("start_position"), sp.get("end_position"), f"{FILE} record {n}")
            etype = str(sp.get("entity_type"))
            label = project_label(etype, text[start:end])
            if label is None:
                quasi.append((start, end, f"presidio {etype}"))
            else:
                add_phi(phi, start, end, label)
        docs.append(GoldDoc(id=f"presidio_synth:{n:04d}", case=f"presidio_synth:{n:04d}", text=text, phi=phi,
                            quasi=finish_quasi(phi, quasi), kind="synthetic", source="presidio_synth"))
    return docs
