"""Residual re-identification risk of an output document: residual scan + quasi-identifier k estimate.

Modules: residual.py (second detection pass ignoring deid's surrogates), quasi.py (surviving
details), places.py (populations), kestimate.py (k and 1/k), score.py (Risk), surrogates.py (vault).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deid.model import Risk
from deid.risk.score import assess_text

if TYPE_CHECKING:
    from deid.engine import Engine


def assess(text: str, engine: "Engine", known: frozenset[str] = frozenset()) -> Risk:
    """Risk of one output text under the engine's profile; ``known`` = normalised vault surrogates."""
    return assess_text(text, engine.analyzer, engine.pseudo.label, engine.profile.risk, known)


__all__ = ["Risk", "assess"]
