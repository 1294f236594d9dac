"""Minimal sign-in: a plain Dutch/English form, argon2id verify, the user id in the session.

CSRF, rate limiting, server-side sessions and roles come with the web-app issue.
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from jobmatch.db.passwords import hash_password, verify_password
from jobmatch.db.repositories import staff_by_email
from jobmatch.web import database

bp = Blueprint("auth", __name__, url_prefix="/auth")
_DUMMY_HASH: list[str] = []  # verified against for unknown emails, so timing does not tell


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password("not-a-real-password"))
    return _DUMMY_HASH[0]


@bp.get("/login")
def login() -> str:
    return render_template("auth/login.html", error=None, email="")


@bp.post("/login")
def login_submit() -> Response | tuple[str, int]:
    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    user = staff_by_email(database.session(), email) if email else None
    valid = verify_password(user.password_hash if user else _dummy_hash(), password)
    if user is None or not valid or not user.active:
        error = "E-mail of wachtwoord klopt niet / email or password is not correct."
        return render_template("auth/login.html", error=error, email=email), 401
    session.clear()
    session["user_id"] = user.id
    return redirect(url_for("home"))


@bp.post("/logout")
def logout() -> Response:
    session.clear()
    return redirect(url_for("auth.login"))
