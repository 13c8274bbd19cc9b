"""Residual re-identification risk of an output document: residual scan + quasi-identifier k estimate.

Modules: residual.py (second detection pass ignoring deid's surrogates), quasi.py (surviving
details), places.py (populations), kestimate.py (k and 1/k), score.py (Risk), surrogates.py (vault).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deid.model import Risk
from deid.risk.residual import normalise_surrogates
from deid.risk.score import assess_text

if TYPE_CHECKING:
    from deid.engine import Engine


def assess(text: str, engine: "Engine", known: frozenset[str] | None = None) -> Risk:
    """Risk of one output text under the engine's profile.

    ``known``: normalised surrogates to ignore; by default every surrogate the engine's vault holds
    (including those assigned in this run), so realistic pseudonyms are not counted as leftovers.
    """
    if known is None:
        known = run_surrogates(engine)
    return assess_text(text, engine.analyzer, engine.pseudo.label, engine.profile.risk, known)


def run_surrogates(engine: "Engine") -> frozenset[str]:
    """Normalised surrogates the engine's pseudonymizer has written or knows (empty if it keeps none).

    The vault's renderings (file or in-memory vault) plus the in-process key -> surrogate table,
    which is all a parallel worker has (it receives assignments, not a vault).
    """
    pseudo = engine.pseudo
    values: set[str] = {str(v) for v in (getattr(pseudo, "table", None) or {}).values() if v}
    vault = getattr(pseudo, "vault", None)
    renderings = getattr(vault, "known_renderings", None)
    if renderings is not None:
        values |= set(renderings())
    return normalise_surrogates(values)


__all__ = ["Risk", "assess"]
