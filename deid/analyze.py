"""Detection: build one Presidio AnalyzerEngine per process from a Profile and emit Mentions."""

from __future__ import annotations

import importlib
import logging
import re
from bisect import bisect_right
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from spacy.attrs import LENGTH
from spacy.tokens import Doc

from deid.config import NlpConfig, Profile
from deid.errors import ModelNotInstalled
from deid.lists import load_terms, normalise_term
from deid.log import cap_third_party
from deid.model import Mention
from deid.nlp_engine import ArraySpacyNlpEngine
from deid.case_names import propagate_cases
from deid.name_spans import extend_names
from deid.propagate import blocked_name_words, not_name_words, propagate
from deid.eponyms import drop_eponyms
from deid.keepwords import KeepWords, build_keep_words, drop_keep_words
from deid.namefilter import drop_ordinary_names
from deid.spanfix import drop_known, drop_leading_article, lead_words, split_addresses, trim_spans
from deid.casing import drop_uncased, load_greetings
from deid.nesting import carve
from deid.titles import detachable_titles, drop_titles
from recognizers.name_context import census_names, cues_for
from recognizers.name_data import load_lexicon

log = logging.getLogger(__name__)

# Presidio types that deid never wants (too noisy or not identifiers in therapy text).
DEFAULT_IGNORED = {"NRP", "IN_PAN", "IN_VEHICLE_REGISTRATION"}


def resolve_model(nlp: NlpConfig) -> str:
    """Return something spacy.load accepts for the configured model, or raise; never download."""
    name = nlp.model
    path = Path(name).expanduser()
    if path.exists():
        return str(path)
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        raise ModelNotInstalled(
            f"spaCy pipeline '{name}' is not installed; deid never downloads models. "
            f"Install it with: {nlp.install_hint}"
        ) from None
    if hasattr(module, "model_path"):
        return str(module.model_path())
    if hasattr(module, "load") and spacy.util.is_package(name):
        return name
    pkg_dir = Path(module.__file__ or "").parent
    for cand in sorted(pkg_dir.glob("**/config.cfg")):
        return str(cand.parent)
    raise ModelNotInstalled(f"package '{name}' holds no spaCy pipeline; install: {nlp.install_hint}")


def _offline_guard() -> None:
    """Make Presidio's email validation use tldextract's bundled suffix list (no fetch)."""
    import tldextract
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class _Offline:
        extract = staticmethod(offline)

    email_recognizer.tldextract = _Offline  # type: ignore[attr-defined]


def _no_result_deepcopy() -> None:
    """Let Presidio's context enhancer work on the results list it is given instead of a deep copy.

    AnalyzerEngine.analyze discards the raw results once they are enhanced, so the copy (about a
    tenth of detection time on long transcripts, profiled) protects nothing in deid's use.
    """
    import types

    from presidio_analyzer.context_aware_enhancers import lemma_context_aware_enhancer as enhancer

    enhancer.copy = types.SimpleNamespace(deepcopy=list)  # type: ignore[attr-defined]


class GroupedAnalyzerEngine(AnalyzerEngine):
    """AnalyzerEngine whose context step groups results by recognizer once.

    Presidio's ``_enhance_using_context`` filters every result for every recognizer (two list
    scans per recognizer, ~60 recognizers here); this gives each recognizer the same inputs, in
    the same order, from one grouping pass, and skips recognizers that keep the default no-op.
    """

    def _enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                               nlp_artifacts: Any, recognizers: list[EntityRecognizer],
                               context: list[str] | None = None) -> list[RecognizerResult]:
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        by_id: dict[str, list[RecognizerResult]] = {}
        for r in raw_results:
            by_id.setdefault(r.recognition_metadata[key], []).append(r)
        results: list[RecognizerResult] = []
        for rec in recognizers:
            rid = rec.id
            mine = by_id.get(rid, [])
            if type(rec).enhance_using_context is EntityRecognizer.enhance_using_context:
                results.extend(mine)  # the default returns its input unchanged
                continue
            others = [r for r in raw_results if r.recognition_metadata[key] != rid]
            results.extend(rec.enhance_using_context(
                text=text, raw_recognizer_results=mine, other_raw_recognizer_results=others,
                nlp_artifacts=nlp_artifacts, context=context))
        return self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=results, nlp_artifacts=nlp_artifacts, recognizers=recognizers,
            context=context)


_ENDS_KEY = "deid_token_ends"


class IndexedContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, finding a match's token by bisection.

    Presidio walks the Doc token by token for every result with context words (building a
    Token object and its text per step); token end offsets strictly increase, so the first token
    ending after the match starts (which is what that walk returns) is found in the end offsets
    computed once per Doc.
    """

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens: Any, tokens_indices: list[int]) -> int:
        ends = _token_ends(tokens, tokens_indices)
        if ends is not None:
            i = bisect_right(ends, start)
            if i < len(ends):
                return i
        return LemmaContextAwareEnhancer._find_index_of_match_token(word, start, tokens, tokens_indices)


def _token_ends(tokens: Any, starts: list[int]) -> list[int] | None:
    """End offsets of a Doc's tokens (cached on the Doc), or None when bisection would not do."""
    if not isinstance(tokens, Doc) or len(tokens) != len(starts):
        return None
    ends = tokens.user_data.get(_ENDS_KEY)
    if ends is None:
        lengths = tokens.to_array(LENGTH).tolist() if len(tokens) else []
        ends = [s + n for s, n in zip(starts, lengths)] if all(lengths) else []
        tokens.user_data[_ENDS_KEY] = ends
    return ends or None  # a zero-length token (never made by spaCy): Presidio's own walk


def build_nlp_engine(profile: Profile) -> ArraySpacyNlpEngine:
    """Load the configured spaCy pipeline (by package or path) inside a Presidio NLP engine."""
    cfg = profile.nlp
    model = resolve_model(cfg)
    ner_conf = NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(cfg.model_to_presidio_entity_mapping),
        labels_to_ignore=list(cfg.labels_to_ignore),
        low_confidence_score_multiplier=cfg.low_confidence_score_multiplier,
        low_score_entity_names=list(cfg.low_score_entity_names),
    )
    engine = ArraySpacyNlpEngine(models=[{"lang_code": cfg.lang_code, "model_name": model}],
                            ner_model_configuration=ner_conf)
    nlp = spacy.load(model, exclude=list(cfg.disable))
    for name in cfg.enable:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    if cfg.add:
        import recognizers.pos_guess  # noqa: F401  (registers deid's spaCy components)

        for name in cfg.add:
            nlp.add_pipe(name, last=True)
    engine.nlp = {cfg.lang_code: nlp}
    engine.nlp[cfg.lang_code].max_length = max(cfg.max_chars * 2, 1_000_000)
    return engine


def build_registry(profile: Profile, nlp_engine: SpacyNlpEngine) -> RecognizerRegistry:
    """Presidio built-ins (filtered by profile) plus deid's recognizers named in the profile."""
    from recognizers import build_recognizers

    _offline_guard()
    _no_result_deepcopy()
    registry = RecognizerRegistry(supported_languages=[profile.detection.language])
    registry.load_predefined_recognizers(languages=[profile.detection.language], nlp_engine=nlp_engine)
    builtins = profile.detection.presidio_builtins
    if builtins != "all":
        keep = set(builtins)
        for rec in list(registry.recognizers):
            if rec.name not in keep:
                registry.remove_recognizer(rec.name)
    for rec in build_recognizers(profile.detection.recognizers, profile):
        for replaced in getattr(rec, "REPLACES", ()):  # e.g. a filtered SpacyRecognizer
            registry.remove_recognizer(replaced)
        registry.add_recognizer(rec)
    return registry


@dataclass
class Analyzer:
    """Detection for one process: the engine plus allow-list and label mapping from the profile."""

    profile: Profile
    engine: AnalyzerEngine
    allow: frozenset[str] = field(default_factory=frozenset)
    ignored: frozenset[str] = field(default_factory=frozenset)
    exempt: frozenset[str] = field(default_factory=frozenset)
    name_blocked: frozenset[str] = field(default_factory=frozenset)
    not_names: frozenset[str] = field(default_factory=frozenset)
    eponym_nouns: frozenset[str] = field(default_factory=frozenset)
    lead_words: frozenset[str] = field(default_factory=frozenset)  # relation/role nouns NER puts before names
    honorifics: frozenset[str] = field(default_factory=frozenset)
    particles: frozenset[str] = field(default_factory=frozenset)  # name particles (deid/name_spans.py)
    not_before: frozenset[str] = field(default_factory=frozenset)  # "Will you": a verb, not a name
    keep_words: KeepWords | None = None
    titles: frozenset[str] = field(default_factory=frozenset)  # roles, relations, honorifics
    detached: frozenset[str] = field(default_factory=frozenset)  # titles cut off PERSON mentions
    skip: Callable[[str], bool] | None = None  # deid's own surrogates (idempotent re-runs)
    skip_marks: str | None = None  # characters every text `skip` accepts holds (None: unknown)

    @classmethod
    def from_profile(cls, profile: Profile) -> "Analyzer":
        """Build the engine once (loads the spaCy model)."""
        cap_third_party()
        nlp_engine = build_nlp_engine(profile)
        registry = build_registry(profile, nlp_engine)
        engine = GroupedAnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                                supported_languages=[profile.detection.language],
                                log_decision_process=False,
                                context_aware_enhancer=IndexedContextEnhancer())
        allow = frozenset(normalise_term(t) for t in load_terms(profile.detection.allow_list))
        ignored = frozenset(DEFAULT_IGNORED | set(profile.detection.ignore_types))
        nouns = cues_for(profile).eponym_nouns
        keep_words = build_keep_words(load_terms(profile.detection.allow_list),
                                      load_terms(profile.detection.eponym_names), nouns)
        return cls(profile=profile, engine=engine, allow=allow, ignored=ignored,
                   exempt=frozenset(profile.detection.allow_list_exempt),
                   name_blocked=blocked_name_words(profile, allow),
                   not_names=not_name_words(profile),
                   eponym_nouns=nouns, keep_words=keep_words,
                   lead_words=lead_words(cues_for(profile)),
                   honorifics=cues_for(profile).honorifics | cues_for(profile).strong_honorifics,
                   titles=_titles(profile), particles=cues_for(profile).particles,
                   not_before=cues_for(profile).lookalike_not_before,
                   detached=detachable_titles(cues_for(profile), load_lexicon().kind)
                   if profile.detection.detach_titles else frozenset())

    @property
    def nlp(self) -> spacy.language.Language:
        """The loaded spaCy pipeline."""
        return self.engine.nlp_engine.nlp[self.profile.detection.language]

    def analyze(self, text: str) -> list[Mention]:
        """Detect identifiers in one text."""
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: list[str]) -> list[list[Mention]]:
        """Detect identifiers in many texts, batching spaCy through nlp.pipe."""
        return [d.mentions for d in self.detect_many(texts)]

    def detect_many(self, texts: list[str], near_threshold: float | None = None) -> list["Detection"]:
        """Mentions to replace and, with ``near_threshold``, near misses from the same single pass.

        Near misses score in [near_threshold, score_threshold): deid leaves them in the text and the
        residual risk reports them, so a run needs no second analyzer pass over its output. The
        mentions to replace are exactly those of a pass at the detection threshold.
        """
        lang = self.profile.detection.language
        threshold = self.profile.detection.score_threshold
        floor = min(threshold, near_threshold) if near_threshold is not None else threshold
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, chunk)
        for i, text in enumerate(texts):
            for off, chunk in chunk_text(text, self.profile.nlp.max_chars):
                pieces.append((i, off, chunk))
        results: list[list[Mention]] = [[] for _ in texts]
        low: list[list[Mention]] = [[] for _ in texts]
        nlp_engine = self.engine.nlp_engine
        with nlp_engine.zone(lang) if hasattr(nlp_engine, "zone") else nullcontext():
            artifacts = nlp_engine.artifacts(
                [p[2] for p in pieces], language=lang, batch_size=self.profile.nlp.batch_size)
            for (i, off, chunk), nlp_artifacts in zip(pieces, artifacts):
                raw = self.engine.analyze(
                    text=chunk, language=lang, nlp_artifacts=nlp_artifacts,
                    entities=list(self.profile.detection.entities) or None,
                    score_threshold=floor,
                )
                for m in self._to_mentions(texts[i], raw, off):
                    (results[i] if m.score >= threshold else low[i]).append(m)
        out: list[Detection] = []
        for i, text in enumerate(texts):
            kept = self._clean(text, results[i])
            if self.profile.detection.propagate_names:  # extended first, so the grown names spread
                kept = propagate(text, extend_names(text, kept, self.particles), self.name_blocked, not_names=self.not_names,
                                 lower_ok=census_names(first_only=True), not_before=self.not_before)
                kept = drop_keep_words(text, kept, self.keep_words, self.exempt, phrases_only=True)
            kept = drop_titles(text, extend_names(text, kept, self.particles), self.detached)
            mentions = split_addresses(text, join_spaced(text, merge_mentions(carve(text, kept))))
            mentions = drop_known(text, mentions, self.skip, marks=self.skip_marks)  # parts of deid's own surrogates
            out.append(Detection(mentions, near_misses(self._clean(text, low[i]), mentions)))
        return out

    def propagate_cases(self, cases: list[str], texts: list[str], mentions: list[list[Mention]]
                        ) -> list[list[Mention]]:
        """Mark names confirmed in one document of a case in its other documents (deid/case_names.py)."""
        spread = propagate_cases(cases, texts, mentions, blocked=self.name_blocked, not_names=self.not_names,
                                 lower_ok=census_names(first_only=True), eponym_nouns=self.eponym_nouns,
                                 titles=self.titles)
        return [drop_titles(t, extend_names(t, ms, self.particles), self.detached)
                for t, ms in zip(texts, spread)]

    def _clean(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Span trimming, allow-list, eponym, keep-word and ordinary-word filters."""
        mentions = drop_leading_article(text, drop_uncased(text, mentions, load_lexicon(), load_greetings()))
        kept = self._filter(drop_titles(text, trim_spans(text, mentions, self.lead_words, self.honorifics),
                                        self.detached))
        kept = drop_eponyms(text, kept, self.eponym_nouns, self.exempt)
        kept = drop_keep_words(text, kept, self.keep_words, self.exempt)
        return drop_ordinary_names(text, kept, self.exempt)

    def _to_mentions(self, text: str, raw: Iterable[RecognizerResult], off: int) -> list[Mention]:
        ms = []
        for r in raw:
            if r.entity_type in self.ignored:
                continue
            name = (r.recognition_metadata or {}).get("recognizer_name", "")
            s, e = r.start + off, r.end + off
            ms.append(Mention(s, e, r.entity_type, float(r.score), name, text[s:e]))
        return ms

    def _filter(self, mentions: list[Mention]) -> list[Mention]:
        """Drop allow-listed words unless the roster named them (roster always wins)."""
        out = []
        for m in mentions:
            if m.recognizer.startswith("Roster"):
                out.append(m)
                continue
            if self.skip is not None and self.skip(m.text):
                continue
            if m.recognizer in self.exempt:
                out.append(m)
                continue
            if self.allow and normalise_term(m.text) in self.allow:
                continue
            out.append(m)
        return out


def _titles(profile: Profile) -> frozenset[str]:
    """Role, relation and title words: never a name by themselves, whatever the anchor."""
    cues = cues_for(profile)
    return frozenset(cues.roles | cues.relations | cues.honorifics)


def chunk_text(text: str, max_chars: int, overlap: int = 500) -> list[tuple[int, str]]:
    """Split text longer than max_chars at whitespace, with overlap so border entities are seen."""
    if len(text) <= max_chars:
        return [(0, text)]
    chunks = []
    start = 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = text.rfind("\n", start + max_chars // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + max_chars // 2, end)
            end = cut if cut > start else end
        chunks.append((start, text[start:end]))
        if end >= len(text):
            break
        nxt = max(end - overlap, start + 1)
        ws = text.find(" ", nxt, end)
        start = ws + 1 if ws != -1 else nxt
    return chunks


@dataclass
class Detection:
    """One text's detections: mentions to replace, and near misses left in place (for the risk)."""

    mentions: list[Mention]
    near: list[Mention] = field(default_factory=list)


def near_misses(low: list[Mention], replaced: list[Mention]) -> list[Mention]:
    """Low-confidence mentions that no replaced mention overlaps, merged (``replaced`` is merged)."""
    spans = sorted((m.start, m.end) for m in replaced)
    ends = [e for _, e in spans]
    out = []
    for m in low:
        j = bisect_right(ends, m.start)  # the first replaced span ending after m starts
        if j == len(spans) or spans[j][0] >= m.end:
            out.append(m)
    return merge_mentions(out)


_PRIORITY = {"PERSON": 3}
_ADDRESS_TYPES = frozenset({"ADDRESS", "LOCATION", "STREET_ADDRESS"})


def _address_over_name(best: Mention, other: Mention) -> Mention:
    """A street address or postcode span that contains a PERSON span keeps its place type."""
    if best.entity_type == "PERSON" and other.entity_type in _ADDRESS_TYPES and \
            other.start <= best.start and other.end >= best.end and re.search(r"\d", other.text):
        return Mention(other.start, other.end, other.entity_type, best.score, other.recognizer, other.text)
    return best


def merge_mentions(mentions: list[Mention]) -> list[Mention]:
    """Merge overlapping mentions into their union, keeping the most confident type."""
    if not mentions:
        return []
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    merged: list[Mention] = []
    for m in ms:
        if merged and m.start < merged[-1].end:
            prev = merged[-1]
            best = max((prev, m), key=lambda x: (x.score, _PRIORITY.get(x.entity_type, 0), x.end - x.start))
            best = _address_over_name(best, m if best is prev else prev)
            start, end = prev.start, max(prev.end, m.end)
            text = prev.text + m.text[prev.end - m.start:] if m.end > prev.end else prev.text
            merged[-1] = Mention(start, end, best.entity_type, best.score, best.recognizer, text)
        else:
            merged.append(m)
    return merged


_SPACES = re.compile(r"^ $")  # one space: a wider gap is layout (form columns), not one name


def join_spaced(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join same-type mentions separated by one space ('Dana' + 'Whitfield' is one name to key).

    A wider gap is layout ('Name: Dana Whitfield      Age: 52'). The rewrite replaces exactly
    these spans (deid/rewrite.py turns off presidio-anonymizer's own whitespace merging).
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.entity_type == m.entity_type and _SPACES.match(text[prev.end:m.start]):
            best = max((prev, m), key=lambda x: x.score)
            out[-1] = Mention(prev.start, m.end, m.entity_type, best.score, prev.recognizer, text[prev.start:m.end])
        else:
            out.append(m)
    return out


_WS = re.compile(r"\s+")
