"""audit and retention: the append-only log of text reads, purge marks, room for sealed text

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 21:40:00

``text_reads`` refuses UPDATE and DELETE by trigger on both backends: the application has no
code path that changes it, and neither can a mistaken one. Columns that were VARCHAR(n) and
now may hold a sealed (encrypted, longer) value become TEXT on PostgreSQL; SQLite does not
enforce declared lengths, so its tables are not rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import triage.store.types

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
_WIDENED = (('messages', 'sender_address', 320), ('messages', 'organisation', 300),
            ('outbox', 'address', 320))  # fmt: skip
REFUSE = "text_reads is append-only"


def _dt() -> triage.store.types.UTCDateTime:
    return triage.store.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table('text_reads',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('at', _dt(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('case_id', sa.BigInteger(), nullable=True),
    sa.Column('message_id', sa.BigInteger(), nullable=True),
    sa.Column('view', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )  # fmt: skip
    op.create_index('ix_text_reads_at', 'text_reads', ['at'], unique=False)
    op.create_index('ix_text_reads_case_id', 'text_reads', ['case_id'], unique=False)
    for table in ('messages', 'cases', 'quarantine'):
        op.add_column(table, sa.Column('text_purged_at', _dt(), nullable=True))
    if op.get_bind().dialect.name == 'postgresql':
        for table, column, length in _WIDENED:
            op.alter_column(table, column, type_=sa.Text(),
                            existing_type=sa.String(length=length))  # fmt: skip
        op.execute(f"""
            CREATE FUNCTION text_reads_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{REFUSE}'; END; $$ LANGUAGE plpgsql
        """)
        op.execute("""
            CREATE TRIGGER text_reads_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
            ON text_reads FOR EACH STATEMENT EXECUTE FUNCTION text_reads_append_only()
        """)
    else:
        for verb in ('UPDATE', 'DELETE'):
            op.execute(f"""
                CREATE TRIGGER text_reads_no_{verb.lower()} BEFORE {verb} ON text_reads
                BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END
            """)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER text_reads_append_only ON text_reads")
        op.execute("DROP FUNCTION text_reads_append_only()")
        for table, column, length in _WIDENED:
            op.alter_column(table, column, type_=sa.String(length=length),
                            existing_type=sa.Text())  # fmt: skip
    else:
        op.execute("DROP TRIGGER text_reads_no_update")
        op.execute("DROP TRIGGER text_reads_no_delete")
    for table in ('quarantine', 'cases', 'messages'):
        with op.batch_alter_table(table, recreate='never') as batch_op:
            batch_op.drop_column('text_purged_at')
    op.drop_index('ix_text_reads_case_id', table_name='text_reads')
    op.drop_index('ix_text_reads_at', table_name='text_reads')
    op.drop_table('text_reads')
