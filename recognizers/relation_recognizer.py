"""Relation-anchored names: "my sister Priya", "her stepdad Gary", "his wife, Ana,", "Priya, my sister"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.name_context import WORD, ContextNameRecognizer, NameCues, alternation, cues_for, lower_name_ok

if TYPE_CHECKING:
    from deid.config import Profile

_CAP = rf"(?<![\w'’-])(?=[A-ZÀ-ÖØ-Þ]){WORD}"
_INITIAL = r"[A-Z]\.(?:-?[A-Z]\.)*"
_MODS = ("late dear little big older younger elder new old former best step other oldest youngest eldest "
         "only twin baby own favourite favorite current real biological adoptive foster beloved").split()
# Capitalised words that follow a relation word but are not names.
NOT_NAMES = frozenset("""i i'm i've i'd i'll the a an and or but of in on at to for from with by as it is
was this that he she they we you my his her our their yeah yes no nope okay ok well so because like um
uh oh anyway honestly maybe actually right just then now also though still even when while if who
what where why how said says told asked always never sometimes later today tomorrow yesterday
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
saturdays sundays christmas easter thanksgiving""".split())
_BAD_POS = frozenset({"ADV", "ADJ", "VERB", "AUX", "SCONJ", "CCONJ", "INTJ", "DET", "PRON", "ADP", "NUM", "PART"})


def _pos(nlp_artifacts: NlpArtifacts | None, start: int, end: int) -> str | None:
    doc = getattr(nlp_artifacts, "tokens", None)
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return span[0].pos_ if span is not None and len(span) else None


class RelationRecognizer(ContextNameRecognizer):
    """Names anchored by a relation word before ("my son Theo") or after ("Theo, my son")."""

    def __init__(self, cues: NameCues, language: str = "en", score: float = 0.75) -> None:
        self.score = score
        rel = rf"(?:(?:{alternation(cues.relation_openers)})[ \t]+)?(?:(?:{alternation(_MODS)})[ \t]+){{0,2}}" \
              rf"(?P<rel>{alternation(cues.relations)})"
        name = rf"(?P<name>(?:{_INITIAL}|{WORD})(?:[ \t]+(?:{_INITIAL}|{_CAP})){{0,2}})"
        self._fwd = re.compile(rf"(?<![\w'’-])(?i:{rel})(?P<sep>[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+){name}")
        self._back = re.compile(
            rf"(?P<name>{_CAP}(?:[ \t]+{_CAP})?)(?:[ \t]*\(\d{{1,3}}\))?[ \t]*(?:,|\(|[-–—])[ \t]*"
            rf"(?i:(?:{alternation(cues.relation_openers)})[ \t]+(?:(?:{alternation(_MODS)})[ \t]+){{0,2}}"
            rf"(?:{alternation(cues.relations)}))(?![\w'’-])")
        super().__init__(cues, name="RelationRecognizer", language=language)

    def _words(self, text: str, start: int, end: int, nlp_artifacts: NlpArtifacts | None,
               loose: bool) -> tuple[int, int] | None:
        """Trim a candidate to its name words; loose=True checks spaCy's part of speech too."""
        words = [(start + w.start(), start + w.end()) for w in re.finditer(r"\S+", text[start:end])]
        kept: list[tuple[int, int]] = []
        for i, (s, e) in enumerate(words):
            w = text[s:e]
            if w.lower() in NOT_NAMES or w.lower() in self.cues.relations:
                break
            if not w[0].isupper():
                if i == 0 and lower_name_ok(nlp_artifacts, s, e, first_names_only=True):
                    kept.append((s, e))
                break
            if loose and _pos(nlp_artifacts, s, e) in _BAD_POS:
                break
            kept.append((s, e))
        if not kept:
            return None
        return kept[0][0], kept[-1][1]

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        """Yield names next to relation words."""
        for m in self._fwd.finditer(text):
            loose = "," in m.group("sep") or not m.group("rel")[0].islower()
            opened = m.start("rel") > m.start()
            first = text[m.start("name"):m.end("name")].split()[0]
            if not opened and ("," in m.group("sep") or first.isupper() and len(first) > 2):
                continue  # "Psychologist, MAPS": no opener, so no apposition
            span = self._words(text, m.start("name"), m.end("name"), nlp_artifacts, loose)
            if span:
                yield span[0], span[1], self.score
        for m in self._back.finditer(text):
            span = self._words(text, m.start("name"), m.end("name"), nlp_artifacts, True)
            if span:
                yield span[0], span[1], self.score


def create(profile: "Profile") -> RelationRecognizer:
    """Factory used by the registry."""
    return RelationRecognizer(cues_for(profile), language=profile.detection.language)
