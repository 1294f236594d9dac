"""Hours, salary, Dutch level, education, driving licence, certificates and shifts.

Plain regular expressions over the lines of a posting; every pattern is bounded (no nested
repetition) so a 100k-character text stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobmatch.domain.vacancies import Requirements, SalaryUnit
from jobmatch.nlp.sections import Line

_NUM = r"(\d{1,2}(?:[.,]5)?)"
_RANGE_SEP = r"\s*(?:-|–|—|tot|t/m|à|a|of|en|to)\s*"
_HOURS_RANGE = re.compile(
    rf"(?<![€\d.,]){_NUM}(?:\s*uur)?{_RANGE_SEP}{_NUM}\s*(?:uur|uren|u\b|hours|hrs|h\b)",
    re.IGNORECASE,
)
_HOURS_ONE = re.compile(
    rf"(?<![€\d.,]){_NUM}\s*(?:uur|uren|u|hours|hrs|h)\s*(?:per|p/|/|in de|a)\s*(?:week|wk|w\b)",
    re.IGNORECASE,
)
_HOURS_BOUND = re.compile(
    rf"(minimaal|minstens|min\.|vanaf|at least|minimum|maximaal|max\.|tot|up to|maximum)\s*{_NUM}"
    r"\s*(?:uur|uren|hours)",
    re.IGNORECASE,
)
_FULLTIME = re.compile(r"\bfull[- ]?time\b|\bvoltijd", re.IGNORECASE)
_PARTTIME = re.compile(r"\bpart[- ]?time\b|\bdeeltijd", re.IGNORECASE)
_PER_DAY = re.compile(r"^\s*(?:per|p/|/|in de)\s*(?:dag|day|maand|month|nacht)", re.IGNORECASE)
MAX_WEEK_HOURS = 60


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _hours(lines: Sequence[str]) -> tuple[float | None, float | None]:
    for line in lines:
        for match in _HOURS_RANGE.finditer(line):
            low, high = _number(match.group(1)), _number(match.group(2))
            if 0 < low < high <= MAX_WEEK_HOURS and not _PER_DAY.match(line[match.end() :]):
                return low, high
    for line in lines:
        for match in _HOURS_ONE.finditer(line):
            value = _number(match.group(1))
            if 0 < value <= MAX_WEEK_HOURS:
                return value, value
    for line in lines:
        for match in _HOURS_BOUND.finditer(line):
            value = _number(match.group(2))
            if 0 < value <= MAX_WEEK_HOURS and not _PER_DAY.match(line[match.end() :]):
                lower = match.group(1).lower() in ("minimaal", "minstens", "min.", "vanaf")
                lower = lower or match.group(1).lower() in ("at least", "minimum")
                return (value, None) if lower else (None, value)
    return _hours_words(lines)


def _hours_words(lines: Sequence[str]) -> tuple[float | None, float | None]:
    text = "\n".join(lines)
    full, part = _FULLTIME.search(text), _PARTTIME.search(text)
    if full and part:
        return None, 40.0
    if full:
        return 36.0, 40.0
    if part:
        return None, 32.0
    return None, None


_AMOUNT = r"(\d{1,3}(?:\.\d{3})+|\d{1,6})(?:,(\d{1,2}|-{1,2}))?"
_MONEY = re.compile(
    rf"(?:€|eur\b|euro)\s*{_AMOUNT}(?:{_RANGE_SEP}(?:€|eur\b|euro)?\s*{_AMOUNT})?",
    re.IGNORECASE,
)
_SALARY_PLAIN = re.compile(
    rf"(?:salaris\w*|loon|salary)\s*:?\s*(?:van\s*|tussen\s*)?{_AMOUNT}(?:{_RANGE_SEP}{_AMOUNT})?",
    re.IGNORECASE,
)
_SALARY_WORDS = re.compile(
    r"salaris|loon|bruto|netto|verdien|cao|schaal|per uur|per maand|gross|salary|wage|pay",
    re.IGNORECASE,
)
_NOT_SALARY = re.compile(
    r"vergoeding|korting|bonus|toeslag|reiskosten|budget|fiets|cadeau|premie|waarde|boete",
    re.IGNORECASE,
)
_UNITS: tuple[tuple[SalaryUnit, re.Pattern[str]], ...] = (
    (
        "hour",
        re.compile(r"per uur|p/u|/\s*uur|uurloon|per hour|/\s*h(?:ou)?r|an hour|p\.u\.", re.I),
    ),
    ("month", re.compile(r"per maand|p/m|/\s*maand|maandsalaris|per month|a month|p\.m\.", re.I)),
    ("year", re.compile(r"per jaar|/\s*jaar|jaarsalaris|per year|a year|annual|p\.j\.", re.I)),
)
_HOURLY_MAX = 100.0
_MONTHLY_MAX = 15_000.0


def _amount(whole: str, cents: str | None) -> float:
    value = float(whole.replace(".", ""))
    if cents and cents.isdigit():
        value += float(cents) / (10 ** len(cents))
    return round(value, 2)


def _salary_unit(text: str, amount: float) -> SalaryUnit:
    for unit, regex in _UNITS:
        if regex.search(text):
            return unit
    if amount < _HOURLY_MAX:
        return "hour"
    return "month" if amount <= _MONTHLY_MAX else "year"


def _salary_in(line: str) -> tuple[float, float, SalaryUnit] | None:
    match = _MONEY.search(line) or _SALARY_PLAIN.search(line)
    if not match:
        return None
    low = _amount(match.group(1), match.group(2))
    high = _amount(match.group(3), match.group(4)) if match.group(3) else low
    if low <= 0 or high < low:
        return None
    return low, high, _salary_unit(line[match.start() : match.end() + 60], low)


def _salary(lines: Sequence[str]) -> tuple[float | None, float | None, SalaryUnit | None]:
    fallback = None
    for line in lines:
        found = _salary_in(line)
        if not found:
            continue
        if _SALARY_WORDS.search(line) and not _NOT_SALARY.search(line):
            return found
        fallback = fallback or (found if not _NOT_SALARY.search(line) else None)
    return fallback if fallback else (None, None, None)


_CEFR = re.compile(r"\b([ABC][12])\b")
_DUTCH = re.compile(r"nederlands|nt2|dutch|taalniveau|taaleis|\bnl\b", re.IGNORECASE)
_OTHER_LANGUAGE = re.compile(r"\b(?:engels|english|duits|german|frans|french)\b", re.IGNORECASE)
_F_LEVELS = {"1": "A2", "2": "B1", "3": "B2", "4": "C1"}
_F_LEVEL = re.compile(r"\b([1-4])F\b")
_NT2 = re.compile(r"\bnt2\b(?:[^.\n]{0,30}?(?:programma|niveau)\s*(ii|2|i|1)\b)?", re.I)
_DUTCH_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "C1",
        re.compile(
            r"(?:uitstekend|perfect|foutloos|moedertaal\w*|native)\W+(?:\w+\W+){0,2}"
            r"(?:nederlands|dutch)|(?:nederlands|dutch)\W+(?:\w+\W+){0,3}"
            r"(?:moedertaal\w*|native|perfect|foutloos)",
            re.I,
        ),
    ),
    (
        "B2",
        re.compile(
            r"(?:vloeiend|fluent)\W+(?:\w+\W+){0,2}(?:nederlands|dutch)|"
            r"(?:nederlands|dutch)\W+(?:\w+\W+){0,3}(?:vloeiend|fluent|in woord en "
            r"geschrift|written and spoken)",
            re.I,
        ),
    ),
    (
        "A2",
        re.compile(
            r"(?:basiskennis|beetje|redelijk|basic|some)\W+(?:\w+\W+){0,2}"
            r"(?:nederlands|dutch)|(?:nederlands|dutch)\W+(?:\w+\W+){0,2}"
            r"(?:een beetje|basis)",
            re.I,
        ),
    ),
    (
        "B1",
        re.compile(
            r"(?:goed|good)\W+(?:\w+\W+){0,2}(?:nederlands|dutch)|(?:nederlands|dutch)"
            r"\W+(?:\w+\W+){0,4}(?:goed|beheers|spreken|spreekt|verstaan|begrijpen|"
            r"good|speak)|nederlandse taal",
            re.I,
        ),
    ),
)


def _dutch_level(lines: Sequence[str]) -> str | None:
    for line in lines:
        if not _DUTCH.search(line):
            continue
        cefr = _CEFR.search(line)
        if cefr and not _OTHER_LANGUAGE.search(line[: cefr.start()][-25:]):
            return cefr.group(1)
        f_level = _F_LEVEL.search(line)
        if f_level:
            return _F_LEVELS[f_level.group(1)]
        nt2 = _NT2.search(line)
        if nt2:
            return "B2" if (nt2.group(1) or "").lower() in ("ii", "2") else "B1"
        for level, regex in _DUTCH_PHRASES:
            if regex.search(line):
                return level
    return None


_EDUCATION: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "none",
        re.compile(
            r"geen (?:diploma|opleiding|ervaring of diploma|startkwalificatie)"
            r"(?:'s)? (?:nodig|vereist|nodig)|diploma(?:'s)? (?:is |zijn )?niet nodig|"
            r"no (?:diploma|degree|qualifications?) (?:needed|required)",
            re.I,
        ),
    ),
    (
        "MBO",
        re.compile(
            r"\bmbo[\s-]*(?:niveau|level)?[\s-]*([1-4])|\bmbo\b[^.\n]{0,25}?niveau\s*"
            r"([1-4])|niveau\s*([1-4])\b|\bentree\b|\bmbo\b|vocational",
            re.I,
        ),
    ),
    ("HBO", re.compile(r"\bhbo\b|\bhbo-|bachelor|hogeschool", re.I)),
    ("WO", re.compile(r"\bwo\b|\bwo-|universit|academisch|master'?s? degree|\bmaster\b", re.I)),
)


def _education(lines: Sequence[str]) -> str | None:
    for line in lines:
        for level, regex in _EDUCATION:
            match = regex.search(line)
            if not match:
                continue
            if level != "MBO":
                return level
            digit = next((g for g in match.groups() if g), None)
            if digit:
                return f"MBO {digit}"
            if "entree" in match.group(0).lower():
                return "MBO 1"
            return "MBO 2" if not _MBO_NEAR.search(line) else _mbo_near_level(line)
    return None


_MBO_NEAR = re.compile(r"\bmbo\b\D{0,40}?([1-4])\b", re.I)


def _mbo_near_level(line: str) -> str:
    match = _MBO_NEAR.search(line)
    return f"MBO {match.group(1)}" if match else "MBO 2"


_LICENCE = re.compile(r"rijbewijs|driv(?:er'?s|ing)[ -]licen[cs]e|driver'?s license", re.I)
_NO_LICENCE = re.compile(
    r"(?:geen|zonder) rijbewijs|rijbewijs (?:is )?(?:niet|geen) (?:nodig|vereist|verplicht)|"
    r"no driv",
    re.I,
)
_CERTIFICATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("VCA", re.compile(r"\bvca\b|\bvca-|\bb-vca\b", re.I)),
    ("heftruckcertificaat", re.compile(r"heftruck|vorkheftruck|forklift", re.I)),
    ("reachtruckcertificaat", re.compile(r"reachtruck", re.I)),
    ("VOG", re.compile(r"\bvog\b|verklaring omtrent (?:het )?gedrag|certificate of conduct", re.I)),
    ("SVH", re.compile(r"\bsvh\b|sociale hygi[eë]ne", re.I)),
    ("BHV", re.compile(r"\bbhv\b|bedrijfshulpverle", re.I)),
    ("EHBO", re.compile(r"\behbo\b|first aid", re.I)),
    ("HACCP", re.compile(r"\bhaccp\b", re.I)),
    ("code 95", re.compile(r"code 95", re.I)),
)
_SHIFTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "evening",
        re.compile(
            r"\bavond|'s avonds|late diensten?|avonddienst|\bevening|late shift"
            r"|\btot (?:2[0-3]|19)[:.]\d\d",
            re.I,
        ),
    ),
    ("night", re.compile(r"\bnacht|'s nachts|\bnight|slaapdienst|wakende dienst", re.I)),
    ("weekend", re.compile(r"weekend|zaterdag|zondag|saturday|sunday|za(?:t)?/zo", re.I)),
    (
        "irregular",
        re.compile(
            r"onregelmatig|wisselende (?:diensten|werktijden|tijden)|ploegen"
            r"dienst|roosterdienst|irregular|rotating shifts",
            re.I,
        ),
    ),
)
_NEGATED = re.compile(r"\b(?:geen|nooit|zonder|no|never|niet)\b[^.,;\n]{0,25}$", re.I)
_SHIFT_OFFER = re.compile(r"toeslag|allowance|vrij\b|free", re.I)


def _found(regex: re.Pattern[str], line: str) -> bool:
    return any(not _NEGATED.search(line[: m.start()]) for m in regex.finditer(line))


def _certificates(lines: Sequence[str]) -> tuple[str, ...]:
    return tuple(name for name, regex in _CERTIFICATES if any(_found(regex, ln) for ln in lines))


def _shifts(lines: Sequence[str]) -> tuple[str, ...]:
    usable = [ln for ln in lines if not _SHIFT_OFFER.search(ln)]
    return tuple(name for name, regex in _SHIFTS if any(_found(regex, ln) for ln in usable))


def _licence(lines: Sequence[str]) -> bool:
    text = "\n".join(lines)
    return bool(_LICENCE.search(text)) and not _NO_LICENCE.search(text)


def extract_requirements(lines: Sequence[Line], title: str = "") -> Requirements:
    """Requirements from the lines of a posting (about-the-employer lines are ignored)."""
    texts = [title, *(ln.text for ln in lines if ln.section != "employer")]
    asking = [title, *(ln.text for ln in lines if ln.section not in ("employer", "offers"))]
    hours_min, hours_max = _hours(texts)
    salary_min, salary_max, unit = _salary(texts)
    return Requirements(
        hours_min=hours_min,
        hours_max=hours_max,
        salary_min=salary_min,
        salary_max=salary_max,
        salary_unit=unit,
        dutch_level=_dutch_level(texts),
        education_level=_education(asking),
        driving_licence=_licence(asking),
        certificates=_certificates(texts),
        shifts=_shifts(texts),
    )
