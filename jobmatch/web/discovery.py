"""The job hunter's profile steps for one participant: experiences, discovery, competencies."""

from __future__ import annotations

from flask import Blueprint
from werkzeug.wrappers import Response

from jobmatch.domain.access import Permission
from jobmatch.web import profile_steps as steps
from jobmatch.web.policy import current_actor, permission

bp = Blueprint("discovery", __name__, url_prefix="/deelnemers/<int:participant_id>")


def _flow(participant_id: int) -> steps.Flow:
    actor = current_actor()
    if actor is None:
        raise RuntimeError("invariant broken: actor is not None")
    return steps.Flow(
        blueprint="discovery",
        actor=actor,
        participant_id=participant_id,
        voice="staff",
        args={"participant_id": participant_id},
    )


@bp.route("/ervaring", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def experiences(participant_id: int) -> steps.Page:
    return steps.experiences_page(_flow(participant_id))


@bp.route("/ervaring/<int:experience_id>", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def experience(participant_id: int, experience_id: int) -> steps.Page:
    return steps.experiences_page(_flow(participant_id), experience_id)


@bp.post("/ervaring/<int:experience_id>/verwijderen")
@permission(Permission.CASEWORK)
def delete_experience(participant_id: int, experience_id: int) -> Response:
    return steps.delete_experience(_flow(participant_id), experience_id)


@bp.get("/ontdekken")
@permission(Permission.CASEWORK)
def start(participant_id: int) -> Response:
    return steps.first_open_question(_flow(participant_id))


@bp.route("/ontdekken/<int:number>", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def question(participant_id: int, number: int) -> steps.Page:
    return steps.question_page(_flow(participant_id), number)


@bp.route("/competenties", methods=["GET", "POST"])
@permission(Permission.CASEWORK)
def competencies(participant_id: int) -> steps.Page:
    return steps.competencies_page(_flow(participant_id))


@bp.get("/documenten")
@permission(Permission.CASEWORK)
def documents(participant_id: int) -> steps.Page:
    from jobmatch.web.document_steps import documents_page

    return documents_page(_flow(participant_id))


@bp.get("/documenten/download.<fmt>")
@permission(Permission.CASEWORK)
def download(participant_id: int, fmt: str) -> Response | steps.Page:
    from jobmatch.web.document_steps import download as send

    return send(_flow(participant_id), fmt)
