"""secdata: data keys, consent records, participant key ids, audit hash chain

Revision ID: 0006_secdata
Revises: 0005_pool
Create Date: 2026-12-02 17:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006_secdata'
down_revision: str | None = '0005_pool'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_SAME = ("id", "at", "organisation_id", "staff_user_id", "action", "participant_ref",
         "prev_hash", "hash")
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event WHEN NOT ("
    "NEW.participant_id IS NULL AND NEW.detail IS OLD.detail AND "
    + " AND ".join(f"NEW.{c} IS OLD.{c}" for c in _SAME)
    + ") BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
)
_NEW = ", ".join(f"NEW.{c}" for c in _SAME)
_OLD = ", ".join(f"OLD.{c}" for c in _SAME)
POSTGRES_TRIGGERS = (
    "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'UPDATE' AND NEW.participant_id IS NULL AND NEW.detail::text = OLD.detail::text "
    f"AND ({_NEW}) IS NOT DISTINCT FROM ({_OLD}) THEN RETURN NEW; END IF; "
    "RAISE EXCEPTION 'audit_event is append-only'; END $$",
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
)


def _append_only() -> None:
    """Only one change is allowed to an audit entry: participant_id set to NULL (erasure)."""
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)


def upgrade() -> None:
    op.create_table('data_key',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('wrapped', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('consent_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('text_version', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by'], ['staff_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_consent_record_organisation_id'), 'consent_record', ['organisation_id'], unique=False)
    op.create_index(op.f('ix_consent_record_participant_id'), 'consent_record', ['participant_id'], unique=False)
    with op.batch_alter_table('participant') as batch_op:
        batch_op.add_column(sa.Column('key_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
        batch_op.create_unique_constraint('uq_participant_key_id', ['key_id'])
    with op.batch_alter_table('audit_event') as batch_op:
        batch_op.add_column(sa.Column('participant_ref', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_audit_event_hash'), ['hash'], unique=False)
    _append_only()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_event_no_delete")
        op.execute("DROP TRIGGER audit_event_no_update")
    else:
        op.execute("DROP TRIGGER audit_event_append_only ON audit_event")
        op.execute("DROP FUNCTION audit_event_append_only()")
    with op.batch_alter_table('audit_event') as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_hash'))
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('participant_ref')
    with op.batch_alter_table('participant') as batch_op:
        batch_op.drop_constraint('uq_participant_key_id', type_='unique')
        batch_op.drop_column('key_id')
    op.drop_index(op.f('ix_consent_record_participant_id'), table_name='consent_record')
    op.drop_index(op.f('ix_consent_record_organisation_id'), table_name='consent_record')
    op.drop_table('consent_record')
    op.drop_table('data_key')
