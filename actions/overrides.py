"""Instructors' overrides of the rule engine on a trainee's run: look at the verdicts, override one, remove one.
The run is re-totalled in the same transaction, so every list and board shows the corrected total."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from actions._guard import TEACHERS, Actor, action, role, session, taught_trainees
from actions.refusals import Invalid, NotAllowed, NotFound
from actions.scenarios import _rebuild
from certification.final import final_run_ids
from grading.engine import Result
from scenarios import overrides as core
from scenarios.runner import Run
from store.db import Database
from store.tables import ScenarioRun

if TYPE_CHECKING:
    from catalog.catalog import Catalog

FINAL = "认证考试中的情景成绩不能更正：证书按交卷时的评分签发。"
UNFINISHED = "这次演练还没有结束，结束后才能更正评分。"


@dataclass(frozen=True)
class Reviewed:
    """A trainee's finished run as an instructor reviews it: the run with the overrides applied to its
    result, the engine's verdicts per turn, and the overrides in force."""

    run: Run
    verdicts: dict[int, list[core.Verdict]]
    overrides: list[core.Override]


def _teachable(db: Database, actor: Actor, course: Catalog, run_id: int) -> tuple[int, Run]:
    """The instructor's id and the run as played, when the actor teaches the trainee (an admin everyone) and
    the run is a finished practice run."""
    me = role(db, actor, *TEACHERS)
    row = session(db).get(ScenarioRun, run_id)
    if row is None:
        raise NotFound()
    visible = taught_trainees(db, me)
    if row.user_id == me.id or (visible is not None and row.user_id not in visible):
        raise NotAllowed()
    if run_id in final_run_ids(db, row.user_id):
        raise Invalid(FINAL)
    run = _rebuild(db, course, row)
    if run.result is None:
        raise Invalid(UNFINISHED)
    return me.id, run


def _retotal(db: Database, run_id: int, run: Run) -> Result:
    result = core.apply(run, core.overrides_of(db, run_id))
    core.store_total(db, run_id, result)
    return result


@action
def review_run(db: Database, actor: Actor, course: Catalog, run_id: int) -> Reviewed:
    """A trainee's finished run for an instructor who teaches them: verdicts per turn and overrides."""
    _, run = _teachable(db, actor, course, run_id)
    stored = core.overrides_of(db, run_id)
    if stored:
        run.result = core.apply(run, stored)
    return Reviewed(run, {i: core.verdicts(run, i) for i in range(len(run.turns))}, stored)


@action
def override_rule(
    db: Database,
    actor: Actor,
    course: Catalog,
    run_id: int,
    turn: int,
    rule: str,
    fired: bool,
    comment: str,
    concept: str | None = None,
) -> Result:
    """Set the instructor's verdict on one rule of one turn (a later one replaces an earlier) with a reason;
    the run is re-totalled and its new result returned."""
    me, run = _teachable(db, actor, course, run_id)
    verdict = core.verdict(run, turn, rule)
    if verdict is None:
        raise NotFound()
    try:
        core.save(db, run_id, me, verdict, fired, comment, concept)
    except core.OverrideError as exc:
        raise Invalid(str(exc)) from exc
    return _retotal(db, run_id, run)


@action
def remove_override(db: Database, actor: Actor, course: Catalog, run_id: int, turn: int, rule: str) -> Result:
    """Take an override back: the engine's verdict counts again and the run is re-totalled."""
    _, run = _teachable(db, actor, course, run_id)
    if not core.remove(db, run_id, turn, rule):
        raise NotFound()
    return _retotal(db, run_id, run)
