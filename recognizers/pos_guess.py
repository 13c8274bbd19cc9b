"""Parts of speech, sentence starts and lemmas without spaCy's tagger (a fast pipeline component).

spaCy's tagger and its tok2vec cost as much as the NER model itself, and deid's recognizers only
ask coarse questions of them (is this capitalised word a proper noun? is this word a pronoun or a
determiner?). ``deid_pos_guess`` answers from each word's usual part of speech in the md tagger's
own output over public counselling text (recognizers/data/pos_lexicon.tsv.gz, built by
scripts/build_pos_lexicon.py) plus case and NER rules; it also marks sentence starts (after
. ! ? : and line breaks) and sets each lemma to the lower-case form for Presidio's context words.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import ENT_TYPE, LEMMA, LOWER, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from recognizers.memo import WORD_MEMO_MAX

TABLE = Path(__file__).parent / "data" / "pos_lexicon.tsv.gz"
# NER labels whose capitalised tokens the tagger calls proper nouns.
PROPER_ENTS = frozenset({"PERSON", "GPE", "LOC", "ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
CLITICS = {"'s": "PART", "’s": "PART", "n't": "PART", "n’t": "PART", "'m": "AUX", "’m": "AUX",
           "'re": "AUX", "’re": "AUX", "'ve": "AUX", "’ve": "AUX", "'ll": "AUX", "’ll": "AUX",
           "'d": "AUX", "’d": "AUX"}
SENTENCE_END = frozenset(".!?:;…")
DETERMINERS = frozenset("the a an this that these those every each another some any no".split())


@lru_cache(maxsize=None)
def pos_table(path: str | None = None) -> dict[str, tuple[str, str]]:
    """word -> (usual POS when lower-case, usual POS when capitalised mid-sentence)."""
    out: dict[str, tuple[str, str]] = {}
    with gzip.open(path or TABLE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, lo, ti, _ = line.rstrip("\n").split("\t")
            out[word] = (lo, ti)
    return out


def starts_sentence(tok: Token) -> bool:
    """First token, or after sentence punctuation, a line break or a closing quote after those."""
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    if "\n" in prev.text or "\n" in prev.whitespace_:
        return True
    if prev.text in ('"', "”", "’", "'", ")") and tok.i > 1:
        prev = tok.doc[tok.i - 2]
    return prev.text[-1:] in SENTENCE_END


def guess(tok: Token, table: dict[str, tuple[str, str]], start: bool) -> str:
    """The coarse part of speech the md tagger would most likely give this token."""
    text = tok.text
    if tok.is_space:
        return "SPACE"
    if text in CLITICS:
        return CLITICS[text]
    if tok.is_punct or tok.is_bracket or tok.is_quote:
        return "PUNCT"
    if tok.like_num:
        return "NUM"
    if not tok.is_alpha:
        return "SYM" if len(text) == 1 else "X"
    row = table.get(tok.lower_)
    if tok.is_lower:
        pos = (row[0] or row[1]) if row else "NOUN"
        if pos == "PROPN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in DETERMINERS:
            return "NOUN"  # "the bell": a lower-case word after a determiner is no name
        return pos
    if tok.ent_type_ in PROPER_ENTS:
        return "PROPN"
    if row is None:
        return "PROPN"
    if start:
        return row[0] or row[1]
    return row[1] or ("PROPN" if row[0] in ("NOUN", "ADJ", "VERB", "PROPN") else row[0])


@Language.component("deid_pos_guess")
def pos_guess(doc: Doc) -> Doc:
    """Set pos_, is_sent_start and lemma_ on every token (see the module docstring).

    The answer for a token depends only on its word, whether it starts a sentence, whether NER
    put it in a proper-name entity and whether a determiner comes before it, so ``guess`` runs
    once per such combination (``_MEMO``) and all tokens are written with one ``from_array``.
    """
    n = len(doc)
    if not n:
        return doc
    table = pos_table()
    strings = doc.vocab.strings
    proper = frozenset(strings[x] for x in PROPER_ENTS)  # ids: labels like PERSON are symbols, not hashes
    determiners = frozenset(strings.add(x) for x in DETERMINERS)
    cols = doc.to_array([ORTH, LOWER, ENT_TYPE]).tolist()
    out = np.empty((n, 3), dtype=np.uint64)
    prev_lower = prev2_orth = prev_orth = 0
    for i, (orth, lower, ent) in enumerate(cols):
        if i == 0:
            start = True
        else:
            newline, quote, ends = _word_facts(strings, prev_orth)
            if newline:
                start = True
            elif quote and i > 1:
                start = _word_facts(strings, prev2_orth)[2]
            else:
                start = ends
        key = (orth, start, ent in proper, i > 0 and prev_lower in determiners)
        pos = _MEMO.get(key)
        if pos is None:
            if len(_MEMO) > _MEMO_MAX:
                _MEMO.clear()
            pos = _MEMO[key] = POS_IDS.get(guess(doc[i], table, start), 0)
        out[i, 0] = pos
        out[i, 1] = 1 if start else _NOT_START
        out[i, 2] = lower
        prev2_orth, prev_orth, prev_lower = prev_orth, orth, lower
    doc.from_array([POS, SENT_START, LEMMA], out)
    return doc


_NOT_START = np.uint64(2**64 - 1)  # -1 as spaCy stores it: "not a sentence start"
_MEMO: dict[tuple[int, bool, bool, bool], int] = {}
_MEMO_MAX = 2 * WORD_MEMO_MAX  # entries (word x context); cleared when full, so memory stays bounded
_FACTS: dict[int, tuple[bool, bool, bool]] = {}


def _word_facts(strings: object, orth: int) -> tuple[bool, bool, bool]:
    """(holds a line break, is a closing quote or bracket, ends a sentence) for a word."""
    facts = _FACTS.get(orth)
    if facts is None:
        text = strings[orth]  # type: ignore[index]
        facts = ("\n" in text, text in _CLOSERS, text[-1:] in SENTENCE_END)
        if len(_FACTS) > _MEMO_MAX:
            _FACTS.clear()
        _FACTS[orth] = facts
    return facts


_CLOSERS = frozenset(('"', "”", "’", "'", ")"))


def pos_guess_slow(doc: Doc) -> Doc:
    """Token-by-token reference for ``pos_guess`` (tests check the two agree)."""
    table = pos_table()
    for tok in doc:
        start = starts_sentence(tok)
        if tok.i > 0:
            tok.is_sent_start = start
        tok.pos_ = guess(tok, table, start)
        tok.lemma_ = tok.lower_
    return doc
