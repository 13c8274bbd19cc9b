"""Drop PERSON mentions made only of ordinary words ("Mm-hmm", "You're", "I-I", "Absolutely").

Transcripts are full of fillers, contractions and stutters that NER and cue rules can take for
names; propagation then spreads them through the document. A word counts as ordinary when no
name lexicon knows it and it is a common English word, a stop word, or a clitic form of one.
Mentions from the roster and from strong-context recognizers are never dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deid.model import Mention

_PARTS = re.compile(r"[^\W\d_]+")
_CLITIC = frozenset("s m re ll ve d t nt".split())
# Pronouns, auxiliaries and fillers: never a name on their own, whatever a name list says.
_NEVER = frozenset("""i you he she it we they me him her us them my your his its our their this that
am is are was were be been do does did have has had so well oh ah uh um umm hmm mm mhm yeah yep yup
nope okay ok right sure yes no not and but or if then just like really very""".split())


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], object, frozenset[str]]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from recognizers.name_data import load_common_words, load_lexicon

    return frozenset(load_common_words()), load_lexicon(), frozenset(STOP_WORDS)


def is_ordinary(text: str) -> bool:
    """True when every letter run of text is a clitic or an ordinary word no lexicon lists as a name."""
    common, lexicon, stop = _words()
    parts = [p.lower() for p in _PARTS.findall(text.replace("’", "'"))]
    if not parts:
        return False
    for i, p in enumerate(parts):
        if i and p in _CLITIC:
            continue
        if p in _NEVER or (p in stop and not lexicon.kind(p) & 1):  # type: ignore[attr-defined]
            continue
        if lexicon.kind(p) or p not in common:  # type: ignore[attr-defined]
            return False
    return True


def drop_ordinary_names(mentions: list[Mention], exempt: frozenset[str], entity: str = "PERSON") -> list[Mention]:
    """Remove PERSON mentions whose words are all ordinary (roster and exempt recognizers kept)."""
    return [m for m in mentions
            if m.entity_type != entity or m.recognizer.startswith("Roster") or m.recognizer in exempt
            or not is_ordinary(m.text)]
