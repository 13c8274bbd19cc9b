"""deid: de-identify psychotherapy material before it is shared."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

logging.getLogger("deid").addHandler(logging.NullHandler())

__all__ = ["Pipeline"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from deid.api import Pipeline


def __getattr__(name: str) -> Any:
    """Import the heavy API lazily so ``import deid`` has no side effects."""
    if name == "Pipeline":
        from deid.api import Pipeline

        return Pipeline
    raise AttributeError(name)
