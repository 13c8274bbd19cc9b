"""Parse a person mention into parts: honorific, given names, initials, surname, possessive."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

FORMAL = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "reverend", "fr",
          "father", "sr", "mister", "madam", "madame", "sir", "dame", "lord", "lady", "judge",
          "officer", "detective", "sergeant", "sgt", "coach", "captain", "capt", "nurse", "pastor",
          "rabbi", "imam", "doctor", "mme", "mlle", "herr", "frau", "señor", "señora", "sra", "sr"}
KIN = {"aunt", "auntie", "aunty", "uncle", "grandma", "grandpa", "granny", "gran", "nana", "nan",
       "papa", "mama", "cousin", "brother", "sister", "grandmother", "grandfather", "tia", "tio",
       "abuela", "abuelo", "baba", "bibi"}
FEMALE_TITLES = {"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "aunt", "auntie", "aunty",
                 "grandma", "granny", "nana", "sister", "mama", "grandmother", "mme", "mlle", "frau",
                 "señora", "sra", "tia", "abuela"}
MALE_TITLES = {"mr", "mister", "sir", "lord", "uncle", "grandpa", "papa", "brother", "grandfather",
               "herr", "señor", "tio", "abuelo", "father", "fr"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "lcsw", "lpc", "lmft", "psyd", "rn"}

_POSSESSIVE = re.compile(r"(['’]s|['’])$", re.IGNORECASE)
_PIECE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*\.?|,|-|\S", re.UNICODE)


@dataclass
class Part:
    """One piece of a name with its role: honorific, given, initial, surname, suffix or punct."""

    role: str
    text: str = field(repr=False)
    gap: str = field(default="", repr=False)  # whitespace/punctuation before this part


@dataclass
class ParsedName:
    """A person mention split into parts, plus its possessive ending and title gender."""

    parts: list[Part] = field(default_factory=list, repr=False)
    possessive: str = field(default="", repr=False)
    gender: str = "u"  # from a gendered title: f / m / u
    tail: str = field(default="", repr=False)

    def tokens(self, role: str) -> list[str]:
        """Texts of the parts with a role."""
        return [p.text for p in self.parts if p.role == role]

    @property
    def name_parts(self) -> list[Part]:
        """Given and surname parts (the ones that carry identity)."""
        return [p for p in self.parts if p.role in ("given", "surname", "bare")]


def _bare(tok: str) -> str:
    return tok.rstrip(".").lower()


def _is_initial(tok: str) -> bool:
    t = tok.rstrip(".")
    return len(t) == 1 and t.isalpha()


@lru_cache(maxsize=4096)
def parse_name(text: str) -> ParsedName:
    """Split a PERSON mention into roles (handles 'Last, First', titles, initials, possessives)."""
    core = text.rstrip()
    tail = text[len(core):]
    poss = ""
    m = _POSSESSIVE.search(core)
    if m and len(core) > len(m.group(0)) + 1:
        poss = m.group(0)
        core = core[: m.start()]
    pieces: list[tuple[str, str]] = []
    pos = 0
    for pm in _PIECE.finditer(core):
        pieces.append((core[pos:pm.start()], pm.group(0)))
        pos = pm.end()
    tail = core[pos:] + tail
    parsed = ParsedName(possessive=poss, tail=tail)
    words = [i for i, (_, t) in enumerate(pieces) if t not in (",", "-") and t[0].isalpha()]
    comma = next((i for i, (_, t) in enumerate(pieces) if t == ","), None)
    title_kind = ""
    roles: dict[int, str] = {}
    for i in words:
        b = _bare(pieces[i][1])
        if not roles and (b in FORMAL or b in KIN) and len(words) > 1:
            roles[i] = "honorific"
            title_kind = "kin" if b in KIN else "formal"
            parsed.gender = "f" if b in FEMALE_TITLES else "m" if b in MALE_TITLES else "u"
            continue
        if b in SUFFIXES and roles:
            roles[i] = "suffix"
            continue
        roles[i] = "initial" if _is_initial(pieces[i][1]) else "name"
    names = [i for i in words if roles[i] == "name"]
    if comma is not None and names and names[0] < comma < names[-1]:
        for i in names:
            roles[i] = "surname" if i < comma else "given"
    elif len(names) >= 2:
        for i in names[:-1]:
            roles[i] = "given"
        roles[names[-1]] = "surname"
        # a hyphenated surname: both halves are surname
        for i in names[:-1]:
            if i + 2 <= len(pieces) - 1 and pieces[i + 1][1] == "-" and i + 2 == names[-1]:
                roles[i] = "surname"
    elif len(names) == 1:
        if title_kind == "formal":
            roles[names[0]] = "surname"
        elif title_kind == "kin" or any(roles.get(i) == "initial" for i in words if i > names[0]):
            roles[names[0]] = "given"
        elif any(roles.get(i) == "initial" for i in words if i < names[0]):
            roles[names[0]] = "surname"
        else:
            roles[names[0]] = "bare"
    for i, (gap, tok) in enumerate(pieces):
        parsed.parts.append(Part(roles.get(i, "punct"), tok, gap))
    return parsed


def initials_only(text: str) -> str | None:
    """Upper-case letters when a mention is just initials ('PR', 'S', 'D.W.'), else None."""
    t = text.strip()
    letters = re.sub(r"[.\s]", "", t)
    if 1 <= len(letters) <= 3 and letters.isalpha() and letters.isupper() and (
            len(letters) < 3 or "." in t):
        return letters
    if 1 <= len(letters) <= 3 and letters.isalpha() and re.fullmatch(r"(?:[A-Za-z]\.\s?){1,3}", t):
        return letters.upper()
    return None


def match_case(surrogate: str, original: str) -> str:
    """Render a surrogate in the letter case of the original (UPPER, lower or Title)."""
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return surrogate.upper()
    if letters and all(c.islower() for c in letters):
        return surrogate.lower()
    return surrogate
