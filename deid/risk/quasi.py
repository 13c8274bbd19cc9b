"""Quasi-identifiers that survive in an output text: details that narrow down who someone is."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml

from recognizers.prefilter import may_match, required_literals
from recognizers.regex_trie import trie_alternation

DATA = Path(__file__).resolve().parent / "data"

# Correlation groups: attributes in one group tend to come together, so kestimate.py does not
# multiply their frequencies as if they were independent.
GROUPS = {
    "AGE": "demographic", "GENDER": "demographic",
    "PROFESSION": "work", "EMPLOYER": "work",
    "PUBLIC_ROLE": "public", "EVENT": "public", "MEDIA": "public", "UNIQUE": "public",
    "RECOGNITION": "public",
    "ORIGIN": "origin", "RELIGION": "origin",
    "DIAGNOSIS": "health", "FAMILY": "family", "PLACE": "place",
}

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}
# A placeholder left by deid ([PERSON_3], [PERSON_ab12cd], [REDACTED]): carries no detail about the person.
PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?:_[0-9a-f]+)?\]")


@dataclass(frozen=True)
class Attribute:
    """One surviving detail: its type, the rule that found it, where (output offsets), how common."""

    type: str
    rule: str
    start: int
    end: int
    frequency: float = 1.0
    population: int | None = None  # PLACE attributes: people living there

    @property
    def group(self) -> str:
        """Correlation group of this attribute's type."""
        return GROUPS.get(self.type, self.type.lower())


@dataclass(frozen=True)
class PatternRule:
    """A declarative quasi-identifier pattern from data/patterns.yaml."""

    rule: str
    type: str
    frequency: float
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def pattern_rules() -> tuple[PatternRule, ...]:
    """The shipped pattern rules (compiled once)."""
    data = yaml.safe_load((DATA / "patterns.yaml").read_text(encoding="utf-8"))
    return tuple(PatternRule(p["rule"], p["type"], float(p["frequency"]),
                             re.compile(p["regex"], re.IGNORECASE)) for p in data["patterns"])


@lru_cache(maxsize=1)
def age_shares() -> tuple[tuple[int, int, float], ...]:
    """Population share per age band (data/age_distribution.csv)."""
    with (DATA / "age_distribution.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh)]
    return tuple((int(r["band_start"]), int(r["band_end"]), float(r["share"])) for r in rows)


def age_frequency(low: int, high: int) -> float:
    """Share of the population aged low..high (inclusive), from the age table."""
    total = 0.0
    for a, b, share in age_shares():
        overlap = min(b, high) - max(a, low) + 1
        if overlap > 0:
            total += share * overlap / (b - a + 1)
    return max(total, 1e-4)


def _term_regex(terms: list[str]) -> re.Pattern[str]:
    """Any of the terms (a space matches spaces or hyphens), with a plural ending, as whole words."""
    alts = trie_alternation(sorted({t.lower() for t in terms}), space=r"[\s-]+")
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?:e?s)?(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def occupation_table() -> tuple[dict[str, tuple[float, str]], re.Pattern[str]]:
    """Occupation term -> (share of workers, type) and a regex matching any of them."""
    table: dict[str, tuple[float, str]] = {}
    with (DATA / "occupations.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            table[row["term"].lower()] = (float(row["share"]), row["type"])
    return table, _term_regex(list(table))


@lru_cache(maxsize=1)
def lexicons() -> tuple[tuple[str, dict[str, float], float, re.Pattern[str]], ...]:
    """(type, term -> share, default share, regex) for each word list in data/lexicon.yaml."""
    data = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    out = []
    for typ, spec in data.items():
        terms = {str(k).lower(): float(v) for k, v in spec["terms"].items()}
        out.append((typ, terms, float(spec.get("default", 0.05)), _term_regex(list(terms))))
    return tuple(out)


def _lookup(table: dict[str, float], surface: str, default: float) -> float:
    key = re.sub(r"[\s-]+", " ", surface.lower()).strip()
    for cand in (key, key.rstrip("s"), key[:-2] if key.endswith("es") else key):
        cand2 = cand.replace(" ", "-")
        if cand in table:
            return table[cand]
        if cand2 in table:
            return table[cand2]
    return default


def _number(word: str) -> int | None:
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS.get(w)


_NEGATED = re.compile(r"\b(?:not|no|never|without|denies|denied|rule[sd]? out|r/o|negative for|queried|query"
                      r"|differential|unlikely|excluded)\b[^.;\n]*$", re.IGNORECASE)
_AGE_EXACT = re.compile(
    r"\b(\d{1,3})(?:[- ](?:year|yr)s?[- ]old\b|\s?(?:y/o|yo)\b| years of age\b)"
    r"|\b(?:aged|age|turned|turning)\s(\d{1,3})\b|\b(\d{1,3})(?:st|nd|rd|th) birthday\b", re.IGNORECASE)
_AGE_DECADE = re.compile(
    r"\b(early|mid|late)?[- ]?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
    r"|\bin (?:his|her|their|my|your|our) (early |mid-?|late )?([2-9])0s\b", re.IGNORECASE)
_AGE_STAGE = re.compile(r"\b(teen(?:ager)?s?|adolescents?|toddlers?|pensioners?|octogenarian|nonagenarian"
                        r"|centenarian)\b", re.IGNORECASE)
_STAGE_RANGE = {"teen": (13, 19), "adolescent": (12, 18), "toddler": (1, 3), "pensioner": (66, 100),
                "octogenarian": (80, 89), "nonagenarian": (90, 99), "centenarian": (100, 120)}
_GENDER = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself|mr|mrs|ms|miss|woman|man|female|male"
                     r"|girl|boy|mother|father|mum|mom|dad|wife|husband|son|daughter)\b", re.IGNORECASE)
_GENDER_RARE = re.compile(r"\b(?:transgender|trans (?:wo)?man|non-?binary|genderqueer|genderfluid|two-spirit"
                          r"|intersex)\b", re.IGNORECASE)
_EMPLOYER = re.compile(
    r"\b(?:works?|worked|working|employed|job|jobs|teaches|taught|studies|studied|studying|enrolled|volunteers?"
    r"|shifts?|manager|started)\s(?:at|for|in|with)\s(?:a |an |the |her |his |their |my |our )?"
    r"(?:local |small |family |big |large |regional |rural |private |public |state |catholic |village )?"
    r"(bank|school|primary school|high school|secondary school|college|university|hospital|clinic|factory|mill"
    r"|mine|plant|farm|restaurant|caf[eé]|pub|bar|hotel|shop|store|supermarket|warehouse|call cent(?:re|er)"
    r"|council|church|army|navy|air force|police|fire department|fire service|prison|jail|airline|airport"
    r"|port|harbou?r|newspaper|radio station|law firm|accounting firm|tech company|start-?up|non-?profit"
    r"|charity|ngo|government|ministry|embassy|consulate|refinery|shipyard|railway|bakery|garage|salon|gym"
    r"|marina|ferry|fishing fleet|lighthouse|observatory|zoo|casino|mosque|temple|gurdwara|synagogue)\b",
    re.IGNORECASE)
_RARE_EMPLOYERS = {"mine", "mill", "refinery", "shipyard", "embassy", "consulate", "radio station",
                   "newspaper", "prison", "jail", "port", "harbour", "harbor", "marina", "ferry", "lighthouse",
                   "observatory", "zoo", "casino", "fishing fleet", "airline"}
# An occupation counts at full rarity only when it is said to be someone's job ("is the harbourmaster",
# "worked as a welder", "as branch manager"); a bare mention (the interpreter, her GP) counts weakly.
MENTIONED_EXPONENT = 0.3
_SELF_ROLE = re.compile(
    r"(?:\b(?:i am|i'm|i was|is|was|are|were|been|be|being|works? as|worked as|working as|trained as|job as"
    r"|career as|employed as|became|become|becomes|retired|former|ex-|qualified as|serve[sd]? as|serving as"
    r"|as(?: a| an| the)?|by trade|a|an)\s+(?:(?:local|senior|junior|qualified|trainee|head|assistant|deputy"
    r"|chief|volunteer|part-time|full-time|self-employed|freelance|retired|former|only|one|first|town's|village's"
    r"|the|a|an)\s+){0,3})$", re.IGNORECASE)
_OTHERS_ROLE = re.compile(r"\b(?:my|his|her|their|your|our|the client's|whose|with|to|from|by|saw|see|seeing"
                          r"|asked|told|called|phoned|spoke)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_UNKNOWN_JOB = re.compile(r"\b(?:works as|worked as|working as|job as|trained as|employed as|career as)"
                          r"\s(?:a|an|the)\s[\w-]+(?:\s[\w-]+)?", re.IGNORECASE)
_FAMILY = [
    (re.compile(r"\b(?:triplets|quadruplets|quintuplets|sextuplets|conjoined twins)\b", re.I), 0.0005,
     "family.multiple_birth"),
    (re.compile(r"\btwins?\b", re.I), 0.03, "family.twins"),
    (re.compile(r"\b(?:widow|widower|widowed)\b", re.I), 0.06, "family.widowed"),
    (re.compile(r"\b(?:lost|losing|death of|deaths of|buried|burying)\s(?:both\s)?(?:his|her|their|my)\s"
                r"(?:twins|son|daughter|baby|babies|child|children|kids|husband|wife|partner|parents)\b", re.I),
     0.01, "family.bereaved"),
    (re.compile(r"\b(?:adopted|adoptive|foster(?:ed)?|kinship carer|orphan(?:ed)?|surrogacy|surrogate mother)\b",
                re.I), 0.02, "family.adoption_foster"),
    (re.compile(r"\bsingle (?:mother|father|parent|dad|mum|mom)\b", re.I), 0.05, "family.single_parent"),
]
_FAMILY_COUNT = re.compile(
    r"\b(?:(?:mother|father|mum|mom|dad|parent)s? of\s(\w+)|(\w+)\s(?:children|kids|sons|daughters|siblings"
    r"|brothers|sisters|grandchildren))\b", re.I)
_PLACE_SIZE = re.compile(
    r"\b(?:town|village|hamlet|township|settlement|community|city|suburb|island|county|valley|reserve"
    r"|reservation|parish|borough|municipality|district|shire)\s(?:of|with)\s(?:about |around |roughly |some "
    r"|just |only |under |fewer than |less than |barely |maybe |nearly |almost |just over )?"
    r"(\d[\d,.]*)\s*(k|thousand|million|hundred)?\b|\bpopulation(?:\sof)?\s(?:about |around |roughly |just )?"
    r"(\d[\d,.]*)\s*(k|thousand|million|hundred)?\b", re.I)
_PLACE_WORDS = [
    (re.compile(r"\b(?:small|tiny|little)[- ](?:coastal |rural |mining |farming |fishing |country |island |"
                r"border |market |seaside |harbou?r |mountain |prairie |lakeside )?(?:town|community|city|"
                r"settlement)\b", re.I), 5000, "place.small_town"),
    (re.compile(r"\b(?:village|hamlet|kampong)s?\b", re.I), 2000, "place.village"),
    (re.compile(r"\b(?:remote|rural|farming|fishing|mining|island|outback|bush|coastal|harbou?r|mountain|"
                r"prairie|reserve)\s(?:town|community|township|settlement|area)\b", re.I), 10000,
     "place.rural"),
    (re.compile(r"\b(?:first nations reserve|reservation|pueblo|kibbutz|outstation)\b", re.I), 2000,
     "place.reserve"),
    (re.compile(r"\b(?:the|a|our|my|his|her|their|this|that|whole) town\b(?![- ](?:cent(?:re|er)|hall|"
                r"house|square|planning))", re.I), 50000, "place.town"),
]
_MULT = {"k": 1000, "thousand": 1000, "million": 1_000_000, "hundred": 100}


def _place_number(num: str, mult: str | None) -> int | None:
    try:
        value = float(num.replace(",", "")) if num.count(".") <= 1 else float(num.replace(".", ""))
    except ValueError:
        return None
    value *= _MULT.get((mult or "").lower(), 1)
    return int(value) if value >= 10 else None


def _outside_placeholders(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]


def find_attributes(text: str) -> list[Attribute]:
    """Every quasi-identifier found in an output text (offsets into that text; no text kept)."""
    holes = _outside_placeholders(text)
    found = [a for a in _iter_attributes(text)
             if not any(s <= a.start and a.end <= e for s, e in holes)]
    return sorted(found, key=lambda a: (a.start, a.end, a.rule))


class _Text(str):
    """The text with its case-folded form, so each regex scan can be skipped when it cannot match."""

    folded: str

    def scan(self, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """rx.finditer over the text, or nothing when a literal every match needs is absent."""
        if may_match(required_literals(rx.pattern), self.folded):
            yield from rx.finditer(self)


def _prepared(text: str) -> _Text:
    t = _Text(text)
    t.folded = text.casefold()
    return t


def _iter_attributes(raw: str) -> Iterator[Attribute]:
    text = _prepared(raw)
    for r in pattern_rules():
        for m in text.scan(r.regex):
            yield Attribute(r.type, r.rule, m.start(), m.end(), r.frequency)
    yield from _ages(text)
    yield from _gender(text)
    yield from _work(text)
    for typ, table, default, rx in lexicons():
        for m in text.scan(rx):
            if typ == "DIAGNOSIS" and _NEGATED.search(text[max(0, m.start() - 50):m.start()]):
                continue
            yield Attribute(typ, f"{typ.lower()}.lexicon", m.start(), m.end(),
                            _lookup(table, m.group(0), default))
    yield from _family(text)
    yield from _places(text)


def _ages(text: _Text) -> Iterator[Attribute]:
    for m in text.scan(_AGE_EXACT):
        age = int(next(g for g in m.groups() if g))
        if 0 < age < 120:
            yield Attribute("AGE", "age.exact", m.start(), m.end(), age_frequency(age, age))
    for m in text.scan(_AGE_DECADE):
        qual, word, qual2, digit = m.groups()
        base = _DECADES[word.lower()] if word else int(digit) * 10
        q = (qual or qual2 or "").strip(" -").lower()
        low, high = {"early": (base, base + 3), "mid": (base + 3, base + 6), "late": (base + 6, base + 9)}.get(
            q, (base, base + 9))
        yield Attribute("AGE", "age.band", m.start(), m.end(), age_frequency(low, high))
    for m in text.scan(_AGE_STAGE):
        key = next(k for k in _STAGE_RANGE if m.group(1).lower().startswith(k))
        yield Attribute("AGE", "age.life_stage", m.start(), m.end(), age_frequency(*_STAGE_RANGE[key]))


def _gender(text: _Text) -> Iterator[Attribute]:
    m = _GENDER.search(text)
    if m:
        yield Attribute("GENDER", "gender.marker", m.start(), m.end(), 0.5)
    for m in text.scan(_GENDER_RARE):
        yield Attribute("GENDER", "gender.minority", m.start(), m.end(), 0.005)


def _work(text: _Text) -> Iterator[Attribute]:
    table, rx = occupation_table()
    jobs = list(text.scan(rx))
    known = [(m.start(), m.end()) for m in jobs]
    for m in jobs:
        share, typ = table.get(_norm(m.group(0)), None) or _plural_lookup(table, m.group(0))
        before = text[max(0, m.start() - 60):m.start()]
        if _SELF_ROLE.search(before) and not _OTHERS_ROLE.search(before):
            yield Attribute(typ, f"{typ.lower()}.held", m.start(), m.end(), share)
        else:  # someone's doctor, the interpreter, Pastor X: probably not the person's own job
            yield Attribute(typ, f"{typ.lower()}.mentioned", m.start(), m.end(), share ** MENTIONED_EXPONENT)
    for m in text.scan(_UNKNOWN_JOB):  # a job the table does not know: assume a rare one
        if not any(s < m.end() and m.start() < e for s, e in known):
            yield Attribute("PROFESSION", "profession.stated", m.start(), m.end(), 0.01)
    for m in text.scan(_EMPLOYER):
        kind = m.group(1).lower()
        yield Attribute("EMPLOYER", "employer.type", m.start(), m.end(),
                        0.005 if kind in _RARE_EMPLOYERS else 0.05)


def _norm(s: str) -> str:
    return re.sub(r"[\s-]+", " ", s.lower()).strip()


def _plural_lookup(table: dict[str, tuple[float, str]], surface: str) -> tuple[float, str]:
    key = _norm(surface)
    for cand in (key[:-2], key[:-1], key.replace(" ", "-")):
        if cand in table:
            return table[cand]
    return (0.01, "PROFESSION")


def _family(text: _Text) -> Iterator[Attribute]:
    for rx, freq, rule in _FAMILY:
        for m in text.scan(rx):
            yield Attribute("FAMILY", rule, m.start(), m.end(), freq)
    for m in text.scan(_FAMILY_COUNT):
        n = _number(m.group(1) or m.group(2))
        if n is not None and n >= 4:
            freq = 0.03 if n == 4 else 0.01 if n <= 6 else 0.002
            yield Attribute("FAMILY", "family.large", m.start(), m.end(), freq)


def _places(text: _Text) -> Iterator[Attribute]:
    for m in text.scan(_PLACE_SIZE):
        num, mult = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        pop = _place_number(num, mult)
        if pop:
            yield Attribute("PLACE", "place.size_stated", m.start(), m.end(), 1.0, pop)
    for rx, pop, rule in _PLACE_WORDS:
        for m in text.scan(rx):
            yield Attribute("PLACE", rule, m.start(), m.end(), 1.0, pop)
