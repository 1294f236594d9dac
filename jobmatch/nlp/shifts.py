"""Evening, night, weekend and irregular work a posting asks, from words and clock times."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobmatch.nlp.clauses import NOT_NEEDED, Scan, negated, parts_matching, parts_with

SHIFT_OFFER = re.compile(r"toeslag|allowance|\bvrij\b|\bfree\b", re.I)
_SHIFTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "evening",
        re.compile(
            r"avond(?!eten|maal|vullend)|\blate\b(?=[^.\n]{0,30}dienst)|\bevening|late shift"
            r"|\b(?:3|drie)[\s-]?ploegen|\b(?:2|twee)[\s-]?ploegen",
            re.I,
        ),
    ),
    (
        "night",
        re.compile(
            r"(?<!over)nacht(?!rust)|\bnight|slaapdienst|wakende dienst"
            r"|\b(?:3|drie)[\s-]?ploegen",
            re.I,
        ),
    ),
    (
        "weekend",
        re.compile(
            r"weekend|zaterdag|zondag|saturday|sunday|\b(?:vr|do|za|zat)\s*(?:[-/,&]|en\b)"
            r"\s*(?:za|zo|zon)\b",
            re.I,
        ),
    ),
    (
        "irregular",
        re.compile(
            r"onregelmatig|wisselende (?:diensten|werktijden|tijden)|ploegen"
            r"dienst|\bploegen\b|irregular|rotating shifts",
            re.I,
        ),
    ),
)
_SHIFT_KEYS = {
    "evening": ("avond", "late", "evening", "ploeg"),
    "night": ("nacht", "night", "slaapdienst", "wakende", "ploeg"),
    "weekend": (
        "weekend",
        "zaterdag",
        "zondag",
        "saturday",
        "sunday",
        "za-",
        "za/",
        "za,",
        "za ",
        "zat",
    ),
    "irregular": ("regelma", "wisselende", "ploeg", "irregular", "rotating"),
}
_CLOCK = re.compile(r"\d[.:]\d\d")
_TIME_RANGE = re.compile(
    r"(\d{1,2})[.:](\d\d)\s*(?:uur\s*)?(?:-|–|tot|to|till|and|en)\s*(\d{1,2})[.:](\d\d)", re.I
)
_UNTIL = re.compile(r"(?:tot|until|till|na|after)\s*(?:sluiting\s*\(?)?(\d{1,2})[.:]\d\d", re.I)
_MIDNIGHT_LATEST = 6
_NIGHT_START = 22
_FROM = re.compile(r"vanaf\s*(\d{1,2})[.:]\d\d", re.I)
_COMPANY_HOURS = re.compile(r"dag en nacht|24/7|day and night", re.I)
_EVENING_FROM = 19
_LATE_START = 16


def _time_shifts(part: str) -> list[tuple[str, str]]:
    """Shifts from clock times: after 19:00 is evening, past midnight is night."""
    found: list[tuple[str, str]] = []
    for match in _TIME_RANGE.finditer(part):
        start, end, text = int(match.group(1)), int(match.group(3)), match.group(0)
        if end < start:
            if start < _NIGHT_START:
                found.append(("evening", text))
            if end >= 1 or start >= _NIGHT_START:
                found.append(("night", text))
        elif end >= _EVENING_FROM:
            found.append(("evening", text))
    ranges = [m.span() for m in _TIME_RANGE.finditer(part)]
    for match in _UNTIL.finditer(part):
        if any(start <= match.start() < end for start, end in ranges):
            continue
        hour = int(match.group(1))
        if hour >= _EVENING_FROM or hour <= _MIDNIGHT_LATEST:
            found.append(("evening", match.group(0)))
        if 0 < hour <= _MIDNIGHT_LATEST:
            found.append(("night", match.group(0)))
    found.extend(
        ("evening", m.group(0)) for m in _FROM.finditer(part) if int(m.group(1)) >= _LATE_START
    )
    return found


_CLOCK_TAIL = re.compile(r"[.:]\d\d")  # found faster than _CLOCK: its first character is rarer
_SHIFT_WORDS = tuple(dict.fromkeys(word for keys in _SHIFT_KEYS.values() for word in keys))


def shift_hits(parts: Sequence[str]) -> list[tuple[str, str]]:
    """(shift, matched text) for evening, night, weekend and irregular work asked."""
    found: list[tuple[str, str]] = []
    scan = Scan(parts)
    candidates = parts_with(_SHIFT_WORDS, scan)
    candidates.update(parts_matching(_CLOCK_TAIL, scan))  # every clock time holds one
    for _, part in sorted(candidates.items()):
        if _CLOCK.search(part):
            found.extend(_time_shifts(part))
        lower = part.lower()
        names = [name for name, keys in _SHIFT_KEYS.items() if any(map(lower.__contains__, keys))]
        if not names:
            continue
        cleaned = _COMPANY_HOURS.sub(" ", part)
        for name, regex in _SHIFTS:
            if name not in names:
                continue
            found.extend(
                (name, m.group(0))
                for m in regex.finditer(cleaned)
                if not negated(cleaned, m.start()) and not NOT_NEEDED.match(cleaned[m.end() :])
            )
    return found
