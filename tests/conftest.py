"""Shared fixtures: a temporary database, the fixture course and the shipped catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.catalog import Catalog, ContentRoots, load_catalog
from store.db import Database

FIXTURE_COURSE = Path(__file__).parent / "fixtures" / "course"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """A fresh, migrated SQLite database."""
    return Database(f"sqlite:///{tmp_path / 'test.db'}")


@pytest.fixture(scope="session")
def fixture_catalog() -> Catalog:
    """The fixture course, good and bad files together."""
    return load_catalog(ContentRoots.under(FIXTURE_COURSE))


@pytest.fixture(scope="session")
def shipped() -> Catalog:
    """The course shipped with the app."""
    return load_catalog(ContentRoots.shipped())
