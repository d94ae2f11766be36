"""scale: files already read per folder source, arrival-order index for pending work, the
latest labels copied onto cases (queues at a million cases)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 21:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import triage.store.types

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
LABELS = ('needs_review', 'language', 'rights_issue', 'challenge', 'regions', 'global_south')


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
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('needs_review', sa.Boolean(), nullable=True))
        batch.add_column(sa.Column('language', sa.String(length=10), nullable=True))
        batch.add_column(sa.Column('rights_issue', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('challenge', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('regions', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('global_south', sa.Boolean(), nullable=True))
    op.create_index('ix_cases_review_status', 'cases', ['needs_review', 'status'], unique=False)
    op.create_index('ix_cases_status_opened', 'cases', ['status', 'opened_at'], unique=False)
    # Backfill: each case gets its root message's newest labels.
    cases = sa.table('cases', sa.column('id'), sa.column('root_message_id'), *(sa.column(n) for n in LABELS))
    labels = sa.table('classifications', sa.column('id'), sa.column('message_id'), *(sa.column(n) for n in LABELS))
    latest = (
        sa.select(sa.func.max(labels.c.id)).where(labels.c.message_id == cases.c.root_message_id)
        .correlate(cases).scalar_subquery()
    )
    op.execute(cases.update().values({
        n: sa.select(labels.c[n]).where(labels.c.id == latest).scalar_subquery() for n in LABELS
    }))


def downgrade() -> None:
    op.drop_index('ix_cases_status_opened', table_name='cases')
    op.drop_index('ix_cases_review_status', table_name='cases')
    with op.batch_alter_table('cases') as batch:
        for name in reversed(LABELS):
            batch.drop_column(name)
    op.drop_index('ix_messages_stage_received', table_name='messages')
    op.drop_table('ingested_files')
