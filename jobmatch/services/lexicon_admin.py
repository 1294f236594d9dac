"""Use cases for the lexicon pages (permission checked here): view, edit with the checks of
`jobmatch check-data`, history (who, when, what) and one cluster file as TOML to download."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from jobmatch.datafiles.lexicon_export import competency_toml
from jobmatch.db.models import LexiconChange, StaffUser
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.domain.competencies import CLUSTERS, Competency, Lexicon
from jobmatch.domain.errors import DataFileError, JobmatchError
from jobmatch.services import lexicon_edit

EDITABLE = ("label_nl", "label_en", "definition_nl", "definition_en", *lexicon_edit.LIST_FIELDS)


class CompetencyNotFound(JobmatchError):
    """No competency with this id (pages answer 404)."""


def lexicon(*, session: Session, actor: Actor) -> Lexicon:
    require(actor, Permission.NETWORK_EDIT)
    return lexicon_edit.current_lexicon(session=session)


def competency(*, session: Session, actor: Actor, competency_id: str) -> Competency:
    found = lexicon(session=session, actor=actor)
    if competency_id not in found:
        raise CompetencyNotFound(f"Onbekende competentie / unknown competency: {competency_id}")
    return found[competency_id]


def save(
    *, session: Session, actor: Actor, competency_id: str, changes: dict[str, Any]
) -> dict[str, str]:
    """Save the edits; {field: message} for every problem (then nothing is saved)."""
    competency(session=session, actor=actor, competency_id=competency_id)
    unknown = [name for name in changes if name not in EDITABLE]
    if unknown:
        return dict.fromkeys(unknown, "onbekend veld / unknown field")
    user = session.get(StaffUser, actor.user_id) if actor.user_id else None
    try:
        lexicon_edit.save_competency(
            session=session, competency_id=competency_id, changes=changes,
            who=user.name if user else "?", staff_user_id=actor.user_id,
        )  # fmt: skip
    except DataFileError as exc:
        return {problem.field or "label_nl": problem.message for problem in exc.problems}
    return {}


def history(
    *, session: Session, actor: Actor, competency_id: str | None = None
) -> list[LexiconChange]:
    require(actor, Permission.NETWORK_EDIT)
    return lexicon_edit.lexicon_history(session=session, competency_id=competency_id)[:200]


def cluster_toml(*, session: Session, actor: Actor, cluster: str) -> str:
    """One cluster as the text of competencies/<cluster>.toml (for download)."""
    if cluster not in CLUSTERS:
        raise CompetencyNotFound(f"Onbekend cluster / unknown cluster: {cluster}")
    entries = [
        competency_toml(c) for c in lexicon(session=session, actor=actor) if c.cluster == cluster
    ]
    return "\n".join(entries)
