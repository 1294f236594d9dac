"""The other direction: for one vacancy, the job hunter's participants it suits."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from jobmatch.domain.access import Permission
from jobmatch.services import participant_matches as service
from jobmatch.services.participants import InputProblems
from jobmatch.web import database
from jobmatch.web.i18n import select_locale
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("suits", __name__)


@bp.get("/vacatures/<int:vacancy_id>/voor-wie")
@permission(Permission.CASEWORK)
def for_vacancy(vacancy_id: int) -> str:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    try:
        vacancy, suited = service.participants_for_vacancy(
            session=database.session(), actor=actor, vacancy_id=vacancy_id
        )
    except InputProblems:
        abort(404)
    return render_template(
        "matches/for_vacancy.html", vacancy=vacancy, suited=suited,
        english=select_locale() == "en",
    )  # fmt: skip
