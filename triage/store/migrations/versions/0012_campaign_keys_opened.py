"""campaign keys carry their case's opening time: a look-up reads the window's cases only

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 19:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from triage.store.types import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaign_keys") as batch:
        batch.add_column(sa.Column("opened_at", UTCDateTime(timezone=True), nullable=True))
    # A case's opening time never changes: copied once from the case.
    op.execute(
        "UPDATE campaign_keys SET opened_at = "
        "(SELECT cases.opened_at FROM cases WHERE cases.id = campaign_keys.case_id)"
    )
    with op.batch_alter_table("campaign_keys") as batch:
        batch.alter_column("opened_at", existing_type=UTCDateTime(timezone=True), nullable=False)
        batch.drop_index("ix_campaign_keys_key")
        batch.create_index("ix_campaign_keys_key_opened", ["key", "opened_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("campaign_keys") as batch:
        batch.drop_index("ix_campaign_keys_key_opened")
        batch.create_index("ix_campaign_keys_key", ["key"], unique=False)
        batch.drop_column("opened_at")
