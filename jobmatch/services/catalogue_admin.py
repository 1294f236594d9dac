"""Use cases for the training-place pages: list, paste -> preview -> save, edit (with the
actor's permission checked here; the catalogue itself is shared by the organisations)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from jobmatch.db.models import TrainingPlace
from jobmatch.domain.access import Actor, Permission, require
from jobmatch.domain.errors import JobmatchError
from jobmatch.services import training_catalogue as catalogue


class PlaceNotFound(JobmatchError):
    """No training place with this id (pages answer 404)."""


def list_places(
    *, session: Session, actor: Actor, kind: str = "", archived: bool = False
) -> list[TrainingPlace]:
    require(actor, Permission.NETWORK_VIEW)
    statement = select(TrainingPlace).where(col(TrainingPlace.archived).is_(archived))
    if kind:
        statement = statement.where(col(TrainingPlace.kind) == kind)
    return list(session.exec(statement.order_by(col(TrainingPlace.title)).limit(500)))


def get_place(*, session: Session, actor: Actor, place_id: int) -> TrainingPlace:
    require(actor, Permission.NETWORK_VIEW)
    place = session.get(TrainingPlace, place_id)
    if place is None:
        raise PlaceNotFound(f"Niet gevonden / not found: {place_id}")
    return place


def preview_place(
    *, session: Session, actor: Actor, pasted: str, provider: str
) -> catalogue.TrainingPreview:
    from jobmatch.services.lexicon_edit import current_lexicon

    require(actor, Permission.NETWORK_EDIT)
    lexicon = current_lexicon(session=session)
    return catalogue.preview_pasted_training(pasted=pasted, provider=provider, lexicon=lexicon)


def save_place(
    *, session: Session, actor: Actor, preview: catalogue.TrainingPreview, employer: str = ""
) -> int:
    """Save a (checked, edited) preview; unknown competency ids are refused."""
    from jobmatch.services.lexicon_edit import current_lexicon

    require(actor, Permission.NETWORK_EDIT)
    unknown = current_lexicon(session=session).unknown(preview.competencies_taught)
    if unknown:
        raise JobmatchError(f"Onbekende competentie / unknown competency: {', '.join(unknown)}")
    place_id = catalogue.save_training_place(session=session, preview=preview)
    if employer.strip():
        update_place(session=session, actor=actor, place_id=place_id, changes={}, employer=employer)
    return place_id


def update_place(
    *,
    session: Session,
    actor: Actor,
    place_id: int,
    changes: dict[str, Any],
    employer: str | None = None,
) -> TrainingPlace:
    """Edit a place; `employer` (a name; "" clears it) links the employer that offers it."""
    from jobmatch.services.import_store import find_or_add_employer
    from jobmatch.services.lexicon_edit import current_lexicon

    require(actor, Permission.NETWORK_EDIT)
    get_place(session=session, actor=actor, place_id=place_id)
    lexicon = current_lexicon(session=session)
    if employer is not None:
        changes = {**changes, "employer_id": find_or_add_employer(session, employer)}
    return catalogue.update_training_place(
        session=session, place_id=place_id, changes=changes, lexicon=lexicon
    )
