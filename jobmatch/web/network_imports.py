"""Import pages: upload -> dry-run preview -> start (a Huey job) -> progress -> summary.

Uploads are limited by MAX_CONTENT_LENGTH (5 MB, one limit for every web upload; Flask answers
413 with the "file too large" page). Bigger files go through `jobmatch import` on the server.
The progress page polls with htmx every 2 s; without JavaScript a "Vernieuwen" link reloads it.
"""

from __future__ import annotations

from pathlib import Path

from flask import Response as FlaskResponse
from flask import abort, current_app, redirect, render_template, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.services import background
from jobmatch.services import import_web as service
from jobmatch.services.imports import ImportFileError, csv_template
from jobmatch.web import database
from jobmatch.web.forms_network import UploadForm
from jobmatch.web.forms_participants import EmptyForm
from jobmatch.web.network_common import actor
from jobmatch.web.policy import permission

Page = str | tuple[str, int] | Response
TEMPLATES = {"vacatures": "vacancies", "opleidingen": "training"}


def _page(form: UploadForm, status: int = 200) -> tuple[str, int]:
    jobs = service.recent_imports(session=database.session(), actor=actor())
    return render_template("network/imports.html", form=form, jobs=jobs), status


@permission(Permission.NETWORK_EDIT)
def imports() -> Page:
    return _page(UploadForm())


@permission(Permission.NETWORK_EDIT)
def upload() -> Page:
    form = UploadForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    raw = form.upload.data.read()
    try:
        job = service.stage_import(
            session=database.session(), actor=actor(), kind=form.kind.data,
            filename=form.upload.data.filename or "upload", raw=raw,
        )  # fmt: skip
    except ImportFileError as exc:
        form.upload.errors = [str(exc)]
        return _page(form, 400)
    return redirect(url_for("network.import_job", job_id=job.id))


def _status(job_id: int) -> dict[str, object]:
    try:
        return service.import_status(session=database.session(), actor=actor(), job_id=job_id)
    except service.ImportNotFound:
        abort(404)


@permission(Permission.NETWORK_EDIT)
def import_job(job_id: int) -> str:
    job = _status(job_id)
    return render_template("network/import_job.html", job=job, button=EmptyForm())


@permission(Permission.NETWORK_EDIT)
def import_progress(job_id: int) -> str:
    """The progress block alone (htmx swaps it in; it stops polling once the job ended)."""
    return render_template("network/import_progress.html", job=_status(job_id))


def _enqueue(job_id: int) -> None:
    redis_url = str(current_app.config.get("REDIS_URL") or "")
    huey = background.queue_for(Path(current_app.instance_path), redis_url)
    background.enqueue_import(huey, job_id)


@permission(Permission.NETWORK_EDIT)
def import_start(job_id: int) -> Response:
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        service.start_import(
            session=database.session(), actor=actor(), job_id=job_id, enqueue=_enqueue
        )
    except service.ImportNotFound:
        abort(404)
    return redirect(url_for("network.import_job", job_id=job_id))


@permission(Permission.NETWORK_VIEW)
def import_template(kind: str) -> FlaskResponse:
    if kind not in TEMPLATES:
        abort(404)
    response = FlaskResponse(csv_template(TEMPLATES[kind]), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="sjabloon-{kind}.csv"'
    return response
