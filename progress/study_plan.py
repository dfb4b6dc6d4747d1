"""The study plan in the database: the trainee's daily goal, and today's plan read in a fixed number of
queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from sqlalchemy import func, select

from courseware.progress import DONE
from progress.plan import AnswerEvent, Goal, Today, local_day, local_zone, plan_today, work_by_day
from store.db import Database
from store.tables import Answer, QuestionState, SectionProgress, StudyPlan, User, utcnow


def goal_of(db: Database, user_id: int) -> Goal | None:
    """The trainee's daily goal; None before one was set."""
    with db.session() as s:
        row = s.scalar(select(StudyPlan).where(StudyPlan.user_id == user_id))
        return None if row is None else Goal(row.daily_sections, row.daily_questions, row.daily_reviews)


def save_goal(db: Database, user_id: int, goal: Goal) -> None:
    """Set the trainee's daily goal (checked by the caller)."""
    with db.session() as s:
        row = s.scalar(select(StudyPlan).where(StudyPlan.user_id == user_id))
        if row is None:
            s.add(
                StudyPlan(
                    user_id=user_id,
                    daily_sections=goal.sections,
                    daily_questions=goal.questions,
                    daily_reviews=goal.reviews,
                )
            )
        else:
            row.daily_sections, row.daily_questions, row.daily_reviews = goal.sections, goal.questions, goal.reviews
            row.updated_at = utcnow()


def today_of(
    db: Database,
    user_id: int,
    syllabus_order: Sequence[str],
    now: datetime | None = None,
    zone: tzinfo | None = None,
) -> Today:
    """Today's plan for the trainee (the default goal when none was set)."""
    now = now or utcnow()
    zone = zone or local_zone()
    course = set(syllabus_order)
    with db.session() as s:
        reviews_due = (
            select(func.count()).where(QuestionState.user_id == user_id, QuestionState.due_at <= now).scalar_subquery()
        )
        row = s.execute(
            select(User.exam_date, StudyPlan, reviews_due)
            .outerjoin(StudyPlan, StudyPlan.user_id == User.id)
            .where(User.id == user_id)
        ).first()
        exam_date, plan, due = (row[0], row[1], row[2]) if row is not None else (None, None, 0)
        events = [
            AnswerEvent(qid, mode, seconds, at)
            for qid, mode, seconds, at in s.execute(
                select(Answer.question_id, Answer.mode, Answer.seconds, Answer.created_at).where(
                    Answer.user_id == user_id
                )
            )
        ]
        read: list[str] = []
        finished: list[datetime] = []
        for sid, done_at, updated_at in s.execute(
            select(SectionProgress.section_id, SectionProgress.done_at, SectionProgress.updated_at).where(
                SectionProgress.user_id == user_id, SectionProgress.status == DONE
            )
        ):
            if sid in course:
                read.append(sid)
                finished.append(done_at or updated_at)
    goal = Goal() if plan is None else Goal(plan.daily_sections, plan.daily_questions, plan.daily_reviews)
    return plan_today(
        goal,
        syllabus_order,
        read,
        work_by_day(events, finished, zone),
        int(due or 0),
        exam_date,
        local_day(now, zone),
    )
