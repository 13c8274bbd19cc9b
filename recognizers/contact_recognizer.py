"""URLs, social-media handles and spoken contacts ("@lanng.draws", "firewife_mt", "dana dot draws").

``WebAddressRecognizer`` replaces Presidio's ``UrlRecognizer``, whose scheme-less pattern takes
abbreviations such as "C.Psych" or "M.Phil" for domains and misses reserved test domains
(".example"); here a scheme-less address needs a known top-level domain.

``HandleRecognizer`` also takes chat-export speakers ("23:41 user.name: ..."), handles listed
after a "Participants:" label, dotted handles that are not two common words run together, and
every other occurrence of a handle it found. ``SpokenPhoneRecognizer`` takes phone numbers read
out digit by digit. Cue words live in ``data/detect_cues.yaml``.
"""

from __future__ import annotations

from typing import Optional

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.cues import cue_regex, cue_words, is_common_word
from recognizers.regex_base import RegexRecognizer, Rule, alternation
from recognizers.regex_trie import trie_alternation

TLDS = ["com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "au", "nz", "ca", "in",
        "za", "ie", "us", "info", "biz", "me", "ly", "app", "dev", "example", "health", "nhs", "ac",
        "tv", "blog", "online", "site", "xyz", "link", "page", "org.uk", "co.uk", "com.au"]
_TLD = rf"(?i:{alternation(TLDS)})"
_URL_TAIL = r"(?:/[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?*])?"
_CONTEXT_WORDS = re.compile(
    r"(?i:\b(?:account|handle|username|user\s*name|instagram|insta|tiktok|twitter|snapchat|youtube|"
    r"channel|page|e-?mail|site|website|blog|follow|follows|following|followers|posted|dm|"
    r"linktree|profile|gmail|hotmail|outlook)\b)")


def _spoken_context(text: str, start: int, end: int) -> bool:
    """A spoken "x dot y" is a contact when it ends in a TLD or sits near social-media words."""
    last = text[start:end].split()[-1].lower()
    if last in TLDS:
        return True
    return bool(_CONTEXT_WORDS.search(text[max(0, start - 150):min(len(text), end + 60)]))


class WebAddressRecognizer(RegexRecognizer):
    """URLs with a scheme, www., or a known top-level domain."""

    ENTITY = "URL"
    REPLACES = ("UrlRecognizer",)
    RULES = (
        Rule("scheme-url", r"\b(?i:https?|ftp)://[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?*]", 0.8),
        Rule("www-url", r"(?<![\w.])(?i:www)\.[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?*]", 0.7),
        Rule("domain", rf"(?<![\w.@/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+{_TLD}"
                       rf"{_URL_TAIL}(?![\w@-])", 0.5,
             check=lambda t, s, e: len(t[s:e].split(".")[0]) >= 2),
    )


# Chat lines: an optional date and clock time before the speaker ("23:41 sam.okafor: ...",
# "[10/2/25, 9:14 pm] lunar_fox88: ...").
_CLOCK_PREFIX = (r"[\[(]?(?:\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?,?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
                 r"(?:[ \t]?(?i:[ap]\.?m\.?))?[\])]?[ \t]*(?:[-–—|][ \t]*)?")
_LINE_START = r"^[ \t>*\-]*"
# A handle-shaped word: letters with a dot, underscore or digit ("sam.okafor", "lunar_fox88").
_HANDLE_SHAPE = r"(?=[\w.\-]*\p{L})(?=[\w.\-]*[._\d])[\p{L}\d][\w.\-]{2,30}[\p{L}\d]"
# Numbered role labels are speakers, not handles ("P1:", "Speaker_2:", "Client 3:").
_ROLE_ID = re.compile(r"(?i:(?:speaker|spkr?|spk|voice|participant|person|interviewer|interviewee|client|"
                      r"therapist|session|week|step|item|part|page|question|day|group|room|unit|module|"
                      r"phase|stage|level|section|chapter|p|t|c|s|q|a|r|i)[\s_.\-]?\d{1,3})")
_SPEAKER_AFTER = r"(?=\**[ \t]*:(?:\s|$))"


def _not_role(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    return not _ROLE_ID.fullmatch(word) and word.lower() not in _roles()


_VERSION = re.compile(r"(?i:\p{L}{1,4}[._\-]?\d+(?:[._]\d+)*)")


def _shaped_handle(text: str, start: int, end: int) -> bool:
    """A handle-shaped speaker that is no test name ("PHQ-9", "ICD-10"), version ("v2.0") or role."""
    word = text[start:end]
    return (not word.isupper() and sum(c.isalpha() for c in word) >= 4
            and not _VERSION.fullmatch(word) and _not_role(text, start, end))


def _plain_handle(text: str, start: int, end: int) -> bool:
    """A plain lower-case speaker or list item is a handle when it is no role and no common word."""
    word = text[start:end]
    if re.fullmatch(_HANDLE_SHAPE, word) is not None:
        return _shaped_handle(text, start, end)
    return _not_role(text, start, end) and not is_common_word(word)


def _roles() -> frozenset[str]:
    return frozenset(w.lower() for w in cue_words("participant_roles"))


_PARTICIPANTS = re.compile(rf"{_LINE_START}{cue_regex('participant_labels')}\**[ \t]*[:\-–]\**[ \t]*"
                           r"(?P<list>[^\n]{2,400})", re.MULTILINE)
_ITEM = re.compile(r"[^\s,;()\[\]]+")
_FILE_EXT = frozenset(cue_words("file_extensions"))


def _dotted_handle(text: str, start: int, end: int) -> bool:
    """ "siueni.ft" is a handle unless it is a file, a domain, or two words run together ("ok.so")
    with no social-media word nearby."""
    parts = text[start:end].lower().split(".")
    if parts[-1] in _FILE_EXT or parts[-1] in TLDS:
        return False
    if all(is_common_word(p) or p.isdigit() for p in parts):
        return False  # words run together ("ok.so", "ya.alls")
    if not is_common_word(parts[0]) and not parts[0][:1].isdigit():
        return True
    return bool(_CONTEXT_WORDS.search(text[max(0, start - 150):min(len(text), end + 60)]))


class HandleRecognizer(RegexRecognizer):
    """Social-media handles: @name, snake_case usernames, and handles read out ("x dot y")."""

    ENTITY = "HANDLE"
    RULES = (
        Rule("at-handle", r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])", 0.7),
        Rule("underscore-handle", r"(?<![\w@./-])(?!(?i:speaker|spkr?|spk|voice|participant|person|"
                                  r"interviewer|interviewee|s)_\d+\b)(?=[A-Za-z0-9_]*[A-Za-z])"
                                  r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+(?![\w@])", 0.5),  # not "speaker_0"
        Rule("spoken-email", rf"\b[a-z0-9._]+\s+(?i:at)\s+[a-z0-9-]+(?:\s+(?i:dot)\s+[a-z]+)+\b", 0.7,
             check=_spoken_context),
        Rule("spoken-handle", r"\b[a-z0-9_]{2,}(?:\s+(?i:dot|underscore)\s+[a-z0-9_]{2,})+\b", 0.5,
             check=_spoken_context),
        Rule("chat-speaker-handle", rf"{_LINE_START}(?:{_CLOCK_PREFIX})?(?P<v>{_HANDLE_SHAPE}){_SPEAKER_AFTER}", 0.6,
             check=_shaped_handle),
        Rule("chat-speaker-timed", rf"{_LINE_START}{_CLOCK_PREFIX}(?P<v>[\p{{Ll}}\d][\p{{Ll}}\d_.\-]{{1,30}}){_SPEAKER_AFTER}",
             0.55, check=_plain_handle),
        Rule("dotted-handle", r"(?<![\w@./\-])\p{Ll}[\p{Ll}\d_]{1,29}(?:\.[\p{Ll}\d_]{2,30})+(?![\w@\-]|\.\w)", 0.5,
             check=_dotted_handle),
    )

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        """Rule matches, handles listed after a "Participants:" label, and every other
        occurrence of a handle found once (a chat speaker is named again in the messages)."""
        out = super().analyze(text, entities, nlp_artifacts)
        seen = {(r.start, r.end) for r in out}
        rule = Rule("participant-list", "", 0.55)
        for m in _PARTICIPANTS.finditer(text, timeout=2.0):
            base = m.start("list")
            # Plain words count only in a list of single words ("a.b, mossling"), not in prose.
            one_word_items = all(len(x.split()) <= 1 for x in re.split(r"[,;]|\band\b", m.group("list")))
            for item in _ITEM.finditer(m.group("list")):
                word = item.group().strip(".:*")
                s0 = base + item.start() + item.group().index(word) if word else 0
                shaped = re.fullmatch(_HANDLE_SHAPE, word) is not None
                if word and (shaped or (one_word_items and word.islower() and len(word) >= 3)) and \
                        _plain_handle(text, s0, s0 + len(word)):
                    if (s0, s0 + len(word)) not in seen:
                        seen.add((s0, s0 + len(word)))
                        out.append(self._result(s0, s0 + len(word), rule))
        again = Rule("handle-again", "", 0.5)
        surfaces = sorted({text[r.start:r.end] for r in out if r.end - r.start >= 4} - {""})
        surfaces = [x for x in surfaces if not any(c.isspace() for c in x)]
        if surfaces:  # one scan for all of them
            rx = re.compile(rf"(?<![\w@.])(?:{trie_alternation(surfaces)})(?![\w@]|\.\w)")
            for m in rx.finditer(text, timeout=2.0):
                if (m.start(), m.end()) not in seen:
                    seen.add((m.start(), m.end()))
                    out.append(self._result(m.start(), m.end(), again))
        return out


_DIGIT_WORD = rf"(?i:{alternation(cue_words('digit_words'))})"
_DIGIT_RUN = rf"(?:(?i:double|triple)[ \t]+)?{_DIGIT_WORD}"


def _spoken_number(text: str, start: int, end: int) -> bool:
    """Seven or more spoken digits that are not a count ("one two three four five six seven")."""
    words = re.findall(r"\w+", text[start:end].lower())
    order = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven",
                                         "eight", "nine"])}
    digits: list[int] = []
    mult = 1
    for w in words:
        if w in ("double", "triple"):
            mult = 2 if w == "double" else 3
            continue
        digits.extend([order.get(w, 0)] * mult)
        mult = 1
    if len(digits) < 7:
        return False
    steps = {b - a for a, b in zip(digits, digits[1:])}
    return steps not in ({1}, {-1})


class SpokenPhoneRecognizer(RegexRecognizer):
    """Phone numbers read out digit by digit ("six one four, five five five, zero one six six")."""

    ENTITY = "PHONE_NUMBER"
    RULES = (
        Rule("spoken-digits", rf"\b{_DIGIT_RUN}(?:[ \t,.\-]{{1,3}}{_DIGIT_RUN}){{5,15}}\b", 0.6,
             check=_spoken_number),
    )


_STAMP = r"(?:[\[(]?\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?[\])]?[ \t]+)"
# A chat export's sender: "14/10/2024 23:41 tobin.q: ..." (a timestamp, then a lower-case user name),
# or a dotted user name opening a line ("ana.v: ok"). Roles ("therapist:", "client:") and
# speech-to-text ids ("spk_0") are not users.
_CHAT_SENDER = re.compile(rf"(?m)^[ \t]*(?:{_STAMP}(?P<a>[a-z][a-z0-9._]{{1,30}}[a-z0-9])|"
                          rf"(?P<b>[a-z][a-z0-9]*(?:[._][a-z0-9]+)+))(?=:[ \t])")
_NOT_USERS = re.compile(r"(?i:me|you|therapist|counsell?or|client|patient|staff|system|bot|auto|"
                        r"(?:speaker|spkr?|spk|s)_?\d+)$")


class ChatUserRecognizer(RegexRecognizer):
    """User names of chat and message exports: each sender, and the same name anywhere in the text."""

    ENTITY = "HANDLE"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, rules=())

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list:  # type: ignore[override]
        """Senders found by format, then every whole-word occurrence of each."""
        users = {m.group("a") or m.group("b") for m in _CHAT_SENDER.finditer(text)}
        users = {u for u in users if not _NOT_USERS.match(u) and u not in TLDS}
        out, seen = [], set()
        rule = Rule("chat-user", "", 0.6)
        for u in sorted(users):
            for m in re.finditer(rf"(?<![\w.@-]){re.escape(u)}(?![\w@-]|\.[a-z0-9])", text):
                if m.span() not in seen:
                    seen.add(m.span())
                    out.append(self._result(m.start(), m.end(), rule))
        return out


def create(profile: object = None) -> list[RegexRecognizer]:
    """Factory for the registry: web addresses, handles, spoken phone numbers and chat user names."""
    return [WebAddressRecognizer(), HandleRecognizer(), SpokenPhoneRecognizer(), ChatUserRecognizer()]
