"""report: exit reason and work postcode of participants, employer follow-up date, frozen
published reports

Revision ID: 0003_report
Revises: 0002_web
Create Date: 2026-12-02 17:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0003_report'
down_revision: str | None = '0002_web'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('exit_reason', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))
        batch_op.add_column(sa.Column('work_pc4', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True))
    with op.batch_alter_table('employer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follow_up_on', sa.Date(), nullable=True))
    op.create_table('published_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('year', 'scope', name='uq_published_report_year_scope')
    )


def downgrade() -> None:
    op.drop_table('published_report')
    with op.batch_alter_table('employer', schema=None) as batch_op:
        batch_op.drop_column('follow_up_on')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('work_pc4')
        batch_op.drop_column('exit_reason')
