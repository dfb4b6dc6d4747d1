"""An instructor overrides a rule's verdict on a trainee's turn: the run is re-totalled everywhere, a second
override replaces the first, removing it restores the engine's total; nobody else may, and the final exam's
runs cannot be changed."""

from __future__ import annotations

import threading

import pytest

from actions import overrides, scenarios, teaching
from actions.refusals import Invalid, NotAllowed, NotFound
from store.db import Database
from store.tables import CertificationAttempt
from tests.actions.conftest import SCENARIO, School, counts


@pytest.fixture
def db(any_db: Database) -> Database:
    """These tests run on SQLite and on PostgreSQL."""
    return any_db


def finish(db: Database, w: School) -> int:
    """t1 plays the middling transcript to the end; the run's id."""
    example = next(e for e in w.course.scenarios[SCENARIO].examples if e.name == "middling")
    for n, answer in enumerate(example.turns):
        scenarios.play_turn(db, w.t1, w.course, w.run, answer, n)
    return w.run


def engine_line(db: Database, w: School, run_id: int, rule: str) -> tuple[float, float]:
    run = scenarios.load_run(db, w.t1, w.course, run_id)
    assert run.result is not None
    line = next(x for x in run.result.lines if x.turn == 0 and x.rule == rule)
    return run.result.total, line.possible


def test_an_override_retotals_the_run_for_everyone_and_can_be_replaced_and_removed(
    db: Database, school: School
) -> None:
    w = school
    run_id = finish(db, w)
    total, possible = engine_line(db, w, run_id, "opening:1")
    result = overrides.override_rule(db, w.teacher_a, w.course, run_id, 0, "opening:1", True, "“急坏了”是体谅")
    assert result.total == pytest.approx(total + possible)
    # the trainee's own report, the instructor's lists and the review all show the corrected total
    mine = scenarios.load_run(db, w.t1, w.course, run_id)
    assert mine.result is not None and mine.result.total == result.total
    overridden = next(x for x in mine.result.lines if x.turn == 0 and x.rule == "opening:1")
    assert getattr(overridden, "override", "") == "“急坏了”是体谅"
    assert next(r for r in teaching.trainee_runs(db, w.teacher_a, w.t1.id) if r.id == run_id).total == result.total
    reviewed = overrides.review_run(db, w.teacher_a, w.course, run_id)
    assert reviewed.run.result is not None and reviewed.run.result.total == result.total
    assert [(o.rule, o.fired) for o in reviewed.overrides] == [("opening:1", True)]
    engine_said = next(v for v in reviewed.verdicts[0] if v.rule == "opening:1")
    assert not engine_said.fired  # verdicts are the engine's, so the page can offer the flip back
    # a second override of the same rule replaces the first (here: an admin, with another reason)
    before = counts(db)
    overrides.override_rule(db, w.admin, w.course, run_id, 0, "opening:1", True, "同意")
    assert counts(db) == before
    assert [o.comment for o in overrides.review_run(db, w.teacher_a, w.course, run_id).overrides] == ["同意"]
    # the same verdict as the engine's is not an override
    with pytest.raises(Invalid):
        overrides.override_rule(db, w.teacher_a, w.course, run_id, 0, "opening:1", False, "撤回")
    with pytest.raises(Invalid):
        overrides.override_rule(db, w.teacher_a, w.course, run_id, 0, "opening:0", False, "  ")  # no reason
    back = overrides.remove_override(db, w.teacher_a, w.course, run_id, 0, "opening:1")
    assert back.total == total
    assert next(r for r in teaching.trainee_runs(db, w.teacher_a, w.t1.id) if r.id == run_id).total == total
    with pytest.raises(NotFound):
        overrides.remove_override(db, w.teacher_a, w.course, run_id, 0, "opening:1")


def test_only_who_teaches_the_trainee_may_override(db: Database, school: School) -> None:
    w = school
    run_id = finish(db, w)
    for actor in (w.teacher_b, w.t1, w.t2, None):
        before = counts(db)
        with pytest.raises(NotAllowed):
            overrides.override_rule(db, actor, w.course, run_id, 0, "opening:0", False, "不算")
        assert counts(db) == before
    assert overrides.review_run(db, w.admin, w.course, run_id).run.result is not None


def test_a_stale_run_turn_or_rule_is_not_found(db: Database, school: School) -> None:
    w = school
    run_id = finish(db, w)
    for run, turn, rule in ((999_999, 0, "opening:0"), (run_id, 42, "opening:0"), (run_id, 0, "nowhere:7")):
        with pytest.raises(NotFound):
            overrides.override_rule(db, w.teacher_a, w.course, run, turn, rule, False, "不算")
    with pytest.raises(NotFound):  # a choice turn has no rule verdicts to override
        overrides.override_rule(db, w.teacher_a, w.course, run_id, 1, "details:choice", True, "选得对")


def test_an_unfinished_run_and_a_final_exams_run_cannot_be_overridden(db: Database, school: School) -> None:
    w = school
    with pytest.raises(Invalid, match="还没有结束"):
        overrides.override_rule(db, w.teacher_a, w.course, w.run, 0, "opening:0", False, "不算")
    run_id = finish(db, w)
    with db.session() as s:
        final = s.get(CertificationAttempt, w.final)
        assert final is not None
        final.run_ids = [run_id, None]
    before = counts(db)
    with pytest.raises(Invalid, match="认证考试"):
        overrides.override_rule(db, w.teacher_a, w.course, run_id, 0, "opening:0", False, "不算")
    assert counts(db) == before


def test_two_instructors_overriding_the_same_rule_at_once_leave_one_override(db: Database, school: School) -> None:
    w = school
    run_id = finish(db, w)
    total, possible = engine_line(db, w, run_id, "opening:1")
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def flip(actor: object, reason: str) -> None:
        start.wait()
        try:
            overrides.override_rule(db, actor, w.course, run_id, 0, "opening:1", True, reason)  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=flip, args=(a, r)) for a, r in ((w.teacher_a, "甲"), (w.admin, "乙"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    reviewed = overrides.review_run(db, w.teacher_a, w.course, run_id)
    assert len(reviewed.overrides) == 1 and reviewed.overrides[0].comment in {"甲", "乙"}
    assert next(r for r in teaching.trainee_runs(db, w.teacher_a, w.t1.id) if r.id == run_id).total == pytest.approx(
        total + possible
    )


def test_a_finished_run_read_again_is_the_stored_one_whatever_a_caller_did_to_an_earlier_copy(
    db: Database, school: School
) -> None:
    """Finished runs come from a kept copy without copying every turn; what one caller sets on its copy (an
    override's result) never reaches the next reader, and an unfinished run is still a full copy to play on."""
    w = school
    run_id = finish(db, w)
    first = scenarios.load_run(db, w.t1, w.course, run_id)
    second = scenarios.load_run(db, w.t1, w.course, run_id)
    assert first is not second and first.finished
    assert first.result is not None and second.result is not None
    total = second.result.total
    first.result = None  # what load_run itself does with overrides: replace the result on its copy
    third = scenarios.load_run(db, w.t1, w.course, run_id)
    assert third.result is not None and third.result.total == total
    assert [t.text for t in third.turns] == [t.text for t in second.turns]
