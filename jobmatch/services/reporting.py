"""Use cases behind the coordinator's pages: the dashboard and the yearly report, for an actor.

The figures themselves are built by `services.dashboard` and `services.report`; this module
decides what an actor may see. Scope rule (docs/report.md, "Who sees which scope"): a
coordinator or admin sees and publishes the report of **their own organisation only**. The total
of all organisations (scope "alle", which has one row per organisation) is never shown on a page:
it is made with `jobmatch report` by whoever runs the installation. So no page shows one
organisation the figures of another, not even anonymised ones.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from jobmatch.db.models import Organisation
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.services.dashboard import Dashboard, build_dashboard
from jobmatch.services.report import (
    FIRST_YEAR,
    YearlyReport,
    build_yearly_report,
    publish_report,
)


def dashboard_for(*, session: Session, actor: Actor, today: date | None = None) -> Dashboard:
    """The dashboard of the actor's organisation."""
    require(actor, Permission.REPORTS)
    return build_dashboard(session=session, organisation_id=actor.organisation_id, today=today)


def report_for(*, session: Session, actor: Actor, year: int) -> YearlyReport:
    """The yearly report of the actor's organisation (the stored one if it was published)."""
    require(actor, Permission.REPORTS)
    return build_yearly_report(session=session, year=year, organisation_id=actor.organisation_id)


def publish_for(
    *, session: Session, actor: Actor, year: int, today: date | None = None
) -> YearlyReport:
    """Freeze the report of the actor's organisation for a finished year (idempotent)."""
    require(actor, Permission.REPORTS)
    return publish_report(
        session=session, year=year, organisation_id=actor.organisation_id, today=today
    )


def year_choices(today: date | None = None, back: int = 10) -> list[int]:
    """The years offered on the page: this year and the `back` years before it, newest first."""
    this_year = (today or date.today()).year
    return [y for y in range(this_year, this_year - back - 1, -1) if y >= FIRST_YEAR]


def may_publish(year: int, today: date | None = None) -> bool:
    """Only a year that is over can be published."""
    return year < (today or date.today()).year


def own_organisation(*, session: Session, actor: Actor) -> Organisation:
    """The actor's organisation (its name heads the report pages)."""
    require(actor, Permission.REPORTS)
    found = session.get(Organisation, actor.organisation_id)
    if found is None:
        raise RuntimeError("an actor's organisation always exists")
    return found
