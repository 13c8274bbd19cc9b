"""Required literals of a regex: a cheap test that lets a scan skip texts it cannot match.

``required_literals(pattern)`` reads the regex's parse tree and returns lower-case strings of
which every match must contain at least one (``None`` when no such set is known: a pattern made
of character classes, say). ``may_match(lits, folded)`` is then a few substring tests on the
case-folded text instead of a regex scan; when it says no, the regex has no match there.

The test only ever skips a scan that would have found nothing: literals come from parts every
match must pass through (a sequence's items, a repeat of at least one, every branch of an
alternation); optional parts, look-arounds and most classes contribute nothing. Literals and text
are both compared case-folded (``str.casefold`` folds at least as much as the regex engine does,
'ſ' and 'K' included, and folding keeps substrings), so case never hides a match.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

Literals = frozenset[str] | None
_MIN_LEN = 2  # shorter literals (one letter) would let nearly every text through


_MAX_SET = 256  # a literal set larger than this is not worth testing


def _best(cands: list[frozenset[str]]) -> Literals:
    """The most selective candidate: the one whose shortest literal is longest."""
    cands = [c for c in cands if c and len(c) <= _MAX_SET]
    if not cands:
        return None
    return max(cands, key=lambda c: (min(map(len, c)), -len(c)))


def _seq(items: list[tuple[object, object]], look: bool = False) -> tuple[Literals, Literals]:
    """(required literals, the exact strings when the whole sequence is literal) of parsed items.

    With ``look``, a positive look-around's literals count too: they are not in the match but
    next to it, so they are required of the text (what a text-level skip needs).
    """
    cands: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})  # the literal strings the current stretch can be
    pure = True

    def flush() -> None:
        nonlocal run
        if run and any(run):
            cands.append(run)
        run = frozenset({""})

    for op, av in items:
        exact: Literals = None
        sub: Literals = None
        if op is C.LITERAL:
            exact = frozenset({chr(av)})  # type: ignore[arg-type]
        elif op is C.AT:  # \b, ^, $: zero-width, the stretch goes on
            continue
        elif op is C.SUBPATTERN:
            sub, exact = _seq(list(av[-1]), look)  # type: ignore[index]
        elif op is C.BRANCH:
            parts = [_seq(list(b), look) for b in av[1]]  # type: ignore[index]
            if parts and all(e is not None for _, e in parts):
                exact = frozenset().union(*(e for _, e in parts))  # type: ignore[misc]
            elif parts and all(b is not None for b, _ in parts):
                sub = frozenset().union(*(b for b, _ in parts))  # type: ignore[misc]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, high, body = av  # type: ignore[misc]
            if low >= 1:
                sub, inner = _seq(list(body), look)
                if inner is not None and low == high == 1:
                    exact = inner
                elif inner is not None:
                    sub = inner if sub is None else sub
        elif op is C.IN:
            exact = _char_set(av)  # type: ignore[arg-type]
        elif op is C.ASSERT and look:  # (?=...) / (?<=...): zero-width, so never part of a stretch
            sub, inner = _seq(list(av[1]), look)  # type: ignore[index]
            sub = inner if inner is not None else sub
        if exact is not None and run is not None and len(run) * len(exact) <= _MAX_SET:
            run = frozenset(a + b for a in run for b in exact)
            continue
        pure = False
        flush()
        if exact is not None:
            cands.append(exact)
        elif sub:
            cands.append(sub)
    whole = run if pure else None
    flush()
    return _best(cands), whole


def _char_set(av: list[tuple[object, object]]) -> Literals:
    """A class of a few plain characters ([sz], [- ]) is a set of one-character strings."""
    chars = set()
    for op, v in av:
        if op is not C.LITERAL:
            return None
        chars.add(chr(v))  # type: ignore[arg-type]
    return frozenset(chars) if 0 < len(chars) <= 4 else None


@lru_cache(maxsize=None)
def required_literals(pattern: str, min_len: int = _MIN_LEN, look: bool = False) -> Literals:
    """Case-folded strings one of which every match of ``pattern`` contains, or None.

    ``min_len`` is the shortest literal worth testing (a scan run on every text of a
    corpus wants longer ones than a scan that is cheap to skip). With ``look``, literals of
    positive look-arounds count: one of the strings is then in every text the pattern matches
    (next to the match, not necessarily in it).
    """
    try:
        tree = P.parse(pattern, re.IGNORECASE)
    except Exception:  # a syntax only the `regex` module knows: no prefilter
        return None
    best, _ = _seq(list(tree), look)
    if best is None or min(map(len, best)) < min_len:
        return None
    return frozenset(s.casefold() for s in best)


# `regex`-module syntax: a property class (\p{Lu}, \PL) is one class item, like \w; an escaped
# backslash is consumed first, so '\\p' stays a backslash and a 'p'.
_ESCAPE = re.compile(r"\\(?:[pP](?:\{[^}]*\}|[A-Za-z])|.)", re.S)
# Syntax the stdlib parser would read with another meaning: POSIX classes ([[:alpha:]]) and
# fuzzy constraints ({e<=1}) parse there as literal characters.
_FOREIGN = re.compile(r"\[:\^?[A-Za-z]+:\]|\{\s*[A-Za-z]")
_PROPERTY = r"\w"


def regex_literals(pattern: str, flags: int = 0) -> Literals:
    """required_literals for a pattern of the `regex` module (compiled with ``flags``), or None.

    Unicode property classes are read as the one class item they are; a verbose pattern, or one
    using syntax the stdlib parser reads differently (POSIX classes, fuzzy matching), gets no
    literals (never a prefilter that could skip a match). One character is enough here: each
    recognizer rule is one scan of a short text, so skipping on a rare '@' or '(' pays. Positive
    look-arounds count ("(?<=\\()" needs a '('): the literals are required of the text.
    """
    if flags & re.VERBOSE:
        return None
    plain = _ESCAPE.sub(lambda m: _PROPERTY if m.group()[1] in "pP" else m.group(), pattern)
    if _FOREIGN.search(plain):
        return None
    return required_literals(plain, 1, look=True)


def may_match(lits: Literals, folded: str) -> bool:
    """False only when no required literal occurs in ``folded`` (the text's ``casefold()``)."""
    return lits is None or any(s in folded for s in lits)
