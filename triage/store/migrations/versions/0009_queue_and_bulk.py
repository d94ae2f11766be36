"""queue and bulk: respond deadlines in due order (queue pages at a million cases)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 05:30:00
"""

from __future__ import annotations

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_deadlines_kind_due', 'deadlines', ['kind', 'due_at', 'case_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_deadlines_kind_due', table_name='deadlines')
