"""the question version each live-quiz answer was given on

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("live_answers") as batch:
        batch.add_column(sa.Column("question_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("live_answers") as batch:
        batch.drop_column("question_version")
