"""What an instructor sees and does about trainees: summaries, mastery, the class dashboard, drill-down,
manual grading. An instructor sees only the trainees of the classes they teach; an admin sees everyone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from actions._cache import analysed, kept
from actions._guard import TEACHERS, Actor, action, remember, role, sees, session, taught_trainees, teacher_of
from actions.refusals import NotFound
from classroom import grid_export, manual, reports
from classroom.accounts import list_accounts
from classroom.dashboard import ClassView, class_view
from classroom.reports import TraineeSummary, point_mastery
from quizzes import exam, item_analysis
from quizzes.analytics import ItemStat, first_answers, statistics_of_first
from quizzes.practice import Tally
from scenarios.sessions import RunSummary, runs_of
from store.db import Database
from store.tables import Answer, ClassMember, ExamAttempt

if TYPE_CHECKING:
    from datetime import datetime

    from catalog.catalog import Catalog


@action
def trainee_summaries(db: Database, actor: Actor, course: Catalog) -> list[TraineeSummary]:
    """A summary row per trainee the actor teaches (every trainee for an admin), from the shared figures."""
    me = role(db, actor, *TEACHERS)
    visible = taught_trainees(db, me)
    scope = None if visible is None else frozenset(visible)

    def read() -> tuple[list[TraineeSummary], tuple[int, ...]]:
        trainees = list_accounts(db, "trainee", ids=visible)  # filtered in SQL: other classes' trainees not read
        return reports.trainee_summaries(db, trainees, course.sections), tuple(t.id for t in trainees)

    rows, ids = kept(db, ("trainee_summaries", scope, id(course)), read)
    for uid in ids:
        remember(db, ("user", uid), True)  # read just now: a later check on one of them needs no query
    return list(rows)


@action
def trainee_mastery(db: Database, actor: Actor, course: Catalog, user_id: int) -> dict[str, Tally]:
    """Accuracy per knowledge point of a trainee the actor may see."""
    sees(db, actor, user_id)
    return dict(kept(db, ("point_mastery", user_id, id(course)), lambda: point_mastery(db, course, user_id)))


@action
def trainee_exams(db: Database, actor: Actor, user_id: int) -> list[exam.AttemptView]:
    """The handed-in exams of a trainee the actor may see."""
    sees(db, actor, user_id)
    return exam.history(db, user_id)


@action
def trainee_runs(db: Database, actor: Actor, user_id: int) -> list[RunSummary]:
    """The scenario runs of a trainee the actor may see."""
    sees(db, actor, user_id)
    return runs_of(db, user_id)


@action
def item_statistics(db: Database, actor: Actor, course: Catalog) -> list[ItemStat]:
    """Facility and discrimination of each question over the answers of the trainees the actor teaches."""
    me = role(db, actor, *TEACHERS)
    visible = taught_trainees(db, me)
    scope = None if visible is None else frozenset(visible)
    return list(
        kept(
            db,
            ("item_statistics", scope, id(course)),
            lambda: [s for s in statistics_of_first(first_answers(db, visible)) if s.question_id in course.questions],
        )
    )


@action
def analyse_items(
    db: Database, actor: Actor, course: Catalog, class_id: int | None = None
) -> list[item_analysis.ItemAnalysis]:
    """Item analysis with flags over the first answers of a class the actor teaches, or of every trainee the
    actor teaches (everyone for an admin)."""
    if class_id is not None:
        teacher_of(db, actor, class_id)
        ids: list[int] | None = list(
            session(db).scalars(select(ClassMember.user_id).where(ClassMember.class_id == class_id))
        )
    else:
        ids = taught_trainees(db, role(db, actor, *TEACHERS))
    return list(analysed(db, course, ids))


@action
def class_dashboard(
    db: Database, actor: Actor, course: Catalog, class_id: int, now: datetime | None = None
) -> ClassView:
    """Everything the dashboard of a class the actor teaches shows."""
    teacher_of(db, actor, class_id)
    if now is not None:
        return class_view(db, course, class_id, now)
    return kept(db, ("class_view", class_id, id(course)), lambda: class_view(db, course, class_id))


@action
def pending_grading(db: Database, actor: Actor, class_id: int) -> list[manual.PendingItem]:
    """Answers of the class's trainees waiting for a person's score."""
    teacher_of(db, actor, class_id)
    members = select(ClassMember.user_id).where(ClassMember.class_id == class_id)
    return list(kept(db, ("pending_grading", class_id), lambda: manual.pending(db, members)))


@action
def grade_manually(
    db: Database,
    actor: Actor,
    course: Catalog,
    class_id: int,
    source: str,
    ref: int,
    question_id: str,
    score: float,
) -> None:
    """Score by hand a practice answer or an exam item of a trainee of a class the actor teaches; an exam's
    total and pass flag are recomputed in the same transaction."""
    teacher_of(db, actor, class_id)
    members = set(session(db).scalars(select(ClassMember.user_id).where(ClassMember.class_id == class_id)))
    if source == "practice":
        answer = session(db).get(Answer, ref)
        if answer is None or answer.user_id not in members or answer.question_id != question_id:
            raise NotFound()
        manual.grade_practice_answer(db, ref, score)
        return
    if source != "exam":
        raise NotFound()
    attempt = session(db).get(ExamAttempt, ref)
    if attempt is None or attempt.user_id not in members:
        raise NotFound()
    blueprint = course.blueprints.get(attempt.blueprint_id)
    manual.grade_exam_item(db, ref, question_id, score, blueprint.pass_mark if blueprint else 60)


@action
def grade_skill_manually(
    db: Database, actor: Actor, course: Catalog, class_id: int, attempt_id: int, question_id: str, marks: list[float]
) -> None:
    """Mark a written skills item of an exam point by point (a trainee of a class the actor teaches); the paper's
    total and pass flag are recomputed in the same transaction."""
    teacher_of(db, actor, class_id)
    members = set(session(db).scalars(select(ClassMember.user_id).where(ClassMember.class_id == class_id)))
    attempt = session(db).get(ExamAttempt, attempt_id)
    if attempt is None or attempt.user_id not in members:
        raise NotFound()
    blueprint = course.blueprints.get(attempt.blueprint_id)
    manual.grade_exam_skill(db, attempt_id, question_id, marks, blueprint.pass_mark if blueprint else 60)


@action
def class_answer_grid(db: Database, actor: Actor, course: Catalog, class_id: int) -> grid_export.Grid:
    """A class's first answers per trainee and question (for the CSV and Excel export)."""
    teacher_of(db, actor, class_id)
    ids = list(session(db).scalars(select(ClassMember.user_id).where(ClassMember.class_id == class_id)))
    return grid_export.practice_grid(db, ids, sorted(course.questions))


@action
def class_exam_grid(db: Database, actor: Actor, class_id: int, blueprint_id: str) -> grid_export.Grid:
    """A class's latest submitted attempt of one exam, per trainee and question (for the export)."""
    teacher_of(db, actor, class_id)
    ids = list(session(db).scalars(select(ClassMember.user_id).where(ClassMember.class_id == class_id)))
    return grid_export.exam_grid(db, ids, blueprint_id)
