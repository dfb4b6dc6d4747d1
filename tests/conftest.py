"""Shared fixtures: a temporary database, the fixture course and the shipped catalogue."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.catalog import Catalog, ContentRoots, load_catalog
from store.db import Database

os.environ.setdefault("CMA_CATALOG_CACHE", "off")  # tests load what is on disk; the cache has its own tests
FIXTURE_COURSE = Path(__file__).parent / "fixtures" / "course"
# Tests see the full error of a failing page (production shows none: .streamlit/config.toml).
os.environ.setdefault("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS", "full")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """A fresh, migrated SQLite database."""
    return Database(f"sqlite:///{tmp_path / 'test.db'}")


@pytest.fixture(scope="session")
def postgres() -> Iterator[object]:
    """A throwaway PostgreSQL cluster for this test process (required when CMA_REQUIRE_POSTGRES=1)."""
    from tests.pgcluster import start_cluster

    cluster = start_cluster()
    if cluster is None:
        if os.environ.get("CMA_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is not installed: apt-get install -y postgresql")
        pytest.skip("PostgreSQL is not installed")
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """A fresh, migrated database of each engine the app supports."""
    if request.param == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'test.db'}")
    cluster = request.getfixturevalue("postgres")
    database: Database = cluster.fresh()  # type: ignore[attr-defined]
    request.addfinalizer(database.engine.dispose)
    return database


@pytest.fixture(scope="session")
def fixture_catalog() -> Catalog:
    """The fixture course, good and bad files together."""
    return load_catalog(ContentRoots.under(FIXTURE_COURSE))


@pytest.fixture(scope="session")
def shipped() -> Catalog:
    """The course shipped with the app."""
    return load_catalog(ContentRoots.shipped())
