"""Mock exams: reproducible draw from a blueprint, server-side deadline, autosave, resume and scoring."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from grading.objective import grade
from quizzes.models import AnyQuestion, Blueprint
from quizzes.tracking import record_result
from store.db import Database
from store.tables import Answer, ExamAnswer, ExamAttempt, utcnow


class ExamError(ValueError):
    """An exam cannot be drawn or an action is not allowed; message in Chinese."""


@dataclass(frozen=True)
class PaperItem:
    """One question on a paper."""

    question_id: str
    part: int
    score: float


def draw(
    blueprint: Blueprint, questions: dict[str, AnyQuestion], module_of: dict[str, str], seed: int
) -> list[PaperItem]:
    """Draw a paper: per part, questions of its type spread over modules by weight. Same seed, same paper."""
    rng = random.Random(seed)
    used: set[str] = set()
    paper: list[PaperItem] = []
    for index, part in enumerate(blueprint.parts):
        pool: dict[str, list[str]] = {}
        for qid in sorted(questions):
            q = questions[qid]
            if q.type == part.type and qid not in used:
                pool.setdefault(module_of.get(q.points[0], ""), []).append(qid)
        available = sum(len(v) for v in pool.values())
        if available < part.count:
            raise ExamError(f"“{part.title}”需要 {part.count} 道题，题库中只有 {available} 道")
        quotas = _quotas(blueprint.module_weights, part.count)
        chosen: list[str] = []
        for module, quota in quotas.items():
            candidates = pool.get(module, [])
            take = rng.sample(candidates, min(quota, len(candidates)))
            chosen += take
        rest = sorted(set().union(*pool.values()) - set(chosen))
        chosen += rng.sample(rest, part.count - len(chosen))
        rng.shuffle(chosen)
        used.update(chosen)
        paper += [PaperItem(qid, index, part.score_each) for qid in chosen]
    return paper


def _quotas(weights: dict[str, float], count: int) -> dict[str, int]:
    """Split `count` over modules by weight, largest remainder first."""
    total = sum(weights.values()) or 1.0
    exact = {m: count * w / total for m, w in weights.items()}
    quotas = {m: int(v) for m, v in exact.items()}
    for m in sorted(exact, key=lambda m: (quotas[m] - exact[m], m))[: count - sum(quotas.values())]:
        quotas[m] += 1
    return quotas


@dataclass(frozen=True)
class AttemptView:
    """An exam attempt as the page sees it."""

    id: int
    blueprint_id: str
    paper: list[PaperItem]
    answers: dict[str, Any]
    deadline: datetime
    submitted: bool
    score: float | None
    passed: bool | None
    breakdown: dict[str, Any] | None
    started_at: datetime
    seed: int

    def seconds_left(self, now: datetime | None = None) -> int:
        """Seconds until the deadline, never negative."""
        return max(0, int((self.deadline - (now or utcnow())).total_seconds()))


def start(
    db: Database,
    user_id: int,
    blueprint: Blueprint,
    questions: dict[str, AnyQuestion],
    module_of: dict[str, str],
    seed: int | None = None,
) -> int:
    """Draw a paper and open an attempt; the deadline is kept on the server."""
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31)
    paper = draw(blueprint, questions, module_of, seed)
    now = utcnow()
    with db.session() as s:
        attempt = ExamAttempt(
            user_id=user_id,
            blueprint_id=blueprint.id,
            seed=seed,
            paper=[[p.question_id, p.part, p.score] for p in paper],
            started_at=now,
            deadline_at=now + timedelta(minutes=blueprint.time_limit_minutes),
        )
        s.add(attempt)
        s.flush()
        return attempt.id


def _view(s: Any, attempt: ExamAttempt) -> AttemptView:
    answers = {
        a.question_id: a.response for a in s.scalars(select(ExamAnswer).where(ExamAnswer.attempt_id == attempt.id))
    }
    return AttemptView(
        attempt.id,
        attempt.blueprint_id,
        [PaperItem(q, int(p), float(sc)) for q, p, sc in attempt.paper],
        answers,
        attempt.deadline_at,
        attempt.submitted_at is not None,
        attempt.score,
        attempt.passed,
        attempt.breakdown,
        attempt.started_at,
        attempt.seed,
    )


def load(db: Database, user_id: int, attempt_id: int) -> AttemptView:
    """An attempt of this user; another user's attempt is not found."""
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        if attempt is None or attempt.user_id != user_id:
            raise ExamError("找不到这场考试")
        return _view(s, attempt)


def open_attempt(db: Database, user_id: int) -> int | None:
    """The user's unsubmitted attempt, to resume after a closed tab or restart."""
    with db.session() as s:
        return s.scalar(
            select(ExamAttempt.id)
            .where(ExamAttempt.user_id == user_id, ExamAttempt.submitted_at.is_(None))
            .order_by(ExamAttempt.id.desc())
            .limit(1)
        )


def save_answer(db: Database, user_id: int, attempt_id: int, question_id: str, response: Any) -> None:
    """Autosave one answer; refused after submission or past the deadline."""
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        if attempt is None or attempt.user_id != user_id:
            raise ExamError("找不到这场考试")
        if attempt.submitted_at is not None:
            raise ExamError("试卷已经提交，不能再修改")
        if utcnow() > attempt.deadline_at:
            raise ExamError("考试时间已到，答案未保存；请交卷")
        if question_id not in {q for q, _p, _s in attempt.paper}:
            raise ExamError("这道题不在本场试卷中")
        row = s.scalar(
            select(ExamAnswer).where(ExamAnswer.attempt_id == attempt_id, ExamAnswer.question_id == question_id)
        )
        if row is None:
            s.add(ExamAnswer(attempt_id=attempt_id, question_id=question_id, response=response))
        else:
            row.response = response
            row.updated_at = utcnow()


def submit(
    db: Database,
    user_id: int,
    attempt_id: int,
    blueprint: Blueprint,
    questions: dict[str, AnyQuestion],
    module_of: dict[str, str],
) -> AttemptView:
    """Grade the saved answers, store score, pass flag and per-module breakdown. Idempotent."""
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        if attempt is None or attempt.user_id != user_id:
            raise ExamError("找不到这场考试")
        if attempt.submitted_at is None:
            view = _view(s, attempt)
            attempt.breakdown = score_paper(view.paper, view.answers, questions, module_of)
            attempt.score = attempt.breakdown["score"]
            attempt.passed = attempt.score >= blueprint.pass_mark
            attempt.submitted_at = utcnow()
            record_mistakes(s, user_id, attempt.breakdown, view.answers)
        return _view(s, attempt)


def score_paper(
    paper: list[PaperItem], answers: dict[str, Any], questions: dict[str, AnyQuestion], module_of: dict[str, str]
) -> dict[str, Any]:
    """Score every item; unanswered or invalid items score zero in an exam."""
    items: dict[str, Any] = {}
    modules: dict[str, list[float]] = {}
    total = 0.0
    for item in paper:
        q = questions.get(item.question_id)
        if q is None:
            continue
        result = grade(q, answers.get(item.question_id), item.score)
        earned = result.score or 0.0
        total += earned
        module = module_of.get(q.points[0], "")
        items[item.question_id] = {"status": result.status, "score": earned, "possible": item.score, "module": module}
        m = modules.setdefault(module, [0.0, 0.0])
        m[0] += earned
        m[1] += item.score
    return {
        "score": round(total, 2),
        "items": items,
        "modules": {k: {"score": v[0], "possible": v[1]} for k, v in modules.items()},
    }


def history(db: Database, user_id: int) -> list[AttemptView]:
    """Submitted attempts, newest first."""
    with db.session() as s:
        rows = s.scalars(
            select(ExamAttempt)
            .where(ExamAttempt.user_id == user_id, ExamAttempt.submitted_at.is_not(None))
            .order_by(ExamAttempt.id.desc())
        ).all()
        return [_view(s, a) for a in rows]


def record_mistakes(s: Session, user_id: int, breakdown: dict[str, Any], answers: dict[str, Any]) -> None:
    """Once, at hand-in: each graded item updates the wrong book and the review queue as a practice answer
    would (an unanswered item counts as wrong), and each answered item is stored as an answer of mode exam."""
    for question_id, item in breakdown.get("items", {}).items():
        status = item["status"] if question_id in answers else "wrong"
        if status not in {"correct", "wrong", "partial"}:
            continue  # waiting for a person to grade it
        record_result(s, user_id, question_id, status)
        if question_id in answers:
            s.add(
                Answer(
                    user_id=user_id,
                    question_id=question_id,
                    mode="exam",
                    response=answers[question_id],
                    status=status,
                    score=item["score"],
                    possible=item["possible"],
                )
            )
