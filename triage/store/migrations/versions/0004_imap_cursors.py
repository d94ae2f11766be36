"""imap_cursors: how far each IMAP folder has been read

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import triage.store.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
_TS = triage.store.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table('imap_cursors',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=False),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', _TS, nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'folder')
    )


def downgrade() -> None:
    op.drop_table('imap_cursors')
