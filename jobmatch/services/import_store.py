"""Store checked import rows as vacancies or training places, skipping what is already there.

The natural key of an imported row is its `id` column when given, else a hash of employer,
title and text: the same file imported twice adds nothing the second time. A batch is prepared
row by row (extraction, occupation; a row that fails there is reported alone), then inserted in
one statement; if that fails, row by row, each in its own savepoint, so one bad row never takes
the others down.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, func, select

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
    found = session.exec(
        select(Employer.id).where(func.lower(Employer.name) == name.lower())
    ).first()
    if found is not None:
        return found
    values = {"key": f"{slug(name)}-{_digest(name.lower())[:8]}", "name": name[:200]}
    defaults = {"sector": "", "city": "", "open_to_gap": False, "notes": "", "size": "",
                "locations": [], "approach_notes": ""}  # fmt: skip
    statement = insert(Employer).values(**defaults, **values).returning(col(Employer.id))
    return int(session.execute(statement).scalar_one())


def vacancy_source(row: dict[str, Any]) -> str:
    if row.get("id"):
        return f"import:{row.get('employer', '')[:80]}:{row['id']}"[:300]
    return "import:" + _digest(row.get("employer", ""), row["title"], row["text"])[:48]


def training_key(row: dict[str, Any]) -> str:
    key = row.get("id") or f"{slug(row['title'])}-{_digest(row['provider'], row['title'])[:8]}"
    return str(key)[:64]


@dataclass
class RowStore:
    """Turns rows into insertable values for one job (caches employers across batches)."""

    job: ImportJob
    extract: Extract = None
    employers: dict[str, int | None] = field(default_factory=dict)

    @property
    def table(self) -> type[Vacancy] | type[TrainingPlace]:
        return TrainingPlace if self.job.kind == "training" else Vacancy

    def key(self, row: dict[str, Any]) -> str:
        return training_key(row) if self.job.kind == "training" else vacancy_source(row)

    def existing(self, session: Session, keys: list[str]) -> set[str]:
        if self.job.kind == "training":
            found = session.exec(select(TrainingPlace.key).where(col(TrainingPlace.key).in_(keys)))
        else:
            found = session.exec(select(Vacancy.source).where(col(Vacancy.source).in_(keys)))
        return set(found)

    def employer(self, session: Session, name: str) -> int | None:
        lowered = name.strip().lower()
        if lowered not in self.employers:
            self.employers[lowered] = find_or_add_employer(session, name)
        return self.employers[lowered]

    def values(self, session: Session, row: dict[str, Any]) -> dict[str, Any]:
        """The column values of one row (runs extraction and the occupation suggestion)."""
        if self.job.kind == "training":
            return _training_values(row, self.key(row))
        source = self.key(row)
        uri, group = best_occupation(row["title"], row["text"])
        posting = Posting(source=source, title=row["title"], text=row["text"])
        closing = row.get("closing_date")
        return {
            "source": source, "title": row["title"], "text": row["text"],
            "sector": row.get("sector") or None, "pc4": row.get("pc4"),
            "employer_id": self.employer(session, row.get("employer", "")),
            "parsed": self.extract(posting) if self.extract else None,
            "content_hash": hashlib.sha256(row["text"].encode("utf-8")).hexdigest(),
            "closing_date": date.fromisoformat(closing) if closing else None,
            "import_job_id": self.job.id, "occupation_uri": uri, "isco_group": group,
            "active": True, "archived": False,
        }  # fmt: skip

    def insert(self, session: Session, values: list[dict[str, Any]]) -> None:
        if values:
            session.execute(insert(self.table), values)


def _training_values(row: dict[str, Any], key: str) -> dict[str, Any]:
    uri, group = best_occupation(row["title"], row.get("description", ""))
    return {
        "key": key, "title": row["title"], "kind": row["kind"], "provider": row["provider"],
        "description": row.get("description", ""), "level": row.get("level", ""),
        "duration": row.get("duration", ""), "dutch_level": row.get("dutch_level"),
        "cost": "", "funding": "", "city": row.get("city", ""), "pc4": row.get("pc4"),
        "sector": row.get("sector") or None,
        "competencies_taught": list(row.get("competencies_taught", [])), "start_dates": [],
        "source": "import", "occupation_uri": uri, "isco_group": group, "archived": False,
    }  # fmt: skip
