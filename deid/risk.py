"""Residual re-identification risk of an output document (placeholder until the risk model lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deid.model import Risk

if TYPE_CHECKING:
    from deid.engine import Engine


def assess(text: str, engine: "Engine") -> Risk:
    """Not yet scored: the risk model is issue 5. Level 'unknown' never claims safety."""
    return Risk(score=0.0, level="unknown", reasons=[{"rule": "not_scored", "detail": "risk model not enabled"}])
