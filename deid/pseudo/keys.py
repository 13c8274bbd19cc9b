"""Keyed identities: HMAC-SHA256 entity keys, canonical forms and key-seeded randomness."""

from __future__ import annotations

import hashlib
import hmac
import random
import re
from functools import lru_cache

from deid.lists import normalise_term
from recognizers.memo import WORD_MEMO_MAX

_NONWORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=WORD_MEMO_MAX)  # pure; phase 1 and 3 ask for the same keys hundreds of times a document
def entity_key(secret: bytes, kind: str, canonical: str) -> str:
    """HMAC-SHA256(secret, kind ‖ canonical) as hex: the entity's identity under this secret."""
    msg = f"{kind}\x1f{canonical}".encode("utf-8")
    return hmac.digest(secret, msg, "sha256").hex()  # one-shot C path, same value as hmac.new


@lru_cache(maxsize=WORD_MEMO_MAX)
def canonical_form(text: str) -> str:
    """Normalise a surface form: lower case, no possessive, punctuation collapsed."""
    return _NONWORD.sub(" ", normalise_term(text)).strip()


def case_tag(secret: bytes, case: str) -> str:
    """A short keyed tag for a case (never the case name itself)."""
    return entity_key(secret, "CASE", case)[:16]


def key_rng(key: str, salt: str = "") -> random.Random:
    """A random generator seeded from a key (deterministic, independent of process or machine)."""
    seed = int.from_bytes(hashlib.sha256(f"{salt}\x1f{key}".encode("utf-8")).digest()[:8], "big")
    return random.Random(seed)


def key_int(key: str, salt: str, modulo: int) -> int:
    """A deterministic integer in [0, modulo) derived from a key."""
    digest = hashlib.sha256(f"{salt}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % max(1, modulo)
