"""The start page sends each user to their own work: staff overview, or the participant's steps."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.web.i18n import HINT_LANGUAGES, LANG_COOKIE, LANGUAGES
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("home", __name__)
YEAR = 365 * 24 * 3600


@bp.get("/")
@permission(Permission.PUBLIC)
def index() -> Response | str:
    actor = current_actor()
    if actor is None:
        return redirect(url_for("auth.login"))
    if not actor.is_staff:
        target = "participant.index"
        return redirect(url_for(target)) if _has(target) else render_template("home.html")
    return render_template("home.html")


def _has(endpoint: str) -> bool:
    from flask import current_app

    return endpoint in current_app.view_functions


@bp.get("/taal")
@permission(Permission.PUBLIC)
def language() -> Response:
    """Switch the interface language (nl/en) or a participant's hint language; no data stored."""
    from flask import session

    back = request.args.get("next", "")
    back = back if back.startswith("/") and not back.startswith("//") else url_for("home.index")
    response = redirect(back)
    chosen = request.args.get("lang", "")
    if chosen in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, chosen, max_age=YEAR, httponly=True, samesite="Lax",
            secure=request.is_secure,
        )  # fmt: skip
    hint = request.args.get("hint", "")
    if hint in HINT_LANGUAGES or hint == "geen":
        if hint == "geen":
            session.pop("hint_lang", None)
        else:
            session["hint_lang"] = hint
    return response


@bp.get("/health")
@permission(Permission.PUBLIC)
def health() -> tuple[str, int]:
    return "ok", 200
