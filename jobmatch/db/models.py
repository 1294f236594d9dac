"""All database tables (SQLModel's advice: one module, no import cycles).

Pattern: `XBase` holds the shared fields, `X(XBase, table=True)` is the table. Table models skip
validation, so input is validated with the non-table models in `jobmatch.db.inputs`.
Every row of participant data carries `organisation_id`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

ROLES = ("job_hunter", "coordinator", "admin")
PHASES = ("contact", "oriëntatie", "uitvoering", "nazorg")
COMPETENCY_STATUSES = ("confirmed", "suggested")
APPLICATION_STATUSES = ("idee", "voorbereiden", "verstuurd", "gesprek", "aanbod", "afgerond")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    allowed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)


class SensitiveText(TypeDecorator[str]):
    """Free text about a participant (experience descriptions, notes, contact details).

    A marker type: `jobmatch.db.sealing` (registered at the end of this module) encrypts these
    columns with the participant's data key before they are written and decrypts them on load.
    Stored as TEXT (`jm1:` + base64 of nonce and AES-GCM ciphertext).
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return value

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        return value


class SensitiveJSON(TypeDecorator[Any]):
    """JSON about a participant (preferences, avoid lists, discovery answers): sealed like
    SensitiveText, stored as one JSON string `"jm1:…"` in the JSON column."""

    impl = JSON
    cache_ok = True


def _when() -> Any:
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True))


# --- organisations and staff -------------------------------------------------------------


class OrganisationBase(SQLModel):
    slug: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    city: str = Field(default="", max_length=100)


class Organisation(OrganisationBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = _when()


class StaffUserBase(SQLModel):
    email: str = Field(max_length=254, unique=True)
    name: str = Field(max_length=200)
    role: str = Field(max_length=20)


class StaffUser(StaffUserBase, table=True):
    __tablename__ = "staff_user"
    __table_args__ = (_in("role", ROLES, "ck_staff_user_role"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    password_hash: str = Field(max_length=255)
    active: bool = True
    created_at: datetime = _when()


# --- participants ----------------------------------------------------------------------


class ParticipantBase(SQLModel):
    alias: str = Field(max_length=100)
    phase: str = Field(default="contact", max_length=20)
    city: str = Field(default="", max_length=100)
    pc4: str | None = Field(default=None, max_length=4)
    birth_year: int | None = None
    consent_date: date | None = None
    consent_version: str = Field(default="", max_length=20)
    entry_date: date | None = None
    exit_date: date | None = None
    outcome: str | None = Field(default=None, max_length=40)


class Participant(ParticipantBase, table=True):
    __table_args__ = (
        UniqueConstraint("organisation_id", "alias", name="uq_participant_org_alias"),
        _in("phase", PHASES, "ck_participant_phase"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    # secdata: names this participant's data key; also their pseudonym in the audit chain
    key_id: str | None = Field(default_factory=lambda: uuid.uuid4().hex, max_length=32, unique=True)
    contact_email: str | None = Field(default=None, sa_type=SensitiveText)
    contact_phone: str | None = Field(default=None, sa_type=SensitiveText)
    notes: str | None = Field(default=None, sa_type=SensitiveText)
    profile: dict[str, Any] = Field(default_factory=dict, sa_type=SensitiveJSON)
    created_at: datetime = _when()


class ExperienceBase(SQLModel):
    title: str = Field(max_length=200)
    kind: str = Field(max_length=30)
    neutral_line: str = Field(default="", max_length=300)
    show_on_cv: bool = True
    position: int = 0


class Experience(ExperienceBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    description: str | None = Field(default=None, sa_type=SensitiveText)


class ParticipantCompetencyBase(SQLModel):
    competency_id: str = Field(max_length=64)
    status: str = Field(default="suggested", max_length=10)


class ParticipantCompetency(ParticipantCompetencyBase, table=True):
    __tablename__ = "participant_competency"
    __table_args__ = (
        UniqueConstraint("participant_id", "competency_id", name="uq_participant_competency"),
        _in("status", COMPETENCY_STATUSES, "ck_participant_competency_status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    evidence: str | None = Field(default=None, sa_type=SensitiveText)


class LanguageSkillBase(SQLModel):
    language: str = Field(max_length=8)  # ISO 639-1, e.g. "nl", "hu"
    level: str = Field(max_length=6)  # A1 … C2 or "native"


class LanguageSkill(LanguageSkillBase, table=True):
    __tablename__ = "language_skill"
    __table_args__ = (
        UniqueConstraint("participant_id", "language", name="uq_language_skill"),
        _in("level", ("A1", "A2", "B1", "B2", "C1", "C2", "native"), "ck_language_level"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)


# --- employers, vacancies, training places ----------------------------------------------


class EmployerBase(SQLModel):
    key: str = Field(max_length=64, unique=True)  # the id in vacancies/employers.csv
    name: str = Field(max_length=200)
    sector: str = Field(default="", max_length=100)
    city: str = Field(default="", max_length=100)
    pc4: str | None = Field(default=None, max_length=4)
    open_to_gap: bool = False  # open to people with a gap in their CV
    notes: str = Field(default="", sa_type=Text)


class Employer(EmployerBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id")


class EmployerContactBase(SQLModel):
    name: str = Field(max_length=200)
    role: str = Field(default="", max_length=100)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=40)


class EmployerContact(EmployerContactBase, table=True):
    __tablename__ = "employer_contact"
    id: int | None = Field(default=None, primary_key=True)
    employer_id: int = Field(foreign_key="employer.id", ondelete="CASCADE", index=True)


class VacancyBase(SQLModel):
    source: str = Field(max_length=300, unique=True)  # e.g. "jobs/kok-den-haag.txt"
    title: str = Field(max_length=300)
    text: str = Field(sa_type=Text)
    sector: str | None = Field(default=None, max_length=100)
    pc4: str | None = Field(default=None, max_length=4)


class Vacancy(VacancyBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    employer_id: int | None = Field(default=None, foreign_key="employer.id", index=True)
    parsed: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    content_hash: str = Field(max_length=64, index=True)  # sha256 of the text
    active: bool = True
    created_at: datetime = _when()


class TrainingPlaceBase(SQLModel):
    key: str = Field(max_length=64, unique=True)  # the id of the training TOML file
    title: str = Field(max_length=300)
    kind: str = Field(max_length=20)  # course | work-experience | volunteering
    provider: str = Field(max_length=200)
    description: str = Field(default="", sa_type=Text)
    level: str = Field(default="", max_length=40)
    duration: str = Field(default="", max_length=100)
    dutch_level: str | None = Field(default=None, max_length=2)  # language requirement
    cost: str = Field(default="", max_length=100)
    funding: str = Field(default="", max_length=200)
    city: str = Field(default="", max_length=100)
    pc4: str | None = Field(default=None, max_length=4)
    sector: str | None = Field(default=None, max_length=100)


class TrainingPlace(TrainingPlaceBase, table=True):
    __tablename__ = "training_place"
    id: int | None = Field(default=None, primary_key=True)
    competencies_taught: list[str] = Field(default_factory=list, sa_type=JSON)
    start_dates: list[str] = Field(default_factory=list, sa_type=JSON)
    source: str = Field(default="", max_length=300)


# --- applications and audit -------------------------------------------------------------


class ApplicationBase(SQLModel):
    status: str = Field(default="idee", max_length=20)
    outcome: str | None = Field(default=None, max_length=40)


class Application(ApplicationBase, table=True):
    __table_args__ = (
        CheckConstraint(
            "(vacancy_id IS NULL) <> (training_place_id IS NULL)", name="ck_application_target"
        ),
        _in("status", APPLICATION_STATUSES, "ck_application_status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    vacancy_id: int | None = Field(default=None, foreign_key="vacancy.id")
    training_place_id: int | None = Field(default=None, foreign_key="training_place.id")
    status_history: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
    created_at: datetime = _when()
    updated_at: datetime = _when()


class AuditEvent(SQLModel, table=True):
    """Append-only: who did what to which participant. No personal data in `detail`.

    `participant_id` is a plain number (no foreign key) so the log survives a deletion.
    """

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _when()
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    staff_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    action: str = Field(max_length=40)
    participant_id: int | None = Field(default=None, index=True)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    # secdata: hash chain (jobmatch.security.chain). `participant_ref` is the participant's
    # key_id (a random pseudonym); `participant_id` is an index only, set to NULL at erasure.
    participant_ref: str | None = Field(default=None, max_length=32)
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64, index=True)


# --- secdata: data keys and consent (issue 9) ------------------------------------------------


class DataKey(SQLModel, table=True):
    """A participant's data key, wrapped (AES-GCM) by the master key. Deleted at erasure."""

    __tablename__ = "data_key"
    id: str = Field(primary_key=True, max_length=32)
    wrapped: str = Field(sa_type=Text)
    created_at: datetime = _when()


class ConsentRecord(SQLModel, table=True):
    """Consent given (or withdrawn): when, which version of the text, recorded by whom."""

    __tablename__ = "consent_record"
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    given_on: date
    text_version: str = Field(max_length=20)
    recorded_by: int | None = Field(default=None, foreign_key="staff_user.id")
    recorded_at: datetime = _when()
    withdrawn_on: date | None = None


def _register_sealing() -> None:
    from jobmatch.db import sealing

    sealing.register([Participant, Experience, ParticipantCompetency])


_register_sealing()
# --- end secdata ---------------------------------------------------------------------------
