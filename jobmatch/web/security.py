"""Response headers, CSRF protection, rate limits and error pages, for every route.

CSRF: Flask-WTF's CSRFProtect checks every POST/PUT/PATCH/DELETE (the token lives in the
server-side session). Rate limits: Flask-Limiter, counting in Redis when REDIS_URL is set (shared
by all app processes), else in this process's memory.
"""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
HSTS = "max-age=31536000; includeSubDomains"

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=False)


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.endpoint != "static":  # every page may carry personal data: never cache
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = HSTS
    return response


def _error_page(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    return render_template("error.html", code=code, csrf_failed=False), code


def _csrf_error(_error: CSRFError) -> tuple[str, int]:
    return render_template("error.html", code=400, csrf_failed=True), 400


def _rate_limited(_error: HTTPException) -> tuple[str, int]:
    return render_template("error.html", code=429, csrf_failed=False), 429


def init_app(app: Flask) -> None:
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # bound to the session, which expires
    app.config.setdefault("WTF_CSRF_SSL_STRICT", True)
    csrf.init_app(app)
    redis_url = app.config.get("REDIS_URL")
    app.config["RATELIMIT_STORAGE_URI"] = str(redis_url) if redis_url else "memory://"
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "jobmatch")
    limiter.init_app(app)
    app.after_request(add_headers)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(429, _rate_limited)
    for code in (400, 403, 404, 405, 413):
        app.register_error_handler(code, _error_page)
    app.register_error_handler(500, _server_error)
    _domain_errors(app)


def _domain_errors(app: Flask) -> None:
    """A refusal from the policy or an id that is not (or no longer) there, raised deep in a
    service, is a 403 or 404 page, never a 500 (e.g. a participant erased during her session)."""
    from jobmatch.domain.access import AccessDenied
    from jobmatch.services.participants import ParticipantNotFound
    from jobmatch.services.privacy import ParticipantNotFound as ErasedOrMissing

    def not_found(_error: Exception) -> tuple[str, int]:
        return render_template("error.html", code=404, csrf_failed=False), 404

    def denied(_error: Exception) -> tuple[str, int]:
        return render_template("error.html", code=403, csrf_failed=False), 403

    app.register_error_handler(ParticipantNotFound, not_found)
    app.register_error_handler(ErasedOrMissing, not_found)
    app.register_error_handler(AccessDenied, denied)


def _server_error(_error: Exception) -> tuple[str, int]:
    return render_template("error.html", code=500, csrf_failed=False), 500
