"""The audit hash chain: each entry's hash covers its fields and the previous entry's hash.

Standard library only. Changing, inserting or deleting an entry in the middle breaks every later
link; `verify` names the first entry that does not fit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class Link:
    """The fields of one audit entry that the chain protects."""

    id: int
    at: datetime
    organisation_id: int | None
    staff_user_id: int | None
    action: str
    participant_ref: str | None
    detail: Mapping[str, Any]
    prev_hash: str
    hash: str


def utc_text(moment: datetime) -> str:
    """One spelling for a moment on every database (SQLite returns it without a time zone)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def link_hash(
    *,
    prev_hash: str,
    at: datetime,
    organisation_id: int | None,
    staff_user_id: int | None,
    action: str,
    participant_ref: str | None,
    detail: Mapping[str, Any],
) -> str:
    payload = {
        "prev": prev_hash,
        "at": utc_text(at),
        "org": organisation_id,
        "staff": staff_user_id,
        "action": action,
        "ref": participant_ref,
        "detail": dict(detail),
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class Verdict:
    checked: int
    broken_at: int | None  # id of the first entry that does not fit, None when intact
    reason: str
    head: str  # hash of the last entry (note it somewhere else to detect a cut-off tail)

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(links: Iterable[Link]) -> Verdict:
    """Walk the chain in id order; stop at the first broken link."""
    previous = GENESIS
    checked = 0
    for link in links:
        if link.prev_hash != previous:
            return Verdict(checked, link.id, "previous hash does not match", previous)
        expected = link_hash(
            prev_hash=link.prev_hash,
            at=link.at,
            organisation_id=link.organisation_id,
            staff_user_id=link.staff_user_id,
            action=link.action,
            participant_ref=link.participant_ref,
            detail=link.detail,
        )
        if expected != link.hash:
            return Verdict(checked, link.id, "content does not match its hash", previous)
        previous = link.hash
        checked += 1
    return Verdict(checked, None, "", previous)
