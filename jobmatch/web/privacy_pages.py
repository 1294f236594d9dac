"""Her rights in the job hunter's pages (GDPR): see everything we keep (a zip with her data and
her current CV), and erase it all after the job hunter types her name to confirm."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.web import database
from jobmatch.web.forms_participants import EmptyForm
from jobmatch.web.participants import case_actor, load_participant
from jobmatch.web.policy import permission

bp = Blueprint("privacy", __name__, url_prefix="/deelnemers/<int:participant_id>")


@bp.get("/privacy")
@permission(Permission.CASEWORK)
def page(participant_id: int) -> str:
    row = load_participant(participant_id)
    return render_template(
        "participants/privacy.html", participant=row, button=EmptyForm(), confirm_error=False
    )


@bp.post("/export")
@permission(Permission.CASEWORK)
def export(participant_id: int) -> Response:
    from flask import Response as FlaskResponse

    from jobmatch.services import privacy

    row = load_participant(participant_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    data = privacy.export_participant(
        session=database.session(), participant_id=participant_id,
        organisation_id=row.organisation_id, staff_user_id=case_actor().user_id,
        documents=_current_documents(participant_id),
    )  # fmt: skip
    response = FlaskResponse(data, mimetype="application/zip")
    response.headers["Content-Disposition"] = 'attachment; filename="gegevens.zip"'
    return response


def _current_documents(participant_id: int) -> dict[str, bytes]:
    """Her CV as the job hunter would download it now (left out if the guard stops it)."""
    from jobmatch.domain.errors import JobmatchError
    from jobmatch.services import participant_documents as docs

    try:
        cv = docs.render(
            session=database.session(), actor=case_actor(), participant_id=participant_id,
            choice=docs.DocumentChoice(), fmt="pdf",
        )  # fmt: skip
    except JobmatchError:
        return {}
    return {cv.filename: cv.data}


@bp.post("/wissen")
@permission(Permission.CASEWORK)
def erase(participant_id: int) -> Response | tuple[str, int]:
    from pathlib import Path

    from jobmatch.services import privacy

    row = load_participant(participant_id)
    confirmed = request.form.get("bevestig", "").strip().casefold() == row.alias.casefold()
    if not EmptyForm().validate_on_submit() or not confirmed:
        page = render_template(
            "participants/privacy.html", participant=row, button=EmptyForm(), confirm_error=True
        )
        return page, 400
    privacy.erase_participant(
        session=database.session(), participant_id=participant_id,
        organisation_id=row.organisation_id, staff_user_id=case_actor().user_id,
        instance=Path(current_app.instance_path),
    )  # fmt: skip
    return redirect(url_for("participants.index", gewist=1))
