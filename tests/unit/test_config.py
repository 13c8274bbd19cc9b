"""Profiles load strictly and merge with extends."""

import pytest

from deid.config import list_profiles, load_profile
from deid.errors import ConfigError


def test_config_default_profile_keeps_org_entities():
    prof = load_profile("default")
    assert "ORG" in prof.nlp.model_to_presidio_entity_mapping
    assert "ORGANIZATION" not in prof.nlp.labels_to_ignore


def test_config_unknown_profile_is_error_naming_known():
    with pytest.raises(ConfigError, match="unknown profile"):
        load_profile("no-such-profile")


def test_config_unknown_key_is_error(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("extends: default\ndetection:\n  scor_threshold: 0.2\n")
    with pytest.raises(ConfigError, match="detection.scor_threshold"):
        load_profile(str(p))


def test_config_extends_merges_nested_keys(tmp_path):
    p = tmp_path / "child.yaml"
    p.write_text("extends: default\ndetection:\n  score_threshold: 0.2\n")
    prof = load_profile(str(p))
    assert prof.detection.score_threshold == 0.2
    assert prof.detection.labels["PERSON"] == "PERSON"  # inherited


def test_config_shipped_profiles_all_validate():
    for name in list_profiles():
        assert load_profile(name).name == name
