"""A trainee's figures: sections read, practice answers and accuracy, mock exams, finished scenario runs.
Home, progress, the instructor's tables, the class dashboard and the certification requirements all read
them from here, so they never disagree."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Float, and_, case, cast, func, literal, null, select, union_all

from courseware.progress import DONE
from store.db import Database
from store.tables import Answer, ExamAttempt, ScenarioRun, SectionProgress

FULL = 1 - 1e-9  # a fraction at least this is full marks


@dataclass(frozen=True)
class Figures:
    """One trainee's figures. Practice answers are every answer outside exams (practice, section checks);
    an answer counts as correct with full marks, a manual score winning over the automatic one; an answer
    still waiting for a person's score counts as answered, not correct."""

    user_id: int
    sections_read: int
    answers: int
    correct: int
    exams: int  # mock exams handed in
    exams_passed: int
    best_exam: float | None
    runs: int  # scenario runs finished

    @property
    def accuracy(self) -> float | None:
        """Share of practice answers correct; None before the first answer."""
        return self.correct / self.answers if self.answers else None


def figures_of(
    db: Database, user_ids: Collection[int], section_ids: Collection[str] | None = None
) -> dict[int, Figures]:
    """Figures of several trainees in a fixed number of queries. With `section_ids`, only sections of the
    course count as read (a section dropped from the course does not)."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    score = func.coalesce(Answer.manual_score, Answer.score)
    right = case((and_(Answer.possible > 0, score >= Answer.possible * FULL), 1), else_=0)
    none = cast(null(), Float)
    read_where = [SectionProgress.user_id.in_(ids), SectionProgress.status == DONE]
    if section_ids is not None:
        read_where.append(SectionProgress.section_id.in_(sorted(set(section_ids)) or [""]))
    # one statement: a row per trainee and kind (read, answered, exams, runs)
    query = union_all(
        select(literal("r"), SectionProgress.user_id, func.count(), literal(0), none)
        .where(*read_where)
        .group_by(SectionProgress.user_id),
        select(literal("a"), Answer.user_id, func.count(), func.coalesce(func.sum(right), 0), none)
        .where(Answer.user_id.in_(ids))
        .group_by(Answer.user_id),
        select(
            literal("e"),
            ExamAttempt.user_id,
            func.count(),
            func.coalesce(func.sum(case((ExamAttempt.passed.is_(True), 1), else_=0)), 0),
            cast(func.max(ExamAttempt.score), Float),
        )
        .where(ExamAttempt.user_id.in_(ids), ExamAttempt.submitted_at.is_not(None))
        .group_by(ExamAttempt.user_id),
        select(literal("s"), ScenarioRun.user_id, func.count(), literal(0), none)
        .where(ScenarioRun.user_id.in_(ids), ScenarioRun.finished_at.is_not(None))
        .group_by(ScenarioRun.user_id),
    )
    read: dict[int, int] = {}
    answered: dict[int, tuple[int, int]] = {}
    exams: dict[int, tuple[int, int, float | None]] = {}
    runs: dict[int, int] = {}
    with db.session() as s:
        for kind, uid, n, extra, best in s.execute(query):
            if kind == "r":
                read[uid] = int(n)
            elif kind == "a":
                answered[uid] = (int(n), int(extra or 0))
            elif kind == "e":
                exams[uid] = (int(n), int(extra or 0), None if best is None else float(best))
            else:
                runs[uid] = int(n)
    out = {}
    for uid in ids:
        n, c = answered.get(uid, (0, 0))
        e, passed, best = exams.get(uid, (0, 0, None))
        out[uid] = Figures(uid, read.get(uid, 0), n, c, e, passed, best, int(runs.get(uid, 0)))
    return out


def figures(db: Database, user_id: int, section_ids: Collection[str] | None = None) -> Figures:
    """One trainee's figures."""
    return figures_of(db, [user_id], section_ids)[user_id]
