"""Entity-level recall as in the Text Anonymization Benchmark: an entity is protected only when every mention is.

Follows TAB's evaluation.py (Pilán et al. 2022): mentions are grouped by their entity id (here the
``entity`` field, shared across the whole corpus; a mention without one is its own entity), the
entity's label is that of its first mention, and a mention counts as masked when every character
of it is covered by some predicted span, whatever the predicted label, ignoring spaces,
punctuation, titles and a few function words ("Mr", "the", "of", "'s"), which annotators include
inconsistently and which identify no one.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Protocol

# TAB's TOKENS_TO_IGNORE_IN_COUNTS and punctuation, verbatim in meaning.
_SKIP_WORDS = ["mr", "mrs", "ms", "and", "or", "from", "until", "to", "about", "after", "as", "at",
               "before", "between", "by", "during", "for", "in", "into", "of", "on", "over", "since",
               "with", "the", "a", "an", "no", "nr", "\u2019s", "'s"]
_SKIP = re.compile("(?:" + "|".join([r"\b" + re.escape(w) + r"\b" for w in _SKIP_WORDS]
                                    + [re.escape(c) for c in ",.-;:/&()[]\u2013'\" \u2019\u201c\u201d"]) + ")",
                   re.IGNORECASE)
_SPACE = re.compile(r"\s")


class _Doc(Protocol):
    id: str
    text: str
    phi: list[dict[str, Any]]


class _Pred(Protocol):
    start: int
    end: int


def mention_masked(text: str, start: int, end: int, masked: bytearray) -> bool:
    """True when every character of text[start:end] is masked, skipping TAB's ignorable parts."""
    left = {i for i in range(start, end) if not masked[i]}
    if not left:
        return True
    mention = text[start:end]
    for m in _SKIP.finditer(mention):
        left.difference_update(range(start + m.start(), start + m.end()))
    for m in _SPACE.finditer(mention):
        left.discard(start + m.start())
    return not left


def _mask(length: int, spans: Iterable[_Pred]) -> bytearray:
    masked = bytearray(length)
    for p in spans:
        s, e = max(0, p.start), min(length, p.end)
        if e > s:
            masked[s:e] = b"\x01" * (e - s)
    return masked


def entity_recall(docs: Iterable[_Doc], predictions: dict[str, list[Any]]) -> dict[str, Any]:
    """Per-label and overall entity recall: {"overall": (entities, protected), "labels": {label: (n, k)}}."""
    label_of: dict[str, str] = {}
    protected: dict[str, bool] = {}
    for doc in docs:
        masked = _mask(len(doc.text), predictions.get(doc.id, []))
        for g in doc.phi:
            ent = str(g.get("entity") or f"{doc.id}:{g['start']}:{g['end']}")
            label_of.setdefault(ent, g["label"])
            ok = mention_masked(doc.text, g["start"], g["end"], masked)
            protected[ent] = protected.get(ent, True) and ok
    labels: dict[str, tuple[int, int]] = {}
    for ent, ok in protected.items():
        n, k = labels.get(label_of[ent], (0, 0))
        labels[label_of[ent]] = (n + 1, k + int(ok))
    return {"overall": (len(protected), sum(protected.values())), "labels": labels}
