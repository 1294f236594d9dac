"""One engine per app, one session per request (closed at teardown; views never commit)."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy import Engine
from sqlmodel import Session

from jobmatch.db.engine import make_engine

ENGINE_KEY = "jobmatch.engine"


def init_app(app: Flask) -> None:
    app.extensions[ENGINE_KEY] = make_engine(app.config["DATABASE_URL"])
    app.teardown_appcontext(_close_session)


def engine() -> Engine:
    found: Engine = current_app.extensions[ENGINE_KEY]
    return found


def session() -> Session:
    if "db_session" not in g:
        g.db_session = Session(engine())
    found: Session = g.db_session
    return found


def _close_session(_error: BaseException | None = None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()
