"""Where the run's secret comes from: a key file, DEID_SECRET, or a random one with a warning."""

from __future__ import annotations

import logging

import pytest

from deid.errors import ConfigError
from deid.secrets import load_secret


def test_secret_file_wins_over_the_environment(tmp_path, monkeypatch):
    key = tmp_path / "key"
    key.write_bytes(b"file-secret-0123456789\n")
    monkeypatch.setenv("DEID_SECRET", "env-secret-0123456789")
    assert load_secret(key) == (b"file-secret-0123456789", True)


def test_secret_from_environment_is_persistent(monkeypatch):
    monkeypatch.setenv("DEID_SECRET", "env-secret-0123456789")
    assert load_secret(None) == (b"env-secret-0123456789", True)


def test_without_secret_a_random_one_is_used_with_a_warning(monkeypatch, caplog):
    monkeypatch.delenv("DEID_SECRET", raising=False)
    with caplog.at_level(logging.WARNING, logger="deid.secrets"):
        one, persistent = load_secret(None)
        two, _ = load_secret(None)
    assert not persistent and len(one) == 32 and one != two
    assert "will not match later runs" in caplog.text


@pytest.mark.parametrize("source", ["file", "env"])
def test_short_secret_is_refused_without_echoing_it(tmp_path, monkeypatch, source):
    monkeypatch.setenv("DEID_SECRET", "tooshort-Dana")
    key = None
    if source == "file":
        key = tmp_path / "key"
        key.write_bytes(b"tooshort-Dana")
    with pytest.raises(ConfigError) as err:
        load_secret(key)
    assert "Dana" not in str(err.value)


def test_unreadable_secret_file_is_a_config_error_without_its_path(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_secret(tmp_path / "Dana-Whitfield.key")
    assert "Dana" not in str(err.value)
