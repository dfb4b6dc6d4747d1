"""Per trainee and question: wrong book, favourites, review schedule, and where sequential practice stopped."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from quizzes.review import aim, schedule
from store.db import Database
from store.tables import PracticePosition, QuestionState, User, utcnow

CLEAR_AFTER = 3  # correct answers in a row that take a question out of the wrong book


def _state(s: Session, user_id: int, question_id: str) -> QuestionState:
    row = s.scalar(
        select(QuestionState).where(QuestionState.user_id == user_id, QuestionState.question_id == question_id)
    )
    if row is None:
        row = QuestionState(
            user_id=user_id,
            question_id=question_id,
            favorite=False,
            in_wrong_book=False,
            correct_streak=0,
            wrong_count=0,
        )
        s.add(row)
    return row


def record_result(s: Session, user_id: int, question_id: str, status: str, now: datetime | None = None) -> None:
    """Update the wrong book and the review card after an answer (inside the caller's transaction). Everything
    is read first, in one statement, and the card computed before any write: on SQLite the write lock is then
    held only for the writes themselves."""
    now = now or utcnow()
    found = s.execute(
        select(User.exam_date, QuestionState)
        .outerjoin(QuestionState, and_(QuestionState.user_id == User.id, QuestionState.question_id == question_id))
        .where(User.id == user_id)
    ).first()
    exam_date, row = (found[0], found[1]) if found is not None else (None, None)
    if row is None:
        row = QuestionState(
            user_id=user_id,
            question_id=question_id,
            favorite=False,
            in_wrong_book=False,
            correct_streak=0,
            wrong_count=0,
        )
        s.add(row)
    if status == "correct":
        row.correct_streak += 1
        if row.in_wrong_book and row.correct_streak >= CLEAR_AFTER:
            row.in_wrong_book = False
    elif status in {"wrong", "partial"}:
        row.in_wrong_book = True
        row.correct_streak = 0
        row.wrong_count += 1
    scheduled = schedule(row.card, status, now, exam_date)
    if scheduled is not None:
        row.card, row.due_at = scheduled
    row.updated_at = now


def queue_for_review(db: Database, user_id: int, question_ids: list[str], now: datetime | None = None) -> None:
    """Put questions in the review queue at once (used when a scenario shows a weak point)."""
    now = now or utcnow()
    with db.session() as s:
        for qid in dict.fromkeys(question_ids):
            row = _state(s, user_id, qid)
            if row.due_at is None or row.due_at > now:
                row.due_at = now
            row.updated_at = now


def toggle_favorite(db: Database, user_id: int, question_id: str) -> bool:
    """Star or unstar a question; returns the new state."""
    with db.session() as s:
        row = _state(s, user_id, question_id)
        row.favorite = not row.favorite
        row.updated_at = utcnow()
        return row.favorite


def _ids(db: Database, user_id: int, condition: object) -> list[str]:
    with db.session() as s:
        return list(
            s.scalars(
                select(QuestionState.question_id)
                .where(QuestionState.user_id == user_id, condition)  # type: ignore[arg-type]
                .order_by(QuestionState.updated_at.desc(), QuestionState.id.desc())
            )
        )


def favorites(db: Database, user_id: int) -> list[str]:
    """Starred questions, newest first."""
    return _ids(db, user_id, QuestionState.favorite.is_(True))


def wrong_book(db: Database, user_id: int) -> list[str]:
    """Questions in the wrong book, most recently missed first."""
    return _ids(db, user_id, QuestionState.in_wrong_book.is_(True))


def due_for_review(db: Database, user_id: int, now: datetime | None = None) -> list[str]:
    """Questions whose review is due, most overdue first."""
    now = now or utcnow()
    with db.session() as s:
        return list(
            s.scalars(
                select(QuestionState.question_id)
                .where(QuestionState.user_id == user_id, QuestionState.due_at <= now)
                .order_by(QuestionState.due_at, QuestionState.id)
            )
        )


def next_review(db: Database, user_id: int) -> datetime | None:
    """When the next review falls due."""
    with db.session() as s:
        return s.scalar(
            select(QuestionState.due_at)
            .where(QuestionState.user_id == user_id, QuestionState.due_at.is_not(None))
            .order_by(QuestionState.due_at)
            .limit(1)
        )


def set_exam_date(db: Database, user_id: int, day: date | None) -> None:
    """The date the trainee sits the exam; reviews are brought forward to before it."""
    with db.session() as s:
        user = s.get(User, user_id)
        if user is not None:
            user.exam_date = day
            if day is not None:
                now = utcnow()
                for row in s.scalars(select(QuestionState).where(QuestionState.user_id == user_id)):
                    if row.due_at is not None:
                        row.due_at = aim(row.due_at, now, day)


def exam_date(db: Database, user_id: int) -> date | None:
    """The trainee's exam date, if set."""
    with db.session() as s:
        user = s.get(User, user_id)
        return user.exam_date if user else None


def position(db: Database, user_id: int, scope: str) -> int:
    """Where sequential practice in this scope stopped."""
    with db.session() as s:
        value = s.scalar(
            select(PracticePosition.position).where(
                PracticePosition.user_id == user_id, PracticePosition.scope == scope
            )
        )
        return int(value or 0)


def save_position(db: Database, user_id: int, scope: str, index: int) -> None:
    """Remember where sequential practice in this scope stands."""
    with db.session() as s:
        row = s.scalar(
            select(PracticePosition).where(PracticePosition.user_id == user_id, PracticePosition.scope == scope)
        )
        if row is None:
            s.add(PracticePosition(user_id=user_id, scope=scope, position=index))
        else:
            row.position = index
            row.updated_at = utcnow()
