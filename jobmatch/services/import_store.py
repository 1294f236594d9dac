"""Store one checked import row as a vacancy or training place, unless it is already there.

The natural key of an imported row is its `id` column when given, else a hash of employer,
title and text: the same file imported twice adds nothing the second time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlmodel import Session, func, select

from jobmatch.db.models import Employer, ImportJob, TrainingPlace, Vacancy
from jobmatch.domain.vacancies import Posting
from jobmatch.services.occupations import best_occupation

Extract = Callable[[Posting], dict[str, Any] | None] | None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "werkgever"


def find_or_add_employer(session: Session, name: str) -> int | None:
    """The employer with this name (case-insensitive), added when new; None for no name."""
    name = name.strip()
    if not name:
        return None
    found = session.exec(select(Employer).where(func.lower(Employer.name) == name.lower())).first()
    if found is not None:
        return found.id
    key = f"{slug(name)}-{_digest(name.lower())[:8]}"
    employer = Employer(key=key, name=name[:200])
    session.add(employer)
    session.flush()
    return employer.id


def vacancy_source(row: dict[str, Any]) -> str:
    if row.get("id"):
        return f"import:{row.get('employer', '')[:80]}:{row['id']}"[:300]
    return "import:" + _digest(row.get("employer", ""), row["title"], row["text"])[:48]


def _store_vacancy(session: Session, job: ImportJob, row: dict[str, Any], extract: Extract) -> bool:
    source = vacancy_source(row)
    if session.exec(select(Vacancy.id).where(Vacancy.source == source)).first() is not None:
        return False
    posting = Posting(source=source, title=row["title"], text=row["text"])
    closing = row.get("closing_date")
    uri, group = best_occupation(row["title"], row["text"])
    session.add(
        Vacancy(
            source=source,
            title=row["title"],
            text=row["text"],
            sector=row.get("sector") or None,
            pc4=row.get("pc4"),
            employer_id=find_or_add_employer(session, row.get("employer", "")),
            parsed=extract(posting) if extract else None,
            content_hash=hashlib.sha256(row["text"].encode("utf-8")).hexdigest(),
            closing_date=date.fromisoformat(closing) if closing else None,
            import_job_id=job.id,
            occupation_uri=uri,
            isco_group=group,
        )
    )
    session.flush()
    return True


def _store_training(session: Session, row: dict[str, Any]) -> bool:
    key = row.get("id") or f"{slug(row['title'])}-{_digest(row['provider'], row['title'])[:8]}"
    if session.exec(select(TrainingPlace.id).where(TrainingPlace.key == key)).first() is not None:
        return False
    uri, group = best_occupation(row["title"], row.get("description", ""))
    session.add(
        TrainingPlace(
            key=key[:64],
            title=row["title"],
            kind=row["kind"],
            provider=row["provider"],
            description=row.get("description", ""),
            level=row.get("level", ""),
            duration=row.get("duration", ""),
            dutch_level=row.get("dutch_level"),
            city=row.get("city", ""),
            pc4=row.get("pc4"),
            sector=row.get("sector") or None,
            competencies_taught=list(row.get("competencies_taught", [])),
            source="import",
            occupation_uri=uri,
            isco_group=group,
        )
    )
    session.flush()
    return True


def store_row(session: Session, job: ImportJob, row: dict[str, Any], extract: Extract) -> bool:
    """True when the row was added, False when it was already there."""
    if job.kind == "training":
        return _store_training(session, row)
    return _store_vacancy(session, job, row, extract)
