"""TAB (Text Anonymization Benchmark) ECHR test split, as redistributed by TAE (../shared/data/tab_echr_test).

Texts: ``TAB_test_BK=Original.json`` ``{doc_id: text}``; gold: ``TAB_test_Manual_Entity.json``
``{doc_id: [[start, end, type], ...]}`` (Python str offsets, end exclusive, unsorted, some nested).
Mapping (README there): PERSON -> PERSON without leading titles; CODE -> ID; LOC -> LOCATION except
country names; ORG -> ORGANIZATION; DATETIME -> DATE only when more specific than a year; DEM ->
AGE (its number only, as the project's gold marks ages) or PROFESSION when it is one. Everything else (countries, bare years, durations, nationalities,
QUANTITY, MISC, titles) becomes an unscored ``quasi`` region. The TAE copy has no coreference ids, so
an entity is approximated as one surface form within one judgment.
"""

from __future__ import annotations

import re
from pathlib import Path

from deid.evalsets import labels
from deid.evalsets.common import add_phi, check_span, finish_quasi, read_json
from deid.evaluation import GoldDoc
from deid.errors import InputError

TEXTS = "TAB_test_BK=Original.json"
GOLD = "TAB_test_Manual_Entity.json"
MARKER = GOLD
_DIRECT = {"PERSON": "PERSON", "CODE": "ID", "LOC": "LOCATION", "ORG": "ORGANIZATION"}


def project_label(tab_type: str, span_text: str) -> str | None:
    """The project label for one TAB mention, or None when it is not a project identifier."""
    if tab_type == "LOC" and labels.is_country(span_text):
        return None
    if tab_type in _DIRECT:
        return _DIRECT[tab_type]
    if tab_type == "DATETIME":
        return "DATE" if labels.is_specific_date(span_text) else None
    if tab_type == "DEM":
        if labels.is_age(span_text):
            return "AGE"
        return "PROFESSION" if labels.is_profession(span_text) else None
    return None


def _entity(doc_id: str, label: str, surface: str) -> str:
    return f"tab:{doc_id}:{label}:{' '.join(surface.casefold().split())}"


def load(folder: Path) -> list[GoldDoc]:
    """One GoldDoc per judgment, sorted by document id."""
    texts = read_json(folder / TEXTS)
    gold = read_json(folder / GOLD)
    if not isinstance(texts, dict) or not isinstance(gold, dict):
        raise InputError(f"{folder.name}: TAB files must be JSON objects keyed by document id")
    docs = []
    for doc_id in sorted(texts):
        text = texts[doc_id]
        phi: list[dict] = []
        quasi: list[tuple[int, int, str]] = []
        for item in sorted(gold.get(doc_id, []), key=lambda x: (x[0], -x[1])):
            if not (isinstance(item, list) and len(item) == 3):
                raise InputError(f"{GOLD} {doc_id}: not a [start, end, type] span")
            start, end = check_span(text, item[0], item[1], f"{GOLD} {doc_id}")
            tab_type = str(item[2])
            label = project_label(tab_type, text[start:end])
            if label is None:
                quasi.append((start, end, f"TAB {tab_type}"))
                continue
            if label == "PERSON":
                cut = labels.title_prefix_length(text[start:end])
                if cut:
                    quasi.append((start, start + cut, "TAB PERSON title"))
                    start += cut
            if label == "AGE":
                core = labels.age_number_span(text[start:end])
                if core:  # "65 years of age": the number is scored, the rest is unscored context
                    quasi.extend(piece for piece in ((start, start + core[0], "TAB AGE context"),
                                                     (start + core[1], end, "TAB AGE context"))
                                 if piece[1] > piece[0])
                    start, end = start + core[0], start + core[1]
            if re.search(r"\w", text[start:end]):
                add_phi(phi, start, end, label, _entity(doc_id, label, text[start:end]))
        docs.append(GoldDoc(id=f"tab_echr_test:{doc_id}", case=f"tab:{doc_id}", text=text, phi=phi,
                            quasi=finish_quasi(phi, quasi), kind="case_study", source="tab_echr_test"))
    return docs
