"""Professions that narrow down who someone is (PROFESSION), from an occupation lexicon with context.

Lexicon: Faker's job titles (``faker.providers.job.en_US``, 639 titles, normalised so "Nurse,
children's" reads "children's nurse") plus ``data/occupations.txt`` (local and unique roles such as
harbourmaster, corporator, fire chief). A job counts only with context: "works as a firefighter",
"she's a paediatric nurse", "the harbourmaster for ...", "as branch manager", ", bank manager,".
Unique roles ("!" in the data file) count after "the" alone ("the chief"). The clinician's own
roles (therapist, psychologist...) are left out: they are everywhere in therapy notes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import regex as re
from presidio_analyzer import RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.regex_base import RegexRecognizer, Rule
from recognizers.regex_trie import trie_alternation

DATA = Path(__file__).parent / "data" / "occupations.txt"
# Heads that describe the writer's own profession or are too vague to narrow anyone down.
EXCLUDED_HEADS = frozenset("""
therapist psychotherapist psychologist psychiatrist counsellor counselor professional specialist
practitioner crew copy sub sciences) representative interpreter worker member person staff
student employee volunteer trainee assistant make land boy
""".split())
# Free words allowed before a job ("locum", "paediatric"), but not function words or -ing verbs.
_FREE = (r"(?!(?:the|a|an|to|and|or|of|for|with|in|on|at|by|from|that|this|be|been|being|not|"
         r"very|so|too|just|all|some|any|no|my|his|her|their|our|your|lot|lots|bit|kind|sort|couple|"
         r"bunch|real|total|complete|proper|good|bad|great|nice)\b)(?![a-z'\-]+ing\b)")


def _normalise(title: str) -> str:
    """ "Nurse, children's" -> "children's nurse"; lower case."""
    parts = [p.strip() for p in title.split(",")]
    return (" ".join(reversed(parts)) if len(parts) == 2 else title).lower()


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(full titles, head nouns, unique roles), read once per process."""
    from faker.providers.job.en_US import Provider as Jobs

    titles = {_normalise(j) for j in Jobs.jobs}
    unique: set[str] = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("~", "+")):
            continue  # weak heads: weak_heads(); role heads: role_heads()
        if line.startswith("!"):
            line = line[1:]
            unique.add(line.lower())
        titles.add(line.lower())
    titles = {t for t in titles if re.fullmatch(r"[a-z' -]+", t)}
    heads = {t.split()[-1] for t in titles} - EXCLUDED_HEADS
    titles = {t for t in titles if t.split()[-1] in heads}
    return frozenset(titles), frozenset(heads), frozenset(unique)


@lru_cache(maxsize=1)
def weak_heads() -> frozenset[str]:
    """Heads that are a job only with a modifier and a job verb ("~hand" in the data file)."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip()[1:].lower() for ln in lines if ln.strip().startswith("~"))


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """Heads too vague alone that are a job after "works as a" ("+interpreter" in the data file)."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip()[1:].lower() for ln in lines if ln.strip().startswith("+"))


# Size and manner words that make "a big hand" or "a free hand" no job.
_NOT_TRADE = r"(?!(?:big|huge|little|small|free|spare|left|right|steady|safe|firm|strong|old|open|cold|warm|extra)\b)"


def _weak_job() -> str:
    """A weak head after one or two modifier words ("pharmacy dispenser", "rig hand")."""
    mods = rf"(?:{_FREE}{_NOT_TRADE}[a-z][a-z'\-]+[ \t]+){{1,2}}"
    return rf"(?i:{mods}(?:{trie_alternation(sorted(weak_heads()))}))\b"


def _job() -> str:
    """Regex for a job phrase: up to three free modifiers ("night-shift", "Year 2", "ICU"), then a title or head noun.

    Singular only: a plural ("my clients are ranchers", "the paid firefighters on") names a group,
    not one person's job.
    """
    titles, heads, _ = lexicon()
    # A prefix trie matches what "multi-word titles, then heads, longest first" matches (a head
    # can only be a prefix of a multi-word title, never the reverse) in a fraction of the time.
    core = rf"(?:{trie_alternation(sorted(set(titles) | set(heads)))})"
    return rf"(?i:(?:{_FREE}(?:[a-z][a-z'\-]+|\d{{1,2}})[ \t]+){{0,3}}{core})\b"


def _unique() -> str:
    return rf"(?i:{trie_alternation(sorted(lexicon()[2]))})"


# A contraction ("she's", "I'm") needs an article after it: "wife's solicitor" is a possessive.
_BE = (r"(?i:(?:\b(?:is|was|are|were|be|been|being|became|become|becomes|becoming|am|"
       r"works|worked|working|work|employed|trained|training|qualified|serves|served|serving|"
       r"retired|volunteers|volunteered|job|career|hired|promoted|elected|appointed|named)"
       r"(?:[ \t]+(?:as|to|like))?[ \t]+(?:an?|the|his|her|their|our|my)?"
       r"|(?:'s|'m|'re|’s|’m|’re)(?:[ \t]+(?:as|like))?[ \t]+(?:an?|the|his|her|their|our|my))[ \t]*)")
_AS = r"(?i:\b(?:as|became|become)[ \t]+(?:an?[ \t]+|the[ \t]+)?)"
_AGE = r"(?:(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old|\d{1,3}[ \t]?(?:yo|y/o|yr[- ]old))"
# A nationality or heritage adjective before the job ("Romanian", "Filipino-American") is not part of it.
_DEMONYM = r"(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:ian|ean|an|ese|ish|ch|ic|i|o)[ \t]+)"
_AGE_ADJ = (rf"(?:{_AGE}[ \t]+|(?i:elected|new|only|first|local|the|well-known|known|"
            rf"respected|prominent|popular|married|single|divorced|widowed)[ \t]+|{_DEMONYM})*")
# "the principal reason", "the chief complaint": the word is an adjective, not a role.
_NOT_ROLE_AFTER = (r"(?![ \t]+(?i:reason|reasons|concern|concerns|complaint|complaints|issue|cause|aim|goal|"
                   r"investigator|source|component|problem|thing|part|factor|way|executive|officer|"
                   r"financial|operating|of\s+staff))")
_AFTER_CUE = r"(?=[ \t]+(?i:for|at|in|of|on|with|from)\b)"


def _no_verb_first(text: str, start: int, end: int) -> bool:
    """ "(civilian firefighter)" is a job; "(see nurse)" is an instruction."""
    from recognizers.pos_guess import pos_table

    first = text[start:end].split()[0].lower()
    return pos_table().get(first, ("", ""))[0] not in ("VERB", "AUX", "ADP", "PRON", "DET")


def _rules() -> tuple[Rule, ...]:
    job = _job()
    return (
        Rule("be-a-job", rf"{_BE}{_AGE_ADJ}(?P<v>{job})", 0.55),
        Rule("be-a-trade", rf"{_BE}{_AGE_ADJ}(?P<v>{_weak_job()})", 0.5),
        Rule("as-job", rf"{_AS}{_AGE_ADJ}(?P<v>{job})", 0.5),
        Rule("as-trade", rf"{_AS}{_AGE_ADJ}(?P<v>{_weak_job()})", 0.5),
        Rule("a-job-at", rf"(?i:\b(?:an?|the)[ \t]+){_AGE_ADJ}(?P<v>{job}){_AFTER_CUE}", 0.5),
        Rule("aged-job", rf"(?i:\b{_AGE})[ \t]+(?:{_DEMONYM}|(?i:married|single|divorced|widowed)[ \t]+)*"
                         rf"(?P<v>{job})(?![ \t]+(?i:woman|man|girl|boy|mother|father|male|female))", 0.5),
        Rule("comma-job", rf"(?<=[\p{{L}}\d][\"'”’]?,[ \t])(?P<v>{job})"
                          r"(?=[,);]|[ \t]+[—–-][ \t]|[ \t]+(?i:at|in|for|with|on)\b)", 0.45),
        Rule("occupation-field", r"(?im:(?:^|(?<=[ \t]{2}|[|·;]))[ \t]*(?:occupation|profession|job(?:[ \t]+title)?|employment|works[ \t]+as)"
                                 r"[ \t]*:[ \t]*)(?P<v>[^\s,;(][^,;\n]{0,40}?(?:[ \t]*\([^)\n]{1,20}\))?)"
                                 r"(?=[ \t]*(?:[,;\n]|$|[ \t]{2}))", 0.6),
        Rule("paren-job", rf"(?<=\((?:\d{{1,3}},[ \t]*)?)(?P<v>{job})(?=\))", 0.45, check=_no_verb_first),
        Rule("paren-age-role", rf"(?<=\(\d{{1,3}},[ \t]*)(?P<v>(?:[\p{{L}}'\-]+[ \t]+){{0,2}}"
                               rf"(?i:{trie_alternation(sorted(role_heads()))}))(?=\))", 0.45),
        Rule("works-as-role", rf"(?i:\bwork(?:s|ed|ing)?[ \t]+as[ \t]+an?[ \t]+)(?P<v>(?:{_FREE}[a-z][a-z'\-]+[ \t]+){{0,2}}"
                              rf"(?:{trie_alternation(sorted(role_heads()))}))\b", 0.5),
        Rule("the-unique-role", rf"(?i:\b(?:the|an?)[ \t]+)(?:(?:former|elected|only|new|first|local|town'?s?|"
                                rf"volunteer|acting)[ \t]+)*(?P<v>{_unique()})\b{_NOT_ROLE_AFTER}", 0.55),
    )


# Where the job is done, when it names a place: "nurse in the renal unit at Quellport General",
# "deckhand on the Tarn Island ferry". Words up to punctuation or a clause word, at most eight; after
# the first capitalised word, a preposition goes on only into another name ("unit at Quellport").
_PLACE_TAIL = re.compile(r"[ \t]+(?:in|at|on)[ \t]+(?P<w>(?:[\w'’&\-]+[ \t]+){0,7}[\w'’&\-]+)")
_TAIL_STOP = frozenset("""and or but who which that where when while since because so after before
until to as than if then is was are were has had have he she they i we you it his her their my
our your this these those there here for""".split())
_PREPS = frozenset("in at on of with from by".split())


def place_tail(text: str, end: int) -> int:
    """End of a job phrase extended over a following place phrase with a capitalised word, else end."""
    m = _PLACE_TAIL.match(text, end)
    if not m:
        return end
    words = list(re.finditer(r"[\w'’&\-]+", m.group("w")))
    stop, seen_cap = end, False
    for i, w in enumerate(words):
        low = w.group().lower()
        if low in _TAIL_STOP or w.group().isdigit():
            break
        if seen_cap and low in _PREPS:
            nxt = words[i + 1].group() if i + 1 < len(words) else ""
            if not nxt[:1].isupper():
                break
        if w.group()[:1].isupper():
            seen_cap = True
        elif seen_cap and low not in _PREPS and (low in STOP_WORDS or re.search(r"(?:ed|ing|ly)$", low)):
            break  # "pilot in Kelso named in the paper": a verb or adverb ends the place
        if seen_cap:
            stop = m.start("w") + w.end()
    return stop if seen_cap else end


class ProfessionRecognizer(RegexRecognizer):
    """Jobs and roles in a context that ties them to a person, with the named place they are done at."""

    ENTITY = "PROFESSION"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, rules=_rules())

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Optional[NlpArtifacts] = None
                ) -> list[RecognizerResult]:
        """Job phrases, each extended over a place phrase that follows it."""
        out = super().analyze(text, entities, nlp_artifacts)
        for r in out:
            r.end = place_tail(text, r.end)
        return out


def create(profile: object = None) -> ProfessionRecognizer:
    """Factory for the registry."""
    return ProfessionRecognizer()
