"""coord (issue 11): closing dates, archive, occupations, employer network, imports, lexicon

Revision ID: 0004_coord
Revises: 0003_report
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0004_coord'
down_revision: str | None = "0003_report"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_S = sqlmodel.sql.sqltypes.AutoString


def _employer_columns() -> None:
    with op.batch_alter_table('employer') as batch:
        batch.add_column(sa.Column('size', _S(length=40), nullable=False, server_default=''))
        batch.add_column(sa.Column('locations', sa.JSON(), nullable=False, server_default='[]'))
        batch.add_column(sa.Column('approach_notes', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('next_follow_up', sa.Date(), nullable=True))
        batch.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))


def _vacancy_columns() -> None:
    with op.batch_alter_table('vacancy') as batch:
        batch.add_column(sa.Column('closing_date', sa.Date(), nullable=True))
        batch.add_column(sa.Column('archived', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('occupation_uri', _S(length=120), nullable=True))
        batch.add_column(sa.Column('isco_group', _S(length=4), nullable=True))
        batch.add_column(sa.Column('import_job_id', sa.Integer(), nullable=True))
        batch.create_index('ix_vacancy_closing_date', ['closing_date'])
        batch.create_index('ix_vacancy_import_job_id', ['import_job_id'])


def _training_columns() -> None:
    with op.batch_alter_table('training_place') as batch:
        batch.add_column(sa.Column('employer_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('archived', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('occupation_uri', _S(length=120), nullable=True))
        batch.add_column(sa.Column('isco_group', _S(length=4), nullable=True))
        batch.create_index('ix_training_place_employer_id', ['employer_id'])
        batch.create_foreign_key('fk_training_place_employer', 'employer', ['employer_id'], ['id'])


def _import_job() -> None:
    op.create_table('import_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('staff_user_id', sa.Integer(), nullable=True),
    sa.Column('kind', _S(length=20), nullable=False),
    sa.Column('filename', _S(length=255), nullable=False),
    sa.Column('file_hash', _S(length=64), nullable=False),
    sa.Column('status', _S(length=10), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('rows', sa.JSON(), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name='ck_import_job_status'),
    sa.CheckConstraint("kind IN ('vacancies', 'training', 'contacts')", name='ck_import_job_kind'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
    sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id']),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_import_job_organisation_id', 'import_job', ['organisation_id'])
    op.create_index('ix_import_job_status', 'import_job', ['status'])


def _logs() -> None:
    op.create_table('employer_contact_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('staff_user_id', sa.Integer(), nullable=True),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('channel', _S(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id']),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_employer_contact_log_employer_id', 'employer_contact_log', ['employer_id'])
    op.create_table('lexicon_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_user_id', sa.Integer(), nullable=True),
    sa.Column('who', _S(length=200), nullable=False),
    sa.Column('competency_id', _S(length=64), nullable=False),
    sa.Column('action', _S(length=10), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id']),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_lexicon_change_competency_id', 'lexicon_change', ['competency_id'])


def upgrade() -> None:
    _employer_columns()
    _vacancy_columns()
    _training_columns()
    _import_job()
    _logs()


def downgrade() -> None:
    op.drop_table('lexicon_change')
    op.drop_table('employer_contact_log')
    op.drop_table('import_job')
    with op.batch_alter_table('training_place') as batch:
        batch.drop_constraint('fk_training_place_employer', type_='foreignkey')
        batch.drop_index('ix_training_place_employer_id')
        for name in ('isco_group', 'occupation_uri', 'archived', 'employer_id'):
            batch.drop_column(name)
    with op.batch_alter_table('vacancy') as batch:
        batch.drop_index('ix_vacancy_import_job_id')
        batch.drop_index('ix_vacancy_closing_date')
        for name in ('import_job_id', 'isco_group', 'occupation_uri', 'archived', 'closing_date'):
            batch.drop_column(name)
    with op.batch_alter_table('employer') as batch:
        for name in ('merged_into_id', 'next_follow_up', 'approach_notes', 'locations', 'size'):
            batch.drop_column(name)
