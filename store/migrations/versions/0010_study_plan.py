"""exam flags kept with the attempt; study plans; the day a section was first read

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("section_progress") as batch:
        batch.add_column(sa.Column("done_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE section_progress SET done_at = updated_at WHERE status = 'done'")
    op.create_table(
        "exam_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), sa.ForeignKey("exam_attempts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question_id", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("attempt_id", "question_id"),
    )
    op.create_index("ix_exam_flags_attempt_id", "exam_flags", ["attempt_id"])
    op.create_table(
        "study_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("daily_sections", sa.Integer(), nullable=False),
        sa.Column("daily_questions", sa.Integer(), nullable=False),
        sa.Column("daily_reviews", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id"),
    )


def downgrade() -> None:
    with op.batch_alter_table("section_progress") as batch:
        batch.drop_column("done_at")
    op.drop_table("study_plans")
    op.drop_index("ix_exam_flags_attempt_id", table_name="exam_flags")
    op.drop_table("exam_flags")
