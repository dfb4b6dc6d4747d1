"""content snapshots of exam papers and scenario runs

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'content_snapshots',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('content', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('kind', 'owner_id'),
    )
    op.create_index('ix_content_snapshots_owner_id', 'content_snapshots', ['owner_id'])


def downgrade() -> None:
    op.drop_index('ix_content_snapshots_owner_id', table_name='content_snapshots')
    op.drop_table('content_snapshots')
