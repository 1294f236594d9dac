"""Encryption at rest of `SensitiveText` columns, invisible to repositories and services.

Mapper events seal a row's sensitive columns just before its INSERT/UPDATE and put the plain
text back afterwards; `load`/`refresh` open them. The key of a row is its participant's data key:
`Participant.key_id` names it, child rows find it through `participant_id`. Unwrapped keys are
cached per session (`session.info`), never per process. Limits: bulk `update()`/`insert()`
statements and column-only selects bypass the ORM and see ciphertext (see docs/security.md).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.orm import Mapper, Session, object_session
from sqlalchemy.orm.attributes import set_committed_value

from jobmatch.security import keys

KEYRING = "jobmatch.keyring"  # session.info entry: key_id -> data key
KEY_IDS = "jobmatch.key_ids"  # session.info entry: participant id -> key_id
_PLAIN = "jobmatch.plain"  # InstanceState.info entry: plain values during a flush


def sensitive_columns(model: type[Any]) -> dict[str, bool]:
    """Column name -> True for sealed JSON, False for sealed text."""
    from jobmatch.db.models import SensitiveJSON, SensitiveText

    return {
        column.name: isinstance(column.type, SensitiveJSON)
        for column in model.__table__.columns
        if isinstance(column.type, SensitiveText | SensitiveJSON)
    }


def _now() -> datetime:
    return datetime.now(UTC)


def new_key_id() -> str:
    return uuid.uuid4().hex


def forget_keys(session: Session) -> None:
    """Drop the unwrapped keys and key ids cached in this session (after an erasure)."""
    session.info.pop(KEYRING, None)
    session.info.pop(KEY_IDS, None)


def _keyring(session: Session | None) -> dict[str, bytes]:
    if session is None:
        return {}
    ring: dict[str, bytes] = session.info.setdefault(KEYRING, {})
    return ring


def _key_ids(session: Session | None) -> dict[int, str]:
    return session.info.setdefault(KEY_IDS, {}) if session is not None else {}


def participant_key_id(connection: Connection, participant_id: int, cache: dict[int, str]) -> str:
    """The participant's key id; a participant stored before keys existed gets one now."""
    if participant_id in cache:
        return cache[participant_id]
    query = text("SELECT key_id FROM participant WHERE id = :id")
    found = connection.execute(query, {"id": participant_id}).scalar()
    if not found:
        connection.execute(
            text("UPDATE participant SET key_id = :key WHERE id = :id AND key_id IS NULL"),
            {"key": new_key_id(), "id": participant_id},
        )
        found = connection.execute(query, {"id": participant_id}).scalar()
    if not found:
        raise keys.CryptoKeyError("Rij zonder deelnemer / row without a participant")
    cache[participant_id] = str(found)
    return str(found)


def _key_id_of(target: Any, connection: Connection, session: Session | None) -> str:
    if hasattr(target, "key_id"):
        if target.key_id is None:  # new, or stored before keys existed
            known = target.id is not None
            cache = _key_ids(session)
            target.key_id = (
                participant_key_id(connection, target.id, cache) if known else new_key_id()
            )
        return str(target.key_id)
    return participant_key_id(connection, target.participant_id, _key_ids(session))


def data_key(connection: Connection, ring: dict[str, bytes], key_id: str, *, create: bool) -> bytes:
    """The unwrapped key `key_id`; created (and stored wrapped) when missing and `create`."""
    if key_id in ring:
        return ring[key_id]
    wrapped = connection.execute(
        text("SELECT wrapped FROM data_key WHERE id = :id"), {"id": key_id}
    ).scalar()
    if wrapped is None:
        if not create:
            raise keys.CryptoKeyError(
                "Sleutel van deze deelnemer bestaat niet meer / this participant's key is gone"
            )
        key = keys.new_data_key()
        connection.execute(
            text("INSERT INTO data_key (id, wrapped, created_at) VALUES (:id, :wrapped, :at)"),
            {"id": key_id, "wrapped": keys.wrap(keys.master_key(), key, key_id), "at": _now()},
        )
    else:
        key = keys.unwrap(keys.master_key(), str(wrapped), key_id)
    ring[key_id] = key
    return key


def _before_write(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    session = object_session(target)
    if hasattr(target, "key_id") and target.key_id is None:
        _key_id_of(target, connection, session)  # every participant gets a key id
    state = inspect(target)
    columns = sensitive_columns(mapper.class_)
    plain = {
        name: state.dict[name]
        for name, is_json in columns.items()
        if name in state.dict and (isinstance(state.dict[name], str) or is_json)
    }
    if not plain:
        return
    key_id = _key_id_of(target, connection, session)
    key = data_key(connection, _keyring(session), key_id, create=True)
    table = str(mapper.class_.__tablename__)
    for name, value in plain.items():
        content = json.dumps(value, ensure_ascii=False) if columns[name] else value
        setattr(target, name, keys.seal(key, content, f"{table}.{name}"))
    state.info[_PLAIN] = plain


def _after_write(_mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    state = inspect(target)
    for name, value in state.info.pop(_PLAIN, {}).items():
        set_committed_value(target, name, value)


def _open_row(target: Any, context: Any, _attrs: Iterable[str] | None = None) -> None:
    state = inspect(target)
    columns = sensitive_columns(type(target))
    sealed = {
        name: value
        for name in columns
        if isinstance(value := state.dict.get(name), str) and keys.is_sealed(value)
    }
    if not sealed:
        return
    session: Session = context.session
    connection = session.connection()
    key_id = _key_id_of(target, connection, session)
    key = data_key(connection, _keyring(session), key_id, create=False)
    table = str(type(target).__tablename__)
    for name, value in sealed.items():
        content = keys.open_sealed(key, value, f"{table}.{name}")
        set_committed_value(target, name, json.loads(content) if columns[name] else content)


def register(models: Iterable[type[Any]]) -> None:
    """Seal and open the SensitiveText columns of these table models."""
    for model in models:
        if not sensitive_columns(model) or event.contains(model, "load", _open_row):
            continue
        event.listen(model, "before_insert", _before_write)
        event.listen(model, "before_update", _before_write)
        event.listen(model, "after_insert", _after_write)
        event.listen(model, "after_update", _after_write)
        event.listen(model, "load", _open_row)
        event.listen(model, "refresh", _open_row)
