"""Word-like first names (Hope, Faith, Summer, May) that only a person can be in context.

NER and the allow-list leave "Hope", "Summer" or "Will" alone as ordinary words, and look-alike
names never spread from the start of a sentence. But a capitalised one followed by a verb only a
person does ("Summer attended alone", "Faith said") or by "and I" ("Hope and I got through") is a
name wherever it stands, and so is one with a surname initial ("Autumn R."), one a note plans for
("Joy to meet individually"), and one addressed at the start of a turn when the same document has it
as a speaker label ("JUNE: ..." and "TOBIN: June, glad you came"). Verbs: ``person_verbs`` in configs/names/context.yaml; candidates: first
names the name lexicon marks as also common words, minus stop words ("She said") and theorists'
surnames ("Beck said").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.name_context import ContextNameRecognizer, NameCues, alternation, cues_for
from deid.propagate import LOOKALIKES
from recognizers.name_data import FIRST, NameLexicon, load_lexicon

if TYPE_CHECKING:
    from deid.config import Profile


# Above spaCy NER's 0.85: Presidio keeps only the higher-scored of two equal spans, and an NER
# "Joy" is later dropped as an ordinary word where this recognizer's context would keep it.
NER_BEATING_SCORE = 0.86
_TIME_WORDS = frozenset("in on by since until till of last next early late mid from before after through".split())


class LookalikeNameRecognizer(ContextNameRecognizer):
    """A capitalised word-like first name directly before a person-only verb or "and I"."""

    def __init__(self, cues: NameCues, exclude: Iterable[str] = (), language: str = "en",
                 score: float = NER_BEATING_SCORE) -> None:
        self.score = score
        self.exclude = frozenset(w.lower() for w in exclude)
        verbs = alternation(sorted(cues.person_verbs)) or r"(?!)"
        plans = alternation(sorted(cues.person_plans)) or r"(?!)"
        self._rx = re.compile(rf"(?<![\w'’-])(?P<name>[A-Z][a-z]{{2,}})(?=[ \t]+(?:and[ \t]+(?:I|me)\b|"
                              rf"(?:{verbs})\b|to[ \t]+(?:{plans})\b))")
        # "Autumn R., Victor L.": a first name with a surname initial is a person.
        self._initial = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]{2,}[ \t]+[A-Z]\.)(?![\w])")
        # "JUNE: ..." then "YAZAN: June, glad you're here": the speaker is spoken to by name.
        self._vocative = re.compile(r"(?m)^[^\S\n]*(?:\[[^\]\n]{1,40}\][ \t]*)?[A-Z][\w .'’-]{0,30}:[ \t]*"
                                    r"(?P<name>[A-Z][a-z]{2,}),[ \t]+(?=[a-z]|I\b)")
        # "That's a heavy thing to carry, Will." - addressed by name at the end of a sentence.
        self._vocative_end = re.compile(r",[ \t]+(?P<name>[A-Z][a-z]{2,})(?=[.!?]+(?:[\s\"”’)]|$))")
        super().__init__(cues, name="LookalikeNameRecognizer", language=language)

    def _candidate(self, w: str, lexicon: NameLexicon) -> bool:
        """A word-like first name ("Hope", "Will"): no other stop word, theorist, title or role."""
        low = w.lower()
        if (low in STOP_WORDS and low not in lexicon.calendar and low not in LOOKALIKES) or low in self.exclude \
                or low in self.cues.honorifics or self.cues.is_role(w):
            return False
        return bool(lexicon.kind(w) & FIRST) and lexicon.is_ambiguous(w)

    @staticmethod
    def _dated(text: str, m: re.Match[str], lexicon: NameLexicon) -> bool:
        """A month after a time preposition ("back in March and I"): a date, not a name."""
        if m.group("name").lower() not in lexicon.calendar:
            return False
        prev = text[max(0, m.start() - 10):m.start()].split()[-1:]
        return bool(prev) and prev[0].lower() in _TIME_WORDS

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        """Yield each look-alike first name in a person-only context."""
        lexicon = load_lexicon()
        for m in self._rx.finditer(text):
            if self._candidate(m.group("name"), lexicon) and not self._dated(text, m, lexicon):
                yield m.start("name"), m.end("name"), self.score
        for m in self._initial.finditer(text):
            w = m.group("name").split()[0]
            if (lexicon.kind(w) & FIRST and lexicon.is_ambiguous(w) and w.lower() not in STOP_WORDS
                    and w.lower() not in self.exclude and not self.cues.is_role(w)):
                yield m.start("name"), m.end("name"), self.score
        for m in self._vocative.finditer(text):
            w = m.group("name")
            if lexicon.kind(w) & FIRST and re.search(rf"(?mi)^[^\S\n]*\[?{re.escape(w)}\]?[ \t]*:", text):
                yield m.start("name"), m.end("name"), self.score
        for m in self._vocative_end.finditer(text):
            w = m.group("name")
            prev = text[max(0, m.start() - 12):m.start()].split()[-1:] or [""]
            if self._candidate(w, lexicon) and not (w.lower() in lexicon.calendar and prev[0][:1].isupper()):
                yield m.start("name"), m.end("name"), self.score  # not "Monday, May."


def create(profile: "Profile") -> LookalikeNameRecognizer:
    """Factory used by the registry (theorists' surnames excluded)."""
    from deid.lists import load_terms

    surnames = [t.split()[-1] for t in load_terms(profile.detection.eponym_names) if t.split()] \
        if profile is not None else []
    return LookalikeNameRecognizer(cues_for(profile), surnames, language=profile.detection.language
                                   if profile is not None else "en")
