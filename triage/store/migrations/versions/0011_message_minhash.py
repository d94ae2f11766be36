"""message minhash: each message's MinHash signature, computed where it is stored (routing,
serial in arrival order, then only compares signatures)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable and not back-filled: routing computes the signature of a message without one.
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("minhash", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("minhash")
