"""Keyed replacements: entity key -> surrogate, and the Presidio operator that applies them."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from presidio_anonymizer.operators import Operator, OperatorType

from deid.config import Profile
from deid.lists import normalise_term
from deid.model import Document, Mention

_NONWORD = re.compile(r"[^\w]+")


def entity_key(secret: bytes, kind: str, canonical: str) -> str:
    """HMAC-SHA256(secret, kind ‖ canonical) as hex: the entity's identity under this secret."""
    msg = f"{kind}\x1f{canonical}".encode("utf-8")
    return hmac.new(secret, msg, hashlib.sha256).hexdigest()


def canonical_form(text: str) -> str:
    """Normalise a surface form: lower case, no possessive, punctuation collapsed."""
    return _NONWORD.sub(" ", normalise_term(text)).strip()


@dataclass
class Pseudonymizer:
    """Maps mentions to replacements for one run (the seam the pseudonym engine fills)."""

    profile: Profile
    secret: bytes
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_profile(cls, profile: Profile, secret: bytes, **_: Any) -> "Pseudonymizer":
        """Build for a profile and secret."""
        return cls(profile=profile, secret=secret, labels=dict(profile.detection.labels))

    def label(self, entity_type: str) -> str:
        """Report label for a Presidio entity type."""
        return self.labels.get(entity_type, entity_type)

    def collect(self, doc: Document, mentions: list[Mention]) -> list[str]:
        """Phase 1: the entity key of every mention (pure; safe in parallel workers)."""
        return [entity_key(self.secret, self.label(m.entity_type), canonical_form(m.text)) for m in mentions]

    def assign(self, keys: list[str]) -> None:
        """Phase 2: give new keys their surrogates (serial step; no-op for tag style)."""

    def surrogate(self, doc: Document, entity_type: str, text: str) -> str:
        """Phase 3: the replacement for one span of a document."""
        label = self.label(entity_type)
        if self.profile.pseudonyms.style == "redact":
            return "[REDACTED]"
        key = entity_key(self.secret, label, canonical_form(text))
        return f"[{label}_{key[:6]}]"

    def close(self) -> None:
        """Release resources (vault connections)."""


class DeidSurrogate(Operator):
    """Presidio operator that asks deid's pseudonymizer for each span's replacement."""

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        """Return the surrogate for one detected span."""
        assert params is not None
        resolve: Callable[[str, str], str] = params["resolve"]
        return resolve(params["entity_type"], text)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        """Require a resolve callable and the entity type."""
        if not params or not callable(params.get("resolve")) or "entity_type" not in params:
            raise ValueError("deid_surrogate needs 'resolve' and 'entity_type'")

    def operator_name(self) -> str:
        """Name used in OperatorConfig."""
        return "deid_surrogate"

    def operator_type(self) -> OperatorType:
        """An anonymizing operator."""
        return OperatorType.Anonymize
