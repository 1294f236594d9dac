"""Matches for a participant in the database: ranked openings and training places with what
the job hunter needs next to each (hours, pay, distance, the network flag), filters, and the
"good match / not for her" feedback. The ranking itself is the engine's, on the database pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlmodel import Session, col, select

from jobmatch.db import models
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.domain.ranking import RankedItem
from jobmatch.domain.vacancies import Opening
from jobmatch.services import db_pool
from jobmatch.services.participants import InputProblems, get_participant, profile_of

Kind = Literal["vacancy", "training", "all"]
VERDICTS = ("goed", "niet")
MAX_REASON = 500


@dataclass(frozen=True)
class MatchFilters:
    kind: Kind = "all"
    sector: str = ""
    max_km: float | None = None
    hours_max: float | None = None
    top: int = 30


@dataclass(frozen=True)
class Match:
    item: RankedItem
    vacancy_id: int | None
    training_id: int | None
    sector: str | None
    hours: tuple[float | None, float | None]
    salary: tuple[float | None, float | None, str | None]
    verdict: str | None = None


@dataclass(frozen=True)
class MatchList:
    matches: list[Match]
    notes: list[tuple[str, str]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)


def _keep(match: Match, filters: MatchFilters) -> bool:
    if filters.sector and (match.sector or "") != filters.sector:
        return False
    distance = match.item.distance_km
    if filters.max_km is not None and distance is not None and distance > filters.max_km:
        return False
    low = match.hours[0]
    return not (filters.hours_max is not None and low is not None and low > filters.hours_max)


def matches_for(
    *,
    session: Session,
    actor: Actor,
    participant_id: int,
    filters: MatchFilters = MatchFilters(),
    today: date | None = None,
) -> MatchList:
    """Ranked openings and training places for her; expired and archived places never."""
    from jobmatch.services.matching import Pool, rank_pool

    require(actor, Permission.CASEWORK)
    profile = profile_of(session=session, actor=actor, participant_id=participant_id)
    pool = db_pool.database_pool(session=session, today=today)
    verdicts = _verdicts(session, participant_id)
    openings = pool.by_source

    def match(item: RankedItem) -> Match:
        return _match(item, openings.get(item.source), pool, verdicts.get(item.source))

    result = rank_pool(
        profile=profile,
        pool=Pool(pool.openings, pool.training, version=f"db:{pool.version}"),
        kind=filters.kind,
        audience="job_hunter",
        top=filters.top,
        wanted=lambda item: _keep(match(item), filters),  # explain only what the page shows
    )
    return MatchList([match(item) for item in result.items], list(result.notes), list(pool.sectors))


def _match(
    item: RankedItem, opening: Opening | None, pool: db_pool.DatabasePool, verdict: str | None
) -> Match:
    needs = opening.extraction.requirements if opening else None
    return Match(
        item=item,
        vacancy_id=pool.vacancy_ids.get(item.source),
        training_id=pool.training_ids.get(item.source),
        sector=opening.sector if opening else None,
        hours=(needs.hours_min, needs.hours_max) if needs else (None, None),
        salary=(needs.salary_min, needs.salary_max, needs.salary_unit)
        if needs
        else (None, None, None),
        verdict=verdict,
    )


def _verdicts(session: Session, participant_id: int) -> dict[str, str]:
    F = models.MatchFeedback
    rows = session.exec(
        select(F).where(F.participant_id == participant_id).order_by(col(F.created_at))
    ).all()
    return {row.source: row.verdict for row in rows}


def give_feedback(
    *,
    session: Session,
    actor: Actor,
    participant_id: int,
    source: str,
    verdict: str,
    reason: str = "",
) -> None:
    """Store 'good match' or 'not for her' with the reason (kept for learning later)."""
    require(actor, Permission.CASEWORK)
    person = get_participant(session=session, actor=actor, participant_id=participant_id)
    if verdict not in VERDICTS or not source or len(source) > 120:
        raise InputProblems({"verdict": "Kies goed of niet / choose good or not"})
    session.add(
        models.MatchFeedback(
            organisation_id=person.organisation_id, participant_id=participant_id,
            source=source, verdict=verdict, reason=reason.strip()[:MAX_REASON] or None,
            staff_user_id=actor.user_id,
        )
    )  # fmt: skip
    session.commit()


@dataclass(frozen=True)
class Suited:
    participant_id: int
    alias: str
    score: float
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    reasons_en: tuple[str, ...]
    warnings_en: tuple[str, ...]
    distance_km: float | None


def participants_for_vacancy(
    *, session: Session, actor: Actor, vacancy_id: int, top: int = 30, today: date | None = None
) -> tuple[models.Vacancy, list[Suited]]:
    """The job hunter's own participants this open vacancy suits, best first. Those who avoid
    its employer or place are never shown (the engine leaves them out)."""
    from jobmatch.services.matching import rank_participants_for_opening

    require(actor, Permission.CASEWORK)
    pool = db_pool.database_pool(session=session, today=today)
    source = f"vacancy-{vacancy_id}"
    opening = next((o for o in pool.openings if o.posting.source == source), None)
    vacancy = session.get(models.Vacancy, vacancy_id)
    if opening is None or vacancy is None:
        raise InputProblems({"vacancy": "Vacature niet gevonden of niet meer open / not open"})
    P = models.Participant
    people = session.exec(
        select(P).where(P.organisation_id == actor.organisation_id, col(P.archived).is_(False))
    ).all()
    ids = [p.id for p in people if p.id is not None]
    profiles = [profile_of(session=session, actor=actor, participant_id=pid) for pid in ids]
    ranked = rank_participants_for_opening(
        opening=opening, profiles=profiles, pool=pool.openings, top=top,
        sources=[str(pid) for pid in ids], audience="job_hunter",
    )  # fmt: skip
    aliases = {p.id: p.alias for p in people}
    suited = [
        Suited(int(r.source), aliases.get(int(r.source), "?"), r.score, r.reasons, r.warnings,
               r.reasons_en, r.warnings_en, r.distance_km)
        for r in ranked
    ]  # fmt: skip
    return vacancy, suited
