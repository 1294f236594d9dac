"""Pure matching rules: participant strengths, competency overlap, sector, avoid list, and
the languages a posting requires. The hard conditions and their warnings are in
conditions.py (re-exported here). Nothing here reads files.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

from jobmatch.domain.conditions import (
    EDUCATION_RANKS,
    LANGUAGE_NAMES,
    SHIFT_NL,
    cefr_rank,
    condition_factor,
    dutch_rank,
    education_rank,
    spoken_languages,
    training_findings,
    vacancy_findings,
)
from jobmatch.domain.geo import city_key, fold
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Finding, Weights
from jobmatch.domain.vacancies import AskedCompetency

__all__ = [
    "EDUCATION_RANKS",
    "LANGUAGE_NAMES",
    "SHIFT_NL",
    "Finding",
    "cefr_rank",
    "competency_overlap",
    "condition_factor",
    "dutch_rank",
    "education_rank",
    "is_avoided",
    "languages_required",
    "participant_strengths",
    "pool_idf",
    "sector_match",
    "spoken_languages",
    "training_findings",
    "vacancy_findings",
]

_LANGUAGE_WORDS = {word: code for code, words in LANGUAGE_NAMES.items() for word in words}
_REQUIRED = ("native", "moedertaal", "vloeiend", "fluent", "c1", "c2", "vereist", "required")
_OPTIONAL = ("pluspunt", "voordeel", "pre", "plus", "bonus", "genoeg", "enough", "welkom")


def languages_required(title: str, text: str) -> tuple[str, ...]:
    """Languages other than Dutch and English a posting requires ('native Hungarian',
    'vloeiend Pools'); any one of them is enough. Not when named as a plus."""
    found: set[str] = set()
    for line in [title, *re.split(r"[\n;•]", text)]:
        words = set(re.findall(r"[a-z0-9]+", fold(line)))
        title_asks = line is title and "speaking" in words
        if not (title_asks or words & set(_REQUIRED)) or words & set(_OPTIONAL):
            continue
        found |= {code for word, code in _LANGUAGE_WORDS.items() if word in words}
    return tuple(sorted(found - {"en", "nl"}))


def participant_strengths(profile: Profile, weights: Weights) -> dict[str, float]:
    """How strongly each competency counts: confirmed with evidence > confirmed > suggested."""
    strengths: dict[str, float] = {}
    for competency in profile.competencies:
        if competency.status == "suggested":
            value = weights.suggested
        elif competency.evidence:
            value = weights.confirmed
        else:
            value = weights.confirmed_no_evidence
        strengths[competency.id] = max(value, strengths.get(competency.id, 0.0))
    return strengths


def pool_idf(asked_lists: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each competency id over a pool of postings."""
    counts: dict[str, int] = {}
    total = 0
    for ids in asked_lists:
        total += 1
        for cid in set(ids):
            counts[cid] = counts.get(cid, 0) + 1
    return {cid: math.log((1 + total) / (1 + n)) + 1.0 for cid, n in counts.items()}


def competency_overlap(
    strengths: Mapping[str, float],
    asked: Sequence[AskedCompetency],
    idf: Mapping[str, float],
    weights: Weights,
    prior: float = 0.0,
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """(0..1 overlap, matched ids, missing ids).

    Overlap mixes how much of what the posting asks the participant has (weighted by
    importance and rarity; `prior` damps postings that ask very little) with how much of the
    participant's strengths the posting uses (share `weights.use_share`).
    """
    total = gained = used = 0.0
    matched: list[str] = []
    missing: list[str] = []
    for item in asked:
        weight = (weights.must if item.importance == "must" else weights.nice) * idf.get(
            item.id, 1.0
        )
        total += weight
        strength = strengths.get(item.id, 0.0)
        gained += weight * strength
        if strength > 0 and item.id not in matched:
            used += strength
        (matched if strength > 0 else missing).append(item.id)
    cover = gained / (total + prior) if total > 0 else 0.0
    own = sum(strengths.values())
    use = used / own if own > 0 else 0.0
    score = (1 - weights.use_share) * cover + weights.use_share * use
    return score, tuple(matched), tuple(missing)


def sector_match(profile: Profile, sector: str | None) -> float:
    wanted = {fold(s) for s in profile.preferences.sectors}
    return 1.0 if sector and fold(sector) in wanted else 0.0


def is_avoided(profile: Profile, *, employer: str | None, places: Iterable[str | None]) -> bool:
    """True when the employer or the place is on the participant's avoid list."""
    name = f" {fold(employer)} " if employer else ""
    for avoided in profile.avoid.employers:
        key = fold(avoided)
        if key and name and (f" {key} " in name or fold(employer or "") == key):
            return True
    keys = {city_key(p) for p in profile.avoid.places if p.strip()}
    return any(place and city_key(place) in keys for place in places)
