"""SubRip: only subtitle text changes; indexes, timing lines and coordinates kept byte for byte."""

from __future__ import annotations

from deid.formats.subtitles import SubtitleFormat


class SrtFormat(SubtitleFormat):
    """Reader/writer for .srt files."""

    suffixes = (".srt",)
    vtt = False
