"""The Flask application factory (flaskr style): `create_app(config)`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, redirect, render_template, session, url_for
from werkzeug.wrappers import Response

from jobmatch.db.models import StaffUser
from jobmatch.web import auth, database
from jobmatch.web.config import load_config

SECURITY_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. `config` overrides JOBMATCH_* env and the instance folder defaults."""
    settings = load_config(config)
    app = Flask(__name__, instance_path=settings["INSTANCE_PATH"])
    app.config.from_mapping(settings)
    database.init_app(app)
    app.register_blueprint(auth.bp)
    app.add_url_rule("/", "home", home)
    app.after_request(_security_headers)
    return app


def home() -> Response | str:
    user_id = session.get("user_id")
    user = database.session().get(StaffUser, user_id) if user_id else None
    if user is None or not user.active:  # deactivated since signing in: signed out now
        session.clear()
        return redirect(url_for("auth.login"))
    return render_template("home.html", user=user)


def _security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
