"""Scenario runs: start one (within an assignment's attempt limit), play a turn, look at a run."""

from __future__ import annotations

import copy
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from actions._guard import Actor, action, session, taught_trainees, who
from actions.refusals import Invalid, LimitReached, NotAllowed, NotFound, Refusal, Stale
from certification.final import final_run_ids
from classroom.assignments import attempts_left
from grading.engine import Engine
from scenarios import overrides, sessions
from scenarios.models import Scenario
from scenarios.runner import Run, TurnOutcome, build_engine, replay
from store.db import Database
from store.tables import ContentSnapshot, RolePlay, ScenarioRun, ScenarioTurn, TeamMember, utcnow

CHANGED = "这个情景的内容已经更新，这次演练无法再继续或重放；请重新开始一次。"
FINAL_ONLY = "这是认证考试中的情景，只能在“认证考试”页作答。"

if TYPE_CHECKING:
    from catalog.catalog import Catalog

CACHED_RUNS = 256
_lock = threading.Lock()
_engines: dict[str, tuple[Scenario, int, Engine]] = {}  # one per scenario id, rebuilt when the course reloads
_runs: OrderedDict[tuple[int, int], tuple[tuple[str | int, ...], Run]] = OrderedDict()


def _engine(course: Catalog, scenario: Scenario) -> Engine:
    with _lock:
        hit = _engines.get(scenario.id)
    if hit is not None and hit[0] is scenario and hit[1] == id(course.library):
        return hit[2]
    engine = build_engine(scenario, course.library)
    with _lock:
        _engines[scenario.id] = (scenario, id(course.library), engine)
    return engine


def _copy(run: Run) -> Run:
    """A run to play on without touching the cached one (content and engine are shared, not copied)."""
    return copy.deepcopy(run, {id(run.scenario): run.scenario, id(run.engine): run.engine})


def _remember(key: tuple[int, int], responses: tuple[str | int, ...], run: Run) -> None:
    with _lock:
        _runs[key] = (responses, _copy(run))
        _runs.move_to_end(key)
        while len(_runs) > CACHED_RUNS:
            _runs.popitem(last=False)


def _stored(db: Database, run_id: int) -> tuple[str | int, ...]:
    query = select(ScenarioTurn.response).where(ScenarioTurn.run_id == run_id).order_by(ScenarioTurn.idx)
    return tuple(session(db).scalars(query))


def _rebuild(
    db: Database,
    course: Catalog,
    row: ScenarioRun,
    read: tuple[str | None, tuple[str | int, ...]] | None = None,
) -> Run:
    """The run as stored. Replaying is deterministic, so a run already built for the same stored turns is
    reused: a turn is scored when it is played, not again on every look. `read` gives the run's snapshot
    fingerprint and stored turns when the caller read them already (several runs at once)."""
    scenario = course.scenarios.get(row.scenario_id)
    if scenario is None:
        raise NotFound()
    edited = _changed(db, course, row) if read is None else bool(read[0]) and read[0] != _fingerprint(scenario)
    if edited:
        raise Invalid(CHANGED)
    engine = _engine(course, scenario)
    responses = _stored(db, row.id) if read is None else read[1]
    key = (row.id, id(engine))
    with _lock:
        hit = _runs.get(key)
    if hit is not None and hit[0] == responses:  # the same stored answers, not merely as many
        # A finished run takes no more turns: callers only replace its result (overrides), so a shallow copy
        # keeps the cached one as it was without copying every turn and line (a rerun of the report page).
        return copy.copy(hit[1]) if hit[1].finished else _copy(hit[1])
    run = replay(scenario, engine, list(responses))
    _remember(key, responses, run)
    return run


@dataclass(frozen=True)
class Played:
    """The run after a turn, and what the turn did."""

    run: Run
    outcome: TurnOutcome


@action
def scenario_attempts_left(db: Database, actor: Actor, course: Catalog, scenario_id: str) -> int | None:
    """Runs the actor may still start on this scenario when it is assigned with a limit; None when unlimited."""
    return attempts_left(db, who(db, actor).id, "scenario", scenario_id)


@action
def start_run(db: Database, actor: Actor, course: Catalog, scenario_id: str) -> int:
    """Open a new run of a scenario; refused when an assignment's attempt limit is used up."""
    me = who(db, actor)
    if scenario_id not in course.scenarios:
        raise NotFound()
    if attempts_left(db, me.id, "scenario", scenario_id) == 0:
        raise LimitReached()
    run_id = sessions.start_run(db, me.id, scenario_id)
    session(db).add(
        ContentSnapshot(kind="run", owner_id=run_id, fingerprint=_fingerprint(course.scenarios[scenario_id]))
    )
    return run_id


def _fingerprint(scenario: Scenario) -> str:
    """A digest of everything that decides how a scenario plays and scores."""
    return hashlib.sha256(scenario.model_dump_json().encode()).hexdigest()


def _changed(db: Database, course: Catalog, row: ScenarioRun) -> bool:
    """Whether the scenario was edited since this run started (runs from before snapshots count as unchanged)."""
    stored = session(db).scalar(
        select(ContentSnapshot.fingerprint).where(ContentSnapshot.kind == "run", ContentSnapshot.owner_id == row.id)
    )
    scenario = course.scenarios.get(row.scenario_id)
    return bool(stored) and (scenario is None or stored != _fingerprint(scenario))


@action
def my_runs(db: Database, actor: Actor, course: Catalog) -> list[sessions.RunSummary]:
    """The actor's practice runs, newest first (a final exam's runs belong to the certification page)."""
    me = who(db, actor)
    finals = final_run_ids(db, me.id)
    for row in session(db).scalars(
        select(ScenarioRun).where(ScenarioRun.user_id == me.id, ScenarioRun.finished_at.is_(None))
    ):
        if _changed(db, course, row):  # the scenario was edited: this run ends here, cleanly
            row.finished_at = utcnow()
            row.result = {"content_changed": True}
    return [r for r in sessions.runs_of(db, me.id) if r.id not in finals]


def _sees_owner(db: Database, actor: Actor, user_id: int) -> bool:
    """Whether the actor sees every run of this user: their own, or a trainee they teach."""
    me = who(db, actor)
    if user_id == me.id:
        return True
    visible = taught_trainees(db, me)
    return me.role != "trainee" and (visible is None or user_id in visible)


def _may_see_run(db: Database, actor: Actor, row: ScenarioRun) -> None:
    if _sees_owner(db, actor, row.user_id):
        return
    me = who(db, actor)
    # the other members of a group watch their agent's run in a role-play
    team = session(db).scalar(select(RolePlay.team_id).where(RolePlay.run_id == row.id))
    if team is not None and session(db).scalar(
        select(TeamMember.id).where(TeamMember.team_id == team, TeamMember.user_id == me.id)
    ):
        return
    raise NotAllowed()


@action
def load_run(db: Database, actor: Actor, course: Catalog, run_id: int) -> Run:
    """A run as stored, with instructors' overrides applied to its result: the actor's own, one of a trainee
    they teach, or their group's role-play."""
    row = session(db).get(ScenarioRun, run_id)
    if row is None:
        raise NotFound()
    _may_see_run(db, actor, row)
    run = _rebuild(db, course, row)
    if run.result is not None and overrides.overridden(row.result):  # instructors' overrides count everywhere
        run.result = overrides.apply(run, overrides.overrides_of(db, run_id))
    return run


@action
def load_runs(db: Database, actor: Actor, course: Catalog, run_ids: list[int]) -> dict[int, Run | Refusal]:
    """Several runs as load_run gives them, read in a fixed number of queries however many there are (an
    instructor's drill-down into a trainee). The actor must see every one of them (else refused as a whole);
    a run whose scenario was edited or removed since comes back as the refusal load_run would raise."""
    ids = sorted(set(run_ids))
    if not ids:
        who(db, actor)
        return {}
    rows = {r.id: r for r in session(db).scalars(select(ScenarioRun).where(ScenarioRun.id.in_(ids)))}
    if len(rows) != len(ids):
        raise NotFound()
    owners: dict[int, bool] = {}
    for row in rows.values():  # one check per trainee; a group's role-play run is checked on its own
        if row.user_id not in owners:
            owners[row.user_id] = _sees_owner(db, actor, row.user_id)
        if not owners[row.user_id]:
            _may_see_run(db, actor, row)
    snapshots = select(ContentSnapshot.owner_id, ContentSnapshot.fingerprint).where(
        ContentSnapshot.kind == "run", ContentSnapshot.owner_id.in_(ids)
    )
    prints: dict[int, str] = {}
    for owner, fingerprint in session(db).execute(snapshots):
        prints[owner] = fingerprint
    turns: dict[int, list[str | int]] = {i: [] for i in ids}
    for run_id, response in session(db).execute(
        select(ScenarioTurn.run_id, ScenarioTurn.response)
        .where(ScenarioTurn.run_id.in_(ids))
        .order_by(ScenarioTurn.run_id, ScenarioTurn.idx)
    ):
        turns[run_id].append(response)
    marked = [i for i in ids if overrides.overridden(rows[i].result)]
    stored = overrides.overrides_of_runs(db, marked)
    out: dict[int, Run | Refusal] = {}
    for i in run_ids:
        try:
            run = _rebuild(db, course, rows[i], (prints.get(i), tuple(turns[i])))
        except (NotFound, Invalid) as exc:
            out[i] = exc
            continue
        if run.result is not None and i in stored:
            run.result = overrides.apply(run, stored[i])
        out[i] = run
    return out


@action
def play_turn(
    db: Database, actor: Actor, course: Catalog, run_id: int, reply: str | int, turn: int, *, final: bool = False
) -> Played:
    """Play the actor's reply as turn number `turn` (counted from 0) of their run, in one transaction: the turn,
    and when the run ends its result and the review questions. The run is loaded here from its id. When the
    run has moved on since the screen showed it (another window played turn `turn`), the reply is refused as
    Stale and nothing is written; every turn is scored once."""
    me = who(db, actor)
    row = session(db).get(ScenarioRun, run_id)
    if row is None or row.user_id != me.id:
        raise NotFound()
    if (run_id in final_run_ids(db, me.id)) != final:
        # a final exam's scenario is played only on the certification page, without hints
        raise NotAllowed(FINAL_ONLY if not final else "")
    run = _rebuild(db, course, row)
    before = _stored(db, run_id)
    if row.finished_at is not None or len(run.turns) != turn:
        raise Stale()
    try:
        outcome = sessions.play_turn(db, me.id, run_id, run, reply, course.questions_by_point)
    except sessions.StaleRun as exc:
        raise Stale() from exc
    _remember((run_id, id(run.engine)), (*before, reply), run)
    return Played(run, outcome)
