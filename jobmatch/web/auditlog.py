"""The admin's view of the audit log: who viewed or changed which participant, and whether the
hash chain is intact. Names are never in the log: staff by name (they are colleagues),
participants by number only."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from jobmatch.domain.access import Permission
from jobmatch.services import audit
from jobmatch.services import staff as staff_service
from jobmatch.web import database
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("auditlog", __name__, url_prefix="/logboek")
PAGE = 100


@bp.get("/")
@permission(Permission.ADMIN)
def index() -> str:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    db = database.session()
    raw_before = request.args.get("voor", "")
    raw_person = request.args.get("deelnemer", "")
    entries = audit.list_events(
        session=db,
        organisation_id=actor.organisation_id,
        participant_id=int(raw_person) if raw_person.isdigit() else None,
        limit=PAGE,
        before_id=int(raw_before) if raw_before.isdigit() else None,
    )
    staff = staff_service.staff_names(session=db, actor=actor)
    verdict = audit.verify_chain(session=db)
    return render_template(
        "auditlog/index.html", entries=entries, staff=staff, verdict=verdict,
        person=raw_person if raw_person.isdigit() else "", page=PAGE,
    )  # fmt: skip
