"""Presidio's SpacyNlpEngine with NlpArtifacts built from token arrays (same artifacts, less Python).

Presidio builds each text's artifacts token by token: a lemma list, an offset list and the
context keywords, asking the vocabulary twice per token whether the lemma is a stop word or
punctuation. Here the lemmas and offsets come from one ``Doc.to_array`` call and each distinct
lemma's keyword parts are worked out once per process (``_KEYWORDS``), so the artifacts, keywords
included, are exactly the ones Presidio would build.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import ContextManager, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA
from spacy.tokens import Doc

from recognizers.memo import WORD_MEMO_MAX

_KEYWORDS: dict[int, tuple[str, ...]] = {}  # lemma id -> keyword parts ('' lemma parts included)
_KEYWORDS_MAX = WORD_MEMO_MAX  # cleared when full, so memory stays bounded


class ArraySpacyNlpEngine(SpacyNlpEngine):
    """SpacyNlpEngine whose artifacts come from arrays; ``artifacts`` streams them for many texts."""

    def artifacts(self, texts: list[str], language: str, batch_size: int) -> Iterator[NlpArtifacts]:
        """One NlpArtifacts per text, in order, through nlp.pipe."""
        for doc in self.nlp[language].pipe(texts, batch_size=batch_size):
            yield self._doc_to_nlp_artifact(doc, language)

    def zone(self, language: str) -> ContextManager[None]:
        """spaCy's memory zone: words first seen inside it leave the vocabulary at its end, so a
        long run's vocabulary stops growing with every new name (no Doc may outlive the zone)."""
        zone = getattr(self.nlp[language], "memory_zone", None)  # a test may route nlp elsewhere
        return zone() if zone is not None else nullcontext()

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        strings = doc.vocab.strings
        cols = doc.to_array([LEMMA, IDX]).tolist() if len(doc) else []
        lemmas = [strings[lemma] for lemma, _ in cols]
        entities, scores = self._get_updated_entities(self._get_entities(doc),
                                                      self._get_scores_for_entities(doc))
        art = NlpArtifacts(entities=entities, tokens=doc, tokens_indices=[i for _, i in cols],
                           lemmas=lemmas, nlp_engine=None, language=language, scores=scores)
        art.nlp_engine = self
        art.keywords = [part for (lemma, _), text in zip(cols, lemmas)
                        for part in self._keyword_parts(lemma, text, language)]
        return art

    def _keyword_parts(self, lemma: int, text: str, language: str) -> tuple[str, ...]:
        """What NlpArtifacts.set_keywords makes of one lemma (nothing for stop words and punctuation)."""
        parts = _KEYWORDS.get(lemma)
        if parts is None:
            keep = not self.is_stopword(text, language) and not self.is_punct(text, language) \
                and text != "-PRON-" and text != "be"
            parts = tuple(text.lower().split(":")) if keep else ()
            if len(_KEYWORDS) > _KEYWORDS_MAX:
                _KEYWORDS.clear()
            _KEYWORDS[lemma] = parts
        return parts
