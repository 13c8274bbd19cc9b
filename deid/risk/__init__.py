"""Residual re-identification risk of an output document: residual scan + quasi-identifier k estimate.

Modules: residual.py (identifiers that survived: the run's own near misses, or a second detection
pass for `deid check`), quasi.py (surviving
details), places.py (populations), kestimate.py (k and 1/k), score.py (Risk), surrogates.py (vault).
"""

from __future__ import annotations

import weakref
from itertools import islice
from typing import TYPE_CHECKING, Any

from deid.model import Risk
from deid.risk.residual import normalise_surrogates
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


class _Known:
    """Normalised surrogates of one engine, grown with what was added since the last call."""

    def __init__(self) -> None:
        self.table_n = 0
        self.marks = (0, 0)
        self.values: set[str] = set()
        self.normalised: frozenset[str] = frozenset()

    def update(self, table: dict[Any, Any], vault: Any) -> frozenset[str]:
        new: set[str] = set()
        if len(table) < self.table_n:  # the table was replaced: start again
            self.table_n, self.marks, self.values, self.normalised = 0, (0, 0), set(), frozenset()
        new.update(str(v) for v in islice(table.values(), self.table_n, None) if v)
        self.table_n = len(table)
        if vault is not None and hasattr(vault, "renderings_since"):
            found, self.marks = vault.renderings_since(self.marks)
            new |= found
        elif vault is not None and hasattr(vault, "known_renderings"):
            new |= set(vault.known_renderings())
        new -= self.values
        if new:
            self.values |= new
            self.normalised = self.normalised | normalise_surrogates(new)
        return self.normalised


_KNOWN: "weakref.WeakKeyDictionary[Any, _Known]" = weakref.WeakKeyDictionary()


def run_surrogates(engine: "Engine") -> frozenset[str]:
    """Normalised surrogates the engine's pseudonymizer has written or knows (empty if it keeps none).

    The vault's renderings (file or in-memory vault) plus the in-process key -> surrogate table,
    which is all a parallel worker has (it receives assignments, not a vault). Cached per
    pseudonymizer and grown incrementally, so the cost does not grow with the corpus.
    """
    pseudo = engine.pseudo
    table = getattr(pseudo, "table", None) or {}
    vault = getattr(pseudo, "vault", None)
    try:
        cache = _KNOWN.setdefault(pseudo, _Known())
    except TypeError:  # not weak-referenceable: no cache
        cache = _Known()
    return cache.update(table, vault)


__all__ = ["Risk", "assess", "assess_detected"]
