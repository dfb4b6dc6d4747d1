"""problem reports on questions and role-play lines

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'problem_reports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='CASCADE'), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('item_id', sa.String(length=128), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=True),
        sa.Column('turn', sa.Integer(), nullable=True),
        sa.Column('category', sa.String(length=16), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('reply', sa.Text(), nullable=False),
        sa.Column('handled_by', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_problem_reports_user_id', 'problem_reports', ['user_id'])
    op.create_index('ix_problem_reports_item_id', 'problem_reports', ['item_id'])


def downgrade() -> None:
    op.drop_index('ix_problem_reports_item_id', table_name='problem_reports')
    op.drop_index('ix_problem_reports_user_id', table_name='problem_reports')
    op.drop_table('problem_reports')
