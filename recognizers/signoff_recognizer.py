"""Sign-offs on a line of their own: "thanks\\ndrew", "Worth a talk.\\n\\nO.\\n\\n--", "...\\nY." at the end.

A message often ends with the writer's initial or lower-case first name alone on a line. NER
sees no name there and the word may be ordinary English ("drew", "will"), so the line's place
decides: right after a closing line (``signoff_closers`` in configs/names/context.yaml: "thanks",
"cheers", "love", "x"), or right before a signature separator ("--"), a quoted reply header
("On Sun 16 Feb 2025 at 09:12, X wrote:") or the end of the text. A lower-case word at the
very end needs the name lexicon to know it as a first name ("...\n\ndrew", not "...\nokay"); an
initial alone at the end of the text counts ("Y."), except "A" and "I".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from deid.propagate import LOOKALIKES
from recognizers.lookalike_recognizer import NER_BEATING_SCORE
from recognizers.name_context import ContextNameRecognizer, NameCues, cues_for
from recognizers.relation_recognizer import NOT_NAMES

if TYPE_CHECKING:
    from deid.config import Profile

# A lone line: one initial ("Y.", "O"), one lower-case word ("jay", "drew") or one capitalised word.
_LONE = re.compile(r"(?m)^[ \t>]*(?P<name>[A-Z]\.?|[a-z][a-z'’-]{1,19}|[A-Z][a-z'’-]{1,19})[ \t]*$")
_NEXT_LINE = re.compile(r"\s*\n([^\n]*\S[^\n]*)")
_SEPARATOR = re.compile(r"[ \t>]*(?:--|—|__+)[ \t]*$|[ \t>]*On\b[^\n]{4,120}\bwrote:[ \t]*$")


def _neighbour_lines(text: str, start: int, end: int) -> tuple[str, str | None]:
    """The previous non-blank line and the next one (None at the end of the text)."""
    before, pos = "", start
    while pos > 0 and not before:  # walk back over blank lines, a line at a time
        ls = text.rfind("\n", 0, pos - 1) + 1
        before, pos = text[ls:pos - 1].strip(), ls
    n = _NEXT_LINE.match(text, end)
    return before, (n.group(1) if n else None)


def _first_name(word: str) -> bool:
    """True for a word the name lexicon knows as a first name ("drew", "jay"; not "okay")."""
    from recognizers.name_data import FIRST, load_lexicon

    return bool(load_lexicon().kind(word) & FIRST)


class SignoffRecognizer(ContextNameRecognizer):
    """A writer's initial or first name alone on a message's last line."""

    def __init__(self, cues: NameCues, closers: frozenset[str], language: str = "en",
                 score: float = NER_BEATING_SCORE) -> None:
        self.score = score
        self.closers = closers
        super().__init__(cues, name="SignoffRecognizer", language=language)

    def _closing(self, line: str) -> bool:
        """True for a closing line: "thanks", "Cheers!", "love you, x"."""
        norm = " ".join(re.sub(r"[^\w\s']", " ", line.lower()).split())
        return norm in self.closers or (bool(norm) and norm.split()[-1] in self.closers
                                        and len(norm.split()) <= 3)

    def _word_ok(self, word: str) -> bool:
        """A lower-case word that can be a name: no stop word (but "will", "may"), closer, role or relation word."""
        low = word.lower()
        return not ((low in STOP_WORDS and low not in LOOKALIKES) or low in self.closers or low in NOT_NAMES or low in self.cues.relations
                    or self.cues.is_role(low) or low in self.cues.field_labels)

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        """Yield sign-off names."""
        if "\n" not in text:
            return
        for m in _LONE.finditer(text):
            name = m.group("name")
            prev, nxt = _neighbour_lines(text, m.start(), m.end())
            closing = self._closing(prev)
            separated = nxt is not None and bool(_SEPARATOR.match(nxt))
            if len(name) > 2 and name[0].isupper():  # "Cheers,\nShiv": a capitalised word after a closer
                if closing and self._word_ok(name):
                    yield m.start("name"), m.end("name"), self.score
            elif name[:1].isupper():
                letter = name[0]
                if closing or separated or (nxt is None and name.endswith(".") and letter not in "AI"):
                    yield m.start("name"), m.start("name") + 1, self.score
            elif (closing or separated or (nxt is None and _first_name(name))) and self._word_ok(name):
                yield m.start("name"), m.end("name"), self.score


def create(profile: "Profile") -> SignoffRecognizer:
    """Factory used by the registry (closers from the profile's name context file)."""
    cues = cues_for(profile)
    return SignoffRecognizer(cues, cues.signoff_closers, language=profile.detection.language)
