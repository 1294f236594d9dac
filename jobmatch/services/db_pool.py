"""The ranking pool from the database, as domain objects, built once per pool revision.

`pool_state.revision` changes in the same transaction as any vacancy, training place or
employer (jobmatch.db.pool_revision), and closing dates pass at midnight: so the version is
"revision:today". Each app process keeps the pools it built for the newest versions only;
another process builds its own from the same rows, so nothing that matters lives in memory.
A vacancy's stored extraction (`parsed`, which the coordinator may have corrected) is used as
stored; only a vacancy without one is extracted, once per text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, get_args

from sqlmodel import Session

from jobmatch.db import models, pool_revision
from jobmatch.domain.vacancies import (
    AskedCompetency,
    Extraction,
    Opening,
    Posting,
    Requirements,
    TrainingKind,
    TrainingPlace,
)
from jobmatch.services.pool import ranking_pool, training_pool

KEEP_POOLS = 2  # the newest versions; an older one is only needed by a request in flight
TRAINING_KINDS = get_args(
    TrainingKind
)  # what the engine ranks; other catalogue kinds rank as a course


@dataclass(frozen=True)
class DatabasePool:
    openings: tuple[Opening, ...]
    training: tuple[TrainingPlace, ...]
    version: str
    vacancy_ids: Mapping[str, int]  # opening source -> vacancy id
    training_ids: Mapping[str, int]  # ranked item source (file or key) -> row id

    @cached_property
    def by_source(self) -> Mapping[str, Opening]:
        """Openings by source, made once per pool (not per page: 10,000 entries)."""
        return {o.posting.source: o for o in self.openings}

    @cached_property
    def sectors(self) -> tuple[str, ...]:
        return tuple(sorted({o.sector for o in self.openings if o.sector}))


_pools: OrderedDict[str, DatabasePool] = OrderedDict()
_lock = threading.Lock()


def pool_version(*, session: Session, today: date | None = None) -> str:
    """Which database (one process may serve several, e.g. in tests), its pool revision, today."""
    database = session.get_bind().engine.url.render_as_string(hide_password=True)
    day = (today or date.today()).isoformat()
    return f"{pool_revision.current(session)}:{day}:{database}"


def database_pool(*, session: Session, today: date | None = None) -> DatabasePool:
    """The open pool (no expired or archived places), cached per version in this process."""
    day = today or date.today()
    version = pool_version(session=session, today=day)
    with _lock:
        found = _pools.get(version)
        if found is None:
            found = _build(session, day, version)
            _pools[version] = found
            while len(_pools) > KEEP_POOLS:
                _pools.popitem(last=False)
        return found


def clear() -> None:
    with _lock:
        _pools.clear()


def _build(session: Session, today: date, version: str) -> DatabasePool:
    employers = {e.id: e for e in session.exec(_all(models.Employer)).all()}
    openings, vacancy_ids = [], {}
    for row in ranking_pool(session=session, today=today):
        if row.id is None:
            raise RuntimeError("invariant broken: row.id is not None")
        opening = _opening(row, employers.get(row.employer_id) if row.employer_id else None)
        openings.append(opening)
        vacancy_ids[opening.posting.source] = row.id
    places, training_ids = [], {}
    for place in training_pool(session=session):
        if place.id is None:
            raise RuntimeError("invariant broken: place.id is not None")
        places.append(_training_place(place))
        training_ids[place.source or place.key] = place.id  # the ranked item's source
    return DatabasePool(tuple(openings), tuple(places), version, vacancy_ids, training_ids)


def _all(model: Any) -> Any:
    from sqlmodel import select

    return select(model)


def _opening(row: models.Vacancy, employer: models.Employer | None) -> Opening:
    posting = Posting(source=f"vacancy-{row.id}", title=row.title, text=row.text)
    extraction = extraction_from_json(row.parsed, posting) or _extracted(posting)
    return Opening(
        posting=posting,
        extraction=extraction,
        employer=employer.name if employer else None,
        employer_id=employer.key if employer else None,
        sector=row.sector or (employer.sector if employer else None),
        pc4=row.pc4 or (employer.pc4 if employer else None),
        open_to_gap=bool(employer and employer.open_to_gap),
    )


_extractions: dict[tuple[str, str, str], Extraction] = {}
MAX_EXTRACTIONS = 50_000


def _extracted(posting: Posting) -> Extraction:
    key = (posting.source, posting.title, posting.text)
    found = _extractions.get(key)
    if found is None:
        from jobmatch.services.extraction import extract_posting

        found = extract_posting(posting)
        if len(_extractions) >= MAX_EXTRACTIONS:
            _extractions.clear()
        _extractions[key] = found
    return found


def extraction_from_json(data: Mapping[str, Any] | None, posting: Posting) -> Extraction | None:
    """An Extraction from its stored JSON (`Extraction.to_json`); None if absent or unreadable."""
    if not data:
        return None
    try:
        asked = tuple(
            AskedCompetency(id=str(c["id"]), label=str(c.get("label", c["id"])),
                            importance="must" if c.get("importance") == "must" else "nice",
                            evidence=tuple(str(e) for e in c.get("evidence", ())))
            for c in data.get("competencies", ())
        )  # fmt: skip
        return Extraction(
            source=posting.source, title=posting.title, competencies=asked,
            requirements=_requirements(data.get("requirements") or {}),
            offers=tuple(str(o) for o in data.get("offers", ())),
            location=data.get("location") or None,
        )  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _requirements(raw: Mapping[str, Any]) -> Requirements:
    unit = raw.get("salary_unit")
    return Requirements(
        hours_min=_number(raw.get("hours_min")),
        hours_max=_number(raw.get("hours_max")),
        salary_min=_number(raw.get("salary_min")),
        salary_max=_number(raw.get("salary_max")),
        salary_unit=unit if unit in ("hour", "month", "year") else None,
        dutch_level=raw.get("dutch_level") or None,
        education_level=raw.get("education_level") or None,
        driving_licence=bool(raw.get("driving_licence")),
        certificates=tuple(str(c) for c in raw.get("certificates") or ()),
        shifts=tuple(str(s) for s in raw.get("shifts") or ()),
    )


def _training_place(row: models.TrainingPlace) -> TrainingPlace:
    return TrainingPlace(
        id=row.key, title=row.title,
        kind=row.kind if row.kind in TRAINING_KINDS else "course",  # type: ignore[arg-type]
        provider=row.provider, description=row.description, level=row.level,
        competencies_taught=tuple(row.competencies_taught), duration=row.duration,
        dutch_level=row.dutch_level, cost=row.cost, funding=row.funding,
        start_moments=tuple(row.start_dates), city=row.city, pc4=row.pc4, sector=row.sector,
        source=row.source,
    )  # fmt: skip
