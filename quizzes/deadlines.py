"""Exams whose time is up are submitted by the server, even if the trainee never comes back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import select

from quizzes.exam import ExamError, submit
from quizzes.models import AnyQuestion, Blueprint
from store.db import Database
from store.tables import ExamAttempt, utcnow

_log = logging.getLogger("cma")


@dataclass(frozen=True)
class Course:
    """What grading a paper needs from the loaded course."""

    blueprints: Mapping[str, Blueprint]
    questions: Mapping[str, AnyQuestion]
    module_of: Mapping[str, str]


def submit_overdue(db: Database, catalog: Course) -> int:
    """Submit every open attempt past its deadline with the answers saved so far; how many."""
    now = utcnow()
    with db.session() as s:
        overdue = s.execute(
            select(ExamAttempt.id, ExamAttempt.user_id, ExamAttempt.blueprint_id).where(
                ExamAttempt.submitted_at.is_(None), ExamAttempt.deadline_at < now
            )
        ).all()
    done = 0
    for attempt_id, user_id, blueprint_id in overdue:
        blueprint = catalog.blueprints.get(blueprint_id)
        if blueprint is None:
            _log.warning("overdue attempt %s: blueprint %s is gone", attempt_id, blueprint_id)
            continue
        try:
            submit(db, user_id, attempt_id, blueprint, dict(catalog.questions), dict(catalog.module_of))
            done += 1
        except ExamError:
            _log.exception("overdue attempt %s could not be submitted", attempt_id)
    return done


def start_sweeper(db: Database, catalog: Callable[[], Course], every: float = 30) -> threading.Event:
    """A daemon thread that submits overdue attempts every `every` seconds; set the returned event to stop it."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                submit_overdue(db, catalog())
            except Exception:  # keep sweeping whatever one pass met
                _log.exception("deadline sweep failed")
            stop.wait(every)

    threading.Thread(target=loop, name="exam-deadlines", daemon=True).start()
    return stop
