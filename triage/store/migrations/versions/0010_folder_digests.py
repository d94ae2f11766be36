"""folder digests: parts of folder sources already checked against ingested_files (an idle
scheduled run looks up no file)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import triage.store.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "folder_digests",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("folder", sa.String(length=1000), nullable=False),
        sa.Column("part", sa.String(length=1000), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("checked_at", triage.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "folder", "part"),
    )


def downgrade() -> None:
    op.drop_table("folder_digests")
