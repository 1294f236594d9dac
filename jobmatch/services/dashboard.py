"""Use case: the coordinator's dashboard (figures during the year), ready for a page.

Counts are grouped in the database. Every table about participants (phases, applications,
outcomes this year) goes through the same small-cell protection as the yearly report;
vacancies and training places by sector are not about people and are shown as they are.
Each table comes with its chart (SVG, the same drawing as in the report PDF) and its CSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, or_

from jobmatch.db.models import (
    APPLICATION_STATUSES,
    PHASES,
    Application,
    Employer,
    Participant,
    TrainingPlace,
    Vacancy,
)
from jobmatch.domain.suppression import CountTable, protect
from jobmatch.domain.yearly import LEFT_TRADE, OUTCOMES, UNKNOWN
from jobmatch.services.report import TableView, table_views

ROW = "aantal"


@dataclass(frozen=True)
class Dashboard:
    tables: list[dict[str, Any]]  # report-table JSON, each with "key"
    views: list[TableView]  # lines, SVG chart and CSV per table, same order
    follow_up: list[dict[str, Any]]  # employers whose follow-up date has come

    def csv(self, key: str) -> str:
        """The CSV export of one table (by key)."""
        for view in self.views:
            if view.key == key:
                return view.csv
        raise KeyError(key)


def _grouped(session: Session, column: Any, *where: Any) -> dict[str, int]:
    query = sql_select(column, func.count()).where(*where).group_by(column)
    return {(key if key else UNKNOWN): n for key, n in session.connection().execute(query).all()}


def _protected(
    key: str, title: str, counts: dict[str, int], columns: tuple[str, ...]
) -> dict[str, Any]:
    extra = tuple(sorted(set(counts) - set(columns)))
    order = columns + extra
    table = CountTable(title, (ROW,), order, (tuple(counts.get(c, 0) for c in order),),
                       keep_apart=frozenset({UNKNOWN}))  # fmt: skip
    return {"key": key, **protect(table).to_json()}


def _plain(key: str, title: str, counts: dict[str, int]) -> dict[str, Any]:
    """A table about places, not people: published as counted."""
    columns = sorted(set(counts) - {UNKNOWN}) + ([UNKNOWN] if UNKNOWN in counts else [])
    values: list[int | str] = [counts[c] for c in columns]
    total = sum(counts.values())
    return {"key": key, "title": title, "withheld": False, "rows": [ROW],
            "columns": [*columns, "totaal"], "cells": [[*values, total]],
            "totals": [*values, total], "merged": {}}  # fmt: skip


def _org(column: Any, organisation_id: int | None) -> list[Any]:
    return [] if organisation_id is None else [column == organisation_id]


_EMPLOYER_COLUMNS: list[Any] = [
    Employer.name,
    Employer.city,
    Employer.sector,
    Employer.follow_up_on,
]


def _follow_up(session: Session, organisation_id: int | None, today: date) -> list[dict[str, Any]]:
    query = sql_select(*_EMPLOYER_COLUMNS).where(col(Employer.follow_up_on) <= today)
    if organisation_id is not None:
        query = query.where(
            or_(
                col(Employer.organisation_id) == organisation_id,
                col(Employer.organisation_id).is_(None),
            )
        )
    query = query.order_by(col(Employer.follow_up_on), col(Employer.name))
    return [
        {"name": name, "city": city, "sector": sector, "follow_up_on": when.isoformat()}
        for name, city, sector, when in session.connection().execute(query).all()
    ]


def build_dashboard(
    *, session: Session, organisation_id: int | None = None, today: date | None = None
) -> Dashboard:
    """The dashboard figures for one organisation (or all), protected where about people."""
    today = today or date.today()
    org = organisation_id
    phases = _grouped(session, Participant.phase, col(Participant.exit_date).is_(None),
                      *_org(Participant.organisation_id, org))  # fmt: skip
    statuses = _grouped(session, Application.status, *_org(Application.organisation_id, org))
    outcomes = _grouped(
        session, Participant.outcome, Participant.exit_reason == LEFT_TRADE,
        col(Participant.exit_date) >= date(today.year, 1, 1),
        col(Participant.exit_date) <= today, *_org(Participant.organisation_id, org),
    )  # fmt: skip
    outcomes = _fold_unknown(outcomes)
    vacancies = _grouped(session, Vacancy.sector, col(Vacancy.active).is_(True))
    training = _grouped(session, TrainingPlace.sector)
    tables = [
        _protected("fase", "Deelnemers per fase", phases, PHASES),
        _protected("sollicitaties", "Sollicitaties per status", statuses, APPLICATION_STATUSES),
        _protected("uitkomst", f"Uitgestroomd naar ({today.year})", outcomes, (*OUTCOMES, UNKNOWN)),
        _plain("vacatures", "Vacatures per sector", vacancies),
        _plain("opleidingen", "Opleidingsplaatsen per sector", training),
    ]
    return Dashboard(tables, table_views(tables), _follow_up(session, org, today))


def _fold_unknown(counts: dict[str, int]) -> dict[str, int]:
    """Outcome values that are not one of OUTCOMES count as "onbekend"."""
    folded: dict[str, int] = {}
    for key, n in counts.items():
        name = key if key in OUTCOMES else UNKNOWN
        folded[name] = folded.get(name, 0) + n
    return folded
