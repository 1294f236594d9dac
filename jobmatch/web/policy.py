"""Routes meet the access policy here: every endpoint names one Permission, deny by default.

`@permission(Permission.CASEWORK)` marks a view; `gate` runs before every request, loads the
actor from the server-side session (ending it on time-out, deactivation or password change) and
refuses what `jobmatch.domain.access` does not allow. A route without a permission is refused
(403) and fails the coverage test in tests/web.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from werkzeug.wrappers import Response

from jobmatch.domain.access import Actor, Permission, allowed
from jobmatch.services import accounts
from jobmatch.web import database

F = TypeVar("F", bound=Callable[..., Any])
ATTRIBUTE = "jobmatch_permission"
STAFF_IDLE, STAFF_ABSOLUTE = 30 * 60, 10 * 3600  # seconds
CODE_IDLE, CODE_ABSOLUTE = 15 * 60, 4 * 3600
BUILT_IN = {"static": Permission.PUBLIC}  # Flask's own endpoints


def permission(needed: Permission) -> Callable[[F], F]:
    """Declare the permission a view needs (checked by `gate`, listed by `endpoint_permissions`)."""

    def mark(view: F) -> F:
        setattr(view, ATTRIBUTE, needed)
        return view

    return mark


def permission_of(app: Flask, endpoint: str) -> Permission | None:
    if endpoint in BUILT_IN:
        return BUILT_IN[endpoint]
    view = app.view_functions.get(endpoint)
    return getattr(view, ATTRIBUTE, None) if view else None


def endpoint_permissions(app: Flask) -> dict[str, Permission | None]:
    return {rule.endpoint: permission_of(app, rule.endpoint) for rule in app.url_map.iter_rules()}


def current_actor() -> Actor | None:
    found: Actor | None = g.get("actor")
    return found


def sign_in(actor: Actor, *, version: int = 0) -> None:
    """Start a fresh session for `actor` (new session id, old content dropped)."""
    from jobmatch.web.sessions import rotate

    lang = session.get("hint_lang")
    pending = session.get("pending_form")
    session["rotating"] = True  # regenerate() skips an empty session
    rotate(session)
    session.clear()
    now = int(time.time())
    session["actor"] = {
        "role": actor.role,
        "org": actor.organisation_id,
        "uid": actor.user_id,
        "pid": actor.participant_id,
        "case": actor.case_access,
        "ver": version,
    }
    session["login_at"] = session["seen_at"] = now
    if lang:
        session["hint_lang"] = lang
    if pending and actor.participant_id and pending.get("pid") == actor.participant_id:
        session["pending_form"] = pending  # what she typed when her session ran out


def sign_out() -> None:
    session.clear()


def _load_actor() -> Actor | None:
    stored = session.get("actor")
    if not stored:
        return None
    now = int(time.time())
    staff = stored.get("role") != "participant"
    idle, absolute = (STAFF_IDLE, STAFF_ABSOLUTE) if staff else (CODE_IDLE, CODE_ABSOLUTE)
    if now - session.get("seen_at", 0) > idle or now - session.get("login_at", 0) > absolute:
        g.expired_actor = stored
        sign_out()
        return None
    if staff:
        user = accounts.active_staff(
            session=database.session(), user_id=stored["uid"], version=stored.get("ver", 0)
        )
        if user is None:
            sign_out()
            return None
        actor = accounts.actor_for_staff(user)
    else:
        actor = Actor(role="participant", organisation_id=stored["org"],
                      participant_id=stored["pid"])  # fmt: skip
    if now - session.get("seen_at", 0) > 60:  # write the session at most once a minute
        session["seen_at"] = now
    return actor


def gate() -> Response | None:
    """before_request: who is asking, and may they call this endpoint?"""
    endpoint = request.endpoint
    if endpoint is None:
        return None  # 404 or 405 follows
    needed = permission_of(current_app, endpoint)
    g.actor = _load_actor() if needed is not Permission.PUBLIC or "actor" in session else None
    if needed is None:
        abort(403)
    if allowed(current_actor(), needed):
        return None
    if current_actor() is None:
        if needed is Permission.PARTICIPANT_SELF and _keep_typed_form():
            return redirect(url_for("auth.code", verlopen=1, next=request.path))
        if needed is Permission.PARTICIPANT_SELF:
            return redirect(url_for("auth.code", next=_safe_next()))
        return redirect(url_for("auth.login", next=_safe_next()))
    abort(403)


def _keep_typed_form() -> bool:
    """Her session ran out while she typed: keep what she sent for after the new code."""
    expired = g.get("expired_actor")
    if request.method != "POST" or not expired or expired.get("role") != "participant":
        return False
    form = {key: request.form.getlist(key)[:50] for key in list(request.form)[:50]}
    session["pending_form"] = {"pid": expired.get("pid"), "path": request.path, "form": form}
    return True


def _safe_next() -> str | None:
    """Only same-site paths are remembered for after sign-in (no open redirect)."""
    if request.method != "GET":
        return None
    path = request.full_path if request.query_string else request.path
    return path if path.startswith("/") and not path.startswith("//") else None


def init_app(app: Flask) -> None:
    app.before_request(gate)
