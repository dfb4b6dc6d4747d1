"""A small school for the action tests: an admin, two instructors with a class each, trainees, a group,
assignments, an exam, a scenario run, a role-play, a live quiz, a report and a final exam in progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from catalog.catalog import Catalog
from classroom import live
from classroom.accounts import Account, get_account
from classroom.assignments import assignments_of, create_assignment
from classroom.classes import add_member, create_class
from classroom.feedback import file_report
from classroom.group_reports import submit
from classroom.groups import create_group, groups_of, place, set_leader
from classroom.roleplay import start_role_play
from quizzes import exam
from quizzes.practice import answer_question
from scenarios.sessions import start_run
from store.db import Database
from store.tables import Answer, Base, CertificationAttempt
from tests.classroom.helpers import make_users

SCENARIO = "late-birthday-cake"
BLUEPRINT = "starter-mock"


@dataclass
class School:
    """Who is who, and the ids of what they made."""

    course: Catalog
    admin: Account
    teacher_a: Account
    teacher_b: Account
    t1: Account  # class A, group leader, agent of the role-play, owns the attempts and the run
    t2: Account  # class A, same group, the customer
    t3: Account  # class A, same group, an observer
    t_b: Account  # class B only
    class_a: int
    class_b: int
    code_a: str
    team: int
    exam_task: int
    report_task: int
    attempt: int  # t1's open exam attempt
    run: int  # t1's scenario run
    role_play: int
    quiz: int
    quiz_code: str
    submission: int
    final: int  # t1's final exam in progress
    answer: int  # t1's short answer waiting for a person's score

    def actor(self, key: str) -> Account | None:
        return None if key == "none" else getattr(self, key)


def _account(db: Database, uid: int) -> Account:
    found = get_account(db, uid)
    assert found is not None
    return found


@pytest.fixture
def school(db: Database, shipped: Catalog) -> School:
    admin, teacher_a, teacher_b = (
        _account(db, u)
        for u in make_users(db, 1, "admin", "admin")
        + make_users(db, 1, "teach_a", "instructor")
        + make_users(db, 1, "teach_b", "instructor")
    )
    t1, t2, t3, t4, t_b = (_account(db, u) for u in make_users(db, 5, "t"))
    a = create_class(db, teacher_a.id, "甲班")
    b = create_class(db, teacher_b.id, "乙班")
    for t in (t1, t2, t3, t4):
        add_member(db, a.id, t.id)
    add_member(db, b.id, t_b.id)
    team = create_group(db, a.id, "一组")
    for t in (t1, t2, t3, t4):
        place(db, a.id, team, t.id)
    set_leader(db, team, t1.id)
    exam_task = create_assignment(db, shipped, a.id, "exam", BLUEPRINT, max_attempts=2).id
    report_task = create_assignment(db, shipped, a.id, "report", "survey-crm").id
    bp = shipped.blueprints[BLUEPRINT]
    attempt = exam.start(db, t1.id, bp, shipped.questions, shipped.syllabus.module_of, seed=5)
    run = start_run(db, t1.id, SCENARIO)
    play = start_role_play(db, shipped.scenarios[SCENARIO], team, t2.id, t1.id)
    chapter = shipped.chapters[0].id
    quiz = live.create_quiz(db, a.id, "小测", live.chapter_questions(shipped, chapter, 3, seed=1))
    live.join(db, t1.id, quiz.code)
    group = next(g for g in groups_of(db, a.id) if g.id == team)
    task = next(x for x in assignments_of(db, [a.id]) if x.id == report_task)
    sub = submit(db, task, group, t1.id, "开头：我们调查了顾客满意度。正文：分析。结尾：建议。" * 5)
    short = next(q for q in shipped.questions.values() if q.type == "short")
    answer_question(db, t1.id, short, "客户满意度是顾客对服务的感受。", "practice")
    file_report(db, t1.id, "question", short.id, "typo", "第二句有错别字")
    with db.session() as s:
        answer = max(s.scalars(select(Answer.id)))
        final = CertificationAttempt(
            user_id=t1.id, exam_attempt_id=attempt, scenario_ids=[SCENARIO, SCENARIO], run_ids=[None, None]
        )
        s.add(final)
        s.flush()
        final_id = final.id
    return School(
        shipped,
        admin,
        teacher_a,
        teacher_b,
        t1,
        t2,
        t3,
        t_b,
        a.id,
        b.id,
        a.code,
        team,
        exam_task,
        report_task,
        attempt,
        run,
        play.id,
        quiz.id,
        quiz.code,
        sub.id,
        final_id,
        answer,
    )


def counts(db: Database) -> dict[str, Any]:
    """Rows per table: what a refused or failed action must leave as it was."""
    with db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
