"""The Presidio operator that asks deid's pseudonymizer for each span's replacement."""

from __future__ import annotations

from typing import Any, Callable

from presidio_anonymizer.operators import Operator, OperatorType


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
