"""Term lists (allow-list, roster) from profiles: inline terms and files, normalised."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from deid.config import CONFIG_DIR, ListSource
from deid.errors import ConfigError
from recognizers.memo import WORD_MEMO_MAX

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$", re.IGNORECASE)


@lru_cache(maxsize=WORD_MEMO_MAX)  # a pure function of the text, asked ~1,300 times per document
def normalise_term(term: str) -> str:
    """Lower-case, collapse spaces and drop a possessive ending."""
    t = " ".join(term.split()).lower()
    return _POSSESSIVE.sub("", t)


def _resolve(path: str) -> Path:
    p = Path(path).expanduser()
    if p.exists():
        return p
    cand = CONFIG_DIR / path
    if cand.exists():
        return cand
    raise ConfigError(f"list file not found: {path}")


def read_term_file(path: str | Path) -> list[str]:
    """Read terms from a text file (one per line, # comments) or a CSV (every cell)."""
    p = _resolve(str(path))
    terms: list[str] = []
    if p.suffix.lower() in (".csv", ".tsv"):
        delim = "\t" if p.suffix.lower() == ".tsv" else ","
        with p.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh, delimiter=delim):
                terms.extend(c.strip() for c in row if c.strip() and not c.strip().startswith("#"))
        return terms
    for line in p.read_text(encoding="utf-8-sig").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(line)
    return terms


def load_terms(source: ListSource) -> list[str]:
    """All terms of a list source: inline terms then file contents."""
    terms = list(source.terms)
    for f in source.files:
        terms.extend(read_term_file(f))
    return terms
