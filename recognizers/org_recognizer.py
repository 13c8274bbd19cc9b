"""Schools, employers, churches, clinics, hospitals, teams and groups (ORGANIZATION).

Patterns only: a capitalised (or upper-case) name ending in an organisation word ("Roosevelt
Park High School", "Riverside Logistics", "CEDAR LAKE COUNSELING GROUP"), a saint's name
("St. Brigid's Family Medicine"), and a capitalised name after an affiliation cue ("works at X",
"nights at X", "attends X", "graduated from X").
"""

from __future__ import annotations

from recognizers.address_recognizer import _NOT_PLACE_START
from recognizers.cues import cue_regex, cue_words, is_common_word
from recognizers.regex_base import RegexRecognizer, Rule, alternation

ORG_WORDS = [
    # education
    "School", "High School", "High", "Primary", "Primary School", "Elementary", "Elementary School",
    "Middle School", "Secondary", "Secondary College", "College", "University", "Academy",
    "Institute", "Kindergarten", "Preschool", "Daycare", "Day Care", "Nursery", "Grammar",
    "Learning Centre", "Learning Center", "Niketan", "Vidyalaya",
    # health
    "Clinic", "Hospital", "Hospice", "Medical", "Medical Centre", "Medical Center",
    "Medical Practice", "Family Medicine", "Medicine", "Practice", "Surgery", "Health Team",
    "Health Centre", "Health Center", "Health", "Healthcare", "Family Health", "Centre", "Center",
    "Partnership", "Pharmacy", "Counselling", "Counseling", "Psychology",
    "Psychologists", "Psychiatry", "Therapies", "Therapy", "Wellness", "Wellness Clinic",
    "Rehab", "Day Program", "Day Programme", "Program", "Programme", "MHC",
    # faith
    "Church", "Chapel", "Cathedral", "Mosque", "Masjid", "Temple", "Synagogue", "Gurdwara",
    "Mandir", "Parish", "Ministries", "Fellowship", "Islamic Centre", "Islamic Center",
    "Baptist", "Lutheran", "Methodist", "Presbyterian", "Catholic", "Anglican", "Pentecostal",
    # business and public bodies
    "Associates", "Group", "Trust", "Foundation", "Society", "Association", "Council",
    "Corporation", "Company", "Co.", "Inc", "Inc.", "LLC", "PLLC", "Ltd", "Ltd.", "Limited",
    "Pty", "Logistics", "Freight", "Transport", "Bank", "Mutual", "Insurance", "Assurance",
    "Scheme", "Health Plan", "Tribune", "Courier", "Times", "Herald", "Gazette", "Chronicle",
    "FC", "United", "Club", "Strikers", "Rovers", "Athletic", "Wanderers", "Rangers",
    "Lab", "Laboratory", "Services", "Solutions", "Industries", "Enterprises", "Holdings",
    "Partners", "Law", "Legal", "Solicitors", "Attorneys", "Poultry", "Foods", "Bakery",
    "Restaurant", "Trattoria", "Cafe", "Café", "Bar", "Pub", "Garage", "Auto Repair", "Supermarket", "Motors", "Construction", "Builders", "Plumbing", "Airlines",
    "Police", "Fire Department", "Fire Brigade", "Fire Service", "Fire Rescue", "Department",
    "Agency", "Authority", "Commission", "Union", "Federation", "League", "Network",
    "Alliance", "Mission", "Shelter", "Refuge", "Aghadi", "Party", "Collective", "Studio",
    "Studios", "Media", "Factory", "Mill", "Mills", "Mine", "Warehouse", "Depot",
    # services and units that answer for an organisation ("Avon Family Mediation", "SWC Reception")
    "Mediation", "Family Mediation", "Reception", "Helpline", "Consulting", "Consultants",
    "Advocacy", "Outreach", "Surgery Reception",
    "Service", "Wellbeing", "Well-being", "Wellbeing Service", "Wellbeing Centre",
]
AFFILIATION_CUES = [
    "works at", "work at", "working at", "worked at", "works for", "work for", "worked for",
    "working for", "employed by", "employed at", "job at", "shift at", "shifts at", "nights at",
    "days at", "placement at", "volunteers at", "volunteer at", "volunteering at",
    "attends", "attend", "attended", "student at", "studies at", "studying at", "teaches at",
    "teacher at", "graduated from", "enrolled at", "enrolled in", "member of", "plays for",
    "played for", "coach at", "coaches", "prayers at", "worships at", "services at",
    "admitted to", "discharged from", "referred by", "referral from", "manager at", "nurse at",
    "moved to", "transferred to", "transferred from", "from the", "at the", "ate at",
]
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’&.\-]*|&|of|and|the|de|du|la|for|on)"
# Words that make a method, discipline or degree ("Narrative Exposure Therapy", "M.Phil. Clinical
# Psychology"), not an organisation, when every word of the name is one of them.
CLINICAL_WORDS = frozenset("""
clinical cognitive behavioural behavioral narrative exposure dialectical family couples group
trauma focused trauma-focused compassion compassion-focused acceptance commitment interpersonal
psychodynamic occupational physical speech art music play child adolescent forensic health
educational sports internal emergency sleep schema solution solution-focused brief prolonged
processing mindfulness mindfulness-based based emotion emotionally cbt dbt emdr act of and the
m.phil. mphil phd ph.d. msc m.sc. ma m.a. ba b.a. psyd md dip diploma masters master bachelor
doctor certificate degree in mental general private community public primary secondary
""".split())
_GENERIC = CLINICAL_WORDS | {w.lower() for w in ORG_WORDS}
_STOP_FIRST = _NOT_PLACE_START | {"Dr.", "Mr.", "Mrs.", "Ms.", "Mx", "Mx.", "Prof", "Prof.", "Our", "Step",
                                  "Year", "Grade", "Session", "Week"}
_NO_STOP = rf"(?!(?:{alternation(sorted(_STOP_FIRST))})(?![\p{{L}}.]))"
_NAME = rf"{_NO_STOP}\p{{Lu}}[\p{{L}}'’.\-]*(?:[ \t]+{_NAME_WORD}){{0,6}}"
_ORG_SUFFIX = rf"(?i:{alternation(ORG_WORDS)})"


def _not_sentence_word(text: str, start: int, end: int) -> bool:
    """The name does not start with a function word or title; it is not only the suffix."""
    words = text[start:end].split()
    return words[0] not in _STOP_FIRST and len(words) >= 2


def _cased_suffix(text: str, start: int, end: int) -> bool:
    """The organisation word is capitalised ("Clinic", "CLINIC"), and some word is a real name."""
    words = text[start:end].split()
    if not words[-1][:1].isupper() or not _not_sentence_word(text, start, end):
        return False
    return any(w.strip(",.").lower() not in _GENERIC and w.replace(".", "").strip(",").lower() not in _GENERIC
               for w in words)


# A field label whose value is an organisation ("Insurance: Premera", "Payer: NM Medicaid ID 90041").
_FIELD_WORD = r"(?!(?:ID|No|Policy|Member|Ref|Number|Acct|Account|Group|Plan)\b)\p{Lu}[\p{L}\d&'’.\-]*"
_FIELD_VALUE = rf"{_FIELD_WORD}(?:[ \t](?:(?:of|and|&|the|de)[ \t])?{_FIELD_WORD}){{0,5}}"
_FIELD_LABEL = rf"(?:(?<=^[ \t*]*)|(?<=[ \t]{{2}}|[|·;][ \t]?))\**{cue_regex('org_field_labels')}\**[ \t]*:[ \t]*\**"


def _head_cased(text: str, start: int, end: int) -> bool:
    """ "Centre for Psychological Wellbeing": the head word is capitalised and the name after it is no
    generic word alone ("Department of Health" counts, "School of Thought" does not)."""
    words = text[start:end].split()
    if not words[0][:1].isupper():
        return False
    tail = [w for w in words[2:] if w.lower() not in {"the", "of", "and", "&", "de", "du", "des", "la", "le"}]
    return bool(tail) and not all(is_common_word(w) and w[1:].islower() for w in tail[:1]) or len(tail) >= 2


def _owner_name(text: str, start: int, end: int) -> bool:
    """ "Murphy's bar": the owner has no usual lower-case part of speech ("Dad's bar", "Mum's cafe" stay)."""
    from recognizers.pos_guess import pos_table

    owner = text[start:end].split()[0][:-2].lower()
    return not any(pos_table().get(owner, ("", "")))


def _firm_pair(text: str, start: int, end: int) -> bool:
    """ "at hollis and crane": the first word has no usual lower-case part of speech (a surname or brand)."""
    from recognizers.pos_guess import pos_table

    first = text[start:end].split()[0].lower()
    return not pos_table().get(first, ("", ""))[0]


class OrganizationRecognizer(RegexRecognizer):
    """Organisations by name shape and by affiliation context."""

    ENTITY = "ORGANIZATION"
    RULES = (
        Rule("name-suffix", rf"\b{_NAME}[ \t]+{_ORG_SUFFIX}\b(?:,?[ \t]+(?:PLLC|LLC|Inc\.?|Ltd\.?|INC\.?))?",
             0.6, check=_cased_suffix),
        Rule("saint", r"\bSt\.?[ \t]+\p{Lu}\p{L}+(?:'s|’s|s')(?:[ \t]+(?:\p{Lu}[\p{L}'’\-]*|of|the|and|&)){0,4}",
             0.6),
        Rule("affiliation", rf"(?i:\b(?:{alternation(AFFILIATION_CUES)}))[ \t]+(?:the[ \t]+)?"
                            rf"(?P<v>{_NO_STOP}\p{{Lu}}[\p{{L}}'’\-]*(?:[ \t]+(?:(?:of|&|and)[ \t]+)?\p{{Lu}}[\p{{L}}'’\-]*){{0,4}})",
             0.5, check=lambda t, s, e: t[s:e].split()[0] not in _STOP_FIRST),
        Rule("org-field", rf"(?m:{_FIELD_LABEL})(?P<v>{_FIELD_VALUE})", 0.6),
        Rule("head-of-name", rf"\b{cue_regex('org_head_words')}[ \t]+(?i:for|of|de|du|des|de[ \t]+la|del|della|di|d['’])"
                             rf"[ \t]*(?:(?i:the)[ \t]+)?\p{{Lu}}[\p{{L}}'’\-]*(?:[ \t]+(?:(?i:of|and|&|de|du|des|la|le|et|y|for|"
                             rf"the)[ \t]+)?\p{{Lu}}[\p{{L}}'’\-]*){{0,4}}", 0.55, check=_head_cased),
        Rule("acronym-after-org", rf"(?<=(?-i:\b(?:{alternation(cue_words('org_acronym_heads'))})|"
                                  rf"\b(?:{alternation([w.upper() for w in cue_words('org_acronym_heads')])}))"
                                  r"[ \t]*\()(?P<v>[A-Z][A-Za-z&]{1,7})(?=\))", 0.5,
             check=lambda t, s, e: sum(c.isupper() for c in t[s:e]) >= 2),
        Rule("possessive-business", rf"\b{_NO_STOP}\p{{Lu}}[\p{{L}}\-]+['’]s[ \t]+{cue_regex('possessive_business_kinds')}\b",
             0.45, check=_owner_name),
        Rule("numbered-unit", rf"\b(?:{alternation(cue_words('numbered_unit_words'))})[ \t]+\d{{1,3}}\b"
                              r"(?![:/.]\d)", 0.5),
        Rule("lower-firm-pair", r"(?<=\b(?i:at|for|from)[ \t]+)(?P<v>[a-z][a-z'’]{2,}[ \t]+(?:and|&)[ \t]+[a-z]{3,})"
                                r"(?=[ \t]*(?:[.,;!?\n]|$))", 0.4, check=_firm_pair),
    )


def create(profile: object = None) -> OrganizationRecognizer:
    """Factory for the registry."""
    return OrganizationRecognizer()

