"""Residual re-identification risk of an output document: residual scan + quasi-identifier k estimate.

Modules: residual.py (identifiers that survived: the run's own near misses, or a second detection
pass for `deid check`), quasi.py (surviving
details), places.py (populations), kestimate.py (k and 1/k), score.py (Risk), surrogates.py (vault).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deid.model import Risk
from deid.risk.score import assess_near, assess_text

if TYPE_CHECKING:
    from deid.engine import Engine
    from deid.model import Mention


def assess(text: str, engine: "Engine", known: frozenset[str] | None = None) -> Risk:
    """Risk of one output text under the engine's profile.

    ``known``: normalised surrogates to ignore; by default every surrogate the engine's vault holds
    (including those assigned in this run), so realistic pseudonyms are not counted as leftovers.
    """
    if known is None:
        known = run_surrogates(engine)
    return assess_text(text, engine.analyzer, engine.pseudo.label, engine.profile.risk, known)


def assess_detected(outputs: list[str], near: "list[list[Mention]]", engine: "Engine") -> Risk:
    """Risk of outputs joined by newlines, from the run's own near misses (no second analyzer pass)."""
    known = run_surrogates(engine) if any(near) else frozenset()  # only near misses are checked against it
    return assess_near(outputs, near, engine.pseudo.label, engine.profile.risk, known)


def run_surrogates(engine: "Engine") -> frozenset[str]:
    """Normalised surrogates the engine's pseudonymizer has written or knows (empty if it keeps none).

    The pseudonymizer answers (``surrogate_words``: its vault's renderings plus the key -> surrogate
    table, which is all a parallel worker has); risk code never reads the table or the vault.
    """
    words = getattr(engine.pseudo, "surrogate_words", None)
    return words() if words is not None else frozenset()


__all__ = ["Risk", "assess", "assess_detected"]
