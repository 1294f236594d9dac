"""The participant's own workshop, phone first: about me, languages, what I did, questions,
my competencies, my wishes, my CV. She signs in with a one-time code and sees only herself.

Every step saves when she presses the button. If her session ran out while she typed, the
policy gate keeps what she sent (`pending_form`) and this page fills it in again after she
signs in with a new code: nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor, Permission
from jobmatch.services import participants as service
from jobmatch.web import database, document_steps, profile_steps
from jobmatch.web.forms_participants import LanguagesForm, language_rows
from jobmatch.web.forms_workshop import AboutMeForm, MyWishesForm
from jobmatch.web.policy import current_actor, permission
from jobmatch.web.profile_steps import prefill as _prefill

bp = Blueprint("participant", __name__, url_prefix="/mijn")
STEPS = (
    ("participant.about", _l("Over mij")),
    ("participant.languages", _l("Mijn talen")),
    ("participant.experiences", _l("Wat ik deed")),
    ("participant.start", _l("Vragen over wat ik goed kan")),
    ("participant.competencies", _l("Wat ik goed kan")),
    ("participant.wishes", _l("Mijn wensen")),
    ("participant.documents", _l("Mijn cv en brief")),
)


def _actor() -> Actor:
    actor = current_actor()
    if actor is None or actor.participant_id is None:
        raise RuntimeError(
            "invariant broken: actor is not None and actor.participant_id is not None"
        )
    return actor


def _flow() -> profile_steps.Flow:
    actor = _actor()
    if actor.participant_id is None:
        raise RuntimeError("invariant broken: actor.participant_id is not None")
    return profile_steps.Flow(
        blueprint="participant", actor=actor, participant_id=actor.participant_id, voice="self"
    )


def _step(template: str, form: Any, status: int = 200, **context: Any) -> tuple[str, int]:
    row = service.get_participant(
        session=database.session(), actor=_actor(), participant_id=_actor().participant_id or 0
    )
    return render_template(template, form=form, participant=row, steps=STEPS, **context), status


@bp.get("/")
@permission(Permission.PARTICIPANT_SELF)
def index() -> str:
    return render_template("workshop/start.html", steps=STEPS)


@bp.route("/over-mij", methods=["GET", "POST"])
@permission(Permission.PARTICIPANT_SELF)
def about() -> Response | tuple[str, int]:
    actor = _actor()
    row = service.get_participant(
        session=database.session(), actor=actor, participant_id=actor.participant_id or 0
    )
    form = AboutMeForm(obj=row)
    _prefill(form)
    if form.validate_on_submit():
        data = {name: f.data for name, f in form._fields.items() if name != "csrf_token"}
        try:
            service.update_contact(
                session=database.session(),
                actor=actor,
                participant_id=actor.participant_id or 0,
                data=data,
            )
        except service.InputProblems as problems:
            for name, message in problems.fields.items():
                if name in form._fields:
                    form[name].errors = [*form[name].errors, message]
        else:
            return redirect(_next("participant.about"))
    return _step("workshop/about.html", form, 400 if form.errors else 200)


@bp.route("/talen", methods=["GET", "POST"])
@permission(Permission.PARTICIPANT_SELF)
def languages() -> Response | tuple[str, int]:
    actor = _actor()
    pid = actor.participant_id or 0
    form = LanguagesForm()
    if request.method == "GET":
        profile = service.profile_of(session=database.session(), actor=actor, participant_id=pid)
        for entry, skill in zip(form.rows.entries, profile.languages, strict=False):
            entry.form.language.data, entry.form.level.data = skill.language, skill.level
    _prefill(form)
    if form.validate_on_submit():
        chosen = language_rows(form)
        if chosen is not None:
            service.replace_languages(
                session=database.session(), actor=actor, participant_id=pid, languages=chosen
            )
            return redirect(_next("participant.languages"))
    return _step("workshop/languages.html", form, 400 if request.method == "POST" else 200)


@bp.route("/ervaring", methods=["GET", "POST"])
@permission(Permission.PARTICIPANT_SELF)
def experiences() -> profile_steps.Page:
    return profile_steps.experiences_page(_flow())


@bp.route("/ervaring/<int:experience_id>", methods=["GET", "POST"])
@permission(Permission.PARTICIPANT_SELF)
def experience(experience_id: int) -> profile_steps.Page:
    return profile_steps.experiences_page(_flow(), experience_id)


@bp.post("/ervaring/<int:experience_id>/verwijderen")
@permission(Permission.PARTICIPANT_SELF)
def delete_experience(experience_id: int) -> Response:
    return profile_steps.delete_experience(_flow(), experience_id)


@bp.get("/vragen")
@permission(Permission.PARTICIPANT_SELF)
def start() -> Response:
    return profile_steps.first_open_question(_flow())


@bp.route("/vragen/<int:number>", methods=["GET", "POST"])
@permission(Permission.PARTICIPANT_SELF)
def question(number: int) -> profile_steps.Page:
    return profile_steps.question_page(_flow(), number)


@bp.route("/competenties", methods=["GET", "POST"])
@permission(Permission.PARTICIPANT_SELF)
def competencies() -> profile_steps.Page:
    return profile_steps.competencies_page(_flow())


@bp.route("/wensen", methods=["GET", "POST"])
@permission(Permission.PARTICIPANT_SELF)
def wishes() -> Response | tuple[str, int]:
    actor = _actor()
    pid = actor.participant_id or 0
    row = service.get_participant(session=database.session(), actor=actor, participant_id=pid)
    prefs = dict((row.profile or {}).get("preferences") or {})
    form = MyWishesForm()
    if request.method == "GET":
        form.hours_max.data, form.max_km.data = prefs.get("hours_max"), prefs.get("max_km")
        form.avoid_shifts.data = list(prefs.get("avoid_shifts") or [])
    _prefill(form)
    if form.validate_on_submit():
        prefs.update(
            hours_max=form.hours_max.data,
            max_km=form.max_km.data,
            avoid_shifts=list(form.avoid_shifts.data or []),
        )
        prefs = {k: v for k, v in prefs.items() if v is not None}
        service.update_profile_data(
            session=database.session(),
            actor=actor,
            participant_id=pid,
            changes={"preferences": prefs},
        )
        return redirect(_next("participant.wishes"))
    return _step("workshop/wishes.html", form, 400 if request.method == "POST" else 200)


@bp.get("/cv")
@permission(Permission.PARTICIPANT_SELF)
def documents() -> profile_steps.Page:
    return document_steps.documents_page(_flow())


@bp.get("/cv/download.<fmt>")
@permission(Permission.PARTICIPANT_SELF)
def download(fmt: str) -> Response | profile_steps.Page:
    return document_steps.download(_flow(), fmt)


def _next(endpoint: str) -> str:
    from flask import url_for

    names = [name for name, _label in STEPS]
    following = names[min(names.index(endpoint) + 1, len(names) - 1)]
    return url_for(following)
