"""All database tables (SQLModel's advice: one module, no import cycles).

Pattern: `XBase` holds the shared fields, `X(XBase, table=True)` is the table. Table models skip
validation, so input is validated with the non-table models in `jobmatch.db.inputs`.
Every row of participant data carries `organisation_id`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, LargeBinary, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

ROLES = ("job_hunter", "coordinator", "admin")
PHASES = ("contact", "oriëntatie", "uitvoering", "nazorg")
COMPETENCY_STATUSES = ("confirmed", "suggested")
# suggested -> applied -> interview -> hired / rejected / withdrawn (web app issue)
APPLICATION_STATUSES = (
    "voorgesteld", "gesolliciteerd", "gesprek", "aangenomen", "afgewezen", "teruggetrokken",
)  # fmt: skip


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
    # --- web accounts (security issue) ---
    case_access: bool = False  # a coordinator/admin who also works as job hunter
    session_version: int = 0  # raised on password change: every older session ends
    totp_secret: str | None = Field(default=None, sa_type=SensitiveText)
    recovery_codes: list[str] = Field(default_factory=list, sa_type=JSON)  # sha256 hashes
    password_changed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


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
    # --- web app (job hunter's list) ---
    archived: bool = False
    last_contact: date | None = None
    next_follow_up: date | None = None
    # issue 12 (yearly report): why the participant left, and the postcode where they work.
    exit_reason: str | None = Field(default=None, max_length=20)
    work_pc4: str | None = Field(default=None, max_length=4)


class Participant(ParticipantBase, table=True):
    __table_args__ = (
        UniqueConstraint("organisation_id", "alias", name="uq_participant_org_alias"),
        _in("phase", PHASES, "ck_participant_phase"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    full_name: str | None = Field(default=None, sa_type=SensitiveText)  # for her documents
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
    # issue 12 (dashboard): the day the coordinator plans to contact this employer again.
    follow_up_on: date | None = None


class Employer(EmployerBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id")
    # --- coord (issue 11): employer network ---
    size: str = Field(default="", max_length=40)  # e.g. "1-10", "11-50", "51-250", "250+"
    locations: list[str] = Field(default_factory=list, sa_type=JSON)  # extra pc4s
    approach_notes: str = Field(default="", sa_type=Text)  # how to approach about a CV gap
    next_follow_up: date | None = None
    merged_into_id: int | None = Field(default=None)  # set when merged away (kept for history)


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
    # --- coord (issue 11): closing date, archive, occupation, import ---
    closing_date: date | None = Field(default=None, index=True)
    archived: bool = False
    occupation_uri: str | None = Field(default=None, max_length=120)
    isco_group: str | None = Field(default=None, max_length=4)
    import_job_id: int | None = Field(default=None, index=True)


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
    # --- coord (issue 11): employer link, archive, occupation ---
    employer_id: int | None = Field(default=None, foreign_key="employer.id", index=True)
    archived: bool = False
    occupation_uri: str | None = Field(default=None, max_length=120)
    isco_group: str | None = Field(default=None, max_length=4)


# --- applications and audit -------------------------------------------------------------


class ApplicationBase(SQLModel):
    status: str = Field(default="voorgesteld", max_length=20)
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
    notes: str | None = Field(default=None, sa_type=SensitiveText)
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


# --- web: server-side sessions and workshop codes ------------------------------------------


class WebSession(SQLModel, table=True):
    """Flask-Session's store when no Redis is configured (see jobmatch.web.sessions)."""

    __tablename__ = "web_session"
    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(max_length=255, unique=True)
    data: bytes = Field(sa_type=LargeBinary)
    expiry: datetime = Field(sa_type=DateTime(timezone=True), index=True)


class WorkshopCode(SQLModel, table=True):
    """A one-time, expiring code a job hunter gives a participant for a CV workshop.

    Only a keyed hash of the code is stored; the code itself is shown once.
    """

    __tablename__ = "workshop_code"
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    code_hash: str = Field(max_length=64, unique=True)
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = _when()
    expires_at: datetime = Field(sa_type=DateTime(timezone=True))
    used_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


# --- yearly report (issue 12) -------------------------------------------------------------
# Participant.exit_reason / work_pc4 are declared on ParticipantBase above (marked "issue 12").

EXIT_REASONS = ("uitgevallen", "uitgestroomd")  # dropped out | left the trade
OUTCOMES = ("betaald-werk", "opleiding", "vrijwilligerswerk", "dagbesteding", "eigen-bedrijf")


class PublishedReport(SQLModel, table=True):
    """A frozen yearly report: the anonymised JSON exactly as published, and its sha256.

    `scope` is "alle" (every organisation) or an organisation slug. Never updated: re-running
    the report for a published year and scope returns this stored version.
    """

    __tablename__ = "published_report"
    __table_args__ = (UniqueConstraint("year", "scope", name="uq_published_report_year_scope"),)
    id: int | None = Field(default=None, primary_key=True)
    year: int
    scope: str = Field(max_length=64)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id")
    content: str = Field(sa_type=Text)  # canonical JSON (sorted keys, UTF-8)
    sha256: str = Field(max_length=64)
    published_at: datetime = _when()


# --- coord (issue 11): imports, employer contact history, lexicon versions -------------------

# --- coordweb (issue 11 pages): "preview" = a stored dry run waiting for "start" ---
IMPORT_STATUSES = ("preview", "queued", "running", "done", "failed")
IMPORT_KINDS = ("vacancies", "training", "contacts")


class ImportJob(SQLModel, table=True):
    """One file import. Progress and result live here, so every app process can show them.

    `rows` holds the rows that passed the dry run (plain JSON, no file); the worker claims the
    job by moving it from queued to running in one UPDATE, so it runs once with many workers.
    """

    __tablename__ = "import_job"
    __table_args__ = (
        _in("status", IMPORT_STATUSES, "ck_import_job_status"),
        _in("kind", IMPORT_KINDS, "ck_import_job_kind"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    staff_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    kind: str = Field(max_length=20)
    filename: str = Field(max_length=255)
    file_hash: str = Field(max_length=64)
    status: str = Field(default="queued", max_length=10, index=True)
    total: int = 0
    done: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    rows: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    problems: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    message: str = Field(default="", sa_type=Text)
    attempts: int = 0
    created_at: datetime = _when()
    started_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    heartbeat_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    finished_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class EmployerContactLog(SQLModel, table=True):
    """A call, visit or e-mail with an employer (history of contacts)."""

    __tablename__ = "employer_contact_log"
    id: int | None = Field(default=None, primary_key=True)
    employer_id: int = Field(foreign_key="employer.id", ondelete="CASCADE", index=True)
    staff_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    on: date
    channel: str = Field(default="", max_length=20)  # phone | email | visit | other
    summary: str = Field(default="", sa_type=Text)
    created_at: datetime = _when()


class LexiconChange(SQLModel, table=True):
    """One versioned change to the lexicon: who, when, what (before and after, as JSON).

    The newest `id` is the lexicon version the extractor checks.
    """

    __tablename__ = "lexicon_change"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _when()
    staff_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    who: str = Field(default="", max_length=200)
    competency_id: str = Field(max_length=64, index=True)
    action: str = Field(max_length=10)  # add | edit | delete
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)


# --- the ranking pool's revision ---------------------------------------------------------


class PoolState(SQLModel, table=True):
    """One row: raised in the same transaction as any change to vacancies, training places or
    employers (jobmatch.db.pool_revision), so every app process knows when its cached, fitted
    pool is stale without reading the pool."""

    __tablename__ = "pool_state"
    id: int = Field(default=1, primary_key=True)
    revision: int = 0


class MatchFeedback(SQLModel, table=True):
    """The job hunter's verdict on a match: good match, or not for her, with the reason."""

    __tablename__ = "match_feedback"
    __table_args__ = (_in("verdict", ("goed", "niet"), "ck_match_feedback_verdict"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE", index=True)
    source: str = Field(max_length=120)  # the ranked item's source (vacancy-<id> or a place key)
    verdict: str = Field(max_length=10)
    reason: str | None = Field(default=None, sa_type=SensitiveText)
    staff_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = _when()


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

    sealing.register([Participant, Experience, ParticipantCompetency, Application, MatchFeedback])


_register_sealing()
# --- end secdata ---------------------------------------------------------------------------
