"""scale: files already read per folder source, arrival-order index for pending work

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-29 21:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import triage.store.types

revision = '0008'
down_revision = '0006'  # re-point to 0007 (audit and retention) when both are merged
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('ingested_files',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('path', sa.String(length=1000), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('mtime_ns', sa.BigInteger(), nullable=False),
    sa.Column('ingested_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'path')
    )
    op.create_index('ix_messages_stage_received', 'messages', ['stage', 'received_at', 'key'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_messages_stage_received', table_name='messages')
    op.drop_table('ingested_files')
