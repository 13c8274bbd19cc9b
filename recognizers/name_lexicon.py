"""Name lexicon recognizer: first names and surnames that NER misses, above all lower-case
speech-to-text ("i told dana about it"). Tokens that are also common English words ("will",
"hope", "grace", "may") count only with supporting context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from recognizers.name_context import person_result
from recognizers.name_data import FIRST, LAST, NameLexicon, fold, load_common_words, load_lexicon
from recognizers.memo import WORD_MEMO_MAX

if TYPE_CHECKING:
    from deid.config import Profile

_HEADING_KEY = "deid_heading_lines"
_TEXT_KEY = "deid.name_lexicon.text"
_KNOWN_MAX = WORD_MEMO_MAX  # words remembered per process (cleared when full: memory stays bounded)
# Parts of speech a name token never has (spaCy universal tags).
CLOSED_POS = frozenset({"AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT",
                        "SYM", "SPACE"})
# Lower-case tokens tagged like this are ordinary words unless context says otherwise.
WORDLIKE_POS = frozenset({"VERB", "ADV", "INTJ"})
_WORD_POS = CLOSED_POS | WORDLIKE_POS
# Words right before a name that make an ambiguous token a name ("told will", "hi grace").
STRONG_BEFORE = frozenset("""told tell tells telling asked ask asks asking named called call calls
texted texting emailed messaged phoned rang met saw visited hugged kissed thank thanks hi hey
hello bye dear facetimed""".split())
# Relation words right before a name ("my friend grace", "her son mark").
RELATIONS = frozenset("""mom mum mother dad father sister brother wife husband son daughter
friend partner boyfriend girlfriend fiance fiancé fiancee fiancée aunt uncle cousin grandma grandpa
grandmother grandfather granny nana niece nephew boss coworker colleague roommate ex stepdad
stepmom stepmother stepfather stepson stepdaughter stepsister stepbrother sibling kid child baby
neighbor neighbour bestie buddy pal mentor supervisor manager teacher coach pastor""".split())
# Words right after a name that make an ambiguous token a name ("grace said").
STRONG_AFTER = frozenset("""said says told asked texted called emailed messaged mentioned replied
yelled screamed laughed cried shouted whispered""".split())
# Words (weaker) before a name: accepted only when the tagger also calls the token PROPN.
WEAK_BEFORE = frozenset("and with to for from about at".split())
# NER labels that are never a person's name, whatever the lexicon says.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Tags of a word used as a name; and of words that make the next noun a common noun ("his pastor").
NAME_POS = frozenset({"PROPN", "NOUN", "X"})
MODIFIER_POS = frozenset({"DET", "PRON", "ADJ", "NOUN", "NUM"})
# Kinship, role, greeting and title words are never names by themselves, whatever the lexicon says.
NOT_NAMES = RELATIONS | frozenset("""client patient therapist counsellor counselor clinician
doctor dr nurse pastor priest father reverend rev papa mama mum mom ma pa dad daddy mommy mummy
son sir madam miss mister mr mrs ms mx prof hi hey hello dear thanks bye um uh oh ok okay yes no
god lord lady dame queen prince princess saint to from cc bcc subject re date sent""".split())


class NameLexiconRecognizer(EntityRecognizer):
    """PERSON from a first-name/surname lexicon, case-insensitive, with context for common words."""

    SCORE = 0.55            # unambiguous name token
    CONTEXT_SCORE = 0.5     # ambiguous token with supporting context
    PAIR_SCORE = 0.7        # first name followed by a surname

    def __init__(self, lexicon: NameLexicon | None = None, supported_language: str = "en") -> None:
        """Use the packaged lexicon unless one is given (tests)."""
        self.lexicon = lexicon or load_lexicon()
        self.common = load_common_words()
        self._known: dict[int, bool] = {}  # word id -> is it a lexicon name
        super().__init__(supported_entities=["PERSON"], name="NameLexiconRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load: the lexicon is read once per process by load_lexicon()."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Score every word token that is a lexicon name in its context."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None or "PERSON" not in entities:
            return []
        doc = nlp_artifacts.tokens
        out: list[RecognizerResult] = []
        for i in self._name_words(doc):  # score_token is 0.0 for every other token
            tok = doc[i]
            score = self.score_token(tok)
            if score:
                out.append(person_result(self, tok.idx, tok.idx + len(tok.text), score))
        return out

    def _name_words(self, doc: Doc) -> list[int]:
        """Indices of the tokens whose word the lexicon knows and score_token does not reject by itself."""
        strings, known, kind = doc.vocab.strings, self._known, self.lexicon.kind
        out = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            k = known.get(orth)
            if k is None:
                if len(known) > _KNOWN_MAX:
                    known.clear()
                word = strings[orth]  # the word-level tests score_token starts with
                k = known[orth] = word.isalpha() and len(word) >= 2 and word.lower() not in NOT_NAMES \
                    and bool(kind(word))
            if k:
                out.append(i)
        return out

    def score_token(self, tok: Token) -> float:
        """The PERSON score of one token (0.0 when it is not taken as a name)."""
        if not tok.is_alpha or len(tok.text) < 2 or tok.lower_ in NOT_NAMES:
            return 0.0
        if tok.is_lower and tok.i > 0 and tok.doc[tok.i - 1].text == "-":
            return 0.0  # lower-case hyphen compound ("in-vivo")
        if tok.is_upper and len(tok.text) <= 3 and not _speaker_label(tok):
            return 0.0  # acronyms (SUD, VIC); initials are the roster's and the names helper's
        lex = self.lexicon
        kind = lex.kind(tok.text)
        if not kind:
            return 0.0
        if kind & FIRST and not tok.is_stop and _speaker_label(tok):
            return self.CONTEXT_SCORE if lex.is_ambiguous(tok.text) else self.SCORE
        if kind & FIRST and self._after_inverted_surname(tok):
            return self.CONTEXT_SCORE
        if tok.ent_type_ and tok.ent_type_ not in ("PERSON", "PER") and not self._ner_mistake(tok):
            return 0.0  # NER calls it something else (a place, a date, a nationality)
        if self._pair(tok):
            return self.PAIR_SCORE
        if not lex.is_ambiguous(tok.text):
            if tok.pos_ in _WORD_POS and not (_mid_capital(tok) or self._context(tok)):
                return 0.0
            return self.SCORE
        if self._context(tok, calendar=tok.lower_ in lex.calendar):
            return self.CONTEXT_SCORE
        return 0.0

    def _ner_mistake(self, tok: Token) -> bool:
        """NER gave a lone rare name another label ("Sandeep" as NORP): the lexicon overrides.

        Multi-word entities ("Beck Depression Inventory"), numbers and dates, and names that are
        also common words ("Irish", "Paris") keep NER's label.
        """
        if tok.ent_type_ in NUMERIC_LABELS or self.lexicon.is_ambiguous(tok.text):
            return False
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or len(ent) != 1 or fold(tok.text) in self.common:
            return False
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return not (tok.ent_type_ == "NORP" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN"))

    def _after_inverted_surname(self, tok: Token) -> bool:
        """"Nguyen, Lan" / "WHITFIELD, Grace": a given name after "Surname," in a record."""
        if tok.i < 2 or tok.doc[tok.i - 1].text != "," or not tok.is_title:
            return False
        sur = tok.doc[tok.i - 2]
        lex = self.lexicon
        if not (sur.is_upper or sur.is_title) or not lex.kind(sur.text) & LAST or lex.is_ambiguous(sur.text):
            return False
        return sur.i == 0 or tok.doc[sur.i - 1].text in (":", "|", "\n") or tok.doc[sur.i - 1].is_space

    def _pair(self, tok: Token) -> bool:
        """First name + surname, seen from either token of the pair."""
        nxt = _neighbour(tok, 1)
        prv = _neighbour(tok, -1)
        if nxt is not None and self._is_pair(tok, nxt):
            return True
        return prv is not None and self._is_pair(prv, tok)

    def _is_pair(self, first: Token, last: Token) -> bool:
        """A given name then a surname; a common-word part needs the other part unambiguous."""
        lex = self.lexicon
        if first.lower_ in NOT_NAMES or last.lower_ in NOT_NAMES:
            return False
        if not (lex.kind(first.text) & FIRST and lex.kind(last.text) & LAST) or not _same_case(first, last):
            return False
        first_amb, last_amb = lex.is_ambiguous(first.text), lex.is_ambiguous(last.text)
        if first_amb and last_amb:
            return False
        if last_amb:  # "dana king", "Marcus Young" but not "marcus went"
            return last.pos_ in NAME_POS or (last.is_title and last.pos_ not in CLOSED_POS)
        if first_amb:  # "grace whitfield" but not "made pho"
            return first.pos_ in NAME_POS
        return True

    def _context(self, tok: Token, calendar: bool = False) -> bool:
        """Supporting context for a name token that is also a common word."""
        prv = _neighbour(tok, -1)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if _speaker_label(tok) and self.lexicon.kind(tok.text) & FIRST:
            return True
        if _in_heading(tok):
            return False
        if prv is not None and prv.lower_ in STRONG_BEFORE and not calendar:  # "told will"
            return tok.pos_ not in ("DET", "PRON", "CCONJ", "SCONJ", "PART", "ADP", "NUM", "ADJ", "ADV")
        if tok.pos_ not in NAME_POS:
            return False
        if prv is not None and prv.lower_ in ("named", "called"):
            return True
        if calendar:
            return False
        if prv is not None and prv.lower_ in RELATIONS:
            return True
        if nxt is not None and nxt.lower_ in STRONG_AFTER and (prv is None or prv.pos_ not in MODIFIER_POS):
            return True
        if nxt is not None and nxt.lower_ in ("'s", "’s") and tok.pos_ == "PROPN" and _mid_capital(tok):
            return True
        if prv is not None and prv.lower_ in WEAK_BEFORE and tok.pos_ == "PROPN" and tok.is_title:
            return not _names_a_thing(tok)
        return _mid_capital(tok) and tok.pos_ == "PROPN" and not _names_a_thing(tok)


def _neighbour(tok: Token, step: int) -> Token | None:
    j = tok.i + step
    if 0 <= j < len(tok.doc) and tok.doc[j].is_alpha:
        return tok.doc[j]
    return None


def _same_case(a: Token, b: Token) -> bool:
    """Both title-case, or both lower-case (speech-to-text), or both upper-case."""
    return (a.is_title and b.is_title) or (a.is_lower and b.is_lower) or (a.is_upper and b.is_upper)


def _doc_text(doc: Doc) -> str:
    """doc.text joins every token on each call: compute it once per Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _mid_capital(tok: Token) -> bool:
    """Capitalised word after a word or comma in a mixed-case line (not a heading)."""
    if not tok.is_title or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if not (prev.is_alpha or prev.text == ",") or "\n" in prev.text_with_ws:
        return False
    return not _in_heading(tok)


def _in_heading(tok: Token) -> bool:
    """The token's line is a heading or title: mostly capitalised words, or all upper-case."""
    text = _doc_text(tok.doc)
    line_start = text.rfind("\n", 0, tok.idx) + 1
    cache = tok.doc.user_data.setdefault(_HEADING_KEY, {})
    found = cache.get(line_start)
    if found is None:
        line_end = text.find("\n", tok.idx)
        found = cache[line_start] = _is_heading(text[line_start: line_end if line_end != -1 else len(text)])
    return found


def _is_heading(line: str) -> bool:
    if line.isupper():
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 12 and caps * 2 > len(words)


def _names_a_thing(tok: Token) -> bool:
    """Part of a capitalised multi-word name that is not a person's ("Holy Communion")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or not nxt.is_title or nxt.pos_ != "PROPN" or nxt.ent_type_ == "PERSON":
        return False
    return nxt.ent_type_ != "" or not load_lexicon().kind(nxt.text)


def _speaker_label(tok: Token) -> bool:
    """NAME: at the start of a line."""
    text = _doc_text(tok.doc)
    line_start = text.rfind("\n", 0, tok.idx) + 1
    after = tok.idx + len(tok.text)
    return not text[line_start:tok.idx].strip() and text[after:after + 1] == ":"


def create(profile: "Profile") -> NameLexiconRecognizer:
    """Registry factory."""
    return NameLexiconRecognizer(supported_language=profile.detection.language)
