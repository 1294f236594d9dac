"""GDPR use cases: record consent, export everything about a participant, erase a participant.

Export (art. 15/20): one zip with `participant.json` (every row about the person, decrypted) and
the documents the caller passes in. Erasure (art. 17): the participant, their experiences,
competencies, languages, applications, consent records and their data key are deleted; audit
entries stay, pseudonymised (participant_id set to NULL, the random `participant_ref` kept);
SQLite's WAL is checkpointed so deleted pages do not linger in it.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, text, update
from sqlmodel import Session, SQLModel, col, select

from jobmatch.db import models
from jobmatch.db.sealing import forget_keys
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.audit import append_event

EXPORT_FORMAT = "jobmatch-export-1"
CHILD_TABLES: tuple[type[Any], ...] = (
    models.Experience,
    models.ParticipantCompetency,
    models.LanguageSkill,
    models.Application,
    models.ConsentRecord,
    models.MatchFeedback,
    models.WorkshopCode,
)


class ParticipantNotFound(JobmatchError):
    """No such participant in this organisation."""


@dataclass(frozen=True)
class ErasureResult:
    participant_ref: str | None
    rows_deleted: int
    audit_entries_pseudonymised: int
    wal_checkpointed: bool


def _participant(session: Session, participant_id: int, organisation_id: int) -> models.Participant:
    person = session.get(models.Participant, participant_id)
    if person is None or person.organisation_id != organisation_id:
        raise ParticipantNotFound(
            "Deze deelnemer bestaat niet (meer) / this participant does not exist (any more)"
        )
    return person


def record_consent(
    *,
    session: Session,
    participant_id: int,
    organisation_id: int,
    staff_user_id: int | None,
    given_on: date,
    text_version: str,
) -> int:
    """Store that the participant agreed to version `text_version` of the consent text."""
    version = text_version.strip()
    if not version or len(version) > 20:
        raise JobmatchError("Versie van de tekst ontbreekt / consent text version missing (≤ 20)")
    person = _participant(session, participant_id, organisation_id)
    row = models.ConsentRecord(
        organisation_id=organisation_id,
        participant_id=participant_id,
        given_on=given_on,
        text_version=version,
        recorded_by=staff_user_id,
    )
    session.add(row)
    person.consent_date, person.consent_version = given_on, version
    session.add(person)
    append_event(session, action="consent", staff_user_id=staff_user_id,
                 organisation_id=organisation_id, participant_id=participant_id,
                 detail={"text_version": version})  # fmt: skip
    session.commit()
    return int(row.id or 0)


def _plain(row: SQLModel, *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    data = row.model_dump(mode="json")
    return {key: value for key, value in data.items() if key not in drop}


def participant_data(session: Session, person: models.Participant) -> dict[str, Any]:
    """Everything stored about one participant, as JSON-ready data."""
    data: dict[str, Any] = {"format": EXPORT_FORMAT}
    data["participant"] = _plain(person, drop=("key_id",))
    for table in CHILD_TABLES:
        rows = session.exec(select(table).where(table.participant_id == person.id))
        data[str(table.__tablename__)] = [_plain(row) for row in rows]
    events = session.exec(
        select(models.AuditEvent)
        .where(models.AuditEvent.participant_id == person.id)
        .order_by(col(models.AuditEvent.id))
    )
    data["audit_event"] = [_plain(e, drop=("prev_hash", "hash", "participant_ref")) for e in events]
    return data


def export_participant(
    *,
    session: Session,
    participant_id: int,
    organisation_id: int,
    staff_user_id: int | None,
    documents: Mapping[str, bytes] | None = None,
) -> bytes:
    """The zip a participant receives: participant.json plus documents/<name>."""
    person = _participant(session, participant_id, organisation_id)
    append_event(session, action="export", staff_user_id=staff_user_id,
                 organisation_id=organisation_id, participant_id=participant_id)  # fmt: skip
    data = participant_data(session, person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("participant.json", json.dumps(data, ensure_ascii=False, indent=2))
        for name, content in sorted((documents or {}).items()):
            safe = name.replace("\\", "/").rsplit("/", 1)[-1] or "document"
            archive.writestr(f"documents/{safe}", content)
    session.commit()
    return buffer.getvalue()


ERASED_KEYS_FILE = "erased_keys"  # instance folder: key ids (random, not personal) erased so far


def remember_erasure(instance: Path, key_id: str) -> None:
    """Note the erased key id so a later restore of an older backup erases the person again."""
    with (instance / ERASED_KEYS_FILE).open("a", encoding="ascii") as handle:
        handle.write(key_id + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def reapply_erasures(*, session: Session, instance: Path) -> int:
    """After a restore: erase again everyone erased since (their key ids are in the list)."""
    path = instance / ERASED_KEYS_FILE
    erased = set(path.read_text(encoding="ascii").split()) if path.is_file() else set()
    found = 0
    for key_id in sorted(erased):
        person = session.exec(select(models.Participant).where(models.Participant.key_id == key_id))
        row = person.first()
        if row is not None and row.id is not None:
            erase_participant(session=session, participant_id=row.id,
                              organisation_id=row.organisation_id, staff_user_id=None)  # fmt: skip
            found += 1
        session.exec(delete(models.DataKey).where(col(models.DataKey.id) == key_id))
    session.commit()
    return found


def erase_participant(
    *,
    session: Session,
    participant_id: int,
    organisation_id: int,
    staff_user_id: int | None,
    instance: Path | None = None,
) -> ErasureResult:
    """Delete the participant and all their rows and key; keep the audit chain, pseudonymised.

    With `instance`, the key id is also noted there (see `reapply_erasures`).
    """
    person = _participant(session, participant_id, organisation_id)
    ref = person.key_id
    if instance is not None and ref:
        remember_erasure(instance, ref)
    append_event(session, action="erase", staff_user_id=staff_user_id,
                 organisation_id=organisation_id, participant_id=participant_id)  # fmt: skip
    deleted = 0
    for table in CHILD_TABLES:
        result = session.exec(delete(table).where(table.participant_id == participant_id))
        deleted += int(result.rowcount or 0)
    session.delete(person)
    session.flush()
    if ref:
        session.exec(delete(models.DataKey).where(col(models.DataKey.id) == ref))
    moved = session.exec(
        update(models.AuditEvent)
        .where(col(models.AuditEvent.participant_id) == participant_id)
        .values(participant_id=None)
    )
    session.commit()
    session.expunge_all()
    forget_keys(session)
    return ErasureResult(ref, deleted + 1, int(moved.rowcount or 0), checkpoint_wal(session))


def checkpoint_wal(session: Session) -> bool:
    """SQLite: copy the WAL into the database file and truncate it (True when complete)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    busy = session.exec(text("PRAGMA wal_checkpoint(TRUNCATE)")).first()  # type: ignore[call-overload]
    session.commit()
    return bool(busy is not None and busy[0] == 0)
