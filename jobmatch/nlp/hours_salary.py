"""Hours per week and salary from posting lines (conventions in tests/data/README.md).

Every pattern is bounded (no nested repetition), so long texts stay fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from jobmatch.domain.vacancies import SalaryUnit
from jobmatch.nlp.clauses import parts_with

Hours = tuple[float | None, float | None]
Salary = tuple[float | None, float | None, SalaryUnit | None]

_NUM = r"(\d{1,2}(?:[.,]5)?)"
_SEP = r"\s*(?:-|–|—|tot|t/m|à|a|of|en|to)\s*"
_NOT_AFTER = r"(?![.,:]\d)"
_UUR = r"\s*(?:uur|uren|u\b|hours|hrs|h\b)"
_HOURS_RANGE = re.compile(rf"(?<![€\d.,:]){_NUM}(?:\s*uur)?{_SEP}{_NUM}{_NOT_AFTER}{_UUR}", re.I)
_HOURS_BOUND = re.compile(
    rf"(minimaal|minstens|min\.|vanaf|at least|minimum|maximaal|max\.|up to|maximum)\s*{_NUM}"
    rf"{_NOT_AFTER}{_UUR}",
    re.I,
)
_HOURS_ONE = re.compile(rf"(?<![€\d.,:]){_NUM}{_NOT_AFTER}{_UUR}", re.I)
_NOT_WEEKLY = re.compile(
    r"^\s*(?:per|p/|/|in de|a|an?)\s*(?:dag|day|maand|month|nacht|dienst)", re.I
)
_BASIS = re.compile(r"(?:bij|obv|o\.b\.v\.|basis van|basis|binnen|based on|within)\s*$", re.I)
_DIGIT = re.compile(r"\d")
_FULLTIME = re.compile(r"\bfull[- ]?time\b|\bvoltijd", re.I)
_PARTTIME = re.compile(r"\bpart[- ]?time\b|\bdeeltijd", re.I)
MAX_WEEK_HOURS = 60
_LOWER_BOUNDS = ("minimaal", "minstens", "min.", "vanaf", "at least", "minimum")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _weekly(line: str, match: re.Match[str]) -> bool:
    """Not hours per day/month, not the hours a salary is based on ("bij 36 uur")."""
    before = line[max(match.start() - 16, 0) : match.start()]
    return not _NOT_WEEKLY.match(line[match.end() :]) and not _BASIS.search(before)


def _candidates(lines: Sequence[str]) -> Iterator[Hours]:
    numbered = [line for line in lines if _DIGIT.search(line)]
    for regex in (_HOURS_RANGE, _HOURS_BOUND, _HOURS_ONE):
        for line in numbered:
            for match in regex.finditer(line):
                if not _weekly(line, match):
                    continue
                if regex is _HOURS_RANGE:
                    low, high = _number(match.group(1)), _number(match.group(2))
                    if 0 <= low < high <= MAX_WEEK_HOURS:
                        yield low, high
                elif regex is _HOURS_BOUND:
                    value = _number(match.group(2))
                    if 0 < value <= MAX_WEEK_HOURS:
                        lower = match.group(1).lower() in _LOWER_BOUNDS
                        yield (value, None) if lower else (None, value)
                else:
                    value = _number(match.group(1))
                    if 0 < value <= MAX_WEEK_HOURS:
                        yield value, value


def hours(lines: Sequence[str]) -> Hours:
    """Hours per week: a range, a bound, one number, or fulltime (36-40)."""
    for found in _candidates(lines):
        return found
    text = "\n".join(lines)
    if _FULLTIME.search(text) and not _PARTTIME.search(text):
        return 36.0, 40.0
    return None, None


_AMOUNT = r"(\d{1,3}(?:\.\d{3})+|\d{1,6})(?:,(\d{1,2}|-{1,2}))?"
_MONEY = re.compile(
    rf"(?:€|\beur\b|\beuro\b)\s*{_AMOUNT}(?:{_SEP}(?:€|eur\b|euro)?\s*{_AMOUNT})?", re.I
)
_MONEY_AFTER = re.compile(rf"{_AMOUNT}(?:{_SEP}{_AMOUNT})?\s*(?:euro|eur)\b", re.I)
_SALARY_PLAIN = re.compile(
    rf"(?:salaris[a-z]*|loon|salary)\s*:?\s*(?:van\s*|tussen\s*)?{_AMOUNT}(?:{_SEP}{_AMOUNT})?",
    re.I,
)
_SALARY_WORDS = re.compile(
    r"salaris|loon|bruto|verdien|cao|schaal|per uur|per maand|gross|salary|wage|\bpay\b", re.I
)
_EXTRA_BEFORE = re.compile(
    r"(?:bonus|toeslag|vergoeding|korting|fooi|tips?|budget|premie|extra|gemiddeld)\W[^€]{0,20}$",
    re.I,
)
_EXTRA_AFTER = re.compile(r"^\W{0,3}(?:extra|bonus|toeslag|korting|per km|vergoeding)", re.I)
_PER_OTHER = re.compile(
    r"^[^€\d]{0,20}?\bper\s+(?!uur|maand|jaar|week|hour|month|year|week)[a-z]+", re.I
)
_MAX_BEFORE = re.compile(r"(?:max\.?|maximaal|maximum|tot|up to)\s*$", re.I)
_UNITS: tuple[tuple[SalaryUnit, re.Pattern[str]], ...] = (
    ("hour", re.compile(r"per uur|p/u|/\s*uur|uurloon|per hour|/\s*h(?:ou)?r|an hour", re.I)),
    ("month", re.compile(r"per maand|p/m|/\s*maand|maandsalaris|per month|a month|p\.m\.", re.I)),
    ("year", re.compile(r"per jaar|/\s*jaar|jaarsalaris|per year|a year|annual", re.I)),
)
_MONEY_WORDS = ("€", "eur", "salar", "loon")
_HOURLY_MAX = 100.0
_MONTHLY_MAX = 15_000.0
_MIN_AMOUNT = 5.0


def _amount(whole: str, cents: str | None) -> float:
    value = float(whole.replace(".", ""))
    if cents and cents.isdigit():
        value += float(cents) / (10 ** len(cents))
    return round(value, 2)


def _unit(after: str, amount: float) -> SalaryUnit:
    for unit, regex in _UNITS:
        if regex.search(after):
            return unit
    if amount < _HOURLY_MAX:
        return "hour"
    return "month" if amount <= _MONTHLY_MAX else "year"


def _salaries_in(line: str) -> Iterator[Salary]:
    for regex in (_MONEY, _MONEY_AFTER, _SALARY_PLAIN):
        for match in regex.finditer(line):
            before, after = line[max(match.start() - 30, 0) : match.start()], line[match.end() :]
            if _EXTRA_BEFORE.search(before) or _EXTRA_AFTER.match(after):
                continue
            if _PER_OTHER.match(after) and not _UNITS[0][1].match(after.strip()):
                continue
            low = _amount(match.group(1), match.group(2))
            high = _amount(match.group(3), match.group(4)) if match.group(3) else low
            if low < _MIN_AMOUNT or high < low:
                continue
            unit = _unit(after[:40], low)
            if not match.group(3) and _MAX_BEFORE.search(before):
                yield None, high, unit
            else:
                yield low, high, unit


def salary(lines: Sequence[str]) -> Salary:
    """Gross salary range and unit; bonuses, allowances and pay per session are ignored."""
    fallback: Salary | None = None
    for line in parts_with(_MONEY_WORDS, lines).values():  # each pattern needs one
        if not _DIGIT.search(line):
            continue
        for found in _salaries_in(line):
            if _SALARY_WORDS.search(line):
                return found
            fallback = fallback or found
    return fallback or (None, None, None)
