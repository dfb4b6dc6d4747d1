"""Wrong book, favourites, FSRS review aimed at an exam date, and resume positions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from catalog.catalog import Catalog
from classroom.accounts import create_user
from quizzes import tracking
from quizzes.practice import answer_question
from quizzes.review import aim, schedule
from store.db import Database


def test_wrong_answer_enters_the_book_and_three_right_in_a_row_remove_it(db: Database, shipped: Catalog) -> None:
    user = create_user(db, "learner", "学员", "trainee", "secret-pass-2026")
    q = shipped.questions["crm-basics.q002"]
    answer_question(db, user.id, q, False, "practice")
    assert tracking.wrong_book(db, user.id) == [q.id]
    answer_question(db, user.id, q, True, "practice")
    answer_question(db, user.id, q, True, "practice")
    assert tracking.wrong_book(db, user.id) == [q.id]
    answer_question(db, user.id, q, False, "practice")
    for _ in range(3):
        answer_question(db, user.id, q, True, "practice")
    assert tracking.wrong_book(db, user.id) == []


def test_invalid_answers_change_nothing(db: Database, shipped: Catalog) -> None:
    user = create_user(db, "learner", "学员", "trainee", "secret-pass-2026")
    answer_question(db, user.id, shipped.questions["crm-basics.q002"], "maybe", "practice")
    assert tracking.wrong_book(db, user.id) == []
    assert tracking.next_review(db, user.id) is None


def test_favourites_toggle(db: Database) -> None:
    user = create_user(db, "learner", "学员", "trainee", "secret-pass-2026")
    assert tracking.toggle_favorite(db, user.id, "crm-basics.q001") is True
    assert tracking.favorites(db, user.id) == ["crm-basics.q001"]
    assert tracking.toggle_favorite(db, user.id, "crm-basics.q001") is False
    assert tracking.favorites(db, user.id) == []


NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_fsrs_is_deterministic_and_spaces_good_answers_further() -> None:
    first = schedule(None, "correct", NOW)
    again = schedule(None, "correct", NOW)
    assert first is not None
    assert again is not None
    assert first[1] == again[1]
    assert {k: v for k, v in first[0].items() if k != "card_id"} == {
        k: v for k, v in again[0].items() if k != "card_id"
    }
    card, due = first
    later = schedule(card, "correct", due)
    assert later is not None
    assert later[1] - due > due - NOW
    wrong = schedule(None, "wrong", NOW)
    assert wrong is not None
    assert wrong[1] - NOW < first[1] - NOW
    assert schedule(None, "review", NOW) is None


def test_exam_date_brings_reviews_forward() -> None:
    far = NOW + timedelta(days=40)
    assert aim(far, NOW, date(2026, 12, 1)) == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert aim(far, NOW, None) == far
    assert aim(far, NOW, date(2026, 11, 20)) == far  # the exam is past: ordinary schedule


def test_due_list_and_exam_date_setting(db: Database, shipped: Catalog) -> None:
    user = create_user(db, "learner", "学员", "trainee", "secret-pass-2026")
    q = shipped.questions["crm-basics.q002"]
    answer_question(db, user.id, q, True, "practice")
    due = tracking.next_review(db, user.id)
    assert due is not None
    assert tracking.due_for_review(db, user.id, due - timedelta(seconds=1)) == []
    assert tracking.due_for_review(db, user.id, due) == [q.id]
    tomorrow = (due - timedelta(hours=1)).date() + timedelta(days=1)
    tracking.set_exam_date(db, user.id, tomorrow)
    assert tracking.exam_date(db, user.id) == tomorrow


def test_positions_are_remembered_per_scope(db: Database) -> None:
    user = create_user(db, "learner", "学员", "trainee", "secret-pass-2026")
    assert tracking.position(db, user.id, "sequential:all:") == 0
    tracking.save_position(db, user.id, "sequential:all:", 7)
    tracking.save_position(db, user.id, "sequential:all:", 8)
    tracking.save_position(db, user.id, "memorize:all:", 2)
    assert tracking.position(db, user.id, "sequential:all:") == 8
    assert tracking.position(db, user.id, "memorize:all:") == 2
