"""The access policy: who may do what, decided in this one module (standard library only).

Every web route names one `Permission` (see `jobmatch.web.policy`); services call `require` and
`same_organisation` before they touch participant data, and every query on participant data is
filtered by the actor's organisation in the repositories. Deny is the default: a permission that
is not listed for a role is refused.

Roles (DESIGN.md §1, security issue):
- job_hunter: the participants of their own organisation (case work), the network read-only.
- coordinator: the employer network, vacancies, training places, lexicon, reports and aggregates;
  case notes only when the account also has case access (`case_access`).
- admin: staff accounts and the audit log of their organisation, and what a coordinator may.
- participant: signed in with a workshop code; only their own profile and documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jobmatch.domain.errors import JobmatchError


class Permission(StrEnum):
    PUBLIC = "public"  # login, language choice, static files, health
    STAFF = "staff"  # any signed-in staff member: home, own account, second factor
    CASEWORK = "casework"  # participants, discovery, matches, applications, their documents
    NETWORK_VIEW = "network_view"  # employers, vacancies, training places (read)
    NETWORK_EDIT = "network_edit"  # the same, changing them; imports; the lexicon
    REPORTS = "reports"  # yearly report and dashboard (aggregates only)
    ADMIN = "admin"  # staff accounts, audit log
    PARTICIPANT_SELF = "participant_self"  # a participant's own profile (workshop code)


STAFF_ROLES = ("job_hunter", "coordinator", "admin")

_ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "job_hunter": frozenset({Permission.STAFF, Permission.CASEWORK, Permission.NETWORK_VIEW}),
    "coordinator": frozenset(
        {Permission.STAFF, Permission.NETWORK_VIEW, Permission.NETWORK_EDIT, Permission.REPORTS}
    ),
    "admin": frozenset(
        {
            Permission.STAFF,
            Permission.NETWORK_VIEW,
            Permission.NETWORK_EDIT,
            Permission.REPORTS,
            Permission.ADMIN,
        }
    ),
    "participant": frozenset({Permission.PARTICIPANT_SELF}),
}


class AccessDenied(JobmatchError):
    """The actor may not do this. Pages answer 403, or 404 where existence must not show."""


@dataclass(frozen=True)
class Actor:
    """Who is asking: a staff member or a participant signed in with a workshop code."""

    role: str
    organisation_id: int
    user_id: int | None = None  # staff
    participant_id: int | None = None  # participant
    case_access: bool = False  # a coordinator/admin who also works as job hunter

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def permissions(self) -> frozenset[Permission]:
        granted = _ROLE_PERMISSIONS.get(self.role, frozenset())
        if self.case_access and self.is_staff:
            granted = granted | {Permission.CASEWORK}
        return granted | {Permission.PUBLIC}


def allowed(actor: Actor | None, permission: Permission) -> bool:
    """True if `actor` (None: an anonymous visitor) holds `permission`."""
    if permission is Permission.PUBLIC:
        return True
    return actor is not None and permission in actor.permissions


def require(actor: Actor | None, permission: Permission) -> Actor:
    """The actor, or AccessDenied. Services call this first."""
    if actor is None or not allowed(actor, permission):
        raise AccessDenied("Geen toegang / no access")
    return actor


def may_see_participant(actor: Actor | None, organisation_id: int, participant_id: int) -> bool:
    """Case workers of the participant's organisation, or the participant herself."""
    if actor is None or actor.organisation_id != organisation_id:
        return False
    if Permission.CASEWORK in actor.permissions:
        return True
    return (
        Permission.PARTICIPANT_SELF in actor.permissions and actor.participant_id == participant_id
    )


def require_participant(actor: Actor | None, organisation_id: int, participant_id: int) -> Actor:
    if actor is None or not may_see_participant(actor, organisation_id, participant_id):
        raise AccessDenied("Geen toegang / no access")
    return actor
