"""Which words are deid's own surrogates, for the residual risk (deid/risk/): the pseudonymizer
answers from its key -> surrogate table and its vault, so risk code never reads either.

In the parent the table is a dict (or, in worker runs, the state store's overlay); in a worker it
is a ``StateView`` of the state store, which knows the values this batch looked up. What was
added since the last question is read incrementally, so the cost does not grow with the corpus.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from deid.risk.residual import normalise_surrogates


class KnownSurrogates:
    """Normalised surrogates of one pseudonymizer, grown with what was added since the last call."""

    def __init__(self) -> None:
        """Start empty."""
        self.table_n = 0
        self.marks = (0, 0)
        self.values: set[str] = set()
        self.normalised: frozenset[str] = frozenset()

    def update(self, table: Any, vault: Any) -> frozenset[str]:
        """Add the table's values after the last count and the vault's renderings since the last marks."""
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
