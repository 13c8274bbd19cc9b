"""WebVTT: only cue text (and NOTE comment text) changes; header, ids, timings, settings kept."""

from __future__ import annotations

from deid.formats.subtitles import SubtitleFormat


class VttFormat(SubtitleFormat):
    """Reader/writer for .vtt files."""

    suffixes = (".vtt",)
    vtt = True
