"""Process-wide resources: the catalogue and the database, created once per setting."""

from __future__ import annotations

import os
import threading
import time

import streamlit as st

from catalog.catalog import Catalog, ContentRoots, load_catalog
from catalog.versions import stamp, with_versions
from courseware.search import SearchIndex
from quizzes.deadlines import Course, start_sweeper
from store.db import Database, database_url


@st.cache_resource(show_spinner=False)
def _catalog(content_dir: str | None) -> Catalog:
    return load_catalog(ContentRoots.from_env())


@st.cache_resource(show_spinner=False, max_entries=4)
def _served(content_dir: str | None, url: str, edits: int) -> Catalog:
    return with_versions(_database(url), _catalog(content_dir))


# How long an edit, retire or restore made in another process (another replica) may take to be served here;
# one made in this process is served at once (versions_changed).
STAMP_SECONDS = 5.0
_stamps: dict[str, tuple[float, int]] = {}
_stamps_lock = threading.Lock()


def _edits(url: str) -> int:
    """The stamp of the app's question edits, read at most once every STAMP_SECONDS per process."""
    now = time.monotonic()
    with _stamps_lock:
        seen = _stamps.get(url)
    if seen is None or now - seen[0] > STAMP_SECONDS:
        seen = (now, stamp(_database(url)))
        with _stamps_lock:
            _stamps[url] = seen
    return seen[1]


def catalog() -> Catalog:
    """The course, loaded once per process (and per CMA_CONTENT_DIR), with the question versions edited in the
    app laid over it; whether an edit, retire or restore happened anywhere is read once every few seconds."""
    url = database_url()
    return _served(os.environ.get("CMA_CONTENT_DIR"), url, _edits(url))


def versions_changed() -> None:
    """An edit, retire, restore or regrade was just written here: serve it from the next call on."""
    with _stamps_lock:
        _stamps.clear()


def reload_catalog() -> None:
    """Load the course again (after a bank was imported), for every session of this process."""
    _catalog.clear()
    _served.clear()
    _search.clear()
    versions_changed()


@st.cache_resource(show_spinner=False)
def _database(url: str) -> Database:
    return Database(url)


def database() -> Database:
    """The database for the configured URL, migrated once per process."""
    db = _database(database_url())
    _sweeper(database_url())
    return db


@st.cache_resource(show_spinner=False)
def _sweeper(url: str) -> object:
    """Submit exams whose time is up, in the background, once per process and database."""
    cat = catalog()
    course = Course(cat.blueprints, cat.questions, cat.syllabus.module_of)
    return start_sweeper(_database(url), lambda: course)


@st.cache_resource(show_spinner=False)
def _search(content_dir: str | None) -> SearchIndex:
    return SearchIndex(list(catalog().sections.values()))


def search_index() -> SearchIndex:
    """The full-text index of every section, built once."""
    return _search(os.environ.get("CMA_CONTENT_DIR"))
