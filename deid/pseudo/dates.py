"""Dates shifted by one keyed offset per case, format kept; ages capped at 90+ or banded."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from deid.pseudo.keys import entity_key

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR4 = r"(?:19|20)\d{2}"

PATTERNS = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR4})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b")),
    ("num", re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}}){_ORD}(?P<c>,?\s+)(?P<y>{_YEAR4})\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}(?P<of>\s+(?:of\s+)?){_MON}(?P<c>,?\s+)(?P<y>{_YEAR4})\b",
                       re.I)),
    ("md", re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}}){_ORD}(?!\d)", re.I)),
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}(?P<of>\s+(?:of\s+)?){_MON}\b", re.I)),
    ("my", re.compile(rf"\b{_MON}(?P<c>,?\s+)(?P<y>{_YEAR4})\b", re.I)),
    ("numd", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])")),
    ("mon", re.compile(rf"\b{_MON}(?![a-z])", re.I)),
    ("season", re.compile(rf"\b(?P<s>spring|summer|autumn|fall|winter)(?P<c>\s+(?:of\s+)?)(?P<y>{_YEAR4})\b",
                          re.I)),
    ("year", re.compile(rf"\b(?P<y>{_YEAR4})\b")),
]
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_DMY_HINT = re.compile(r"\b(1[3-9]|2\d|3[01])[/.](0?[1-9]|1[0-2])[/.]\d{2,4}\b")
_MDY_HINT = re.compile(r"\b(0?[1-9]|1[0-2])[/.](1[3-9]|2\d|3[01])[/.]\d{2,4}\b")


def case_offset(secret: bytes, case: str, max_days: int) -> int:
    """Days to shift every date of a case: a non-zero multiple of 7 (weekdays stay true)."""
    weeks = max(1, max_days // 7)
    n = int(entity_key(secret, "DATE_SHIFT", case)[:12], 16)
    k = n % weeks + 1
    return 7 * k * (1 if (n >> 20) & 1 else -1)


def day_first(text: str, locale: str = "en_US") -> bool:
    """Whether numeric dates in this text read day-first (from unambiguous ones, else locale)."""
    dmy, mdy = len(_DMY_HINT.findall(text)), len(_MDY_HINT.findall(text))
    if dmy != mdy:
        return dmy > mdy
    return not locale.endswith("US")


def _ordinal(n: int, like: str) -> str:
    if not re.search(r"\d(st|nd|rd|th)", like, re.I):
        return str(n)
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf.upper() if like[-1:].isupper() else suf}"


def _month_name(m: int, like: str) -> str:
    core = like.rstrip(".")
    full = calendar.month_name[m]
    name = full if len(core) > 3 and core.lower() not in ("sept",) else calendar.month_abbr[m]
    if core.isupper():
        name = name.upper()
    elif core.islower():
        name = name.lower()
    return name + ("." if like.endswith(".") else "")


def _pad(n: int, like: str) -> str:
    return f"{n:0{len(like)}d}" if len(like) == 2 else str(n)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year2(y: str) -> int:
    v = int(y)
    return v if len(y) == 4 else (2000 + v if v < 50 else 1900 + v)


def shift_date_text(text: str, offset: int, mode: str = "shift", dayfirst: bool = False) -> str:
    """Shift (or generalise to month/year) every date in a mention, keeping its format."""
    used: list[tuple[int, int]] = []
    out = text
    for kind, rx in PATTERNS:
        pieces = []
        pos = 0
        for m in rx.finditer(out):
            if any(s < m.end() and m.start() < e for s, e in used):
                continue
            new = _render(kind, m, offset, mode, dayfirst)
            if new is None:
                continue
            pieces.append((m.start(), m.end(), new))
        if pieces:
            buf, pos, shifted = [], 0, []
            delta = 0
            for s, e, new in pieces:
                buf.append(out[pos:s])
                buf.append(new)
                shifted.append((s + delta, s + delta + len(new)))
                delta += len(new) - (e - s)
                pos = e
            buf.append(out[pos:])
            # earlier recorded spans move by the edits before them
            moved = []
            for us, ue in used:
                d = sum(len(n) - (e - s) for s, e, n in pieces if e <= us)
                moved.append((us + d, ue + d))
            used = moved + shifted
            out = "".join(buf)
    return out


def _render(kind: str, m: re.Match[str], off: int, mode: str, dayfirst: bool) -> str | None:
    g = m.groupdict()
    delta = timedelta(days=off if mode == "shift" else 0)
    if kind == "year":
        y = int(g["y"])
        return str((date(y, 7, 1) + delta).year)
    if kind == "season":
        y = int(g["y"])
        ny = (date(y, _SEASON_MONTH[g["s"].lower()], 15) + delta).year
        return f"{g['s']}{g['c']}{ny}"
    if kind == "mon":
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        new = date(2001, mon, 15) + delta
        return _month_name(new.month, g["mon"]) + m.group(0)[len(g["mon"]):]
    if kind == "my":
        mon = MONTHS[g["mon"].lower().rstrip(".")]
        new = date(int(g["y"]), mon, 15) + delta
        return f"{_month_name(new.month, g['mon'])}{g['c']}{new.year}"
    if kind in ("iso", "num", "numd"):
        if kind == "iso":
            y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        else:
            a, b = int(g["a"]), int(g["b"])
            first_is_day = a > 12 or (dayfirst and b <= 12)
            mo, d = (b, a) if first_is_day else (a, b)
            y = _year2(g["y"]) if kind == "num" else 2000
        orig = _safe(y, mo, d)
        if orig is None:
            return None
        new = orig + delta
        if kind == "iso":
            if mode == "year":
                return str(new.year)
            if mode == "month":
                return f"{new.year}-{_pad(new.month, g['m'])}"
            return f"{new.year}-{_pad(new.month, g['m'])}-{_pad(new.day, g['d'])}"
        dm, dd = (g["a"], g["b"]) if not first_is_day else (g["b"], g["a"])
        ms, ds = _pad(new.month, dm), _pad(new.day, dd)
        if kind == "numd":
            if mode in ("month", "year"):
                return calendar.month_name[new.month] if mode == "month" else "[DATE]"
            return f"{ds}/{ms}" if first_is_day else f"{ms}/{ds}"
        ys = str(new.year) if len(g["y"]) == 4 else f"{new.year % 100:02d}"
        sep = g["sep"]
        if mode == "year":
            return ys if len(g["y"]) == 4 else str(new.year)
        if mode == "month":
            return f"{ms}{sep}{ys}"
        return f"{ds}{sep}{ms}{sep}{ys}" if first_is_day else f"{ms}{sep}{ds}{sep}{ys}"
    mon = MONTHS[g["mon"].lower().rstrip(".")]
    d = int(g["d"])
    has_year = "y" in g and g["y"]
    y = int(g["y"]) if has_year else (2000 if (mon, d) == (2, 29) else 2001)
    orig = _safe(y, mon, d)
    if orig is None:
        return None
    new = orig + delta
    mname = _month_name(new.month, g["mon"])
    dtext = m.group(0)[m.start("d") - m.start():m.end("d") - m.start()]
    after_d = m.group(0)[m.end("d") - m.start():]
    ordsuf = re.match(r"(?:st|nd|rd|th)", after_d, re.I)
    dlike = dtext + (ordsuf.group(0) if ordsuf else "")
    dnew = _ordinal(new.day, dlike) if ordsuf else _pad(new.day, dtext)
    if mode == "year":
        return str(new.year) if has_year else "[DATE]"
    if mode == "month":
        return f"{mname} {new.year}" if has_year else mname
    if kind == "mdy":
        return f"{mname} {dnew}{g['c']}{new.year}"
    if kind == "dmy":
        return f"{dnew}{g['of']}{mname}{g['c']}{new.year}"
    if kind == "md":
        return f"{mname} {dnew}"
    return f"{dnew}{g['of']}{mname}"


_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "hundred": 100}
_AGE_NUM = re.compile(r"\d+")
_AGE_WORDS = re.compile(r"\b(" + "|".join(_TENS) + r")(?:[\s-]+(" + "|".join(_WORDS) + r"))?\b", re.I)


def _age_value(v: int, original: str, cap: int, bands: int | None) -> str:
    """One age: 'cap+' at or over the cap, 'lo-hi' with bands, else the original text."""
    if v >= cap:
        return f"{cap}+"
    if bands:
        lo = v // bands * bands
        return f"{lo}-{lo + bands - 1}"
    return original


def render_age(text: str, cap: int = 90, bands: int | None = None) -> str:
    """Ages >= cap become 'cap+' (HIPAA Safe Harbor); with bands, others become 'lo-hi'."""
    out = _AGE_NUM.sub(lambda m: _age_value(int(m.group(0)), m.group(0), cap, bands), text)

    def word(m: re.Match[str]) -> str:
        v = _TENS[m.group(1).lower()] + (_WORDS.get((m.group(2) or "").lower(), 0))
        return _age_value(v, m.group(0), cap, bands)

    return _AGE_WORDS.sub(word, out)
