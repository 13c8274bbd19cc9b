"""Regex speed-ups that must never change what matches: the trie alternation and the literal prefilter."""

from __future__ import annotations

import re

import pytest

from recognizers.prefilter import may_match, regex_literals, required_literals
from recognizers.regex_trie import trie_alternation

_WORDS = ["nurse", "nurse practitioner", "nursery teacher", "nun", "dental nurse", "dentist",
          "a", "ab", "abc", "bus driver", "bus", "c++ developer", "stay-at-home parent"]
_TEXTS = [
    "She was a nurse practitioner, then a nursery teacher; later a nun and a dental-nurse.",
    "ab abc a bus driver busdriver bus  driver c++ developers stay-at-home parents",
    "NURSE Practitioner and DENTISTS; nothing here at all",
]


def _flat(words: list[str], space: str) -> str:
    alts = sorted((re.escape(w).replace(r"\ ", space) for w in words), key=len, reverse=True)
    return "|".join(alts)


@pytest.mark.parametrize("text", _TEXTS)
def test_trie_alternation_matches_what_the_longest_first_alternation_matches(text):
    space = r"[\s-]+"
    wrap = r"(?<![\w-])(?:{})(?:e?s)?(?![\w-])"
    flat = re.compile(wrap.format(_flat(_WORDS, space)), re.IGNORECASE)
    trie = re.compile(wrap.format(trie_alternation(sorted(_WORDS), space=space)), re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert list(flat.finditer(text))  # every text has something to match


def test_trie_alternation_of_one_word_is_the_word_escaped():
    assert trie_alternation(["c++"]) == re.escape("c++")


@pytest.mark.parametrize("pattern,text", [
    (r"\b(?:mother|father) of (\w+)", "Mother of three"),
    (r"\b(\d{1,3})[- ]year[- ]old\b", "a 47-YEAR-OLD man"),
    (r"(?:works?|worked) (?:at|for) the \w+", "She Worked for the council"),
    (r"\b(?:town|village) of \w+", "a VILLAGE of 300"),
])
def test_prefilter_never_skips_a_text_the_regex_matches(pattern, text):
    rx = re.compile(pattern, re.IGNORECASE)
    assert rx.search(text)
    assert may_match(required_literals(pattern), text.casefold())


@pytest.mark.parametrize("pattern,text", [
    (r"\b(?:mother|father) of (\w+)", "no parents named here"),
    (r"\b(\d{1,3})[- ]year[- ]old\b", "aged 47"),
])
def test_prefilter_skips_a_text_without_the_required_literals(pattern, text):
    assert required_literals(pattern) is not None
    assert not may_match(required_literals(pattern), text.casefold())


def test_prefilter_knows_no_literals_for_a_pattern_of_classes():
    assert required_literals(r"\b\d{3}-\d{4}\b") is None


@pytest.mark.parametrize("pattern,text", [
    (r"(?<=\((?:\d{1,3},[ \t]*)?)(?P<v>\p{L}+)\)", "a nurse (Dana)"),
    (r"\b\p{Lu}\p{Ll}+(?= said\b)", "then Dana SAID so"),
    (r"(?i:\b(?:jan|feb)\b)", "since FEB"),
])
def test_regex_literals_never_skip_a_text_the_regex_matches(pattern, text):
    import regex

    assert regex.search(pattern, text, regex.IGNORECASE)
    assert may_match(regex_literals(pattern), text.casefold())


@pytest.mark.parametrize("pattern,text", [
    (r"(?<=\()(?P<v>\p{L}+)", "no brackets here"),  # a look-behind's literal is required of the text
    (r"\b\p{Lu}\p{Ll}+(?= said\b)", "nobody spoke"),
])
def test_regex_literals_skip_a_text_without_them(pattern, text):
    assert regex_literals(pattern) is not None
    assert not may_match(regex_literals(pattern), text.casefold())


@pytest.mark.parametrize("pattern,flags", [
    (r"[[:alpha:]]+ing", 0),  # a POSIX class would parse as literal characters in the stdlib
    (r"(?:colour){e<=1}", 0),  # fuzzy matching likewise
    (r"nurse # a comment", re.VERBOSE),
    (r"(?<!x)\d+", 0),  # a negative look-around requires nothing
])
def test_regex_literals_give_no_prefilter_for_syntax_they_cannot_read(pattern, flags):
    assert regex_literals(pattern, flags) is None


def test_required_literals_ignore_look_arounds_unless_asked():
    assert required_literals(r"(?<=\bdr\. )\w+") is None
    assert required_literals(r"(?<=\bdr\. )\w+", 1, look=True) == frozenset({"dr. "})
