"""case fingerprints and LSH keys, to group a coalition's near-identical letters

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 17:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('case_fingerprints',
    sa.Column('case_id', _ID, autoincrement=False, nullable=False),
    sa.Column('signature', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id')
    )
    op.create_table('campaign_keys',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('case_id', _ID, nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('campaign_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_keys_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaign_keys_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('campaign_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_keys_case_id'))
        batch_op.drop_index(batch_op.f('ix_campaign_keys_key'))
    op.drop_table('campaign_keys')
    op.drop_table('case_fingerprints')
