"""deid's own Presidio recognizers, registered in one place: ``REGISTRY`` below.

Each entry maps a name (used in a profile's ``detection.recognizers``) to ``module:factory``.
A factory is a callable ``(profile) -> EntityRecognizer | list[EntityRecognizer]``; a
recognizer class whose ``__init__`` takes no required arguments may be named directly.
Modules are imported lazily so ``import recognizers`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from presidio_analyzer import EntityRecognizer

if TYPE_CHECKING:
    from deid.config import Profile

REGISTRY: dict[str, str] = {
    # name: "module:callable"
    "yaml_patterns": "recognizers.yaml_patterns:create",
    "speaker_labels": "recognizers.speaker_recognizer:create",
    "honorific_names": "recognizers.honorific_recognizer:create",
    "relation_names": "recognizers.relation_recognizer:create",
    "name_cues": "recognizers.name_cue_recognizer:create",
    "lookalike_names": "recognizers.lookalike_recognizer:create",
    "signoffs": "recognizers.signoff_recognizer:create",
    "spacy_ner": "recognizers.ner_recognizer:create",
    "ages": "recognizers.age_recognizer:create",
    "dates": "recognizers.date_recognizer:create",
    "foreign_dates": "recognizers.foreign_date_recognizer:create",
    "phones": "recognizers.phone_recognizer:create",
    "contacts": "recognizers.contact_recognizer:create",
    "ids": "recognizers.id_recognizer:create",
    "presidio_extra": "recognizers.presidio_extra:create",
    "name_lexicon": "recognizers.name_lexicon:create",
    "oov_names": "recognizers.oov_name_recognizer:create",
    "roster": "recognizers.roster:create",
    "addresses": "recognizers.address_recognizer:create",
    "places": "recognizers.gazetteer_recognizer:create",
    "organizations": "recognizers.org_recognizer:create",
    "professions": "recognizers.profession_recognizer:create",
}


def build_recognizers(names: list[str], profile: "Profile") -> list[EntityRecognizer]:
    """Instantiate the named recognizers for a profile; unknown names are config errors."""
    from deid.errors import ConfigError

    out: list[EntityRecognizer] = []
    for name in names:
        if name not in REGISTRY:
            raise ConfigError(f"unknown recognizer '{name}' (known: {', '.join(sorted(REGISTRY))})")
        module_name, attr = REGISTRY[name].split(":")
        factory: Any = getattr(importlib.import_module(module_name), attr)
        made = _call(factory, profile)
        out.extend(made if isinstance(made, list) else [made])
    return out


def _call(factory: Any, profile: "Profile") -> Any:
    if isinstance(factory, type):
        try:
            return factory(profile=profile)
        except TypeError:
            return factory()
    return factory(profile)
