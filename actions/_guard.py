"""Who may act: the actor re-read from the database, role, class ownership and membership; and the wrapper
that runs an action in one transaction and turns domain errors into refusals."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import event, exists, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import ORMExecuteState, Session

from actions.refusals import Invalid, NotAllowed, NotFound, Refusal, Stale
from certification.final import CertificationError
from classroom.accounts import Account, AccountError, account_of
from classroom.assignments import AssignmentError
from classroom.classes import ClassError
from classroom.feedback import FeedbackError
from classroom.group_reports import ReportError
from classroom.groups import GroupError
from classroom.live import LiveError
from classroom.manual import GradingError
from classroom.roleplay import RolePlayError
from quizzes.exam import ExamError
from scenarios.runner import InvalidAnswer
from scenarios.sessions import RunNotFound
from store.db import Database
from store.tables import ClassMember, Classroom, User

P = ParamSpec("P")
R = TypeVar("R")
Actor = Account | None
TEACHERS = ("instructor", "admin")
ATTEMPTS = 3  # an action that lost a race on a unique key is run again on fresh data, this often

# Domain errors carry a Chinese message about bad input; they become Invalid with that message.
DOMAIN_ERRORS: tuple[type[Exception], ...] = (
    AccountError,
    AssignmentError,
    CertificationError,
    ClassError,
    ExamError,
    FeedbackError,
    GradingError,
    GroupError,
    InvalidAnswer,
    LiveError,
    ReportError,
    RolePlayError,
)


# The actor as read at the start of one page rerun, per database: actions of that rerun check it instead of
# reading the same row again; an action that writes re-reads it before its commit (see `action`).
_known: ContextVar[dict[tuple[int, int], Account] | None] = ContextVar("known_actors", default=None)
_WROTE = "cma_action_wrote"
_TRUSTED = "cma_actor_trusted"


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    session.info[_WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


@contextmanager
def actor_read(db: Database, account: Account | None) -> Iterator[None]:
    """Within this block (one page rerun) actions take `account`, just read from the database, as the stored
    actor instead of reading its row again; an action that writes still checks the row in its transaction."""
    if account is None:
        yield
        return
    known = _known.get() or {}
    token = _known.set({**known, (id(db), account.id): account})
    try:
        yield
    finally:
        _known.reset(token)


def _recheck_actor(db: Database) -> None:
    """Before an action that wrote commits: the actor it trusted from the rerun's start is still the same."""
    s = session(db)
    trusted: Account | None = s.info.pop(_TRUSTED, None)
    if trusted is None or not s.info.pop(_WROTE, False):
        return
    row = s.get(User, trusted.id, populate_existing=True)
    if row is None or account_of(row) != trusted:
        raise NotAllowed()


def action(fn: Callable[Concatenate[Database, Actor, P], R]) -> Callable[Concatenate[Database, Actor, P], R]:
    """Run the action in one transaction: every write commits together or none does. A race lost on a unique
    key runs the action again (it then sees the winner's row); domain errors become refusals."""

    @functools.wraps(fn)
    def run(db: Database, actor: Actor, /, *args: P.args, **kwargs: P.kwargs) -> R:
        nested = db.in_transaction()
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with db.session() as s:
                    if not nested:
                        s.info.pop(_WROTE, None)
                        s.info.pop(_TRUSTED, None)
                    result = fn(db, actor, *args, **kwargs)
                    if not nested:
                        _recheck_actor(db)
                    return result
            except (IntegrityError, PendingRollbackError) as exc:
                if nested:
                    raise
                if attempt == ATTEMPTS:
                    raise Stale() from exc
            except RunNotFound as exc:
                raise NotFound() from exc
            except Refusal:
                raise
            except DOMAIN_ERRORS as exc:
                raise Invalid(str(exc)) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    return run


def session(db: Database) -> Session:
    """The session of the action's open transaction."""
    return db.current()


def who(db: Database, actor: Actor) -> Account:
    """The actor as stored now (a role changed since sign-in counts); signed out is not allowed."""
    if actor is None:
        raise NotAllowed()
    known = (_known.get() or {}).get((id(db), actor.id))
    if known is not None:
        session(db).info[_TRUSTED] = known
        return known
    user = session(db).get(User, actor.id)
    if user is None:
        raise NotAllowed()
    return account_of(user)


def role(db: Database, actor: Actor, *roles: str) -> Account:
    """The actor, when they have one of these roles."""
    me = who(db, actor)
    if me.role not in roles:
        raise NotAllowed()
    return me


def teacher_of(db: Database, actor: Actor, class_id: int) -> tuple[Account, Classroom]:
    """The actor and the class, when the actor teaches it (an admin every class)."""
    me = role(db, actor, *TEACHERS)
    row = session(db).get(Classroom, class_id)
    if row is None:
        raise NotFound()
    if me.role != "admin" and row.instructor_id != me.id:
        raise NotAllowed()
    return me, row


def is_member(db: Database, class_id: int, user_id: int) -> bool:
    """Whether the user belongs to the class."""
    query = select(ClassMember.id).where(ClassMember.class_id == class_id, ClassMember.user_id == user_id)
    return bool(session(db).scalar(select(exists(query))))


def in_class(db: Database, actor: Actor, class_id: int) -> tuple[Account, Classroom]:
    """The actor and the class, when the actor belongs to it or teaches it."""
    me = who(db, actor)
    row = session(db).get(Classroom, class_id)
    if row is None:
        raise NotFound()
    if me.role == "admin" or row.instructor_id == me.id or is_member(db, class_id, me.id):
        return me, row
    raise NotAllowed()


def taught_trainees(db: Database, me: Account) -> list[int] | None:
    """Ids of the trainees the account may see: None for an admin (everyone), its classes' members for an
    instructor, itself for a trainee."""
    if me.role == "admin":
        return None
    if me.role == "trainee":
        return [me.id]
    query = (
        select(ClassMember.user_id)
        .join(Classroom, Classroom.id == ClassMember.class_id)
        .where(Classroom.instructor_id == me.id)
        .distinct()
    )
    return list(session(db).scalars(query))


def sees(db: Database, actor: Actor, user_id: int) -> Account:
    """The actor, when they may see this trainee's work: themselves, their instructor, or an admin."""
    me = who(db, actor)
    if session(db).get(User, user_id) is None:
        raise NotFound()
    visible = taught_trainees(db, me)
    if visible is not None and user_id not in visible:
        raise NotAllowed()
    return me
