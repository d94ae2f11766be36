"""staff: users, sessions and API tokens, notes, outcomes, confidential access, viewers, merges

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 18:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import triage.store.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def _dt() -> triage.store.types.UTCDateTime:
    return triage.store.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.add_column('cases', sa.Column('merged_into', _ID, nullable=True))
    op.create_index('ix_cases_status_team', 'cases', ['status', 'team'], unique=False)
    op.create_table('users',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('team', sa.String(length=100), nullable=True),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', _dt(), nullable=True),
    sa.Column('created_at', _dt(), nullable=False),
    sa.Column('password_changed_at', _dt(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('auth_tokens',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('user_id', _ID, nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('csrf_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', _dt(), nullable=False),
    sa.Column('last_seen_at', _dt(), nullable=False),
    sa.Column('expires_at', _dt(), nullable=False),
    sa.Column('revoked_at', _dt(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_auth_tokens_user', 'auth_tokens', ['user_id', 'kind'], unique=False)
    op.create_table('case_notes',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('case_id', _ID, nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', _dt(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_case_notes_case_id', 'case_notes', ['case_id'], unique=False)
    op.create_table('case_outcomes',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('case_id', _ID, nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', _dt(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_case_outcomes_case_id', 'case_outcomes', ['case_id'], unique=False)
    op.create_table('case_access',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('case_id', _ID, nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('granted_by', sa.String(length=100), nullable=False),
    sa.Column('granted_at', _dt(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'username')
    )
    op.create_index('ix_case_access_case_id', 'case_access', ['case_id'], unique=False)
    op.create_table('case_viewers',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('case_id', _ID, nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('seen_at', _dt(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'username')
    )
    op.create_index('ix_case_viewers_case_id', 'case_viewers', ['case_id'], unique=False)


def downgrade() -> None:
    for table in ('case_viewers', 'case_access', 'case_outcomes', 'case_notes'):
        op.drop_index(f'ix_{table}_case_id', table_name=table)
        op.drop_table(table)
    op.drop_index('ix_auth_tokens_user', table_name='auth_tokens')
    op.drop_table('auth_tokens')
    op.drop_table('users')
    op.drop_index('ix_cases_status_team', table_name='cases')
    with op.batch_alter_table('cases', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('merged_into')
