"""Practice: grade an answer, write it at once, and summarise a trainee's record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from quizzes.models import AnyQuestion
from quizzes.scoring import Score, grade
from quizzes.tracking import record_result
from store.db import Database
from store.tables import Answer


def answer_question(
    db: Database,
    user_id: int,
    question: AnyQuestion,
    response: Any,
    mode: str,
    seconds: float | None = None,
    version: int | None = None,
) -> Score:
    """Grade a response and store it with the question's version; an invalid one is reported and not stored."""
    score = grade(question, response)
    if score.status == "invalid":
        return score
    with db.session() as s:
        record_result(s, user_id, question.id, score.status)
        s.add(
            Answer(
                user_id=user_id,
                question_id=question.id,
                mode=mode,
                response=response,
                status=score.status,
                score=score.score,
                possible=score.possible,
                seconds=seconds,
                question_version=version,
            )
        )
    return score


@dataclass(frozen=True)
class Tally:
    """Answers and correct answers for one group."""

    answered: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        """Share correct, or None when nothing was answered."""
        return self.correct / self.answered if self.answered else None


@dataclass(frozen=True)
class AnswerRow:
    """One stored answer, with a manual score taking precedence over the automatic one."""

    user_id: int
    question_id: str
    status: str
    fraction: float | None
    seconds: float | None
    created_at: datetime
    mode: str

    @property
    def correct(self) -> bool:
        """Full marks."""
        return self.fraction is not None and self.fraction >= 1 - 1e-9


def answers_of(db: Database, user_id: int | None = None, user_ids: list[int] | None = None) -> list[AnswerRow]:
    """Stored answers of one trainee, of several, or of everyone; oldest first."""
    query = select(
        Answer.user_id,
        Answer.question_id,
        Answer.status,
        Answer.score,
        Answer.manual_score,
        Answer.possible,
        Answer.seconds,
        Answer.created_at,
        Answer.mode,
    ).order_by(Answer.id)  # columns only: no ORM objects, no JSON decoding of responses
    if user_id is not None:
        query = query.where(Answer.user_id == user_id)
    if user_ids is not None:
        query = query.where(Answer.user_id.in_(user_ids))
    with db.session() as s:
        return [
            AnswerRow(uid, qid, status, _fraction(manual if manual is not None else score, possible), sec, at, mode)
            for uid, qid, status, score, manual, possible, sec, at, mode in s.execute(query)
        ]


def _fraction(score: float | None, possible: float) -> float | None:
    return None if score is None or not possible else score / possible


def tally_by(answers: list[AnswerRow], key: dict[str, list[str]]) -> dict[str, Tally]:
    """Accuracy per group, where `key` maps a question id to the groups it counts for."""
    counts: dict[str, list[int]] = {}
    for row in answers:
        for group in key.get(row.question_id, []):
            c = counts.setdefault(group, [0, 0])
            c[0] += 1
            c[1] += int(row.correct)
    return {g: Tally(a, b) for g, (a, b) in counts.items()}
