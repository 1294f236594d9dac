"""The job hunter's participant pages: list, search, create, edit, wishes, languages, archive.

Views are thin: a form, one service call, a redirect (post/redirect/get, so a double submit
creates nothing twice). Another organisation's id answers 404 (ParticipantNotFound).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor, Permission
from jobmatch.domain.errors import ProfileError
from jobmatch.services import accounts, pool
from jobmatch.services import participants as service
from jobmatch.web import database
from jobmatch.web.forms_participants import (
    ConsentForm,
    EmptyForm,
    LanguagesForm,
    ParticipantForm,
    WishesForm,
    language_rows,
)
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("participants", __name__, url_prefix="/deelnemers")
CONSENT_VERSION = "2026-1"


def case_actor() -> Actor:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    return actor


def load_participant(participant_id: int) -> Any:
    try:
        return service.get_participant(
            session=database.session(), actor=case_actor(), participant_id=participant_id
        )
    except service.ParticipantNotFound:
        abort(404)


@bp.get("/")
@permission(Permission.CASEWORK)
def index() -> str:
    search = request.args.get("zoek", "")[:100]
    archived = request.args.get("archief") == "1"
    rows = service.list_participants(
        session=database.session(), actor=case_actor(), search=search, archived=archived
    )
    return render_template("participants/index.html", rows=rows, search=search, archived=archived)


def _form_data(form: ParticipantForm) -> dict[str, Any]:
    data = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
    for name in ("pc4", "full_name", "contact_email", "contact_phone", "city"):
        value = (data.get(name) or "").strip()
        data[name] = value or (None if name != "city" else "")
    return data


@bp.route("/nieuw", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def create() -> Response | str | tuple[str, int]:
    form = ParticipantForm()
    created: list[int] = []

    def create_it() -> None:
        data = _form_data(form)
        created.append(
            service.create_participant(session=database.session(), actor=case_actor(), data=data)
        )

    if form.validate_on_submit() and _saved(form, create_it):
        return _show(created[0])
    status = 400 if request.method == "POST" else 200
    return render_template("participants/edit.html", form=form, participant=None), status


def _saved(form: Any, save: Callable[[], object]) -> bool:
    """Run the service call; its problems go next to the fields. True when it saved."""
    try:
        save()
    except service.InputProblems as problems:
        _attach(form, problems.fields)
        return False
    return True


def _show(participant_id: int) -> Response:
    return redirect(url_for("participants.show", participant_id=participant_id))


def _attach(form: Any, problems: dict[str, str]) -> None:
    for name, message in problems.items():
        if name in form._fields:
            form[name].errors = [*form[name].errors, message]


@bp.get("/<int:participant_id>")
@permission(Permission.CASEWORK)
def show(participant_id: int) -> str:
    row = load_participant(participant_id)
    profile = service.profile_of(
        session=database.session(), actor=case_actor(), participant_id=participant_id
    )
    return render_template(
        "participants/show.html", participant=row, profile=profile, button=EmptyForm()
    )


@bp.route("/<int:participant_id>/gegevens", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def edit(participant_id: int) -> Response | str | tuple[str, int]:
    row = load_participant(participant_id)
    form = ParticipantForm(obj=row)
    update = partial(
        service.update_participant,
        session=database.session(), actor=case_actor(), participant_id=participant_id,
    )  # fmt: skip
    if form.validate_on_submit() and _saved(form, lambda: update(data=_form_data(form))):
        return _show(participant_id)
    status = 400 if request.method == "POST" else 200
    return render_template("participants/edit.html", form=form, participant=row), status


@bp.route("/<int:participant_id>/talen", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def languages(participant_id: int) -> Response | str | tuple[str, int]:
    row = load_participant(participant_id)
    profile = service.profile_of(
        session=database.session(), actor=case_actor(), participant_id=participant_id
    )
    form = LanguagesForm()
    if request.method == "GET":
        for entry, skill in zip(form.rows.entries, profile.languages, strict=False):
            entry.form.language.data, entry.form.level.data = skill.language, skill.level
    if form.validate_on_submit():
        chosen = language_rows(form)
        if chosen is not None:
            service.replace_languages(
                session=database.session(), actor=case_actor(), participant_id=participant_id,
                languages=chosen,
            )  # fmt: skip
            return redirect(url_for("participants.show", participant_id=participant_id))
    status = 400 if request.method == "POST" else 200
    return render_template("participants/languages.html", form=form, participant=row), status


@bp.route("/<int:participant_id>/wensen", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def wishes(participant_id: int) -> Response | str | tuple[str, int]:
    from jobmatch.web.participant_wishes import fill_wishes, wishes_changes

    row = load_participant(participant_id)
    form = WishesForm()
    if request.method == "GET":
        fill_wishes(form, row.profile)
    problems: list[str] = []
    if form.validate_on_submit():
        try:
            service.update_profile_data(
                session=database.session(), actor=case_actor(), participant_id=participant_id,
                changes=wishes_changes(form, row.profile),
            )  # fmt: skip
        except ProfileError as exc:
            problems = [str(exc)]
        else:
            return redirect(url_for("participants.show", participant_id=participant_id))
    status = 400 if request.method == "POST" else 200
    sectors = pool.known_sectors(session=database.session())
    return render_template(
        "participants/wishes.html", form=form, participant=row, problems=problems,
        sectors=sectors,
    ), status  # fmt: skip


@bp.post("/<int:participant_id>/archief")
@permission(Permission.CASEWORK)
def archive(participant_id: int) -> Response:
    row = load_participant(participant_id)
    if EmptyForm().validate_on_submit():
        service.set_archived(
            session=database.session(), actor=case_actor(), participant_id=participant_id,
            archived=not row.archived,
        )  # fmt: skip
    return redirect(url_for("participants.show", participant_id=participant_id))


@bp.route("/<int:participant_id>/toestemming", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def consent(participant_id: int) -> Response | str | tuple[str, int]:
    row = load_participant(participant_id)
    form = ConsentForm()
    if form.validate_on_submit():
        from datetime import date

        from jobmatch.services import privacy

        privacy.record_consent(
            session=database.session(), participant_id=participant_id,
            organisation_id=row.organisation_id, staff_user_id=case_actor().user_id,
            given_on=date.today(), text_version=CONSENT_VERSION,
        )  # fmt: skip
        return redirect(url_for("participants.show", participant_id=participant_id))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "participants/consent.html", form=form, participant=row, version=CONSENT_VERSION
    ), status


@bp.post("/<int:participant_id>/code")
@permission(Permission.CASEWORK)
def workshop_code(participant_id: int) -> str | Response:
    row = load_participant(participant_id)
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("participants.show", participant_id=participant_id))
    issued = accounts.issue_workshop_code(
        session=database.session(), actor=case_actor(), participant=row,
        pepper=current_app.config["SECRET_KEY"],
    )  # fmt: skip
    return render_template("participants/code.html", participant=row, issued=issued)


@bp.route("/<int:participant_id>/afsluiten", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def close(participant_id: int) -> Response | str | tuple[str, int]:
    from jobmatch.web.forms_participants import ExitForm

    row = load_participant(participant_id)
    form = ExitForm(obj=row) if request.method == "GET" else ExitForm()
    record = partial(
        service.record_exit,
        session=database.session(), actor=case_actor(), participant_id=participant_id,
    )  # fmt: skip
    if form.validate_on_submit() and _saved(
        form,
        lambda: record(
            exit_date=form.exit_date.data,
            exit_reason=form.exit_reason.data,
            outcome=form.outcome.data or None,
            work_pc4=(form.work_pc4.data or "").strip(),
        ),
    ):
        return _show(participant_id)
    status = 400 if request.method == "POST" else 200
    return render_template("participants/close.html", form=form, participant=row), status
