"""presidio_extra: Presidio's country recognizers for our regions are switched on and mapped to labels."""

import pytest

from deid.config import load_profile
from recognizers.presidio_extra import create


@pytest.fixture(scope="module")
def recs():
    return create(load_profile("default"))


def test_presidio_extra_every_entity_has_a_report_label(recs):
    labels = load_profile("default").detection.labels
    for rec in recs:
        for ent in rec.supported_entities:
            assert labels.get(ent) in {"ID", "LOCATION", "CONTACT"}, ent


@pytest.mark.parametrize("text,entity", [
    ("NPI 1234567893", "US_NPI"),
    ("ID number: 8001015009087", "ZA_ID_NUMBER"),
])
def test_presidio_extra_when_checksum_valid_then_found(recs, text, entity):
    hits = [r for rec in recs for r in rec.analyze(text, rec.supported_entities, None)
            if r.entity_type == entity and r.score >= 0.35]
    assert hits
