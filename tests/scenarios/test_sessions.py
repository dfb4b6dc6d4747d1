"""Scenario runs are written turn by turn and rebuilt after a restart."""

from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from classroom.accounts import create_user
from scenarios.runner import InvalidAnswer, build_engine
from scenarios.sessions import RunNotFound, load_run, play_turn, runs_of, start_run
from store.db import Database


def test_turns_survive_a_restart_and_the_result_is_stored(db: Database, shipped: Catalog) -> None:
    scenario = shipped.scenarios["late-birthday-cake"]
    engine = build_engine(scenario, shipped.library)
    user = create_user(db, "player", "演练者", "trainee", "secret-pass-2026")
    run_id = start_run(db, user.id, scenario.id)
    run = load_run(db, user.id, run_id, scenario, engine)
    play_turn(db, user.id, run_id, run, "非常抱歉,我马上帮您查一下。")
    with pytest.raises(InvalidAnswer):
        play_turn(db, user.id, run_id, run, 9)
    restarted = Database(str(db.engine.url))
    resumed = load_run(restarted, user.id, run_id, scenario, engine)
    assert resumed.node == "details"
    assert len(resumed.turns) == 1
    good = next(e for e in scenario.examples if e.name == "good")
    for answer in list(good.turns)[1:]:
        play_turn(restarted, user.id, run_id, resumed, answer)
    summary = runs_of(restarted, user.id)[0]
    assert summary.finished
    assert summary.total == resumed.result.total  # type: ignore[union-attr]


def test_another_users_run_is_not_found(db: Database, shipped: Catalog) -> None:
    scenario = shipped.scenarios["late-birthday-cake"]
    owner = create_user(db, "owner", "甲", "trainee", "secret-pass-2026")
    other = create_user(db, "other", "乙", "trainee", "secret-pass-2026")
    run_id = start_run(db, owner.id, scenario.id)
    with pytest.raises(RunNotFound):
        load_run(db, other.id, run_id, scenario, build_engine(scenario, shipped.library))


def test_missed_points_send_questions_to_the_review_queue(db: Database, shipped: Catalog) -> None:
    from quizzes.tracking import due_for_review

    scenario = shipped.scenarios["late-birthday-cake"]
    engine = build_engine(scenario, shipped.library)
    user = create_user(db, "weak", "学员", "trainee", "secret-pass-2026")
    run_id = start_run(db, user.id, scenario.id)
    run = load_run(db, user.id, run_id, scenario, engine)
    for answer in ["这不是我们的责任,您找配送站去。", "我也没办法,您自己的问题。"]:
        play_turn(db, user.id, run_id, run, answer, shipped.questions_by_point)
    assert run.result is not None
    due = due_for_review(db, user.id)
    apology = set(shipped.questions_by_point["service-delivery.apology-techniques"])
    assert due
    assert set(due) <= {q for qs in shipped.questions_by_point.values() for q in qs}
    assert apology & set(due)
