"""Public evaluation sets (../shared/data): one loader module per source, registered in SOURCES."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from deid.errors import InputError
from deid.evalsets import annomi, asq_phi, counsel_chat, presidio_synth, tab
from deid.evalsets.common import subtract
from deid.evaluation import GoldDoc, Span

DEFAULT_DATA_DIR = Path("..") / "shared" / "data"


@dataclass(frozen=True)
class EvalSource:
    """A public set: its loader, the file that identifies its folder, and how it is scored."""

    name: str
    load: Callable[[Path], list[GoldDoc]]
    marker: str
    gold: bool
    ignore_labels: frozenset[str] = frozenset()


SOURCES: dict[str, EvalSource] = {
    "tab_echr_test": EvalSource("tab_echr_test", tab.load, tab.MARKER, gold=True),
    "presidio_synth": EvalSource("presidio_synth", presidio_synth.load, presidio_synth.MARKER, gold=True),
    "asq_phi": EvalSource("asq_phi", asq_phi.load, asq_phi.MARKER, gold=True, ignore_labels=asq_phi.IGNORE_LABELS),
    "annomi": EvalSource("annomi", annomi.load, annomi.MARKER, gold=False),
    "counsel_chat": EvalSource("counsel_chat", counsel_chat.load, counsel_chat.MARKER, gold=False),
}
GOLD_SOURCES = sorted(n for n, s in SOURCES.items() if s.gold)
NO_GOLD_SOURCES = sorted(n for n, s in SOURCES.items() if not s.gold)


def detect(folder: Path) -> EvalSource:
    """The source whose marker file the folder holds."""
    if not folder.is_dir():
        raise InputError(f"not a folder: {folder}")
    for src in SOURCES.values():
        if (folder / src.marker).is_file():
            return src
    raise InputError(f"{folder.name}: not a known evaluation set (expected one of {', '.join(SOURCES)})")


def sample(docs: list[GoldDoc], limit: int | None, seed: int = 0) -> list[GoldDoc]:
    """A fixed-seed random sample of `limit` documents in their original order (all when limit is None)."""
    if limit is None or limit >= len(docs):
        return docs
    if limit < 1:
        raise InputError("--limit must be at least 1")
    keep = sorted(random.Random(seed).sample(range(len(docs)), limit))
    return [docs[i] for i in keep]


def load_source(name: str, data_dir: Path = DEFAULT_DATA_DIR, limit: int | None = None,
                folder: Path | None = None) -> tuple[EvalSource, list[GoldDoc]]:
    """Load one registered source from its folder (default: data_dir/name), sampled to `limit`."""
    if name not in SOURCES:
        raise InputError(f"unknown evaluation set {name!r} (known: {', '.join(SOURCES)})")
    src = SOURCES[name]
    folder = folder or data_dir / name
    if not folder.is_dir():
        raise InputError(f"evaluation set folder not found: {folder}")
    return src, sample(src.load(folder), limit)


def scored_predictions(src: EvalSource, docs: list[GoldDoc],
                       preds: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """Predictions as scored: labels the source does not annotate dropped, unscored quasi regions cut out."""
    out: dict[str, list[Span]] = {}
    for doc in docs:
        holes = [(q["start"], q["end"]) for q in doc.quasi]
        out[doc.id] = [Span(s, e, p.label) for p in preds.get(doc.id, []) if p.label not in src.ignore_labels
                       for s, e in subtract([(p.start, p.end)], holes)]
    return out


def describe(src: EvalSource, docs: list[GoldDoc], total: int | None = None) -> dict[str, Any]:
    """Counts for the report header: documents (of total), gold spans per label."""
    per_label: dict[str, int] = {}
    for d in docs:
        for g in d.phi:
            per_label[g["label"]] = per_label.get(g["label"], 0) + 1
    return {"source": src.name, "documents": len(docs), "of": total if total is not None else len(docs),
            "gold_spans": per_label}
