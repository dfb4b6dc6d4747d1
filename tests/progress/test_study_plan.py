"""The study plan read from the database: goal, today's work, streak, pace, and the actions that set it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from actions import study
from actions.refusals import Invalid, NotAllowed
from catalog.catalog import Catalog
from classroom.accounts import get_account
from courseware import progress as reading
from progress.study_plan import goal_of, today_of
from quizzes.tracking import queue_for_review
from store.db import Database
from store.tables import Answer, SectionProgress, StudyPlan, User
from tests.classroom.helpers import make_users

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 21, 0, tzinfo=SHANGHAI)  # 13:00 UTC


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def answers(
    db: Database, uid: int, when: datetime, ids: list[str], seconds: float = 70, mode: str = "practice"
) -> None:
    with db.session() as s:
        for qid in ids:
            s.add(
                Answer(
                    user_id=uid,
                    question_id=qid,
                    mode=mode,
                    response="A",
                    status="correct",
                    score=1,
                    possible=1,
                    seconds=seconds,
                    created_at=when,
                )
            )


def order(course: Catalog) -> list[str]:
    return study._syllabus_order(course)


def test_default_goal_and_the_first_sections_in_syllabus_order(db: Database, shipped: Catalog) -> None:
    (uid,) = make_users(db, 1)
    today = today_of(db, uid, order(shipped), NOW)
    assert goal_of(db, uid) is None
    assert today.day == TODAY
    assert today.next_sections == order(shipped)[: today.goal.sections]
    assert today.streak == 0 and not today.counts_today and today.done == 0


def test_streak_from_stored_answers_with_a_gap_and_today_pending(db: Database, shipped: Catalog) -> None:
    (uid,) = make_users(db, 1)
    qs = list(shipped.questions)
    for back in (1, 2, 4):  # yesterday, the day before, a gap, then four days ago
        answers(db, uid, local(TODAY - timedelta(days=back), 19), qs[back * 20 : back * 20 + 12])
    answers(db, uid, local(TODAY, 9), qs[:1], seconds=600)  # one question today: below the minimum
    today = today_of(db, uid, order(shipped), NOW)
    assert today.streak == 2 and not today.counts_today
    answers(db, uid, local(TODAY, 20), qs[1:12])
    today = today_of(db, uid, order(shipped), NOW)
    assert today.streak == 3 and today.counts_today


def test_a_section_reopened_today_is_not_read_today(db: Database, shipped: Catalog) -> None:
    (uid,) = make_users(db, 1)
    first = order(shipped)[0]
    reading.mark(db, uid, first, reading.DONE)
    with db.session() as s:  # read a week ago
        row = s.scalar(select(SectionProgress).where(SectionProgress.user_id == uid))
        assert row is not None
        row.done_at = row.updated_at = datetime.now(UTC) - timedelta(days=7)
    reading.mark(db, uid, first, reading.OPENED)  # opened again to look something up
    reading.mark(db, uid, first, reading.DONE)  # and marked again
    today = today_of(db, uid, order(shipped))
    assert today.work.sections == 0
    assert first not in today.next_sections


def test_reviews_due_and_done_today(db: Database, shipped: Catalog) -> None:
    (uid,) = make_users(db, 1)
    qs = list(shipped.questions)
    answers(db, uid, local(TODAY - timedelta(days=3), 10), qs[:5])
    answers(db, uid, local(TODAY, 10), qs[:2])  # two of them again today: reviews
    queue_for_review(db, uid, qs[2:5], now=NOW.astimezone(UTC) - timedelta(hours=1))
    today = today_of(db, uid, order(shipped), NOW)
    assert today.work.reviews == 2 and today.work.new_questions == 0
    assert today.reviews_due == 3
    assert today.reviews_target == min(today.goal.reviews, 5)


def test_set_study_plan_saves_date_and_goal_in_one_action(db: Database, shipped: Catalog) -> None:
    (uid,) = make_users(db, 1)
    me = get_account(db, uid)
    exam_day = date.today() + timedelta(days=30)
    study.set_study_plan(db, me, exam_day, 3, 40, 25)
    today = study.my_study_plan(db, me, shipped)
    assert today.exam_date == exam_day and (today.goal.sections, today.goal.questions, today.goal.reviews) == (
        3,
        40,
        25,
    )
    assert today.pace is not None and today.pace.remaining == len(shipped.sections)
    study.set_study_plan(db, me, None, 1, 10, 10)  # clearing the date keeps one plan row
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StudyPlan)) == 1
        assert s.get(User, uid).exam_date is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("day", "goal"),
    [
        (date(2020, 1, 1), (1, 20, 20)),  # in the past
        (None, (0, 0, 0)),  # nothing to do
        (None, (11, 20, 20)),  # too many sections
        (None, (1, -5, 20)),
    ],
)
def test_bad_plans_are_refused_and_write_nothing(db: Database, day: date | None, goal: tuple[int, int, int]) -> None:
    (uid,) = make_users(db, 1)
    me = get_account(db, uid)
    with pytest.raises(Invalid) as refused:
        study.set_study_plan(db, me, day, *goal)
    assert refused.value.detail
    assert goal_of(db, uid) is None
    with db.session() as s:
        assert s.get(User, uid).exam_date is None  # type: ignore[union-attr]


def test_signed_out_cannot_plan(db: Database, shipped: Catalog) -> None:
    with pytest.raises(NotAllowed):
        study.set_study_plan(db, None, None, 1, 1, 1)
    with pytest.raises(NotAllowed):
        study.my_study_plan(db, None, shipped)
