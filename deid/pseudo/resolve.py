"""Entity resolution over collected records: name-token roles, persons per case, aliases.

Records are tab-separated strings made by the collect phase (workers); they hold keyed hashes
and generic hints only, never an identifier. Person names are pseudonymised token by token
(one surrogate per given name or surname across the project), so 'Dana Whitfield', 'Dana',
'Ms. Whitfield', 'DANA:' and 'Whitfield, Dana' stay one person; persons are resolved per case
for tags, nicknames and initials, and a short form two persons share is kept apart and counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

SEP = "\t"


def record(*fields: str) -> str:
    """Join record fields (none may contain a tab)."""
    return SEP.join(f.replace(SEP, " ") for f in fields)


@dataclass
class TokenInfo:
    """Votes for one name token key across the records of an assign call."""

    roles: Counter[str] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    lex: str = "?"
    enc: str = ""
    order: int = 0
    letter: str = ""  # keyed substitute of the original's first letter

    def role(self) -> str:
        """given or surname, from how the token was used (then the name lexicon)."""
        g, s = self.roles["given"], self.roles["surname"]
        if s > g:
            return "surname"
        if g:
            return "given"
        return "given" if self.lex == "g" else "surname"

    def gender(self) -> str:
        """f, m or u: the most common known gender vote."""
        known = [(n, g) for g, n in self.genders.items() if g in ("f", "m")]
        if not known:
            return "u"
        known.sort(reverse=True)
        if len(known) > 1 and known[0][0] == known[1][0]:
            return "u"
        return known[0][1]


@dataclass
class CaseNames:
    """Persons of one case: (given, surname) pairs, single tokens, initials, nicknames."""

    pairs: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # -> initials
    singles: set[str] = field(default_factory=set)
    nicks: dict[str, set[str]] = field(default_factory=dict)
    initials: dict[str, tuple[str, str]] = field(default_factory=dict)  # ikey -> (letters, surname)
    client_votes: list[tuple[str, int]] = field(default_factory=list)  # (person identity, weight)


@dataclass
class Collected:
    """Parsed records of one assign call."""

    tokens: dict[str, TokenInfo] = field(default_factory=dict)
    cases: dict[str, CaseNames] = field(default_factory=lambda: defaultdict(CaseNames))
    others: dict[str, tuple[str, str, str, str, int]] = field(default_factory=dict)
    rendered: set[str] = field(default_factory=set)
    surfaces: dict[str, dict[str, Counter[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter)))  # case -> surface key -> labels


def parse_records(records: list[str]) -> Collected:
    """Group records by kind, keeping first-appearance order for deterministic assignment."""
    c = Collected()
    for n, rec in enumerate(records):
        f = rec.split(SEP)
        kind = f[0]
        if kind == "N":
            _, case, key, role, gender, lex, alone, nicks, enc, letter = (f + [""] * 10)[:10]
            info = c.tokens.get(key)
            if info is None:
                info = c.tokens[key] = TokenInfo(lex=lex or "?", enc=enc, order=n, letter=letter)
            info.roles[role] += 1
            info.genders[gender] += 1
            if alone == "1":
                c.cases[case].singles.add(key)
            if nicks:
                c.cases[case].nicks[key] = set(nicks.split(","))
        elif kind == "P":
            _, case, gkey, skey, gi, si = (f + [""] * 6)[:6]
            c.cases[case].pairs[(gkey, skey)] = (gi, si)
        elif kind == "I":
            _, case, ikey, letters, skey = (f + [""] * 5)[:5]
            c.cases[case].initials[ikey] = (letters, skey)
        elif kind == "K":
            _, label, key, subtype, hint, enc = (f + [""] * 6)[:6]
            c.others.setdefault(key, (label, subtype, hint, enc, n))
        elif kind == "R":
            c.rendered.add(f[1])
        elif kind == "C":
            _, case, ident, weight = (f + [""] * 4)[:4]
            c.cases[case].client_votes.append((ident, int(weight or 0)))
        elif kind == "S":
            _, case, skey, label, bare = (f + [""] * 5)[:5]
            c.surfaces[case][skey][label] += 1
            if bare:  # an organisation mention without a kind word ('Quellport' as ORGANIZATION)
                c.surfaces[case][skey][BARE_ORG] += 1
    return c


BARE_ORG = "ORGANIZATION_WITHOUT_KIND"
TYPE_ORDER = ("PERSON", "LOCATION", "ORGANIZATION", "DATE", "ID")


def resolve_types(surfaces: dict[str, Counter[str]]) -> dict[str, str]:
    """One type per surface detected as several: PERSON when any mention is (recall first), else the majority.

A place also detected as an organisation whose mentions never name a kind ('Quellport' as
ORGANIZATION) stays a place.

    Ties go to the earlier type in TYPE_ORDER; surfaces seen with one type only are not listed.
    """
    out: dict[str, str] = {}
    for skey, counts in sorted(surfaces.items()):
        labels = Counter({k: v for k, v in counts.items() if k != BARE_ORG})
        if len(labels) < 2:
            continue
        if labels["PERSON"]:
            out[skey] = "PERSON"
            continue
        if labels["LOCATION"] and counts[BARE_ORG] >= labels["ORGANIZATION"]:
            out[skey] = "LOCATION"  # no mention named a kind of organisation: a place
            continue
        out[skey] = max(labels, key=lambda lb: (labels[lb], -TYPE_ORDER.index(lb) if lb in TYPE_ORDER else -99))
    return out


@dataclass
class CaseResolution:
    """What the serial step decides for one case."""

    token_entity: dict[str, str] = field(default_factory=dict)  # token key -> pair id or ''
    nick_target: dict[str, str] = field(default_factory=dict)  # nickname key -> given key
    initial_target: dict[str, tuple[str, str]] = field(default_factory=dict)  # ikey -> pair
    ambiguous: int = 0


def resolve_case(names: CaseNames) -> CaseResolution:
    """Attach short forms to the one person they can mean; count the ones two persons share."""
    res = CaseResolution()
    by_given: dict[str, set[tuple[str, str]]] = defaultdict(set)
    by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for g, s in names.pairs:
        by_given[g].add((g, s))
        by_surname[s].add((g, s))
    for key in sorted(set(by_given) | set(by_surname) | names.singles):
        cands = by_given.get(key, set()) | by_surname.get(key, set())
        if len(cands) == 1:
            res.token_entity[key] = "|".join(next(iter(cands)))
        elif len(cands) > 1 and key in names.singles:
            res.ambiguous += 1
    for key, canon_keys in sorted(names.nicks.items()):
        if key in by_given:
            continue
        targets = sorted(g for g in by_given if g in canon_keys) or sorted(
            k for k in names.singles if k in canon_keys)
        if len(targets) == 1:
            res.nick_target[key] = targets[0]
            pairs = by_given.get(targets[0], set())
            if len(pairs) == 1:
                res.token_entity[key] = "|".join(next(iter(pairs)))
        elif len(targets) > 1:
            res.ambiguous += 1
    for ikey, (letters, skey) in sorted(names.initials.items()):
        if skey:
            cands = {p for p in by_surname.get(skey, set()) if names.pairs[p][0] == letters[:1]}
        elif len(letters) >= 2:
            cands = {p for p, (gi, si) in names.pairs.items() if gi + si == letters[:2]}
        else:
            cands = {p for p, (gi, _) in names.pairs.items() if gi == letters}
        if len(cands) == 1:
            res.initial_target[ikey] = next(iter(cands))
        elif len(cands) > 1:
            res.ambiguous += 1
    return res
