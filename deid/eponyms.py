"""Eponym context: a name followed by a method/test/syndrome noun, or cited, is not a person here.

"Shapiro's standard protocol", "Beck Anxiety Inventory", "Kübler-Ross stages", "Shapiro (2018)".
Only mentions from recognizers without strong name context are dropped.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from deid.model import Mention

_AFTER = re.compile(r"(?:['’]s?)?((?:[ \t-]+[\w'’-]+){1,4})")
_VERBS = frozenset("""said says told tells asked asks thinks thought feels felt wants wanted reported reports
noted notes described describes explained explains agreed agrees suggested suggests used uses""".split())
_CITATION = re.compile(r"(?:['’]s?)?(?:[ \t]*\((?:\d{4}|n\.d\.)[a-z]?[,;)]|[ \t]+et al\b|,[ \t]*\d{4}\b|[ \t]+\(\d{4}\))")


def is_eponym(text: str, m: Mention, nouns: frozenset[str]) -> bool:
    """True when the words right after a mention make it a method/test/syndrome or a citation."""
    if _CITATION.match(text, m.end):
        return True
    after = _AFTER.match(text, m.end)
    if not after:
        return False
    for w in re.split(r"[ \t-]+", after.group(1).strip()):
        w = w.lower().strip("'’")
        if w in nouns:
            return True
        if (w in STOP_WORDS and w not in ("and", "of")) or w in _VERBS:
            return False  # "Brisco said the protocol...": the name is the subject, not a method
    return False


def drop_eponyms(text: str, mentions: list[Mention], nouns: frozenset[str],
                 keep_from: frozenset[str] = frozenset(), entity: str = "PERSON") -> list[Mention]:
    """Remove PERSON mentions used as eponyms, unless a strong-context recognizer made them."""
    out = []
    for m in mentions:
        if (m.entity_type == entity and m.recognizer not in keep_from
                and not m.recognizer.startswith("Roster") and is_eponym(text, m, nouns)):
            continue
        out.append(m)
    return out
