"""Grow PERSON mentions over the parts of a name that detection leaves outside them.

Recognizers and NER find the name words but leave out the small pieces between and around
them, which then leak: a particle ("Iris ter Haar", "Client: ter Haar, Iris", "Tadhg Ó Murchú"),
a surname initial after a first name ("Frank H.", a chat sender "Thảo N:"), a leading initial
before a surname ("Signed: I. Calderón-Whyte") and a quoted nickname inside a full name
(`Willard "Will" Tsosie`). Each rule needs a detected name word next to the piece, so no
ordinary text is taken on its own. The particle list is ``particles`` in configs/names/context.yaml.
"""

from __future__ import annotations

import re
from typing import Iterable

from deid.model import Mention

ENTITY = "PERSON"
_WORD = r"[^\W\d_]+"
# "Frank H." / "Thảo N:" - one capital, then a full stop or colon that ends the token.
_TRAILING_INITIAL = re.compile(r"[ \t]+([A-Z])(?=([.:])(?:[ \t\n]|$))")
# "Signed: I. Calderón-Whyte", "(J. Okafor)": an initial opening a line, a field value or a list item.
_LEADING_INITIAL = re.compile(r"(?:^|(?<=[\n:(,\[]))[ \t]*(?P<ini>[A-Z]\.)[ \t]+$")
# Willard "Will" Tsosie: a quoted word between two name words.
_QUOTED = re.compile(r"[ \t]+[\"“'‘][^\W\d_][\w'’-]*[\"”'’][ \t]+$")
_NICK_THEN_SURNAME = re.compile(r"[ \t]+[\"“][^\W\d_][\w'’-]*[\"”][ \t]+[A-Z][\w'’-]*[^\W\d_]")
# What may stand before a particle that opens a name: line start, a field colon, a quote, a bracket.
_NAME_OPENER = re.compile(r"(?:^|[\n:\"“(\[,])[ \t]*$")


def _merge(a: Mention, b: Mention, text: str) -> Mention:
    """One PERSON mention from the start of a to the end of b."""
    return Mention(a.start, b.end, ENTITY, max(a.score, b.score), a.recognizer, text[a.start:b.end])


def _with_start(m: Mention, start: int, text: str) -> Mention:
    return Mention(start, m.end, m.entity_type, m.score, m.recognizer, text[start:m.end])


def _with_end(m: Mention, end: int, text: str) -> Mention:
    return Mention(m.start, end, m.entity_type, m.score, m.recognizer, text[m.start:end])


def _particle_gap(gap: str, particles: frozenset[str]) -> bool:
    """True for one to three particles between two name words (" ter ", " van der ", " Ó ")."""
    words = gap.split()
    return (0 < len(words) <= 3 and gap[:1] in " \t" and gap[-1:] in " \t" and "\n" not in gap
            and all(w.lower() in particles for w in words))


def _nickname_surname(text: str, m: Mention) -> Mention:
    """Margaret "Mags" O'Toole: a quoted nickname and the capitalised surname after a first name."""
    t = _NICK_THEN_SURNAME.match(text, m.end)
    return _with_end(m, t.end(), text) if t and m.text[:1].isupper() else m


def _join(text: str, persons: list[Mention], particles: frozenset[str]) -> list[Mention]:
    """Merge neighbouring PERSON mentions joined by particles or a quoted nickname."""
    out: list[Mention] = []
    for m in persons:
        prev = out[-1] if out else None
        if prev is not None and prev.end <= m.start and m.start - prev.end <= 40:
            gap = text[prev.end:m.start]
            if _particle_gap(gap, particles) or _QUOTED.fullmatch(gap):
                out[-1] = _merge(prev, m, text)
                continue
        out.append(m)
    return out


def _lead_particles(text: str, m: Mention, particles: frozenset[str]) -> Mention:
    """"Client: ter Haar, Iris" - particles before a capitalised surname that opens a name."""
    if not m.text[:1].isupper():
        return m
    start = m.start
    for _ in range(3):
        w = re.search(rf"({_WORD})[ \t]+$", text[max(0, start - 20):start])
        if not w or w.group(1).lower() not in particles or w.group(1) == w.group(1).upper() and len(w.group(1)) > 1:
            break
        start -= len(w.group(0))
    if start == m.start or not _NAME_OPENER.search(text, max(0, start - 40), start):
        return m
    return _with_start(m, start, text)


def _ends_in_initial(m: Mention) -> bool:
    last = m.text.split()[-1].rstrip(".") if m.text.split() else ""
    return len(last) == 1


def _trailing_initial(text: str, m: Mention) -> Mention:
    """"Frank H." / "Thảo N:" - a surname initial after a capitalised name (not "I think", "A ...")."""
    if not m.text[:1].isupper() or _ends_in_initial(m):
        return m
    t = _TRAILING_INITIAL.match(text, m.end)
    if not t or (t.group(1) in "AI" and t.group(2) != ":"):
        return m
    return _with_end(m, t.end(1), text)


def _leading_initial(text: str, m: Mention) -> Mention:
    """"Signed: I. Calderón-Whyte" - one initial before a surname at the start of a value or line."""
    if not m.text[:1].isupper() or "." in m.text[:3]:
        return m
    t = _LEADING_INITIAL.search(text, max(0, m.start - 12), m.start)
    if not t:
        return m
    return _with_start(m, t.start("ini"), text)


def extend_names(text: str, mentions: Iterable[Mention], particles: frozenset[str]) -> list[Mention]:
    """PERSON mentions grown over adjacent particles, initials and quoted nicknames."""
    ms = list(mentions)
    persons = sorted((m for m in ms if m.entity_type == ENTITY), key=lambda m: (m.start, -m.end))
    if not persons:
        return ms
    others = [m for m in ms if m.entity_type != ENTITY]
    grown = [_nickname_surname(text, _leading_initial(text, _trailing_initial(
        text, _lead_particles(text, m, particles)))) for m in persons]
    return others + _join(text, sorted(grown, key=lambda m: (m.start, -m.end)), particles)
