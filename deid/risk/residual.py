"""Second-pass scan of an output: direct identifiers that survived, ignoring deid's own surrogates."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from deid.config import RiskConfig
from deid.risk.places import is_region, place_population
from deid.risk.quasi import PLACEHOLDER, Attribute

if TYPE_CHECKING:
    from deid.analyze import Analyzer

_WORD = re.compile(r"\w+", re.UNICODE)
# Titles and speaker roles left next to a placeholder ("DR. [PERSON_ab12cd]") identify no one.
_TITLES = frozenset("dr doctor mr mrs ms miss mx prof professor sir madam dame rev pastor father speaker "
                    "client therapist counsellor counselor interpreter patient nurse".split())


@dataclass(frozen=True)
class Residual:
    """A surviving identifier in the output: label, offsets, detector confidence; never its text."""

    type: str
    start: int
    end: int
    score: float
    recognizer: str
    blocking: bool


def normalise_surrogates(surrogates: set[str] | frozenset[str]) -> frozenset[str]:
    """Lower-cased surrogates plus their words, for matching mentions against what deid wrote."""
    out: set[str] = set()
    for s in surrogates:
        low = s.strip().lower()
        if low:
            out.add(low)
            out.update(_WORD.findall(low))
    return frozenset(out)


def high_recall(analyzer: "Analyzer", cfg: RiskConfig) -> "Analyzer":
    """The same engine with the residual (lower) score threshold: nothing is reloaded."""
    prof = analyzer.profile.with_overrides(detection={"score_threshold": cfg.residual_score_threshold})
    return dataclasses.replace(analyzer, profile=prof)


def _is_surrogate(text: str, known: frozenset[str]) -> bool:
    if not known:
        return False
    low = text.strip().lower()
    words = _WORD.findall(low)
    return low in known or (bool(words) and all(w in known for w in words))


def scan(text: str, analyzer: "Analyzer", label: Callable[[str], str], cfg: RiskConfig,
         known: frozenset[str] = frozenset()) -> tuple[list[Residual], list[Attribute]]:
    """Residual identifiers in ``text``, and the quasi details some of them carry (places, employers).

    Spans inside deid placeholders (``[PERSON_ab12cd]``) or equal to a known surrogate are skipped;
    a country or first-level region is a place detail, not a direct identifier.
    """
    holes = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    mentions = high_recall(analyzer, cfg).analyze(text)
    residuals: list[Residual] = []
    attrs: list[Attribute] = []
    block = set(cfg.block_on_residual)
    for m in mentions:
        if any(s < m.end and m.start < e for s, e in holes):
            continue
        surface = text[m.start:m.end]
        words = _WORD.findall(surface.lower())
        if not words or all(w in _TITLES for w in words) or _is_surrogate(surface, known):
            continue
        lab = label(m.entity_type)
        if lab == "LOCATION":
            attrs.append(Attribute("PLACE", "place.named", m.start, m.end, 1.0, place_population(surface)))
            if is_region(surface):
                continue
        elif lab == "ORGANIZATION":
            attrs.append(Attribute("EMPLOYER", "employer.named", m.start, m.end, 0.05))
        elif lab == "PROFESSION":
            attrs.append(Attribute("PROFESSION", "profession.detected", m.start, m.end, 0.005))
        blocking = lab in block and m.score >= cfg.residual_block_score
        residuals.append(Residual(lab, m.start, m.end, round(float(m.score), 3), m.recognizer, blocking))
    return residuals, attrs
