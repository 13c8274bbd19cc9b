"""Compatibility seam: the pseudonym engine lives in deid.pseudo (see its package docstring)."""

from deid.pseudo import DeidSurrogate, Pseudonymizer, canonical_form, entity_key

__all__ = ["DeidSurrogate", "Pseudonymizer", "canonical_form", "entity_key"]
