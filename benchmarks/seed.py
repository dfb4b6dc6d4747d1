"""A realistic classroom in a database, for the benchmark and for the tests that bound statements per rerun:
an instructor's class of N trainees with 200 answers each, review states, read sections, assignments of every
kind, a live quiz in progress, finished scenario runs and handed-in mock exams."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from classroom import live
from classroom.assignments import create_assignment
from classroom.classes import add_member, create_class
from quizzes import exam
from scenarios.runner import build_engine, replay
from store.db import Database
from store.tables import Answer, ExamAttempt, QuestionState, ScenarioRun, ScenarioTurn, SectionProgress, User, utcnow

if TYPE_CHECKING:
    from catalog.catalog import Catalog


def finished_runs(db: Database, cat: Catalog, user_ids: list[int] | tuple[int, ...], each: int = 1) -> list[int]:
    """`each` finished runs of the first scenario's first golden transcript for every user; the runs' ids."""
    scenario = next(iter(cat.scenarios.values()))
    example = scenario.examples[0]
    played = replay(scenario, build_engine(scenario, cat.library), list(example.turns))
    assert played.result is not None
    out: list[int] = []
    with db.session() as s:
        for uid in user_ids:
            for _ in range(each):
                run = ScenarioRun(
                    user_id=uid,
                    scenario_id=scenario.id,
                    finished_at=utcnow(),
                    total=played.result.total,
                    ending=played.result.ending,
                    result=played.result.to_dict(),
                )
                s.add(run)
                s.flush()
                for idx, response in enumerate(example.turns):
                    s.add(ScenarioTurn(run_id=run.id, idx=idx, response=response, text=str(response)))
                out.append(run.id)
    return out


@dataclass(frozen=True)
class Seeded:
    """Ids of what was seeded."""

    instructor_id: int
    class_id: int
    trainee_ids: tuple[int, ...]
    quiz_id: int


def seed_class(
    db: Database,
    cat: Catalog,
    trainees: int = 60,
    answers_each: int = 200,
    *,
    instructor_id: int | None = None,
    rng_seed: int = 1,
) -> Seeded:
    """Seed one class; `instructor_id` (an existing instructor or admin) teaches it, else a new instructor."""
    rng = random.Random(rng_seed)
    tag = time.time_ns()
    qids = sorted(cat.questions)
    sections = sorted(cat.sections)
    now = utcnow()
    with db.session() as s:
        if instructor_id is None:
            teacher = User(username=f"seed_t_{tag}", display_name="教师", role="instructor", password_hash="x")
            s.add(teacher)
            s.flush()
            instructor_id = teacher.id
        users = [
            User(username=f"seed_{tag}_{i}", display_name=f"学员{i:02d}", role="trainee", password_hash="x")
            for i in range(trainees)
        ]
        s.add_all(users)
        s.flush()
        ids = [u.id for u in users]
    info = create_class(db, instructor_id, "基准班")
    for uid in ids:
        add_member(db, info.id, uid)
    chapters = list(cat.chapters)
    create_assignment(db, cat, info.id, "chapter", chapters[0].id, due_at=now - timedelta(days=1))
    create_assignment(db, cat, info.id, "practice", chapters[1].id, goal=20)
    blueprint = next(iter(cat.blueprints.values()))
    create_assignment(db, cat, info.id, "exam", blueprint.id, max_attempts=3)
    scenario = next(iter(cat.scenarios.values()))
    create_assignment(db, cat, info.id, "scenario", scenario.id)
    # assignments are older than the answers, so practice counts
    with db.session() as s:
        for n, uid in enumerate(ids):
            asked = [rng.choice(qids) for _ in range(answers_each)]
            for k, qid in enumerate(asked):
                right = rng.random() < 0.4 + 0.5 * (n / max(1, trainees))
                s.add(
                    Answer(
                        user_id=uid,
                        question_id=qid,
                        mode="practice",
                        response="A",
                        status="correct" if right else "wrong",
                        score=1.0 if right else 0.0,
                        possible=1.0,
                        seconds=rng.uniform(5, 60),
                        created_at=now - timedelta(minutes=5 * (answers_each - k) + n),
                    )
                )
            for qid in dict.fromkeys(asked):
                s.add(
                    QuestionState(
                        user_id=uid,
                        question_id=qid,
                        favorite=rng.random() < 0.05,
                        in_wrong_book=rng.random() < 0.3,
                        correct_streak=0,
                        wrong_count=1,
                        due_at=now + timedelta(days=rng.randint(-3, 10)),
                    )
                )
            for sid in rng.sample(sections, min(len(sections), 20)):
                s.add(SectionProgress(user_id=uid, section_id=sid, status="done"))
    module_of = cat.syllabus.module_of
    for uid in ids[: max(1, trainees // 2)]:
        attempt = exam.start(db, uid, blueprint, cat.questions, module_of, seed=uid)
        view = exam.load(db, uid, attempt)
        for item in view.paper[:20]:
            q = cat.questions[item.question_id]
            exam.save_answer(db, uid, attempt, q.id, getattr(q, "answer", "A"))
        exam.submit(db, uid, attempt, blueprint, cat.questions, module_of)
    finished_runs(db, cat, ids)
    objective = [q for q in cat.questions.values() if q.type in {"single", "judge"}][:5]
    quiz = live.create_quiz(db, info.id, "课堂测验", objective)
    for uid in ids:
        live.join(db, uid, quiz.code)
    live.advance(db, quiz.id)
    for uid in ids[: trainees // 2]:
        live.answer(db, uid, quiz.id, objective[0], objective[0].answer)  # type: ignore[union-attr]
    return Seeded(instructor_id, info.id, tuple(ids), quiz.id)


def exam_attempts(db: Database, user_ids: list[int]) -> int:
    """Handed-in attempts of these users (a check that seeding worked)."""
    with db.session() as s:
        return sum(1 for a in s.query(ExamAttempt).filter(ExamAttempt.user_id.in_(user_ids)) if a.submitted_at)
