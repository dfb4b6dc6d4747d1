"""Alembic environment: runs on the connection handed over by store.db.migrate, or on CMA_DATABASE_URL."""

from alembic import context
from sqlalchemy import Connection

from store.db import make_engine
from store.tables import Base

connection = context.config.attributes.get("connection")


def run(conn: Connection) -> None:
    context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:
    with make_engine().connect() as conn:
        run(conn)
        conn.commit()
