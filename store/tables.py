"""Database tables."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """Timezone-aware now, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes, also on SQLite (which stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    """Declarative base with JSON for dict/list columns."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UTCDateTime}


class User(Base):
    """A trainee, instructor or admin account."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_demo: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    exam_date: Mapped[date | None] = mapped_column(Date, default=None)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SectionProgress(Base):
    """A section a trainee has opened or finished."""

    __tablename__ = "section_progress"
    __table_args__ = (UniqueConstraint("user_id", "section_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16))  # opened | done
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)  # first marked done


class Answer(Base):
    """One answer given in practice or a section check, written when given."""

    __tablename__ = "answers"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(128), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    response: Mapped[Any] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float, default=None)
    possible: Mapped[float] = mapped_column(Float)
    manual_score: Mapped[float | None] = mapped_column(Float, default=None)
    seconds: Mapped[float | None] = mapped_column(Float, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # the question's version the answer was given on (None: version 1), and the one a regrade scored it by
    question_version: Mapped[int | None] = mapped_column(Integer, default=None)
    graded_version: Mapped[int | None] = mapped_column(Integer, default=None)


class ExamAttempt(Base):
    """A mock exam: the drawn paper, the deadline and, once submitted, the result."""

    __tablename__ = "exam_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    blueprint_id: Mapped[str] = mapped_column(String(128))
    seed: Mapped[int] = mapped_column(Integer)
    paper: Mapped[list[Any]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    score: Mapped[float | None] = mapped_column(Float, default=None)
    passed: Mapped[bool | None] = mapped_column(default=None)
    breakdown: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class ExamAnswer(Base):
    """The current answer to one exam question, saved on every change."""

    __tablename__ = "exam_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("exam_attempts.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(128))
    response: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ScenarioRun(Base):
    """A play-through of a scenario."""

    __tablename__ = "scenario_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scenario_id: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    total: Mapped[float | None] = mapped_column(Float, default=None)
    ending: Mapped[str | None] = mapped_column(String(128), default=None)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class ScenarioTurn(Base):
    """One trainee answer in a scenario run, written when given."""

    __tablename__ = "scenario_turns"
    __table_args__ = (UniqueConstraint("run_id", "idx"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("scenario_runs.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    response: Mapped[Any] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuestionState(Base):
    """A trainee's standing with one question: favourite, wrong book, streak, and the FSRS card."""

    __tablename__ = "question_states"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(128))
    favorite: Mapped[bool] = mapped_column(default=False)
    in_wrong_book: Mapped[bool] = mapped_column(default=False)
    correct_streak: Mapped[int] = mapped_column(Integer, default=0)
    wrong_count: Mapped[int] = mapped_column(Integer, default=0)
    card: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    due_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PracticePosition(Base):
    """Where a trainee stopped in a sequential practice scope, to resume there."""

    __tablename__ = "practice_positions"
    __table_args__ = (UniqueConstraint("user_id", "scope"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(160))
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Classroom(Base):
    """A class an instructor runs; trainees join it with its code."""

    __tablename__ = "classes"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(16), unique=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ClassMember(Base):
    """A trainee in a class."""

    __tablename__ = "class_members"
    __table_args__ = (UniqueConstraint("class_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Assignment(Base):
    """Work set for a class: a chapter, a practice set, a mock exam, a scenario or a group report."""

    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(String(128))
    title: Mapped[str] = mapped_column(String(128))
    goal: Mapped[int | None] = mapped_column(Integer, default=None)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    max_attempts: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Team(Base):
    """A group of 4-6 trainees in a class, with a leader."""

    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("class_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)


class TeamMember(Base):
    """A trainee in a group; one group per trainee and class."""

    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("class_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class LiveQuiz(Base):
    """A live classroom quiz: questions pushed one by one to everyone who joined with the code."""

    __tablename__ = "live_quizzes"
    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(64))
    question_ids: Mapped[list[Any]] = mapped_column(JSON)
    current: Mapped[int] = mapped_column(Integer, default=-1)  # -1: lobby
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    finished: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LiveParticipant(Base):
    """A trainee who joined a live quiz."""

    __tablename__ = "live_participants"
    __table_args__ = (UniqueConstraint("quiz_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("live_quizzes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LiveAnswer(Base):
    """One answer in a live quiz; one per trainee and question."""

    __tablename__ = "live_answers"
    __table_args__ = (UniqueConstraint("quiz_id", "user_id", "question_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("live_quizzes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(128))
    response: Mapped[Any] = mapped_column(JSON)
    correct: Mapped[bool] = mapped_column(default=False)
    points: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    question_version: Mapped[int | None] = mapped_column(Integer, default=None)  # None: before versions existed


class RolePlay(Base):
    """A group role-play: one member is the customer, one the agent, the rest observe and score."""

    __tablename__ = "role_plays"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    scenario_id: Mapped[str] = mapped_column(String(128))
    customer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    run_id: Mapped[int] = mapped_column(ForeignKey("scenario_runs.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ObserverScore(Base):
    """An observer's rubric scores (1-5 per dimension) for a role-play."""

    __tablename__ = "observer_scores"
    __table_args__ = (UniqueConstraint("role_play_id", "observer_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    role_play_id: Mapped[int] = mapped_column(ForeignKey("role_plays.id", ondelete="CASCADE"), index=True)
    observer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportSubmission(Base):
    """A group's report for a report assignment; the latest submission counts."""

    __tablename__ = "report_submissions"
    __table_args__ = (UniqueConstraint("assignment_id", "team_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    submitted_by: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    filename: Mapped[str | None] = mapped_column(String(255), default=None)
    auto: Mapped[dict[str, Any]] = mapped_column(JSON)
    manual: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    feedback: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """A named value kept with the data, e.g. the key certificates are signed with."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CertificationAttempt(Base):
    """A final exam: a theory paper and two scenarios, judged together."""

    __tablename__ = "certification_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    exam_attempt_id: Mapped[int] = mapped_column(ForeignKey("exam_attempts.id", ondelete="CASCADE"))
    scenario_ids: Mapped[list[Any]] = mapped_column(JSON)
    run_ids: Mapped[list[Any]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    passed: Mapped[bool | None] = mapped_column(default=None)


class Certificate(Base):
    """A certificate issued for a passed final exam; its code is an HMAC over what it states."""

    __tablename__ = "certificates"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("certification_attempts.id", ondelete="CASCADE"), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date)
    theory: Mapped[float] = mapped_column(Float)
    skills: Mapped[list[Any]] = mapped_column(JSON)
    code: Mapped[str] = mapped_column(String(64), unique=True, default="")
    revoked: Mapped[bool] = mapped_column(default=False)


class LoginThrottle(Base):
    """Failed sign-ins counted per key (an account, a client address, or everyone) within a window."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    locks: Mapped[int] = mapped_column(Integer, default=0)


class WebSession(Base):
    """A signed-in browser: the cookie's token is stored only as a hash."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    ticket_hash: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    ticket_expires: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class ContentSnapshot(Base):
    """The content an exam paper or a scenario run started with, kept so later edits never change or
    break it: the paper's questions as they were, or the scenario's fingerprint."""

    __tablename__ = "content_snapshots"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # exam | run
    owner_id: Mapped[int] = mapped_column(Integer, index=True)  # exam_attempts.id or scenario_runs.id
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    __table_args__ = (UniqueConstraint("kind", "owner_id"),)
    versions: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # exam: question id -> version


class ProblemReport(Base):
    """A trainee's report of a problem with a question or a scored role-play line, and its handling."""

    __tablename__ = "problem_reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # question | turn
    item_id: Mapped[str] = mapped_column(String(128), index=True)  # question id or scenario id
    run_id: Mapped[int | None] = mapped_column(Integer, default=None)  # the run of a reported turn
    turn: Mapped[int | None] = mapped_column(Integer, default=None)  # index of the reported turn in the run
    category: Mapped[str] = mapped_column(String(16))  # wrong_key | unclear | typo | unfair
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved | rejected
    reply: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RuleOverride(Base):
    """An instructor's verdict on one rule for one turn of a run, replacing the engine's (fired or not)."""

    __tablename__ = "rule_overrides"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("scenario_runs.id", ondelete="CASCADE"), index=True)
    turn: Mapped[int] = mapped_column(Integer)  # index of the trainee's turn in the run, from 0
    rule: Mapped[str] = mapped_column(String(128))  # node:i (a need), node:avoid:j, or a fault concept
    fired: Mapped[bool] = mapped_column(Boolean)  # the instructor's verdict
    concepts: Mapped[list[str]] = mapped_column(JSON, default=list)  # concepts present (fired) or absent
    label: Mapped[str] = mapped_column(String(256), default="")  # the rule's Chinese label when overridden
    comment: Mapped[str] = mapped_column(Text, default="")
    instructor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("run_id", "turn", "rule"),)


class QuestionVersion(Base):
    """One version of a question's full content: the shipped bank's (source bank) or an edit made in the app."""

    __tablename__ = "question_versions"
    __table_args__ = (UniqueConstraint("question_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[str] = mapped_column(String(128), index=True)
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(8))  # bank | app
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    base_hash: Mapped[str] = mapped_column(String(64))  # hash of the shipped question when this row was written
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuestionEvent(Base):
    """What was done to a question and by whom: edit, retire, restore or regrade (with its counts)."""

    __tablename__ = "question_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[str] = mapped_column(String(128), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # edit | retire | restore | regrade
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    from_version: Mapped[int | None] = mapped_column(Integer, default=None)
    to_version: Mapped[int | None] = mapped_column(Integer, default=None)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ExamFlag(Base):
    """An exam item the trainee flagged (标记) to look at again before handing in."""

    __tablename__ = "exam_flags"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("exam_attempts.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StudyPlan(Base):
    """A trainee's daily goal toward the exam date (the date itself is users.exam_date)."""

    __tablename__ = "study_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    daily_sections: Mapped[int] = mapped_column(Integer)
    daily_questions: Mapped[int] = mapped_column(Integer)
    daily_reviews: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
