"""Progress figures and item statistics."""

from __future__ import annotations

from datetime import UTC, datetime

from catalog.catalog import Catalog
from quizzes.analytics import accuracy_by_day, item_statistics, seconds_by_type
from quizzes.practice import AnswerRow


def row(user: int, qid: str, correct: bool, day: int = 1, seconds: float | None = None) -> AnswerRow:
    return AnswerRow(
        user,
        qid,
        "correct" if correct else "wrong",
        1.0 if correct else 0.0,
        seconds,
        datetime(2026, 11, day, 10, tzinfo=UTC),
        "practice",
    )


def test_accuracy_by_day() -> None:
    days = accuracy_by_day([row(1, "a", True, 2), row(1, "b", False, 2), row(1, "a", True, 3)])
    assert [(d.day.day, d.answered, d.correct) for d in days] == [(2, 2, 1), (3, 1, 1)]


def test_seconds_by_type(shipped: Catalog) -> None:
    rows = [
        row(1, "crm-basics.q001", True, seconds=10),
        row(1, "crm-basics.q005", True, seconds=30),
        row(1, "crm-basics.q002", True, seconds=4),
        row(1, "crm-basics.q002", True),
    ]
    assert seconds_by_type(rows, shipped.questions) == {"single": 20.0, "judge": 4.0}


def test_item_statistics_use_first_answers_and_need_five_respondents() -> None:
    rows = []
    # Five trainees: the strong ones get both items right, the weak ones miss "hard".
    for user, (easy, hard, other) in enumerate(
        [(True, True, True), (True, True, True), (True, False, False), (True, False, False), (False, False, False)]
    ):
        rows += [row(user, "easy", easy), row(user, "hard", hard), row(user, "other", other)]
    rows.append(row(4, "hard", True))  # a later retry does not count
    stats = {s.question_id: s for s in item_statistics(rows)}
    assert stats["easy"].facility == 0.8
    assert stats["hard"].facility == 0.4
    assert stats["hard"].respondents == 5
    assert stats["hard"].discrimination is not None
    assert stats["hard"].discrimination > 0.5


def test_too_few_respondents_give_no_discrimination() -> None:
    stats = item_statistics([row(1, "x", True), row(2, "x", False), row(1, "y", True), row(2, "y", False)])
    assert all(s.discrimination is None for s in stats)


def test_item_statistics_from_the_database_match_those_from_the_rows(shipped: Catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from benchmarks.seed import seed_class
    from quizzes.analytics import first_answers, statistics_of_first
    from quizzes.practice import answers_of
    from store.db import Database

    db = Database(f"sqlite:///{tmp_path / 'stats.db'}")
    seeded = seed_class(db, shipped, 8, 60)
    everyone = item_statistics(answers_of(db))
    assert everyone and statistics_of_first(first_answers(db)) == everyone
    some = list(seeded.trainee_ids[:5])
    assert statistics_of_first(first_answers(db, some)) == item_statistics(answers_of(db, user_ids=some))
