"""question versions, question events, and the version each answer was given on

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'question_versions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=128), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=8), nullable=False),
        sa.Column('content', sa.JSON(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('base_hash', sa.String(length=64), nullable=False),
        sa.Column('author_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('question_id', 'version'),
    )
    op.create_index('ix_question_versions_question_id', 'question_versions', ['question_id'])
    op.create_table(
        'question_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=128), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('author_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('from_version', sa.Integer(), nullable=True),
        sa.Column('to_version', sa.Integer(), nullable=True),
        sa.Column('detail', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_question_events_question_id', 'question_events', ['question_id'])
    with op.batch_alter_table('answers') as batch:
        batch.add_column(sa.Column('question_version', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('graded_version', sa.Integer(), nullable=True))
    with op.batch_alter_table('content_snapshots') as batch:
        batch.add_column(sa.Column('versions', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('content_snapshots') as batch:
        batch.drop_column('versions')
    with op.batch_alter_table('answers') as batch:
        batch.drop_column('graded_version')
        batch.drop_column('question_version')
    op.drop_index('ix_question_events_question_id', table_name='question_events')
    op.drop_table('question_events')
    op.drop_index('ix_question_versions_question_id', table_name='question_versions')
    op.drop_table('question_versions')
