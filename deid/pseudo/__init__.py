"""Consistent pseudonyms: entity resolution, keyed surrogates, date shifting and the vault."""

from deid.pseudo.keys import canonical_form, entity_key
from deid.pseudo.operator import DeidSurrogate
from deid.pseudo.pseudonymizer import Pseudonymizer

__all__ = ["DeidSurrogate", "Pseudonymizer", "canonical_form", "entity_key"]
