"""Honorific + name: "Dr. O'Neill", "Ms. K.", "Mr Van der Berg", "DR. LINDQVIST", "Pastor Ruth"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.name_context import (PARTICLES, WORD, ContextNameRecognizer, NameCues, alternation,
                                      cues_for, lower_name_ok)

if TYPE_CHECKING:
    from deid.config import Profile

_INITIAL = r"[A-Z]\.?(?:[-‐][A-Z]\.?)*(?![\w'’])"
_PART = rf"(?:{_INITIAL}|{WORD})"
CAPWORD = rf"(?=[A-ZÀ-ÖØ-Þ]){WORD}"
_PARTICLES = "|".join(sorted(PARTICLES, key=len, reverse=True))
# Capitalised words after a weak title that are not names ("Father Christmas" is allowed).
_NOT_NAMES = frozenset("""i i'm i've i'd i'll the a an and or but of in on at to for from with by
it is was this that he she they we you my his her our their said says told asked not who
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday""".split())


def _particle_run(words: list[tuple[int, str]], i: int) -> bool:
    """True when particles from words[i] lead to a capitalised word ("de la Cruz")."""
    for _, w in words[i:]:
        if w[0].isupper():
            return True
        if w.lower() not in PARTICLES:
            return False
    return False


# Titles that are also everyday verbs or nouns in lower case ("will miss Tết", "a doctor Sarah saw").
_VERB_TITLES = frozenset({"miss", "master", "doctor"})


class HonorificRecognizer(ContextNameRecognizer):
    """A title (Mr, Dr, Prof, Rev, Coach, Rabbi, Aunty...) followed by a surname, names or initials."""

    def __init__(self, cues: NameCues, language: str = "en", strong: float = 0.85, weak: float = 0.6) -> None:
        self.strong, self.weak = strong, weak
        self._rx = re.compile(
            rf"(?<![\w'’])(?i:(?P<hon>{alternation(cues.honorifics)}))(?:(?<=\b\w\w)\.|(?<=\b\w\w\w)\.|(?<=\b\w\w\w\w)\.|(?![\w'’.]))[ \t]*"
            rf"(?P<name>{_PART}(?:[ \t]+(?:{_INITIAL}|{CAPWORD}|(?:{_PARTICLES})(?=[ \t]+[A-Z]))){{0,4}})")
        # lower-case speech-to-text: "dr v", "[dr s + patient]": a title and one letter is a person
        self._lower_initial = re.compile(r"(?<![\w'’])(?:dr|mr|mrs|ms|mx)\.?[ \t]+(?P<l>[a-z])(?=[ \t]*(?:[\],.;:+)\n]|$))")
        super().__init__(cues, name="HonorificRecognizer", language=language)

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        """Yield the name after each title."""
        for m in self._lower_initial.finditer(text):
            yield m.start("l"), m.end("l"), self.strong
        for m in self._rx.finditer(text):
            hon = m.group("hon").lower()
            capital = m.group("hon")[0].isupper()
            strong = hon in self.cues.strong_honorifics and (capital or hon not in _VERB_TITLES)
            if not strong and not m.group("hon")[0].isupper():
                continue  # weak titles ("ate", "sister") only when written as titles
            words = [(w.start() + m.start("name"), w.group()) for w in re.finditer(r"\S+", m.group("name"))]
            kept: list[tuple[int, str]] = []
            for i, (pos, w) in enumerate(words):
                if w[0].isupper():
                    low = w.lower().rstrip(".")
                    if low in _NOT_NAMES or (low in STOP_WORDS and (i or not strong)):
                        break
                    kept.append((pos, w))
                elif w.lower() in PARTICLES and _particle_run(words, i):
                    kept.append((pos, w))
                elif i == 0 and strong and lower_name_ok(nlp_artifacts, pos, pos + len(w)):
                    kept.append((pos, w))
                    break
                else:
                    break
            while kept and kept[-1][1].lower() in PARTICLES:
                kept.pop()
            if not kept:
                continue
            start = kept[0][0]
            last_pos, last = kept[-1]
            end = last_pos + len(last.rstrip("."))
            if not strong and len(kept) == 1 and len(last.rstrip(".")) == 1:
                continue  # "Aunt B" is fine with a strong title only
            if strong and not re.match(r"[ \t]*:", text[end:end + 3]):
                start = m.start("hon")  # the title is part of the name, except in speaker labels
            yield start, end, self.strong if strong else self.weak


def create(profile: "Profile") -> HonorificRecognizer:
    """Factory used by the registry."""
    return HonorificRecognizer(cues_for(profile), language=profile.detection.language)
