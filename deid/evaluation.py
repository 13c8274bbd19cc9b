"""Score detection against gold spans (../shared/corpus/FORMAT.md): token-level P/R/F2 per label."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from deid.entity_recall import entity_recall
from deid.errors import DeidError, InputError

LABELS = ["PERSON", "DATE", "AGE", "LOCATION", "ORGANIZATION", "CONTACT", "ID", "PROFESSION"]
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass
class GoldDoc:
    """One annotated document."""

    id: str
    case: str
    text: str = field(repr=False)
    phi: list[dict[str, Any]] = field(default_factory=list, repr=False)
    keep: list[dict[str, Any]] = field(default_factory=list, repr=False)
    quasi: list[dict[str, Any]] = field(default_factory=list, repr=False)
    identifiable: bool | None = None
    kind: str = ""
    format: str = "txt"
    source: str = "gold"


@dataclass(frozen=True)
class Span:
    """A predicted span with its report label."""

    start: int
    end: int
    label: str


def load_gold(path: str | Path, source: str | None = None) -> list[GoldDoc]:
    """Read a gold JSONL file in the corpus format."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"gold file not found: {p}")
    docs = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                docs.append(GoldDoc(id=str(d["id"]), case=str(d.get("case", d["id"])), text=d["text"],
                                    phi=d.get("phi", []), keep=d.get("keep", []), quasi=d.get("quasi", []),
                                    identifiable=d.get("identifiable_after_phi_removal"),
                                    kind=d.get("kind", ""), format=d.get("format", "txt"),
                                    source=source or p.stem))
            except (json.JSONDecodeError, KeyError, TypeError):
                raise InputError(f"{p.name} line {n}: not a gold document") from None
    return docs


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


class _Cover:
    """Answers 'is [s,e) fully covered' / 'does [s,e) overlap' for a set of spans."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.spans = merged

    def covers(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, s + 1) - 1
        return i >= 0 and self.spans[i][0] <= s and self.spans[i][1] >= e

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, e) - 1
        return i >= 0 and self.spans[i][1] > s


def _tokens_in(tokens: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    return [t for t in tokens if t[0] < e and t[1] > s]


def f_beta(p: float, r: float, beta: float = 2.0) -> float:
    """F-beta score (beta=2 weighs recall four times as much as precision)."""
    b2 = beta * beta
    return 0.0 if p + r == 0 else (1 + b2) * p * r / (b2 * p + r)


def score(docs: list[GoldDoc], predictions: dict[str, list[Span]]) -> dict[str, Any]:
    """Token-level recall/precision/F2 per label, TAB entity recall, leaks, keep survival, words lost."""
    gold_tok = defaultdict(int)
    caught_tok = defaultdict(int)
    pred_tok = defaultdict(int)
    pred_tp = defaultdict(int)
    leaked_person = 0
    person_mentions = 0
    keep_total = keep_kept = 0
    ordinary_total = ordinary_lost = 0
    for doc in docs:
        toks = _tokens(doc.text)
        preds = predictions.get(doc.id, [])
        cover = _Cover((p.start, p.end) for p in preds)
        gold_cover = _Cover((g["start"], g["end"]) for g in doc.phi)
        for g in doc.phi:
            label = g["label"]
            gts = _tokens_in(toks, g["start"], g["end"])
            caught = [t for t in gts if cover.covers(max(t[0], g["start"]), min(t[1], g["end"]))]
            gold_tok[label] += len(gts)
            caught_tok[label] += len(caught)
            full = len(caught) == len(gts)
            if label == "PERSON":
                person_mentions += 1
                leaked_person += 0 if full else 1
        for p in preds:
            for t in _tokens_in(toks, p.start, p.end):
                pred_tok[p.label] += 1
                pred_tok["ALL"] += 1
                if gold_cover.overlaps(*t):
                    pred_tp[p.label] += 1
                    pred_tp["ALL"] += 1
        for k in doc.keep:
            keep_total += 1
            keep_kept += 0 if any(cover.overlaps(*t) for t in _tokens_in(toks, k["start"], k["end"])) else 1
        for t in toks:
            if not gold_cover.overlaps(*t):
                ordinary_total += 1
                ordinary_lost += 1 if cover.overlaps(*t) else 0
    ents = entity_recall(docs, predictions)
    per_label = {}
    labels = [lb for lb in LABELS if gold_tok[lb]] + sorted(set(gold_tok) - set(LABELS))
    for lb in labels:
        r = caught_tok[lb] / gold_tok[lb] if gold_tok[lb] else 0.0
        p = pred_tp[lb] / pred_tok[lb] if pred_tok[lb] else 0.0
        n_ent, ok_ent = ents["labels"].get(lb, (0, 0))
        per_label[lb] = {"gold_tokens": gold_tok[lb], "recall": r, "precision": p, "f2": f_beta(p, r),
                         "entities": n_ent, "entity_recall": ok_ent / n_ent if n_ent else 0.0}
    tot_gold = sum(gold_tok.values())
    tot_caught = sum(caught_tok.values())
    r_all = tot_caught / tot_gold if tot_gold else 0.0
    p_all = pred_tp["ALL"] / pred_tok["ALL"] if pred_tok["ALL"] else 0.0
    return {
        "documents": len(docs),
        "labels": per_label,
        "overall": {"gold_tokens": tot_gold, "recall": r_all, "precision": p_all, "f2": f_beta(p_all, r_all),
                    "entities": ents["overall"][0],
                    "entity_recall": ents["overall"][1] / ents["overall"][0] if ents["overall"][0] else 0.0},
        "person_mentions": person_mentions,
        "leaked_person_mentions": leaked_person,
        "keep_spans": keep_total,
        "keep_survival": keep_kept / keep_total if keep_total else 1.0,
        "ordinary_tokens": ordinary_total,
        "ordinary_words_lost": ordinary_lost / ordinary_total if ordinary_total else 0.0,
    }


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """Side-by-side text table of one or more scored systems (name -> score())."""
    names = list(results)
    head = f"{'label':<13}{'gold tok':>9}" + "".join(
        f" | {n[:22]:<22}" for n in names)
    sub = " " * 22 + "".join(f" | {'R':>5} {'P':>5} {'F2':>5} {'entR':>5}" for _ in names)
    lines = [head, sub, "-" * len(sub)]
    labels: list[str] = []
    for n in names:
        for lb in results[n]["labels"]:
            if lb not in labels:
                labels.append(lb)
    first = results[names[0]]
    for lb in labels + ["overall"]:
        row = first["overall"] if lb == "overall" else first["labels"].get(lb, {})
        cells = ""
        for n in names:
            m = results[n]["overall"] if lb == "overall" else results[n]["labels"].get(lb)
            cells += " | " + (f"{m['recall']:5.3f} {m['precision']:5.3f} {m['f2']:5.3f} {m['entity_recall']:5.3f}"
                              if m else f"{'-':>23}")
        lines.append(f"{lb:<13}{row.get('gold_tokens', 0):>9}{cells}")
    lines.append("-" * len(sub))
    for key, fmt in (("leaked_person_mentions", "{:d}"), ("keep_survival", "{:.3f}"),
                     ("ordinary_words_lost", "{:.2%}")):
        vals = "".join(f" | {fmt.format(results[n][key]):>23}" for n in names)
        lines.append(f"{key.replace('_', ' '):<22}{vals}")
    return "\n".join(lines)


def predict(engine: Any, docs: list[GoldDoc], near: dict[str, Any] | None = None
            ) -> tuple[dict[str, list[Span]], dict[str, str | None]]:
    """Run the engine over gold documents case by case; return predicted spans and output texts (None: failed).

    ``near``, when given, receives each document's near misses (what `deid run` hands the risk).
    """
    from deid.model import Document

    by_case: dict[str, list[GoldDoc]] = defaultdict(list)
    for d in docs:
        by_case[d.case].append(d)
    preds: dict[str, list[Span]] = {}
    outputs: dict[str, str | None] = {}
    note = getattr(getattr(engine, "pseudo", None), "note_corpus", None)
    if note is not None:  # as `deid run` does: no surrogate is a word of any document of the corpus
        note(d.text for d in docs)
    for case, group in by_case.items():
        ddocs = [Document(id=g.id, case=case, text=g.text) for g in group]
        try:
            if near is not None and hasattr(engine, "process_detected"):
                texts, dets = engine.process_detected(ddocs)
                mentions = [d.mentions for d in dets]
                near.update((g.id, d.near) for g, d in zip(group, dets))
            else:
                texts, mentions = engine.process_documents(ddocs)
        except DeidError:  # the case fails closed (nothing written); its detections are still scored
            texts, mentions = [None] * len(ddocs), engine.detect(ddocs)
        for g, t, ms in zip(group, texts, mentions):
            preds[g.id] = [Span(m.start, m.end, engine.pseudo.label(m.entity_type)) for m in ms]
            outputs[g.id] = t
    return preds, outputs
