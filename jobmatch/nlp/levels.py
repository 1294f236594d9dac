"""The Dutch level and the education level a posting asks (tests/data/README.md conventions)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobmatch.nlp.clauses import parts_with

_CEFR = re.compile(r"\b([ABC][12])\b")
_DUTCH = re.compile(
    r"nederlands|\bnt2\b|dutch|taalniveau|taaleis|taalgevoel|sterke pen|verstaanbaar", re.I
)
_DUTCH_WORDS = (
    *("nederlands", "nt2", "dutch", "taalniveau", "taaleis", "taalgevoel", "sterke pen"),
    "verstaanbaar",
)
_DUTCH_OPTIONAL = re.compile(
    r"(?:nederlands|dutch)\s+(?:of|or|en/of)\s+(?:\w+\s+){0,2}(?:engels|english)"
    r"|(?:engels|english)\s+(?:of|or)"
    r"\s+(?:nederlands|dutch)|(?:nederlands|dutch)[^.;]{0,30}(?:niet nodig|not required|"
    r"geen vereiste|not necessary|hoeft niet(?! perfect))"
    r"|(?:engels|english)[^.;]{0,25}(?:genoeg|voldoende|enough|sufficient)",
    re.I,
)
# "Nederlands en Engels op C1": the level is asked of both languages.
_BOTH_AT = re.compile(
    r"(?:nederlands|dutch)\s+(?:en|and|&)\s+\w+\s+(?:op\s+|at\s+)?(?:niveau\s+|level\s+)?"
    r"([abc][12])\b",
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
            r"(?:uitstekend|perfect|foutloos|excellent|native|zeer goed)\w*[^\w.;!?]+"
            r"(?:\w+[^\w.;!?]+){0,6}"
            r"(?:nederlands|dutch)|(?:nederlands|dutch)\W+(?:\w+\W+){0,3}"
            r"(?<!niet )(?:moedertaal|native|perfect|foutloos|uitstekend)"
            r"|feilloo?s\w* taalgevoel|sterke pen",
            re.I,
        ),
    ),
    (
        "B2",
        re.compile(
            r"(?:vloeiend|fluent)\w*\W+(?:\w+\W+){0,2}(?:nederlands|dutch)|"
            r"(?:nederlands|dutch)\w*\W+(?:\w+\W+){0,3}(?:vloeiend|fluent|in woord en "
            r"geschrift|written and spoken)"
            r"|schriftelijke?\s+(?:\w+\W+){0,3}(?:nederlands|dutch)"
            r"|(?:nederlands|dutch)\w*\W+(?:\w+\W+){0,3}schriftelijk",
            re.I,
        ),
    ),
    (
        "A2",
        re.compile(
            r"(?:basiskennis|beetje|eenvoudig|basic|some|basis|paar woorden)\w*\W+(?:\w+\W+){0,3}"
            r"(?:nederlands|dutch)|(?:nederlands|dutch)\W+(?:\w+\W+){0,3}"
            r"(?:een beetje|basis|eenvoudig|hoeft niet perfect|niet perfect)|verstaanbaar maken",
            re.I,
        ),
    ),
    (
        "B1",
        re.compile(
            r"(?:goed|good|redelijk)\w*[^\w.;!?]+(?:\w+[^\w.;!?]+){0,4}(?:nederlands|dutch)|"
            r"(?:nederlands|dutch)\w*\W+(?:\w+\W+){0,4}(?:goed|beheers|good)"
            r"|spreekt\s+(?:\w+\s+)?nederlands\s+met\s+(?:de\s+|onze\s+)?\w+"
            r"|beheers\w*\s+(?:de\s+)?nederlandse\s+taal"
            r"|in het nederlands(?: en| of)?",
            re.I,
        ),
    ),
)


# Work on the phone with customers: Dutch at B2, when no level is written
# (docs/matching-conventions.md). Not when another language is what the job is about.
_PHONE_WORK = re.compile(
    r"klantenservice|klantcontact|customer service|call ?cent(?:er|re)|telefonist|telefonisch"
    r"|aan de telefoon|\binbound\b|\boutbound\b|helpdesk|servicedesk",
    re.I,
)
_PHONE_WORDS = (
    *("klantenservice", "klantcontact", "customer service", "call", "telefon", "telefoon"),
    *("inbound", "outbound", "helpdesk", "servicedesk"),
)
_OTHER_JOB_LANGUAGE = re.compile(
    r"\b(?:engels|english|duits\w*|german|frans\w*|french|spaans\w*|spanish|pools\w*|polish"
    r"|italiaans\w*|portugees\w*|speaking|native)\b",
    re.I,
)
PHONE_DUTCH = "B2"  # tests/data/devset/GUIDELINES.md §4: phone or chat work in Dutch


def implied_dutch(title: str, parts: Sequence[str]) -> str | None:
    """B2 for customer contact by phone in a Dutch posting that names no level, else None."""
    if _OTHER_JOB_LANGUAGE.search(title):
        return None
    phone = [title, *parts_with(_PHONE_WORDS, parts).values()]
    if not any(_PHONE_WORK.search(part) for part in phone if part):
        return None
    if any(_DUTCH_OPTIONAL.search(part) for part in parts):
        return None
    return PHONE_DUTCH


def _written_level(part: str) -> str | None:
    """A level written as a letter, an NT2 programme or a 1F-4F level, or None."""
    both = _BOTH_AT.search(part)
    if both:
        return both.group(1).upper()
    cefr = _CEFR.search(part)
    if cefr and not _OTHER_LANGUAGE.search(part[: cefr.start()][-25:]):
        return cefr.group(1)
    nt2 = _NT2.search(part)
    if nt2 and nt2.group(1):
        return _F_LEVELS[nt2.group(1)]
    if nt2:
        return "B2" if (nt2.group(2) or "").lower() in ("ii", "2") else "B1"
    f_level = _F_LEVEL.search(part)
    return _F_LEVELS[f_level.group(1)] if f_level else None


def dutch_level(parts: Sequence[str]) -> str | None:
    """The CEFR level of Dutch the posting asks: a written level anywhere wins ("minimaal
    B2" in the requirements over "vragen in het Nederlands" in the tasks), else the first
    part whose wording implies one; None when no part asks Dutch."""
    asking = [
        part
        for part in parts_with(_DUTCH_WORDS, parts).values()
        if _DUTCH.search(part) and not _DUTCH_OPTIONAL.search(part)
    ]
    for part in asking:
        written = _written_level(part)
        if written:
            return written
    for part in asking:
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
_NO_EDUCATION_WORDS = ("diploma", "opleiding", "startkwalificatie", "papieren", "degree", "qualif")


def no_education(parts: Sequence[str]) -> bool:
    """ "Geen diploma nodig" also counts when it stands among what the employer offers."""
    candidates = parts_with(_NO_EDUCATION_WORDS, parts)
    return any(_NO_EDUCATION.search(part) for part in candidates.values())


_EDUCATION_HINT = re.compile(
    r"mbo|hbo|\bwo\b|entree|vocational|bachelor|hogeschool|universit|academisch|master|diploma",
    re.I,
)
# A word every education pattern above needs: parts without one cannot match.
_EDUCATION_WORDS = (
    *("diploma", "opleiding", "startkwalificatie", "papieren", "degree", "qualification"),
    *("mbo", "entree", "vocational", "hbo", "bachelor", "hogeschool", "wo", "universit"),
    *("academisch", "master"),
)


def education(parts: Sequence[str]) -> str | None:
    """The education level the first part that names one asks ("none" when none is needed)."""
    candidates = parts_with(_EDUCATION_WORDS, parts, frozenset({"wo"}))
    if not any(_EDUCATION_HINT.search(part) for part in candidates.values()):
        return None  # every hint word is an education word
    for part in candidates.values():
        if _NO_EDUCATION.search(part):
            return "none"
        mbo = _MBO.search(part)
        if mbo:
            return f"MBO {next(g for g in mbo.groups() if g)}"
        for level, regex in _LEVELS:
            if regex.search(part):
                return _DEFAULT_MBO if level == "MBO" else level
    return None
