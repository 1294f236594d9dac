"""Use cases: build the anonymised yearly report, publish (freeze) it, render it.

A published report is stored as canonical JSON with its sha256 and never built again: both
`build_yearly_report` and `publish_report` return the stored version for that year and scope.
The list of data problems (participant ids, never names) is for the coordinator only and is
not part of the published JSON.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import select as sql_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from jobmatch.datafiles.geo import load_pc4_index
from jobmatch.db.models import Organisation, Participant, PublishedReport, utcnow
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.suppression import MIN_COUNT, SMALL_LABEL, protect
from jobmatch.domain.yearly import DataProblem, Facts, in_programme, yearly_tables

ALL = "alle"
FIRST_YEAR, LAST_YEAR = 1990, 2100
Format = Literal["csv", "json", "pdf"]


@dataclass(frozen=True)
class YearlyReport:
    content: dict[str, Any]  # the anonymised report, exactly what is published
    problems: tuple[DataProblem, ...] = ()
    sha256: str | None = None  # set once published
    published_at: datetime | None = None

    @property
    def frozen(self) -> bool:
        return self.sha256 is not None


def canonical_json(content: dict[str, Any]) -> bytes:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise JobmatchError(
            f"Jaar {year} kan niet: kies {FIRST_YEAR}–{LAST_YEAR} / year must be "
            f"{FIRST_YEAR}–{LAST_YEAR}"
        )


def _organisations(session: Session, organisation_id: int | None) -> list[Organisation]:
    query = select(Organisation).order_by(col(Organisation.name))
    if organisation_id is not None:
        query = query.where(Organisation.id == organisation_id)
    found = list(session.exec(query))
    if organisation_id is not None and not found:
        raise JobmatchError(
            f"Organisatie {organisation_id} bestaat niet / organisation does not exist"
        )
    return found


def organisation_by_slug(*, session: Session, slug: str) -> int:
    """The id of an organisation, or a clear error naming the known slugs."""
    found = session.exec(select(Organisation).where(Organisation.slug == slug)).first()
    if found is None or found.id is None:
        known = ", ".join(o.slug for o in session.exec(select(Organisation))) or "-"
        raise JobmatchError(f"Onbekende organisatie / unknown organisation: {slug} ({known})")
    return found.id


def load_facts(*, session: Session, organisation_id: int | None = None) -> list[Facts]:
    """One Facts per participant: dates, reason, outcome, birth year, municipalities, phase."""
    columns: list[Any] = [
        Participant.id, Organisation.name, Participant.entry_date, Participant.exit_date,
        Participant.exit_reason, Participant.outcome, Participant.birth_year,
        Participant.pc4, Participant.work_pc4, Participant.phase,
    ]  # fmt: skip
    query = sql_select(*columns).join(
        Organisation, col(Organisation.id) == Participant.organisation_id
    )
    if organisation_id is not None:
        query = query.where(col(Participant.organisation_id) == organisation_id)
    places = load_pc4_index().postcodes
    rows = session.connection().execute(query).all()

    def municipality(pc4: str | None) -> str | None:
        point = places.get((pc4 or "").strip())
        return point.municipality if point else None

    return [
        Facts(pid or 0, org, entry, exit_, reason, outcome, born, municipality(pc4),
              municipality(work), phase)
        for pid, org, entry, exit_, reason, outcome, born, pc4, work, phase in rows
    ]  # fmt: skip


def shown_count(value: int) -> int | str:
    return SMALL_LABEL if 0 < value < MIN_COUNT else value


def _scope(organisations: list[Organisation], organisation_id: int | None) -> str:
    return organisations[0].slug if organisation_id is not None else ALL


def _stored(session: Session, year: int, scope: str) -> YearlyReport | None:
    query = select(PublishedReport).where(
        PublishedReport.year == year, PublishedReport.scope == scope
    )
    row = session.exec(query).first()
    if row is None:
        return None
    return YearlyReport(json.loads(row.content), (), row.sha256, row.published_at)


def compute_report(
    facts: list[Facts], year: int, organisations: list[str], title: str, scope: str
) -> YearlyReport:
    """The anonymised report from facts (no database: used by the service and the bench)."""
    tables, problems, not_counted = yearly_tables(facts, year, organisations)
    content: dict[str, Any] = {
        "title": title,
        "year": year,
        "scope": scope,
        "min_count": MIN_COUNT,
        "not_counted": shown_count(not_counted),
        "tables": [{"key": key, **protect(table).to_json()} for key, table in tables],
    }
    if not any(in_programme(f, year) for f in facts):
        content["note"] = f"Geen gegevens over {year} / no data for {year}"
    return YearlyReport(content, tuple(problems))


def build_yearly_report(
    *, session: Session, year: int, organisation_id: int | None = None
) -> YearlyReport:
    """The report for one calendar year: the stored version if it was published, else new."""
    _check_year(year)
    organisations = _organisations(session, organisation_id)
    scope = _scope(organisations, organisation_id)
    stored = _stored(session, year, scope)
    if stored is not None:
        return stored
    title = f"Jaarrapportage {year}"
    if organisation_id is not None:
        title += f" — {organisations[0].name}"
    facts = load_facts(session=session, organisation_id=organisation_id)
    return compute_report(facts, year, [o.name for o in organisations], title, scope)


def publish_report(
    *, session: Session, year: int, organisation_id: int | None = None, today: date | None = None
) -> YearlyReport:
    """Freeze the report for a finished year (stored with its sha256); idempotent."""
    if year >= (today or date.today()).year:
        raise JobmatchError(
            f"{year} is nog niet voorbij: publiceren kan vanaf 1 januari {year + 1} / "
            f"the year is not over yet"
        )
    report = build_yearly_report(session=session, year=year, organisation_id=organisation_id)
    if report.frozen:
        return report
    data = canonical_json(report.content)
    row = PublishedReport(
        year=year, scope=report.content["scope"], organisation_id=organisation_id,
        content=data.decode(), sha256=hashlib.sha256(data).hexdigest(), published_at=utcnow(),
    )  # fmt: skip
    session.add(row)
    try:
        session.commit()
    except IntegrityError:  # published at the same moment elsewhere: keep that one
        session.rollback()
        return build_yearly_report(session=session, year=year, organisation_id=organisation_id)
    return YearlyReport(report.content, report.problems, row.sha256, row.published_at)


@dataclass(frozen=True)
class ReportFile:
    filename: str
    mimetype: str
    data: bytes


MIMETYPES = {"csv": "text/csv", "json": "application/json", "pdf": "application/pdf"}


def render_report(report: YearlyReport, fmt: Format) -> ReportFile:
    """The report as a CSV, JSON or PDF file (the JSON is the canonical published form)."""
    content = report.content
    if fmt == "json":
        published = {**content, "sha256": report.sha256} if report.frozen else content
        data = json.dumps(published, ensure_ascii=False, indent=2, sort_keys=True).encode()
    elif fmt == "csv":
        from jobmatch.documents.report_tables import report_csv

        data = report_csv(content).encode()
    else:
        from jobmatch.documents.report_pdf import render_report_pdf

        data = render_report_pdf(content)
    name = f"jaarrapportage-{content['year']}-{content['scope']}.{fmt}"
    return ReportFile(name, MIMETYPES[fmt], data)


@dataclass(frozen=True)
class TableView:
    """Everything a page needs to show one table: lines, the chart as SVG, the CSV."""

    key: str
    title: str
    withheld: bool
    rows: list[list[str]]
    svg: str
    csv: str
    merged: dict[str, list[str]]


def table_views(tables: list[dict[str, Any]]) -> list[TableView]:
    from jobmatch.documents.charts import chart_svg
    from jobmatch.documents.report_tables import display_rows, table_csv

    return [
        TableView(t["key"], t["title"], t["withheld"], display_rows(t),
                  "" if t["withheld"] else chart_svg(t), table_csv(t), t.get("merged", {}))
        for t in tables
    ]  # fmt: skip
