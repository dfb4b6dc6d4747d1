"""Spaced review with FSRS: one card per trainee and question, optionally aimed at an exam date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from fsrs import Card, Rating, Scheduler

# No fuzzing: the same answers on the same days give the same schedule.
SCHEDULER = Scheduler(enable_fuzzing=False)
RATINGS = {"correct": Rating.Good, "partial": Rating.Hard, "wrong": Rating.Again}
EXAM_EVE_HOUR = 8


def schedule(
    card: dict[str, Any] | None, status: str, now: datetime, exam_date: date | None = None
) -> tuple[dict[str, Any], datetime] | None:
    """The card after an answer and when it is due; None for results that say nothing (review, invalid)."""
    rating = RATINGS.get(status)
    if rating is None:
        return None
    # a card id of our own: without one fsrs sleeps a millisecond to make its clock-based id unique
    current = Card.from_dict(cast(Any, card)) if card else Card(card_id=int(now.timestamp() * 1000))
    updated, _log = SCHEDULER.review_card(current, rating, now)
    return dict(updated.to_dict()), aim(updated.due, now, exam_date)


def aim(due: datetime, now: datetime, exam_date: date | None) -> datetime:
    """Bring a review forward so it happens before the exam (on the morning of the day before)."""
    if exam_date is None:
        return due
    eve = datetime.combine(exam_date - timedelta(days=1), time(EXAM_EVE_HOUR), tzinfo=UTC)
    if eve <= now:
        return due
    return min(due, eve)
