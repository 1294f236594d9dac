"""Requirements of a posting: hours, salary, Dutch level, education, licence, certificates, shifts.

Conventions follow tests/data/README.md: only what is *required* counts; a nice-to-have
("is een pluspunt", "bij voorkeur") is not a requirement; what the employer offers as a course
is not a certificate asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobmatch.domain.vacancies import Requirements
from jobmatch.nlp.hours_salary import hours, salary
from jobmatch.nlp.sections import Line

NICE = re.compile(
    r"pluspunt|\bpr[eé]\b|\bpr[eé]'s\b|voordeel|\been plus\b|\bplus\b|mooi meegenomen"
    r"|bij voorkeur|strekt tot aanbeveling|wenselijk|niet verplicht|geen vereiste"
    r"|niet noodzakelijk|geen must|is welkom|\bbonus\b|nice to have"
    r"|\ba plus\b|preferred|preferably|advantage|desirable|not a must",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"[.;!?]\s|\s[–-]\s|,\s(?=[A-Za-z]+ (?:is|zijn|are)\b)|,\s(?=bij voorkeur|liefst|preferabl)",
    re.IGNORECASE,
)


NICE_WORDS = (
    "pluspunt",
    "pre",
    "pré",
    "voordeel",
    "plus",
    "meegenomen",
    "voorkeur",
    "aanbeveling",
    "wenselijk",
    "verplicht",
    "vereiste",
    "noodzakelijk",
    "must",
    "welkom",
    "bonus",
    "nice to",
    "prefer",
    "advantage",
    "desirable",
)


def mentions(text: str, words: Sequence[str]) -> bool:
    """Fast prefilter before a regex: does the lowercase text contain any of the words?"""
    return any(map(text.lower().__contains__, words))


def is_nice(text: str) -> bool:
    return mentions(text, NICE_WORDS) and bool(NICE.search(text))


def clauses(line: str) -> list[str]:
    """A line cut into sentences/clauses, so a pluspunt in one does not taint the other."""
    return [part for part in _CLAUSE.split(line) if part.strip()]


def required_clauses(lines: Sequence[str]) -> list[str]:
    """The clauses that are not marked as nice-to-have."""
    return [
        part
        for line in lines
        for part in (clauses(line) if is_nice(line) else (line,))
        if not is_nice(part)
    ]


_CEFR = re.compile(r"\b([ABC][12])\b")
_DUTCH = re.compile(r"nederlands|\bnt2\b|dutch|taalniveau|taaleis", re.I)
_DUTCH_OPTIONAL = re.compile(
    r"(?:nederlands|dutch)\s+(?:of|or|en/of)\s+(?:engels|english)|(?:engels|english)\s+(?:of|or)"
    r"\s+(?:nederlands|dutch)|(?:nederlands|dutch)[^.;]{0,30}(?:niet nodig|not required|"
    r"geen vereiste|not necessary|hoeft niet)|(?:engels|english)[^.;]{0,25}(?:genoeg|voldoende|"
    r"enough|sufficient)",
    re.I,
)
_OTHER_LANGUAGE = re.compile(r"\b(?:engels|english|duits|german|frans|french)\b", re.I)
_F_LEVELS = {"1": "A2", "2": "B1", "3": "B2", "4": "C1"}
_F_LEVEL = re.compile(r"\b([1-4])\s?F\b")
_NT2 = re.compile(
    r"\bnt2\b[^.\n]{0,30}?(?:niveau|level)\s*([1-4])\b|\bnt2\b[^.\n]{0,30}?"
    r"programma\s*(ii|i|2|1)\b",
    re.I,
)
_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "C1",
        re.compile(
            r"(?:uitstekend|perfect|foutloos|excellent|native)\w*\W+(?:\w+\W+){0,2}"
            r"(?:nederlands|dutch)|(?:nederlands|dutch)\W+(?:\w+\W+){0,3}"
            r"(?:moedertaal|native|perfect|foutloos|uitstekend)",
            re.I,
        ),
    ),
    (
        "B2",
        re.compile(
            r"(?:vloeiend|fluent)\w*\W+(?:\w+\W+){0,2}(?:nederlands|dutch)|"
            r"(?:nederlands|dutch)\W+(?:\w+\W+){0,3}(?:vloeiend|fluent|in woord en "
            r"geschrift|written and spoken)",
            re.I,
        ),
    ),
    (
        "A2",
        re.compile(
            r"(?:basiskennis|beetje|eenvoudig|basic|some)\W+(?:\w+\W+){0,2}"
            r"(?:nederlands|dutch)|(?:nederlands|dutch)\W+(?:\w+\W+){0,2}"
            r"(?:een beetje|basis|eenvoudig)",
            re.I,
        ),
    ),
    (
        "B1",
        re.compile(
            r"(?:goed|good|redelijk)\w*\W+(?:\w+\W+){0,2}(?:nederlands|dutch)|"
            r"(?:nederlands|dutch)\w*\W+(?:\w+\W+){0,4}(?:goed|beheers|good)",
            re.I,
        ),
    ),
)


def _dutch_level(parts: Sequence[str]) -> str | None:
    for part in parts:
        if not _DUTCH.search(part) or _DUTCH_OPTIONAL.search(part):
            continue
        cefr = _CEFR.search(part)
        if cefr and not _OTHER_LANGUAGE.search(part[: cefr.start()][-25:]):
            return cefr.group(1)
        nt2 = _NT2.search(part)
        f_level = _F_LEVEL.search(part)
        if nt2 and nt2.group(1):
            return _F_LEVELS[nt2.group(1)]
        if nt2:
            return "B2" if (nt2.group(2) or "").lower() in ("ii", "2") else "B1"
        if f_level:
            return _F_LEVELS[f_level.group(1)]
        for level, regex in _PHRASES:
            if regex.search(part):
                return level
    return None


_NO_EDUCATION = re.compile(
    r"geen (?:\w+ ){0,3}(?:diploma|opleiding|startkwalificatie|papieren)|(?:diploma|opleiding)"
    r"(?:'s)? (?:is |zijn )?niet (?:nodig|vereist)|no (?:diploma|degree|qualifications?)",
    re.I,
)
_MBO = re.compile(
    r"\bmbo\b[\s-]*(?:niveau|level)?[\s-]*([1-4])\b|\bmbo\b[^.\n]{0,40}?(?:niveau|level)\s*"
    r"([1-4])\b|(?:niveau|level)\s*([1-4])\b[^.\n]{0,20}\bmbo\b|\bmbo\s?([1-4])\b|"
    r"diploma\b[^.\n]{0,40}?niveau\s*([1-4])\b",
    re.I,
)
_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("MBO 1", re.compile(r"\bentree(?:opleiding)?\b|\bmbo[\s-]*1\b", re.I)),
    ("MBO", re.compile(r"\bmbo\b|vocational", re.I)),
    ("HBO", re.compile(r"\bhbo\b|bachelor|hogeschool", re.I)),
    ("WO", re.compile(r"\bwo\b|universit|academisch|master'?s? degree", re.I)),
)
_DEFAULT_MBO = "MBO 2"


def _no_education(parts: Sequence[str]) -> bool:
    """ "Geen diploma nodig" also counts when it stands among what the employer offers."""
    return any(_NO_EDUCATION.search(part) for part in parts)


_EDUCATION_HINT = re.compile(
    r"mbo|hbo|\bwo\b|entree|vocational|bachelor|hogeschool|universit|academisch|master|diploma",
    re.I,
)


def _education(parts: Sequence[str]) -> str | None:
    if not _EDUCATION_HINT.search("\n".join(parts)):
        return None
    for part in parts:
        if _NO_EDUCATION.search(part):
            return "none"
        mbo = _MBO.search(part)
        if mbo:
            return f"MBO {next(g for g in mbo.groups() if g)}"
        for level, regex in _LEVELS:
            if regex.search(part):
                return _DEFAULT_MBO if level == "MBO" else level
    return None


_LICENCE = re.compile(
    r"rijbewijs(?!\s*c\b)|driv(?:er'?s|ing)[ -]licen[cs]e|eigen (?:auto|vervoer)|own car", re.I
)
_NEGATION_REACH = 40
_NO = re.compile(r"\b(?:geen|nooit|zonder|no|never|niet|not)\b[^.,;\n]{0,25}$", re.I)
_NOT_NEEDED = re.compile(
    r"^[^.;\n]{0,30}(?:niet nodig|not needed|not required|geen vereiste)", re.I
)
_CERTIFICATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("BHV", re.compile(r"\bbhv\b|bedrijfshulpverle", re.I)),
    ("EHBO", re.compile(r"\behbo\b|first aid", re.I)),
    ("SVH", re.compile(r"\bsvh\b|sociale hygi[eë]ne", re.I)),
    ("VCA", re.compile(r"\bvca\b|\bb-vca\b", re.I)),
    ("VOG", re.compile(r"\bvog\b|verklaring omtrent (?:het )?gedrag|certificate of conduct", re.I)),
    ("heftruckcertificaat", re.compile(r"heftruck|forklift", re.I)),
    ("rijbewijs C", re.compile(r"rijbewijs[\s-]*c\b|\bc-rijbewijs|vrachtwagenrijbewijs", re.I)),
)
_SHIFT_OFFER = re.compile(r"toeslag|allowance|\bvrij\b|\bfree\b", re.I)
_CERTIFICATE_KEYS = {
    "BHV": ("bhv", "bedrijfshulp"),
    "EHBO": ("ehbo", "first aid"),
    "SVH": ("svh", "sociale hyg"),
    "VCA": ("vca",),
    "VOG": ("vog", "omtrent", "certificate of conduct"),
    "heftruckcertificaat": ("heftruck", "forklift"),
    "rijbewijs C": ("rijbewijs", "vrachtwagen"),
}
_CERTIFICATE_WORDS = (
    "bhv",
    "bedrijfshulp",
    "ehbo",
    "first aid",
    "svh",
    "sociale hyg",
    "vca",
    "vog",
    "omtrent",
    "certificate of conduct",
    "heftruck",
    "forklift",
    "rijbewijs",
    "vrachtwagen",
)
_COURSE_OFFERED = re.compile(r"cursus|training|opleiding|course|gratis|betalen wij|vergoed", re.I)


def _negated(text: str, position: int) -> bool:
    """A negation ("geen", "niet", "no") shortly before the position, in the same clause."""
    return bool(_NO.search(text[max(position - _NEGATION_REACH, 0) : position]))


def _found(regex: re.Pattern[str], part: str) -> bool:
    """A match that is not negated ("geen rijbewijs") nor followed by "niet nodig"."""
    return any(
        not _negated(part, m.start()) and not _NOT_NEEDED.match(part[m.end() :])
        for m in regex.finditer(part)
    )


def _certificates(asking: Sequence[str], offers: Sequence[str]) -> tuple[str, ...]:
    joined = "\n".join(asking)
    if not mentions(joined + "\n".join(offers), _CERTIFICATE_WORDS):
        return ()
    lower = joined.lower()
    found = {
        name
        for name, regex in _CERTIFICATES
        if mentions(lower, _CERTIFICATE_KEYS[name])
        and regex.search(joined)
        and any(_found(regex, p) for p in asking)
    }
    # A VOG is a condition even when the employer pays for it; other certificates in the
    # offers section are courses offered.
    vog = _CERTIFICATES[4][1]
    if any(_found(vog, p) for p in offers):
        found.add("VOG")
    return tuple(sorted(found))


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


def _shift_hits(parts: Sequence[str]) -> list[tuple[str, str]]:
    """(shift, matched text) for evening, night, weekend and irregular work asked."""
    found: list[tuple[str, str]] = []
    for part in parts:
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
                if not _negated(cleaned, m.start()) and not _NOT_NEEDED.match(cleaned[m.end() :])
            )
    return found


def shift_spans(lines: Sequence[Line]) -> list[str]:
    """The words that ask for evening, night, weekend or irregular work ("'s avonds")."""
    return analyse(lines)[1]


def extract_requirements(lines: Sequence[Line], title: str = "") -> Requirements:
    """Requirements from the lines of a posting (about-the-employer lines are ignored)."""
    return analyse(lines, title)[0]


def analyse(lines: Sequence[Line], title: str = "") -> tuple[Requirements, list[str]]:
    """The requirements and the words that ask for evening/night/weekend/irregular work."""
    every = [title, *(ln.text for ln in lines if ln.section != "employer")]
    asking = required_clauses(
        [title, *(ln.text for ln in lines if ln.section not in ("employer", "offers"))]
    )
    offers = [ln.text for ln in lines if ln.section == "offers"]
    shift_hits = _shift_hits([*asking, *(p for p in offers if not _SHIFT_OFFER.search(p))])
    hours_min, hours_max = hours(every)
    salary_min, salary_max, unit = salary(every)
    requirements = Requirements(
        hours_min=hours_min,
        hours_max=hours_max,
        salary_min=salary_min,
        salary_max=salary_max,
        salary_unit=unit,
        dutch_level=_dutch_level(asking),
        education_level="none" if _no_education(every) else _education(asking),
        driving_licence=any(_found(_LICENCE, part) for part in asking),
        certificates=_certificates(asking, offers),
        shifts=tuple(sorted({name for name, _ in shift_hits})),
    )
    return requirements, list(dict.fromkeys(text for _, text in shift_hits))
