"""Manual grading of items the automatic grader left to a person (score None); a manual score wins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from quizzes.exam import pending_count, verdict
from store.db import Database
from store.tables import Answer, ExamAnswer, ExamAttempt


class GradingError(ValueError):
    """A manual-grading problem, with a message in Chinese."""


@dataclass(frozen=True)
class PendingItem:
    """An answer waiting for an instructor: from practice (answer id) or an exam (attempt id)."""

    source: str  # practice | exam
    ref: int
    user_id: int
    question_id: str
    response: Any
    suggested: float | None
    possible: float
    marking: tuple[dict[str, Any], ...] = ()  # skill items: the rubric's verdict per marking point


def pending(db: Database, user_ids: list[int] | Select[Any]) -> list[PendingItem]:
    """Answers of these trainees (ids, or a query of ids) that still need a person's score."""
    if isinstance(user_ids, list) and not user_ids:
        return []
    out: list[PendingItem] = []
    with db.session() as s:
        for a in s.scalars(
            select(Answer)
            .where(Answer.user_id.in_(user_ids), Answer.score.is_(None), Answer.manual_score.is_(None))
            .order_by(Answer.id)
        ):
            out.append(PendingItem("practice", a.id, a.user_id, a.question_id, a.response, None, a.possible))
        waiting: list[tuple[ExamAttempt, list[tuple[str, dict[str, Any]]]]] = []
        for e in s.scalars(
            select(ExamAttempt)
            .where(ExamAttempt.user_id.in_(user_ids), ExamAttempt.submitted_at.is_not(None))
            .order_by(ExamAttempt.id)
        ):
            items = (e.breakdown or {}).get("items", {})
            todo = [(q, i) for q, i in items.items() if i["status"] == "review" and not i.get("manual")]
            if todo:
                waiting.append((e, todo))
        answers: dict[tuple[int, str], Any] = {}
        if waiting:  # one query for the responses of every attempt with an item to grade
            for x in s.scalars(select(ExamAnswer).where(ExamAnswer.attempt_id.in_([e.id for e, _ in waiting]))):
                answers[(x.attempt_id, x.question_id)] = x.response
        for e, todo in waiting:
            for qid, item in todo:
                out.append(
                    PendingItem(
                        "exam",
                        e.id,
                        e.user_id,
                        qid,
                        answers.get((e.id, qid)),
                        item.get("suggested", item["score"]),
                        item["possible"],
                        tuple(item.get("parts", [])),
                    )
                )
    return out


def _check(score: float, possible: float) -> float:
    if not 0 <= score <= possible:
        raise GradingError(f"分数须在 0~{possible:g} 之间")
    return round(score, 2)


def grade_practice_answer(db: Database, answer_id: int, score: float) -> None:
    """Set the manual score of a practice answer."""
    with db.session() as s:
        row = s.get(Answer, answer_id)
        if row is None:
            raise GradingError("找不到这条作答")
        row.manual_score = _check(score, row.possible)


def grade_exam_item(db: Database, attempt_id: int, question_id: str, score: float, pass_mark: float) -> float:
    """Set the manual score of one exam item and re-total the attempt; returns the new total."""
    with db.session() as s:
        row = _exam_row(s, attempt_id, question_id)
        return _set_item(row, question_id, _check(score, row.breakdown["items"][question_id]["possible"]), pass_mark)


def grade_exam_skill(
    db: Database, attempt_id: int, question_id: str, point_scores: list[float], pass_mark: float
) -> float:
    """Mark a skill item point by point (each 0..the point's share of the item on this paper), keep the marks,
    set the item to their sum and re-total the attempt; returns the new total."""
    with db.session() as s:
        row = _exam_row(s, attempt_id, question_id)
        parts = list(row.breakdown["items"][question_id].get("parts", []))
        if not parts or len(parts) != len(point_scores):
            raise GradingError("评分要点的个数不对")
        marks = [_check(x, float(p["possible"])) for x, p in zip(point_scores, parts, strict=True)]
        possible = row.breakdown["items"][question_id]["possible"]
        return _set_item(row, question_id, min(round(sum(marks), 2), possible), pass_mark, marks)


def _exam_row(s: Any, attempt_id: int, question_id: str) -> Any:
    row = s.get(ExamAttempt, attempt_id)
    if row is None or row.breakdown is None or question_id not in row.breakdown.get("items", {}):
        raise GradingError("找不到这道考试题")
    return row


def _set_item(row: Any, question_id: str, score: float, pass_mark: float, marks: list[float] | None = None) -> float:
    breakdown = dict(row.breakdown)
    items = {k: dict(v) for k, v in breakdown["items"].items()}
    item = items[question_id]
    old = item["score"]
    item["score"] = score
    item["manual"] = True
    if marks is not None:
        item["point_marks"] = marks
    module = item.get("module")
    modules = {k: dict(v) for k, v in breakdown.get("modules", {}).items()}
    if module in modules:
        modules[module]["score"] += item["score"] - old
    breakdown["items"], breakdown["modules"] = items, modules
    breakdown["score"] = round(sum(v["score"] for v in items.values()), 2)
    breakdown["pending"] = pending_count(items)
    row.breakdown = breakdown
    row.score = breakdown["score"]
    row.passed = verdict(breakdown, pass_mark)
    return float(row.score)
