"""Reachability: the level of work a posting takes, against where the participant starts.

A posting is out of reach *now* when it asks for something the participant cannot bring soon:
a registration or teaching qualification (BIG, "bevoegdheid"), a diploma two or more levels
above theirs, work that ESCO/ISCO places at professional or manager level (skill level 4)
without MBO-4, several years of experience while they have none outside the
trade, or a senior/leading role. Salary is a signal of level only when the title names no known
occupation. A posting that trains people in ("wij leiden je op", BBL, "geen ervaring nodig")
is not out of reach for its level or years.

Out of reach is never hidden: the score is multiplied by `Weights.penalty_reach`, and the
explanation says why in one line. Pure Python; the occupation levels come from
competencies/occupation_levels.csv (ESCO, European Commission), loaded by datafiles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from jobmatch.domain.conditions import education_rank
from jobmatch.domain.geo import fold
from jobmatch.domain.income import gross_per_month
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Finding, Weights
from jobmatch.domain.vacancies import Requirements

# ISCO skill level of the occupation -> education rank it takes (conditions.EDUCATION_RANKS):
# professionals and managers (4) MBO-4/havo at least. Technician level (3) is left out: its
# Dutch words are too mixed ("agent", "begeleider", "helpende") to put a job out of reach.
SKILL_NEEDS_EDUCATION = {4: 4}
YEARS_OUT_OF_REACH = 3  # years of experience asked that nobody without any other work brings
YEARS_NEED_TWO_JOBS = 5  # this many years asked: needs at least two experiences outside the trade
HIGH_PAY_MONTH = 3_500.0  # euro gross per month: about 1.4x the minimum wage, senior-ish pay
# Issue 13 (tune part): a "senior manager" at EUR 6,000-8,500 stayed reachable for an MBO-4
# participant because the title named a known occupation. Pay this high (about twice the modal
# wage) is HBO-level work whatever the title says; below HBO it is out of reach now.
VERY_HIGH_PAY_MONTH = 5_000.0
EXPLICIT_GAP = 2  # a diploma asked this many levels above one's own is out of reach
SENIOR_WORDS = (
    "senior",
    "manager",
    "hoofd",
    "directeur",
    "teamleider",
    "leidinggevende",
    "head",
    "lead",
    "director",
    "supervisor",
)
# Work the participant's own history does not count for (it is not shown as experience).
NOT_WORK = ("personal-services", "education")

_REGISTRATION = re.compile(
    r"\bbig[- ]?(?:registratie|geregistreerd|registered)|\bregistratie in het big"
    r"|\b(?:les|onderwijs)?bevoegdheid|\bbevoegd (?:docent|leraar)|\bskj[- ]?registratie"
    r"|\bdiploma (?:is )?(?:vereist|verplicht)|\bvereist diploma|\bbeedigd|\badvocatenorde"
    r"|\bafgeronde (?:hbo|wo|universitaire)[- ]?(?:opleiding|studie)"
    r"|\b(?:hbo|wo)[- ]werk- ?en denkniveau"
    r"|\b(?:hbo|wo)[- ]?denkniveau|\bmaster(?:'s)? degree|\bbachelor(?:'s)? degree"
    # Issue 13 (tune part): a named vocational diploma ("Diploma Verzorgende IG") or a register
    # title ("Register Accountant") is a qualification, like a BIG registration.
    r"|\bdiploma (?-i:[A-Z])[\w-]+(?: (?-i:[A-Z]{2,3}\b))?|\bregister ?accountant",
    re.IGNORECASE,
)
# Issue 13 (tune part): "Mbo-4 ICT", "mbo niveau 3" in the text while the extracted requirement
# stayed empty: the level of work is read here too (the lowest of "mbo-3/4", "mbo-4 of hbo").
_MBO = re.compile(r"\bmbo[- ]?(?:niveau ?)?([1-4])(?:/[1-4])?(?! ?(?:werk|denk))", re.IGNORECASE)
_YEARS = re.compile(
    r"(?:minimaal|minstens|ten minste|at least|ruim|meer dan)?\s*"
    r"(\d{1,2})\+?\s*(?:jaar|jaren|years?)"
    r"\s+(?:\w+\s+){0,3}?(?:werk)?(?:ervaring|experience)"
    r"|(?:ervaring|experience)\s+(?:van\s+)?(?:minimaal|minstens|ten minste|at least)\s+(\d{1,2})"
    r"\s*(?:jaar|years?)",
    re.IGNORECASE,
)
_TRAINEE = re.compile(
    r"geen (?:werk)?ervaring (?:nodig|vereist)|zonder (?:werk)?ervaring|ook zonder diploma"
    r"|geen diploma (?:nodig|vereist)|(?:wij|we) leiden je (?:zelf |graag )?op|zij-?instro"
    r"|\bbbl\b|leer-?werk|opleiding (?:wordt )?(?:betaald|vergoed)"
    r"|no experience (?:needed|required)"
    r"|we (?:will )?train you",
    re.IGNORECASE,
)
_TITLE_END = re.compile(r"\s(?:bij|voor|in|te|at|for|\||–|-)\s|[(/,|:]", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")


@dataclass(frozen=True)
class Demand:
    """The level of work a posting takes, as far as its title and text show it."""

    skill_level: int = 0  # ISCO skill level of the occupation in the title; 0 = unknown
    occupation: str = ""  # the title word that gave the skill level
    education: int = 0  # education rank asked in the requirements (0 = none)
    education_label: str = ""
    registration: str = ""  # a registration or qualification asked, as written
    years: int = 0  # years of experience asked
    senior: str = ""  # a seniority word in the title
    high_pay: bool = False  # pay at a level that signals senior work
    very_high_pay: bool = False  # pay at HBO level whatever the title (VERY_HIGH_PAY_MONTH)
    trainee: bool = False  # the posting trains people in


def title_occupation(title: str, levels: Mapping[str, int]) -> tuple[str, int]:
    """(word, ISCO skill level) of the highest-level occupation word in the job title proper
    (before "bij", "voor", a bracket …); a compound counts by its tail ("beleidsadviseur" ->
    "adviseur"). ("", 0) when no word is known."""
    head = _TITLE_END.split(fold(title), maxsplit=1)[0]
    best = ("", 0)
    for word in _WORD.findall(head):
        level, found = levels.get(word, 0), word
        for cut in range(1, len(word) - 4):
            if level:
                break
            level, found = levels.get(word[cut:], 0), word
        if level > best[1]:
            best = (found, level)
    return best


def _years(text: str) -> int:
    found = [int(a or b) for a, b in _YEARS.findall(text) if (a or b)]
    return max((n for n in found if n <= 30), default=0)


def _senior(title: str) -> str:
    words = set(_WORD.findall(fold(title)))
    return next((w for w in SENIOR_WORDS if w in words or any(x.endswith(w) for x in words)), "")


def _month_pay(req: Requirements) -> float | None:
    salary = req.salary_max if req.salary_max is not None else req.salary_min
    if salary is None or req.salary_unit is None:
        return None
    return gross_per_month(salary, req.salary_unit, req.hours_max or req.hours_min)


def posting_demand(
    title: str, text: str, requirements: Requirements, levels: Mapping[str, int]
) -> Demand:
    """What level of work the posting takes (see the module text for the rules)."""
    word, skill = title_occupation(title, levels)
    registration = _REGISTRATION.search(f"{title}\n{text}")
    pay = _month_pay(requirements)
    trainee = bool(_TRAINEE.search(f"{title}\n{text}"))
    education = education_rank(requirements.education_level)
    label = requirements.education_level or ""
    written = _MBO.search(f"{title}\n{text}")
    if written and not trainee and not education:  # a posting that trains you in asks no diploma
        education, label = int(written.group(1)), f"MBO {written.group(1)}"
    return Demand(
        skill_level=skill,
        occupation=word,
        education=education,
        education_label=label,
        registration=registration.group(0).strip() if registration else "",
        years=_years(text),
        senior=_senior(title),
        high_pay=pay is not None and pay >= HIGH_PAY_MONTH,
        very_high_pay=pay is not None and pay >= VERY_HIGH_PAY_MONTH and not trainee,
        trainee=trainee,
    )


@dataclass(frozen=True)
class Start:
    """Where the participant starts: highest completed diploma and work outside the trade."""

    education: int
    experiences: int
    certificates: tuple[str, ...]


def starting_point(profile: Profile) -> Start:
    education = max((education_rank(e.level) for e in profile.education if e.completed), default=0)
    work = sum(1 for e in profile.experiences if e.kind not in NOT_WORK)
    return Start(education, work, tuple(fold(c) for c in profile.certificates))


def has_registration(start: Start, registration: str) -> bool:
    """True when one of the participant's certificates names the registration asked."""
    words = {w for w in _WORD.findall(fold(registration)) if len(w) > 2} - {"diploma", "vereist"}
    return any(w in c for c in start.certificates for w in words)


def reach_reasons(start: Start, demand: Demand) -> list[tuple[str, str]]:
    """Why the posting is out of reach now, each as (nl, en); empty when it is reachable."""
    found: list[tuple[str, str]] = []
    if demand.registration and not has_registration(start, demand.registration):
        found.append((f"vraagt {demand.registration}", f"asks for {demand.registration}"))
    if demand.education and demand.education - start.education >= EXPLICIT_GAP:
        label = demand.education_label
        found.append((f"vraagt een diploma {label}", f"asks for a {label} diploma"))
    need = 0 if demand.trainee else SKILL_NEEDS_EDUCATION.get(demand.skill_level, 0)
    if need and start.education < need and not found:
        found.append(
            (
                f"werk op hbo-niveau ({demand.occupation})",
                f"work at higher professional level ({demand.occupation})",
            )
        )
    if not demand.trainee and (
        (demand.years >= YEARS_OUT_OF_REACH and start.experiences == 0)
        or (demand.years >= YEARS_NEED_TWO_JOBS and start.experiences < 2)
    ):
        found.append(
            (f"vraagt {demand.years} jaar ervaring", f"asks for {demand.years} years of experience")
        )
    if demand.senior and start.education < 4:
        found.append(("een leidinggevende of senior functie", "a leading or senior role"))
    high = demand.high_pay and not demand.skill_level and not demand.trainee
    if (high and start.education < 4) or (demand.very_high_pay and start.education < 5):
        found.append(("salaris past bij werk op hoger niveau", "pay fits work at a higher level"))
    return found


def reach_findings(profile: Profile, demand: Demand, weights: Weights) -> list[Finding]:
    """One Finding (code "reach") saying in one line why the posting is out of reach now."""
    reasons = reach_reasons(starting_point(profile), demand)
    if not reasons:
        return []
    nl = "; ".join(r[0] for r in reasons)
    en = "; ".join(r[1] for r in reasons)
    return [
        Finding(
            "reach",
            f"Nu nog buiten bereik: {nl}.",
            f"Out of reach for now: {en}.",
            weights.penalty_reach,
        )
    ]
