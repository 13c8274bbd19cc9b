"""Fixtures for pseudonym tests."""

from __future__ import annotations

import pytest

from pseudo_helpers import SECRET


@pytest.fixture
def make_pseudo():
    """Factory: a Pseudonymizer for the default profile with some pseudonym overrides."""
    from deid.config import load_profile
    from deid.pseudo import Pseudonymizer

    made = []

    def make(secret: bytes = SECRET, vault=None, reversible=False, reveal_key=None, **pseudonyms):
        p = Pseudonymizer.from_profile(load_profile("default", pseudonyms=pseudonyms), secret,
                                       vault=vault, reversible=reversible, reveal_key=reveal_key)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()
