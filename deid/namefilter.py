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


def is_ordinary(text: str, sentence_start: bool = True, trust_caps: bool = False) -> bool:
    """True when every letter run of text is a filler, clitic or ordinary word no lexicon lists as a name.

    Upper-case runs of up to three letters are initials, never ordinary. A capitalised common word
    counts as ordinary only at the start of a sentence or utterance (where fillers stand), never
    when NER tagged it (trust_caps) or it takes a possessive ("Mere's").
    """
    common, lexicon, stop = _words()
    parts = _PARTS.findall(text.replace("’", "'"))
    if not parts:
        return False
    for i, raw in enumerate(parts):
        p = raw.lower()
        if i and p in _CLITIC:
            continue
        if raw.isupper() and len(raw) <= 3 and p not in _NEVER:
            return False
        if p in _NEVER or (p in stop and not lexicon.kind(p) & 1):  # type: ignore[attr-defined]
            continue
        if lexicon.kind(p) or p not in common:  # type: ignore[attr-defined]
            return False
        if raw[:1].isupper() and (trust_caps or not (sentence_start or i)):
            return False
        if raw[:1].isupper() and i + 1 < len(parts) and parts[i + 1].lower() == "s":
            return False
    return True


def _at_sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or brackets separate start from a line or sentence end."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([>*-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def drop_ordinary_names(text: str, mentions: list[Mention], exempt: frozenset[str],
                        entity: str = "PERSON") -> list[Mention]:
    """Remove PERSON mentions whose words are all ordinary (roster and exempt recognizers kept)."""
    return [m for m in mentions
            if m.entity_type != entity or m.recognizer.startswith("Roster") or m.recognizer in exempt
            or not is_ordinary(m.text, _at_sentence_start(text, m.start), "Spacy" in m.recognizer)]
