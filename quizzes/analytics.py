"""Figures for the trainee's progress page and the instructor's item statistics."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from quizzes.models import AnyQuestion
from quizzes.practice import AnswerRow

MIN_RESPONDENTS = 5


@dataclass(frozen=True)
class Day:
    """Answers given on one day."""

    day: date
    answered: int
    correct: int


def accuracy_by_day(rows: list[AnswerRow]) -> list[Day]:
    """Answered and correct per calendar day (UTC), oldest first."""
    days: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        d = days[r.created_at.date()]
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
    by_user: dict[int, dict[str, int]] = defaultdict(dict)
    for (user, qid), value in first.items():
        by_user[user][qid] = value
    questions = sorted({qid for _u, qid in first})
    out = []
    for qid in questions:
        scores, rest = [], []
        for answers in by_user.values():
            if qid in answers:
                scores.append(answers[qid])
                others = [v for k, v in answers.items() if k != qid]
                rest.append(sum(others) / len(others) if others else 0.0)
        facility = sum(scores) / len(scores)
        out.append(ItemStat(qid, len(scores), round(facility, 3), _correlation(scores, rest)))
    return out


def _correlation(xs: list[int], ys: list[float]) -> float | None:
    if len(xs) < MIN_RESPONDENTS or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    return round(statistics.correlation([float(x) for x in xs], ys), 3)
