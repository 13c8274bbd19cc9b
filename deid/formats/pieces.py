"""Documents made of editable pieces (subtitle cues, docx runs): detect on the joined text,
rewrite each piece, leave everything between pieces untouched.

A format that keeps markup around the text (timing lines, tags, XML) builds the detection text
from the editable pieces joined by glue (``"\\n\\n"`` between cues, ``""`` between runs), so the
recognizers see running text. Rewriting gives back one new string per piece; the format puts
each one where the piece came from. A mention that crosses pieces gets its whole surrogate in the
first piece it touches and its characters removed from the others, so nothing leaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from deid.model import Document, Mention

Output = str | list[str]  # a plain document's new text, or a pieced document's new pieces


@dataclass(frozen=True)
class PieceLayout:
    """Where each editable piece sits in a Document's text; ``extra`` is the format's own layout."""

    spans: tuple[tuple[int, int], ...]
    extra: Any = None


def join_pieces(pieces: Sequence[str], glue: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join pieces with glue (glue[i] follows pieces[i]); return the text and each piece's span."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, piece in enumerate(pieces):
        spans.append((pos, pos + len(piece)))
        parts.append(piece)
        pos += len(piece)
        if i < len(pieces) - 1:
            g = glue[i]
            parts.append(g)
            pos += len(g)
    return "".join(parts), tuple(spans)


def rewrite_output(replace: Callable[[Document, list[Mention]], str], doc: Document,
                   mentions: list[Mention]) -> Output:
    """Rewrite a document: whole text for plain documents, one string per piece otherwise."""
    layout = doc.layout
    if not isinstance(layout, PieceLayout):
        return replace(doc, mentions)
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    surrogates = {id(m): _surrogate(replace, doc, m) for m in ordered}
    out: list[str] = []
    for s, e in layout.spans:
        piece = doc.text[s:e]
        parts: list[str] = []
        cur = s
        for m in ordered:
            if m.end <= s or m.start >= e:
                continue
            lo, hi = max(m.start, s), min(m.end, e)
            if lo < cur:  # overlapping mentions are merged upstream; be safe anyway
                lo = cur
            if hi <= lo:
                continue
            parts.append(doc.text[cur:lo])
            if _first_piece_of(m, layout.spans) == (s, e):
                parts.append(surrogates[id(m)])
            cur = hi
        parts.append(doc.text[cur:e])
        out.append("".join(parts) if len(parts) > 1 else piece)
    return out


def _first_piece_of(m: Mention, spans: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    for s, e in spans:
        if m.start < e and m.end > s and e > s:
            return (s, e)
    return None


def _surrogate(replace: Callable[[Document, list[Mention]], str], doc: Document, m: Mention) -> str:
    """The replacement of one whole mention, through the engine, in its document (same operator
    and same document context as plain text; only that span changes, so it is cut back out)."""
    plain = Document(id=doc.id, case=doc.case, text=doc.text, path=doc.path)
    new = replace(plain, [m])
    return new[m.start:len(new) - (len(doc.text) - m.end)]


def output_text(out: Output) -> str:
    """The rewritten text of a document as one string (for the residual risk scan)."""
    return out if isinstance(out, str) else "\n".join(out)


def output_document(doc: Document, out: Output) -> str:
    """The detection text the output file of a document gives when read again: the new text, or
    the new pieces with the original glue between them (for proofs of deid's own output)."""
    if isinstance(out, str) or not isinstance(doc.layout, PieceLayout):
        return out if isinstance(out, str) else "\n".join(out)
    spans = doc.layout.spans
    parts: list[str] = []
    cur = 0
    for (s, e), piece in zip(spans, out):
        parts.append(doc.text[cur:s])
        parts.append(piece)
        cur = e
    parts.append(doc.text[cur:])
    return "".join(parts)
