"""The coordinator's pages: the dashboard (figures during the year) and the yearly report.

Both show only the actor's own organisation (see services.reporting). Charts are the report's
own reportlab drawings, sent as SVG images (a data: URL on the page): no inline SVG, so the CSP
without 'unsafe-inline' holds. Every chart stands next to the table it shows.
"""

from __future__ import annotations

import base64
import csv
import io
from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor, Permission, allowed
from jobmatch.domain.errors import JobmatchError
from jobmatch.services import reporting
from jobmatch.services.report import TableView, render_report, table_views
from jobmatch.web import database
from jobmatch.web.forms_participants import EmptyForm
from jobmatch.web.forms_reports import YearForm
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("reports", __name__)
FORMATS = ("csv", "json", "pdf")
FOLLOW_UP = "opvolging"
HEADERS = {"categorie": _l("categorie"), "aantal": _l("aantal"), "totaal": _l("totaal")}


def _actor() -> Actor:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    return actor


def chart_src(view: TableView) -> str:
    """The chart as an image URL (data:), or "" for a withheld table."""
    if not view.svg:
        return ""
    encoded = base64.b64encode(view.svg.encode()).decode()
    return f"data:image/svg+xml;base64,{encoded}"


def _download(data: bytes | str, filename: str, mimetype: str) -> Response:
    body = data.encode() if isinstance(data, str) else data
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/overzicht")
@permission(Permission.REPORTS)
def dashboard() -> str:
    found = reporting.dashboard_for(session=database.session(), actor=_actor())
    return render_template(
        "reports/dashboard.html", dash=found, chart_src=chart_src, headers=HEADERS,
        today=date.today(),
    )  # fmt: skip


@bp.get("/overzicht/<key>.csv")
@permission(Permission.REPORTS)
def dashboard_csv(key: str) -> Response:
    found = reporting.dashboard_for(session=database.session(), actor=_actor())
    if key == FOLLOW_UP:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["werkgever", "plaats", "sector", "opvolgen op"])
        writer.writerows([e["name"], e["city"], e["sector"], e["follow_up_on"]]
                         for e in found.follow_up)  # fmt: skip
        return _download(out.getvalue(), f"{FOLLOW_UP}.csv", "text/csv")
    try:
        data = found.csv(key)
    except KeyError:
        abort(404)
    return _download(data, f"overzicht-{key}.csv", "text/csv")


def _year(raw: str | None, choices: list[int]) -> int:
    default = choices[1] if len(choices) > 1 else choices[0]  # last year: the one to report
    return int(raw) if raw and raw.isdigit() and int(raw) in choices else default


@bp.get("/jaarverslag")
@permission(Permission.REPORTS)
def yearly() -> str:
    choices = reporting.year_choices()
    year = _year(request.args.get("jaar"), choices)
    form = YearForm(formdata=None, jaar=year)
    form.jaar.choices = [(y, str(y)) for y in choices]
    report = reporting.report_for(session=database.session(), actor=_actor(), year=year)
    organisation = reporting.own_organisation(session=database.session(), actor=_actor())
    return render_template(
        "reports/yearly.html", form=form, year=year, report=report,
        views=table_views(report.content["tables"]), chart_src=chart_src, headers=HEADERS,
        organisation=organisation, may_publish=reporting.may_publish(year),
        link_participants=allowed(_actor(), Permission.CASEWORK),
    )  # fmt: skip


@bp.get("/jaarverslag/<int:year>/download/<fmt>")
@permission(Permission.REPORTS)
def download(year: int, fmt: str) -> Response:
    if fmt not in FORMATS:
        abort(404)
    try:
        report = reporting.report_for(session=database.session(), actor=_actor(), year=year)
    except JobmatchError:
        abort(404)
    made = render_report(report, fmt)  # type: ignore[arg-type]
    return _download(made.data, made.filename, made.mimetype)


@bp.route("/jaarverslag/<int:year>/publiceren", methods=["GET", "POST"])
@permission(Permission.REPORTS)
def publish(year: int) -> Response | str | tuple[str, int]:
    """GOV.UK "check before you send": a summary first, publishing only after confirming."""
    db = database.session()
    if year not in reporting.year_choices():
        abort(404)
    report = reporting.report_for(session=db, actor=_actor(), year=year)
    if report.frozen:
        return redirect(url_for("reports.yearly", jaar=year))
    form = EmptyForm()
    error = None
    if not reporting.may_publish(year):
        error = _("%(year)s is nog niet voorbij: publiceren kan vanaf 1 januari %(next)s.",
                  year=year, next=year + 1)  # fmt: skip
    elif request.method == "POST" and form.validate_on_submit():
        done = reporting.publish_for(session=db, actor=_actor(), year=year)
        flash(_("Het jaarverslag %(year)s is gepubliceerd. Vingerafdruk (sha256): %(sha)s",
                year=year, sha=done.sha256))  # fmt: skip
        return redirect(url_for("reports.yearly", jaar=year))
    organisation = reporting.own_organisation(session=db, actor=_actor())
    page = render_template(
        "reports/publish.html", year=year, report=report, form=form, error=error,
        organisation=organisation, views=table_views(report.content["tables"]),
    )  # fmt: skip
    return (page, 400) if error or request.method == "POST" else page
