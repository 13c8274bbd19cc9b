"""Context-word lists for the pattern recognizers, read once from ``data/detect_cues.yaml``.

Lists are data, not code: ``cue_words("holiday_cues")`` returns the words of one list and
``cue_regex("holiday_cues")`` a case-insensitive alternation of them (spaces match any run of
whitespace), longest first.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from recognizers.regex_trie import trie_alternation

CUES_FILE = Path(__file__).parent / "data" / "detect_cues.yaml"


@lru_cache(maxsize=1)
def _all() -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")) or {}
    for key, words in data.items():
        if not all(isinstance(w, str) for w in words):  # YAML reads a bare on/off/yes as a bool
            raise ValueError(f"{CUES_FILE.name}: list '{key}' holds a non-string; quote it")
    return {k: tuple(v) for k, v in data.items()}


def cue_words(name: str) -> tuple[str, ...]:
    """The words of one list (KeyError for an unknown list: a typo is a bug, not an empty list)."""
    return _all()[name]


@lru_cache(maxsize=None)
def cue_regex(name: str) -> str:
    """A case-insensitive regex alternation of one list's phrases, as a trie (regex_trie.py)."""
    return "(?i:" + trie_alternation(sorted({w.lower() for w in cue_words(name)}), space=r"\s+") + ")"


def is_common_word(word: str) -> bool:
    """A common English word form, also as a plural or possessive ("lounges", "alls", "mum's")."""
    from recognizers.name_data import load_common_words

    common = load_common_words()
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w in common or (w.endswith("s") and w[:-1] in common) or (w.endswith("es") and w[:-2] in common)
