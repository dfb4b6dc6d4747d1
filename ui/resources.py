"""Process-wide resources: the catalogue and the database, created once."""

from __future__ import annotations

import streamlit as st

from catalog.catalog import Catalog, load_catalog
from grading.engine import Engine
from scenarios.runner import build_engine
from store.db import Database


@st.cache_resource(show_spinner=False)
def catalog() -> Catalog:
    """The course, loaded once per process."""
    return load_catalog()


@st.cache_resource(show_spinner=False)
def database() -> Database:
    """The database, migrated once per process."""
    return Database()


@st.cache_resource(show_spinner=False)
def scenario_engine(scenario_id: str) -> Engine:
    """The rule engine of one scenario, built once."""
    cat = catalog()
    return build_engine(cat.scenarios[scenario_id], cat.library)
