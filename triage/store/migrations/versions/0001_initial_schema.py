"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 06:29:49.131543
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import triage.store.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ingest_runs',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('started_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('seen', sa.Integer(), nullable=False),
    sa.Column('stored', sa.Integer(), nullable=False),
    sa.Column('quarantined', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('messages',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('received_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ingested_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('sender_name', sa.Text(), nullable=False),
    sa.Column('sender_address', sa.String(length=320), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('new_text', sa.Text(), nullable=False),
    sa.Column('quoted_text', sa.Text(), nullable=False),
    sa.Column('signature', sa.Text(), nullable=False),
    sa.Column('html_sanitised', sa.Text(), nullable=True),
    sa.Column('message_id', sa.String(length=1000), nullable=True),
    sa.Column('in_reply_to', sa.String(length=1000), nullable=True),
    sa.Column('references', sa.JSON(), nullable=False),
    sa.Column('date_header', sa.String(length=200), nullable=True),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('form_country', sa.String(length=100), nullable=True),
    sa.Column('raw_sha256', sa.String(length=64), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('auto_submitted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_messages_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_stage'), ['stage'], unique=False)

    op.create_table('quarantine',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=50), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('quarantined_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quarantine_reason'), ['reason'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('root_message_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=False),
    sa.Column('team', sa.String(length=100), nullable=False),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('priority', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('rule_id', sa.String(length=100), nullable=False),
    sa.Column('opened_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('responded_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('loop_closed_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('paused_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['root_message_id'], ['messages.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('root_message_id')
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_status_owner', ['status', 'owner'], unique=False)

    op.create_table('classifications',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('message_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('language_confidence', sa.Float(), nullable=False),
    sa.Column('rights_issue', sa.JSON(), nullable=False),
    sa.Column('rights_issue_scores', sa.JSON(), nullable=False),
    sa.Column('challenge', sa.JSON(), nullable=False),
    sa.Column('challenge_scores', sa.JSON(), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('sender_country', sa.String(length=2), nullable=True),
    sa.Column('regions', sa.JSON(), nullable=False),
    sa.Column('global_south', sa.Boolean(), nullable=True),
    sa.Column('priority', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('review_reasons', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('model_version', sa.String(length=100), nullable=False),
    sa.Column('taxonomy_version', sa.String(length=50), nullable=False),
    sa.Column('created_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('message_id', 'model_version')
    )
    with op.batch_alter_table('classifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_classifications_needs_review'), ['needs_review'], unique=False)
        batch_op.create_index(batch_op.f('ix_classifications_priority'), ['priority'], unique=False)

    op.create_table('deadlines',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('started_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('met_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('paused_at', triage.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('calendar', sa.String(length=100), nullable=False),
    sa.Column('policy', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'kind')
    )
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.create_index('ix_deadlines_open_due', ['met_at', 'due_at'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('message_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_message_id'), ['message_id'], unique=False)

    op.create_table('routing_decisions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=False),
    sa.Column('team', sa.String(length=100), nullable=False),
    sa.Column('rule_id', sa.String(length=100), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('rules_version', sa.String(length=50), nullable=False),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('decided_at', triage.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('routing_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routing_decisions_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_routing_decisions_owner'), ['owner'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('routing_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routing_decisions_owner'))
        batch_op.drop_index(batch_op.f('ix_routing_decisions_case_id'))

    op.drop_table('routing_decisions')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_message_id'))
        batch_op.drop_index(batch_op.f('ix_events_case_id'))

    op.drop_table('events')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_index('ix_deadlines_open_due')

    op.drop_table('deadlines')
    with op.batch_alter_table('classifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_classifications_priority'))
        batch_op.drop_index(batch_op.f('ix_classifications_needs_review'))

    op.drop_table('classifications')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_status_owner')

    op.drop_table('cases')
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quarantine_reason'))

    op.drop_table('quarantine')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_stage'))
        batch_op.drop_index(batch_op.f('ix_messages_message_id'))

    op.drop_table('messages')
    op.drop_table('ingest_runs')
