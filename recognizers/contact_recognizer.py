"""URLs, social-media handles and spoken contacts ("@lanng.draws", "firewife_mt", "dana dot draws").

``WebAddressRecognizer`` replaces Presidio's ``UrlRecognizer``, whose scheme-less pattern takes
abbreviations such as "C.Psych" or "M.Phil" for domains and misses reserved test domains
(".example"); here a scheme-less address needs a known top-level domain.
"""

from __future__ import annotations

import regex as re

from recognizers.regex_base import RegexRecognizer, Rule, alternation

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
    """Factory for the registry: web addresses, handles and chat user names."""
    return [WebAddressRecognizer(), HandleRecognizer(), ChatUserRecognizer()]
