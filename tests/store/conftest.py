"""These tests run on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from store.db import Database


@pytest.fixture
def db(any_db: Database) -> Database:
    """A fresh database of each supported engine."""
    return any_db
