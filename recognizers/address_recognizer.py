"""Street addresses, roads and highways, postcodes, and named landmarks (LOCATION).

Patterns only, no place lists: a house number before a street word ("88 Otley Road"), a
capitalised name before a street word ("Lake Street"), unit prefixes ("Flat 2/1, 47 Allison
Street"), whatever follows an "Address:" label, highway numbers ("I-94", "Hwy 2", "the N1"),
postcode shapes (UK, Canadian; US/AU/NZ/ZA/IN codes after a state or town), and capitalised names
before a landmark word ("Lowry Hill Tunnel", "Wendouree Boatshed"); numbered streets ("2nd Ave
West", "116th and Lenox"), a title-like street word after a place cue ("on Locke St."), and an
unknown lower-case word after a living or moving verb ("a run in ringsend").
"""

from __future__ import annotations

import regex as re

from recognizers.cues import cue_regex, cue_words, is_common_word
from recognizers.date_words import HOLIDAYS, MONTH_NAMES, WEEKDAY_NAMES
from recognizers.regex_base import RegexRecognizer, Rule, alternation

STREET_WORDS = ["Street", "St", "Road", "Rd", "Avenue", "Ave", "Av", "Lane", "Ln", "Drive", "Dr",
                "Boulevard", "Blvd", "Way", "Court", "Ct", "Place", "Pl", "Crescent", "Cres",
                "Terrace", "Tce", "Close", "Highway", "Hwy", "Parkway", "Pkwy", "Circle", "Cir",
                "Square", "Sq", "Row", "Mews", "Grove", "Gardens", "Walk", "Wynd", "Gate", "Hill",
                "Mount", "Rise", "Parade", "Pde", "Esplanade", "Quay", "Wharf", "Trail", "Pike",
                "Alley", "Loop", "View", "Vale", "Green", "Park", "Heights", "Marg", "Nagar",
                "Chowk", "Straat", "Weg", "Laan", "Cross", "Main"]
# Street words that also abbreviate titles or are common nouns: not used without a house number.
_AMBIGUOUS_STREET = {"St", "Dr", "Pl", "Ct", "Av", "Cir", "Gate", "Hill", "Mount", "Rise", "View",
                     "Vale", "Green", "Park", "Heights", "Walk", "Row", "Way", "Loop", "Trail",
                     "Square", "Place", "Court", "Close", "Grove", "Gardens", "Marg", "Nagar", "Chowk",
                     "Quay", "Wharf", "Alley", "Pike", "Cross", "Main"}
LANDMARK_WORDS = ["Tunnel", "Bridge", "Park", "Peninsula", "Ridge", "Beach", "Bay", "Harbour",
                  "Harbor", "Boatshed", "Café", "Cafe", "Mall", "Town Centre", "Shopping Centre",
                  "Square", "Station", "Airport", "Stadium", "Pier", "Falls", "Creek", "Valley",
                  "Forest", "Reserve", "Market", "Plaza", "Corner", "Island", "Point", "Wharf",
                  "Quay", "Marina", "Cemetery", "Zoo", "Museum", "Gallery", "Arena", "Racecourse",
                  "Dam", "Canyon", "Gorge", "Glen", "Ranch", "Estate", "Village", "Lagoon", "Dunes",
                  "Trailhead", "Lookout", "Basin", "Springs", "Swamp", "Wetlands", "Campground",
                  "Golf Course", "Showgrounds", "Domain", "Common", "Heath", "Moor", "Fell",
                  "Head", "Mouth", "Crossing", "Junction", "Interchange", "Overpass", "basti", "Marae",
                  "Kraal", "Pueblo", "Rancheria", "Reservation", "Township", "Barangay", "Kampung"]
PLACE_PREFIXES = ["Lake", "Mount", "Mt.", "Mt", "Port", "Fort", "Cape", "Saint", "St.", "St",
                  "San", "Santa", "New", "North", "South", "East", "West", "Upper", "Lower",
                  "Glen", "Point", "Isle of", "Isla"]
US_STATES = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
             "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
             "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
             "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"]
AU_STATES = ["VIC", "NSW", "QLD", "SA", "WA", "TAS", "NT", "ACT"]
_NOT_PLACE_START = {"The", "A", "An", "This", "That", "My", "Your", "His", "Her", "Our", "Their",
                    "Every", "Each", "One", "On", "In", "At", "To", "From", "And", "Or", "But", "If",
                    "When", "Then", "So", "We", "I", "You", "He", "She", "They", "It", "Dr", "Mr",
                    "Mrs", "Ms", "Next", "Last", "Same", "Any", "No", "Not", *MONTH_NAMES,
                    *WEEKDAY_NAMES}

_CAP = r"\p{Lu}[\p{L}'’.\-]*"
_CAPS = rf"{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
_UNIT = r"(?:(?i:unit|flat|apt\.?|apartment|suite|ste\.?|level|floor|lot|shop|house|plot)[ \t]+[\w/]+,?[ \t]+)"
_DIR = r"(?:\s+(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\b\.?)"
_AFTER_UNIT = r"(?:,?\s+(?i:apt\.?|apartment|suite|ste\.?|unit|flat|#)\s*[\w-]+)"
_STREET = alternation(STREET_WORDS)
# A full stop belongs to the name only after an abbreviation ("Ave."), not at a sentence end.
_ABBR_DOT = r"(?:(?<=\b(?:St|Rd|Ave|Av|Dr|Ln|Blvd|Ct|Pl|Cres|Tce|Hwy|Pkwy|Sq|Pde|Cir))\.)?"
_SAFE_STREET = alternation([w for w in STREET_WORDS if w not in _AMBIGUOUS_STREET])
_MONTH_OR_DAY = re.compile(rf"(?i:\b(?:{alternation(MONTH_NAMES + WEEKDAY_NAMES)}|{alternation(HOLIDAYS)}))\W*$")


def _not_sentence_word(text: str, start: int, end: int) -> bool:
    """The first word of the match is not a function word, title or calendar word."""
    first = re.split(r"[\s,]+", text[start:end].strip())[0]
    return first not in _NOT_PLACE_START


def _town_code(text: str, start: int, end: int) -> bool:
    """A 4-6 digit code after a capitalised town; a year-like code only at the end of a line."""
    if _MONTH_OR_DAY.search(text[max(0, start - 25):start]):
        return False
    value = text[start:end]
    return not (1900 <= int(value) <= 2099) or bool(re.match(r"[ \t]*(?:\n|$|\|)", text[end:]))


class AddressRecognizer(RegexRecognizer):
    """Street addresses, roads, highways and postcodes."""

    ENTITY = "ADDRESS"
    RULES = (
        Rule("address-label", r"(?i:\b(?:home\s+)?address(?:\s+on\s+file)?)\**\s*[:\-]\**\s*(?P<v>[^\n|]{4,120}?)"
                              r"(?=\s*(?:\n|\||$|\s{3,}))", 0.7),
        Rule("house-number-street",
             rf"\b{_UNIT}?\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?,?[ \t]+(?:[NSEW]\.?[ \t]+)?{_CAPS}[ \t]+"
             rf"(?:{_STREET})\b{_ABBR_DOT}{_DIR}?{_AFTER_UNIT}?", 0.75),
        Rule("house-number-prefix-street",
             r"\b\d{1,5},?\s+(?i:Rue|Rua|Via|Calle|Avenida|Avenue|Chemin|Boulevard|Boul\.|Plaza|Carrer|Viale|Piazza|"
             r"Rambla|Paseo|Allée|Allee|Place|Quai|Impasse|Route)\s+(?:(?i:de|du|des|la|le|del|de\s+la|di)\s+)?"
             rf"{_CAP}(?:\s+{_CAP})?(?:,?\s+(?i:bureau|suite|local|piso|app\.?|appartement|apt\.?|étage|bte|porta)"
             r"\s*\d{1,5}[A-Za-z]?)?", 0.75),
        Rule("unit-prefix", rf"\b{_UNIT}(?:[\p{{Lu}}\d][^\n,]{{1,50}},\s+){{1,3}}", 0.6),
        Rule("named-street", rf"\b{_CAPS}[ \t]+(?:{_SAFE_STREET})\b{_ABBR_DOT}{_DIR}?", 0.6, check=_not_sentence_word),
        # Numbered streets: "2nd Ave West", "East 17th Street", "W. 4th St", "116th and Lenox".
        Rule("ordinal-street",
             rf"\b(?:(?:North|South|East|West|N|S|E|W)\.?[ \t]+)?\d{{1,3}}(?:st|nd|rd|th)[ \t]+(?:{_STREET})\b"
             rf"{_ABBR_DOT}{_DIR}?", 0.65),
        Rule("ordinal-corner",
             rf"(?<=\b(?:{cue_regex('street_cues')}|of|by|from|to)[ \t]+)\d{{1,3}}(?:st|nd|rd|th)[ \t]+(?:and|&)[ \t]+(?!(?:{alternation(MONTH_NAMES + WEEKDAY_NAMES)})\b)"
             rf"\p{{Lu}}[\p{{L}}'’\-]+(?:[ \t]+(?:{_STREET})\b{_ABBR_DOT})?", 0.55),
        # A street word that is also a title ("St", "Dr") after a place cue: "on Locke St.".
        Rule("cued-ambiguous-street",
             rf"(?<=\b{cue_regex('street_cues')}[ \t]+)(?P<v>\p{{Lu}}[\p{{L}}'’\-]+(?:[ \t]+\p{{Lu}}[\p{{L}}'’\-]+)?"
             rf"[ \t]+(?:St|Dr|Pl|Ct)\b\.?+)(?!\.?[ \t]+\p{{Lu}})", 0.6, check=_not_sentence_word),
        Rule("interstate", r"\b(?:I|SR|US|SH|M|A)-\d{1,3}[A-Z]?\b", 0.6),
        Rule("highway", r"\b(?:Hwy|Highway|Route|Rte|State\s+Highway|Interstate|Motorway)\.?\s+\d{1,3}[A-Z]?\b", 0.6),
        Rule("the-road", r"(?<=\b(?i:the|on|via|off|took|take)\s+)(?P<v>[NMAR]\d{1,3})\b", 0.5),
        Rule("uk-postcode", r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b", 0.7),
        # Speech-to-text writes postcodes in lower case ("so50 9pq"): the full outward + inward shape only.
        Rule("uk-postcode-lower", r"\b(?:[a-pr-uwyz][a-hk-y]?\d[a-z\d]?\s\d[abd-hjlnp-uw-z]{2})\b", 0.6,
             check=lambda t, s, e: t[s:e].islower()),
        Rule("ie-eircode", r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}\b", 0.6,
             check=lambda t, s, e: any(c.isalpha() for c in t[s:e][3:]) and any(c.isdigit() for c in t[s:e][3:])),
        Rule("ca-postcode", r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b", 0.7),
        Rule("us-zip", rf"(?<=\b(?:{alternation(US_STATES)})\.?,?\s{{1,3}})\d{{5}}(?:-\d{{4}})?\b", 0.7),
        Rule("au-postcode", rf"(?<=\b(?:{alternation(AU_STATES)}),?\s{{1,3}})\d{{4}}\b", 0.7),
        Rule("town-code", r"(?<=\b\p{Lu}[\p{L}'’\-]+,?\s)\d{4}(?:\d{2})?(?=\s*(?:$|\||·|,|\n))", 0.5,
             check=_town_code),
        Rule("labelled-code", r"(?i:\b(?:zip|zip\s+code|postcode|post\s+code|postal\s+code|pin\s+code))"
                              r"\s*[:#]?\s*(?P<v>[A-Z0-9]{2,4}\s?[A-Z0-9]{3}|\d{4,6})\b", 0.7),
    )


def _unknown_lower_word(text: str, start: int, end: int) -> bool:
    """A lower-case word that is no common English word and no role, month or weekday."""
    from recognizers.drug_data import load_drugs

    word = text[start:end]
    return not all(is_common_word(w) for w in word.split("-")) and word not in load_drugs() and \
        _not_sentence_word(text, start, end) and not _MONTH_OR_DAY.match(word)


def _named_kind(text: str, start: int, end: int) -> bool:
    """ "flinders st", "bathers beach": the word before the kind word is a name, not a generic modifier."""
    from spacy.lang.en.stop_words import STOP_WORDS

    first = text[start:end].split()[0]
    return first not in STOP_WORDS and first not in cue_words("generic_place_modifiers") \
        and not first.endswith(("ing", "ed", "ly"))


def _named_street(text: str, start: int, end: int) -> bool:
    """ "14 alder grove": the word after the number is a name, not a modifier or a plural ("2 dogs walk")."""
    from recognizers.name_data import load_common_words

    first = text[start:end].split()[1]
    plural = first.endswith("s") and first[:-1] in load_common_words()
    return not plural and _named_kind(text, text.index(first, start), end)


class LandmarkRecognizer(RegexRecognizer):
    """Named places: a capitalised name before a landmark word, or after a place prefix."""

    ENTITY = "LOCATION"
    RULES = (
        Rule("name-landmark", rf"\b{_CAPS}[ \t]+(?:{alternation(LANDMARK_WORDS)})\b", 0.55,
             check=_not_sentence_word),
        Rule("lower-centre", r"\b(?!(?:the|a|an|our|my|your|his|her|their|local|big|new|old|same|"
                             r"nearest|shopping|that|this)\b)[a-z]{3,}[ \t]+(?:town[ \t]+centre|town[ \t]+center|"
                             r"shopping[ \t]+centre|shopping[ \t]+center|mall)\b", 0.45),
        Rule("lower-place-after-verb",
             rf"\b{cue_regex('place_verbs')}[ \t]+{cue_regex('place_prepositions')}[ \t]+(?P<v>\p{{Ll}}{{4,24}}(?:-\p{{Ll}}{{2,12}})?)"
             r"(?![\w'’\-])", 0.45, check=_unknown_lower_word),
        Rule("lower-named-place", rf"(?<=\b{cue_regex('lower_place_cues')}[ \t]+)(?P<v>[a-z][a-z'’\-]{{2,20}}[ \t]+"
                                  rf"{cue_regex('lower_place_kinds')})\b(?!['’]s)", 0.45, check=_named_kind),
        Rule("lower-house-number-street", rf"(?<![\w/.,:-])\d{{1,4}}[a-z]?[ \t]+[a-z][a-z'’\-]{{2,20}}(?:[ \t]+[a-z][a-z'’\-]{{2,20}})?"
                                          rf"[ \t]+{cue_regex('lower_street_kinds')}\b(?!['’]s)", 0.45, check=_named_street),
        Rule("prefix-name", rf"\b(?:{alternation(PLACE_PREFIXES)})\s+\p{{Lu}}[\p{{L}}'’\-]+(?!'s)\b"
                            r"(?!\s+(?:\p{Lu}|of\b))", 0.45),
    )


def create(profile: object = None) -> list[RegexRecognizer]:
    """Factory for the registry: addresses and landmarks."""
    return [AddressRecognizer(), LandmarkRecognizer()]
