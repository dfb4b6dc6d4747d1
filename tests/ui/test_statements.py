"""SQL statements per rerun of every page with a seeded class: bounded, and the same for a small class and a
class twice its size (no query per trainee)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from streamlit.testing.v1 import AppTest

from benchmarks.seed import seed_class
from catalog.catalog import Catalog
from classroom.accounts import create_user
from store.db import Database
from ui.routes import ROUTES, STUDY, TEACH

APP = str(Path(__file__).resolve().parents[2] / "app.py")
STUDY_PAGES = [p for p in STUDY if p != "verify"]
TEACH_PAGES = list(TEACH["admin"])
BOUND = 60  # every page today; 教师 with its dashboard, drill-down and grid exports is the largest (54)


def statements_per_rerun(user_id: int, pages: list[str]) -> dict[str, int]:
    """Statements sent during one rerun of each page (after a first render that fills the caches)."""
    count = [0]

    def seen(*_args: object) -> None:
        if threading.current_thread().name != "exam-deadlines":  # the background deadline sweep is no rerun's
            count[0] += 1

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth_user_id"] = user_id
    at.session_state["auth_last_seen"] = time.time()
    at.run()
    out = {}
    event.listen(Engine, "before_cursor_execute", seen)
    try:
        for page in pages:
            at.switch_page(ROUTES[page].path).run()
            assert not at.exception, (page, [e.value for e in at.exception])
            count[0] = 0
            at.run()
            out[page] = count[0]
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    return out


def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Catalog, trainees: int) -> dict[str, int]:
    url = f"sqlite:///{tmp_path / f'class{trainees}.db'}"
    monkeypatch.setenv("CMA_DATABASE_URL", url)
    db = Database(url)
    admin = create_user(db, "teacher", "老师", "admin", "secret-pass-2026")
    ids = seed_class(db, shipped, trainees, 20, instructor_id=admin.id)
    return {
        **statements_per_rerun(ids.trainee_ids[0], STUDY_PAGES),
        **statements_per_rerun(admin.id, TEACH_PAGES),
    }


def test_statements_per_rerun_do_not_grow_with_the_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Catalog
) -> None:
    small = seeded(tmp_path, monkeypatch, shipped, 4)
    large = seeded(tmp_path, monkeypatch, shipped, 12)
    assert small == large
    assert all(n <= BOUND for n in large.values()), large
