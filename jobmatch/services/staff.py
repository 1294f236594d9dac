"""Use cases: an admin manages the staff accounts of their own organisation.

List, create (with an initial password the admin hands over), deactivate and reactivate, and
reset the second factor. Never across organisations: a user id of another organisation is "not
found", exactly like an id that does not exist. A deactivated user's sessions end at once (the
policy gate checks `active` on every request); a reset second factor also ends their sessions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from jobmatch.db import models
from jobmatch.db.passwords import hash_password
from jobmatch.db.repositories import staff_by_email
from jobmatch.domain.access import STAFF_ROLES, Actor, Permission, require
from jobmatch.domain.errors import JobmatchError
from jobmatch.services.accounts import password_problems
from jobmatch.services.participants import InputProblems

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EMAIL_TAKEN = (
    "Dit e-mailadres kan niet gebruikt worden: er is al een account mee. "
    "/ This email address cannot be used: an account with it exists."
)


class StaffNotFound(JobmatchError):
    """No staff member with this id in the actor's organisation."""


@dataclass(frozen=True)
class StaffRow:
    id: int
    email: str
    name: str
    role: str
    case_access: bool
    active: bool
    second_factor: bool


def _row(user: models.StaffUser) -> StaffRow:
    if user.id is None:
        raise RuntimeError("invariant broken: user.id is not None")
    return StaffRow(user.id, user.email, user.name, user.role, user.case_access, user.active,
                    bool(user.totp_secret))  # fmt: skip


def list_staff(*, session: Session, actor: Actor) -> list[StaffRow]:
    """The staff of the actor's organisation, active first, then by name."""
    require(actor, Permission.ADMIN)
    query = (
        select(models.StaffUser)
        .where(models.StaffUser.organisation_id == actor.organisation_id)
        .order_by(col(models.StaffUser.active).desc(), col(models.StaffUser.name))
    )
    return [_row(user) for user in session.exec(query)]


def get_staff(*, session: Session, actor: Actor, user_id: int) -> StaffRow:
    return _row(_own(session, actor, user_id))


def _own(session: Session, actor: Actor, user_id: int) -> models.StaffUser:
    require(actor, Permission.ADMIN)
    user = session.get(models.StaffUser, user_id)
    if user is None or user.organisation_id != actor.organisation_id:
        raise StaffNotFound("Geen medewerker met dit nummer / no such staff member")
    return user


def _check_new(
    session: Session, *, email: str, name: str, role: str, password: str
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not EMAIL.match(email) or len(email) > 254:
        problems["email"] = "Vul een geldig e-mailadres in. / Enter a valid email address."
    elif staff_by_email(session, email) is not None:
        problems["email"] = EMAIL_TAKEN
    if not name.strip() or len(name) > 200:
        problems["name"] = "Vul een naam in (hoogstens 200 tekens). / Enter a name (max 200)."
    if role not in STAFF_ROLES:
        problems["role"] = "Kies een rol. / Choose a role."
    refused = password_problems(password, email=email, name=name.strip())
    if refused:
        problems["password"] = " ".join(refused)
    return problems


def create_staff(
    *,
    session: Session,
    actor: Actor,
    email: str,
    name: str,
    role: str,
    password: str,
    case_access: bool = False,
) -> StaffRow:
    """A new account in the actor's organisation; InputProblems (by field) if refused."""
    require(actor, Permission.ADMIN)
    email = email.strip().lower()
    problems = _check_new(session, email=email, name=name, role=role, password=password)
    if problems:
        raise InputProblems(problems)
    user = models.StaffUser(
        email=email, name=name.strip(), role=role, organisation_id=actor.organisation_id,
        password_hash=hash_password(password), case_access=case_access and role != "job_hunter",
    )  # fmt: skip
    session.add(user)
    try:
        session.commit()
    except IntegrityError:  # the same address added at the same moment elsewhere
        session.rollback()
        raise InputProblems({"email": EMAIL_TAKEN}) from None
    return _row(user)


def set_active(*, session: Session, actor: Actor, user_id: int, active: bool) -> StaffRow:
    """Deactivate (their sessions stop at once) or reactivate an account. Not your own."""
    user = _own(session, actor, user_id)
    if user.id == actor.user_id and not active:
        raise InputProblems(
            {"user": "Je kunt je eigen account niet uitzetten. / You cannot deactivate yourself."}
        )
    if user.active != active:
        user.active = active
        user.session_version += 1  # every session of this account ends, also after reactivation
        session.add(user)
        session.commit()
    return _row(user)


def reset_second_factor(*, session: Session, actor: Actor, user_id: int) -> StaffRow:
    """Remove the second factor and recovery codes (lost phone); their sessions end. They set
    up a new second factor after signing in with their password."""
    user = _own(session, actor, user_id)
    user.totp_secret = None
    user.recovery_codes = []
    user.session_version += 1
    session.add(user)
    session.commit()
    return _row(user)


def staff_names(*, session: Session, actor: Actor) -> dict[int, str]:
    """Names of the organisation's staff by id (the audit log shows who, by name)."""
    require(actor, Permission.ADMIN)
    S = models.StaffUser
    rows = session.exec(select(S.id, S.name).where(S.organisation_id == actor.organisation_id))
    return {int(user_id): name for user_id, name in rows.all() if user_id is not None}
