"""coordweb (issue 11 pages): an import job can wait as a stored dry run ('preview')

Revision ID: 0007_coordweb
Revises: 0006_secdata
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0007_coordweb'
down_revision: str | None = "0006_secdata"  # the merger re-chains this after the others
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "status IN ('queued', 'running', 'done', 'failed')"
NEW = "status IN ('preview', 'queued', 'running', 'done', 'failed')"


def _status_check(condition: str) -> None:
    with op.batch_alter_table('import_job') as batch:
        batch.drop_constraint('ck_import_job_status', type_='check')
        batch.create_check_constraint('ck_import_job_status', condition)


def upgrade() -> None:
    _status_check(NEW)


def downgrade() -> None:
    op.execute("DELETE FROM import_job WHERE status = 'preview'")
    _status_check(OLD)
