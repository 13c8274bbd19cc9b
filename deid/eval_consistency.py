"""Pseudonym consistency and collisions against gold entity ids (FORMAT.md 'Consistency').

Consistency: every mention of one gold entity with the same surface gets the same replacement,
across all documents (share of mentions that agree with their group's most common replacement).
Collisions: one replacement shared by different gold entities whose original surfaces differ
(two people both called 'Dana' rightly share 'Maria'; 'Dana' and 'Kim' must not).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from deid.pseudo.keys import canonical_form

COLLISION_LABELS = {"PERSON", "ORGANIZATION", "LOCATION", "CONTACT", "ID"}


def gold_replacements(engine: Any, docs: list[Any],
                      preds: dict[str, list[Any]]) -> list[tuple[str, str, str, str, bool]]:
    """(label, entity, surface, replacement, shared) for every gold mention after the rewrite.

    Unchanged text a predicted span carried beyond the gold span ('Dr ', "'s", '-year-old') is
    not part of the replacement; `shared` marks a replacement whose span also covers another
    gold entity (one span over 'Leeds LS6 4BA' cannot give each its own surrogate).
    """
    from deid.model import Document

    out = []
    for d in docs:
        doc = Document(id=d.id, case=d.case, text=d.text)
        spans = sorted(preds.get(d.id, []), key=lambda s: (s.start, s.end))
        reps = [engine.pseudo.surrogate(doc, s.label, d.text[s.start:s.end]) for s in spans]
        for g in d.phi:
            gs, ge = g["start"], g["end"]
            hits = [(s, r) for s, r in zip(spans, reps) if s.start < ge and s.end > gs]
            lo = min([gs] + [s.start for s, _ in hits])
            hi = max([ge] + [s.end for s, _ in hits])
            pos, parts = lo, []
            for s, r in hits:
                parts.append(d.text[pos:max(pos, s.start)])
                parts.append(r)
                pos = max(pos, s.end)
            parts.append(d.text[pos:hi])
            entity = str(g.get("entity") or f"{d.id}:{gs}")
            rep = "".join(parts)
            left, right = d.text[lo:gs], d.text[ge:hi]
            if left and rep.startswith(left):
                rep = rep[len(left):]
            if right and rep.endswith(right):
                rep = rep[: len(rep) - len(right)]
            shared = any(o is not g and str(o.get("entity")) != entity and o["start"] < hi and o["end"] > lo
                         for o in d.phi)
            out.append((g["label"], entity, d.text[gs:ge], rep.strip(), shared))
    return out


def consistency(engine: Any, docs: list[Any], preds: dict[str, list[Any]]) -> dict[str, Any]:
    """Consistency (mention and group level) and collisions of the engine's replacements."""
    rows = gold_replacements(engine, docs, preds)
    groups: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for label, entity, surface, rep, _ in rows:
        groups[(entity, surface)][rep] += 1
    agree = sum(c.most_common(1)[0][1] for c in groups.values())
    multi = [c for c in groups.values() if sum(c.values()) > 1]
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for label, entity, surface, rep, shared in rows:
        if shared or label not in COLLISION_LABELS:
            continue
        if rep and canonical_form(rep) != canonical_form(surface):
            owners[rep.lower()].add((entity, canonical_form(surface)))
    colliding: set[str] = set()
    n_coll = 0
    for claims in owners.values():
        ents = {e for e, _ in claims}
        surfaces = {s for _, s in claims}
        if len(ents) > 1 and len(surfaces) > 1:
            n_coll += 1
            colliding |= ents
    return {
        "consistency": agree / len(rows) if rows else 1.0,
        "consistency_groups": sum(len(c) == 1 for c in multi) / len(multi) if multi else 1.0,
        "collisions": n_coll,
        "colliding_entities": len(colliding),
    }


def format_consistency(results: dict[str, dict[str, Any]]) -> str:
    """Extra table lines: consistency and collisions per system."""
    lines = []
    for key, fmt in (("consistency", "{:.3f}"), ("collisions", "{:d}"), ("colliding_entities", "{:d}")):
        if all(key in r for r in results.values()):
            vals = "".join(f" | {fmt.format(r[key]):>23}" for r in results.values())
            lines.append(f"{('pseudonym ' + key.replace('_', ' '))[:22]:<22}{vals}")
    return "\n".join(lines)
