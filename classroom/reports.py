"""Instructor views of trainees: one summary row each, and mastery per knowledge point."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from classroom.accounts import Account
from progress.figures import figures_of
from quizzes.practice import Tally, answers_of, tally_by
from store.db import Database

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


def trainee_summaries(
    db: Database, trainees: list[Account], section_ids: Collection[str] | None = None
) -> list[TraineeSummary]:
    """A summary row per trainee, from the shared figures."""
    figs = figures_of(db, [t.id for t in trainees], section_ids)
    return [
        TraineeSummary(
            t.id,
            t.username,
            t.display_name,
            figs[t.id].sections_read,
            figs[t.id].answers,
            figs[t.id].accuracy,
            figs[t.id].best_exam,
            figs[t.id].runs,
        )
        for t in trainees
    ]


def point_mastery(db: Database, catalog: Catalog, user_id: int) -> dict[str, Tally]:
    """Accuracy per knowledge point for one trainee."""
    return tally_by(answers_of(db, user_id), catalog.points_of_question)
