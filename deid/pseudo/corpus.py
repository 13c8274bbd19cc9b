"""Words of the whole corpus, read before any surrogate is chosen, so none is a real name.

Phase 2 assigns surrogates batch by batch; a name found only in a later batch (or a later case)
could otherwise already be some earlier entity's surrogate. Detection is the expensive step, so
instead of detecting the corpus twice, a cheap first pass puts every word of every document, and
every run of words that starts and ends with a capital ('Maple Ridge High School'), into a
fixed-size Bloom filter. A surrogate candidate found in it is rejected: every real name a later
batch can find is a word (or capitalised phrase) of the corpus, so none can equal a surrogate.

The filter is a superset test: a false positive only rejects a candidate that was free, which
costs one more draw. Its size is fixed (``BITS``), so memory does not grow with the corpus; hashes
are keyed by the run's secret and nothing of the text is kept.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from deid.pseudo.keys import canonical_form

BITS = 1 << 25  # 4 MiB: about 2% false positives at 3 million distinct entries (a power of two)
_MASK = BITS - 1  # p % BITS
HASHES = 4
MAX_PHRASE = 6  # words in the longest capitalised run kept ('St Cuthbert's Hospital of the North')
_WORD = re.compile(r"[^\W_]+")
_LINE = re.compile(r"[^\n]+")
_HASHERS: dict[bytes, Any] = {}  # salt -> keyed blake2b state to copy


@dataclass
class CorpusWords:
    """A Bloom filter of the canonical words and capitalised phrases of a corpus."""

    salt: bytes = field(repr=False)
    bits: bytearray = field(default_factory=lambda: bytearray(BITS // 8), repr=False)
    entries: int = 0

    def _hasher(self) -> Any:
        """The keyed blake2b state, made once: copying it skips re-hashing the key block."""
        base = _HASHERS.get(self.salt)
        if base is None:
            base = _HASHERS[self.salt] = hashlib.blake2b(digest_size=16, key=self.salt[:64])
        return base

    def _positions(self, canonical: str) -> list[int]:
        """HASHES bit positions by double hashing one keyed 128-bit digest."""
        h = self._hasher().copy()
        h.update(canonical.encode("utf-8"))
        d = int.from_bytes(h.digest(), "big")
        h1, h2 = d >> 64, (d & 0xFFFFFFFFFFFFFFFF) | 1
        return [(h1 + i * h2) & _MASK for i in range(HASHES)]

    def _add_all(self, canonicals: Iterable[str]) -> None:
        """Set the bits of many entries (the loop of _positions, inlined)."""
        bits, base, n = self.bits, self._hasher(), 0
        for canonical in canonicals:
            h = base.copy()
            h.update(canonical.encode("utf-8"))
            d = int.from_bytes(h.digest(), "big")
            h1, h2 = d >> 64, (d & 0xFFFFFFFFFFFFFFFF) | 1
            for i in range(HASHES):
                p = (h1 + i * h2) & _MASK
                bits[p >> 3] |= 1 << (p & 7)
            n += 1
        self.entries += n

    def _add(self, canonical: str) -> None:
        self._add_all((canonical,))

    def __contains__(self, text: str) -> bool:
        canonical = canonical_form(text)
        if not canonical:
            return False
        return all(self.bits[p >> 3] & (1 << (p & 7)) for p in self._positions(canonical))

    def add_text(self, text: str) -> None:
        """Add every word and every capitalised run of up to MAX_PHRASE words of one text."""
        seen: set[str] = set()
        for line in _LINE.finditer(text):
            words = _WORD.findall(line.group(0))
            low = [w.lower() for w in words]
            seen.update(low)
            caps = [w[:1].isupper() or w[:1].isdigit() for w in words]
            for i, cap in enumerate(caps):
                if not cap:
                    continue
                for j in range(i + 1, min(len(words), i + MAX_PHRASE)):
                    if caps[j]:
                        seen.add(" ".join(low[i:j + 1]))
        # lower-case words joined by spaces: already canonical when ASCII
        self._add_all(e if e.isascii() else canonical_form(e) for e in seen)

    def add_texts(self, texts: Iterable[str]) -> None:
        """add_text for each text."""
        for t in texts:
            self.add_text(t)
