"""Speaker labels in transcripts and subtitles: "DANA:", "Dr. Name:", "[Name]", "<v Name>", "DK:"."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.name_context import WORD, ContextNameRecognizer, NameCues, alternation, cues_for

if TYPE_CHECKING:
    from deid.config import Profile

_STAMP = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?[ \t]*)?"
_LEAD = r"^[ \t]*(?:>[ \t]*)*(?:[-*•][ \t]+)?" + _STAMP + r"(?:\*\*|__)?"
# A label: up to five name words or initials ("Chloe P", "M-A. Tremblay", "DR. LINDQVIST").
_LABEL = rf"(?P<label>(?:{WORD}\.?|[A-Z]\.(?:-?[A-Z]\.)*)(?:[ \t]+(?:{WORD}\.?|[A-Z]\.(?:-?[A-Z]\.)*)){{0,4}})"
_COLON = re.compile(_LEAD + _LABEL + r"(?:\*\*|__)?[ \t]*(?:\*\*|__)?:(?=[ \t]|$)", re.MULTILINE)
_BRACKET = re.compile(r"^[ \t]*" + _STAMP + r"\[(?P<label>[^\]\n]{1,40})\]", re.MULTILINE)
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+(?P<label>[^>\n]{1,60})>")
# Acronyms that open note lines ("GP:", "CBT:") and are not initials of people.
ACRONYMS = frozenset("""ACT ADHD AOD ASD AVH BDI BIRP BP BPD CAMHS CBT CC CHI CMHT CPD CPT DAP DBT DOB
DSM DX ED EMDR ER ETA FYI GAD GIRP GP HI HR ICD ICU ID IOP IPT MDD MH MI MRN MSE NA NB NHS NPI OCD
OK PCL PCP PHP PHQ PM AM PS PTSD RE RX SI SIRP SMI SOAP SSN SUD TBC TBD TV UK US USA WHO ASAP CV
ETC IQ LGBT LGBTQ LGBTQIA NOK POA SSRI SNRI TCA MAOI ECT TMS PRN ADL IADL ACE ACES EAP ADD FAQ HW
OT PT SLT SALT SENCO IEP BA MA PHD MSW LCSW LPC LMFT MFT LMHC RN NP PA MD DO DC""".split())


def _caps_lookalike(label: str) -> bool:
    """"[WILL]", "[MAY]": one all-caps look-alike first name, a speaker though a stop word."""
    from deid.propagate import LOOKALIKES

    return label.isupper() and " " not in label and label.lower() in LOOKALIKES


class SpeakerLabelRecognizer(ContextNameRecognizer):
    """PERSON names used as speaker labels; role labels (THERAPIST, T, P1) are skipped."""

    def __init__(self, cues: NameCues, language: str = "en", score: float = 0.85) -> None:
        self.score = score
        self._hon = re.compile(rf"^(?P<hon>{alternation(cues.honorifics)})\.?[ \t]+", re.IGNORECASE)
        super().__init__(cues, name="SpeakerLabelRecognizer", language=language)

    def _name_part(self, label: str) -> tuple[int, str, bool]:
        """Offset and text of the name inside a label, and whether an honorific opened it."""
        m = self._hon.match(label)
        if m and m.end() < len(label):
            return m.end(), label[m.end():], True
        return 0, label, False

    def _plausible(self, name: str, honorific: bool) -> bool:
        words = name.replace(".", " ").split()
        if not words or not all(w[0].isupper() for w in words):
            return False
        low = " ".join(words).lower()
        if self.cues.is_role(name) or (not honorific and low in self.cues.field_labels):
            return False
        if not honorific and len(words) == 1 and words[0] in ACRONYMS:
            return False
        return True

    @staticmethod
    def _looks_like_name(name: str, start: int, nlp_artifacts: NlpArtifacts | None) -> bool:
        """A one-off label in a transcript: two or more words, or a proper noun / PERSON to spaCy."""
        if len(name.split()) >= 2:
            return True
        doc = getattr(nlp_artifacts, "tokens", None)
        span = doc.char_span(start, start + len(name), alignment_mode="expand") if doc is not None else None
        if span is None or not len(span):
            return False
        return span[0].ent_type_ == "PERSON" or (span[0].pos_ == "PROPN" and not name.isupper())

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        """Yield speaker-label name spans."""
        cands = []
        for m in _COLON.finditer(text):
            off, name, hon = self._name_part(m.group("label"))
            if self._plausible(name, hon):
                cands.append((m.start("label") + off, m.end("label"), name, hon))
        counts = Counter(c[2].lower() for c in cands)
        transcript = ("-->" in text or len(counts) >= 3
                      or sum(1 for c in counts.values() if c >= 2) >= 1)
        for start, end, name, hon in cands:
            letters = name.replace(".", "").replace(" ", "")
            repeated = counts[name.lower()] >= 2
            if hon or (repeated and (len(letters) > 1 or transcript)):
                yield start, end, self.score
            elif len(letters) == 2 and letters.isupper():
                yield start, end, self.score  # initials: "- FM: consult"
            elif transcript and len(letters) > 1 and self._looks_like_name(name, start, nlp_artifacts):
                yield start, end, self.score
        for rx in (_BRACKET, _VOICE):
            for m in rx.finditer(text):
                label = m.group("label").strip()
                words = label.lower().split()
                if label.lower() in self.cues.stage_directions or len(words) > 4 or (any(
                        w in STOP_WORDS for w in words) and not _caps_lookalike(label)):
                    continue
                off, name, hon = self._name_part(label)
                if self._plausible(name, hon):
                    s = m.start("label") + (len(m.group("label")) - len(m.group("label").lstrip())) + off
                    yield s, s + len(name), self.score


def create(profile: "Profile") -> SpeakerLabelRecognizer:
    """Factory used by the registry."""
    return SpeakerLabelRecognizer(cues_for(profile), language=profile.detection.language)
