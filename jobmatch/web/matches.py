"""Matches for one participant (the job hunter's view): ranked openings and training places
with reasons, what is missing and the route to it, filters, and feedback."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor, Permission
from jobmatch.services import participant_matches as service
from jobmatch.services.participants import InputProblems, ParticipantNotFound, get_participant
from jobmatch.web import database
from jobmatch.web.forms_participants import EmptyForm
from jobmatch.web.i18n import select_locale
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("matches", __name__, url_prefix="/deelnemers/<int:participant_id>")


def _actor() -> Actor:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    return actor


def _number(name: str) -> float | None:
    raw = request.args.get(name, "").strip()
    try:
        value = float(raw) if raw else None
    except ValueError:
        return None
    return value if value is not None and 0 <= value <= 1000 else None


def _filters() -> service.MatchFilters:
    kind = request.args.get("soort", "all")
    return service.MatchFilters(
        kind=kind if kind in ("vacancy", "training", "all") else "all",  # type: ignore[arg-type]
        sector=request.args.get("sector", "")[:100],
        max_km=_number("km"),
        hours_max=_number("uren"),
    )


@bp.get("/matches")
@permission(Permission.CASEWORK)
def index(participant_id: int) -> str:
    db = database.session()
    try:
        person = get_participant(session=db, actor=_actor(), participant_id=participant_id)
    except ParticipantNotFound:
        abort(404)
    filters = _filters()
    found = service.matches_for(
        session=db, actor=_actor(), participant_id=participant_id, filters=filters
    )
    return render_template(
        "matches/index.html",
        participant=person,
        found=found,
        filters=filters,
        english=select_locale() == "en",
        button=EmptyForm(),
    )


@bp.post("/matches/oordeel")
@permission(Permission.CASEWORK)
def feedback(participant_id: int) -> Response:
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        service.give_feedback(
            session=database.session(),
            actor=_actor(),
            participant_id=participant_id,
            source=request.form.get("source", ""),
            verdict=request.form.get("verdict", ""),
            reason=request.form.get("reason", ""),
        )
    except ParticipantNotFound:
        abort(404)
    except InputProblems:
        abort(400)
    return redirect(url_for("matches.index", participant_id=participant_id) + "#resultaten")
