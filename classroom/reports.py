"""Instructor views of trainees: one summary row each, and mastery per knowledge point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from classroom.accounts import list_accounts
from quizzes.practice import Tally, answers_of, tally_by
from store.db import Database
from store.tables import ExamAttempt, ScenarioRun, SectionProgress

if TYPE_CHECKING:  # the course container is above the domains: named for types only
    from catalog.catalog import Catalog


@dataclass(frozen=True)
class TraineeSummary:
    """One trainee's figures for the instructor's table."""

    user_id: int
    username: str
    display_name: str
    sections_done: int
    answered: int
    accuracy: float | None
    best_exam: float | None
    runs_finished: int


def trainee_summaries(db: Database) -> list[TraineeSummary]:
    """A summary row per trainee."""
    trainees = list_accounts(db, "trainee")
    with db.session() as s:
        done = dict(
            s.execute(
                select(SectionProgress.user_id, func.count())
                .where(SectionProgress.status == "done")
                .group_by(SectionProgress.user_id)
            ).all()
        )
        best = dict(
            s.execute(select(ExamAttempt.user_id, func.max(ExamAttempt.score)).group_by(ExamAttempt.user_id)).all()
        )
        runs = dict(
            s.execute(
                select(ScenarioRun.user_id, func.count())
                .where(ScenarioRun.finished_at.is_not(None))
                .group_by(ScenarioRun.user_id)
            ).all()
        )
    out = []
    for t in trainees:
        answers = answers_of(db, t.id)
        correct = sum(1 for a in answers if a.correct)
        out.append(
            TraineeSummary(
                t.id,
                t.username,
                t.display_name,
                int(done.get(t.id, 0)),
                len(answers),
                correct / len(answers) if answers else None,
                best.get(t.id),
                int(runs.get(t.id, 0)),
            )
        )
    return out


def point_mastery(db: Database, catalog: Catalog, user_id: int) -> dict[str, Tally]:
    """Accuracy per knowledge point for one trainee."""
    key = {qid: list(q.points) for qid, q in catalog.questions.items()}
    return tally_by(answers_of(db, user_id), key)
