"""queue: respond deadlines in due order, live deadlines by due time with their case (queue
pages and the overdue count at a million cases)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 05:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_deadlines_kind_due", "deadlines", ["kind", "due_at", "case_id"], unique=False
    )
    op.create_index(
        "ix_deadlines_live_due",
        "deadlines",
        ["met_at", "paused_at", "due_at", "case_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_deadlines_live_due", table_name="deadlines")
    op.drop_index("ix_deadlines_kind_due", table_name="deadlines")
