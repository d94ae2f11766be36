"""no separate index on messages.stage: ``ix_messages_stage_received`` begins with it

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08 01:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_index("ix_messages_stage")


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.create_index("ix_messages_stage", ["stage"], unique=False)
