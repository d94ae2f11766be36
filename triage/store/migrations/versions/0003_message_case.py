"""messages.case_id: the conversation a message belongs to

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_index(batch_op.f('ix_messages_case_id'), ['case_id'], unique=False)
        batch_op.create_foreign_key('fk_messages_case_id_cases', 'cases', ['case_id'], ['id'], ondelete='SET NULL', use_alter=True)
    op.execute("UPDATE messages SET case_id = (SELECT cases.id FROM cases WHERE cases.root_message_id = messages.id)")


def downgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_constraint('fk_messages_case_id_cases', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_messages_case_id'))
        batch_op.drop_column('case_id')
