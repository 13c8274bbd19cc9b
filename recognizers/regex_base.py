"""A Presidio recognizer over regexes whose named group ``v`` is the span to report.

Presidio's ``PatternRecognizer`` reports the whole match and validates it without context; the
recognizers here need the context inside the match ("Age: 29" reports only "29") and a check
that can look at the surrounding text. Patterns use the ``regex`` module (as Presidio does), so
variable-length look-behinds are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import regex as re
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.prefilter import regex_literals

# check(text, start, end) -> keep the span?
Check = Callable[[str, int, int], bool]


@dataclass(frozen=True)
class Rule:
    """One regex; its ``v`` group (or the whole match) is reported with ``score``."""

    name: str
    regex: str
    score: float
    flags: int = 0
    check: Optional[Check] = None


class RegexRecognizer(LocalRecognizer):
    """Run a list of Rules; subclasses set ENTITY, RULES and optionally CONTEXT."""

    ENTITY: str = ""
    RULES: tuple[Rule, ...] = ()
    CONTEXT: list[str] = []

    def __init__(self, supported_language: str = "en", name: Optional[str] = None,
                 rules: Optional[tuple[Rule, ...]] = None) -> None:
        self.rules = tuple(rules if rules is not None else self.RULES)
        self._compiled = [(r, re.compile(r.regex, r.flags | re.MULTILINE)) for r in self.rules]
        # literals every match of a rule contains (recognizers/prefilter.py): a rule whose
        # literals are all absent from a text is not scanned (it has no match there)
        self._literals = [regex_literals(r.regex, r.flags) for r in self.rules]
        super().__init__(supported_entities=[self.ENTITY], supported_language=supported_language,
                         name=name or type(self).__name__, context=list(self.CONTEXT) or None)

    def load(self) -> None:
        """Nothing to load: patterns are compiled in __init__."""

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        """Report the ``v`` group of every rule match that passes the rule's check."""
        out: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        folded = text.casefold()
        for (rule, rx), lits in zip(self._compiled, self._literals):
            if lits is not None and not any(map(folded.__contains__, lits)):
                continue
            for m in rx.finditer(text, timeout=2.0):
                start, end = m.span("v") if "v" in rx.groupindex and m.group("v") is not None else m.span()
                if start == end or (start, end) in seen:
                    continue
                if rule.check is not None and not rule.check(text, start, end):
                    continue
                seen.add((start, end))
                out.append(self._result(start, end, rule))
        return out

    def _result(self, start: int, end: int, rule: Rule) -> RecognizerResult:
        expl = AnalysisExplanation(recognizer=self.name, original_score=rule.score,
                                   pattern_name=rule.name,
                                   textual_explanation=f"{self.name}:{rule.name}")
        return RecognizerResult(
            entity_type=self.ENTITY, start=start, end=end, score=rule.score,
            analysis_explanation=expl,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
