"""Live quiz: join code, pushed questions, one answer each, leaderboards, and 60 trainees at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from catalog.catalog import Catalog
from classroom import live
from classroom.groups import form_random
from store.db import Database
from store.tables import LiveAnswer
from tests.classroom.helpers import make_class, make_users

Q1, Q2 = "crm-basics.q001", "crm-basics.q002"  # single (key C), judge (key True)


def quiz(db: Database, shipped: Catalog, n: int) -> tuple[live.LiveState, list[int]]:
    _, class_id, ids = make_class(db, n)
    state = live.create_quiz(db, class_id, "第一讲小测", [shipped.questions[Q1], shipped.questions[Q2]])
    for uid in ids:
        live.join(db, uid, state.code)
    return state, ids


def test_only_members_of_the_class_can_join(db: Database, shipped: Catalog) -> None:
    state, _ = quiz(db, shipped, 2)
    (outsider,) = make_users(db, 1, "out")
    with pytest.raises(live.LiveError, match="班级"):
        live.join(db, outsider, state.code)
    with pytest.raises(live.LiveError, match="测验码"):
        live.join(db, outsider, "<script>")


def test_answers_count_once_and_only_for_the_question_on_screen(db: Database, shipped: Catalog) -> None:
    state, (a, b) = quiz(db, shipped, 2)
    q1 = shipped.questions[Q1]
    assert live.answer(db, a, state.id, q1, "C").status == "closed"  # still in the lobby
    state = live.advance(db, state.id)
    assert state.question_id == Q1
    assert live.answer(db, a, state.id, q1, "Z").status == "invalid"
    first = live.answer(db, a, state.id, q1, "C", now=state.opened_at + timedelta(seconds=3))  # type: ignore[operator]
    assert (first.status, first.correct, first.points) == ("accepted", True, 145)
    assert live.answer(db, a, state.id, q1, "A").status == "repeat"
    assert live.answer(db, b, state.id, q1, "A").points == 0
    board = live.leaderboard(db, state.id)
    assert [(r.name, r.points) for r in board] == [("学员0", 145), ("学员1", 0)]
    state = live.advance(db, state.id)
    assert live.answer(db, a, state.id, q1, "C").status == "closed"  # the question has moved on
    assert live.advance(db, state.id).finished


def test_points_shrink_with_time_and_never_go_below_base() -> None:
    assert live.points_for(True, 0) == 150
    assert live.points_for(True, 15) == 125
    assert live.points_for(True, 300) == 100
    assert live.points_for(False, 0) == 0


def test_team_board_uses_the_mean_of_members_who_joined(db: Database, shipped: Catalog) -> None:
    state, _ids = quiz(db, shipped, 8)
    groups = form_random(db, state.class_id, size=4, seed=2)
    state = live.advance(db, state.id)
    q1 = shipped.questions[Q1]
    for m in groups[0].members:
        live.answer(db, m.id, state.id, q1, "C", now=state.opened_at + timedelta(seconds=60))  # type: ignore[operator]
    board = live.team_leaderboard(db, state.id)
    assert [(r.name, r.points) for r in board] == [(groups[0].name, 100), (groups[1].name, 0)]


def test_sixty_trainees_answering_at_once_lose_and_duplicate_nothing(db: Database, shipped: Catalog) -> None:
    state, ids = quiz(db, shipped, 60)
    state = live.advance(db, state.id)
    q1 = shipped.questions[Q1]

    def tap(uid: int) -> list[str]:
        # Each trainee double-taps: the second answer must be refused, not stored.
        return [live.answer(db, uid, state.id, q1, "C").status for _ in range(2)]

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(tap, ids))
    assert all(r == ["accepted", "repeat"] for r in results)
    with db.session() as s:
        stored = s.scalar(select(func.count()).select_from(LiveAnswer).where(LiveAnswer.quiz_id == state.id))
    assert stored == 60
    assert live.state(db, state.id).answered_current == 60


def test_a_new_session_finds_the_running_quiz_it_joined(db: Database, shipped: Catalog) -> None:
    state, (a, b) = quiz(db, shipped, 2)
    (outsider,) = make_users(db, 1, "solo")
    assert live.joined_running(db, a) == state.id
    assert live.joined_running(db, outsider) is None
    live.finish(db, state.id)
    assert live.joined_running(db, b) is None


def test_chapter_questions_are_objective_and_from_the_chapter(shipped: Catalog) -> None:
    from quizzes.modes import Scope, scoped_pool

    picked = live.chapter_questions(shipped, "crm-basics-01-customers", 5, seed=1)
    pool = set(scoped_pool(shipped, Scope.CHAPTER, "crm-basics-01-customers"))
    assert len(picked) == 5 and all(q.id in pool and q.type in live.LIVE_TYPES for q in picked)
    assert [q.id for q in picked] == [q.id for q in live.chapter_questions(shipped, "crm-basics-01-customers", 5, 1)]
