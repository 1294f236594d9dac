"""Signing in and out: staff (password, then the second factor if set) and participants (code).

Failed sign-ins are limited per account and per address (Flask-Limiter; shared through Redis
when configured). Unknown accounts get the same answer, and the same argon2 work, as a wrong
password.
"""

from __future__ import annotations

import hashlib
import time

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.services import accounts
from jobmatch.web import database
from jobmatch.web.forms_auth import LoginForm, SecondFactorForm, WorkshopCodeForm
from jobmatch.web.policy import current_actor, permission, sign_in, sign_out
from jobmatch.web.security import limiter

bp = Blueprint("auth", __name__, url_prefix="/auth")
ACCOUNT_LIMIT = "10 per 15 minutes"  # failed attempts per account, then back off
ADDRESS_LIMIT = "30 per 15 minutes"  # failed attempts per address
PENDING_SECONDS = 300  # time to type the second-factor code


def _account_key() -> str:
    email = request.form.get("email", "").strip().lower()
    return "account:" + hashlib.sha256(email.encode()).hexdigest()[:32]


def _failed(response: Response) -> bool:
    return response.status_code in (400, 401)


def _next_target() -> str:
    target = request.args.get("next", "")
    return (
        target if target.startswith("/") and not target.startswith("//") else url_for("home.index")
    )


@bp.route("/login", methods=["GET", "POST"])
@permission(Permission.PUBLIC)
@limiter.limit(ACCOUNT_LIMIT, key_func=_account_key, methods=["POST"], deduct_when=_failed)
@limiter.limit(ADDRESS_LIMIT, methods=["POST"], deduct_when=_failed)
def login() -> Response | str | tuple[str, int]:
    form = LoginForm()
    if not form.validate_on_submit():
        status = 400 if request.method == "POST" else 200
        return render_template("auth/login.html", form=form, error=None), status
    user = accounts.authenticate(
        session=database.session(), email=form.email.data.strip().lower(),
        password=form.password.data,
    )  # fmt: skip
    if user is None:
        error = _("E-mailadres of wachtwoord klopt niet.")
        return render_template("auth/login.html", form=form, error=error), 401
    if user.totp_secret:
        sign_out()
        session["pending"] = {"uid": user.id, "ver": user.session_version, "at": int(time.time())}
        return redirect(url_for("auth.second_factor", next=request.args.get("next")))
    sign_in(accounts.actor_for_staff(user), version=user.session_version)
    return redirect(_next_target())


@bp.route("/second-factor", methods=["GET", "POST"])
@permission(Permission.PUBLIC)
@limiter.limit("10 per 15 minutes", methods=["POST"], deduct_when=_failed)
def second_factor() -> Response | str | tuple[str, int]:
    pending = session.get("pending")
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        sign_out()
        return redirect(url_for("auth.login"))
    form = SecondFactorForm()
    if not form.validate_on_submit():
        return render_template("auth/second_factor.html", form=form, error=None)
    db = database.session()
    ok = accounts.check_second_factor(
        session=db, user_id=pending["uid"], code=form.code.data,
        pepper=current_app.config["SECRET_KEY"],
    )  # fmt: skip
    user = accounts.active_staff(session=db, user_id=pending["uid"], version=pending["ver"])
    if not ok or user is None:
        error = _("Deze code klopt niet. Probeer de nieuwste code uit je app.")
        return render_template("auth/second_factor.html", form=form, error=error), 401
    sign_in(accounts.actor_for_staff(user), version=user.session_version)
    return redirect(_next_target())


@bp.route("/code", methods=["GET", "POST"])
@permission(Permission.PUBLIC)
@limiter.limit("20 per 15 minutes", methods=["POST"], deduct_when=_failed)
def code() -> Response | str | tuple[str, int]:
    form = WorkshopCodeForm()
    expired = bool(request.args.get("verlopen"))
    if not form.validate_on_submit():
        status = 400 if request.method == "POST" else 200
        return render_template("auth/code.html", form=form, error=None, expired=expired), status
    actor = accounts.redeem_workshop_code(
        session=database.session(), code=form.code.data, pepper=current_app.config["SECRET_KEY"]
    )
    if actor is None:
        error = _("Deze code werkt niet (meer). Vraag je begeleider om een nieuwe code.")
        return render_template("auth/code.html", form=form, error=error, expired=False), 401
    sign_in(actor)
    return redirect(_next_target())


@bp.post("/logout")
@permission(Permission.PUBLIC)
def logout() -> Response:
    was_participant = (actor := current_actor()) is not None and not actor.is_staff
    sign_out()
    return redirect(url_for("auth.code" if was_participant else "auth.login", uit=1))
