"""WebVTT and SRT: only cue (and comment) text changes; timing lines, ids, settings survive byte for byte."""

from __future__ import annotations

import re

import pytest
import srt
import webvtt

from deid.formats import format_for
from deid.formats.pieces import rewrite_output
from deid.formats.subtitles import editable_spans

VTT = (
    "WEBVTT - Session with Dana Whitfield\n"
    "Kind: captions\n"
    "\n"
    "NOTE transcribed by Marisol Vega\n"
    "for the clinic\n"
    "\n"
    "STYLE\n"
    "::cue { color: white }\n"
    "\n"
    "intro\n"
    "00:00:01.000 --> 00:00:04.000 align:start position:10%\n"
    "<v Dana Whitfield>Hi, I drove in from Tacoma with <i>Marisol</i>.</v>\n"
    "\n"
    "2\n"
    "00:00:05.000 --> 00:00:07.500\n"
    "<v.loud Dr. Okafor>How was the drive, Dana?\n"
    "THERAPIST: Long.\n"
)
SRT = (
    "1\n00:00:01,000 --> 00:00:04,000\nDANA: Hi, I drove in from Tacoma.\n\n"
    "2\n00:00:05,000 --> 00:00:07,500 X1:10 X2:20 Y1:5 Y2:6\n<i>Marisol Vega</i> said hi to Dana Whitfield.\n"
)
FIXED_LINES = ("WEBVTT", "Kind:", "NOTE", "STYLE", "::cue", "intro", "00:", "1", "2")


def _variants(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.replace("\n", "\r\n").encode("utf-8"),
            b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16"),
            text.replace("Dana", "D\u00e1na").encode("cp1252")]


def assert_outside_spans_identical(original: str, output: str, spans: list[tuple[int, int, str]]) -> None:
    """Every character outside the editable spans appears in the output, in order, unchanged."""
    gaps, pos = [], 0
    for s, e, _ in spans:
        gaps.append(original[pos:s])
        pos = e
    gaps.append(original[pos:])
    assert output.startswith(gaps[0]) and output.endswith(gaps[-1])
    at = len(gaps[0])
    for gap in gaps[1:-1]:
        found = output.find(gap, at)
        assert found != -1
        at = found + len(gap)


@pytest.mark.parametrize("name,text", [("t.vtt", VTT), ("t.srt", SRT)])
@pytest.mark.parametrize("variant", range(5))
def test_subtitles_round_trip_without_changes_is_byte_identical(tmp_path, name, text, variant):
    raw = _variants(text)[variant]
    src = tmp_path / name
    src.write_bytes(raw)
    fmt = format_for(src)
    doc = fmt.read(src, name, "c")[0]
    dest = tmp_path / "out" / name
    fmt.write([doc], [[doc.text[s:e] for s, e in doc.layout.spans]], dest)
    assert dest.read_bytes() == raw


@pytest.mark.slow
@pytest.mark.parametrize("name,text", [("t.vtt", VTT), ("t.srt", SRT)])
def test_subtitles_only_cue_text_changes_with_the_engine(tmp_path, engine, name, text):
    raw = text.replace("\n", "\r\n")
    src = tmp_path / name
    src.write_bytes(raw.encode("utf-8"))
    fmt = format_for(src)
    doc = fmt.read(src, name, "c")[0]
    mentions = engine.detect([doc])[0]
    new = rewrite_output(engine.replace, doc, mentions)
    dest = tmp_path / "out" / name
    fmt.write([doc], [new], dest)
    out = dest.read_bytes().decode("utf-8")
    for a, b in zip(raw.split("\r\n"), out.split("\r\n")):
        if a.startswith(FIXED_LINES) and not a.startswith(("WEBVTT -", "NOTE ")):
            assert a == b
    assert raw.count("\r\n") == out.count("\r\n")
    assert_outside_spans_identical(raw, out, editable_spans(raw, name.endswith(".vtt")))
    for name_part in ("Whitfield", "Marisol", "Tacoma"):
        assert name_part not in out


def test_vtt_voice_name_is_shown_to_recognizers_as_a_speaker_prefix(tmp_path):
    src = tmp_path / "t.vtt"
    src.write_text(VTT)
    doc = format_for(src).read(src, "t.vtt", "c")[0]
    assert "Dana Whitfield: Hi, I drove in from Tacoma with Marisol." in doc.text
    assert "Dr. Okafor: How was the drive" in doc.text
    assert "-->" not in doc.text and "<i>" not in doc.text and "::cue" not in doc.text


def test_vtt_note_keyword_and_voice_tag_survive_replacement(tmp_path):
    src = tmp_path / "t.vtt"
    src.write_text(VTT)
    fmt = format_for(src)
    doc = fmt.read(src, "t.vtt", "c")[0]
    pieces = ["X" * (e - s) if "Dana" in doc.text[s:e] or "Marisol" in doc.text[s:e] else doc.text[s:e]
              for s, e in doc.layout.spans]
    out = fmt.render(doc, pieces)
    assert "NOTE " in out and "<v XXXXXXXXXXXXXX>Hi" in out and "<i>XXXXXXX</i>" in out
    assert "Dana" not in out and "Marisol" not in out


def test_mention_across_pieces_gets_one_surrogate_in_the_first_piece(tmp_path):
    src = tmp_path / "t.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\nI saw <b>Dana</b> Whitfield today\n")
    fmt = format_for(src)
    doc = fmt.read(src, "t.srt", "c")[0]
    start = doc.text.index("Dana")
    from deid.model import Mention

    m = Mention(start, start + len("Dana Whitfield"), "PERSON", 1.0, "test", "Dana Whitfield")
    new = rewrite_output(lambda d, ms: d.text[:ms[0].start] + "<P>" + d.text[ms[0].end:], doc, [m])
    assert fmt.render(doc, new).endswith("I saw <b><P></b> today\n")


@pytest.mark.parametrize("text", [VTT, SRT])
def test_subtitle_cue_text_matches_the_reference_parsers(tmp_path, text):
    """Our cue text equals what webvtt-py / srt parse as the caption text (tags aside)."""
    is_vtt = text.startswith("WEBVTT")
    spans = editable_spans(text, is_vtt)
    ours = [text[s:e] for s, e, g in spans]
    if is_vtt:
        path = tmp_path / "t.vtt"
        path.write_text(text)
        theirs = [c.text for c in webvtt.read(str(path))]
    else:
        theirs = [s.content for s in srt.parse(text)]
    joined = " ".join(ours)
    for cue in theirs:
        for word in re.sub(r"<[^>]*>", " ", cue).split():
            assert word.strip(".,?") in joined
