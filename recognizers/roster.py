"""Client roster (deny-list): names the therapist knows are in the material, always removed.

Every variant of each roster name is PERSON at score 1.0: the full name, each part, initials
("D.W.", "D. W.", "DW"), initial + surname ("D. Whitfield"), possessives (the name before 's),
honorific + surname (the surname), nicknames both ways (the ``nicknames`` package) and
one-edit misspellings (Damerau-Levenshtein, ``rapidfuzz``) of parts with five letters or more.
The recognizer's name starts with "Roster", so the allow-list never drops its matches.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.name_data import fold, load_common_words, load_lexicon
from recognizers.name_lexicon import RELATIONS, STRONG_BEFORE

if TYPE_CHECKING:
    from deid.config import ListSource, Profile

NAME_COLUMNS = ("name", "full name", "full_name", "client", "person")
ALIAS_COLUMNS = ("nickname", "nicknames", "alias", "aliases", "also known as", "aka")
FUZZY_MIN = 5
# Tags a lower-case common word has when it is used as an ordinary word ("i may go").
WORD_POS = frozenset({"AUX", "VERB", "ADP", "DET", "PART", "PRON", "CCONJ", "SCONJ", "ADV", "ADJ",
                      "NUM", "INTJ"})
_WORD_RE = re.compile(r"[^\W\d_]+")
_SPLIT = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Roster:
    """The names of a roster: full names, parts, aliases and the derived variants to match."""

    people: tuple[tuple[str, ...], ...]   # each name or alias: its parts as written


def read_roster_file(path: str | Path) -> list[list[str]]:
    """People in a roster file: CSV/TSV with a name column (others ignored) or text lines."""
    from deid.errors import ConfigError
    from deid.lists import _resolve

    p = _resolve(str(path))
    try:
        return _read_roster(p)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:  # message names no roster content
        raise ConfigError(f"cannot read roster file {p.name}: {type(exc).__name__}") from None


def _read_roster(p: Path) -> list[list[str]]:
    if p.suffix.lower() not in (".csv", ".tsv"):
        lines = p.read_text(encoding="utf-8-sig").splitlines()
        return [[ln.split("#", 1)[0].strip()] for ln in lines if ln.split("#", 1)[0].strip()]
    delim = "\t" if p.suffix.lower() == ".tsv" else ","
    with p.open(encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter=delim) if any(c.strip() for c in r)]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    alias_cols = [i for i, h in enumerate(header) if h in ALIAS_COLUMNS]
    name_cols = [i for i, h in enumerate(header)
                 if (h in NAME_COLUMNS or h.endswith("name")) and i not in alias_cols]
    if not name_cols:  # no header: the first column is the name
        return [[r[0].strip()] for r in rows if r and r[0].strip() and not r[0].startswith("#")]
    people = []
    for r in rows[1:]:
        names = [r[i].strip() for i in name_cols if i < len(r) and r[i].strip()]
        if not names:
            continue
        full = " ".join(names) if len(name_cols) > 1 and all(
            header[i] in ("first name", "first_name", "last name", "last_name", "surname")
            for i in name_cols) else names[0]
        extra = [a.strip() for i in alias_cols if i < len(r) for a in re.split(r"[;|/]", r[i])]
        people.append([full] + [n for n in names if n != full] + [a for a in extra if a])
    return people


def load_roster(source: "ListSource") -> Roster:
    """Parse inline terms (one person each) and roster files into a Roster."""
    entries: list[list[str]] = [[t] for t in source.terms if t.strip()]
    for f in source.files:
        entries.extend(read_roster_file(f))
    people: list[tuple[str, ...]] = []
    for entry in entries:
        for name in entry:
            parts = tuple(p for p in _SPLIT.split(name.strip()) if p)
            if parts:
                people.append(parts)
    return Roster(people=tuple(people))


def _strip_dot(part: str) -> str:
    return part.rstrip(".")


def nickname_variants(token: str) -> set[str]:
    """Nicknames of a name and the names a nickname is short for (``nicknames`` package)."""
    nn = _nick_namer()
    t = fold(token)
    return set(nn.nicknames_of(t)) | set(nn.canonicals_of(t))


@lru_cache(maxsize=1)
def _nick_namer():  # type: ignore[no-untyped-def]
    from nicknames import NickNamer

    return NickNamer()


def initials_patterns(parts: tuple[str, ...]) -> list[str]:
    """Regexes for initials of a multi-part name: D.W., D. W., DW, D. Whitfield."""
    words = [_strip_dot(p) for p in parts if _strip_dot(p)]
    if len(words) < 2:
        return []
    letters = [re.escape(w[0].upper()) for w in (words[0], words[-1])]
    dotted = r"\.\s?".join(letters) + r"\.?"
    pats = [dotted, "".join(letters)]
    if len(words) > 2:
        all_l = [re.escape(w[0].upper()) for w in words]
        pats += [r"\.\s?".join(all_l) + r"\.?", "".join(all_l)]
    pats.append(letters[0] + r"\.\s?" + re.escape(words[-1]))
    return pats


class RosterRecognizer(EntityRecognizer):
    """PERSON at score 1.0 for every variant of every roster name; beats the allow-list."""

    SCORE = 1.0

    def __init__(self, roster: Roster, supported_language: str = "en") -> None:
        """Precompile the variant patterns of a roster."""
        self.roster = roster
        super().__init__(supported_entities=["PERSON"], name="RosterRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        """Compile exact variants (one regex), case-sensitive initials and the fuzzy index."""
        common = load_common_words()
        lex = load_lexicon()
        exact: set[str] = set()
        derived: set[str] = set()
        initials: list[str] = []
        self.fuzzy: dict[int, set[str]] = {}
        for parts in self.roster.people:
            words = [_strip_dot(p) for p in parts if len(_strip_dot(p)) >= 2]
            if len(parts) > 1:
                exact.add(" ".join(parts))
                exact.add(" ".join(words))
                initials += initials_patterns(parts)
            for w in words:
                exact.add(w)
                for sub in re.split(r"[-'’]", w):
                    if len(sub) >= 2:
                        exact.add(sub)
                if len(w) >= FUZZY_MIN:
                    self.fuzzy.setdefault(len(w), set()).add(fold(w))
            if words:
                derived.update(nickname_variants(words[0]))
        written = {fold(e) for e in exact}
        derived = {d for d in derived if d not in written}
        exact = {e for e in exact | derived if e.strip()}

        def is_common(e: str) -> bool:
            f = fold(e)
            return " " not in e and (f in lex.ambiguous or (f in common and not lex.kind(f)))

        # Common words ("will", "may", "hope"): written ones count lower-case unless tagged as a
        # plain word; derived nicknames that are common words count only capitalised.
        self.common = frozenset(fold(e) for e in exact if is_common(e))
        self.derived_common = frozenset(d for d in derived if is_common(d))
        self.common_words = common
        self.lexicon = lex
        alts = sorted((re.escape(e).replace(r"\ ", r"\s+") for e in exact), key=len, reverse=True)
        self.exact_re = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])",
                                   re.IGNORECASE) if alts else None
        self.initials_re = re.compile(r"(?<![\w.])(?:" + "|".join(sorted(set(initials), key=len, reverse=True))
                                      + r")(?![\w])") if initials else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Every roster variant in the text."""
        if "PERSON" not in entities:
            return []
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        spans: list[tuple[int, int]] = []
        if self.exact_re is not None:
            for m in self.exact_re.finditer(text):
                if self._keep_exact(m.group(0), m.start(), doc):
                    spans.append((m.start(), m.end()))
        if self.initials_re is not None:
            spans.extend((m.start(), m.end()) for m in self.initials_re.finditer(text))
        spans.extend(self._fuzzy(text))
        return [RecognizerResult("PERSON", s, e, self.SCORE, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}) for s, e in sorted(set(spans))]

    def _keep_exact(self, found: str, start: int, doc: object) -> bool:
        """A lower-case common word counts unless the tagger and context say it is a plain word.

        Written roster words ("may") count unless tagged as a function word or verb; nicknames
        derived from the roster ("bill" for William) count lower-case only when tagged PROPN.
        Either counts after "told", "my sister" and the like.
        """
        key = fold(found)
        if key not in self.common or not found.islower():
            return True
        if doc is None:
            return key not in self.derived_common
        span = doc.char_span(start, start + len(found), alignment_mode="expand")  # type: ignore[attr-defined]
        if span is None or len(span) != 1:
            return key not in self.derived_common
        tok = span[0]
        prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if prev in STRONG_BEFORE or prev in RELATIONS:
            return True
        if key in self.derived_common:
            return tok.pos_ == "PROPN"
        return tok.pos_ not in WORD_POS

    def _fuzzy(self, text: str) -> Iterable[tuple[int, int]]:
        """Word tokens one edit away from a roster part of five letters or more."""
        if not self.fuzzy:
            return []
        from rapidfuzz.distance import DamerauLevenshtein

        out = []
        for m in _WORD_RE.finditer(text):
            w = fold(m.group(0))
            if len(w) < FUZZY_MIN - 1:
                continue
            if w in self.common_words and not (self.lexicon.kind(w) and not self.lexicon.is_ambiguous(w)):
                continue  # an ordinary word one letter off a name stays ("hates" vs "Hayes")
            for n in (len(w) - 1, len(w), len(w) + 1):
                if any(DamerauLevenshtein.distance(w, t, score_cutoff=1) <= 1 for t in self.fuzzy.get(n, ())):
                    out.append((m.start(), m.end()))
                    break
        return out


def create(profile: "Profile") -> list[RosterRecognizer]:
    """Registry factory: one recognizer when the profile has a roster, none otherwise."""
    roster = load_roster(profile.detection.roster)
    if not roster.people:
        return []
    return [RosterRecognizer(roster, supported_language=profile.detection.language)]
