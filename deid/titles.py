"""Titles before a name are not part of it: "Dr. Okafor" is detected as "Okafor"; nor are
credentials after it ("Dr Ada Obi MBBS MRCPsych" -> "Ada Obi").

A title identifies no one and the rewrite keeps the text around a mention, so "Dr. Okafor"
becomes "Dr. Lopez" (realistic), "Dr. [PERSON_2]" (tag) or "Dr. [REDACTED]" in every style, and
"Dr" is never counted as a removed word. Only titles that are never given names are cut: the
strong honorifics (Mr, Dr, Pastor, Sheikh...) and the other honorifics no name lexicon knows
(Uncle, Auntie, Grandma); "Nana Mensah" or "Lola Reyes" keep their first word (recall first).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from deid.model import Mention
from recognizers.name_cue_recognizer import CREDENTIALS

_SAINTS = frozenset({"st", "saint"})  # "St Brendan's" is a name of its own (schools, churches)
_TITLE = re.compile(r"([^\W\d_]+)\.?[ \t]+(?=[^\W_])")
_CREDENTIALS_AFTER = re.compile(rf"(?:,?[ \t]+{CREDENTIALS}\.?)+$")


def detachable_titles(cues: Any, kind: Any) -> frozenset[str]:
    """Strong honorifics plus honorifics unknown to the name lexicon (``kind(word) == 0``)."""
    titles = set(cues.strong_honorifics) | {h for h in cues.honorifics if not kind(h)}
    return frozenset(titles - _SAINTS)


def drop_titles(text: str, mentions: Iterable[Mention], titles: frozenset[str]) -> list[Mention]:
    """PERSON mentions without a leading title ("Mrs Quill" -> "Quill") or trailing credentials
    ("Quill LMHC"); a bare title is kept."""
    out: list[Mention] = []
    for m in mentions:
        if (m.entity_type == "PERSON" and not m.text.isupper()  # "WEI MA" in capitals may be a surname
                and (c := _CREDENTIALS_AFTER.search(m.text)) and c.start()):
            e = m.start + c.start()
            m = Mention(m.start, e, m.entity_type, m.score, m.recognizer, text[m.start:e])
        cut = 0
        while titles and m.entity_type == "PERSON":
            t = _TITLE.match(m.text, cut)
            if not t or t.group(1).lower() not in titles:
                break
            cut = t.end()
        if cut:
            s = m.start + cut
            m = Mention(s, m.end, m.entity_type, m.score, m.recognizer, text[s:m.end])
        out.append(m)
    return out
