"""Requirements of a posting: hours, salary, Dutch level, education, licence, certificates, shifts.

Conventions follow tests/data/README.md: only what is *required* counts; a nice-to-have
("is een pluspunt", "bij voorkeur") is not a requirement; what the employer offers as a course
is not a certificate asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobmatch.domain.vacancies import Requirements
from jobmatch.nlp.clauses import (
    Scan,
    found,
    mentions,
    parts_with,
    required_clauses,
)
from jobmatch.nlp.hours_salary import hours, salary
from jobmatch.nlp.levels import dutch_level, education, implied_dutch, no_education
from jobmatch.nlp.sections import Line
from jobmatch.nlp.shifts import SHIFT_OFFER, shift_hits

__all__ = ["analyse", "extract_requirements", "mentions", "shift_spans"]

_LICENCE = re.compile(
    r"rijbewijs(?!\s*c\b)|driv(?:er'?s|ing)[ -]licen[cs]e|eigen (?:auto|vervoer)|own car", re.I
)
_LICENCE_WORDS = ("rijbewijs", "driv", "eigen auto", "eigen vervoer", "own car")
_CERTIFICATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("BHV", re.compile(r"\bbhv\b|bedrijfshulpverle", re.I)),
    ("EHBO", re.compile(r"\behbo\b|first aid", re.I)),
    ("SVH", re.compile(r"\bsvh\b|sociale hygi[eë]ne", re.I)),
    ("VCA", re.compile(r"\bvca\b|\bb-vca\b", re.I)),
    ("VOG", re.compile(r"\bvog\b|verklaring omtrent (?:het )?gedrag|certificate of conduct", re.I)),
    ("heftruckcertificaat", re.compile(r"heftruck|forklift", re.I)),
    ("rijbewijs C", re.compile(r"rijbewijs[\s-]*c\b|\bc-rijbewijs|vrachtwagenrijbewijs", re.I)),
)
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


def _certificates(asking: Scan, offers: Sequence[str]) -> tuple[str, ...]:
    joined = asking.joined()
    asked = joined[0] if joined else "\n".join(asking)
    if not mentions(asked + "\n".join(offers), _CERTIFICATE_WORDS):
        return ()
    names = {
        name
        for name, regex in _CERTIFICATES
        if any(found(regex, p) for p in parts_with(_CERTIFICATE_KEYS[name], asking).values())
    }
    # A VOG is a condition even when the employer pays for it; other certificates in the
    # offers section are courses offered.
    vog = _CERTIFICATES[4][1]
    if any(found(vog, p) for p in offers if mentions(p, _CERTIFICATE_KEYS["VOG"])):
        names.add("VOG")
    return tuple(sorted(names))


def _licence(asking: Sequence[str]) -> bool:
    return any(found(_LICENCE, part) for part in parts_with(_LICENCE_WORDS, asking).values())


def shift_spans(lines: Sequence[Line]) -> list[str]:
    """The words that ask for evening, night, weekend or irregular work ("'s avonds")."""
    return analyse(lines)[1]


def extract_requirements(lines: Sequence[Line], title: str = "") -> Requirements:
    """Requirements from the lines of a posting (about-the-employer lines are ignored)."""
    return analyse(lines, title)[0]


def analyse(lines: Sequence[Line], title: str = "") -> tuple[Requirements, list[str]]:
    """The requirements and the words that ask for evening/night/weekend/irregular work."""
    every = Scan([title, *(ln.text for ln in lines if ln.section != "employer")])
    asking = required_clauses(
        [title, *(ln.text for ln in lines if ln.section not in ("employer", "offers"))]
    )
    offers = [ln.text for ln in lines if ln.section == "offers"]
    shifts = shift_hits([*asking, *(p for p in offers if not SHIFT_OFFER.search(p))])
    hours_min, hours_max = hours(every)
    salary_min, salary_max, unit = salary(every)
    requirements = Requirements(
        hours_min=hours_min,
        hours_max=hours_max,
        salary_min=salary_min,
        salary_max=salary_max,
        salary_unit=unit,
        dutch_level=dutch_level(asking) or implied_dutch(title, asking[1:]),
        education_level="none" if no_education(every) else education(asking),
        driving_licence=_licence(asking),
        certificates=_certificates(asking, offers),
        shifts=tuple(sorted({name for name, _ in shifts})),
    )
    return requirements, list(dict.fromkeys(text for _, text in shifts))
