"""Normalise NER span boundaries so every mention of one entity is keyed on the same words.

spaCy often carries words that are not part of a name into its spans: a relation or role noun
("Wife Marisol", "Children Tavish"), a greeting ("Dear Dr Quillon"), a sentence-initial
ordinary word ("Suppose Tavish"), lower-case words of another language or a direction after a
place ("Varganova ne plachet", "Q-7 eastbound"), or text across a bracket or line break
("Tobiah] Hmm"). Those words then become part of the entity's key, so "Marisol" and "Wife Marisol" got
different surrogates, and name propagation spread the extra words through the document.

Only NER spans are trimmed (rule-based recognizers already mark exact names); a word that any
name lexicon knows is never trimmed, and text split at a bracket or line break stays detected
as separate mentions, so recall does not drop.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, Callable, Iterable

from deid.model import Mention
from deid.namefilter import _at_sentence_start, is_ordinary
from recognizers.name_data import LAST, load_lexicon
from recognizers.ner_recognizer import NOT_NAMES
from recognizers.speaker_recognizer import ACRONYMS

_BREAK = re.compile(r"[\n\r\[\]()|{}<>\t]+| {2,}| [-–—] ")
_WORD = re.compile(r"[^\W_](?:[\w'’.]|-(?=\w))*")
PARTICLES = frozenset("""van von der den de del della di da dos das du la le al el bin ibn ben bint
ap mac st of the and y e zu ter ten""".split())
EDGE_WORDS = frozenset("of and y e".split())  # part of a name inside it, not at its edge
GREETINGS = frozenset("""dear hi hello hey hiya howdy thanks thank cheers morning evening afternoon
goodbye bye welcome congrats congratulations sorry""".split())
_TAG = re.compile(r"[A-Z]+(?:_[A-Z]+)*(?:_\d+)?")  # deid's own tags, seen without brackets
TRIMMED_TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "NRP", "GPE", "FAC")


def _is_lower(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.islower() for c in letters)


def _pieces(m: Mention) -> list[tuple[int, int]]:
    """(start, end) of the parts of a mention between brackets and line breaks, stripped."""
    out, pos = [], 0
    for b in list(_BREAK.finditer(m.text)) + [None]:
        end = b.start() if b else len(m.text)
        seg = m.text[pos:end]
        lead = len(seg) - len(seg.lstrip(" \t,;:"))
        core = seg.strip(" \t,;:")
        if core:
            out.append((m.start + pos + lead, m.start + pos + lead + len(core)))
        pos = b.end() if b else end
    return out


def _is_abbreviation(word: str, before: str) -> bool:
    """A known abbreviation in capitals after a mixed-case word ("VIC", "CBT"), unless a surname
    (capitals after a given name are the form convention for surnames: "Maria LOPEZ")."""
    w = word.rstrip(".")
    return (w.isupper() and not before.isupper() and (w in NOT_NAMES or w in ACRONYMS)
            and not load_lexicon().kind(w) & LAST)


def _runs(text: str, start: int, end: int, entity: str, lead_words: frozenset[str],
          honorifics: frozenset[str]) -> list[tuple[int, int]]:
    """Word runs of text[start:end] that remain after trimming non-name words."""
    words = [(start + w.start(), start + w.end(), w.group(0)) for w in _WORD.finditer(text[start:end])]
    if len(words) < 2:
        return [(start, end)]
    has_cap = any(w[2][:1].isupper() for w in words)
    keep = [True] * len(words)
    if has_cap:  # lower-case words inside a name, or at the edges of a place, are not part of it
        low = [_is_lower(w[2]) and w[2].lower() not in PARTICLES for w in words]
        if entity == "PERSON":
            keep = [not x for x in low]
        else:
            low = [_is_lower(w[2]) and w[2].lower() not in PARTICLES - EDGE_WORDS for w in words]
            i, j = 0, len(words)
            while i < j - 1 and low[i]:
                keep[i] = False
                i += 1
            while j - 1 > i and low[j - 1]:
                keep[j - 1] = False
                j -= 1
    if entity == "PERSON":  # a state code or acronym NER ran into ("Footscray VIC")
        last = max((i for i, k in enumerate(keep) if k), default=None)
        while last is not None and sum(keep) > 1 and _is_abbreviation(words[last][2], words[last - 1][2]):
            keep[last] = False
            last = max((i for i in range(last) if keep[i]), default=None)
        first = next((i for i, k in enumerate(keep) if k), None)
        while first is not None and sum(keep) > 1:
            w = words[first][2].rstrip(".,").lower()
            nxt = next((words[j][2].rstrip(".").lower() for j in range(first + 1, len(words)) if keep[j]), "")
            if w in lead_words or w in GREETINGS or (nxt in honorifics and w not in honorifics) or \
                    is_ordinary(words[first][2], _at_sentence_start(text, words[first][0])):
                keep[first] = False
                first = next((i for i in range(first + 1, len(words)) if keep[i]), None)
            else:
                break
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for i, k in enumerate(keep):
        if k:
            run.append(i)
        elif run:
            out.append((words[run[0]][0], words[run[-1]][1]))
            run = []
    if run:
        out.append((words[run[0]][0], words[run[-1]][1] if run[-1] < len(words) - 1 else end))
    return out


def lead_words(cues: Any) -> frozenset[str]:
    """Relation and role nouns that NER puts before a name ("Wife Marisol"), titles excepted."""
    from deid.pseudo.names import FORMAL, KIN

    words = {w for w in set(cues.relations) | set(cues.roles) if " " not in w and len(w) > 2}
    return frozenset(words - FORMAL - KIN - set(cues.honorifics))


def trim_spans(text: str, mentions: Iterable[Mention], lead_words: frozenset[str],
               honorifics: frozenset[str]) -> list[Mention]:
    """NER mentions cut at brackets/line breaks and trimmed of words that are not part of the name."""
    out: list[Mention] = []
    for m in mentions:
        if "Spacy" not in m.recognizer or m.entity_type not in TRIMMED_TYPES:
            out.append(m)
            continue
        pieces = _pieces(m)
        tagged = any(_TAG.fullmatch(text[ps:pe]) for ps, pe in pieces)
        for ps, pe in pieces:
            if len(pieces) > 1 and _is_lower(text[ps:pe]) and (tagged or is_ordinary(text[ps:pe])):
                continue  # 'marina' of '[LOCATION_1] marina': a lower-case word NER joined to a tag
            for s, e in _runs(text, ps, pe, m.entity_type, lead_words, honorifics):
                if s == m.start and e == m.end:
                    out.append(m)
                else:
                    out.append(Mention(s, e, m.entity_type, m.score, m.recognizer, text[s:e]))
    return out


# ---- addresses: one mention per component, so a city inside an address is keyed like the city alone
_COMPONENT = re.compile(r"[^,\n;]+")
_POSTCODE_TAIL = re.compile(r"^(?P<place>[^\W\d_][^\d]*?)\s+(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|"
                            r"[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4,6}(?:-\d{4})?)$")
_STREET = re.compile(r"\b\d+[A-Za-z]?\s+[A-Z][a-z]+|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
PLACE_TYPES = frozenset({"ADDRESS", "LOCATION", "STREET_ADDRESS", "PERSON"})


def _components(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma/line separated parts of an address, with a trailing postcode split from its town."""
    out: list[tuple[int, int]] = []
    for c in _COMPONENT.finditer(text, start, end):
        seg = c.group(0)
        s = c.start() + len(seg) - len(seg.lstrip())
        e = c.end() - (len(seg) - len(seg.rstrip()))
        if s >= e:
            continue
        pm = _POSTCODE_TAIL.match(text[s:e])
        place = pm.group("place").strip() if pm else ""
        if pm and not (place.replace(" ", "").isupper() and len(place.replace(" ", "")) <= 3):
            out.append((s, s + len(place)))
            out.append((s + pm.start("code"), e))
        else:
            out.append((s, e))
    return out


# A unit or suite number marks an address ('Unit 4, Main Street'); a last part naming a region
# ('Oughterard, Co. Galway', 'Dearborn, MI') marks a place written with its region.
_UNIT = re.compile(r"\b(?:Unit|Suite|Ste|Apt|Flat|Level|Floor|Bldg|Building)\.?\s*\d", re.I)
_REGION = re.compile(r"(?:Co\.?|County)\s+[A-Z][a-z]+|A[LKZR]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|"
                     r"M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|"
                     r"NSW|QLD|VIC|TAS|ACT|ON|QC|BC|AB|MB|SK|NS|NB")
_ORG_KIND_WORDS = frozenset("""school academy college university hospital clinic center centre church
practice counseling counselling services service group association institute trust foundation
society club team surgery pharmacy bank company""".split())


def _region_place(m: Mention) -> bool:
    """A place or organisation span without digits whose last comma part is a region."""
    if m.entity_type not in ("LOCATION", "ORGANIZATION") or any(ch.isdigit() for ch in m.text):
        return False
    parts = [p.strip() for p in m.text.strip().rstrip(",").split(",")]
    if len(parts) < 2 or not all(parts) or not _REGION.fullmatch(parts[-1]):
        return False
    # an organisation that names its kind is one ('Elm Counseling, PA'); else a place typed ORG
    return m.entity_type == "LOCATION" or not _has_org_kind(m.text)


def _has_org_kind(text: str) -> bool:
    return bool({w.lower() for w in re.findall(r"[A-Za-z]+", text)} & _ORG_KIND_WORDS)


def _org_address(m: Mention) -> bool:
    """An organisation span that is (or holds) a street address: a digit and a street or unit."""
    return m.entity_type == "ORGANIZATION" and any(ch.isdigit() for ch in m.text) and bool(
        _STREET.search(m.text) or _UNIT.search(m.text))


def _part_type(m: Mention, part: str) -> str:
    """The type of one component: a person span keeps names, an organisation span keeps the part
    that names a kind of organisation; every other component is a place."""
    if m.entity_type == "PERSON":
        return "LOCATION" if any(ch.isdigit() for ch in part) else "PERSON"
    if m.entity_type == "ORGANIZATION":
        return "ORGANIZATION" if _has_org_kind(part) and not any(ch.isdigit() for ch in part) else "LOCATION"
    return m.entity_type


def split_addresses(text: str, mentions: Iterable[Mention]) -> list[Mention]:
    """Address mentions (a digit and a comma, line break or postcode) cut into their components.

    Only separators and spaces leave the spans, so nothing detected is given back; a component
    with a digit is a place even when the merged span was typed PERSON (names have no digits).
    An organisation span holding a street address, and a place written with its region
    ('Oughterard, Co. Galway', 'Dearborn, MI'), are cut the same way: each town then gets the
    surrogate it gets on its own.
    """
    out: list[Mention] = []
    for m in mentions:
        region = _region_place(m)
        org_address = _org_address(m)
        if not (region or org_address) and (m.entity_type not in PLACE_TYPES or not any(
                ch.isdigit() for ch in m.text) or (m.entity_type == "PERSON" and not _STREET.search(m.text))):
            out.append(m)
            continue
        parts = _components(text, m.start, m.end)
        if len(parts) < 2:
            out.append(m)
            continue
        for s, e in parts:
            etype = "LOCATION" if region else _part_type(m, text[s:e])
            out.append(Mention(s, e, etype, m.score, m.recognizer, text[s:e]))
    return out


# ---- idempotence: a mention inside one of deid's own surrogates is not replaced again
_TOKEN = re.compile(r"\S+")
_AFTER_TAG = re.compile(r"\[[A-Z]+(?:_[A-Z]+)*(?:_\d+)?\]['’]?s? $")


def drop_known(text: str, mentions: Iterable[Mention], is_known: Callable[[str], bool] | None,
               reach: int = 5, marks: str | None = None) -> list[Mention]:
    """Mentions that are not part of a known surrogate ('Crest' of 'Amber Crest Group', '1367-1610' of
    'ZRW 1367-1610'): each is widened by up to `reach` words either side and tested whole.

    ``marks``, when given, are characters of which every text ``is_known`` accepts holds one:
    a mention whose widest window has none of them is not tested (is_known would say no).
    """
    ms = list(mentions)
    if is_known is None or not ms:
        return ms
    toks = [(t.start(), t.end()) for t in _TOKEN.finditer(text)]
    starts = [s for s, _ in toks]
    ends = [e for _, e in toks]
    out = []
    for m in ms:
        first = bisect_right(ends, m.start)  # first token ending after the mention starts
        last = bisect_left(starts, m.end) - 1  # last token starting before it ends
        if marks is not None and first <= last:
            lo = min(toks[max(first - reach, 0)][0], m.start)
            hi = max(toks[min(last + reach, len(toks) - 1)][1], m.end)
            if not any(c in text[lo:hi] for c in marks):  # every window tested lies in text[lo:hi]
                first = last + 1
        if first > last or not _inside_known(text, toks, first, last, m, is_known, reach):
            if not ("Spacy" in m.recognizer and _is_lower(m.text) and " " not in m.text
                    and _AFTER_TAG.search(text, 0, m.start)):
                out.append(m)  # (a lower-case word NER tags only because a tag precedes it is not)
    return out


def _inside_known(text: str, toks: list[tuple[int, int]], first: int, last: int, m: Mention,
                  is_known: Callable[[str], bool], reach: int) -> bool:
    for left in range(reach + 1):
        for right in range(reach + 1):
            a, b = first - left, last + right
            if a < 0 or b >= len(toks):
                continue
            s, e = min(toks[a][0], m.start), max(toks[b][1], m.end)
            if "\n" in text[s:e]:
                continue
            if is_known(text[s:e]):
                return True
    return False


# ---- a lower-case article before a place or organisation is not part of its name
_ARTICLE = re.compile(r"the[ \t]+(?=[^\W\d_])")
ARTICLE_TYPES = frozenset({"ORGANIZATION", "LOCATION", "FAC", "GPE"})


def drop_leading_article(text: str, mentions: Iterable[Mention]) -> list[Mention]:
    """"the Quellport Mercury" -> "Quellport Mercury" (a capital "The" is kept: it may be the name's)."""
    out: list[Mention] = []
    for m in mentions:
        a = _ARTICLE.match(m.text) if m.entity_type in ARTICLE_TYPES else None
        if a and a.end() < len(m.text):
            s = m.start + a.end()
            m = Mention(s, m.end, m.entity_type, m.score, m.recognizer, text[s:m.end])
        out.append(m)
    return out
