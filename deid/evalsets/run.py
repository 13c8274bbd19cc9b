"""What `deid eval` scores: a gold JSONL file or public sets, each scored and rendered separately."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from deid.errors import InputError
from deid.eval_risk import format_risk, risk_metrics
from deid.evalsets import SOURCES, EvalSource, detect, load_source, sample, scored_predictions
from deid.evalsets.overredaction import format_overredaction, overredaction
from deid.eval_consistency import consistency, format_consistency
from deid.evaluation import GoldDoc, format_table, load_gold, predict, score

log = logging.getLogger(__name__)


@dataclass
class EvalGroup:
    """One block of the report: documents from one file or source, scored with gold or for over-redaction."""

    title: str
    docs: list[GoldDoc] = field(repr=False)
    source: EvalSource | None = None
    total: int = 0

    @property
    def has_gold(self) -> bool:
        """False for sets without gold spans (scored for over-redaction)."""
        return self.source is None or self.source.gold


def _group(src: EvalSource, docs: list[GoldDoc], limit: int | None) -> EvalGroup:
    return EvalGroup(src.name, sample(docs, limit), src, len(docs))


def plan(gold: Path | None, sources: tuple[str, ...], overred: tuple[str, ...], data_dir: Path,
         limit: int | None) -> list[EvalGroup]:
    """The groups to score, in command-line order: GOLD (a JSONL file or a set's folder), then sources."""
    groups: list[EvalGroup] = []
    if gold is not None:
        if gold.is_dir():
            src = detect(gold)
            groups.append(_group(src, src.load(gold), limit))
        else:
            docs = load_gold(gold)
            groups.append(EvalGroup(gold.name, sample(docs, limit), None, len(docs)))
    for name in dict.fromkeys(sources + overred):
        src, docs = load_source(name, data_dir)
        groups.append(_group(src, docs, limit))
    if not groups:
        raise InputError("nothing to evaluate: give GOLD, --source or --overredaction")
    return groups


def run(groups: list[EvalGroup], systems: dict[str, Callable[[], Any]]) -> dict[str, dict[str, Any]]:
    """Score every group with every system (engines built one at a time): {group: {system: result}}."""
    out: dict[str, dict[str, Any]] = {g.title: {} for g in groups}
    for name, build in systems.items():
        engine = build()
        for g in groups:
            t = time.perf_counter()
            near: dict[str, Any] = {}
            preds, outputs = predict(engine, g.docs, near)
            if g.has_gold:
                res = score(g.docs, scored_predictions(g.source, g.docs, preds) if g.source else preds)
                res.update(consistency(engine, g.docs, preds))  # pseudonym consistency/collisions
            else:
                res = overredaction(g.docs, preds)
            if any(d.identifiable is not None for d in g.docs):  # risk model vs gold (deid/eval_risk.py)
                written = {k: o for k, o in outputs.items() if o is not None}
                res["risk"] = risk_metrics(engine, g.docs, written, near)
            res["seconds"] = round(time.perf_counter() - t, 1)
            res["failed_documents"] = sum(1 for o in outputs.values() if o is None)
            out[g.title][name] = res
            log.info("%s on %s: %d documents in %.1fs", name, g.title, len(g.docs), res["seconds"])
    return out


def render(group: EvalGroup, results: dict[str, Any]) -> str:
    """Header line plus the gold table or the over-redaction table for one group."""
    n = len(group.docs)
    of = f" (fixed-seed sample of {group.total})" if n < group.total else ""
    times = f"{'seconds':<22}" + "".join(f" | {r.get('seconds', 0):>22}" for r in results.values())
    if any(r.get("failed_documents") for r in results.values()):
        times += f"\n{'failed, detection only':<22}" + "".join(
            f" | {r.get('failed_documents', 0):>22}" for r in results.values())
    if group.has_gold:
        head = f"{group.title}: {n} documents{of} (token level; entR = entity-level recall)"
        risk = "".join(f"\n{name} {format_risk(r['risk'])}" for name, r in results.items() if "risk" in r)
        cons = format_consistency(results)
        return f"{head}\n{format_table(results)}\n{cons + chr(10) if cons else ''}{times}{risk}"
    head = f"{group.title}: {n} documents{of}, no gold (over-redaction: word tokens removed)"
    return f"{head}\n{format_overredaction(results)}\n{times}"


__all__ = ["EvalGroup", "plan", "render", "run", "SOURCES"]
