"""instructors' overrides of rule verdicts on role-play turns

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rule_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("scenario_runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("turn", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=128), nullable=False),
        sa.Column("fired", sa.Boolean(), nullable=False),
        sa.Column("concepts", sa.JSON(), nullable=False),
        sa.Column("label", sa.String(length=256), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("instructor_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "turn", "rule"),
    )
    op.create_index("ix_rule_overrides_run_id", "rule_overrides", ["run_id"])


def downgrade() -> None:
    op.drop_index("ix_rule_overrides_run_id", table_name="rule_overrides")
    op.drop_table("rule_overrides")
