"""Frozen data types that flow through the pipeline; text fields never appear in reprs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One unit of text to de-identify, with the layout its format needs to write it back."""

    id: str
    case: str
    text: str = field(repr=False)
    layout: Any = field(default=None, repr=False, compare=False)
    path: str | None = None


@dataclass(frozen=True)
class Mention:
    """A detected identifier span in a document's text (end exclusive)."""

    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str
    text: str = field(repr=False, default="")


@dataclass(frozen=True)
class Entity:
    """A real-world thing (person, place, ...) that one or more mentions refer to."""

    kind: str
    canonical: str = field(repr=False)
    key: str
    surfaces: frozenset[str] = field(repr=False, default=frozenset())


@dataclass
class Risk:
    """Residual re-identification risk of one output document."""

    score: float = 0.0
    level: str = "unknown"
    reasons: list[dict[str, Any]] = field(default_factory=list)
    k_estimate: float | None = None
    shareable: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the report form."""
        d: dict[str, Any] = {"score": self.score, "level": self.level, "reasons": self.reasons}
        if self.k_estimate is not None:
            d["k_estimate"] = self.k_estimate
        if self.shareable is not None:
            d["shareable"] = self.shareable
        return d


@dataclass
class DocResult:
    """Outcome for one document: status, counts by entity type and risk; never text."""

    path: str
    status: str  # "ok" | "failed" | "skipped"
    entities: dict[str, int] = field(default_factory=dict)
    risk: Risk = field(default_factory=Risk)
    error: str | None = None
    output: str | None = None
    seconds: float = 0.0
    sha256: str | None = None
    notes: dict[str, Any] = field(default_factory=dict)
    written: list[tuple[str, int]] = field(default_factory=list, repr=False)  # keyed hashes for the vault; not reported

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON report form (DESIGN.md: path, status, entities, risk)."""
        d: dict[str, Any] = {
            "path": self.path,
            "status": self.status,
            "entities": dict(sorted(self.entities.items())),
            "risk": self.risk.to_dict(),
        }
        if self.error:
            d["error"] = self.error
        if self.output:
            d["output"] = self.output
        if self.sha256:
            d["sha256"] = self.sha256
        if self.notes:
            d["notes"] = self.notes
        d["seconds"] = round(self.seconds, 3)
        return d
