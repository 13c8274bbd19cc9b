"""Helpers for pseudonym tests: build Mentions by hand (no spaCy model needed)."""

from __future__ import annotations

from deid.model import Document, Mention

SECRET = b"pseudo-test-secret-0123456789"


def mentions_for(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    """Mentions for (surface, entity_type) pairs, found left to right in text."""
    out, pos = [], 0
    for surface, etype in spans:
        i = text.index(surface, pos)
        out.append(Mention(i, i + len(surface), etype, 0.9, "test", surface))
        pos = i + len(surface)
    return out


def run_three_phases(pseudo, docs_spans):
    """collect -> assign -> surrogate for [(Document, spans)]; returns replacements per doc."""
    prepared = [(doc, mentions_for(doc.text, spans)) for doc, spans in docs_spans]
    records = [r for doc, ms in prepared for r in pseudo.collect(doc, ms)]
    pseudo.assign(records)
    return [[pseudo.surrogate(doc, m.entity_type, m.text) for m in ms] for doc, ms in prepared]


def doc(text: str, case: str = "c1", doc_id: str = "d1") -> Document:
    """A document of a case."""
    return Document(id=doc_id, case=case, text=text)
