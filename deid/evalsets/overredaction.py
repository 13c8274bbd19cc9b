"""Over-redaction on text without gold: the share of word tokens a system removes, by predicted label."""

from __future__ import annotations

import re
from typing import Any

from deid.evaluation import GoldDoc, Span

_TOKEN = re.compile(r"\w+", re.UNICODE)


def overredaction(docs: list[GoldDoc], preds: dict[str, list[Span]]) -> dict[str, Any]:
    """Tokens, tokens removed (overlapping any predicted span), their share, and removed tokens per label."""
    total = removed = 0
    per_label: dict[str, int] = {}
    for doc in docs:
        owner: list[str | None] = [None] * len(doc.text)
        for p in sorted(preds.get(doc.id, []), key=lambda p: (p.start, p.end)):
            for i in range(max(0, p.start), min(len(owner), p.end)):
                owner[i] = owner[i] or p.label
        for m in _TOKEN.finditer(doc.text):
            total += 1
            hit = next((lb for lb in owner[m.start():m.end()] if lb), None)
            if hit is not None:
                removed += 1
                per_label[hit] = per_label.get(hit, 0) + 1
    return {"documents": len(docs), "tokens": total, "removed": removed,
            "share_removed": removed / total if total else 0.0,
            "removed_by_label": dict(sorted(per_label.items(), key=lambda kv: -kv[1]))}


def format_overredaction(results: dict[str, dict[str, Any]]) -> str:
    """Side-by-side text table (system name -> overredaction())."""
    names = list(results)
    lines = [f"{'':<22}" + "".join(f" | {n[:22]:>22}" for n in names), "-" * (22 + 25 * len(names))]
    for key, fmt in (("tokens", "{:d}"), ("removed", "{:d}"), ("share_removed", "{:.2%}")):
        lines.append(f"{key.replace('_', ' '):<22}" + "".join(f" | {fmt.format(results[n][key]):>22}" for n in names))
    labels: list[str] = []
    for n in names:
        labels += [lb for lb in results[n]["removed_by_label"] if lb not in labels]
    for lb in labels:
        cells = ""
        for n in names:
            r = results[n]
            k = r["removed_by_label"].get(lb, 0)
            cells += f" | {f'{k} ({k / r['tokens']:.2%})' if r['tokens'] else '-':>22}"
        lines.append(f"{'  as ' + lb:<22}{cells}")
    return "\n".join(lines)
