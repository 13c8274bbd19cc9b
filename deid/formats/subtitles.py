"""Shared WebVTT/SRT parsing: find the editable cue text; timing lines, ids, settings stay put.

The file is split into blocks at blank lines. In a cue block the lines up to the timing line
(``-->``) are kept byte for byte; the lines after it are cue text. Inline tags (``<i>``,
``<c.x>``, ``<00:01.000>``, ``{\\an8}``) are kept too and removed from the detection text; a
``<v Name>`` voice tag's name is editable and shown to the recognizers as ``Name: `` so the
speaker-name rules see it. VTT ``NOTE`` comments keep their ``NOTE`` keyword and line breaks but
their text is de-identified (comments name people too); ``STYLE``/``REGION`` blocks are kept.
A block that is neither (stray text) is treated as cue text: recall first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from deid.errors import DocumentError
from deid.formats.base import TextLayout, atomic_write, decode_bytes, encode_text
from deid.formats.pieces import PieceLayout, join_pieces
from deid.model import Document

_TAG = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^<>\n]*?)[ \t]*>")
_CUE_GLUE = "\n\n"
_VOICE_GLUE = ": "


@dataclass(frozen=True)
class SubtitleLayout:
    """Raw decoded text, its encoding, and each piece's span in the raw text."""

    encoding: TextLayout
    raw_spans: tuple[tuple[int, int], ...]
    raw: str = field(repr=False, default="")


def _lines(text: str) -> list[tuple[int, str, str]]:
    """(offset, content, line ending) of every line."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        out.append((pos, content, line[len(content):]))
        pos += len(line)
    return out


def _blocks(text: str) -> list[list[tuple[int, str, str]]]:
    """Runs of non-blank lines."""
    blocks: list[list[tuple[int, str, str]]] = []
    cur: list[tuple[int, str, str]] = []
    for line in _lines(text):
        if line[1].strip():
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def editable_spans(text: str, vtt: bool) -> list[tuple[int, int, str]]:
    """(start, end, glue before) of every editable stretch of the raw text, in order."""
    spans: list[tuple[int, int, str]] = []
    for bi, block in enumerate(_blocks(text)):
        first_off, first, _ = block[0]
        if vtt and bi == 0 and first.startswith("WEBVTT"):
            rest = len(first) - len(first[6:].lstrip(" \t-"))
            if first[rest:].strip():
                spans.append((first_off + rest, first_off + len(first), _CUE_GLUE))
            continue
        if vtt and re.match(r"(STYLE|REGION)(\s|$)", first):
            continue
        if vtt and re.match(r"NOTE(\s|$)", first):
            end = block[-1][0] + len(block[-1][1])
            start = first_off + 4
            while start < end and text[start].isspace():
                start += 1
            if text[start:end].strip():
                spans.append((start, end, _CUE_GLUE))
            continue
        timing = next((i for i, ln in enumerate(block) if "-->" in ln[1]), None)
        payload = block[timing + 1:] if timing is not None else block
        if not payload:
            continue
        start, end = payload[0][0], payload[-1][0] + len(payload[-1][1])
        spans.extend(_split_tags(text, start, end))
    return spans


def _split_tags(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Cue text minus its tags; a voice tag's name becomes a piece followed by ': '."""
    out: list[tuple[int, int, str]] = []
    glue = _CUE_GLUE
    pos = start
    for tag in _TAG.finditer(text, start, end):
        if tag.start() > pos:
            out.append((pos, tag.start(), glue))
            glue = ""
        voice = _VOICE.fullmatch(tag.group(0))
        if voice and voice.group(1):
            s = tag.start() + voice.start(1)
            out.append((s, s + len(voice.group(1)), glue))
            glue = _VOICE_GLUE
        pos = tag.end()
    if end > pos:
        out.append((pos, end, glue))
    return out


class SubtitleFormat:
    """Reader/writer shared by WebVTT and SRT; only cue (and comment) text changes."""

    suffixes: tuple[str, ...] = ()
    vtt = False

    def read(self, path: Path, doc_id: str, case: str) -> list[Document]:
        """Read a subtitle file: one Document whose text is the cue text joined by blank lines."""
        raw, enc = decode_bytes(path.read_bytes())
        spans = editable_spans(raw, self.vtt)
        pieces = [raw[s:e] for s, e, _ in spans]
        glue = [g for _, _, g in spans[1:]]
        text, det_spans = join_pieces(pieces, glue)
        layout = PieceLayout(det_spans, SubtitleLayout(enc, tuple((s, e) for s, e, _ in spans), raw))
        return [Document(id=doc_id, case=case, text=text, layout=layout, path=str(path))]

    def write(self, docs: list[Document], texts: list[object], dest: Path) -> None:
        """Put each new piece where it came from in the raw file; write atomically."""
        atomic_write(dest, encode_text(self.render(docs[0], texts[0]), docs[0].layout.extra.encoding))

    def render(self, doc: Document, new: object) -> str:
        """The rewritten file text."""
        layout: PieceLayout = doc.layout
        sub: SubtitleLayout = layout.extra
        if not isinstance(new, list) or len(new) != len(sub.raw_spans):
            raise DocumentError("subtitle pieces do not match the file's cues")
        raw = sub.raw
        parts, pos = [], 0
        for (s, e), piece in zip(sub.raw_spans, new):
            parts.append(raw[pos:s])
            parts.append(piece)
            pos = e
        parts.append(raw[pos:])
        return "".join(parts)

