"""Figures for the trainee's progress page and the instructor's item statistics."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import and_, case, func, select

from quizzes.models import AnyQuestion
from quizzes.practice import AnswerRow
from store.db import Database
from store.tables import Answer

FULL = 1 - 1e-9  # a fraction at least this is full marks

MIN_RESPONDENTS = 5


@dataclass(frozen=True)
class Day:
    """Answers given on one day."""

    day: date
    answered: int
    correct: int


def accuracy_by_day(rows: list[AnswerRow], zone: tzinfo | None = None) -> list[Day]:
    """Answered and correct per calendar day (in `zone`, UTC when None), oldest first."""
    days: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        d = days[(r.created_at.astimezone(zone) if zone else r.created_at).date()]
        d[0] += 1
        d[1] += int(r.correct)
    return [Day(k, v[0], v[1]) for k, v in sorted(days.items())]


def seconds_by_type(rows: list[AnswerRow], questions: dict[str, AnyQuestion]) -> dict[str, float]:
    """Median seconds spent per answer, by question type."""
    spent: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        q = questions.get(r.question_id)
        if q is not None and r.seconds is not None:
            spent[q.type].append(r.seconds)
    return {k: round(statistics.median(v), 1) for k, v in spent.items()}


@dataclass(frozen=True)
class ItemStat:
    """Classical item statistics: facility (share correct) and discrimination (point-biserial vs rest score)."""

    question_id: str
    respondents: int
    facility: float
    discrimination: float | None


def item_statistics(rows: list[AnswerRow]) -> list[ItemStat]:
    """Per question, from each trainee's first answer to it; discrimination needs five respondents."""
    first: dict[tuple[int, str], int] = {}
    for r in rows:
        if r.fraction is not None:
            first.setdefault((r.user_id, r.question_id), int(r.correct))
    return statistics_of_first(first)


def first_answers(db: Database, user_ids: list[int] | None = None) -> dict[tuple[int, str], int]:
    """Whether each trainee's first scored answer to each question had full marks (1) or not (0), from the
    database in one query; None means everyone."""
    score = func.coalesce(Answer.manual_score, Answer.score)
    scored = and_(score.is_not(None), Answer.possible > 0)
    firsts = select(func.min(Answer.id)).where(scored).group_by(Answer.user_id, Answer.question_id)
    if user_ids is not None:
        firsts = firsts.where(Answer.user_id.in_(user_ids))
    right = case((score >= Answer.possible * FULL, 1), else_=0)
    query = select(Answer.user_id, Answer.question_id, right).where(Answer.id.in_(firsts.scalar_subquery()))
    with db.session() as s:
        return {(uid, qid): int(v) for uid, qid, v in s.execute(query)}


def statistics_of_first(first: dict[tuple[int, str], int]) -> list[ItemStat]:
    """Facility and discrimination (against the rest score) of each question, in time linear in the answers."""
    by_user: dict[int, dict[str, int]] = defaultdict(dict)
    for (user, qid), value in first.items():
        by_user[user][qid] = value
    totals = {user: (sum(answers.values()), len(answers)) for user, answers in by_user.items()}
    per_question: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for user, answers in by_user.items():
        total, count = totals[user]
        for qid, value in answers.items():
            scores, rest = per_question[qid]
            scores.append(value)
            rest.append((total - value) / (count - 1) if count > 1 else 0.0)
    out = []
    for qid in sorted(per_question):
        scores, rest = per_question[qid]
        facility = sum(scores) / len(scores)
        out.append(ItemStat(qid, len(scores), round(facility, 3), _correlation(scores, rest)))
    return out


def _correlation(xs: list[int], ys: list[float]) -> float | None:
    if len(xs) < MIN_RESPONDENTS or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    return round(statistics.correlation([float(x) for x in xs], ys), 3)
