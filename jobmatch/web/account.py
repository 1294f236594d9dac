"""A staff member's own account: password change and the second factor (TOTP)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, redirect, render_template, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.services import accounts
from jobmatch.web import database
from jobmatch.web.forms_auth import PasswordChangeForm, TotpForm
from jobmatch.web.policy import current_actor, permission, sign_out

bp = Blueprint("account", __name__, url_prefix="/account")


def _me() -> Any:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: the gate lets only signed-in staff here")
    return accounts.staff_member(session=database.session(), actor=actor)


@bp.get("/")
@permission(Permission.STAFF)
def overview() -> str:
    return render_template(
        "account/overview.html", user=_me(), form=PasswordChangeForm(), problems=[]
    )


@bp.post("/password")
@permission(Permission.STAFF)
def change_password() -> Response | tuple[str, int]:
    form = PasswordChangeForm()
    problems: list[str] = []
    if form.validate_on_submit():
        problems = accounts.change_password(
            session=database.session(), actor=current_actor(),  # type: ignore[arg-type]
            current=form.current.data, new=form.new.data,
        )  # fmt: skip
        if not problems:
            sign_out()  # every session of this account has ended, this one too
            return redirect(url_for("auth.login", gewijzigd=1))
    user = _me()
    page = render_template("account/overview.html", user=user, form=form, problems=problems)
    return page, 400


@bp.route("/second-factor", methods=["GET", "POST"])
@permission(Permission.STAFF)
def second_factor() -> Response | str | tuple[str, int]:
    user = _me()
    form = TotpForm()
    secret = session.get("totp_setup") or accounts.new_totp_secret()
    session["totp_setup"] = secret
    if form.validate_on_submit():
        codes = accounts.enable_totp(
            session=database.session(), actor=current_actor(),  # type: ignore[arg-type]
            secret=secret, code=form.code.data, pepper=current_app.config["SECRET_KEY"],
        )  # fmt: skip
        if codes is not None:
            session.pop("totp_setup", None)
            return render_template("account/recovery_codes.html", codes=codes)
        form.code.errors.append(_("Deze code klopt niet. Probeer de nieuwste code uit je app."))
    status = 400 if form.errors else 200
    uri = accounts.totp_uri(secret, user.email)
    return render_template(
        "account/second_factor.html", form=form, secret=secret, uri=uri, user=user
    ), status
