"""An exam left open past its deadline is submitted by the server with the answers saved so far."""

from __future__ import annotations

import time
from datetime import timedelta

from catalog.catalog import Catalog
from classroom.accounts import create_user
from quizzes import exam
from quizzes.deadlines import Course, start_sweeper, submit_overdue
from store.db import Database
from store.tables import ExamAttempt, utcnow


def _course(shipped: Catalog) -> Course:
    return Course(shipped.blueprints, shipped.questions, shipped.syllabus.module_of)


def _overdue_attempt(db: Database, shipped: Catalog, name: str) -> tuple[int, int, str]:
    user = create_user(db, name, "考生", "trainee", "secret-pass-2026")
    bp = shipped.blueprints["starter-mock"]
    attempt_id = exam.start(db, user.id, bp, shipped.questions, shipped.syllabus.module_of, seed=5)
    first = exam.load(db, user.id, attempt_id).paper[0].question_id
    q = shipped.questions[first]
    exam.save_answer(db, user.id, attempt_id, first, q.answer)  # type: ignore[union-attr]
    with db.session() as s:
        row = s.get(ExamAttempt, attempt_id)
        assert row is not None
        row.deadline_at = utcnow() - timedelta(minutes=1)
    return user.id, attempt_id, first


def test_the_server_submits_an_abandoned_attempt(db: Database, shipped: Catalog) -> None:
    user_id, attempt_id, first = _overdue_attempt(db, shipped, "left_early")
    still_running = exam.start(
        db, user_id, shipped.blueprints["starter-mock"], shipped.questions, shipped.syllabus.module_of, seed=6
    )
    assert submit_overdue(db, _course(shipped)) == 1
    done = exam.load(db, user_id, attempt_id)
    assert done.submitted
    assert done.score is not None and done.score > 0
    assert done.breakdown["items"][first]["status"] == "correct"  # type: ignore[index]
    assert exam.load(db, user_id, still_running).submitted is False  # time left: untouched
    assert submit_overdue(db, _course(shipped)) == 0  # idempotent


def test_the_background_sweeper_does_it_without_any_page(db: Database, shipped: Catalog) -> None:
    user_id, attempt_id, _first = _overdue_attempt(db, shipped, "never_back")
    stop = start_sweeper(db, lambda: _course(shipped), every=0.2)
    try:
        deadline = time.time() + 10
        while time.time() < deadline and exam.load(db, user_id, attempt_id).submitted is False:
            time.sleep(0.1)
        assert exam.load(db, user_id, attempt_id).submitted
    finally:
        stop.set()
