"""Practice: grade an answer, write it at once, and summarise a trainee's record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from grading.objective import Score, grade
from quizzes.models import AnyQuestion
from quizzes.tracking import record_result
from store.db import Database
from store.tables import Answer


def answer_question(
    db: Database, user_id: int, question: AnyQuestion, response: Any, mode: str, seconds: float | None = None
) -> Score:
    """Grade a response and store it; an invalid one is reported and not stored."""
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


def answers_of(db: Database, user_id: int) -> list[tuple[str, str, float | None]]:
    """(question id, status, fraction) of every stored answer, oldest first."""
    with db.session() as s:
        rows = s.execute(
            select(Answer.question_id, Answer.status, Answer.score, Answer.possible, Answer.manual_score)
            .where(Answer.user_id == user_id)
            .order_by(Answer.id)
        ).all()
    out = []
    for qid, status, score, possible, manual in rows:
        value = manual if manual is not None else score
        out.append((qid, status, None if value is None or not possible else value / possible))
    return out


def tally_by(answers: list[tuple[str, str, float | None]], key: dict[str, list[str]]) -> dict[str, Tally]:
    """Accuracy per group, where `key` maps a question id to the groups it counts for."""
    counts: dict[str, list[int]] = {}
    for qid, _status, fraction in answers:
        for group in key.get(qid, []):
            c = counts.setdefault(group, [0, 0])
            c[0] += 1
            c[1] += int(fraction is not None and fraction >= 1 - 1e-9)
    return {g: Tally(a, b) for g, (a, b) in counts.items()}
