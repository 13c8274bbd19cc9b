"""Format-preserving surrogates that are invalid by construction: phones, e-mails, URLs, ids."""

from __future__ import annotations

import re
from typing import Callable

from deid.pseudo.keys import key_int, key_rng

KEEP_WORDS = {"apt", "apartment", "unit", "suite", "ste", "flat", "floor", "fl", "room", "rm",
              "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
              "po", "box", "i", "us", "sr", "route", "rte", "hwy", "highway"}


def shape_of(text: str, keep: set[str] | None = None) -> str:
    """Digits -> 9, letters -> A/a; with keep: words in keep stay as {word}, other words -> @."""
    if keep is None:
        return "".join("9" if c.isdigit() else ("A" if c.isupper() else "a") if c.isalpha() else c
                       for c in text)
    out = []
    for tok in re.split(r"(\W+)", text):
        if not tok:
            continue
        if tok.isdigit():
            out.append("9" * len(tok))
        elif tok.isalpha():
            out.append("{" + tok + "}" if tok.lower() in keep else "@")
        elif tok.isalnum():
            out.append(shape_of(tok))
        else:
            out.append(tok)
    return "".join(out)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _mod11_ok(digits: str) -> bool:
    if len(digits) != 10:
        return False
    total = sum(int(c) * w for c, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def break_checksums(value: str) -> str:
    """Change the last digit until neither Luhn nor mod-11 (NHS) validates."""
    digits = re.sub(r"\D", "", value)
    if len(digits) < 8:
        return value
    last = value.rfind(digits[-1])
    for d in "0123456789":
        cand = digits[:-1] + d
        if not _luhn_ok(cand) and not _mod11_ok(cand):
            return value[:last] + d + value[last + 1:]
    return value


def shape_fill(shape: str, key: str, attempt: int, invalid_zip: bool = False,
               words: Callable[[int], str] | None = None) -> str:
    """Fill a shape (9 digit, A/a letter, @ word) with key-derived values."""
    rng = key_rng(key, f"shape{attempt}")
    out = []
    nword = 0
    literal = False
    for c in shape:
        if c in "{}":
            literal = c == "{"
        elif literal:
            out.append(c)
        elif c == "9":
            out.append(str(rng.randrange(10)))
        elif c == "A":
            out.append(chr(65 + rng.randrange(26)))
        elif c == "a":
            out.append(chr(97 + rng.randrange(26)))
        elif c == "@":
            out.append(words(nword) if words else "Xxxx")
            nword += 1
        else:
            out.append(c)
    value = "".join(out)
    if invalid_zip:
        if re.fullmatch(r"\d{5}(-\d{4})?", value):
            value = "00" + value[2:]  # ZIP prefixes 000-009 are unassigned
        elif re.match(r"[A-Z]{1,2}\d", value):
            value = "ZZ" + value[len(re.match(r"[A-Z]{1,2}", value).group(0)):]  # type: ignore[union-attr]
    return value


def phone_hint(text: str) -> str:
    """Shape of a phone number keeping only a leading 0/07/1 (trunk or mobile prefix)."""
    shape = list(shape_of(text))
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if digits and text[digits[0]] in "01":
        shape[digits[0]] = text[digits[0]]
        if text[digits[0]] == "0" and len(digits) > 1 and text[digits[1]] == "7":
            shape[digits[1]] = "7"
    return "".join(shape)


def phone(original_shape: str, key: str, attempt: int) -> str:
    """A fictional number in the original layout: 555-01xx (NANP) or Ofcom drama ranges (UK)."""
    positions = [c for c in original_shape if c.isdigit()]
    n = len(positions)
    lead = "".join(positions[:2]).replace("9", "")
    line = f"{key_int(key, f'line{attempt}', 100):02d}"
    area = f"{200 + key_int(key, f'area{attempt}', 700):03d}"
    digits = ""
    if n == 10 and not lead.startswith("0"):
        digits = area + "55501" + line
    elif n == 11 and lead.startswith("1"):
        digits = "1" + area + "55501" + line
    elif n == 11 and lead.startswith("0"):
        last3 = f"{key_int(key, f'uk{attempt}', 1000):03d}"
        digits = ("07700900" if lead == "07" else "01632960") + last3
    elif n == 7:
        digits = "55501" + line
    if not digits or attempt >= 100:
        rng = key_rng(key, f"phone{attempt}")
        head = ("0" if lead.startswith("0") else "") + ("555" if n >= 7 and attempt < 100 else "")
        digits = head + "".join(str(rng.randrange(10)) for _ in range(max(0, n - len(head))))
    it = iter(digits)
    return "".join(next(it, "0") if c.isdigit() else c for c in original_shape)


def email(key: str, tld_hint: str, attempt: int, locale: str) -> str:
    """user@example.org/.com/.net: reserved domains that never deliver."""
    from deid.pseudo.surrogates import person_token

    first = person_token(key, "given", "u", locale, attempt).lower()
    last = person_token(key, "surname", "u", locale, attempt + 1).lower()
    domain = {"com": "example.com", "net": "example.net"}.get(tld_hint, "example.org")
    sep = "." if key_int(key, f"sep{attempt}", 2) else ""
    return f"{first}{sep}{last}{key_int(key, f'num{attempt}', 90) + 10}@{domain}"


def url(key: str, attempt: int) -> str:
    """An https URL on a reserved example domain."""
    return f"https://www.example.org/{key[:8]}{attempt or ''}"


def handle(key: str, attempt: int) -> str:
    """A social media handle that belongs to nobody we know of."""
    return f"@user{key_int(key, f'handle{attempt}', 10**6):06d}"


def ip_address(original: str, key: str, attempt: int) -> str:
    """Documentation ranges: 192.0.2.0/24 (IPv4), 2001:db8::/32 (IPv6)."""
    n = key_int(key, f"ip{attempt}", 65536)
    if ":" in original:
        return f"2001:db8::{n:x}"
    return f"{['192.0.2', '198.51.100', '203.0.113'][n % 3]}.{n % 254 + 1}"


def identifier(shape: str, key: str, attempt: int) -> str:
    """Same shape as the original id; SSN-like ids get area 000; checksums made to fail."""
    value = shape_fill(shape, key, attempt)
    if re.fullmatch(r"\d{3}-\d{2}-\d{4}", value) or re.fullmatch(r"\d{9}", value):
        value = "000" + value[3:]
    return break_checksums(value)
