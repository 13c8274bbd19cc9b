"""How many people share the surviving details: k = population x attribute frequencies; risk = 1/k."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from deid.risk.quasi import Attribute


@dataclass(frozen=True)
class KEstimate:
    """The estimate and what drives it (attributes that entered the product, rarest first)."""

    k: float
    population: int
    place: Attribute | None = None
    drivers: list[Attribute] = field(default_factory=list)

    @property
    def risk(self) -> float:
        """Probability of picking out the one person: 1/k, capped at 1."""
        return 1.0 if self.k <= 1 else 1.0 / self.k


def estimate_k(attributes: list[Attribute], default_population: int, correlation: float = 0.5,
               independent: int = 2) -> KEstimate:
    """k = population of the smallest surviving place x product of each surviving attribute's frequency.

    Within one type only the rarest attribute counts (the same fact said twice is one fact). Within
    one correlation group (e.g. a public role and the event that made it public) the rarest counts
    fully and the others with exponent ``1 - correlation``, so correlated details are not multiplied
    as if they were independent. Across groups the ``independent`` rarest group factors count fully
    and the rest with the same exponent: in narrative text many details describe other people
    (the son's diagnosis, the interpreter's job), so a long list of common details is discounted.
    """
    places = [a for a in attributes if a.type == "PLACE" and a.population]
    place = min(places, key=lambda a: a.population or 0, default=None)
    population = min(default_population, place.population) if place and place.population else default_population
    rarest: dict[str, Attribute] = {}
    for a in attributes:
        if a.type == "PLACE" or a.frequency >= 1.0:
            continue
        if a.type not in rarest or a.frequency < rarest[a.type].frequency:
            rarest[a.type] = a
    groups: dict[str, list[Attribute]] = defaultdict(list)
    for a in rarest.values():
        groups[a.group].append(a)
    exponent = max(0.0, 1.0 - correlation)
    factors = []
    for members in groups.values():
        members.sort(key=lambda a: a.frequency)
        factors.append(math.log10(members[0].frequency)
                       + sum(exponent * math.log10(a.frequency) for a in members[1:]))
    factors.sort()
    log_k = math.log10(max(population, 1)) + sum(factors[:independent]) + exponent * sum(factors[independent:])
    drivers = sorted(rarest.values(), key=lambda a: a.frequency)
    return KEstimate(k=10 ** log_k, population=population, place=place, drivers=drivers)
