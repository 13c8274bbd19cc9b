"""Names no lexicon knows, in lower-case speech-to-text, found by strong context.

"we named her kehinde", "my boyfriend jiwon", "then jiwon came over", "told tadhg": a lower-case
word that is neither a common English word nor a lexicon name (the name lexicon handles those)
is taken as a name when a naming verb, a relation word or a speech verb sits right before it, or,
for a word the spaCy model has no vector for, a subject verb ("said", "came", "was") right after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Token

from recognizers.name_context import person_result
from recognizers.name_data import fold, load_common_words, load_lexicon
from recognizers.name_lexicon import RELATIONS, STRONG_AFTER, STRONG_BEFORE

if TYPE_CHECKING:
    from deid.config import Profile

BEFORE = STRONG_BEFORE | RELATIONS | frozenset("named called nicknamed with and".split())
# "call her kemi": a pronoun between the naming verb and the name.
NAMING = frozenset("named called call calls calling nicknamed".split())
PRONOUNS = frozenset("her him them me us it".split())
AFTER = STRONG_AFTER | frozenset("""came comes went goes was is has had says thinks thought wants wanted
got gets brought drove left picked dropped""".split())
WEAK = frozenset({"with", "and"})  # accepted only together with a verb after
_POS = frozenset({"PROPN", "NOUN", "X", "ADJ", "VERB"})


def lower_case_text(text: str) -> bool:
    """Speech-to-text without capitals: the pronoun "i" is written lower-case."""
    low = len(re.findall(r"(?<![\w'’])i(?=[ '’])", text))
    up = len(re.findall(r"(?<![\w'’])I(?=[ '’])", text))
    return low >= 2 and up * 4 <= low


class OovNameRecognizer(EntityRecognizer):
    """PERSON for unknown lower-case words with strong naming context."""

    SCORE = 0.5

    def __init__(self, supported_language: str = "en") -> None:
        """Read the common-word list and the lexicon once (cached per process)."""
        self.common = load_common_words()
        self.lexicon = load_lexicon()
        super().__init__(supported_entities=["PERSON"], name="OovNameRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """One result per unknown lower-case word in naming context."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None or "PERSON" not in entities:
            return []
        if not lower_case_text(text):  # in edited text a name is capitalised; "called nicotinic" is a term
            return []
        out = []
        for tok in nlp_artifacts.tokens:
            if self._candidate(tok) and self._context(tok):
                out.append(person_result(self, tok.idx, tok.idx + len(tok.text), self.SCORE))
        return out

    def _candidate(self, tok: Token) -> bool:
        w = tok.text
        return (tok.is_alpha and w.islower() and len(w) >= 3 and not tok.is_stop and tok.pos_ in _POS
                and fold(w) not in self.common and not self.lexicon.kind(w) and not self._compound(w))

    def _compound(self, w: str) -> bool:
        """Two common words run together ("homemaker", "carpool"): a word, not a name."""
        return any(w[:i] in self.common and w[i:] in self.common for i in range(4, len(w) - 3))

    def _context(self, tok: Token) -> bool:
        doc = tok.doc
        prv = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        prv2 = doc[tok.i - 2].lower_ if tok.i > 1 else ""
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if (prv in PRONOUNS and prv2 in NAMING) or prv in RELATIONS or prv in ("named", "nicknamed"):
            return True
        if not tok.is_oov:  # the model has a vector for it: a rare word more often than a name
            return False
        if prv in BEFORE and prv not in WEAK:
            return True
        return nxt in AFTER and (prv in WEAK or not prv or not doc[tok.i - 1].is_alpha
                                 or doc[tok.i - 1].pos_ not in ("DET", "ADJ", "NOUN", "PRON", "NUM"))


def create(profile: "Profile") -> OovNameRecognizer:
    """Registry factory."""
    return OovNameRecognizer(supported_language=profile.detection.language)
