"""A job phrase around a named place keeps them apart: "nurse at [Quellport General]".

The profession recognizer extends a job over where it is done ("nurse in the renal unit at
Quellport General Hospital"). Merged as one span, the hospital would lose its own type and key
(and its surrogate); instead the profession keeps only the words outside other mentions.
"""

from __future__ import annotations

import re
from typing import Iterable

from deid.model import Mention

OUTER_TYPES = frozenset({"PROFESSION"})


def carve(text: str, mentions: Iterable[Mention]) -> list[Mention]:
    """PROFESSION mentions cut around the other mentions they overlap (nothing is dropped)."""
    ms = list(mentions)
    inner = sorted((m.start, m.end) for m in ms if m.entity_type not in OUTER_TYPES)
    out: list[Mention] = []
    for m in ms:
        if m.entity_type not in OUTER_TYPES:
            out.append(m)
            continue
        pos = m.start
        for s, e in inner:
            if e <= pos or s >= m.end:
                continue
            out.extend(_piece(text, m, pos, s))
            pos = max(pos, e)
        out.extend(_piece(text, m, pos, m.end))
    return out


_DANGLING = re.compile(r"(?:[ \t]+(?:at|in|on|of|the|a|an|for|with|from))+$", re.IGNORECASE)


def _piece(text: str, m: Mention, s: int, e: int) -> list[Mention]:
    """The part [s, e) of m stripped of spaces and of prepositions left dangling before a place."""
    seg = text[s:e]
    lead = len(seg) - len(seg.lstrip())
    s, e = s + lead, s + lead + len(seg.strip())
    dangling = _DANGLING.search(" " + text[s:e])
    if dangling and dangling.start() > 0:
        e -= len(dangling.group())
    if s >= e or not any(c.isalnum() for c in text[s:e]):
        return []
    return [Mention(s, e, m.entity_type, m.score, m.recognizer, text[s:e])]
