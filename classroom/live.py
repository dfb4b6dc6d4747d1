"""Live classroom quiz: a join code, questions pushed one by one, answers once each, live leaderboards."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.exc import IntegrityError

from classroom.classes import CODE_ALPHABET, insert_with_code
from classroom.groups import groups_of
from quizzes.models import AnyQuestion
from quizzes.modes import Scope, scoped_pool
from quizzes.scoring import grade
from store.db import Database
from store.tables import ClassMember, LiveAnswer, LiveParticipant, LiveQuiz, User, utcnow

if TYPE_CHECKING:  # the course container is above the domains: named for types only
    from catalog.catalog import Catalog

LIVE_TYPES = frozenset({"single", "multiple", "judge", "fill"})
BASE_POINTS, SPEED_POINTS, SPEED_WINDOW = 100, 50, 30.0
MAX_QUESTIONS = 50


class LiveError(ValueError):
    """A live-quiz problem, with a message in Chinese."""


@dataclass(frozen=True)
class LiveState:
    """What every screen of a live quiz shows."""

    id: int
    class_id: int
    code: str
    title: str
    question_ids: tuple[str, ...]
    current: int
    opened_at: datetime | None
    finished: bool
    participants: int
    answered_current: int

    @property
    def question_id(self) -> str | None:
        """The question on screen, or None in the lobby or after the end."""
        if self.finished or not 0 <= self.current < len(self.question_ids):
            return None
        return self.question_ids[self.current]


@dataclass(frozen=True)
class Standing:
    """One row of a leaderboard."""

    name: str
    points: int
    correct: int
    answered: int


def chapter_questions(catalog: Catalog, chapter_id: str, count: int, seed: int | None = None) -> list[AnyQuestion]:
    """Up to `count` objective questions on what a chapter teaches, drawn at random."""
    pool = [catalog.questions[q] for q in scoped_pool(catalog, Scope.CHAPTER, chapter_id)]
    pool = [q for q in pool if q.type in LIVE_TYPES]
    return random.Random(seed).sample(pool, min(count, len(pool)))


def create_quiz(db: Database, class_id: int, title: str, questions: list[AnyQuestion]) -> LiveState:
    """A live quiz over objective questions, waiting in the lobby."""
    title = title.strip() or "课堂测验"
    picked = [q.id for q in questions if q.type in LIVE_TYPES][:MAX_QUESTIONS]
    if not picked:
        raise LiveError("请至少选择一道客观题")
    row = insert_with_code(
        db, lambda code: LiveQuiz(class_id=class_id, code=code, title=title[:64], question_ids=picked)
    )
    return state(db, row.id)


def state(db: Database, quiz_id: int) -> LiveState:
    """The quiz as it stands now, read from the database."""
    with db.session() as s:
        row = s.get(LiveQuiz, quiz_id)
        if row is None:
            raise LiveError("找不到这场测验")
        joined = s.scalar(select(func.count()).select_from(LiveParticipant).where(LiveParticipant.quiz_id == quiz_id))
        qid = row.question_ids[row.current] if 0 <= row.current < len(row.question_ids) else None
        answered = (
            s.scalar(
                select(func.count())
                .select_from(LiveAnswer)
                .where(LiveAnswer.quiz_id == quiz_id, LiveAnswer.question_id == qid)
            )
            if qid
            else 0
        )
        return LiveState(
            row.id,
            row.class_id,
            row.code,
            row.title,
            tuple(row.question_ids),
            row.current,
            row.opened_at,
            row.finished,
            int(joined or 0),
            int(answered or 0),
        )


def quizzes_of_class(db: Database, class_id: int) -> list[LiveState]:
    """The class's live quizzes, newest first, in three queries however many there are."""
    with db.session() as s:
        rows = list(s.scalars(select(LiveQuiz).where(LiveQuiz.class_id == class_id).order_by(LiveQuiz.id.desc())))
        ids = [r.id for r in rows]
        if not ids:
            return []
        joined = dict(
            s.execute(
                select(LiveParticipant.quiz_id, func.count())
                .where(LiveParticipant.quiz_id.in_(ids))
                .group_by(LiveParticipant.quiz_id)
            ).all()
        )
        answered = {
            (quiz_id, qid): n
            for quiz_id, qid, n in s.execute(
                select(LiveAnswer.quiz_id, LiveAnswer.question_id, func.count())
                .where(LiveAnswer.quiz_id.in_(ids))
                .group_by(LiveAnswer.quiz_id, LiveAnswer.question_id)
            )
        }
        out = []
        for row in rows:
            qid = row.question_ids[row.current] if 0 <= row.current < len(row.question_ids) else None
            out.append(
                LiveState(
                    row.id,
                    row.class_id,
                    row.code,
                    row.title,
                    tuple(row.question_ids),
                    row.current,
                    row.opened_at,
                    row.finished,
                    int(joined.get(row.id, 0) or 0),
                    int(answered.get((row.id, qid), 0) or 0) if qid else 0,
                )
            )
        return out


def join(db: Database, user_id: int, code: str) -> LiveState:
    """Join a live quiz of one of the trainee's classes by its code; joining twice is harmless."""
    code = code.strip().upper()
    if not code or any(c not in CODE_ALPHABET for c in code):
        raise LiveError("测验码不正确")
    with db.session() as s:
        row = s.scalar(select(LiveQuiz).where(LiveQuiz.code == code))
        if row is None:
            raise LiveError("测验码不正确")
        if row.finished:
            raise LiveError("这场测验已经结束")
        member = s.scalar(
            select(ClassMember).where(ClassMember.class_id == row.class_id, ClassMember.user_id == user_id)
        )
        if member is None:
            raise LiveError("你不在这场测验所属的班级，请先用班级码加入班级")
        quiz_id = row.id
    try:
        with db.session() as s:
            joined = select(LiveParticipant.id).where(
                LiveParticipant.quiz_id == quiz_id, LiveParticipant.user_id == user_id
            )
            if s.scalar(joined) is None:
                s.add(LiveParticipant(quiz_id=quiz_id, user_id=user_id))
                s.flush()
    except IntegrityError:
        pass  # joined in another window at the same moment
    return state(db, quiz_id)


def joined_running(db: Database, user_id: int) -> int | None:
    """The newest unfinished quiz the trainee has joined, so a new session picks it up without the code."""
    with db.session() as s:
        return s.scalar(
            select(LiveQuiz.id)
            .join(LiveParticipant, LiveParticipant.quiz_id == LiveQuiz.id)
            .where(LiveParticipant.user_id == user_id, LiveQuiz.finished.is_(False))
            .order_by(LiveQuiz.id.desc())
        )


def advance(db: Database, quiz_id: int) -> LiveState:
    """Push the next question to every screen, or end the quiz after the last."""
    with db.session() as s:
        row = s.get(LiveQuiz, quiz_id)
        if row is None:
            raise LiveError("找不到这场测验")
        if row.current + 1 >= len(row.question_ids):
            row.finished = True
        else:
            row.current += 1
            row.opened_at = utcnow()
    return state(db, quiz_id)


def finish(db: Database, quiz_id: int) -> LiveState:
    """End the quiz now."""
    with db.session() as s:
        row = s.get(LiveQuiz, quiz_id)
        if row is not None:
            row.finished = True
    return state(db, quiz_id)


def points_for(correct: bool, seconds: float) -> int:
    """Base points for a right answer plus a bonus that shrinks over the first 30 seconds."""
    if not correct:
        return 0
    bonus = SPEED_POINTS * max(0.0, 1 - seconds / SPEED_WINDOW)
    return BASE_POINTS + round(bonus)


@dataclass(frozen=True)
class Submitted:
    """What became of an answer: accepted, a repeat, too late or invalid."""

    status: str  # accepted | repeat | closed | invalid
    correct: bool = False
    points: int = 0


def answer(
    db: Database,
    user_id: int,
    quiz_id: int,
    question: AnyQuestion,
    response: Any,
    now: datetime | None = None,
    version: int | None = None,
) -> Submitted:
    """Record a trainee's answer to the question on screen, with the question's version; the first answer
    counts, once. One transaction with one read before the write."""
    try:
        with db.session() as s:
            repeated = (
                select(LiveAnswer.id)
                .where(
                    LiveAnswer.quiz_id == quiz_id, LiveAnswer.user_id == user_id, LiveAnswer.question_id == question.id
                )
                .exists()
            )
            found = s.execute(
                select(LiveQuiz.question_ids, LiveQuiz.current, LiveQuiz.opened_at, LiveParticipant.id, repeated)
                .outerjoin(
                    LiveParticipant,
                    and_(LiveParticipant.quiz_id == LiveQuiz.id, LiveParticipant.user_id == user_id),
                )
                .where(LiveQuiz.id == quiz_id)
            ).first()
            if found is None:
                raise LiveError("找不到这场测验")
            ids, current, opened_at, member, answered = found
            if not 0 <= current < len(ids) or ids[current] != question.id:
                return Submitted("closed")
            score = grade(question, response)
            if score.status == "invalid":
                return Submitted("invalid")
            if member is None:
                return Submitted("closed")
            if answered:
                return Submitted("repeat")
            correct = score.status == "correct"
            seconds = ((now or utcnow()) - opened_at).total_seconds() if opened_at else 0.0
            points = points_for(correct, seconds)
            s.add(
                LiveAnswer(
                    quiz_id=quiz_id,
                    user_id=user_id,
                    question_id=question.id,
                    response=response,
                    correct=correct,
                    points=points,
                    seconds=round(seconds, 2),
                    question_version=version,
                )
            )
    except IntegrityError:
        return Submitted("repeat")
    return Submitted("accepted", correct, points)


def my_answer(db: Database, user_id: int, quiz_id: int, question_id: str) -> LiveAnswer | None:
    """The trainee's stored answer to a question of the quiz."""
    with db.session() as s:
        return s.scalar(
            select(LiveAnswer).where(
                LiveAnswer.quiz_id == quiz_id, LiveAnswer.user_id == user_id, LiveAnswer.question_id == question_id
            )
        )


def my_answers(db: Database, user_id: int, quiz_id: int) -> dict[str, LiveAnswer]:
    """Every answer the trainee gave in the quiz, by question, in one query."""
    with db.session() as s:
        rows = s.scalars(select(LiveAnswer).where(LiveAnswer.quiz_id == quiz_id, LiveAnswer.user_id == user_id))
        return {r.question_id: r for r in rows}


def leaderboard(db: Database, quiz_id: int) -> list[Standing]:
    """Every participant by points, then by name."""
    with db.session() as s:
        rows = s.execute(
            select(
                User.display_name,
                func.coalesce(func.sum(LiveAnswer.points), 0),
                func.count(LiveAnswer.id).filter(LiveAnswer.correct.is_(True)),
                func.count(LiveAnswer.id),
            )
            .select_from(LiveParticipant)
            .join(User, User.id == LiveParticipant.user_id)
            .outerjoin(LiveAnswer, (LiveAnswer.quiz_id == quiz_id) & (LiveAnswer.user_id == LiveParticipant.user_id))
            .where(LiveParticipant.quiz_id == quiz_id)
            .group_by(LiveParticipant.user_id, User.display_name)
        ).all()
    board = [Standing(name, int(pts), int(correct), int(n)) for name, pts, correct, n in rows]
    return sorted(board, key=lambda r: (-r.points, r.name))


def team_leaderboard(db: Database, quiz_id: int) -> list[Standing]:
    """Groups by the mean points of their members who joined (fair to groups of different sizes)."""
    with db.session() as s:
        quiz = s.get(LiveQuiz, quiz_id)
        if quiz is None:
            raise LiveError("找不到这场测验")
        class_id = quiz.class_id
        points: dict[int, float] = {}
        correct: dict[int, int] = {}
        for uid, total, right in s.execute(
            select(
                LiveAnswer.user_id,
                func.sum(LiveAnswer.points),
                func.sum(case((LiveAnswer.correct.is_(True), 1), else_=0)),
            )
            .where(LiveAnswer.quiz_id == quiz_id)
            .group_by(LiveAnswer.user_id)
        ):
            points[uid] = total
            if right:
                correct[uid] = int(right)
        joined = set(s.scalars(select(LiveParticipant.user_id).where(LiveParticipant.quiz_id == quiz_id)))
    board = []
    for group in groups_of(db, class_id):
        ids = [m.id for m in group.members if m.id in joined]
        if not ids:
            continue
        mean = sum(points.get(i, 0) for i in ids) / len(ids)
        board.append(Standing(group.name, round(mean), sum(correct.get(i, 0) for i in ids), len(ids)))
    return sorted(board, key=lambda r: (-r.points, r.name))
