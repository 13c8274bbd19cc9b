"""Keep words: drop mentions of look-alikes that must survive (famous names, theorists, drugs, pets).

Runs after the allow-list's exact match and widens it with context:
- an allow-list phrase covers every mention inside it ("Swift" in "Taylor Swift", "April" in
  "April showers", "Schut" in "Stroebe and Schut"); a strong-context mention (speaker, title,
  relation) loses only to a longer phrase when its own words are allow-listed ("Lady Macbeth");
- a theorist's surname is an eponym before a method word, a citation or a named method
  ("Worden's tasks", "Herman's idea of", "Shapiro (2018)", "Durie's Te Whare Tapa Whā"), whatever
  label NER gave it;
- a mention made only of drug names and dose words ("prazosin 2 mg nocte"), from the drug list
  built from a pinned package (recognizers/drug_data.py);
- a named scale or questionnaire ("the Kelmbury Mood Scale", "Orlan Wellbeing Inventory");
- a pet's name right after the animal ("his dog Moke", "her horse, Dusty,");
- a name that is also a common verb, opening a sentence before its object ("Mark it.", "Bill them");
- a holiday or observance that NER took for a person, place or organisation ("over Easter",
  "on Shabbos", "Día de los Muertos"); whether it is a date is the date recognizers' call.
The roster always wins, and strong-context recognizers keep their mention except as said above.
"""

from __future__ import annotations

from functools import lru_cache

import re
from dataclasses import dataclass
from typing import Iterable

from deid.eponyms import is_eponym
from deid.lists import normalise_term
from deid.model import Mention
from recognizers.date_words import HOLIDAYS, OBSERVANCES

_WORD = re.compile(r"[^\W_][\w'’-]*")
_PHRASE_WORD = re.compile(r"[^\W_][\w'’]*")  # hyphen splits: "Stockholm syndrome-type bonding"
_TOKEN = re.compile(r"[^\W\d_][\w-]*(?:['’]s)?|\d+(?:[.,]\d+)?")
_PARTICLES = frozenset("van von der den de del della di da du dos das la le ten ter".split())
# Everyday words after "X's" that make a theorist's surname a reference to their work ("Herman's idea
# of reconnection"), only for surnames that are not common words, and only before a preposition or
# punctuation: "Herman's idea was to sell the house" stays a person.
THEORIST_NOUNS = frozenset("""idea ideas concept concepts notion notions work works writing writings book
books account accounts view views term terms description descriptions argument arguments research
findings study studies paper papers distinction distinctions insight insights definition definitions
phrase observation observations model models approach framework chapter chapters handout handouts manual
worksheet worksheets skills treatment treatments protocol programme program method methods technique
techniques exercise exercises reading readings""".split())
_WORK_ADJ = "seminal|landmark|influential|classic|original|well-known|famous|early|later"
_THEORIST_WORK = re.compile(
    rf"(?i:(?:['’]s?)?[ \t]+(?:(?:{_WORK_ADJ})[ \t]+)?(?:{'|'.join(sorted(THEORIST_NOUNS))})"
    r"(?=[ \t]*(?:[,.;:)(\n]|$)|[ \t]+(?:of|on|about|in|that|as|regarding|around|into|to|for|with)\b))")
# "Linehan's TIPP skills", "Shear's complicated grief treatment": up to two words before the work noun.
_THEORIST_WORK_WIDE = re.compile(
    rf"(?:['’]s?)?(?:[ \t]+(?:[A-Z][A-Z0-9-]{{1,7}}|[a-z][a-z-]+)){{1,2}}"
    rf"[ \t]+(?:{'|'.join(sorted(THEORIST_NOUNS))})"
    r"(?=[ \t]*(?:[,.;:)(\n]|$)|[ \t]+(?:of|on|about|in|that|as|regarding|around|into|to|for|with)\b)")
# A theorist surname that is also a word needs the possessive and a scholarly noun ("Young's chapter").
_SCHOLARLY = "chapter|chapters|handout|handouts|manual|worksheet|worksheets|model|protocol|framework|treatment"
_STRICT_WORK = re.compile(
    rf"['’]s(?:[ \t]+(?:[A-Z][A-Z0-9-]{{1,7}}|[a-z][a-z-]+)){{0,2}}[ \t]+(?:{_SCHOLARLY})"
    r"(?=[ \t]*(?:[,.;:)(\n]|$)|[ \t]+(?:of|on|about|in|for|with)\b)")
# "the Fonofale model": a place or organisation word naming a method.
_METHOD_AFTER = re.compile(r"[ \t]+(?:model|framework|method|approach|technique|protocol)\b")
# "CPT (Resick)", "window of tolerance (Siegel)", "(Safran and Muran)": a bare citation in brackets.
_BRACKET_OPEN = re.compile(r"\([ \t]*$")
_BRACKET_PAIR_BEFORE = re.compile(r"\([ \t]*([^\W\d_][\w'’-]*)[ \t]+(?:and|&)[ \t]+$")
_BRACKET_CLOSE = re.compile(r"[ \t]*(?:,[ \t]*(?:\d{4}|n\.d\.)[a-z]?)?[ \t]*\)")
_BRACKET_PAIR_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+([^\W\d_][\w'’-]*)[ \t]*(?:,[ \t]*\d{4}[a-z]?)?[ \t]*\)")
# "Ehlers and Clark", "Mikulincer & Shaver": two listed theorists joined.
_PAIR_AFTER = re.compile(r"(?:['’]s?)?[ \t]+(?:and|&)[ \t]+([^\W\d_][\w'’-]*)")
_PAIR_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+(?:and|&)[ \t]+$")
# Method words or acronyms right before a bracketed citation of a surname that is also a word.
_METHOD_BEFORE = re.compile(r"(?:\b[A-Z][A-Z0-9]{1,6}(?:-[A-Z0-9]{1,4})?|\b(?i:model|therapy|treatment|approach|"
                            r"method|work|tolerance|repair|skills|protocol|framework|theory|exposure|"
                            r"training|intervention|programme|program))[ \t]*\([ \t]*$")
# Academic words that make any theorist's surname an eponym ("Rogers' core conditions").
CONCEPT_NOUNS = frozenset("""theory theories hypothesis experiment experiments conditions situation triad
factors stages tasks phases schema schemas hierarchy formulation helplessness attachment self-efficacy
efficacy transference defence defense mechanisms paradox questioning mentalizing mentalising
mentalization mentalisation archetype archetypes unconscious ego superego id drives instinct
self-actualisation self-actualization actualisation actualization containment horsemen position
positions equation curve tolerance self selves""".split())
# "I draw on Bowlby for attachment", "as Bowlby theorised": the theorist's work, not a person.
_WORK_BEFORE = re.compile(r"(?i:\b(?:(?:draw|draws|drew|drawing|lean|leans|leaned|leant|leaning|rely|relies|relied|"
                          r"relying)[ \t]+on|reading|according[ \t]+to|as[ \t]+per|cf\.?|the[ \t]+way)[ \t]+)$")
_FOR_TOPIC = re.compile(r"[ \t]+for[ \t]+(?:the[ \t]+)?([^\W\d_][\w-]*)")
_WORK_VERB = re.compile(r"(?i:[ \t]+(?:theorised|theorized|theorises|theorizes|posited|posits|coined|"
                        r"hypothesised|hypothesized)\b)")
# "Worden's four tasks": a count between the possessive and the noun.
_COUNT = re.compile(r"(?:['’]s?)?[ \t]+(?i:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b")
_PETS = ("dog|dogs|puppy|pup|cat|cats|kitten|kitty|horse|pony|mare|gelding|foal|rabbit|bunny|hamster|"
         "guinea pig|gerbil|budgie|parrot|bird|goldfish|fish|tortoise|turtle|lizard|snake|ferret|"
         "pet|pets|labrador|lab|spaniel|terrier|collie|poodle|retriever|beagle|greyhound|whippet|"
         "dachshund|pug|husky|alsatian|staffie|tabby")
_PET_BEFORE = re.compile(rf"(?i)\b(?:{_PETS})(?:\s*,\s*|\s+(?:named|called)\s+|\s+)$")
_PET_LOOKBACK = 30
# "Mark it." "Bill them." "Will it work?": a name-like word opening a sentence, then an object, is a verb.
_VERB_OBJECT = re.compile(r" (?:it|them|this|that|me|us|him|up|down|out|off)\b(?![\w'’-])")
_POSSESSIVE_AFTER = re.compile(r"(?:['’]s?)?[ \t]+")
_ARTICLE = re.compile(r"(?i:the|an?)[ \t]+")
# Named instruments that NER takes for places or organisations ("Kelmbury Mood Scale").
_INSTRUMENT = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){0,4}?[ \t]+(?i:scale|inventory|questionnaire|checklist)\b"
                         r"(?![ \t]+[A-Z])")
_HOLIDAY_WORDS = frozenset(normalise_term(h.replace("’", "'")) for h in HOLIDAYS + OBSERVANCES)
# "Linehan's TIPP": the method after the name.
_ACRONYMS = re.compile(r"^[ \t]*[A-Z][A-Z0-9-]{1,7}(?:[ \t]+[A-Z][A-Z0-9-]{1,7})*$")
_PAIR_REST = re.compile(r"^[ \t]+(?:and|&)[ \t]+([^\W\d_][\w'’-]*)$")
_INSTRUMENT_WORDS = ("scale", "inventory", "questionnaire", "checklist", "test")
# A score, arrow, version or stray pronoun after an instrument's name ("BAI 21", "K10 38 → 19", "-II", " I").
_SCORE_TAIL = re.compile(r"(?:[-\s]+(?:I{1,3}|IV|V|\d+(?:[./]\d+)?|[→>/–-]+))+\s*$")
# "Hashimoto's disease" in the allow list makes "has Hashimoto's." a condition; "Hashimoto said" stays a name.
_CONDITION_TERM = re.compile(r"^([^\W\d_][\w-]*)['’]s?\s+(?i:disease|syndrome|thyroiditis|palsy|disorder|"
                             r"phenomenon|chorea|encephalopathy|sarcoma|lymphoma|contracture|ulcer|anomaly)$")
_CONDITION_BEFORE = re.compile(r"(?i:\b(?:has|had|have|having|with|for|of|the|from|and|or|her|his|their|"
                               r"diagnosed|suspected|possible|query|\?|re)[ \t]+)$")
_CONDITION_AFTER = re.compile(r"['’]s?(?=[ \t]*(?:[,.;:)!?\n]|$)|[ \t]+(?:by|and|or|is|was|has|had|flare|flares|"
                              r"flared|worse|better|diagnosis|symptoms|meds|medication|treatment|since|in|at)\b)")
_CITATION_REST = re.compile(r"^['’]?s?\s*(?:et al\b\.?)?")
_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


@dataclass(frozen=True)
class KeepWords:
    """Lookups for the keep rules, built once per process from the profile's lists."""

    phrases: frozenset[str]
    first_words: frozenset[str]
    max_words: int
    theorists: frozenset[str]
    strict_theorists: frozenset[str]
    drugs: frozenset[str]
    dose_words: frozenset[str]
    eponym_nouns: frozenset[str]
    conditions: frozenset[str] = frozenset()


def _fold(term: str) -> str:
    return normalise_term(term.replace("’", "'"))


def surnames(full_names: Iterable[str]) -> set[str]:
    """Folded surnames of full names: the last word, or the particle phrase ("van der kolk")."""
    out = set()
    for name in full_names:
        words = name.split()
        if len(words) < 2:
            continue
        i = len(words) - 1
        while i > 1 and words[i - 1].lower() in _PARTICLES:
            i -= 1
        out.add(_fold(" ".join(words[i:])))
        out.add(_fold(words[-1]))
    return out


def build_keep_words(allow_terms: Iterable[str], theorist_names: Iterable[str],
                     eponym_nouns: frozenset[str], drugs: frozenset[str] | None = None) -> KeepWords:
    """Build the lookups: allow phrases, theorist surnames (strict when a common word), drugs."""
    from recognizers.drug_data import DOSE_WORDS, load_drugs
    from recognizers.name_data import load_lexicon

    lexicon = load_lexicon()

    names = [n for n in theorist_names if n.strip()]
    phrases = frozenset(_fold(t) for t in [*allow_terms, *names] if t.strip())
    max_words = max((len(_PHRASE_WORD.findall(p)) for p in phrases), default=1)
    firsts = {w[0] for w in (_PHRASE_WORD.findall(p) for p in phrases) if w}
    firsts |= {_fold(w) for w in firsts}
    theorists = frozenset(surnames(names))
    strict = frozenset(s for s in theorists if lexicon.is_ambiguous(s) or s in lexicon.calendar)
    conditions = frozenset(_fold(m.group(1)) for t in allow_terms if (m := _CONDITION_TERM.match(t.strip())))
    return KeepWords(phrases=phrases, first_words=frozenset(firsts), max_words=min(max_words, 8), theorists=theorists,
                     strict_theorists=strict, drugs=load_drugs() if drugs is None else drugs,
                     dose_words=DOSE_WORDS, eponym_nouns=eponym_nouns, conditions=conditions)


def phrase_spans(text: str, kw: KeepWords) -> list[tuple[int, int, int]]:
    """(start, end, words) of every allow-list phrase in text, longest at each start."""
    return list(_phrase_spans(text, kw))


@lru_cache(maxsize=8)  # detection asks for the same text's phrases two or three times in a row
def _phrase_spans(text: str, kw: KeepWords) -> tuple[tuple[int, int, int], ...]:
    words = [(m.start(), m.end()) for m in _PHRASE_WORD.finditer(text)]
    out = []
    for i, (s, e1) in enumerate(words):
        first = text[s:e1].lower().replace("’", "'")
        if first not in kw.first_words and _fold(first) not in kw.first_words:
            continue
        for n in range(min(kw.max_words, len(words) - i), 0, -1):
            e = words[i + n - 1][1]
            if _fold(text[s:e]) in kw.phrases:
                out.append((s, e, n))
                break
    return tuple(out)


def _inside(m: Mention, spans: list[tuple[int, int, int]], kw: KeepWords, strong: bool) -> bool:
    """True when an allow phrase covers the mention.

    A strong-context mention loses only to a longer phrase when its own words are allow-listed
    too ("Lady Macbeth"): "Mr Rogers said to me" stays a person.
    """
    if strong and _fold(m.text) not in kw.phrases:
        return False
    lead = _ARTICLE.match(m.text)
    start = m.start + (lead.end() if lead else 0)  # NER spans take the article along
    for s, e, n in spans:
        if s > start:
            break
        if m.end <= e and (not strong or n > len(_PHRASE_WORD.findall(m.text))):
            return True
    return False


def _theorist_core(m: Mention, kw: KeepWords) -> Mention | None:
    """The theorist surname inside a mention, when the rest is ordinary words or a citation year.

    NER spans spill over neighbours: "Discussed Herman's", "Shapiro (2018".
    """
    from recognizers.name_data import load_lexicon

    words = list(_WORD.finditer(m.text))
    for j, w in enumerate(words):
        for k in range(len(words), j, -1):  # longest surname first ("van der Kolk")
            end = words[k - 1].end()
            if _fold(m.text[w.start():end]) not in kw.theorists:
                continue
            before = words[:j]
            pair = _PAIR_REST.match(m.text[end:])  # "Mikulincer & Shaver": the pair rule decides
            rest = _ACRONYMS.sub("", _CITATION_REST.sub("", m.text[end:]))
            if pair and _fold(pair.group(1)) in kw.theorists:
                rest = ""
            if any(load_lexicon().kind(b.group()) for b in before) or re.search(r"[^\W\d_]", rest):
                return None
            core = m.text[w.start():end]
            start = m.start + w.start()
            return Mention(start, start + len(core), m.entity_type, m.score, m.recognizer, core)
    return None


def _theorist_eponym(text: str, m: Mention, kw: KeepWords, spans: list[tuple[int, int, int]]) -> bool:
    """True when a theorist's surname refers to their work here (method word, citation, method name)."""
    core = _theorist_core(m, kw)
    if core is None:
        return False
    strict = _fold(core.text) in kw.strict_theorists
    count = _COUNT.match(text, core.end)
    probe = core if not count else Mention(core.start, count.end(), core.entity_type, core.score,
                                           core.recognizer, text[core.start:count.end()])
    if is_eponym(text, probe, kw.eponym_nouns | CONCEPT_NOUNS):
        return True
    if _bracket_citation(text, core, kw) or _theorist_pair(text, core, kw):
        return True
    if strict:  # "Young's chapter on", "Shear's complicated grief treatment": the possessive and a work noun
        return bool(_STRICT_WORK.match(text, core.end) or _STRICT_WORK.match(text, m.end))
    if (_THEORIST_WORK.match(text, core.end) or _THEORIST_WORK_WIDE.match(text, core.end)
            or _WORK_VERB.match(text, core.end)):
        return True
    if _WORK_BEFORE.search(text[max(0, core.start - 30):core.start]):
        return True
    topic = _FOR_TOPIC.match(text, core.end)  # "... and Bowlby for attachment"
    if topic and topic.group(1).lower() in CONCEPT_NOUNS | kw.eponym_nouns:
        return True
    after = _POSSESSIVE_AFTER.match(text, core.end)
    nxt = after.end() if after else None
    return nxt is not None and any(s == nxt for s, _, _ in spans)


def _is_theorist(word: str | None, kw: KeepWords) -> bool:
    return word is not None and _fold(word) in kw.theorists


def _bracket_citation(text: str, core: Mention, kw: KeepWords) -> bool:
    """True for a surname cited alone in brackets: "CPT (Resick)", "(Safran and Muran)".

    Only after a method word or acronym: "her brother (Young)" stays a person.
    """
    before = text[max(0, core.start - 60):core.start]
    pair_before = _BRACKET_PAIR_BEFORE.search(before)
    if pair_before and not _is_theorist(pair_before.group(1), kw):
        return False
    opening = before[:pair_before.start() + 1] if pair_before else before
    if not (pair_before or _BRACKET_OPEN.search(before)):
        return False
    after = _BRACKET_PAIR_AFTER.match(text, core.end)
    if after and not _is_theorist(after.group(1), kw):
        return False
    if not (after or _BRACKET_CLOSE.match(text, core.end)):
        return False
    return bool(_METHOD_BEFORE.search(opening))


def _theorist_pair(text: str, core: Mention, kw: KeepWords) -> bool:
    """True when another listed theorist is joined to this one ("Ehlers and Clark", "Mikulincer & Shaver")."""
    after = _PAIR_AFTER.match(text, core.end)
    if after and _is_theorist(after.group(1).removesuffix("'s").removesuffix("’s"), kw):
        return True
    before = _PAIR_BEFORE.search(text[max(0, core.start - 40):core.start])
    return bool(before) and _is_theorist(before.group(1), kw)


def _instrument(text: str, m: Mention, kw: KeepWords) -> bool:
    """True when the mention names a scale or questionnaire ("the Kelmbury Mood Scale").

    A version or a score NER took along counts as part of it: "Beck Depression Inventory-II",
    "K10 38 →", "Penn State Worry Questionnaire I".
    """
    core = _SCORE_TAIL.sub("", m.text)
    words = re.split(r"[\s-]+", core.strip())
    if words and words[-1].lower() in _INSTRUMENT_WORDS:
        return True
    if core != m.text and core.strip() and _fold(core.strip()) in kw.phrases:
        return True
    return bool(_INSTRUMENT.match(text, m.end))


def _drug_mention(m: Mention, kw: KeepWords) -> bool:
    """True when every token is a drug name, a dose word or a number, and one is a drug."""
    toks = [t.lower() for t in _TOKEN.findall(m.text.replace("’", "'"))]
    toks = [t[:-2] if t.endswith("'s") else t for t in toks]
    if not any(t in kw.drugs for t in toks):
        return False
    return all(t in kw.drugs or t in kw.dose_words or t[0].isdigit() for t in toks)


def _pet_name(text: str, m: Mention) -> bool:
    """True for a one-word name right after an animal word ("his dog Moke", "a cat called Biscuit").

    After a comma the name must close with one too ("her horse, Dusty, became"): "I took the dog,
    Sarah took the kids" keeps Sarah. A possessive ("gave the dog Sarah's blanket") is a person.
    """
    if len(_WORD.findall(m.text)) != 1 or m.text.endswith(("'s", "’s")) or text[m.end:m.end + 1] in ("'", "’"):
        return False
    before = _PET_BEFORE.search(text[max(0, m.start - _PET_LOOKBACK):m.start])
    if not before:
        return False
    return "," not in before.group() or text[m.end:m.end + 1] == ","


def _condition(text: str, m: Mention, kw: KeepWords) -> bool:
    """True for an eponymous condition named by its possessive alone ("Mother has Hashimoto's.")."""
    word = re.sub(r"['’]s?$", "", m.text)
    if not kw.conditions or _fold(word) not in kw.conditions:
        return False
    end = m.start + len(word)
    if not _CONDITION_AFTER.match(text, end):
        return False
    return bool(_CONDITION_BEFORE.search(text[max(0, m.start - 20):m.start]))


def _hyphen_compound(text: str, m: Mention) -> bool:
    """True for a name-like common word inside a hyphenated compound ("Bill-paying", "Will-power")."""
    from recognizers.name_data import load_lexicon

    if m.entity_type != "PERSON" or not _WORD.fullmatch(m.text) or not load_lexicon().is_ambiguous(m.text):
        return False
    return bool(re.match(r"-[a-z]", text[m.end:m.end + 2]))


def _named_method(text: str, m: Mention) -> bool:
    """True for one capitalised word that NER took for a place or organisation, naming a method."""
    return (m.entity_type in ("LOCATION", "ORGANIZATION") and bool(_WORD.fullmatch(m.text))
            and m.text[:1].isupper() and bool(_METHOD_AFTER.match(text, m.end)))


def _holiday_name(m: Mention) -> bool:
    """True when the mention is only a holiday or observance name ("Easter", "the Sabbath")."""
    t = _ARTICLE.sub("", m.text, count=1) if _ARTICLE.match(m.text) else m.text
    return normalise_term(t.replace("’", "'")) in _HOLIDAY_WORDS


def _sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or brackets separate start from a line or sentence end."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([*-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;]"


def _verb_opening(text: str, m: Mention) -> bool:
    """True for a one-word name that is also a common word, opening a sentence before an object."""
    from recognizers.name_data import load_lexicon

    if m.entity_type != "PERSON" or not _WORD.fullmatch(m.text) or not m.text[:1].isupper():
        return False
    if not load_lexicon().is_ambiguous(m.text):
        return False
    return bool(_VERB_OBJECT.match(text, m.end)) and _sentence_start(text, m.start)


def drop_keep_words(text: str, mentions: list[Mention], kw: KeepWords | None,
                    exempt: frozenset[str] = frozenset(), phrases_only: bool = False) -> list[Mention]:
    """Remove mentions that the keep rules say must survive (roster mentions always stay).

    phrases_only: apply the allow-phrase rule alone (after name propagation, which can spread a
    real name into "Taylor Swift"; the other rules already ran on what propagation starts from).
    """
    if kw is None or not mentions:
        return mentions
    spans = phrase_spans(text, kw) if kw.phrases else []
    out = []
    for m in mentions:
        if m.recognizer.startswith("Roster"):
            out.append(m)
            continue
        strong = m.recognizer in exempt
        if spans and _inside(m, spans, kw, strong):
            continue
        if phrases_only:
            out.append(m)
            continue
        if not strong and m.entity_type in _TYPES and (
                _theorist_eponym(text, m, kw, spans) or _pet_name(text, m) or _verb_opening(text, m)
                or _instrument(text, m, kw) or _condition(text, m, kw) or _hyphen_compound(text, m)
                or _named_method(text, m)):
            continue
        if not strong and (m.entity_type in _TYPES and _holiday_name(m) or _drug_mention(m, kw)):
            continue
        out.append(m)
    return out
