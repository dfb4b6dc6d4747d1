"""Assignments: targets checked, status computed from what trainees did, attempt limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from catalog.catalog import Catalog
from classroom.assignments import AssignmentError, attempts_left, create_assignment, tasks_of
from courseware.progress import mark
from quizzes import exam
from quizzes.practice import answer_question
from store.db import Database
from tests.classroom.helpers import make_class

CHAPTER = "crm-basics-01-customers"


def test_unknown_targets_and_bad_limits_are_refused(db: Database, shipped: Catalog) -> None:
    _, class_id, _ = make_class(db, 1)
    with pytest.raises(AssignmentError, match="找不到"):
        create_assignment(db, shipped, class_id, "chapter", "no-such-chapter")
    with pytest.raises(AssignmentError, match="次数"):
        create_assignment(db, shipped, class_id, "exam", "starter-mock", max_attempts=0)


def test_chapter_status_follows_sections_read(db: Database, shipped: Catalog) -> None:
    _, class_id, (trainee,) = make_class(db, 1)
    create_assignment(db, shipped, class_id, "chapter", CHAPTER)
    assert tasks_of(db, shipped, trainee)[0].status == "todo"
    mark(db, trainee, "customer-vs-consumer", "done")
    task = tasks_of(db, shipped, trainee)[0]
    assert (task.status, task.done, task.needed) == ("doing", 1, 3)
    for sid in ("internal-and-external-customers", "customer-value-five-levels"):
        mark(db, trainee, sid, "done")
    assert tasks_of(db, shipped, trainee)[0].status == "done"


def test_overdue_work_is_late_and_practice_counts_answers_after_assignment(db: Database, shipped: Catalog) -> None:
    _, class_id, (trainee,) = make_class(db, 1)
    past = datetime.now(UTC) - timedelta(days=1)
    create_assignment(db, shipped, class_id, "practice", CHAPTER, goal=2, due_at=past)
    assert tasks_of(db, shipped, trainee)[0].status == "late"
    answer_question(db, trainee, shipped.questions["crm-basics.q001"], "C", "practice")
    answer_question(db, trainee, shipped.questions["crm-basics.q001"], "C", "practice")
    assert tasks_of(db, shipped, trainee)[0].done == 1  # the same question twice counts once
    answer_question(db, trainee, shipped.questions["crm-basics.q002"], True, "practice")
    assert tasks_of(db, shipped, trainee)[0].status == "done"


def test_exam_attempt_limit_is_counted(db: Database, shipped: Catalog) -> None:
    _, class_id, (trainee,) = make_class(db, 1)
    assert attempts_left(db, shipped, trainee, "exam", "starter-mock") is None
    create_assignment(db, shipped, class_id, "exam", "starter-mock", max_attempts=1)
    assert attempts_left(db, shipped, trainee, "exam", "starter-mock") == 1
    module_of = {p.id: m.id for m in shipped.syllabus.modules for p in m.points}
    bp = shipped.blueprints["starter-mock"]
    attempt = exam.start(db, trainee, bp, shipped.questions, module_of, seed=7)
    exam.submit(db, trainee, attempt, bp, shipped.questions, module_of)
    assert attempts_left(db, shipped, trainee, "exam", "starter-mock") == 0
    task = tasks_of(db, shipped, trainee)[0]
    assert task.status == "done" and task.best == 0
