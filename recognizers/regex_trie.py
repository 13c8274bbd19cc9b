"""A regex alternation of many literal words as a trie: same matches, a fraction of the time.

Python's regex engines try each alternative of ``a|b|c...`` in turn at every position, so a
list of a few thousand terms is slow. Factoring shared prefixes (``nurse(?:[ ]practitioner)?``)
lets a position fail after one character. Longer words are still tried before their prefixes
(the optional tail is greedy), which is what a longest-first alternation does, so the matches
are the same. The words must be given in the case they are matched in: lower case for a regex
compiled with IGNORECASE.
"""

from __future__ import annotations

import re
from typing import Iterable

_SEP = "\x00"


def trie_alternation(words: Iterable[str], space: str | None = None) -> str:
    """Regex source matching any of ``words`` (literal); a space in a word matches ``space`` if given."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in (word.replace(" ", _SEP) if space is not None else word):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie, space)


def _emit(node: dict[str, dict], space: str | None) -> str:
    alts = [(space if ch == _SEP and space is not None else re.escape(ch)) + _emit(node[ch], space)
            for ch in sorted(k for k in node if k)]
    if not alts:
        return ""
    end = "" in node
    if len(alts) == 1 and not end:
        return alts[0]
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if end else body
