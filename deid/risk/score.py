"""Combine the residual scan and the k estimate into Risk(score, level, k_estimate, reasons)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable

from deid.config import RiskConfig
from deid.model import Risk
from deid.risk.kestimate import KEstimate, estimate_k
from deid.risk.quasi import Attribute, find_attributes
from deid.risk.residual import Residual, classify, locate, scan

if TYPE_CHECKING:
    from deid.analyze import Analyzer
    from deid.model import Mention


def k_to_score(k: float, k_safe: float) -> float:
    """0 when k >= k_safe, 100 when k <= 1, log-linear in between."""
    if k <= 1:
        return 100.0
    if k >= k_safe:
        return 0.0
    return 100.0 * (1.0 - math.log10(k) / math.log10(k_safe))


def level_for(score: float, cfg: RiskConfig) -> str:
    """low / medium / high by the profile's thresholds."""
    if score >= cfg.high_at:
        return "high"
    if score >= cfg.medium_at:
        return "medium"
    return "low"


def assess_text(text: str, analyzer: "Analyzer", label: Callable[[str], str], cfg: RiskConfig,
                known: frozenset[str] = frozenset()) -> Risk:
    """Residual risk of one output text: residual scan with ``analyzer`` plus the quasi model."""
    residuals, carried = scan(text, analyzer, label, cfg, known)
    attributes = find_attributes(text) + carried
    return combine(residuals, attributes, cfg)


def assess_near(outputs: list[str], near: "list[list[Mention]]", label: Callable[[str], str],
                cfg: RiskConfig, known: frozenset[str] = frozenset()) -> Risk:
    """Residual risk of ``"\\n".join(outputs)`` from the near misses detection left in place.

    The same residual rules as assess_text, without a second analyzer pass: ``near`` holds, per
    output, what the run's single detection pass found below its replacement threshold.
    """
    text = "\n".join(outputs)
    residuals, carried = classify(text, locate(outputs, near), label, cfg, known)
    return combine(residuals, find_attributes(text) + carried, cfg)


def combine(residuals: list[Residual], attributes: list[Attribute], cfg: RiskConfig) -> Risk:
    """Score, level, shareability and reasons from residual findings and quasi attributes."""
    est = estimate_k(attributes, cfg.default_population, cfg.correlation, cfg.independent_factors)
    score = k_to_score(est.k, cfg.k_safe)
    blocking = [r for r in residuals if r.blocking]
    if blocking:
        score = max(score, cfg.high_at)
    score = round(score, 1)
    shareable = not blocking and est.risk <= cfg.max_reidentification_risk and score <= cfg.max_score_shareable
    level = "high" if blocking else level_for(score, cfg)
    return Risk(score=score, level=level, reasons=reasons(residuals, attributes, est),
                k_estimate=_sig(est.k), shareable=shareable)


def reasons(residuals: list[Residual], attributes: list[Attribute], est: KEstimate) -> list[dict[str, Any]]:
    """Why: rule, type and output offsets of each finding (never the text), drivers of k first."""
    out: list[dict[str, Any]] = []
    for r in sorted(residuals, key=lambda r: (not r.blocking, r.start)):
        out.append({"rule": "residual", "type": r.type, "start": r.start, "end": r.end,
                    "confidence": r.score, "blocking": r.blocking})
    drivers = {id(a) for a in est.drivers}
    if est.place is not None:
        drivers.add(id(est.place))
    ordered = sorted(attributes, key=lambda a: (id(a) not in drivers, a.frequency, a.start))
    for a in ordered:
        item: dict[str, Any] = {"rule": a.rule, "type": a.type, "start": a.start, "end": a.end,
                                "driver": id(a) in drivers}
        if a.type == "PLACE":
            item["population"] = _coarse(a.population or 0)
        else:
            item["frequency"] = a.frequency
        out.append(item)
    out.append({"rule": "k_estimate", "type": "K", "k": _sig(est.k), "population": _coarse(est.population),
                "risk": round(est.risk, 4), "drivers": [a.type for a in est.drivers]})
    return out


def _sig(x: float) -> float:
    """Four significant digits (k spans many orders of magnitude)."""
    return float(f"{x:.4g}")


def _coarse(population: int) -> int:
    """One significant digit: an exact gazetteer figure would name the place."""
    if population < 10:
        return population
    digits = 10 ** (len(str(int(population))) - 1)
    return int(round(population / digits) * digits)
