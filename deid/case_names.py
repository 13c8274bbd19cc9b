"""Case-level name memory: a name confirmed in one document of a case is marked in all of them.

A client's intake, notes, letters and transcripts name the same people, but each document is
analysed on its own, so a name with context in the letter ("her sister Faith") leaks from the
transcript ("faith told her to leave me alone"). After detection, per case:

- every PERSON word found in a sibling document is marked wherever it occurs here (the rules of
  within-document propagation: short words in their exact case, lower-case speech-to-text only
  when a context recognizer or the census knows the name);
- names that are also ordinary words (Will, Hope, Faith, Summer, Bill, Rose; the allow-list's
  look-alikes) spread only when strong context confirmed them somewhere in the case (a speaker
  label, a title, a relation word, the roster, a following surname), and then only capitalised
  mid-sentence (or as a vocative, "Will, what ..."), and in lower-case speech-to-text only where
  no word-use cue precedes them ("i hope", "the bill", "last summer" stay);
- places and organisations found in one document are marked wherever they occur in the case
  ("Huber Heights" -> "huber heights"), when they look like a proper name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from deid.model import Mention
from deid.propagate import LOOKALIKES
from recognizers.name_data import fold, load_common_words, load_lexicon
from recognizers.ner_recognizer import NOT_NAMES as ABBREVIATIONS
from recognizers.oov_name_recognizer import lower_case_text

CASE_PROPAGATED = "CaseNamePropagation"
# Recognizers whose context is strong enough to call a look-alike word a name.
STRONG = ("SpeakerLabelRecognizer", "HonorificRecognizer", "RelationRecognizer", "Roster",
          "NameCueRecognizer")
_WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PARTICLES = frozenset("van von der den de del della di da dos das du la le al el bin ibn ben abu "
                       "mc mac st".split())
# Recognizers whose anchor makes even a form-label word a name ("her sister Faith").
_ANCHORED = ("Roster", "RelationRecognizer", "HonorificRecognizer")
# Look-alikes that may be marked in lower-case text: nouns whose word use nearly always follows
# a determiner, pronoun or preposition. Modal/month/colour/verb look-alikes never are.
_LOWER_OK = frozenset("""hope faith grace joy summer winter autumn rose lily ivy daisy holly dawn
amber ruby violet iris jade pearl crystal bill precious patience charity""".split())
# Words before a look-alike that show its ordinary use ("i hope", "the bill", "last summer").
_WORD_USE = frozenset("""i we you they he she it i'm im ive i've to the a an of in on my your his
her our their its no any some this that these those last next every each all lost have has had
not much more most lot full great big little real true false new good bad high low for by before
after until during since through over into out up without losing lose keep keeping give gave found
find paid pay pays paying phone electric gas water power medical hospital vet""".split())

# A name addressed at the start of a sentence: "Will, what did you notice?"
_VOCATIVE = re.compile(r",\s+(?:what|how|why|when|where|who|do|did|does|can|could|would|will|are|is|were|was|"
                       r"you|you're|i|i'm|we|tell|come|listen|look|sorry|thanks|thank|that's|it's|let's)\b",
                       re.IGNORECASE)


@dataclass
class _Seen:
    """What the case knows about one name word."""

    strong: bool = False        # confirmed by strong context (may spread even if a look-alike)
    context: bool = False       # found by a context recognizer (may spread to lower case)
    docs: set[int] | None = None


def _wordlike(low: str) -> bool:
    """A name word that is also a frequent English word ("Precious", "Mo", "Lab"): needs strong context."""
    return fold(low) in load_common_words() or load_lexicon().is_ambiguous(low)


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _words(text: str) -> list[str]:
    return [w for w in (_POSSESSIVE.sub("", w) for w in _WORD.findall(text))
            if len(w) >= 2 and w.lower() not in _PARTICLES]


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([*_>-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:|"


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’]+)[^\w\n]*$", text[max(0, start - 40):start])
    return m.group(1).lower() if m else ""


def _collect(texts: list[str], mentions: list[list[Mention]], blocked: frozenset[str],
             not_names: frozenset[str], titles: frozenset[str]) -> dict[str, _Seen]:
    """Name words of the case's PERSON mentions, keyed by their surface."""
    seen: dict[str, _Seen] = defaultdict(_Seen)
    for i, ms in enumerate(mentions):
        for m in ms:
            if m.entity_type != "PERSON":
                continue
            words = _words(texts[i][m.start:m.end])
            strong_rec = m.recognizer.startswith(STRONG)
            for w in words:
                low = w.lower()
                if low in titles or (low in not_names and not m.recognizer.startswith(_ANCHORED)):
                    continue
                if low in STOP_WORDS and low not in LOOKALIKES:
                    continue
                if w in ABBREVIATIONS and not m.recognizer.startswith("SpeakerLabel"):
                    continue
                look = low in LOOKALIKES or low in blocked or _wordlike(low) or (w.isupper() and len(w) <= 4)
                # a look-alike next to a non-look-alike name word ("Faith Adebayo") is a name
                partner = 2 <= len(words) <= 3 and w == words[0] and any(
                    x[:1].isupper() and x.lower() not in LOOKALIKES and x.lower() not in blocked
                    and x.lower() not in not_names and not _wordlike(x.lower()) for x in words[1:])
                if look and not (strong_rec or partner):
                    continue
                forms = {w, _title(w)} if w.isupper() and strong_rec else {w}
                for f in forms:
                    s = seen[f]
                    s.strong = s.strong or strong_rec or partner
                    s.context = s.context or "Spacy" not in m.recognizer
                    s.docs = (s.docs or set()) | {i}
    return seen


def propagate_case(texts: list[str], mentions: list[list[Mention]], blocked: frozenset[str] = frozenset(),
                   not_names: frozenset[str] = frozenset(), lower_ok: frozenset[str] = frozenset(),
                   eponym_nouns: frozenset[str] = frozenset(), titles: frozenset[str] = frozenset()
                   ) -> list[list[Mention]]:
    """Add PERSON mentions for the case's confirmed names in every document of one case.

    not_names: words that alone are no name (roles, form labels, relations, titles); a relation or
    title anchor still makes a form-label word a name ("her sister Faith"). titles: roles,
    relation words and titles, never a name even when anchored ("Pastor" of "Pastor Obi").
    """
    seen = _collect(texts, mentions, blocked, not_names, titles)
    if not seen:
        return propagate_places(texts, mentions)
    by_low: dict[str, list[tuple[str, _Seen]]] = defaultdict(list)
    for surface, info in seen.items():
        by_low[surface.lower()].append((surface, info))
    rx = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(s) for s in sorted(by_low, key=len, reverse=True))
                    + r")(?![\w-]|['’]\w\w)", re.IGNORECASE)
    out = []
    for i, (text, ms) in enumerate(zip(texts, mentions)):
        added: list[Mention] = []
        inner: set[int] = set()  # shorter PERSON mentions a longer case name replaces
        lower_doc = None
        for m in rx.finditer(text):
            s, e = m.span()
            hits = [k for k, x in enumerate(ms) if x.start < e and x.end > s]
            if hits and not _extends(ms, hits, s, e):
                continue
            hit = text[s:e]
            low = hit.lower()
            if not _accept(text, s, e, hit, by_low[low], i, blocked, lower_ok, eponym_nouns):
                continue
            if hit.islower():
                if lower_doc is None:
                    lower_doc = lower_case_text(text)
                if not _lower_ok(text, s, low, by_low[low], blocked, lower_ok, lower_doc):
                    continue
            added.append(Mention(s, e, "PERSON", 0.6, CASE_PROPAGATED, hit))
            inner.update(hits)
        if inner:
            ms = [x for k, x in enumerate(ms) if k not in inner]
        out.append(ms + added if added else ms)
    return propagate_places(texts, out)


def _place_surface(text: str) -> str | None:
    """The searchable form of a place/organisation mention, or None when it is too plain to spread.

    It must look like a proper name (starts with a capital or a digit, no "--" stutter) and hold a
    word that is not a common English word ("Equity", "Super Bowl", "Cancer Society" stay put).
    """
    surface = _POSSESSIVE.sub("", " ".join(text.split())).strip(" .,;:")
    words = _WORD.findall(surface)
    if len(surface) < 4 or not words or surface in ABBREVIATIONS or "--" in surface:
        return None
    if not (surface[0].isupper() or surface[0].isdigit()):
        return None
    common, lexicon = load_common_words(), load_lexicon()
    heads = [re.split(r"['’]", w)[0] for w in words]  # "you've" -> "you"
    if all(fold(h) in common or h.lower() in STOP_WORDS or lexicon.is_ambiguous(h) for h in heads):
        return None
    return surface


def propagate_places(texts: list[str], mentions: list[list[Mention]],
                     types: tuple[str, ...] = ("LOCATION", "ADDRESS", "ORGANIZATION")) -> list[list[Mention]]:
    """Mark every occurrence, in any document of the case, of a place or organisation found in one."""
    kinds: dict[str, str] = {}
    for text, ms in zip(texts, mentions):
        for m in ms:
            if m.entity_type in types:
                surface = _place_surface(text[m.start:m.end])
                if surface:
                    kinds.setdefault(surface.lower(), "LOCATION" if m.entity_type == "ADDRESS" else m.entity_type)
    if not kinds:
        return mentions
    rx = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(k).replace(r"\ ", r"\s+")
                                                for k in sorted(kinds, key=len, reverse=True))
                    + r")(?![\w-])", re.IGNORECASE)
    out = []
    for text, ms in zip(texts, mentions):
        taken = [(m.start, m.end) for m in ms]
        added = []
        for m in rx.finditer(text):
            s, e = m.span()
            low = " ".join(m.group(1).lower().split())
            if low not in kinds or _covered(taken, s, e):
                continue
            if m.group(1).isupper() and len(m.group(1)) <= 5 and m.group(1) not in _surfaces(text, ms):
                continue  # a short acronym only in the exact form seen
            added.append(Mention(s, e, kinds[low], 0.6, CASE_PROPAGATED, m.group(1)))
        out.append(ms + added if added else ms)
    return out


def _surfaces(text: str, ms: list[Mention]) -> set[str]:
    """Surfaces of a document's mentions."""
    return {text[m.start:m.end] for m in ms}


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and b > s for a, b in spans)


def _extends(ms: list[Mention], hits: list[int], s: int, e: int) -> bool:
    """True when the case name s:e is longer than, and holds, every mention it overlaps, all PERSON
    ("Owiredu-Ansah" from a sibling document over this document's "Ansah")."""
    return all(ms[k].entity_type == "PERSON" and s <= ms[k].start and ms[k].end <= e
               and ms[k].end - ms[k].start < e - s for k in hits)


def _accept(text: str, s: int, e: int, hit: str, infos: Iterable[tuple[str, _Seen]], doc: int,
            blocked: frozenset[str], lower_ok: frozenset[str], eponym_nouns: frozenset[str]) -> bool:
    """Whether one occurrence of a known name word is marked (case, position, look-alike rules)."""
    low = hit.lower()
    look = low in LOOKALIKES or low in blocked  # ordinary-word names: never at a sentence start
    wordlike = look or _wordlike(low)
    for surface, info in infos:
        exact = len(surface) <= 3 or look or (surface.isupper() and len(surface) <= 4)
        if exact and hit != surface and not hit.islower():
            continue
        if hit.islower() and not surface.islower() and not (info.context or low in lower_ok or look):
            continue
        if wordlike:
            if not info.strong or (hit.islower() and not look):
                continue
            if look and not hit.islower() and _sentence_start(text, s) and not _VOCATIVE.match(text, e):
                continue
            if _eponym_after(text, e, eponym_nouns):
                continue
        elif info.docs == {doc}:
            continue  # within one document, deid.propagate already marked it
        return True
    return False


def _lower_ok(text: str, s: int, low: str, infos: Iterable[tuple[str, _Seen]], blocked: frozenset[str],
              lower_ok: frozenset[str], lower_doc: bool) -> bool:
    """A lower-case occurrence: plain names anywhere; look-alikes only in lower-case text, unprimed."""
    if not (low in LOOKALIKES or low in blocked):
        return True
    return lower_doc and low in _LOWER_OK and _prev_word(text, s) not in _WORD_USE


def _eponym_after(text: str, e: int, eponym_nouns: frozenset[str]) -> bool:
    m = re.match(r"(?:['’]s)?\s+([A-Za-z]+)", text[e:e + 40])
    return bool(m) and m.group(1).lower() in eponym_nouns


def propagate_cases(cases: list[str], texts: list[str], mentions: list[list[Mention]],
                    **kw: frozenset[str]) -> list[list[Mention]]:
    """propagate_case for each case among the documents (documents keep their order)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        groups[c].append(i)
    out = list(mentions)
    for idx in groups.values():
        res = propagate_case([texts[i] for i in idx], [mentions[i] for i in idx], **kw)
        for i, ms in zip(idx, res):
            out[i] = ms
    return out
