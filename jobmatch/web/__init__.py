"""The Flask application factory (flaskr style): `create_app(config)`.

Order matters: database, then server-side sessions, then the policy gate (which reads the
session), then CSRF, rate limits and headers, then the blueprints. Every blueprint's views carry
a permission (jobmatch.web.policy); a view without one is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from jobmatch.web import (
    account,
    audit_trail,
    auth,
    database,
    home,
    i18n,
    menu,
    policy,
    security,
    sessions,
)
from jobmatch.web.config import load_config

BLUEPRINTS = (home.bp, auth.bp, account.bp)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. `config` overrides JOBMATCH_* env and the instance folder defaults."""
    settings = load_config(config)
    app = Flask(__name__, instance_path=settings["INSTANCE_PATH"])
    app.config.from_mapping(settings)
    _cookie_settings(app)
    if _truthy(app.config.get("BEHIND_PROXY")):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
    _secrets_and_logs(app)
    database.init_app(app)
    sessions.init_app(app)
    policy.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    menu.init_app(app)
    audit_trail.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    for blueprint in _feature_blueprints():
        app.register_blueprint(blueprint)
    return app


def _secrets_and_logs(app: Flask) -> None:
    """The master key from the instance folder (unless JOBMATCH_MASTER_KEY is set), and a log
    filter that keeps personal data out of every log line."""
    from pathlib import Path

    from jobmatch.security import keys, logsafety

    keys.use_instance(Path(app.instance_path))
    logsafety.install()


def _feature_blueprints() -> tuple[Any, ...]:
    """The areas (participants, workshop, network, reports, admin), each a module of its own."""
    from jobmatch.web import (
        admin,
        applications,
        auditlog,
        discovery,
        lexicon,
        matches,
        network,
        participant,
        participants,
        privacy_pages,
        reports,
        suits,
    )

    return (
        participants.bp,
        discovery.bp,
        participant.bp,
        applications.bp,
        matches.bp,
        suits.bp,
        auditlog.bp,
        reports.bp,
        admin.bp,
        privacy_pages.bp,
        network.bp,
        lexicon.bp,
    )


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "ja", "on")


def _cookie_settings(app: Flask) -> None:
    """Secure, HttpOnly, SameSite=Lax; `__Host-` prefixed when served over HTTPS (production)."""
    https = _truthy(app.config.get("HTTPS"))
    app.config["SESSION_COOKIE_SECURE"] = https
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_NAME"] = "__Host-jobmatch" if https else "jobmatch_session"
    app.config["SESSION_COOKIE_PATH"] = "/"
    app.config["SESSION_COOKIE_DOMAIN"] = None  # host-only cookie
    app.config["PREFERRED_URL_SCHEME"] = "https" if https else "http"
