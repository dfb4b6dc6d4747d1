"""A trainee's own study: reading, practice, review queue, mock exams, figures and tasks."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from actions._cache import kept, own_figures
from actions._guard import Actor, action, session, who
from actions.refusals import Invalid, LimitReached, NotAllowed, NotFound
from classroom.assignments import TaskStatus, attempts_left, tasks_of
from courseware import progress as reading
from progress import study_plan
from progress.estimate import Trend, trend_of
from progress.figures import Figures
from progress.plan import Goal, Today, local_day, local_zone
from quizzes import exam, tracking
from quizzes.modes import Mode, Scope, build_pool
from quizzes.practice import AnswerRow, answers_of
from quizzes.practice import answer_question as grade_and_store
from quizzes.scoring import Score
from store.db import Database
from store.tables import ExamAttempt, utcnow

HIDDEN_DURING_EXAM = "这道题在你正在进行的考试试卷上，交卷后才能练习。"
RETIRED = "这道题已停用，请换一道题练习。"

if TYPE_CHECKING:
    from catalog.catalog import Catalog

PRACTICE_MODES = frozenset({"practice", "check"})
READING = frozenset({reading.OPENED, reading.DONE})


# ------------------------------------------------------------ figures and tasks


@action
def my_figures(db: Database, actor: Actor, course: Catalog) -> Figures:
    """The actor's own figures (sections of this course read, answers, accuracy, exams, runs)."""
    me = who(db, actor)
    return own_figures(db, me.id, course)


@action
def my_answers(db: Database, actor: Actor) -> list[AnswerRow]:
    """The actor's practice answers, oldest first."""
    me = who(db, actor)
    return list(kept(db, ("my_answers", me.id), lambda: answers_of(db, me.id)))


@action
def my_tasks(db: Database, actor: Actor, course: Catalog, now: datetime | None = None) -> list[TaskStatus]:
    """The actor's assignments across their classes, with status."""
    me = who(db, actor)
    if now is not None:
        return tasks_of(db, course, me.id, now)
    return list(kept(db, ("my_tasks", me.id, id(course)), lambda: tasks_of(db, course, me.id, None)))


# ------------------------------------------------------------ reading


@action
def mark_section(db: Database, actor: Actor, course: Catalog, section_id: str, status: str) -> None:
    """Record that the actor opened or finished reading a section of the course."""
    me = who(db, actor)
    if section_id not in course.sections:
        raise NotFound()
    if status not in READING:
        raise Invalid()
    reading.mark(db, me.id, section_id, status)


@action
def my_section_statuses(db: Database, actor: Actor) -> dict[str, str]:
    """Section id -> opened/done for the actor."""
    me = who(db, actor)
    return dict(kept(db, ("my_section_statuses", me.id), lambda: reading.statuses(db, me.id)))


@action
def my_last_section(db: Database, actor: Actor) -> str | None:
    """The section the actor read last, to resume."""
    return reading.last_section(db, who(db, actor).id)


# ------------------------------------------------------------ practice


@action
def answer_question(
    db: Database,
    actor: Actor,
    course: Catalog,
    question_id: str,
    response: Any,
    mode: str = "practice",
    seconds: float | None = None,
) -> Score:
    """Grade the actor's answer and store it with its review state; an invalid answer is not stored."""
    me = who(db, actor)
    question = course.questions.get(question_id)
    if question is None:
        raise NotFound()
    if mode not in PRACTICE_MODES:
        raise Invalid()
    if question_id in course.retired:
        raise Invalid(RETIRED)
    if question_id in exam.open_paper_questions(db, me.id):
        raise NotAllowed(HIDDEN_DURING_EXAM)
    return grade_and_store(db, me.id, question, response, mode, seconds, course.version_of(question_id))


@action
def practice_pool(
    db: Database,
    actor: Actor,
    course: Catalog,
    mode: Mode,
    scope: Scope = Scope.ALL,
    value: str | None = None,
    seed: int = 0,
) -> list[str]:
    """The questions to practise in this mode and scope, without those on the actor's open exam papers."""
    me = who(db, actor)
    pool = build_pool(
        mode,
        course,
        scope,
        value,
        seed=seed,
        wrong=tracking.wrong_book(db, me.id) if mode is Mode.WRONG else None,
        favorites=tracking.favorites(db, me.id) if mode is Mode.FAVORITE else None,
        due=tracking.due_for_review(db, me.id) if mode is Mode.REVIEW else None,
    )
    hidden = exam.open_paper_questions(db, me.id)
    return [q for q in pool if q not in hidden]


@action
def hidden_during_exam(db: Database, actor: Actor) -> frozenset[str]:
    """Question ids the actor may not practise now (they are on an open exam paper)."""
    return exam.open_paper_questions(db, who(db, actor).id)


@action
def toggle_favorite(db: Database, actor: Actor, question_id: str) -> bool:
    """Star or unstar a question; True when it is now starred."""
    return tracking.toggle_favorite(db, who(db, actor).id, question_id)


@action
def my_favorites(db: Database, actor: Actor) -> list[str]:
    """The actor's starred questions."""
    return tracking.favorites(db, who(db, actor).id)


@action
def my_wrong_book(db: Database, actor: Actor) -> list[str]:
    """Questions the actor got wrong and has not yet mastered."""
    return tracking.wrong_book(db, who(db, actor).id)


@action
def my_due_reviews(db: Database, actor: Actor, now: datetime | None = None) -> list[str]:
    """Questions due for review now."""
    return tracking.due_for_review(db, who(db, actor).id, now)


@action
def my_next_review(db: Database, actor: Actor) -> datetime | None:
    """When the next review falls due."""
    return tracking.next_review(db, who(db, actor).id)


@action
def my_exam_date(db: Database, actor: Actor) -> date | None:
    """The date of the real exam the actor aims at."""
    return tracking.exam_date(db, who(db, actor).id)


@action
def set_my_exam_date(db: Database, actor: Actor, day: date | None) -> None:
    """Set or clear the date of the real exam."""
    tracking.set_exam_date(db, who(db, actor).id, day)


@action
def my_position(db: Database, actor: Actor, scope: str) -> int:
    """Where the actor stopped in a sequential practice scope."""
    return tracking.position(db, who(db, actor).id, scope)


@action
def save_my_position(db: Database, actor: Actor, scope: str, index: int) -> None:
    """Remember where the actor is in a sequential practice scope."""
    tracking.save_position(db, who(db, actor).id, scope, max(0, index))


# ------------------------------------------------------------ mock exams


@action
def exam_attempts_left(db: Database, actor: Actor, course: Catalog, blueprint_id: str) -> int | None:
    """Attempts the actor still has on this exam when it is assigned with a limit; None when unlimited."""
    return attempts_left(db, who(db, actor).id, "exam", blueprint_id)


@action
def start_exam(db: Database, actor: Actor, course: Catalog, blueprint_id: str, seed: int | None = None) -> int:
    """Draw a paper and open an attempt. Refused while another attempt is open, or when an assignment's
    attempt limit is used up."""
    me = who(db, actor)
    blueprint = course.blueprints.get(blueprint_id)
    if blueprint is None:
        raise NotFound()
    if exam.open_attempt(db, me.id) is not None:
        raise Invalid("你有一场未交卷的考试，请先完成它")
    if attempts_left(db, me.id, "exam", blueprint_id) == 0:
        raise LimitReached()
    return exam.start(db, me.id, blueprint, course.served_questions, course.syllabus.module_of, seed, course.versions)


def _own_attempt(db: Database, actor: Actor, attempt_id: int) -> ExamAttempt:
    me = who(db, actor)
    row = session(db).get(ExamAttempt, attempt_id)
    if row is None or row.user_id != me.id:
        raise NotFound()
    return row


@action
def open_exam(db: Database, actor: Actor) -> exam.AttemptView | None:
    """The actor's attempt still open (to resume after a closed tab or a restart)."""
    attempt_id = exam.open_attempt(db, who(db, actor).id)
    return None if attempt_id is None else exam.load(db, who(db, actor).id, attempt_id)


@action
def load_exam(db: Database, actor: Actor, attempt_id: int) -> exam.AttemptView:
    """One of the actor's attempts."""
    row = _own_attempt(db, actor, attempt_id)
    return exam.load(db, row.user_id, attempt_id)


@action
def save_exam_answer(db: Database, actor: Actor, attempt_id: int, question_id: str, response: Any) -> None:
    """Autosave one answer of the actor's open attempt (refused after submission or the deadline)."""
    row = _own_attempt(db, actor, attempt_id)
    exam.save_answer(db, row.user_id, attempt_id, question_id, response)


@action
def flag_exam_item(db: Database, actor: Actor, attempt_id: int, question_id: str, flagged: bool) -> frozenset[str]:
    """Flag (标记) or unflag an item of the actor's open attempt, kept with the attempt so a reload or another
    device shows it; returns the attempt's flags now."""
    row = _own_attempt(db, actor, attempt_id)
    return exam.set_flag(db, row.user_id, attempt_id, question_id, flagged)


@action
def submit_exam(db: Database, actor: Actor, course: Catalog, attempt_id: int) -> exam.AttemptView:
    """Hand in the actor's attempt and score it (handing in twice changes nothing)."""
    row = _own_attempt(db, actor, attempt_id)
    blueprint = course.blueprints.get(row.blueprint_id)
    if blueprint is None:
        raise NotFound()
    return exam.submit(db, row.user_id, attempt_id, blueprint, course.questions, course.syllabus.module_of)


@action
def exam_history(db: Database, actor: Actor) -> list[exam.AttemptView]:
    """The actor's handed-in attempts, newest first."""
    me = who(db, actor)
    return list(kept(db, ("exam_history", me.id), lambda: exam.history(db, me.id)))


@action
def my_exam_trend(db: Database, actor: Actor, course: Catalog) -> Trend:
    """The actor's mock exam scores over time against the pass line, with a pass estimate from the latest."""
    scales = {b.id: (float(b.total), float(b.pass_mark)) for b in course.blueprints.values()}
    me = who(db, actor)
    return kept(db, ("my_exam_trend", me.id, id(course)), lambda: trend_of(exam.scores(db, me.id), scales))


# ------------------------------------------------------------ study plan


def _syllabus_order(course: Catalog) -> list[str]:
    """Section ids in the order of the syllabus (module, chapter, section)."""
    return [s.id for c in course.chapters for s in c.sections]


@action
def my_study_plan(db: Database, actor: Actor, course: Catalog, now: datetime | None = None) -> Today:
    """Today's plan: sections to read next, questions and reviews against the daily goal, days left to the
    exam, the pace, and the streak."""
    me = who(db, actor)
    if now is not None:
        return study_plan.today_of(db, me.id, _syllabus_order(course), now)
    return kept(
        db, ("my_study_plan", me.id, id(course)), lambda: study_plan.today_of(db, me.id, _syllabus_order(course))
    )


@action
def set_study_plan(
    db: Database,
    actor: Actor,
    exam_date: date | None,
    sections: int,
    questions: int,
    reviews: int,
    now: datetime | None = None,
) -> None:
    """Set the exam date and the daily goal together (reviews are brought forward to before the date)."""
    me = who(db, actor)
    goal = Goal(sections, questions, reviews)
    problem = goal.problem()
    if problem:
        raise Invalid(problem)
    if exam_date is not None and exam_date < local_day(now or utcnow(), local_zone()):
        raise Invalid("考试日期不能早于今天")
    tracking.set_exam_date(db, me.id, exam_date)
    study_plan.save_goal(db, me.id, goal)
