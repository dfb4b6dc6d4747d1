"""Stored scenario runs: every turn written when given, a run rebuilt by replaying its turns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from grading.engine import Engine, Result
from quizzes.tracking import queue_for_review
from scenarios.models import Scenario
from scenarios.runner import Run, TurnOutcome, replay
from store.db import Database
from store.tables import ScenarioRun, ScenarioTurn, utcnow


class RunNotFound(LookupError):
    """The run does not exist or belongs to someone else."""


class StaleRun(RuntimeError):
    """The run was moved on in another window since it was loaded; nothing was written."""


def start_run(db: Database, user_id: int, scenario_id: str) -> int:
    """Open a new run and return its id."""
    with db.session() as s:
        run = ScenarioRun(user_id=user_id, scenario_id=scenario_id)
        s.add(run)
        s.flush()
        return run.id


def _responses(s: Any, run_id: int) -> list[str | int]:
    rows = s.scalars(select(ScenarioTurn).where(ScenarioTurn.run_id == run_id).order_by(ScenarioTurn.idx))
    return [r.response for r in rows]


def load_run(db: Database, user_id: int, run_id: int, scenario: Scenario, engine: Engine) -> Run:
    """Rebuild a run from its stored turns."""
    with db.session() as s:
        row = s.get(ScenarioRun, run_id)
        if row is None or row.user_id != user_id or row.scenario_id != scenario.id:
            raise RunNotFound(run_id)
        responses = _responses(s, run_id)
    return replay(scenario, engine, responses)


REVIEW_PER_POINT = 2


def play_turn(
    db: Database,
    user_id: int,
    run_id: int,
    run: Run,
    response: str | int,
    questions_by_point: dict[str, list[str]] | None = None,
) -> TurnOutcome:
    """Validate, apply and store an answer in one transaction: the turn and, when the run ends, its result and
    the questions behind missed rules for the trainee's review queue. `run` must be the run as stored: one that
    another window has moved on raises StaleRun and nothing is written."""
    text = run.text_of(response)  # raises InvalidAnswer before anything is written
    try:
        with db.session() as s:
            row = s.get(ScenarioRun, run_id)
            if row is None or row.user_id != user_id or row.scenario_id != run.scenario.id:
                raise RunNotFound(run_id)
            stored = s.scalar(select(func.count()).select_from(ScenarioTurn).where(ScenarioTurn.run_id == run_id))
            if row.finished_at is not None or (stored or 0) != len(run.turns):
                raise StaleRun(run_id)
            outcome = run.answer(response)  # scored once, before the first write: the write lock is held briefly
            s.add(ScenarioTurn(run_id=run_id, idx=stored or 0, response=response, text=text))
            s.flush()  # a turn written by another window in the meantime fails here, on (run_id, idx)
            if run.result is not None:
                row.finished_at = utcnow()
                row.total = run.result.total
                row.ending = run.result.ending
                row.result = run.result.to_dict()
                if questions_by_point:
                    queue_for_review(db, user_id, review_questions(run.result, questions_by_point))
    except IntegrityError as exc:
        if db.in_transaction():
            raise  # the caller's transaction is spoilt: it decides (an action runs again and finds the turn)
        raise StaleRun(run_id) from exc
    return outcome


def review_questions(result: Result, questions_by_point: dict[str, list[str]]) -> list[str]:
    """A few questions for each knowledge point behind a missed opportunity."""
    points = dict.fromkeys(p for m in result.missed for p in m.points)
    return [q for p in points for q in questions_by_point.get(p, [])[:REVIEW_PER_POINT]]


@dataclass(frozen=True)
class RunSummary:
    """A run in a list."""

    id: int
    scenario_id: str
    total: float | None
    ending: str | None
    finished: bool
    started_at: Any


def runs_of(db: Database, user_id: int) -> list[RunSummary]:
    """A user's runs, newest first."""
    with db.session() as s:
        rows = s.scalars(select(ScenarioRun).where(ScenarioRun.user_id == user_id).order_by(ScenarioRun.id.desc()))
        return [
            RunSummary(r.id, r.scenario_id, r.total, r.ending, r.finished_at is not None, r.started_at) for r in rows
        ]
