"""Shared pieces of the context-based PERSON recognizers: cue lists (YAML) and a regex base class."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import yaml
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from recognizers.regex_trie import trie_alternation

if TYPE_CHECKING:
    from deid.config import Profile

DEFAULT_CONTEXT_FILE = "names/context.yaml"

# One name word: starts with a letter, may hold apostrophes and hyphens ("O'Neill", "Jean-Luc").
WORD = r"[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*"
# Particles that sit inside surnames ("Van der Berg", "de la Cruz", "bin Laden").
PARTICLES = frozenset("van von der den de del della di da dos das du la le al el bin ibn ben bat ter ten".split())
_APOS_S = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class NameCues:
    """Context word lists for the name recognizers, loaded from a YAML file."""

    roles: frozenset[str]
    role_pattern: re.Pattern[str]
    field_labels: frozenset[str]
    stage_directions: frozenset[str]
    honorifics: frozenset[str]
    strong_honorifics: frozenset[str]
    relations: frozenset[str]
    relation_openers: frozenset[str]
    speech_verbs: frozenset[str]
    eponym_nouns: frozenset[str]
    person_verbs: frozenset[str] = frozenset()
    person_plans: frozenset[str] = frozenset()
    particles: frozenset[str] = PARTICLES
    signoff_closers: frozenset[str] = frozenset()
    name_fields: frozenset[str] = frozenset()
    lookalike_not_before: frozenset[str] = frozenset()
    address_terms: frozenset[str] = frozenset()

    def is_role(self, label: str) -> bool:
        """True when a speaker label is a role (THERAPIST, T, P1, Speaker 2), not a name."""
        norm = " ".join(label.replace(".", " ").split()).lower()
        return norm in self.roles or bool(self.role_pattern.match(norm))


def person_result(rec: EntityRecognizer, start: int, end: int, score: float,
                  explanation: AnalysisExplanation | None = None) -> RecognizerResult:
    """A PERSON RecognizerResult carrying the recognizer's name and id (for the allow-list and context)."""
    return RecognizerResult("PERSON", start, end, score, analysis_explanation=explanation,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: rec.name,
                                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: rec.id})


def _words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(str(v).split()).lower() for v in values)


@lru_cache(maxsize=8)
def load_cues(path: str = DEFAULT_CONTEXT_FILE) -> NameCues:
    """Read the cue lists (a path, or a path relative to configs/)."""
    from deid.config import CONFIG_DIR
    from deid.errors import ConfigError

    p = Path(path)
    if not p.exists():
        p = CONFIG_DIR / path
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read name context file {p.name}: {type(exc).__name__}") from None
    return NameCues(
        roles=_words(data.get("roles", [])),
        role_pattern=re.compile(data.get("role_pattern", r"(?!)")),
        field_labels=_words(data.get("field_labels", [])),
        stage_directions=_words(data.get("stage_directions", [])),
        honorifics=_words(data.get("honorifics", [])),
        strong_honorifics=_words(data.get("strong_honorifics", [])),
        relations=_words(data.get("relations", [])),
        relation_openers=_words(data.get("relation_openers", [])),
        speech_verbs=_words(data.get("speech_verbs", [])),
        eponym_nouns=_words(data.get("eponym_nouns", [])),
        person_verbs=_words(data.get("person_verbs", [])),
        person_plans=_words(data.get("person_plans", [])),
        particles=_words(data.get("particles", [])) or PARTICLES,
        signoff_closers=_words(data.get("signoff_closers", [])),
        name_fields=_words(data.get("name_fields", [])),
        lookalike_not_before=_words(data.get("lookalike_not_before", [])),
        address_terms=_words(data.get("address_terms", [])),
    )


def cues_for(profile: "Profile | None") -> NameCues:
    """The cue lists a profile names (detection.name_context), or the shipped defaults."""
    path = getattr(getattr(profile, "detection", None), "name_context", None) or DEFAULT_CONTEXT_FILE
    return load_cues(path)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace.

    Lower-case word lists (all the cue lists) become a prefix trie, which matches the same with or
    without IGNORECASE (recognizers/regex_trie.py); a list with capitals stays a flat alternation.
    """
    words = set(words)
    if words and all(w == w.lower() for w in words):
        return "(?:" + trie_alternation(sorted(words), space=r"\s+") + ")"
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


def is_cap(word: str) -> bool:
    """True for a capitalised word ("Dana", "DANA", "O'Neill")."""
    return bool(word) and word[0].isupper()


def strip_possessive(word: str) -> str:
    """'Dana's' -> 'Dana'."""
    return _APOS_S.sub("", word)


class ContextNameRecognizer(EntityRecognizer):
    """Base: a PERSON recognizer whose subclasses yield (start, end, score) spans from text."""

    ENTITY = "PERSON"

    def __init__(self, cues: NameCues, name: str, language: str = "en") -> None:
        self.cues = cues
        super().__init__(supported_entities=[self.ENTITY], name=name, supported_language=language)

    def load(self) -> None:
        """Nothing to load: cue lists come in through __init__."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        """Yield (start, end, score) name spans; subclasses implement this."""
        raise NotImplementedError

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Presidio entry point: one RecognizerResult per span found."""
        if entities and self.ENTITY not in entities:
            return []
        seen: set[tuple[int, int]] = set()
        out = []
        for start, end, score in self.find(text, nlp_artifacts):
            if end <= start or (start, end) in seen:
                continue
            seen.add((start, end))
            expl = AnalysisExplanation(recognizer=self.name, original_score=score,
                                       textual_explanation=f"{self.name} context")
            out.append(person_result(self, start, end, score, expl))
        return out


@lru_cache(maxsize=None)
def census_names(first_only: bool = False) -> frozenset[str]:
    """Lower-case first names (and surnames) from the pinned `names` package (US census lists)."""
    import names as names_pkg

    base = Path(names_pkg.__file__).parent
    out: set[str] = set()
    files = ("dist.male.first", "dist.female.first") + (() if first_only else ("dist.all.last",))
    for fname in files:
        p = base / fname
        if p.exists():
            out.update(line.split(" ", 1)[0].lower() for line in p.read_text().splitlines() if line)
    return frozenset(out)


def lower_name_ok(nlp_artifacts: NlpArtifacts | None, start: int, end: int,
                  first_names_only: bool = False) -> bool:
    """Whether a lower-case word at [start, end) can be a name (speech-to-text text).

    Accepted when spaCy tags it a proper noun, or a noun that the census name lists know.
    """
    doc = getattr(nlp_artifacts, "tokens", None)
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.is_stop or not tok.is_alpha or len(tok.text) < 2:
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ in ("NOUN", "X") and tok.text.lower() in census_names(first_names_only)
