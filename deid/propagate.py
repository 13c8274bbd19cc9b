"""Name propagation: once a PERSON surface is found in a document, mark every other occurrence.

Also derives initials from full names ("Kofi Mensah" -> "KM", "R. Ebrahim" -> "RE") and extends
a PERSON mention over an adjacent capitalised surname ("Dana" + " Whitfield").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from deid.model import Mention
from recognizers.cues import is_common_word

if TYPE_CHECKING:
    from deid.config import Profile

PROPAGATED = "NamePropagation"
_WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PARTICLES = frozenset("van von der den de del della di da dos das du la le al el bin ibn ben".split())
# Words that can be names but are ordinary English far more often: propagated only in the exact
# case seen and never at the start of a sentence.
LOOKALIKES = frozenset("""will may june april august hope grace faith joy mark bill summer winter autumn
spring rose lily ivy daisy holly dawn art pat sue rich frank sandy amber ruby violet iris jade pearl
crystal sky river stone brook hunter chase grant miles max ray guy nick drew sterling penny bob rob
jack jean gene lane dean page reed wade cliff glen dale don ben long young brown green white black
bishop king queen major sergeant""".split())


_TITLE_AFTER = re.compile(r"\.?[ \t]+[A-Z]")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|every|some|any|no)[ \t]+$")
# Recognizers whose anchor makes even a form-label word a name ("her sister Faith").
_ANCHORED = ("Roster", "RelationRecognizer", "HonorificRecognizer")


def _sentence_start(text: str, start: int) -> bool:
    """True when only whitespace and an opening quote/bracket separate start from a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


def surfaces(mention_text: str) -> set[str]:
    """Surfaces to search for: the whole mention and each name word of two letters or more."""
    out = set()
    whole = _POSSESSIVE.sub("", " ".join(mention_text.split()))
    if whole:
        out.add(whole)
    for w in _WORD.findall(whole):
        w = _POSSESSIVE.sub("", w)
        if len(w) >= 2 and w.lower() not in _PARTICLES:
            out.add(w)
    return out


def initials(mention_text: str) -> set[str]:
    """Initials of a two- or three-word name: "Priya Raman" -> {"PR", "P.R."}; single words give none."""
    words = [w for w in re.split(r"[\s.]+", mention_text.strip()) if w and w.lower() not in _PARTICLES]
    if not 2 <= len(words) <= 3 or not all(w[0].isupper() for w in words):
        return set()
    letters = "".join(w[0] for w in words)
    return {letters, ".".join(letters) + "."}


def _occurrences(text: str, surface: str, exact_case: bool, folded: str | None = None
                 ) -> Iterable[tuple[int, int]]:
    """Whole-word occurrences of ``surface`` (no regex compile per name: this runs per surface).

    ``folded`` is ``text.lower()`` when that keeps every offset (it does for nearly all text);
    otherwise a case-insensitive search falls back to a regular expression.
    """
    if exact_case:
        hay, needle = text, surface
    elif folded is not None and len(folded) == len(text) and len(surface.lower()) == len(surface):
        hay, needle = folded, surface.lower()
    else:
        rx = re.compile(rf"(?<![\w'’-]){re.escape(surface)}(?![\w-]|['’]\w\w)", re.IGNORECASE)
        for m in rx.finditer(text):
            yield m.start(), m.end()
        return
    if not needle:
        return
    n = len(needle)
    i = hay.find(needle)
    while i != -1:
        j = i + n
        if (i == 0 or not _joins_before(text[i - 1])) and (j == len(text) or not _joins_after(text, j)):
            yield i, j
            i = hay.find(needle, j)
        else:
            i = hay.find(needle, i + 1)


def _joins_before(c: str) -> bool:
    """The character before a name would make it part of a longer word."""
    return c.isalnum() or c in "_'’-"


def _joins_after(text: str, j: int) -> bool:
    """The text at j would make a name part of a longer word (a possessive "'s" does not)."""
    c = text[j]
    if c.isalnum() or c in "_-":
        return True
    if c in "'’":
        nxt = text[j + 1:j + 3]
        return len(nxt) == 2 and all(ch.isalnum() or ch == "_" for ch in nxt)
    return False


def _expand_surname(text: str, m: Mention, blocked: frozenset[str]) -> Mention:
    """Extend a PERSON mention over one following capitalised word on the same line."""
    nxt = re.compile(r" ([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b").match(text, m.end)
    if not nxt:
        return m
    word = nxt.group(1)
    if word.lower() in blocked or word.lower() in LOOKALIKES:
        return m
    return Mention(m.start, nxt.end(1), m.entity_type, m.score, m.recognizer, text[m.start:nxt.end(1)])


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _label_variants(text: str, best: dict[str, float]) -> dict[str, float]:
    """Title-case forms of look-alike names the document has as speaker labels ("SKY:" -> "Sky")."""
    out: dict[str, float] = {}
    for surface, score in best.items():
        if len(surface) < 3 or not surface.isupper() or surface.lower() not in LOOKALIKES:
            continue
        if re.search(rf"(?m)^[ \t>]*\[?{re.escape(surface)}\]?[ \t]*:", text):
            out[surface.title()] = score
    return out


def _verb_syntax(text: str, end: int, not_before: frozenset[str]) -> bool:
    """True when the word after a look-alike makes it a verb or modal ("Will you", "Hope you're")."""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1).lower() in not_before


def _only_common_words(m: Mention, not_names: frozenset[str]) -> bool:
    """True for a PERSON mention made only of role/relation words ("Dad", "Client")."""
    words = [_POSSESSIVE.sub("", w).lower() for w in _WORD.findall(m.text)]
    return bool(words) and all(w in not_names for w in words) and not m.recognizer.startswith(_ANCHORED)


def propagate(text: str, mentions: list[Mention], blocked: frozenset[str] = frozenset(),
              entity: str = "PERSON", not_names: frozenset[str] = frozenset(),
              lower_ok: frozenset[str] = frozenset(),
              not_before: frozenset[str] = frozenset()) -> list[Mention]:
    """Add a mention for every further occurrence of each detected name surface in the text.

    blocked: normalised words never propagated nor used to extend (allow-list, common words).
    not_names: words that alone are never a name (roles, relations, titles): such mentions go.
    lower_ok: lower-case words known as names; others spread to lower-case text only when a
    context recognizer (not plain NER) found them.
    not_before: words after which a title-case look-alike is a verb ("Will you"): a look-alike
    the document has as a speaker label ("SKY:") is the name in title case too ("Sky, good to see
    you"), even at the start of a sentence, unless one of these follows.
    Surfaces of three characters or fewer, and look-alike words, match in their exact case only.
    """
    mentions = [m for m in mentions if m.entity_type != entity or not _only_common_words(m, not_names)]
    persons = [m for m in mentions if m.entity_type == entity]
    if not persons:
        return mentions
    persons = [_expand_surname(text, m, blocked) if m.text[:1].isupper() else m for m in persons]
    others = [m for m in mentions if m.entity_type != entity]
    seen = {(m.start, m.end) for m in persons}
    folded = text.lower()
    best: dict[str, float] = {}
    from_context: set[str] = set()
    for m in persons:
        whole = text[m.start:m.end].strip().rstrip(".")
        if len(whole) == 1 and "Spacy" not in m.recognizer:
            best[whole] = max(best.get(whole, 0.0), m.score)
            from_context.add(whole)
        for s in surfaces(text[m.start:m.end]):
            best[s] = max(best.get(s, 0.0), m.score)
            if "Spacy" not in m.recognizer:
                from_context.add(s)
        for s in initials(text[m.start:m.end]):
            best.setdefault(s, m.score)
    added: list[Mention] = []
    for surface, score in _label_variants(text, best).items():
        for s, e in _occurrences(text, surface, True):
            if (s, e) not in seen and not _verb_syntax(text, e, not_before):
                seen.add((s, e))
                added.append(Mention(s, e, entity, score, PROPAGATED, surface))
    derived = {s for m in persons for s in initials(text[m.start:m.end])}
    for surface, score in sorted(best.items()):
        low = surface.lower()
        if (low in blocked and surface not in derived) or (len(surface) < 2 and surface not in from_context):
            continue
        if len(surface) == 1:
            if surface in "AI" or not surface.isupper():
                continue
            for s, e in _occurrences(text, surface + ".", True):  # "R." grew up ... ; never bare "R"
                if (s, e - 1) not in seen and (s, e) not in seen:
                    seen.add((s, e - 1))
                    added.append(Mention(s, e - 1, entity, score, PROPAGATED, surface))
            continue
        lower_too = surface in from_context or low in lower_ok
        common = low in LOOKALIKES
        exact = len(surface) <= 3 or common or surface.isupper() and len(surface) <= 4
        title_like = surface in derived and low in not_names  # initials "DR" of "Dolores Ruiz"
        for s, e in _occurrences(text, surface, exact, folded):
            if (s, e) in seen or (common and _sentence_start(text, s)):
                continue
            if title_like and _TITLE_AFTER.match(text, e):
                continue  # "DR. QUILL:" is a title before a name, not her initials
            if text[s:e].islower() and not surface.islower() and not lower_too:
                continue
            if text[s:e].islower() and _ARTICLE_BEFORE.search(text, max(0, s - 8), s) and is_common_word(low):
                continue  # "a storm", "make a mark": the word, not the name Storm or Mark
            seen.add((s, e))
            m = Mention(s, e, entity, score, PROPAGATED, text[s:e])
            added.append(_expand_surname(text, m, blocked) if text[s:s + 1].isupper() else m)
    return others + persons + added


def blocked_name_words(profile: "Profile", allow: Iterable[str]) -> frozenset[str]:
    """Words never propagated as names: the allow-list, stop words, role, field and relation words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from recognizers.name_context import cues_for

    cues = cues_for(profile)
    return frozenset(set(allow) | set(STOP_WORDS) | not_name_words(profile) | cues.stage_directions)


def not_name_words(profile: "Profile") -> frozenset[str]:
    """Words that alone never make a name: roles, form-field labels, relation words, titles and
    terms of address ("Doc")."""
    from recognizers.name_context import cues_for

    cues = cues_for(profile)
    return frozenset(cues.roles | cues.field_labels | cues.relations | cues.honorifics | cues.address_terms)
