"""web accounts: server-side sessions, workshop codes, second factor, session versions

Revision ID: 0002_web
Revises: 0001_baseline
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002_web"
down_revision: str | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "web_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("expiry", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id"),
    )
    op.create_index(op.f("ix_web_session_expiry"), "web_session", ["expiry"], unique=False)
    op.create_table(
        "workshop_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    op.create_index(
        op.f("ix_workshop_code_organisation_id"), "workshop_code", ["organisation_id"]
    )
    op.create_index(op.f("ix_workshop_code_participant_id"), "workshop_code", ["participant_id"])
    false, zero, empty = sa.false(), sa.text("0"), sa.text("'[]'")
    op.add_column(
        "staff_user", sa.Column("case_access", sa.Boolean(), nullable=False, server_default=false)
    )
    op.add_column(
        "staff_user",
        sa.Column("session_version", sa.Integer(), nullable=False, server_default=zero),
    )
    op.add_column("staff_user", sa.Column("totp_secret", sa.Text(), nullable=True))
    op.add_column(
        "participant", sa.Column("archived", sa.Boolean(), nullable=False, server_default=false)
    )
    op.add_column("participant", sa.Column("last_contact", sa.Date(), nullable=True))
    op.add_column("participant", sa.Column("full_name", sa.Text(), nullable=True))
    op.add_column("participant", sa.Column("next_follow_up", sa.Date(), nullable=True))
    op.add_column(
        "staff_user", sa.Column("recovery_codes", sa.JSON(), nullable=False, server_default=empty)
    )
    op.add_column(
        "staff_user",
        sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True),
    )


    _application_statuses()


OLD_STATUSES = ("idee", "voorbereiden", "verstuurd", "gesprek", "aanbod", "afgerond")
NEW_STATUSES = (
    "voorgesteld", "gesolliciteerd", "gesprek", "aangenomen", "afgewezen", "teruggetrokken",
)  # fmt: skip
# Old rows keep their meaning as far as it goes: an offer is still an interview stage, and a
# closed application without a recorded result counts as withdrawn (no one was hired).
STATUS_MAP = {
    "idee": "voorgesteld", "voorbereiden": "voorgesteld", "verstuurd": "gesolliciteerd",
    "gesprek": "gesprek", "aanbod": "gesprek", "afgerond": "teruggetrokken",
}  # fmt: skip


def _check(values: tuple[str, ...]) -> str:
    return "status IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _application_statuses() -> None:
    with op.batch_alter_table("application") as batch:
        batch.drop_constraint("ck_application_status", type_="check")
        batch.add_column(sa.Column("notes", sa.Text(), nullable=True))
    for old, new in STATUS_MAP.items():
        op.execute(sa.text("UPDATE application SET status = :new WHERE status = :old")
                   .bindparams(new=new, old=old))  # fmt: skip
    with op.batch_alter_table("application") as batch:
        batch.create_check_constraint("ck_application_status", _check(NEW_STATUSES))


def downgrade() -> None:
    with op.batch_alter_table("application") as batch:
        batch.drop_constraint("ck_application_status", type_="check")
        batch.drop_column("notes")
    op.execute(sa.text("UPDATE application SET status = 'idee' WHERE status = 'voorgesteld'"))
    op.execute(sa.text("UPDATE application SET status = 'verstuurd' WHERE status = 'gesolliciteerd'"))
    op.execute(sa.text("UPDATE application SET status = 'afgerond' WHERE status IN "
                       "('aangenomen', 'afgewezen', 'teruggetrokken')"))  # fmt: skip
    with op.batch_alter_table("application") as batch:
        batch.create_check_constraint("ck_application_status", _check(OLD_STATUSES))
    for column in ("full_name", "next_follow_up", "last_contact", "archived"):
        op.drop_column("participant", column)
    for column in (
        "password_changed_at",
        "recovery_codes",
        "totp_secret",
        "session_version",
        "case_access",
    ):
        op.drop_column("staff_user", column)
    op.drop_index(op.f("ix_workshop_code_participant_id"), table_name="workshop_code")
    op.drop_index(op.f("ix_workshop_code_organisation_id"), table_name="workshop_code")
    op.drop_table("workshop_code")
    op.drop_index(op.f("ix_web_session_expiry"), table_name="web_session")
    op.drop_table("web_session")
