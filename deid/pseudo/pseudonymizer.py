"""The Pseudonymizer: collect (parallel) -> assign (serial, vault) -> surrogate (parallel)."""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from deid.config import Profile
from deid.errors import DocumentError
from deid.model import Document, Mention
from deid.pseudo import formats as fmt
from deid.pseudo import proofs
from deid.pseudo import surrogates as sur
from deid.pseudo.client import ROSTER_WEIGHT, client_votes
from deid.pseudo.corpus import CorpusWords
from deid.pseudo.dates import case_offset, day_first, render_age, shift_date_text
from deid.pseudo.keys import canonical_form, case_tag, entity_key, key_int
from deid.pseudo.names import initials_only, match_case, parse_name
from deid.pseudo.resolve import Collected, parse_records, record, resolve_case, resolve_types
from deid.pseudo.vault import Vault

log = logging.getLogger(__name__)

NAME = "PERSON_NAME"
VAULTED = ("ORGANIZATION", "LOCATION", "CONTACT", "ID")
_TAGS_ONLY = re.compile(r"[\W_]*(?:\[[A-Z]+(?:_[A-Z]+)*(?:_\d+)?\][\W_]*)+")
KNOWN_SURROGATE_MARKS = "[_"  # every text is_known_surrogate accepts holds one of these
TAG_RX = re.compile(r"^\[?[A-Z]+(?:_[A-Z]+)*_\d+\]?$|^\[[A-Z_]+\]$")
_BARE_TAG = re.compile(r"\[([A-Z]+(?:_[A-Z]+)*)\]")  # an unnumbered tag: [CLIENT], [REDACTED], [PERSON]
_FIXED_TAGS = frozenset({"CLIENT", "REDACTED"})
_POSS = re.compile(r"(['’]s|['’])$")
_UK_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)
_HIGHWAY = re.compile(r"^(I|US|SR|M|A|B|Route|Hwy|Highway)[- ]?\d{1,4}[A-Z]?$", re.I)
_ATTEMPTS = 400
TYPED = ("PERSON", "ORGANIZATION", "LOCATION", "DATE", "ID")  # one type per surface within a case
_LEGAL = re.compile(r",?\s+(?:P\.?L\.?L\.?C|L\.?L\.?C|L\.?L\.?P|Inc|Ltd|Limited|PLC|P\.?C|GmbH|Co)\.?$", re.I)
_WORD_ONLY = re.compile(r"[^\W\d_]+\.?")


@lru_cache(maxsize=1)
def _gender_detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=1)
def _nicknamer():  # type: ignore[no-untyped-def]
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=1)
def _census_surnames() -> frozenset[str]:
    return frozenset(n.lower() for n in sur._census()["s"])


@lru_cache(maxsize=8192)
def name_hints(token: str) -> tuple[str, str]:
    """(gender f/m/u, lexicon g=given s=surname ?=unknown) for a name token."""
    g = _gender_detector().get_gender(token.strip(".").title())
    gender = {"female": "f", "mostly_female": "f", "male": "m", "mostly_male": "m"}.get(g, "u")
    if g != "unknown":
        return gender, "g"
    return gender, "s" if token.lower() in _census_surnames() else "?"


def alnum(text: str) -> str:
    """Letters and digits only, lower case (canonical form of phones and ids)."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def reflow(value: str, surface: str) -> str:
    """Put a stored surrogate's letters/digits into another surface's layout (same length)."""
    src = [c for c in value if c.isalnum()]
    if len(src) != sum(c.isalnum() for c in surface):
        return value
    it = iter(src)
    return "".join(next(it) if c.isalnum() else c for c in surface)


@lru_cache(maxsize=8)
def _tag_words(labels: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """Words an unnumbered tag can hold: entity types, report labels, CLIENT, REDACTED ("[DREW]" is a speaker)."""
    return frozenset(w for pair in labels for w in pair) | _FIXED_TAGS


@dataclass
class Pseudonymizer:
    """Keyed, vault-backed replacements for one process (parent or worker)."""

    profile: Profile
    secret: bytes = field(repr=False)
    labels: dict[str, str] = field(default_factory=dict)
    vault_path: str | None = None
    reversible: bool = False
    reveal_key: bytes | None = field(default=None, repr=False)
    table: dict[str, str] = field(default_factory=dict, repr=False)
    aliases: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    counts: Counter[str] = field(default_factory=Counter)
    _vault: Vault | None = field(default=None, repr=False)
    _dayfirst: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)
    _journal: list[tuple[str, Any, str]] = field(default_factory=list, repr=False)
    _journal_base: int = 0  # journal position of _journal[0] (earlier entries were handed over)
    _state: Any = field(default=None, repr=False)  # state_store.WorkerState (worker runs only)
    _fed: bool = False
    _letter_map: dict[str, str] | None = field(default=None, repr=False)
    _roster_ident: str | None = field(default=None, repr=False)
    _corpus: CorpusWords | None = field(default=None, repr=False)
    _known: Any = field(default=None, repr=False)  # known.KnownSurrogates, for the residual risk

    @classmethod
    def from_profile(cls, profile: Profile, secret: bytes, vault: str | Path | None = None,
                     reversible: bool = False, reveal_key: bytes | None = None,
                     **_: Any) -> "Pseudonymizer":
        """Build for a profile and secret; the vault opens lazily (workers never write)."""
        if reversible and not reveal_key:
            from deid.errors import ConfigError

            raise ConfigError("--reversible needs a reveal key (DEID_REVEAL_KEY or --reveal-key-file)")
        return cls(profile=profile, secret=secret, labels=dict(profile.detection.labels),
                   vault_path=str(vault) if vault else None, reversible=reversible,
                   reveal_key=reveal_key)

    # ---- helpers -------------------------------------------------------------------------
    @property
    def style(self) -> str:
        """realistic | tag | redact."""
        return self.profile.pseudonyms.style

    @property
    def vault(self) -> Vault:
        """The vault (opened on first use: file with --vault, else in memory)."""
        if self._vault is None:
            self._vault = Vault.open(self.vault_path, self.secret)
        return self._vault

    def label(self, entity_type: str) -> str:
        """Report label for a Presidio entity type."""
        return self.labels.get(entity_type, entity_type)

    def key(self, kind: str, canonical: str) -> str:
        """Entity key under this run's secret."""
        return entity_key(self.secret, kind, canonical)

    def _surface_key(self, text: str) -> str:
        return self.key("SURFACE", canonical_form(text))

    def _resolved_type(self, case: str, text: str) -> str:
        """The one type a surface detected as several types has in this case ('' when it has one)."""
        val = self.aliases.get((case, "T" + self._surface_key(text)), "")
        return val[2:] if val.startswith("t:") else ""

    def _canon(self, label: str, text: str) -> str:
        return alnum(text) if label in ("CONTACT", "ID") else canonical_form(text)

    def _enc(self, original: str) -> str:
        if not self.reversible or not self.reveal_key:
            return ""
        from deid.pseudo.crypto import encrypt, fernet_for

        return encrypt(fernet_for(self.reveal_key, self.secret), original).decode("ascii")

    def _dates_dayfirst(self, doc: Document) -> bool:
        k = (doc.id, doc.case)
        if k not in self._dayfirst:
            self._dayfirst[k] = day_first(doc.text, self.profile.pseudonyms.locale)
        return self._dayfirst[k]

    # ---- phase 1: collect ------------------------------------------------------------------
    def collect(self, doc: Document, mentions: list[Mention]) -> list[str]:
        """Phase 1: keyed records of every mention (pure; safe in parallel workers)."""
        if self.style == "redact":
            return []
        case = case_tag(self.secret, doc.case)
        out: list[str] = []
        for m in mentions:
            label = self.label(m.entity_type)
            if label in TYPED and (label != "DATE" or _WORD_ONLY.fullmatch(m.text.strip())):
                bare = label == "ORGANIZATION" and self._classify(label, m.text) == ("org", "")
                out.append(record("S", case, self._surface_key(m.text), label, "1" if bare else ""))
            if label == "PERSON":
                out.extend(self._collect_person(case, m.text))
            elif label in VAULTED:
                sub, hint = self._classify(label, m.text)
                if sub == "generalise":
                    continue
                name = _place_name(m.text) if sub == "kind" and self._keeps_kinds() else ""
                if name:  # 'Quellport Harbour': the name part is keyed like 'Quellport' alone
                    out.extend(self.collect(doc, [Mention(m.start, m.start + len(name), m.entity_type,
                                                          m.score, m.recognizer, name)]))
                    continue
                out.append(record("K", label, self.key(label, self._canon(label, m.text)), sub, hint,
                                  self._enc(m.text)))
            elif label == "DATE" and self.vault_path:
                out.append(record("R", self.surrogate(doc, m.entity_type, m.text)))
        if self.style == "tag":
            people = [m for m in mentions if self.label(m.entity_type) == "PERSON"]
            for i, weight in client_votes(doc.text, people):
                ident = self._person_ident(people[i].text)
                if ident:
                    out.append(record("C", case, ident, str(weight)))
        return out

    def _person_ident(self, text: str) -> str:
        """Token key of a one-word name or 'given|surname' keys of a full name ('' for initials)."""
        if initials_only(text):
            return ""
        parts = parse_name(text).name_parts
        given = [x for x in parts if x.role == "given"]
        surname = [x for x in parts if x.role == "surname"]
        if given and surname:
            return f"{self.key(NAME, canonical_form(given[0].text))}|{self.key(NAME, canonical_form(surname[-1].text))}"
        return self.key(NAME, canonical_form(parts[0].text)) if parts else ""

    def _roster_client(self) -> str:
        """Identity of the roster's first person (the client when they occur in a case), or ''."""
        if self._roster_ident is None:
            from recognizers.roster import load_roster

            people = load_roster(self.profile.detection.roster).people
            self._roster_ident = self._person_ident(" ".join(people[0])) if people else ""
        return self._roster_ident

    def _collect_person(self, case: str, text: str) -> list[str]:
        letters = initials_only(text)
        if letters:
            return [record("I", case, self.key("PERSON_INITIALS", letters), letters, "")]
        p = parse_name(text)
        parts = p.name_parts
        given = [x for x in parts if x.role == "given"]
        surname = [x for x in parts if x.role == "surname"]
        inits = [x for x in p.parts if x.role == "initial"]
        # Phase 3 keys a mention with neither a given+surname pair nor initials+surname by its
        # first part ("Dr Smith-Jones" -> "Smith"), so that part stands alone like a one-word name.
        lone_first = not (given and surname) and not (surname and inits)
        out: list[str] = []
        for i, part in enumerate(parts):
            tok = part.text
            canon = canonical_form(tok)
            gender, lex = name_hints(tok)
            nicks = ""
            if part.role in ("given", "bare"):
                canon_names = sorted(_nicknamer().canonicals_of(canon))
                nicks = ",".join(self.key(NAME, c) for c in canon_names)
            out.append(record("N", case, self.key(NAME, canon), part.role, gender, lex,
                              "1" if len(parts) == 1 or (i == 0 and lone_first) else "", nicks,
                              self._enc(tok.title()),
                              self.initial_of(tok)))
        if given and surname:
            g, s = given[0].text, surname[-1].text
            out.append(record("P", case, self.key(NAME, canonical_form(g)),
                              self.key(NAME, canonical_form(s)), g[:1].upper(), s[:1].upper()))
        elif surname and not given:
            if inits:
                s = canonical_form(surname[-1].text)
                letter = inits[0].text[:1].upper()
                out.append(record("I", case, self.key("PERSON_INITIALS", f"{letter}|{s}"), letter,
                                  self.key(NAME, s)))
        return out

    def _classify(self, label: str, text: str) -> tuple[str, str]:
        """Sub-type and a generic hint (a shape or kind words; never the identifier)."""
        t = text.strip()
        saint = sur.saint_parts(t) if label in ("ORGANIZATION", "LOCATION") else None
        if saint and (label == "ORGANIZATION" or saint[2] or saint[3]):
            prefix, name, ending, rest = saint
            return "saint", "|".join((prefix, ending, _kind_words(rest), self._saint_key(name)))
        if label == "ORGANIZATION":
            legal = _LEGAL.search(t)
            core = t[:legal.start()] if legal else t
            kind = sur.kind_suffix(_POSS.sub("", core), sur.ORG_KINDS).title()
            return "org", kind + (legal.group(0) if legal and kind else "")
        if label == "CONTACT":
            if "@" in t and not t.startswith("@"):
                return "email", t.rsplit(".", 1)[-1].lower()
            if t.startswith("@"):
                return "handle", ""
            if re.match(r"(https?://|www\.)", t, re.I) or re.search(r"\.[a-z]{2,}(/|$)", t):
                return "url", ""
            if sum(c.isdigit() for c in t) >= 5:
                return "phone", fmt.phone_hint(t)
            return "id", fmt.shape_of(t)
        if label == "ID":
            if re.fullmatch(r"[\d.]{7,15}|[0-9a-fA-F:]{6,}", t) and (t.count(".") == 3 or ":" in t):
                return "ip", ":" if ":" in t else "."
            return "id", fmt.shape_of(t)
        if self.profile.pseudonyms.places == "generalise":
            return "generalise", ""
        if re.fullmatch(r"\d{5}(-\d{4})?", t) or _UK_POSTCODE.fullmatch(t):
            return "postcode", fmt.shape_of(t.upper())
        if _HIGHWAY.fullmatch(t):
            prefix = re.match(r"[A-Za-z]+[- ]?", t).group(0)  # type: ignore[union-attr]
            return "shape", prefix + fmt.shape_of(t[len(prefix):])
        words = _POSS.sub("", t).split()
        if re.search(r"\d", t):
            return "address", fmt.shape_of(t, fmt.KEEP_WORDS | sur.STREET_SUFFIXES)
        if len(words) > 1 and words[-1].lower().strip(".") in sur.STREET_SUFFIXES:
            return "street", sur.kind_suffix(" ".join(words), sur.STREET_SUFFIXES)
        if len(words) > 1 and words[-1].lower() in sur.PLACE_KINDS:
            return "kind", sur.kind_suffix(" ".join(words), sur.PLACE_KINDS).title()
        info = sur.city_info(t)
        if info:
            return "city", info[0]
        return "place", ""

    # ---- phase 2: assign -------------------------------------------------------------------
    def assign(self, records: list[str]) -> None:
        """Phase 2 (serial): give new keys surrogates in the vault; resolve persons per case."""
        if self.style == "redact" or not records:
            return
        col = parse_records(records)
        self.vault.transaction(lambda v: self._assign(v, col))

    def note_corpus(self, texts: Iterable[str]) -> None:
        """Before phase 2: words of documents of this run, so no surrogate is a real name of any
        of them (deid/pseudo/corpus.py); call it for the whole corpus before the first batch."""
        if self.style != "realistic":
            return
        if self._corpus is None:
            self._corpus = CorpusWords(bytes.fromhex(self.key("CORPUS", "bloom")))
        self._corpus.add_texts(texts)

    def _is_real(self, v: Vault, col: Collected, kind: str, candidate: str) -> bool:
        k = self.key(kind, canonical_form(candidate))
        if k in col.tokens or k in col.others or v.has_key(k):
            return True
        if self._corpus is not None and candidate in self._corpus:
            self.counts["surrogate_rejected_corpus_word"] += 1
            return True
        return False

    def _pick(self, v: Vault, col: Collected, key: str, kind: str, real_kind: str, enc: str,
              make: Any) -> str:
        for attempt in range(_ATTEMPTS):
            cand = make(attempt)
            if attempt >= _ATTEMPTS // 2:  # pool exhausted: disambiguate with a number
                cand = f"{cand} {attempt}"
            if real_kind and self._is_real(v, col, real_kind, cand):
                self.counts["surrogate_rejected_real_name"] += 1
                continue
            if v.put(key, kind, cand, enc.encode("ascii") if enc else None):
                self.counts["new_surrogates"] += 1
                if real_kind:  # so a later run can tell when a real name equals this surrogate
                    v.add_form(self.key(real_kind, canonical_form(cand)))
                return cand
            existing = v.get([key]).get(key)
            if existing is not None:  # another process assigned it meanwhile
                return existing
        raise DocumentError(f"no free surrogate for a {kind} ({getattr(make, '__qualname__', '')}) after {_ATTEMPTS} attempts")

    def _tag(self, v: Vault, key: str, label: str) -> str:
        kind = f"TAG_{label}"
        n = v.count(kind) + 1
        while True:
            cand = f"[{label}_{n}]"
            if v.put(key, kind, cand):
                self.counts["new_surrogates"] += 1
                return cand
            existing = v.get([key]).get(key)
            if existing is not None:
                return existing
            n += 1

    def _assign(self, v: Vault, col: Collected) -> None:
        locale = self.profile.pseudonyms.locale
        keys = list(col.tokens) + list(col.others)
        known = v.get(keys)
        self.counts["reused_surrogates"] += len(known)
        # A real name first seen now that an earlier run gave someone as a surrogate: this run gives
        # it a surrogate of its own, but earlier outputs hold the same word for another person.
        self.counts["real_name_equals_earlier_surrogate"] += v.count_forms(k for k in keys if k not in known)
        for k, val in known.items():
            self._set(k, val)
        for key, info in sorted(col.tokens.items(), key=lambda kv: kv[1].order):
            if key in self.table:
                continue
            role, gender, letter = info.role(), info.gender(), info.letter
            self._set(key, self._pick(v, col, key, NAME, NAME, info.enc,
                                     lambda a: sur.person_token(key, role, gender, locale, a, letter)))
        for key, (label, sub, hint, enc, _) in sorted(col.others.items(), key=lambda kv: kv[1][4]):
            if key in self.table:
                continue
            if self.style == "tag" or (label == "LOCATION" and self.profile.pseudonyms.places == "tag"):
                self._set(key, self._tag(v, key, label))
                continue
            self._set(key, self._pick(v, col, key, label, label if label in (
                "ORGANIZATION", "LOCATION") else "", enc, self._maker(key, label, sub, hint)))
        self._resolve_people(v, col)
        for case, surfaces in col.surfaces.items():
            for skey, label in resolve_types(surfaces).items():
                self._alias(v, case, "T" + skey, "t:" + label)
                self.counts["surfaces_given_one_type"] += 1
        if col.rendered:
            v.add_rendered(sorted(col.rendered))

    def _set(self, key: str, value: str) -> None:
        if self.table.get(key) != value:
            self.table[key] = value
            self._journal.append(("t", key, value))

    def _keeps_kinds(self) -> bool:
        """True when places get realistic surrogates (a tag replaces 'Quellport Harbour' whole)."""
        return self.style != "tag" and self.profile.pseudonyms.places != "tag"

    def _saint_key(self, name: str) -> str:
        """Keyed hash of a saint's name (so a surrogate never keeps the original saint)."""
        return self.key("SAINT", canonical_form(name))[:16]

    def _maker(self, key: str, label: str, sub: str, hint: str) -> Any:
        locale = self.profile.pseudonyms.locale
        if sub == "saint":
            prefix, ending, rest, avoid = (hint.split("|") + ["", "", "", ""])[:4]
            return lambda a: sur.saint_organisation(key, prefix, ending, rest, avoid, a, locale, self._saint_key)
        if label == "ORGANIZATION":
            return lambda a: sur.organisation(key, hint, a, locale)
        if label == "LOCATION":
            return lambda a: sur.place(key, sub, hint, a, locale)
        if sub == "email":
            return lambda a: fmt.email(key, hint, a, locale)
        if sub == "url":
            return lambda a: fmt.url(key, a)
        if sub == "handle":
            return lambda a: fmt.handle(key, a)
        if sub == "phone":
            return lambda a: fmt.phone(hint, key, a)
        if sub == "ip":
            return lambda a: fmt.ip_address(hint, key, a)
        return lambda a: fmt.identifier(hint, key, a)

    def _resolve_people(self, v: Vault, col: Collected) -> None:
        for case, names in col.cases.items():
            res = resolve_case(names)
            self.counts["ambiguous_short_forms"] += res.ambiguous
            for key, pair in res.token_entity.items():
                self._alias(v, case, "E" + key, "p:" + pair)
            for key, target in res.nick_target.items():
                self._alias(v, case, key, "v:" + self._nickname(v, col, key, self.table[target]))
            for ikey, (g, s) in res.initial_target.items():
                letters = names.initials[ikey][0]
                val = self.table[g][:1] + (self.table[s][:1] if len(letters) > 1 else "")
                self._alias(v, case, ikey, "v:" + val)
                self._alias(v, case, "E" + ikey, f"p:{g}|{s}")
            if self.style == "tag":
                self._choose_client(v, case, names, res)
                self._number_people(v, case, names, res)

    def _alias(self, v: Vault, case: str, key: str, value: str) -> None:
        old = self.aliases.get((case, key))
        if old is None:
            stored = v.aliases_for(case, key)
            if stored is None:
                v.set_alias(case, key, value)
                stored = value
            self.aliases[(case, key)] = stored
            self._journal.append(("a", (case, key), stored))

    def _nickname(self, v: Vault, col: Collected, key: str, target: str) -> str:
        options = sorted(n.title() for n in _nicknamer().nicknames_of(target.lower()) if len(n) > 2)
        options = [o for o in options if not v.taken(o) and not self._is_real(v, col, NAME, o)]
        return options[key_int(key, "nick", len(options))] if options else target

    def _choose_client(self, v: Vault, case: str, names: Any, res: Any) -> None:
        """Record which person of a case is the client: the roster's first entry, else the most cued."""
        present = {"|".join(p) for p in names.pairs} | set(names.singles)
        present |= {res.token_entity[k] for k in names.singles if k in res.token_entity}
        votes: Counter[str] = Counter()
        roster = self._roster_client()
        for cand in ([roster, roster.split("|")[0]] if roster else []):
            ident = res.token_entity.get(cand, cand)
            if ident in present:
                votes[ident] += ROSTER_WEIGHT
                break
        for ident, weight in names.client_votes:
            if "|" not in ident:
                ident = res.token_entity.get(ident, ident)
            votes[ident] += weight
        if votes:
            best = max(votes.values())
            client = next(i for i in votes if votes[i] == best)
            self._alias(v, case, "CLIENT", "c:" + client)

    def _client_of(self, case: str) -> str:
        val = self.aliases.get((case, "CLIENT"), "")
        return val[2:] if val.startswith("c:") else ""

    def _number_people(self, v: Vault, case: str, names: Any, res: Any) -> None:
        ids = ["|".join(p) for p in names.pairs]
        ids += [res.token_entity.get(k, k) for k in sorted(names.singles)]
        ids += ["|".join(res.initial_target[i]) if i in res.initial_target else i
                for i in sorted(names.initials)]
        client = self._client_of(case)
        for ident in ids:
            if ident == client:
                continue
            ekey = self.key("PERSON_ENTITY", f"{case}|{ident}")
            if ekey not in self.table:
                got = v.get([ekey]).get(ekey)
                self._set(ekey, got if got is not None else self._tag(v, ekey, "PERSON"))

    def ensure(self, doc: Document, mentions: list[Mention]) -> None:
        """Assign missing keys when phase 3 is called without phase 2 (single process only).

        A worker that received the parent's assignments never assigns on its own: a missing key
        there fails the document closed instead of inventing an inconsistent surrogate.
        """
        if self._fed or self.style == "redact":
            return
        records = self.collect(doc, mentions)
        col = parse_records(records)
        if any(k not in self.table for k in list(col.tokens) + list(col.others)) or (
                self.style == "tag" and col.cases):
            self.assign(records)

    # ---- phase 3: surrogate ----------------------------------------------------------------
    def surrogate(self, doc: Document, entity_type: str, text: str) -> str:
        """Phase 3: the replacement for one span of a document."""
        label = self.label(entity_type)
        p = self.profile.pseudonyms
        if self.style == "redact":
            return "[REDACTED]"
        if label in TYPED[1:]:
            case = case_tag(self.secret, doc.case)
            resolved = self._resolved_type(case, text)
            if resolved == "PERSON":
                return self._person(case, text)
            if resolved in VAULTED and self.key(resolved, self._canon(resolved, text)) in self.table:
                label = resolved
        if label == "DATE":
            if p.dates == "tag":
                return "[DATE]"
            off = case_offset(self.secret, doc.case, p.max_shift_days)
            return shift_date_text(text, off, p.dates, self._dates_dayfirst(doc))
        if label == "AGE":
            return render_age(text, p.age_cap, p.age_bands)
        if label == "PERSON":
            return self._person(case_tag(self.secret, doc.case), text)
        if label in ("ORGANIZATION", "LOCATION") and self._is_person_name(text):
            try:  # same name, same surrogate (when that person's surrogate exists in this case)
                return self._person(case_tag(self.secret, doc.case), text)
            except DocumentError:
                pass
        if label in VAULTED:
            sub, _ = self._classify(label, text)
            if sub == "generalise":
                return self._generalise(text)
            name = _place_name(text) if sub == "kind" and self._keeps_kinds() else ""
            if name:
                return self.surrogate(doc, entity_type, name) + text[len(name):]
            value = self._lookup(self.key(label, self._canon(label, text)), label)
            if value.startswith("["):
                return value
            if label in ("CONTACT", "ID") and sub in ("phone", "id"):
                return reflow(value, text.strip())
            poss = _POSS.search(text.strip())
            out = match_case(value, text)
            return out + (poss.group(0) if poss and not value.endswith(poss.group(0)) else "")
        return f"[{label}]"

    def _is_person_name(self, text: str) -> bool:
        """True when every word of a mention is a name token already known as a person's."""
        words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", _POSS.sub("", text.strip()))
        return 0 < len(words) <= 3 and all(self.key(NAME, canonical_form(w)) in self.table for w in words)

    def _lookup(self, key: str, label: str) -> str:
        try:
            return self.table[key]
        except KeyError:
            raise DocumentError(f"no surrogate assigned for a {label} mention") from None

    def _generalise(self, text: str) -> str:
        t = text.strip()
        if re.fullmatch(r"\d{5}(-\d{4})?", t):
            return t[:3] + "XX"
        if _UK_POSTCODE.fullmatch(t):
            return t.split()[0] if " " in t else t[:-3]
        return sur.generalise_city(t) or "[LOCATION]"

    def _person(self, case: str, text: str) -> str:
        letters = initials_only(text)
        if letters:
            ikey = self.key("PERSON_INITIALS", letters)
            if self.style == "tag":
                return self._person_tag(case, ikey)
            val = self.aliases.get((case, ikey), "")
            new = val[2:] if val.startswith("v:") else self._letters(ikey, letters)
            return _respace(new, text)
        p = parse_name(text)
        parts = p.name_parts
        if not parts:
            letters = "".join(c for c in text if c.isalpha())
            return _respace(self._letters(self.key("PERSON_INITIALS", letters), letters), text) \
                if letters else "[PERSON]"
        if self.style == "tag":
            given = [x for x in parts if x.role == "given"]
            surname = [x for x in parts if x.role == "surname"]
            if given and surname:
                ident = f"{self.key(NAME, canonical_form(given[0].text))}|" \
                        f"{self.key(NAME, canonical_form(surname[-1].text))}"
            else:
                tok = self.key(NAME, canonical_form(parts[0].text))
                inits = [x for x in p.parts if x.role == "initial"]
                if surname and inits:
                    ikey = self.key("PERSON_INITIALS",
                                    f"{inits[0].text[:1].upper()}|{canonical_form(surname[-1].text)}")
                    return self._person_tag(case, ikey) + p.possessive
                alias = self.aliases.get((case, "E" + tok), "")
                ident = alias[2:] if alias.startswith("p:") else tok
            if ident == self._client_of(case):
                return "[CLIENT]" + p.possessive
            return self._lookup(self.key("PERSON_ENTITY", f"{case}|{ident}"), "PERSON") + p.possessive
        out = []
        surname_canon = next((canonical_form(x.text) for x in reversed(p.parts) if x.role == "surname"), "")
        for part in p.parts:
            t = part.text
            if part.role in ("given", "surname", "bare"):
                k = self.key(NAME, canonical_form(t))
                alias = self.aliases.get((case, k), "")
                new = alias[2:] if alias.startswith("v:") else self._lookup(k, "PERSON")
                out.append(part.gap + match_case(new, t))
            elif part.role == "initial":
                ikey = self.key("PERSON_INITIALS", f"{t[:1].upper()}|{surname_canon}")
                alias = self.aliases.get((case, ikey), "")
                letter = alias[2:3] if alias.startswith("v:") else self._letters(ikey, t[:1])
                out.append(part.gap + match_case(letter, t) + t[1:])
            else:
                out.append(part.gap + t)
        return "".join(out) + p.possessive + p.tail

    def _person_tag(self, case: str, ikey: str) -> str:
        alias = self.aliases.get((case, "E" + ikey), "")
        ident = alias[2:] if alias.startswith("p:") else ikey
        if ident == self._client_of(case):
            return "[CLIENT]"
        return self._lookup(self.key("PERSON_ENTITY", f"{case}|{ident}"), "PERSON")

    def initial_of(self, token: str) -> str:
        """The keyed substitute for a name's first letter (initials and surrogates agree)."""
        if self._letter_map is None:
            self._letter_map = sur.letter_map(self.key("LETTERS", "map"))
        return self._letter_map.get(token[:1].upper(), "")

    def _letters(self, key: str, letters: str) -> str:
        return "".join(self.initial_of(c) or c for c in letters.upper())

    # ---- idempotence, workers, stats ---------------------------------------------------------
    def is_known_surrogate(self, text: str) -> bool:
        """True for deid's own tags ('[PERSON_3]', '[CLIENT]'): never an identifier, in any text.

        A realistic surrogate is no reason to skip a mention by itself (a new document may name a
        real person who happens to share an earlier surrogate); only a proof that the text is
        deid's own output is (see drop_proven).
        """
        if "[" not in text and "_" not in text:
            return False  # every tag shape has a bracket or an underscore (KNOWN_SURROGATE_MARKS)
        t = text.strip()
        if not (TAG_RX.match(t) or _TAGS_ONLY.fullmatch(t)):
            return False
        return all(w in _tag_words(tuple(self.labels.items())) for w in _BARE_TAG.findall(t))

    def surrogate_words(self) -> frozenset[str]:
        """Normalised surrogates this process assigned or read, and those its vault holds
        (lower-cased whole surrogates, their words and squeezed forms; deid/pseudo/known.py)."""
        if self._known is None:
            from deid.pseudo.known import KnownSurrogates

            self._known = KnownSurrogates()
        return self._known.update(self.table, self.vault)

    def is_surrogate(self, text: str) -> bool:
        """True when a lower-cased word, phrase or squeezed form is one of surrogate_words()."""
        return text in self.surrogate_words()

    # ---- proofs of deid's own output (deid/pseudo/proofs.py) --------------------------------
    def written_proofs(self, doc: Document, mentions: list[Mention], new_text: str) -> list[tuple[str, int]]:
        """Keyed hashes proving a rewritten document is deid's output (for the vault; hashes only)."""
        if not self.vault_path:
            return []
        return proofs.written_rows(self.key, self.label, doc, mentions, new_text)

    def written_file_proof(self, docs: list[Document], new_texts: list[str]) -> list[tuple[str, int]]:
        """The proof of a file of several documents (table cells, one per row and column)."""
        if not self.vault_path:
            return []
        return proofs.file_rows(self.key, docs, new_texts)

    def record_written(self, rows: list[tuple[str, int]]) -> None:
        """Parent: keep proofs of documents written in this run (visible after promote_written)."""
        if self.vault_path and rows:
            self.vault.add_written(rows)

    def promote_written(self) -> None:
        """Parent, at the end of a run: this run's proofs become visible to later runs."""
        if self.vault_path:
            self.vault.promote_written()

    def drop_proven(self, docs: list[Document], mentions: list[list[Mention]]) -> list[list[Mention]]:
        """Mentions of each document minus those the vault proves are deid's own output
        (proofs.drop_proven); without a vault every mention stays."""
        if not self.vault_path:
            return mentions
        whole_files = proofs.proven_files(self.key, self.vault, docs, self.counts)
        return [[] if i in whole_files else proofs.drop_proven(self.key, self.vault, d, ms, self.counts)
                if ms else ms for i, (d, ms) in enumerate(zip(docs, mentions))]

    def export_state(self, since: int = 0) -> tuple[list[tuple[str, Any, str]], int]:
        """Assignments made after journal position `since`, and the new position (for workers)."""
        if since < self._journal_base:
            raise ValueError("journal entries before this position were already handed over")
        return list(self._journal[since - self._journal_base:]), self._journal_base + len(self._journal)

    def journal_position(self) -> int:
        """The journal position after the last assignment made so far."""
        return self._journal_base + len(self._journal)

    def snapshot(self) -> list[tuple[str, Any, str]]:
        """Every assignment this process holds, as journal entries (what a fresh worker needs)."""
        return [("t", k, v) for k, v in self.table.items()] + \
               [("a", k, v) for k, v in self.aliases.items()]

    def forget_journal(self, upto: int) -> None:
        """Drop journal entries before position `upto` (handed over: the table keeps the values)."""
        drop = max(0, upto - self._journal_base)
        del self._journal[:drop]
        self._journal_base += drop

    def state_store(self) -> Any:
        """Parent: this process's state store for worker runs (made on first use, in a private
        temporary folder); from then on the table and aliases live there, this step's in memory."""
        state = self.worker_state()
        if state.store is None:
            from deid.pseudo.state_store import OverlayMapping

            store = state.create()
            before = self.snapshot()
            store.append(before, -len(before))  # held earlier: visible to every batch
            self.forget_journal(self.journal_position())
            self.table = OverlayMapping(store.conn, "t")  # type: ignore[assignment]
            self.aliases = OverlayMapping(store.conn, "a")  # type: ignore[assignment]
        return state.store

    def worker_state(self) -> Any:
        """This process's link to the run's state store (state_store.WorkerState), made on first use."""
        if self._state is None:
            from deid.pseudo.state_store import WorkerState

            self._state = WorkerState()
        return self._state

    def use_store_at(self, path: str, upto: int) -> None:
        """Worker: read the parent's state store at `path` as of journal position `upto`."""
        self.use_store(self.worker_state().reader(path), upto)

    def flush_to_store(self) -> int:
        """Parent, after a phase-2 step: append its journal entries to the store; the new position."""
        store = self.state_store()
        start = self._journal_base
        entries, pos = self.export_state(start)
        store.append(entries, start)
        self.forget_journal(pos)
        self.table.flush()  # type: ignore[attr-defined]
        self.aliases.flush()  # type: ignore[attr-defined]
        return pos

    def use_store(self, conn: Any, upto: int) -> None:
        """Worker: read the parent's assignments from its state store as of journal position `upto`
        (deid/pseudo/state_store.py) instead of holding every one of them."""
        from deid.pseudo.state_store import StateView

        self._fed = True
        self.table = StateView(conn, "t", upto)  # type: ignore[assignment]
        self.aliases = StateView(conn, "a", upto)  # type: ignore[assignment]

    def load_state(self, entries: list[tuple[str, Any, str]]) -> None:
        """Take assignments made by the parent's serial step (keys and surrogates, no originals)."""
        self._fed = True
        for kind, key, value in entries:
            if kind == "t":
                self.table[key] = value
            else:
                self.aliases[tuple(key)] = value  # type: ignore[index]

    def stats(self) -> dict[str, int]:
        """Counts for the report (never text)."""
        return dict(sorted(self.counts.items()))

    def close(self) -> None:
        """Release the vault connection (the state store, scratch of this process, stays until the
        process ends: its temporary folder is removed then)."""
        if self._vault is not None:
            self._vault.close()
            self._vault = None


def _place_name(text: str) -> str:
    """The name part of a place written with a kind word ('Quellport' of 'Quellport Harbour'), or ''."""
    t = text.rstrip()
    words = list(re.finditer(r"\S+", _POSS.sub("", t)))
    kind = sur.kind_suffix(" ".join(w.group(0) for w in words), sur.PLACE_KINDS)
    n = len(kind.split()) if kind else 0
    if not n or n >= len(words):
        return ""
    return t[:words[len(words) - n - 1].end()]


def _kind_words(text: str) -> str:
    """The trailing words of text that name a kind of organisation or place ('Catholic School')."""
    words = text.split()
    i = len(words)
    while i > 0 and words[i - 1].lower().strip(".,") in sur.ORG_KINDS | sur.PLACE_KINDS:
        i -= 1
    return " ".join(w.title() if w.islower() else w for w in words[i:])


def _respace(new: str, original: str) -> str:
    """Give replacement initials the original's dots and spaces ('D.W.' -> 'M.L.')."""
    it = iter(new)
    return "".join(next(it, c) if c.isalpha() else c for c in original)
