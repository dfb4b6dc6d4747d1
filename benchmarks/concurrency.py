"""A classroom at once: many trainees answering practice questions and a live quiz at the same moment."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import func, select

from catalog.catalog import Catalog
from classroom import live
from classroom.classes import add_member, create_class
from quizzes.practice import answer_question
from store.db import Database
from store.tables import Answer, LiveAnswer, User


def simulate(db: Database, catalog: Catalog, trainees: int = 60, answers_each: int = 10) -> dict[str, Any]:
    """Every trainee starts together, answers `answers_each` practice questions and taps the live question
    twice; report what was stored against what was sent, and the 95th-percentile write time."""
    with db.session() as s:
        teacher = User(
            username=f"sim_teacher_{time.time_ns()}", display_name="教师", role="instructor", password_hash="x"
        )
        users = [
            User(username=f"sim_{time.time_ns()}_{i}", display_name=f"学员{i}", role="trainee", password_hash="x")
            for i in range(trainees)
        ]
        s.add_all([teacher, *users])
        s.flush()
        teacher_id, ids = teacher.id, [u.id for u in users]
    info = create_class(db, teacher_id, "并发测试班")
    for uid in ids:
        add_member(db, info.id, uid)
    objective = [q for q in catalog.questions.values() if q.type in {"single", "judge"}]  # the key is a response
    quiz = live.create_quiz(db, info.id, "并发测验", objective[:1])
    for uid in ids:
        live.join(db, uid, quiz.code)
    live.advance(db, quiz.id)
    questions = objective[:answers_each]
    start = threading.Barrier(trainees)
    timings: list[float] = []
    lock = threading.Lock()

    def trainee(uid: int) -> None:
        start.wait()
        for q in questions:
            began = time.perf_counter()
            answer_question(db, uid, q, q.answer, "practice")  # type: ignore[union-attr]
            with lock:
                timings.append(time.perf_counter() - began)
        for _ in range(2):
            began = time.perf_counter()
            live.answer(db, uid, quiz.id, objective[0], objective[0].answer)  # type: ignore[union-attr]
            with lock:
                timings.append(time.perf_counter() - began)

    with ThreadPoolExecutor(max_workers=trainees) as pool:
        list(pool.map(trainee, ids))
    with db.session() as s:
        practice = s.scalar(select(func.count()).select_from(Answer).where(Answer.user_id.in_(ids))) or 0
        live_rows = s.scalar(select(func.count()).select_from(LiveAnswer).where(LiveAnswer.quiz_id == quiz.id)) or 0
    expected = trainees * answers_each + trainees
    timings.sort()
    return {
        "trainees": trainees,
        "answers": trainees * answers_each + 2 * trainees,
        "stored": practice + live_rows,
        "lost": expected - (practice + live_rows) if practice + live_rows <= expected else 0,
        "duplicated": max(0, practice + live_rows - expected),
        "p95_ms": round(1000 * timings[int(0.95 * (len(timings) - 1))], 1),
        "max_ms": round(1000 * timings[-1], 1),
    }
