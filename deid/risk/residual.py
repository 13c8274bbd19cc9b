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
    from deid.model import Mention

_WORD = re.compile(r"\w+", re.UNICODE)
# Titles and speaker roles left next to a placeholder ("DR. [PERSON_ab12cd]") identify no one.
_TITLES: frozenset[str] = frozenset("dr doctor mr mrs ms miss mx prof professor sir madam dame rev pastor father speaker "
                    "client therapist counsellor counselor interpreter patient nurse daughter son wife husband partner "
                    "mother father mum mom dad brother sister boyfriend girlfriend friend neighbour neighbor "
                    "colleague baby".split())


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
            squeezed = _NON_ALNUM.sub("", low)
            if len(squeezed) >= 4:
                out.add(squeezed)
    return frozenset(out)


def high_recall(analyzer: "Analyzer", cfg: RiskConfig) -> "Analyzer":
    """The same engine with the residual (lower) score threshold: nothing is reloaded."""
    prof = analyzer.profile.with_overrides(detection={"score_threshold": cfg.residual_score_threshold})
    return dataclasses.replace(analyzer, profile=prof)


def _honorifics() -> frozenset[str]:
    try:  # the pseudonym engine's titles and kinship words, when it is installed
        from deid.pseudo.names import FORMAL, KIN

        return frozenset(_TITLES | FORMAL | KIN)
    except ImportError:  # pragma: no cover
        return _TITLES


_ALPHA = re.compile(r"[^\W\d_]+", re.UNICODE)
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
# NER sometimes glues a surrogate to the next line or utterance ("<v Ann Lee>Morning"): segments.
_BREAK = re.compile(r"[\n\r<>:|*]+|\s{2,}")


def _accounted(word: str, known: frozenset[str], titles: frozenset[str]) -> bool:
    return word in known or word in titles or len(word) == 1


def _is_surrogate(text: str, known: frozenset[str], titles: frozenset[str]) -> bool:
    """True when the span is deid's own writing: a known surrogate, possibly glued to ordinary words.

    Every word must be a known surrogate word, a title or kinship word, or an initial; lower-case
    words next to a surrogate word, and segments after a line or speaker break that follow a
    surrogate, are taken as glue (ordinary words), not names.
    """
    if not known:
        return False
    low = text.strip().lower()
    if low in known or _NON_ALNUM.sub("", low) in known:
        return True
    segments = [seg for seg in _BREAK.split(text) if _ALPHA.search(seg)]
    if not segments:
        return False
    clean = [all(_accounted(w, known, titles) for w in _ALPHA.findall(seg.lower())) for seg in segments]
    if all(clean):
        return True
    if len(segments) > 1 and clean[0]:
        return True  # "<v Ann Lee>Morning", "Ann Lee\nTreatment": the surrogate and what follows
    words = _ALPHA.findall(text)
    has_known = any(w.lower() in known for w in words)
    return has_known and all(_accounted(w.lower(), known, titles) or w.islower() for w in words)


def scan(text: str, analyzer: "Analyzer", label: Callable[[str], str], cfg: RiskConfig,
         known: frozenset[str] = frozenset()) -> tuple[list[Residual], list[Attribute]]:
    """Residual identifiers in ``text``, and the quasi details some of them carry (places, employers).

    Spans inside deid placeholders (``[PERSON_ab12cd]``) or equal to a known surrogate are skipped;
    a country or first-level region is a place detail, not a direct identifier.
    """
    return classify(text, high_recall(analyzer, cfg).analyze(text), label, cfg, known)


def classify(text: str, mentions: "list[Mention]", label: Callable[[str], str], cfg: RiskConfig,
             known: frozenset[str] = frozenset()) -> tuple[list[Residual], list[Attribute]]:
    """Residuals and quasi details from mentions found in ``text`` (offsets into ``text``)."""
    holes = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    residuals: list[Residual] = []
    attrs: list[Attribute] = []
    block = set(cfg.block_on_residual)
    titles = _honorifics()
    for m in mentions:
        if any(s < m.end and m.start < e for s, e in holes):
            continue
        surface = text[m.start:m.end]
        words = _WORD.findall(surface.lower())
        if not words or all(w in titles for w in words) or _is_surrogate(surface, known, titles):
            continue
        lab = label(m.entity_type)
        if lab == "LOCATION":
            attrs.append(Attribute("PLACE", "place.named", m.start, m.end, 1.0, place_population(surface)))
            if is_region(surface):
                continue
        elif lab == "ORGANIZATION":
            attrs.append(Attribute("EMPLOYER", "employer.named", m.start, m.end, 0.1))
        elif lab == "PROFESSION":
            attrs.append(Attribute("PROFESSION", "profession.detected", m.start, m.end, 0.005))
        blocking = lab in block and m.score >= cfg.residual_block_score
        residuals.append(Residual(lab, m.start, m.end, round(float(m.score), 3), m.recognizer, blocking))
    return residuals, attrs


def locate(outputs: list[str], near: "list[list[Mention]]", sep: str = "\n") -> "list[Mention]":
    """Near misses of each document (input offsets) at their place in ``sep.join(outputs)``.

    A near miss was left in the text unchanged, so it is found by searching forward from the
    previous one in its document's output; one that cannot be found (it cannot, unless a format
    dropped text) is kept at the position reached, so it still counts.
    """
    from deid.model import Mention

    out: list[Mention] = []
    base = 0
    for text, ms in zip(outputs, near):
        cursor = 0
        for m in sorted(ms, key=lambda m: m.start):
            pos = text.find(m.text, cursor) if m.text else -1
            if pos < 0:
                pos = min(cursor, len(text))
                end = pos
            else:
                end = pos + len(m.text)
                cursor = end
            out.append(Mention(base + pos, base + end, m.entity_type, m.score, m.recognizer, m.text))
        base += len(text) + len(sep)
    return out
