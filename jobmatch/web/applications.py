"""Applications board (per participant and for the organisation) and the follow-up list."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor, Permission
from jobmatch.services import applications as service
from jobmatch.services import pool
from jobmatch.services.participants import InputProblems, ParticipantNotFound, get_participant
from jobmatch.web import database
from jobmatch.web.forms_participants import EmptyForm
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("applications", __name__)
STATUS_LABELS = {
    "voorgesteld": _l("Voorgesteld"),
    "gesolliciteerd": _l("Gesolliciteerd"),
    "gesprek": _l("Gesprek"),
    "aangenomen": _l("Aangenomen"),
    "afgewezen": _l("Afgewezen"),
    "teruggetrokken": _l("Teruggetrokken"),
}


def _actor() -> Actor:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    return actor


def _targets() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    db = database.session()
    return pool.vacancy_choices(session=db), pool.training_choices(session=db)


@bp.get("/sollicitaties")
@permission(Permission.CASEWORK)
def board() -> str:
    columns = service.board(session=database.session(), actor=_actor())
    return render_template(
        "applications/board.html",
        columns=columns,
        labels=STATUS_LABELS,
        participant=None,
        button=EmptyForm(),
    )


@bp.route("/deelnemers/<int:participant_id>/sollicitaties", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def participant(participant_id: int) -> Response | str | tuple[str, int]:
    db = database.session()
    try:
        person = get_participant(session=db, actor=_actor(), participant_id=participant_id)
    except ParticipantNotFound:
        abort(404)
    problems: list[str] = []
    if request.method == "POST" and EmptyForm().validate_on_submit():
        target = request.form.get("target", "")
        kind, _sep, number = target.partition(":")
        try:
            service.add_application(
                session=db,
                actor=_actor(),
                participant_id=participant_id,
                vacancy_id=int(number) if kind == "v" and number.isdigit() else None,
                training_place_id=int(number) if kind == "t" and number.isdigit() else None,
                note=request.form.get("note", "")[:2000],
            )
        except InputProblems as exc:
            problems = list(exc.fields.values())
        else:
            return redirect(url_for("applications.participant", participant_id=participant_id))
    columns = service.board(session=db, actor=_actor(), participant_id=participant_id)
    vacancies, places = _targets()
    return render_template(
        "applications/board.html",
        columns=columns,
        labels=STATUS_LABELS,
        participant=person,
        vacancies=vacancies,
        places=places,
        problems=problems,
        button=EmptyForm(),
    ), 400 if problems else 200


@bp.post("/sollicitaties/<int:application_id>/stap")
@permission(Permission.CASEWORK)
def move(application_id: int) -> Response:
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        service.move_application(
            session=database.session(),
            actor=_actor(),
            application_id=application_id,
            status=request.form.get("status", ""),
            note=request.form.get("note", "")[:2000],
        )
    except InputProblems:
        abort(404)
    back = request.form.get("back", "")
    if not back.startswith("/") or back.startswith("//"):
        back = url_for("applications.board")
    return redirect(back)


@bp.get("/deze-week")
@permission(Permission.CASEWORK)
def follow_up() -> str:
    found = service.follow_up(session=database.session(), actor=_actor())
    return render_template("applications/follow_up.html", found=found, labels=STATUS_LABELS)
