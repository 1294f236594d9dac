"""Who viewed or changed which participant, and when: one audit entry per successful request
to a participant's pages (the append-only hash chain of jobmatch.services.audit).

Recorded after the response is ready, in its own database session, and only for answers below
400: a refused or unknown id leaves no trace of a participant that was never shown.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.wrappers import Response

from jobmatch.services import audit
from jobmatch.web import database
from jobmatch.web.policy import current_actor

STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")


def _participant_id() -> int | None:
    actor = current_actor()
    value = (request.view_args or {}).get("participant_id")
    if value is None and actor is not None and not actor.is_staff:
        value = actor.participant_id  # her own workshop pages
    return value if isinstance(value, int) else None


def record_access(response: Response) -> Response:
    actor = current_actor()
    participant_id = _participant_id()
    if actor is None or participant_id is None or response.status_code >= 400:
        return response
    if request.endpoint == "static":
        return response
    action = "update" if request.method in STATE_CHANGING else "view"
    audit.record_page_access(
        engine=database.engine(), action=action, staff_user_id=actor.user_id,
        organisation_id=actor.organisation_id, participant_id=participant_id,
        page=request.endpoint or "", by_staff=actor.is_staff,
    )  # fmt: skip
    return response


def init_app(app: Flask) -> None:
    app.after_request(record_access)
