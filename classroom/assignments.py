"""Assignments of a class and each trainee's status on them, computed from what the trainee did."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import select

from classroom.report_templates import TEMPLATES
from quizzes.modes import Scope, scoped_pool
from store.db import Database
from store.tables import (
    Answer,
    Assignment,
    ClassMember,
    ExamAttempt,
    ReportSubmission,
    ScenarioRun,
    SectionProgress,
    TeamMember,
    utcnow,
)

if TYPE_CHECKING:  # the course container is above the domains: named for types only
    from catalog.catalog import Catalog

Kind = Literal["chapter", "practice", "exam", "scenario", "report"]
KINDS: tuple[Kind, ...] = ("chapter", "practice", "exam", "scenario", "report")
Status = Literal["todo", "doing", "done", "late"]
DEFAULT_PRACTICE_GOAL = 20


class AssignmentError(ValueError):
    """A bad assignment, with a message in Chinese."""


@dataclass(frozen=True)
class AssignmentInfo:
    """An assignment as pages see it."""

    id: int
    class_id: int
    kind: Kind
    target: str
    title: str
    goal: int | None
    due_at: datetime | None
    max_attempts: int | None
    created_at: datetime


@dataclass(frozen=True)
class TaskStatus:
    """One trainee's standing on one assignment."""

    assignment: AssignmentInfo
    status: Status
    done: int
    needed: int
    attempts: int
    best: float | None

    @property
    def attempts_left(self) -> int | None:
        """Attempts still allowed, or None when unlimited."""
        limit = self.assignment.max_attempts
        return None if limit is None else max(0, limit - self.attempts)


def _info(row: Assignment) -> AssignmentInfo:
    kind: Kind = row.kind  # type: ignore[assignment]
    return AssignmentInfo(
        row.id, row.class_id, kind, row.target, row.title, row.goal, row.due_at, row.max_attempts, row.created_at
    )


def target_title(catalog: Catalog, kind: Kind, target: str) -> str | None:
    """The title of what an assignment points at, or None when it does not exist."""
    if kind in {"chapter", "practice"}:
        chapter = catalog.chapter(target)
        return chapter.title if chapter else None
    if kind == "exam":
        return catalog.blueprints[target].title if target in catalog.blueprints else None
    if kind == "scenario":
        return catalog.scenarios[target].title if target in catalog.scenarios else None
    return TEMPLATES[target].title if target in TEMPLATES else None


def create_assignment(
    db: Database,
    catalog: Catalog,
    class_id: int,
    kind: Kind,
    target: str,
    *,
    due_at: datetime | None = None,
    max_attempts: int | None = None,
    goal: int | None = None,
) -> AssignmentInfo:
    """Set work for a class; the target must exist in the course."""
    if kind not in KINDS:
        raise AssignmentError("未知的任务类型")
    title = target_title(catalog, kind, target)
    if title is None:
        raise AssignmentError("找不到要布置的内容")
    if max_attempts is not None and not 1 <= max_attempts <= 50:
        raise AssignmentError("次数限制须在 1~50 之间")
    if due_at is not None and due_at.tzinfo is None:
        raise AssignmentError("截止时间缺少时区")
    if kind == "practice":
        goal = goal or DEFAULT_PRACTICE_GOAL
        if not 1 <= goal <= 500:
            raise AssignmentError("练习题数须在 1~500 之间")
    with db.session() as s:
        row = Assignment(
            class_id=class_id,
            kind=kind,
            target=target,
            title=title,
            goal=goal,
            due_at=due_at,
            max_attempts=max_attempts if kind in {"exam", "scenario"} else None,
        )
        s.add(row)
        s.flush()
        return _info(row)


def delete_assignment(db: Database, class_id: int, assignment_id: int) -> None:
    """Remove an assignment of this class."""
    with db.session() as s:
        row = s.get(Assignment, assignment_id)
        if row is not None and row.class_id == class_id:
            s.delete(row)


def assignments_of(db: Database, class_ids: list[int]) -> list[AssignmentInfo]:
    """Assignments of these classes, oldest first."""
    if not class_ids:
        return []
    with db.session() as s:
        rows = s.scalars(select(Assignment).where(Assignment.class_id.in_(class_ids)).order_by(Assignment.id))
        return [_info(r) for r in rows]


@dataclass
class Activity:
    """What a set of trainees did, fetched in a few queries."""

    sections: dict[int, set[str]]
    answers: dict[int, list[tuple[str, datetime]]]
    exams: dict[int, list[tuple[str, datetime, datetime | None, float | None]]]
    runs: dict[int, list[tuple[str, datetime, datetime | None, float | None]]]
    reports: dict[int, set[int]]  # user -> assignment ids their group submitted
    results: dict[int, list[dict[str, Any] | None]] = field(default_factory=dict)  # run results, when asked

    @classmethod
    def fetch(
        cls, db: Database, user_ids: list[int], answers_since: datetime | None = None, *, results: bool = False
    ) -> Activity:
        """Load the activity of these trainees; practice answers only from `answers_since` (none when None);
        with `results`, the stored result of every scenario run too (in the same query as the runs)."""
        act = cls(defaultdict(set), defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(set))
        act.results = defaultdict(list)
        if not user_ids:
            return act
        with db.session() as s:
            for uid, sid in s.execute(
                select(SectionProgress.user_id, SectionProgress.section_id).where(
                    SectionProgress.user_id.in_(user_ids), SectionProgress.status == "done"
                )
            ):
                act.sections[uid].add(sid)
            if answers_since is not None:
                for uid, qid, at in s.execute(
                    select(Answer.user_id, Answer.question_id, Answer.created_at).where(
                        Answer.user_id.in_(user_ids), Answer.created_at >= answers_since
                    )
                ):
                    act.answers[uid].append((qid, at))
            for uid, *exam in s.execute(
                select(
                    ExamAttempt.user_id,
                    ExamAttempt.blueprint_id,
                    ExamAttempt.started_at,
                    ExamAttempt.submitted_at,
                    ExamAttempt.score,
                ).where(ExamAttempt.user_id.in_(user_ids))
            ):
                act.exams[uid].append(tuple(exam))  # type: ignore[arg-type]
            run_columns: list[Any] = [
                ScenarioRun.user_id,
                ScenarioRun.scenario_id,
                ScenarioRun.started_at,
                ScenarioRun.finished_at,
                ScenarioRun.total,
            ]
            if results:
                run_columns.append(ScenarioRun.result)
            for row in s.execute(select(*run_columns).where(ScenarioRun.user_id.in_(user_ids))):
                uid = int(row[0])
                act.runs[uid].append((row[1], row[2], row[3], row[4]))
                if results:
                    act.results[uid].append(row[5])
            for uid, aid in s.execute(
                select(TeamMember.user_id, ReportSubmission.assignment_id)
                .join(ReportSubmission, ReportSubmission.team_id == TeamMember.team_id)
                .where(TeamMember.user_id.in_(user_ids))
            ):
                act.reports[uid].add(aid)
        return act


def practice_pools(catalog: Catalog, assignments: Iterable[AssignmentInfo]) -> dict[int, frozenset[str]]:
    """The questions each practice assignment draws from, worked out once for a whole class."""
    return {a.id: frozenset(scoped_pool(catalog, Scope.CHAPTER, a.target)) for a in assignments if a.kind == "practice"}


def task_status(
    catalog: Catalog,
    a: AssignmentInfo,
    user_id: int,
    act: Activity,
    now: datetime,
    pools: dict[int, frozenset[str]] | None = None,
) -> TaskStatus:
    """Where one trainee stands on one assignment (`pools` from practice_pools, when given)."""
    done, needed, attempts, best = 0, 1, 0, None
    if a.kind == "chapter":
        chapter = catalog.chapter(a.target)
        ids = [sec.id for sec in chapter.sections] if chapter else []
        needed = len(ids) or 1
        done = sum(1 for sid in ids if sid in act.sections[user_id])
    elif a.kind == "practice":
        pool = pools[a.id] if pools and a.id in pools else frozenset(scoped_pool(catalog, Scope.CHAPTER, a.target))
        needed = min(a.goal or DEFAULT_PRACTICE_GOAL, len(pool)) or 1
        answered = {qid for qid, at in act.answers[user_id] if qid in pool and at >= a.created_at}
        done = min(len(answered), needed)
    elif a.kind in {"exam", "scenario"}:
        history = act.exams[user_id] if a.kind == "exam" else act.runs[user_id]
        tries = [t for t in history if t[0] == a.target and t[1] >= a.created_at]
        attempts = len(tries)
        scores = [t[3] for t in tries if t[2] is not None and t[3] is not None]
        best = max(scores) if scores else None
        done = 1 if scores else 0
    else:
        done = 1 if a.id in act.reports[user_id] else 0
    status: Status
    if done >= needed:
        status = "done"
    elif a.due_at is not None and now > a.due_at:
        status = "late"
    elif done or attempts:
        status = "doing"
    else:
        status = "todo"
    return TaskStatus(a, status, done, needed, attempts, best)


def tasks_of(db: Database, catalog: Catalog, user_id: int, now: datetime | None = None) -> list[TaskStatus]:
    """A trainee's assignments across their classes, with status: the 我的任务 list."""
    with db.session() as s:
        class_ids = list(s.scalars(select(ClassMember.class_id).where(ClassMember.user_id == user_id)))
    assignments = assignments_of(db, class_ids)
    act = Activity.fetch(db, [user_id], practice_since(assignments))
    now = now or utcnow()
    return [task_status(catalog, a, user_id, act, now) for a in assignments]


def practice_since(assignments: list[AssignmentInfo]) -> datetime | None:
    """When the oldest practice assignment was set: answers before it never count."""
    return min((a.created_at for a in assignments if a.kind == "practice"), default=None)


def attempts_left(db: Database, user_id: int, kind: Kind, target: str) -> int | None:
    """Attempts a trainee still has on an exam or scenario assigned with a limit; None when unlimited. Reads only
    the assignments of this target in the trainee's classes and the trainee's attempts at it (two statements)."""
    if kind not in {"exam", "scenario"}:
        return None
    owner, started, aimed = (
        (ExamAttempt.user_id, ExamAttempt.started_at, ExamAttempt.blueprint_id)
        if kind == "exam"
        else (ScenarioRun.user_id, ScenarioRun.started_at, ScenarioRun.scenario_id)
    )
    with db.session() as s:
        mine = select(ClassMember.class_id).where(ClassMember.user_id == user_id)
        assigned = s.execute(
            select(Assignment.max_attempts, Assignment.created_at).where(
                Assignment.class_id.in_(mine), Assignment.kind == kind, Assignment.target == target
            )
        ).all()
        limits = [(limit, created) for limit, created in assigned if limit is not None]
        if not limits or len(limits) < len(assigned):  # none assigned, or one without a limit
            return None
        starts = list(s.scalars(select(started).where(owner == user_id, aimed == target)))
    return max(max(0, limit - sum(1 for at in starts if at >= created)) for limit, created in limits)
