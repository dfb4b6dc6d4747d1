"""One action, one transaction: a crash between its steps leaves the database as it was; two windows playing
the same run lose nothing; each turn is scored once."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from actions import certify, classes, roleplay, scenarios
from actions.refusals import LimitReached, Stale
from catalog.catalog import Catalog
from grading.engine import Engine
from store.db import Database
from store.tables import ScenarioRun
from tests.actions.conftest import SCENARIO, School, counts


class Crash(RuntimeError):
    """Injected between two steps of an action."""


def crash(*_args: Any, **_kwargs: Any) -> Any:
    raise Crash


def good_turns(shipped: Catalog) -> list[str | int]:
    return list(next(e for e in shipped.scenarios[SCENARIO].examples if e.name == "good").turns)


def test_a_crash_before_the_last_turn_is_recorded_leaves_the_run_unfinished(
    db: Database, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    course, t1 = school.course, school.t1
    turns = good_turns(course)
    run = scenarios.load_run(db, t1, course, school.run)
    crashed = False
    for n, reply in enumerate(turns):
        if run.finished:
            break
        if n == len(turns) - 1 or _ends_after(db, school, reply, n):
            before = counts(db)
            # the turn is written and scored; the crash comes while the result's review questions are queued
            monkeypatch.setattr("scenarios.sessions.queue_for_review", crash)
            with pytest.raises(Crash):
                scenarios.play_turn(db, t1, course, school.run, reply, n)
            assert counts(db) == before
            with db.session() as s:
                row = s.get(ScenarioRun, school.run)
                assert row is not None and row.finished_at is None and row.total is None
            assert len(scenarios.load_run(db, t1, course, school.run).turns) == n
            monkeypatch.undo()
            crashed = True
        run = scenarios.play_turn(db, t1, course, school.run, reply, n).run
    assert crashed and run.finished
    assert next(r for r in scenarios.my_runs(db, t1, school.course) if r.id == school.run).finished


def _ends_after(db: Database, school: School, reply: str | int, n: int) -> bool:
    """Whether this reply ends the run (tried on a copy, nothing written)."""
    run = scenarios.load_run(db, school.t1, school.course, school.run)
    run.answer(reply)
    return run.finished


def test_a_role_play_is_opened_whole_or_not_at_all(
    db: Database, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(db)
    monkeypatch.setattr("classroom.roleplay.role_play", crash)  # after the run and the role-play are written
    with pytest.raises(Crash):
        roleplay.start_role_play(
            db, school.teacher_a, school.course, school.class_a, school.team, SCENARIO, school.t3.id, school.t2.id
        )
    assert counts(db) == before


def test_a_final_scenario_run_is_started_and_recorded_together(
    db: Database, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scenarios.sessions as sessions

    real = sessions.start_run

    def start_then_crash(*args: Any) -> int:
        real(*args)
        raise Crash

    before = counts(db)
    monkeypatch.setattr("certification.final.start_run", start_then_crash)
    with pytest.raises(Crash):
        certify.final_scenario_run(db, school.t1, school.final, 0)
    assert counts(db) == before
    monkeypatch.undo()
    run_id = certify.final_scenario_run(db, school.t1, school.final, 0)
    assert certify.final_scenario_run(db, school.t1, school.final, 0) == run_id


def test_a_roster_import_that_fails_half_way_adds_nobody(
    db: Database, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    import classroom.classes as domain

    real, calls = domain.add_member, []

    def second_fails(*args: Any) -> bool:
        calls.append(args)
        if len(calls) == 2:
            raise Crash
        return real(*args)

    monkeypatch.setattr("classroom.classes.add_member", second_fails)
    data = "用户名,姓名\nnew_a,甲\nnew_b,乙\nnew_c,丙\n".encode()
    before = counts(db)
    with pytest.raises(Crash):
        classes.import_roster(db, school.teacher_a, school.class_a, "名单.csv", data)
    assert counts(db) == before


def test_the_attempt_limit_is_enforced_in_the_core(db: Database, school: School) -> None:
    from actions import study

    course, t2 = school.course, school.t2  # the exam is assigned to class A with two attempts
    assert study.exam_attempts_left(db, t2, course, "starter-mock") == 2
    for _ in range(2):
        attempt = study.start_exam(db, t2, course, "starter-mock")
        study.submit_exam(db, t2, course, attempt)
    assert study.exam_attempts_left(db, t2, course, "starter-mock") == 0
    before = counts(db)
    with pytest.raises(LimitReached):
        study.start_exam(db, t2, course, "starter-mock")
    assert counts(db) == before


def test_a_second_window_playing_the_same_turn_is_told_and_nothing_is_lost(db: Database, school: School) -> None:
    course, t1 = school.course, school.t1
    first, second = "非常抱歉，给您添麻烦了，我马上帮您查。", "您好，请问有什么可以帮您？"
    tab_a = scenarios.load_run(db, t1, course, school.run)
    tab_b = scenarios.load_run(db, t1, course, school.run)
    assert len(tab_a.turns) == len(tab_b.turns) == 0
    scenarios.play_turn(db, t1, course, school.run, first, len(tab_a.turns))
    with pytest.raises(Stale):
        scenarios.play_turn(db, t1, course, school.run, second, len(tab_b.turns))
    now = scenarios.load_run(db, t1, course, school.run)
    assert len(now.turns) == 1
    assert any(line.text == first for line in now.transcript)
    assert all(line.text != second for line in now.transcript)
    scenarios.play_turn(db, t1, course, school.run, good_turns(course)[1], len(now.turns))  # reloaded: it goes on
    assert len(scenarios.load_run(db, t1, course, school.run).turns) == 2


def test_two_windows_sending_at_the_same_moment_store_one_turn(db: Database, school: School) -> None:
    course, t1 = school.course, school.t1
    scenarios.load_run(db, t1, course, school.run)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def send(text: str) -> None:
        barrier.wait()
        try:
            scenarios.play_turn(db, t1, course, school.run, text, 0)
            outcomes.append("played")
        except Stale:
            outcomes.append("stale")

    threads = [threading.Thread(target=send, args=(t,)) for t in ("非常抱歉，我来处理。", "抱歉，我马上查。")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["played", "stale"]
    assert len(scenarios.load_run(db, t1, course, school.run).turns) == 1


def test_each_turn_is_scored_once(db: Database, school: School, monkeypatch: pytest.MonkeyPatch) -> None:
    course, t1 = school.course, school.t1
    scenarios.load_run(db, t1, course, school.run)
    scored: list[str] = []
    real = Engine.facts

    def counting(self: Engine, text: str, *args: Any) -> Any:
        scored.append(text)
        return real(self, text, *args)

    monkeypatch.setattr(Engine, "facts", counting)
    played = scenarios.play_turn(db, t1, course, school.run, "非常抱歉，我马上帮您查。", 0)
    assert len(played.run.turns) == 1
    for _ in range(3):  # the page draws the run again after the turn, and again on every refresh
        scenarios.load_run(db, t1, course, school.run)
    assert scored == ["非常抱歉，我马上帮您查。"]


def test_observer_marks_sent_twice_at_once_are_both_kept_not_dropped(db: Database, school: School) -> None:
    course, t3 = school.course, school.t3
    rubric = list(course.scenarios[SCENARIO].rubric)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def mark(value: int) -> None:
        barrier.wait()
        try:
            roleplay.mark_role_play(db, t3, course, school.role_play, dict.fromkeys(rubric, value), str(value))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=mark, args=(v,)) for v in (2, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    marks = roleplay.my_observer_marks(db, t3, school.role_play)
    assert marks is not None and marks[1] in {"2", "5"} and set(marks[0].values()) == {int(marks[1])}
    assert roleplay.role_play_info(db, t3, course, school.role_play).observers == 1


def test_a_final_exam_is_opened_whole_or_not_at_all(
    db: Database, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizzes import exam
    from tests.certification.test_final import meet_requirements

    meet_requirements(db, school.course, school.t2.id)
    real = exam.start

    def draw_then_crash(*args: Any, **kwargs: Any) -> int:
        real(*args, **kwargs)  # the paper is written, the final exam not yet
        raise Crash

    before = counts(db)
    monkeypatch.setattr(exam, "start", draw_then_crash)
    with pytest.raises(Crash):
        certify.start_final(db, school.t2, school.course, seed=4)
    assert counts(db) == before  # no orphan exam paper left open
    monkeypatch.undo()
    attempt = certify.start_final(db, school.t2, school.course, seed=4)
    assert certify.current_final(db, school.t2) == attempt
