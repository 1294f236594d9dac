"""Server-side sessions (Flask-Session): in the database by default, in Redis when configured.

The cookie holds only a random session id. Logging out deletes the stored session, so a cookie
copied before logout is worthless after it; a password change raises the account's
`session_version`, which ends every other session of that account (checked per request in
`jobmatch.web.policy`). Idle and absolute time-outs are checked there too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from flask_session import Session as FlaskSession
from flask_session.base import ServerSideSession, ServerSideSessionInterface

from jobmatch.services import web_sessions as store
from jobmatch.web import database

ABSOLUTE_LIMIT = timedelta(hours=10)  # the longest any session lives (staff); codes: 4 h
CLEANUP_EVERY = 200  # on average every N requests, expired sessions are deleted


class DatabaseSessionInterface(ServerSideSessionInterface):
    """Flask-Session's server-side interface, stored in jobmatch's own database table."""

    ttl = False

    def __init__(self, app: Flask) -> None:
        super().__init__(
            app,
            key_prefix="s:",
            use_signer=False,
            permanent=False,
            sid_length=32,
            serialization_format="msgpack",
            cleanup_n_requests=CLEANUP_EVERY,
        )

    def _retrieve_session_data(self, store_id: str) -> dict[str, Any] | None:
        data = store.load(database.engine(), store_id)
        if data is None:
            return None
        decoded: dict[str, Any] = self.serializer.decode(data)
        return decoded

    def _delete_session(self, store_id: str) -> None:
        store.remove(database.engine(), store_id)

    def _upsert_session(
        self, session_lifetime: timedelta, session: ServerSideSession, store_id: str
    ) -> None:
        expiry = datetime.now(UTC) + session_lifetime
        store.save(database.engine(), store_id, self.serializer.encode(session), expiry)

    def _delete_expired_sessions(self) -> None:
        store.remove_expired(database.engine())


def init_app(app: Flask) -> None:
    """Choose the store: Redis when REDIS_URL is set, else the database."""
    app.config.setdefault("PERMANENT_SESSION_LIFETIME", ABSOLUTE_LIMIT)
    app.config["SESSION_PERMANENT"] = False  # a browser-session cookie; expiry kept server-side
    redis_url = app.config.get("REDIS_URL")
    if redis_url:
        from redis import Redis

        app.config.update(
            SESSION_TYPE="redis",
            SESSION_REDIS=Redis.from_url(str(redis_url)),
            SESSION_KEY_PREFIX="jobmatch:session:",
            SESSION_ID_LENGTH=32,
            SESSION_SERIALIZATION_FORMAT="msgpack",
        )
        FlaskSession(app)
    else:
        app.session_interface = DatabaseSessionInterface(app)


def rotate(session: Any) -> None:
    """A new session id (at sign-in), so an id known before sign-in is useless after it."""
    from flask import current_app

    current_app.session_interface.regenerate(session)  # type: ignore[attr-defined]
