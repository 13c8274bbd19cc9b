"""Other name cues: "named X", "X said", "with X", "Hi X,", "Dear X", sign-offs, form fields, initials."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.name_context import WORD, ContextNameRecognizer, NameCues, alternation, cues_for, lower_name_ok
from recognizers.relation_recognizer import NOT_NAMES
from recognizers.speaker_recognizer import ACRONYMS

if TYPE_CHECKING:
    from deid.config import Profile

_CAP = rf"(?<![\w'’-])(?=[A-ZÀ-ÖØ-Þ]){WORD}"
_INI = r"(?<![\w'’-])[A-Z]\.?(?:-?[A-Z]\.?)*(?![\w'’])"
_NAME = rf"(?:{_INI}|{_CAP})(?:[ \t]+(?:{_INI}|{_CAP})){{0,3}}"
_NAMED = re.compile(rf"(?i:\b(?:named|called|call (?:him|her|them|it)|nicknamed|known as|goes by|"
                    rf"name is|name's|names are|call(?:ed)? (?:him|her|them) just|I'll call|we'll call))"
                    rf"[ \t]+[\"“'‘]?(?P<name>{_NAME})")
_GREET = re.compile(rf"(?im:^[ \t>]*(?:hi|hey|hello|dear|morning|good morning|good afternoon|evening|"
                    rf"thanks|thank you|bye|welcome|hiya|greetings|attn|attention)[ \t,]+)(?P<name>{_NAME})")
_GREET_LOW = re.compile(r"(?i:\b(?:hi|hey|hello|dear|thanks|bye|okay so|ok so|so)[ \t,]+)(?P<name>[a-z][a-z'-]+)\b")
_SIGNOFF = re.compile(
    rf"(?im:^[ \t>]*(?:best|best wishes|best regards|kind regards|warm regards|regards|warmly|thanks|"
    rf"thank you|many thanks|cheers|sincerely|yours sincerely|yours faithfully|yours truly|yours|take care|"
    rf"with thanks|respectfully|love|xo|signed|signature)[ \t]*[,.!-]?[ \t]*(?:\n[ \t>]*)*)(?P<name>{_NAME})")
_FIELDS = ("client|patient|therapist|clinician|counsel+or|psychologist|psychiatrist|referrer|referred by|"
           "supervisor|supervisee|prepared by|written by|author|signed|name|full name|preferred name|from|to|cc|"
           "attendees|present|presenter|presented by|case presented by|minuted by|chair|facilitator|"
           "interviewer|social worker|case manager|key worker|keyworker|gp|pcp|prescriber|consultant|"
           "emergency contact|next of kin|parent|guardian|mother|father|partner|spouse|contact")


def field_rx(extra: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """A name field label ("Client:", "Surname:", "Family name:") and its value on the line."""
    labels = "|".join([_FIELDS] + [re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(extra, key=len, reverse=True)])
    return re.compile(rf"(?im:(?:^|[ \t]{{2,}}|\|)[ \t>*-]*(?:\*\*)?(?:{labels})[ \t]*(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*)"
                      rf"(?P<value>[^\n]*?)(?=[ \t]{{2,}}|\t|\n|$)")


_FIELD = field_rx()
_BY = re.compile(rf"(?i:\b(?:checked by|presented by|written by|prepared by|reviewed by|seen by|"
                 rf"signed by|supervised by|referred by|transcribed by|minuted by|by))[ \t]+(?P<name>{_INI})")


CREDENTIALS = (r"(?:Ph\.?D|Psy\.?D|M\.?D|D\.?O|MSW|LCSW|LICSW|LMSW|LPC|LPCC|LMFT|LMHC|MFT|RN|NP|PA-C|"
                r"C\.?\s?Psych|M\.?A|M\.?Sc|B\.?A|MBBS|MRCPsych|FRCPC|FRANZCP|DClinPsy|CPsychol|HCPC|BACP|"
                r"UKCP|MBACP|MNZAC|RCC|CCC|RSW|OT|SLP|BCBA|NCC|CADC|LADC|LAC|LCDC|Esq)\b")
_WITH_CREDENTIALS = re.compile(rf"(?P<name>{_NAME}),?[ \t]+{CREDENTIALS}")
_WITH_AGE = re.compile(rf"(?P<name>(?:{_INI}|{_CAP})(?:[ \t]+{_CAP})?)[ \t]*\((?:aged?[ \t]*)?[1-9]\d?\)")
_INITIAL_SURNAME = re.compile(rf"(?<![\w.-])(?P<name>[A-Z]\.(?:[ -]?[A-Z]\.)*[ \t]+{_CAP})")
# A client "called" by an initial in quotes: a client I'll call "J.", "R." is a 36-year-old.
_QUOTED_INITIAL = re.compile(r"[\"“](?P<name>[B-HJ-Z](?:\.[A-Z])*)\.?[\"”]")
_CRED_RX = re.compile(CREDENTIALS.removesuffix("\\b") + r"\.?")
# Two or more dotted capitals are a person's initials in clinical text ("Case: A.W., 44", "D.S. —
# present", "H.S.-G.", "Mr I. S. Chaudhry"), unless an abbreviation ("U.S.", "D.O.B.", "P.O. Box").
_DOTTED_INITIALS = re.compile(r"(?<![\w.&-])(?P<name>[A-Z]\.(?:[ -]?[A-Z]\.){1,3}(?:-[A-Z]\.?)?)(?![\w&])")
_DOTTED_ABBREVIATIONS = ACRONYMS | frozenset("""UN EU UAE PO AKA RIP VS DJ MS BS BSC AA AE AD BC CE BCE
NYC LA NY NZ RSVP IE EG PPS MSC PSYD JR SR II III IV""".split())
_OTHER_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "LANGUAGE", "DATE", "TIME", "EVENT", "PRODUCT",
                         "WORK_OF_ART", "LAW", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT"})
_NOT_AFTER_LETTER = frozenset("plan vitamin hepatitis type grade class part appendix section stage level group "
                              "option schedule row column exhibit figure table item step".split())
_TRAILING_TITLE = re.compile(rf"(?P<name>{_CAP})[ \t]+(?:sir|ji|saheb|sahib|sahab|madam|ma'am|san|sensei)\b")


class NameCueRecognizer(ContextNameRecognizer):
    """Names found through cue words around them; the riskier cues also ask spaCy's part of speech."""

    def __init__(self, cues: NameCues, language: str = "en", score: float = 0.6) -> None:
        self.score = score
        verbs = alternation(cues.speech_verbs)
        self._said = re.compile(rf"(?P<name>{_CAP}(?:[ \t]+{_CAP})?)(?:'s)?[ \t]+(?:{verbs}|[a-z]+s)\b")
        self._with = re.compile(rf"(?i:\b(?:with|to|from|tell|told|ask|asked|call|text|"
                                rf"see|saw|met|meet|miss|visit|visited|invite|invited))"
                                rf"[ \t]+(?P<name>{_CAP}(?:[ \t]+{_CAP})?)")
        self._field = field_rx(cues.name_fields)
        self._initials_verb = re.compile(
            rf"(?<![\w.])(?P<name>(?:[A-Z]\.){{1,3}}|[A-Z]{{1,3}})\.?[ \t]+(?:to[ \t]+[a-z]+|{verbs}|grew|is)\b")
        super().__init__(cues, name="NameCueRecognizer", language=language)

    def _ok(self, text: str, s: int, e: int, nlp_artifacts: NlpArtifacts | None, need_propn: bool) -> bool:
        w = text[s:e]
        low = w.lower().rstrip(".")
        if low in NOT_NAMES or low in self.cues.relations:
            return False
        if not need_propn:
            return len(low) <= 1 or not self.cues.is_role(w)
        if (self.cues.is_role(w) or low in self.cues.honorifics or low in self.cues.field_labels or low in STOP_WORDS
                or (w.isupper() and len(w) > 1) or _CRED_RX.fullmatch(w)):
            return False
        doc = getattr(nlp_artifacts, "tokens", None)
        span = doc.char_span(s, e, alignment_mode="expand") if doc is not None else None
        if span is None or not len(span):
            return False
        tok = span[0]
        if tok.ent_type_ == "PERSON":
            return True
        if tok.pos_ != "PROPN" or tok.ent_type_ in _OTHER_ENTS:
            return False
        if not tok.is_sent_start:
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return (nxt is not None and nxt.pos_ == "VERB"
                and tok.ent_type_ not in ("GPE", "LOC", "ORG", "FAC", "NORP", "DATE", "TIME"))

    def _trim(self, text: str, s: int, e: int, nlp_artifacts: NlpArtifacts | None,
              need_propn: bool) -> tuple[int, int] | None:
        words = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\s,;:()<>\"“”]+", text[s:e])]
        kept = []
        for ws, we in words:
            if not self._ok(text, ws, we, nlp_artifacts, need_propn and not kept):
                break
            kept.append((ws, we))
        if not kept:
            return None
        end = kept[-1][1]
        while end > kept[0][0] + 1 and text[end - 1] == ".":
            end -= 1
        return kept[0][0], end

    def _field_names(self, text: str, m: re.Match[str]) -> Iterator[tuple[int, int]]:
        """Name runs in a form field's value: "Nguyen, Lan (Thi Lan)", "Dr Fiona Baird, Practice"."""
        value, base = m.group("value"), m.start("value")
        first = re.match(rf"[ \t]*{_NAME}", value)
        if not first or not re.match(r"[ \t]*(?:$|[,(<|;]|[ \t]{2}|\t)", value[first.end():]):
            return  # "THERAPIST: Hi Dana. How..." is speech, not a form field
        cut = re.search(r"[ \t]{2,}|\t|\||<|@|;", value)
        head = value[:cut.start()] if cut else value
        parts = re.split(r"(,|\(|\))", head)
        pos = 0
        comma_seen = 0
        last = ""
        first_words = len(parts[0].split()) if parts else 0
        for part in parts:
            if part == "," and first_words != 1:
                break
            if part == ",":
                comma_seen += 1
            if part in (",", "(", ")"):
                last = part
            if part not in (",", "(", ")") and comma_seen <= 1:
                for r in re.finditer(_NAME, part):
                    s, e = base + pos + r.start(), base + pos + r.end()
                    if last == "," and len(text[s:e].split()) > 1:
                        continue  # "Surname, First" only: not "Dr X, Some Practice"
                    if s < e:
                        yield s, e
            pos += len(part)

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        """Yield cue-anchored name spans."""
        for rx in (_NAMED, _GREET, _SIGNOFF, _BY):
            for m in rx.finditer(text):
                span = self._trim(text, m.start("name"), m.end("name"), nlp_artifacts, False)
                if span and not (span[1] - span[0] <= 3 and text[span[0]:span[1]].rstrip(".") in ACRONYMS):
                    yield span[0], span[1], self.score
        for m in _GREET_LOW.finditer(text):
            s, e = m.start("name"), m.end("name")
            if text[s:e].lower() not in NOT_NAMES and lower_name_ok(nlp_artifacts, s, e):
                yield s, e, self.score
        for m in self._field.finditer(text):
            for s, e in self._field_names(text, m):
                w = text[s:e]
                if (w.lower() in NOT_NAMES or self.cues.is_role(w) or w.rstrip(".") in ACRONYMS
                        or _CRED_RX.fullmatch(w) or w.lower() in self.cues.field_labels
                        or (w.isupper() and len(w) >= 3 and text[s - 1:s] == "(")):
                    continue  # "(NZAC)" after a name is a body or credential
                yield s, e, self.score
        for rx in (_WITH_CREDENTIALS, _WITH_AGE, _TRAILING_TITLE):
            for m in rx.finditer(text):
                span = self._trim(text, m.start("name"), m.end("name"), nlp_artifacts, False)
                if span and text[span[0]:span[1]].lower() not in self.cues.field_labels:
                    end = m.end() if rx is _TRAILING_TITLE else span[1]
                    yield span[0], end, self.score
        for m in _INITIAL_SURNAME.finditer(text):
            prev = text[max(0, m.start() - 12):m.start()].split()
            surname = m.group("name").split()[-1]
            if (prev and prev[-1].lower() in _NOT_AFTER_LETTER) or surname.lower() in NOT_NAMES:
                continue
            if surname.lower() in STOP_WORDS:
                continue
            yield m.start("name"), m.end("name"), self.score
        for rx in (self._said, self._with):
            for m in rx.finditer(text):
                span = self._trim(text, m.start("name"), m.end("name"), nlp_artifacts, True)
                if span:
                    yield span[0], span[1], self.score
        for m in _DOTTED_INITIALS.finditer(text):
            letters = re.sub(r"[^A-Z]", "", m.group("name"))
            if letters not in _DOTTED_ABBREVIATIONS:
                yield m.start("name"), m.end("name"), self.score
        for m in _QUOTED_INITIAL.finditer(text):
            yield m.start("name"), m.end("name"), self.score
        for m in self._initials_verb.finditer(text):
            w = m.group("name").replace(".", "")
            if w in ACRONYMS or w in ("A", "I", "OK") or self.cues.is_role(w):
                continue
            yield m.start("name"), m.end("name"), self.score


def create(profile: "Profile") -> NameCueRecognizer:
    """Factory used by the registry."""
    return NameCueRecognizer(cues_for(profile), language=profile.detection.language)
