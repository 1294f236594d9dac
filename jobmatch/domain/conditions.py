"""Hard conditions of a vacancy or training place against the participant: Dutch level,
other languages, distance, hours, driving licence, certificates and diploma, unwanted shifts,
pay. Each unmet condition is a Finding with a Dutch (B1) and an English sentence and the
factor it multiplies the score by. Pure Python; nothing here reads files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from jobmatch.domain.geo import fold
from jobmatch.domain.income import salary_findings
from jobmatch.domain.profiles import CEFR_LEVELS, Profile
from jobmatch.domain.ranking import Finding, Weights
from jobmatch.domain.vacancies import Requirements

SHIFT_NL = {"evening": "avond", "night": "nacht", "weekend": "weekend", "irregular": "wisselend"}
# Dutch levels; a havo/vwo diploma gives entry at MBO-4 level, vmbo at MBO-2 entry level.
EDUCATION_RANKS = {
    **{"entree": 1, "mbo 1": 1, "vmbo": 1, "mbo 2": 2, "mbo 3": 3, "mbo 4": 4},
    **{"havo": 4, "vwo": 4, "hbo": 5, "bachelor": 5, "wo": 6, "master": 6},
}


LANGUAGE_NAMES = {
    "en": ("engels", "english"),
    "de": ("duits", "german"),
    "fr": ("frans", "french"),
    "es": ("spaans", "spanish"),
    "pt": ("portugees", "portuguese"),
    "it": ("italiaans", "italian"),
    "pl": ("pools", "polish"),
    "ro": ("roemeens", "romanian"),
    "hu": ("hongaars", "hungarian"),
    "bg": ("bulgaars", "bulgarian"),
    "tr": ("turks", "turkish"),
    "ar": ("arabisch", "arabic"),
    "th": ("thai", "thais"),
    "ru": ("russisch", "russian"),
    "uk": ("oekraiens", "ukrainian"),
    "zh": ("chinees", "chinese"),
}


def spoken_languages(profile: Profile) -> tuple[str, ...]:
    """Languages other than Dutch the participant speaks at B2 or better (or natively)."""
    return tuple(s.language for s in profile.languages if s.language != "nl" and s.rank >= 4)


def _languages(profile: Profile, required: Sequence[str], weights: Weights) -> list[Finding]:
    if not required or set(required) & set(spoken_languages(profile)):
        return []
    names = " of ".join(LANGUAGE_NAMES[c][0].capitalize() for c in required)
    names_en = " or ".join(LANGUAGE_NAMES[c][1].capitalize() for c in required)
    return [
        Finding(
            "language",
            f"Gevraagde taal: {names}.",
            f"Language asked: {names_en}.",
            weights.penalty_language,
        )
    ]


def cefr_rank(level: str | None) -> int:
    """0 for unknown/none, 1 (A1) … 6 (C2), 7 for native."""
    if not level:
        return 0
    level = level.strip().upper()
    if level == "NATIVE":
        return 7
    return CEFR_LEVELS.index(level) + 1 if level in CEFR_LEVELS else 0


def dutch_rank(profile: Profile) -> int:
    skill = profile.language_level("nl")
    return skill.rank if skill else 0


def education_rank(level: str | None) -> int:
    """'MBO 2', 'mbo-2', 'MBO niveau 3', 'HBO' -> 2, 2, 3, 5; unknown -> 0."""
    if not level:
        return 0
    text = fold(level).replace("-", " ").replace("niveau ", "")
    for key, rank in sorted(EDUCATION_RANKS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{key}\b", text):
            return rank
    return 0


def _dutch(profile: Profile, needed: str | None, factor: float, far: float) -> list[Finding]:
    need = cefr_rank(needed)
    have = dutch_rank(profile)
    if need == 0 or have >= need:
        return []
    factor = factor if need - have == 1 else far
    level = profile.language_level("nl")
    mine = level.level if level else "onbekend"
    mine_en = level.level if level else "unknown"
    return [
        Finding(
            "dutch",
            f"Nederlands: gevraagd {needed}, jouw niveau {mine}.",
            f"Dutch: {needed} asked, your level {mine_en}.",
            factor,
        )
    ]


# Issue 13 (tune part): a home-based job 86 km away got the distance penalty; a job hunter
# ignores distance for work from home in the Netherlands (GRADING.md "Remote work"). Plain
# "thuiswerken" is left out: it mostly means some days at home (hybrid), still a commute.
_FROM_HOME = re.compile(
    r"\b(?:(?:werken|werkt|werk) (?:volledig |helemaal )?(?:vanuit|van) (?:je eigen |jouw )?huis"
    r"|volledig thuis(?:werken| werken)|work(?:ing)? from home|fully remote|100% remote)\b",
    re.IGNORECASE,
)


def works_from_home(text: str) -> bool:
    """True when the posting says the work is done from home."""
    return bool(_FROM_HOME.search(text))


def _distance(
    profile: Profile, km: float | None, weights: Weights, *, remote: bool = False
) -> list[Finding]:
    limit = profile.preferences.max_km
    if remote:
        return [
            Finding(
                "remote",
                "Werk vanuit huis: de afstand telt niet mee.",
                "Work from home: the distance does not count.",
            )
        ]
    if km is None:
        return [Finding("distance_unknown", "Afstand onbekend.", "Distance unknown.")]
    if limit is not None and km > limit:
        factor = weights.penalty_distance
        if km > limit * weights.very_far_ratio:
            factor = weights.penalty_distance_very_far
        elif km > limit * weights.far_ratio:
            factor = weights.penalty_distance_far
        return [
            Finding(
                "distance",
                f"Te ver: ± {km:.0f} km, jouw maximum is {limit:.0f} km.",
                f"Too far: ± {km:.0f} km, your maximum is {limit:.0f} km.",
                factor,
            )
        ]
    return []


def _hours(profile: Profile, req: Requirements, weights: Weights) -> list[Finding]:
    low, high = req.hours_min, req.hours_max if req.hours_max is not None else req.hours_min
    want_low, want_high = profile.preferences.hours_min, profile.preferences.hours_max
    if low is None and high is None:
        return []
    low = low if low is not None else high
    too_many = want_high is not None and low is not None and low > want_high
    too_few = want_low is not None and high is not None and high < want_low
    if not (too_many or too_few):
        return []
    span = f"{low:g}-{high:g}" if high != low else f"{low:g}"
    mine = f"{want_low or 0:g}-{want_high if want_high is not None else 40:g}"
    return [
        Finding(
            "hours",
            f"Uren: de vacature vraagt {span} uur per week, jij wilt {mine}.",
            f"Hours: the posting asks {span} hours a week, you want {mine}.",
            weights.penalty_hours,
        )
    ]


def _licence_and_papers(profile: Profile, req: Requirements, weights: Weights) -> list[Finding]:
    found = []
    if req.driving_licence and not profile.driving_licence:
        found.append(
            Finding(
                "licence",
                "Rijbewijs gevraagd; dat heb je (nog) niet.",
                "Driving licence asked; you do not have one (yet).",
                weights.penalty_licence,
            )
        )
    mine = [fold(c) for c in profile.certificates]
    lacking = [c for c in req.certificates if not any(fold(c) in m or m in fold(c) for m in mine)]
    if lacking:
        found.append(
            Finding(
                "certificates",
                f"Gevraagd certificaat: {', '.join(lacking)}.",
                f"Certificate asked: {', '.join(lacking)}.",
                weights.penalty_certificates,
            )
        )
    return found + _diploma(profile, req, weights)


def _diploma(profile: Profile, req: Requirements, weights: Weights) -> list[Finding]:
    need = education_rank(req.education_level)
    have = max((education_rank(e.level) for e in profile.education if e.completed), default=0)
    if need <= 1 or have >= need:
        return []
    return [
        Finding(
            "diploma",
            f"Diploma gevraagd: {req.education_level}.",
            f"Diploma asked: {req.education_level}.",
            weights.penalty_certificates,
        )
    ]


def _shifts(profile: Profile, req: Requirements, weights: Weights) -> list[Finding]:
    clash = [s for s in req.shifts if s in profile.preferences.avoid_shifts]
    if not clash:
        return []
    return [
        Finding(
            "shifts",
            f"Diensten die je liever niet doet: {', '.join(SHIFT_NL.get(s, s) for s in clash)}.",
            f"Shifts you prefer not to work: {', '.join(clash)}.",
            weights.penalty_shifts,
        )
    ]


def vacancy_findings(
    profile: Profile,
    req: Requirements,
    km: float | None,
    weights: Weights,
    languages: Sequence[str] = (),
    *,
    remote: bool = False,
) -> list[Finding]:
    """Every hard condition and warning for a vacancy, in a stable order. `languages`: the
    languages the posting requires (any one of them); `remote`: work from home (distance does
    not count)."""
    return [
        *_dutch(profile, req.dutch_level, weights.penalty_dutch, weights.penalty_dutch_far),
        *_languages(profile, languages, weights),
        *_distance(profile, km, weights, remote=remote),
        *_hours(profile, req, weights),
        *_licence_and_papers(profile, req, weights),
        *_shifts(profile, req, weights),
        *salary_findings(profile, req, weights),
    ]


def training_findings(
    profile: Profile, dutch_needed: str | None, km: float | None, weights: Weights
) -> list[Finding]:
    return [
        *_dutch(profile, dutch_needed, weights.penalty_training_dutch, weights.penalty_dutch_far),
        *_distance(profile, km, weights),
    ]


def condition_factor(findings: Iterable[Finding]) -> float:
    factor = 1.0
    for finding in findings:
        factor *= finding.factor
    return factor
