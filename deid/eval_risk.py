"""Evaluate the risk model: ROC AUC against `identifiable_after_phi_removal`, share of gold quasi spans flagged."""

from __future__ import annotations

from bisect import bisect_right
from difflib import SequenceMatcher
from typing import Any

from deid.evaluation import GoldDoc
from deid.model import Risk

# Reasons that are not a located quasi-identifier (the k summary, residual direct identifiers).
_NOT_QUASI = {"k_estimate", "residual"}


def roc_auc(scores: list[float], labels: list[bool]) -> float | None:
    """Probability that a random positive scores above a random negative (ties count half)."""
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def output_to_input(src: str, out: str) -> tuple[list[int], list[int]]:
    """Anchors (output offset -> input offset) from the unchanged stretches between replacements."""
    outs, ins = [], []
    for a, b, size in SequenceMatcher(None, src, out, autojunk=False).get_matching_blocks():
        if size:
            outs.append(b)
            ins.append(a)
            outs.append(b + size)
            ins.append(a + size)
    return outs, ins


def _map(pos: int, anchors: tuple[list[int], list[int]], end: bool = False) -> int:
    """Input offset of an output offset: exact inside unchanged text, widened inside a replacement."""
    outs, ins = anchors
    i = bisect_right(outs, pos) - 1
    if i < 0:
        return 0
    if i % 2 == 0 and i + 1 < len(outs):  # inside an unchanged stretch
        return ins[i] + (pos - outs[i])
    if end and i + 1 < len(ins):  # inside a replacement: its whole input span
        return ins[i + 1]
    return ins[i]


def flagged_quasi(doc: GoldDoc, output: str, risk: Risk) -> tuple[int, int]:
    """(gold quasi spans in the document, how many overlap a quasi reason mapped back to the input)."""
    if not doc.quasi:
        return 0, 0
    anchors = output_to_input(doc.text, output)
    spans = [(_map(r["start"], anchors), _map(r["end"], anchors, end=True)) for r in risk.reasons
             if r.get("rule") not in _NOT_QUASI and "start" in r]
    hit = sum(1 for q in doc.quasi if any(s < q["end"] and q["start"] < e for s, e in spans))
    return len(doc.quasi), hit


def risk_metrics(engine: Any, docs: list[GoldDoc], outputs: dict[str, str],
                 near: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score every output with the risk model and compare with the gold labels.

    With ``near`` (from predict) a document is scored as `deid run` scores it (its detection's
    near misses); without, by the full residual scan of `deid check`.
    """
    scores, k_scores, labels, rows = [], [], [], []
    quasi_total = quasi_hit = 0
    for d in docs:
        if d.id not in outputs:
            continue
        if near is not None and d.id in near:
            risk = engine.assess_near([outputs[d.id]], [near[d.id]])
        else:
            risk = engine.assess(outputs[d.id])
        if d.identifiable is not None:
            scores.append(risk.score)
            k_scores.append(-(risk.k_estimate if risk.k_estimate is not None else float("inf")))
            labels.append(bool(d.identifiable))
        n, hit = flagged_quasi(d, outputs[d.id], risk)
        quasi_total += n
        quasi_hit += hit
        rows.append({"id": d.id, "score": risk.score, "level": risk.level, "k_estimate": risk.k_estimate,
                     "shareable": risk.shareable, "identifiable": d.identifiable})
    flagged = [r for r in rows if r["shareable"] is False]
    return {
        "documents": len(rows),
        "identifiable": sum(labels),
        "roc_auc": roc_auc(scores, labels),
        "roc_auc_k": roc_auc(k_scores, labels),  # k alone (no residual floor, no saturation at k<=1)
        "quasi_spans": quasi_total,
        "quasi_flagged": quasi_hit / quasi_total if quasi_total else None,
        "not_shareable": len(flagged),
        "not_shareable_identifiable": sum(1 for r in flagged if r["identifiable"]),
        "per_document": rows,
    }


def format_risk(metrics: dict[str, Any]) -> str:
    """Short text block for `deid eval`."""
    auc = metrics["roc_auc"]
    share = metrics["quasi_flagged"]
    return (f"risk: ROC AUC {auc:.3f} ({metrics['identifiable']} identifiable of {metrics['documents']} documents)"
            if auc is not None else f"risk: ROC AUC n/a ({metrics['documents']} documents)") + (
        f"; AUC of k alone {metrics['roc_auc_k']:.3f}" if metrics.get("roc_auc_k") is not None else "") + (
        f"; quasi spans flagged {share:.1%} of {metrics['quasi_spans']}" if share is not None else "") + (
        f"; not shareable {metrics['not_shareable']} "
        f"({metrics['not_shareable_identifiable']} of them identifiable)")
