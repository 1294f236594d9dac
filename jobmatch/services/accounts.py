"""Staff accounts and workshop codes: sign-in, passwords, second factor, participant codes.

Secrets are never stored as given: passwords as argon2id hashes, recovery and workshop codes as
keyed SHA-256 hashes (`pepper` is the app's secret key), TOTP secrets in a sensitive column.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pyotp
from sqlmodel import Session, select

from jobmatch.db import models
from jobmatch.db.passwords import hash_password, verify_password
from jobmatch.db.repositories import staff_by_email
from jobmatch.domain.access import AccessDenied, Actor, Permission, require, require_participant

PASSWORD_MIN = 12
PASSWORD_MAX = 256  # long passphrases welcome; argon2 hashes any length
RECOVERY_CODES = 10
WORKSHOP_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud easily
WORKSHOP_CODE_LENGTH = 10  # ~50 bits; sign-in attempts are rate-limited as well
WORKSHOP_CODE_HOURS = 72
TOTP_ISSUER = "jobmatch"
_COMMON = Path(__file__).with_name("data") / "common_passwords.txt"


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    lines = _COMMON.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password("not-a-real-password-for-timing")


def password_problems(password: str, *, email: str = "", name: str = "") -> list[str]:
    """Why a new password is refused (empty list: fine). Dutch, then English."""
    problems: list[str] = []
    if len(password) < PASSWORD_MIN:
        problems.append(
            f"Kies minstens {PASSWORD_MIN} tekens; een zin van een paar woorden mag. "
            f"/ Use at least {PASSWORD_MIN} characters; a short sentence is fine."
        )
    if len(password) > PASSWORD_MAX:
        problems.append(f"Hoogstens {PASSWORD_MAX} tekens. / At most {PASSWORD_MAX} characters.")
    lowered = password.strip().lower()
    personal = {
        part
        for part in (email.lower(), email.split("@", maxsplit=1)[0].lower(), name.lower())
        if part
    }
    if lowered in _common_passwords() or lowered in personal:
        problems.append(
            "Dit wachtwoord is te bekend of te makkelijk te raden. "
            "/ This password is too common or too easy to guess."
        )
    return problems


def authenticate(*, session: Session, email: str, password: str) -> models.StaffUser | None:
    """The active staff member with this email and password, else None (same work either way)."""
    user = staff_by_email(session, email) if email else None
    valid = verify_password(user.password_hash if user else _dummy_hash(), password)
    if user is None or not valid or not user.active:
        return None
    return user


def actor_for_staff(user: models.StaffUser) -> Actor:
    if user.id is None:
        raise RuntimeError("invariant broken: user.id is not None")
    return Actor(
        role=user.role,
        organisation_id=user.organisation_id,
        user_id=user.id,
        case_access=user.case_access,
    )


def active_staff(*, session: Session, user_id: int, version: int) -> models.StaffUser | None:
    """The staff member of a session, or None if deactivated or the password changed since."""
    user = session.get(models.StaffUser, user_id)
    if user is None or not user.active or user.session_version != version:
        return None
    return user


def change_password(*, session: Session, actor: Actor, current: str, new: str) -> list[str]:
    """Change the actor's password; every other session ends. Returns problems (empty: done)."""
    require(actor, Permission.STAFF)
    user = session.get(models.StaffUser, actor.user_id)
    if user is None or not verify_password(user.password_hash, current):
        return ["Het huidige wachtwoord klopt niet. / The current password is not correct."]
    problems = password_problems(new, email=user.email, name=user.name)
    if problems:
        return problems
    user.password_hash = hash_password(new)
    user.session_version += 1
    user.password_changed_at = datetime.now(UTC)
    session.add(user)
    session.commit()
    return []


# --- second factor ---------------------------------------------------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=TOTP_ISSUER)


def _keyed(value: str, pepper: str) -> str:
    normalised = value.strip().upper().replace("-", "").replace(" ", "")
    return hmac.new(pepper.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def enable_totp(
    *, session: Session, actor: Actor, secret: str, code: str, pepper: str
) -> list[str] | None:
    """Turn the second factor on if `code` fits `secret`; returns the recovery codes (once)."""
    require(actor, Permission.STAFF)
    user = session.get(models.StaffUser, actor.user_id)
    if user is None or not pyotp.TOTP(secret).verify(code.strip(), valid_window=1):
        return None
    codes = [_readable_code(10) for _ in range(RECOVERY_CODES)]
    user.totp_secret = secret
    user.recovery_codes = [_keyed(c, pepper) for c in codes]
    session.add(user)
    session.commit()
    return codes


def check_second_factor(*, session: Session, user_id: int, code: str, pepper: str) -> bool:
    """A current TOTP code, or an unused recovery code (which is used up)."""
    user = session.get(models.StaffUser, user_id)
    if user is None or not user.totp_secret:
        return False
    if pyotp.TOTP(user.totp_secret).verify(code.strip().replace(" ", ""), valid_window=1):
        return True
    keyed = _keyed(code, pepper)
    if keyed in user.recovery_codes:
        user.recovery_codes = [c for c in user.recovery_codes if c != keyed]
        session.add(user)
        session.commit()
        return True
    return False


# --- workshop codes ---------------------------------------------------------------------------


def _readable_code(length: int) -> str:
    raw = "".join(secrets.choice(WORKSHOP_CODE_ALPHABET) for _ in range(length))
    return f"{raw[: length // 2]}-{raw[length // 2 :]}"


@dataclass(frozen=True)
class IssuedCode:
    code: str  # shown once to the job hunter, never stored
    expires_at: datetime


def issue_workshop_code(
    *,
    session: Session,
    actor: Actor,
    participant: models.Participant,
    pepper: str,
    hours: int = WORKSHOP_CODE_HOURS,
) -> IssuedCode:
    """A one-time code for this participant's workshop session."""
    if participant.id is None:
        raise RuntimeError("invariant broken: participant.id is not None")
    require(actor, Permission.CASEWORK)
    require_participant(actor, participant.organisation_id, participant.id)
    code = _readable_code(WORKSHOP_CODE_LENGTH)
    expires = datetime.now(UTC) + timedelta(hours=hours)
    session.add(
        models.WorkshopCode(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            code_hash=_keyed(code, pepper),
            created_by=actor.user_id,
            expires_at=expires,
        )
    )
    session.commit()
    return IssuedCode(code=code, expires_at=expires)


def redeem_workshop_code(*, session: Session, code: str, pepper: str) -> Actor | None:
    """The participant's actor for an unused, unexpired code (the code is used up), else None."""
    found = session.exec(
        select(models.WorkshopCode).where(models.WorkshopCode.code_hash == _keyed(code, pepper))
    ).first()
    now = datetime.now(UTC)
    if found is None or found.used_at is not None or _aware(found.expires_at) <= now:
        return None
    participant = session.get(models.Participant, found.participant_id)
    if participant is None or participant.archived:
        return None
    found.used_at = now
    session.add(found)
    session.commit()
    return Actor(
        role="participant",
        organisation_id=found.organisation_id,
        participant_id=found.participant_id,
    )


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes for timezone columns: they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def staff_member(*, session: Session, actor: Actor) -> models.StaffUser:
    """The actor's own account (their account page)."""
    require(actor, Permission.STAFF)
    user = session.get(models.StaffUser, actor.user_id) if actor.user_id else None
    if user is None or user.organisation_id != actor.organisation_id:
        raise AccessDenied("Geen toegang / no access")
    return user
