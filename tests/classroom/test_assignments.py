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
    assert attempts_left(db, trainee, "exam", "starter-mock") is None
    create_assignment(db, shipped, class_id, "exam", "starter-mock", max_attempts=1)
    assert attempts_left(db, trainee, "exam", "starter-mock") == 1
    module_of = {p.id: m.id for m in shipped.syllabus.modules for p in m.points}
    bp = shipped.blueprints["starter-mock"]
    attempt = exam.start(db, trainee, bp, shipped.questions, module_of, seed=7)
    exam.submit(db, trainee, attempt, bp, shipped.questions, module_of)
    assert attempts_left(db, trainee, "exam", "starter-mock") == 0
    task = tasks_of(db, shipped, trainee)[0]
    assert task.status == "done" and task.best == 0


def test_attempts_left_reads_only_its_target_and_agrees_with_the_task_list(db: Database, shipped: Catalog) -> None:
    """Two classes set the same scenario with different limits, another scenario and another trainee's runs sit
    beside it, and runs started before an assignment do not count against it: the two-statement count agrees
    with the full task list at every step."""
    from sqlalchemy import update

    from classroom.classes import add_member, create_class
    from scenarios.sessions import start_run
    from store.tables import Assignment, ScenarioRun

    teacher, first, (me, other) = make_class(db, 2)
    second = create_class(db, teacher, "2026 夏季班").id
    add_member(db, second, me)
    scenario, elsewhere = sorted(shipped.scenarios)[:2]

    def agrees() -> int | None:
        tasks = [t for t in tasks_of(db, shipped, me) if t.assignment.target == scenario]
        lefts = [t.attempts_left for t in tasks]
        expected = None if not lefts or None in lefts else max(x for x in lefts if x is not None)
        found = attempts_left(db, me, "scenario", scenario)
        assert found == expected, (found, expected)
        return found

    early = start_run(db, me, scenario)  # before any assignment
    assert agrees() is None
    create_assignment(db, shipped, first, "scenario", scenario, max_attempts=1)
    with db.session() as s:  # the early run happened an hour before the assignment
        s.execute(
            update(ScenarioRun).where(ScenarioRun.id == early).values(started_at=datetime.now(UTC) - timedelta(hours=1))
        )
    assert agrees() == 1
    start_run(db, other, scenario)
    start_run(db, me, elsewhere)
    assert agrees() == 1
    start_run(db, me, scenario)
    assert agrees() == 0
    create_assignment(db, shipped, second, "scenario", scenario, max_attempts=3)
    with db.session() as s:  # the second class set it later still, after the run above
        s.execute(
            update(Assignment)
            .where(Assignment.class_id == second)
            .values(created_at=datetime.now(UTC) + timedelta(minutes=1))
        )
    assert agrees() == 3  # the more generous assignment counts
    create_assignment(db, shipped, second, "scenario", scenario)  # set again without a limit
    assert agrees() is None
    assert attempts_left(db, me, "chapter", CHAPTER) is None
