"""Process-wide resources: the catalogue and the database, created once per setting."""

from __future__ import annotations

import os

import streamlit as st

from catalog.catalog import Catalog, ContentRoots, load_catalog
from courseware.search import SearchIndex
from grading.engine import Engine
from quizzes.deadlines import Course, start_sweeper
from scenarios.runner import build_engine
from store.db import Database, database_url


@st.cache_resource(show_spinner=False)
def _catalog(content_dir: str | None) -> Catalog:
    return load_catalog(ContentRoots.from_env())


def catalog() -> Catalog:
    """The course, loaded once per process (and per CMA_CONTENT_DIR)."""
    return _catalog(os.environ.get("CMA_CONTENT_DIR"))


def reload_catalog() -> None:
    """Load the course again (after a bank was imported), for every session of this process."""
    _catalog.clear()
    _search.clear()
    _engine.clear()


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
def _engine(content_dir: str | None, scenario_id: str) -> Engine:
    cat = catalog()
    return build_engine(cat.scenarios[scenario_id], cat.library)


def scenario_engine(scenario_id: str) -> Engine:
    """The rule engine of one scenario, built once."""
    return _engine(os.environ.get("CMA_CONTENT_DIR"), scenario_id)


@st.cache_resource(show_spinner=False)
def _search(content_dir: str | None) -> SearchIndex:
    return SearchIndex(list(catalog().sections.values()))


def search_index() -> SearchIndex:
    """The full-text index of every section, built once."""
    return _search(os.environ.get("CMA_CONTENT_DIR"))
