"""The admin's staff pages: list, create, deactivate/reactivate, reset the second factor.

Only the admin's own organisation; another organisation's user id answers 404 (services.staff).
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor, Permission
from jobmatch.services import staff as service
from jobmatch.services.participants import InputProblems
from jobmatch.web import database
from jobmatch.web.forms_participants import EmptyForm
from jobmatch.web.forms_reports import ROLE_LABELS, StaffForm
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("admin", __name__, url_prefix="/beheer")


def _actor() -> Actor:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    return actor


@bp.get("/medewerkers")
@permission(Permission.ADMIN)
def staff() -> str:
    people = service.list_staff(session=database.session(), actor=_actor())
    return render_template(
        "admin/staff.html", people=people, roles=ROLE_LABELS, button=EmptyForm(), me=_actor()
    )


@bp.route("/medewerkers/nieuw", methods=["GET", "POST"])
@permission(Permission.ADMIN)
def create() -> Response | str | tuple[str, int]:
    form = StaffForm()
    if form.validate_on_submit():
        try:
            made = service.create_staff(
                session=database.session(), actor=_actor(), email=form.email.data,
                name=form.name.data, role=form.role.data, password=form.password.data,
                case_access=bool(form.case_access.data),
            )  # fmt: skip
        except InputProblems as exc:
            for name, message in exc.fields.items():
                if name in form:
                    form[name].errors = [*form[name].errors, message]
        else:
            flash(_("Account gemaakt voor %(name)s. Geef het eerste wachtwoord persoonlijk door.",
                    name=made.name))  # fmt: skip
            return redirect(url_for("admin.staff"))
    form.password.data = ""  # a password is never sent back to the browser
    page = render_template("admin/create.html", form=form)
    return (page, 400) if request.method == "POST" else page


@bp.post("/medewerkers/<int:user_id>/actief")
@permission(Permission.ADMIN)
def activate(user_id: int) -> Response:
    wanted = request.form.get("active")
    if not EmptyForm().validate_on_submit() or wanted not in ("0", "1"):
        abort(400)
    try:
        changed = service.set_active(
            session=database.session(), actor=_actor(), user_id=user_id, active=wanted == "1"
        )
    except service.StaffNotFound:
        abort(404)
    except InputProblems as exc:
        flash(" ".join(exc.fields.values()))
        return redirect(url_for("admin.staff"))
    message = (
        _("%(name)s kan weer inloggen.")
        if changed.active
        else _("%(name)s kan niet meer inloggen; open sessies zijn beëindigd.")
    )
    flash(message % {"name": changed.name})
    return redirect(url_for("admin.staff"))


@bp.route("/medewerkers/<int:user_id>/tweede-stap", methods=["GET", "POST"])
@permission(Permission.ADMIN)
def reset_second_factor(user_id: int) -> Response | str:
    """A confirmation page first; the reset itself is the POST."""
    db = database.session()
    try:
        person = service.get_staff(session=db, actor=_actor(), user_id=user_id)
    except service.StaffNotFound:
        abort(404)
    form = EmptyForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        service.reset_second_factor(session=db, actor=_actor(), user_id=user_id)
        flash(_("De tweede stap van %(name)s is gewist. Bij de volgende keer inloggen stelt "
                "%(name)s een nieuwe in.", name=person.name))  # fmt: skip
        return redirect(url_for("admin.staff"))
    return render_template("admin/reset.html", person=person, form=form)
