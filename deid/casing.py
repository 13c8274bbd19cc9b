"""NER name spans that cased text shows are not names: lower-case words and greetings.

In text typed with capitals, spaCy still tags lower-case words of another language ("más o
menos", "que en paz descanse") and greetings before a name ("Salaam, Yasmin", "Habari Wanjiru")
as people, places or organisations. A document is cased when a fair share of its words start
with a capital (lower-case speech-to-text has almost none); there, an NER span whose words are
all lower case on a line that has capitals is dropped unless a name lexicon knows each of its
words as an unambiguous name (or, for a place, a gazetteer town), and greetings (``configs/names/greetings.txt``) are cut off the
front of NER spans. Rule-based recognizers, the roster and lower-case transcripts are untouched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from deid.model import Mention

GREETINGS_FILE = Path(__file__).resolve().parent.parent / "configs" / "names" / "greetings.txt"
CASED_SHARE = 0.05  # share of (not all-caps) words starting with a capital above which text is cased
NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "NRP", "GPE", "FAC"})
_WORD = re.compile(r"[^\W\d_]{2,}")
_LEAD = re.compile(r"([^\W\d_]+)[\s,!.;:/]+(?=\S)")


@lru_cache(maxsize=4)
def load_greetings(path: str = str(GREETINGS_FILE)) -> frozenset[str]:
    """Greeting words, lower case (one per line; # comments)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def is_cased(text: str) -> bool:
    """True when enough words start with a capital for lower case to mean 'not a name'."""
    words = [w for w in _WORD.findall(text) if not w.isupper()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= CASED_SHARE


def _line_has_capital(text: str, start: int, end: int) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls:start] + " " + text[end:le if le != -1 else len(text)]
    return any(w[0].isupper() and not w.isupper() for w in _WORD.findall(line))


def _known_name(words: list[str], lexicon: Any) -> bool:
    """True when every word is a name the lexicon knows and no common word ("hey tobin" quoted)."""
    return all(lexicon.kind(w) and not lexicon.is_ambiguous(w) for w in words)


def _known_place(words: list[str]) -> bool:
    """True when a word is a gazetteer place that is no common word ("montreal lake" typed in a chat)."""
    from recognizers.gazetteer_recognizer import common_words, fold, gazetteer

    places, common = gazetteer()[0], common_words()
    return any(fold(w) in places and fold(w) not in common for w in words)


def drop_uncased(text: str, mentions: Iterable[Mention], lexicon: Any,
                 greetings: frozenset[str]) -> list[Mention]:
    """NER name mentions without leading greetings, and without lower-case ones in cased text."""
    ms = list(mentions)
    if not ms or not is_cased(text):
        return ms
    out: list[Mention] = []
    for m in ms:
        if "Spacy" not in m.recognizer or m.entity_type not in NAME_TYPES:
            out.append(m)
            continue
        cut = 0
        while (g := _LEAD.match(m.text, cut)) and g.group(1).lower() in greetings:
            cut = g.end()
        words = _WORD.findall(m.text[cut:])
        if words and words[0].lower() in greetings and len(words) == 1:
            continue  # the whole span is a greeting ("Salaam")
        if words and all(w.islower() for w in words) and _line_has_capital(text, m.start, m.end) \
                and not _known_name(words, lexicon) and not (m.entity_type != "PERSON" and _known_place(words)):
            continue
        if cut:
            s = m.start + cut
            m = Mention(s, m.end, m.entity_type, m.score, m.recognizer, text[s:m.end])
        out.append(m)
    return out
