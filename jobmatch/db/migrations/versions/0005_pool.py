"""pool_state (one revision number for the ranking pool) and match feedback

Revision ID: 0005_pool
Revises: 0004_coord
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_pool"
down_revision: str | None = "0004_coord"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "pool_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(table, [{"id": 1, "revision": 1}])
    op.create_table(
        "match_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("verdict", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("staff_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("verdict IN ('goed', 'niet')", name="ck_match_feedback_verdict"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_user_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_match_feedback_organisation_id", "match_feedback", ["organisation_id"])
    op.create_index("ix_match_feedback_participant_id", "match_feedback", ["participant_id"])


def downgrade() -> None:
    op.drop_index("ix_match_feedback_participant_id", table_name="match_feedback")
    op.drop_index("ix_match_feedback_organisation_id", table_name="match_feedback")
    op.drop_table("match_feedback")
    op.drop_table("pool_state")
