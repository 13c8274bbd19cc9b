"""Shared fixtures: one engine per test session (the spaCy model loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev.jsonl"
TEST_SECRET = b"test-secret-not-for-production-0001"


@pytest.fixture(scope="session")
def profile():
    """The default profile."""
    from deid.config import load_profile

    return load_profile("default")


@pytest.fixture(scope="session")
def engine(profile):
    """A built Engine for the default profile (loads the model once per session)."""
    from deid.engine import Engine

    return Engine.build(profile, TEST_SECRET)


@pytest.fixture(scope="session")
def analyzer(engine):
    """The default profile's Analyzer."""
    return engine.analyzer


@pytest.fixture(scope="session")
def dev_corpus():
    """Gold dev documents; skips when ../shared is absent."""
    if not DEV_CORPUS.exists():
        pytest.skip("../shared/corpus/dev.jsonl not available")
    from deid.evaluation import load_gold

    return load_gold(DEV_CORPUS)
