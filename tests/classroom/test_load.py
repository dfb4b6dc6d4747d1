"""Sixty trainees answering at once against SQLite: nothing lost, nothing duplicated."""

from __future__ import annotations

from benchmarks.concurrency import simulate
from catalog.catalog import Catalog
from store.db import Database


def test_sixty_trainees_at_once_lose_and_duplicate_nothing(db: Database, shipped: Catalog) -> None:
    figures = simulate(db, shipped, trainees=60, answers_each=5)
    assert figures["stored"] == 60 * 5 + 60
    assert figures["lost"] == 0 and figures["duplicated"] == 0
