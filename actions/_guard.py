"""Who may act: the actor re-read from the database, role, class ownership and membership; and the wrapper
that runs an action in one transaction and turns domain errors into refusals."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import Session, make_transient_to_detached

from actions.refusals import Invalid, NotAllowed, NotFound, Refusal, Stale
from certification.final import CertificationError
from classroom.accounts import Account, AccountError, account_of
from classroom.assignments import AssignmentError
from classroom.classes import ClassError, ClassInfo
from classroom.feedback import FeedbackError
from classroom.group_reports import ReportError
from classroom.groups import GroupError
from classroom.live import LiveError
from classroom.manual import GradingError
from classroom.roleplay import RolePlayError
from quizzes.exam import ExamError
from scenarios.runner import InvalidAnswer
from scenarios.sessions import RunNotFound
from store.db import Database, wrote
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


# Access-check reads of one page rerun (the actor's row, a class's instructor, a membership), per database:
# later actions of the same rerun take them from here instead of reading the same rows again. An action that
# writes reads every such fact again in its own transaction before it commits, and a changed one refuses it;
# after a write the memo is emptied, so the rest of the rerun reads afresh.
_memo: ContextVar[dict[tuple[object, ...], object] | None] = ContextVar("rerun_checks", default=None)
_TRUSTED = "cma_checks_trusted"
T = TypeVar("T")


@contextmanager
def actor_read(db: Database, account: Account | None) -> Iterator[None]:
    """One page rerun: actions take `account` (just read from the database by the frame) as their actor's
    stored row, and remember the access checks they read for the rest of the rerun."""
    memo: dict[tuple[object, ...], object] = {}
    if account is not None:
        memo[(id(db), "actor", account.id)] = account
    token = _memo.set(memo)
    try:
        yield
    finally:
        _memo.reset(token)


def _remembered(db: Database, key: tuple[object, ...], read: Callable[[], T]) -> T:
    """`read()` once per rerun; a later call in the same rerun gets the remembered value (and an action that
    writes checks it again before it commits)."""
    memo = _memo.get()
    if memo is None:
        return read()
    full = (id(db), *key)
    if full in memo:
        value: T = memo[full]  # type: ignore[assignment]
        session(db).info.setdefault(_TRUSTED, []).append((read, value))
        return value
    value = read()
    memo[full] = value
    return value


def remember(db: Database, key: tuple[object, ...], value: object) -> None:
    """Note a fact the action has just read (in this transaction) for later checks of the same rerun."""
    memo = _memo.get()
    if memo is not None:
        memo[(id(db), *key)] = value


def remember_classes(db: Database, found: list[ClassInfo]) -> None:
    """Note the classes the action has just read: later checks of the same rerun on them need no query."""
    for info in found:
        row = Classroom(id=info.id, name=info.name, code=info.code, instructor_id=info.instructor_id)
        make_transient_to_detached(row)  # stands for the stored row; nothing else of it is read
        remember(db, ("class", info.id), info.instructor_id)
        remember(db, ("class-row", info.id), row)


def _before_commit(db: Database) -> bool:
    """Whether the action wrote; when it did, every remembered check it relied on must still hold."""
    s = session(db)
    trusted: list[tuple[Callable[[], object], object]] = s.info.pop(_TRUSTED, [])
    if not wrote(s):
        return False
    for read, value in trusted:
        if read() != value:
            raise NotAllowed()
    return True


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
                        s.info.pop(_TRUSTED, None)
                    result = fn(db, actor, *args, **kwargs)
                    did_write = not nested and _before_commit(db)
                if did_write:
                    (_memo.get() or {}).clear()
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
    actor_id = actor.id

    def read() -> Account | None:
        user = session(db).get(User, actor_id, populate_existing=True)
        return None if user is None else account_of(user)

    me = _remembered(db, ("actor", actor_id), read)
    if me is None:
        raise NotAllowed()
    return me


def role(db: Database, actor: Actor, *roles: str) -> Account:
    """The actor, when they have one of these roles."""
    me = who(db, actor)
    if me.role not in roles:
        raise NotAllowed()
    return me


def teacher_of(db: Database, actor: Actor, class_id: int) -> tuple[Account, Classroom]:
    """The actor and the class, when the actor teaches it (an admin every class)."""
    me = role(db, actor, *TEACHERS)
    row = _classroom(db, class_id)
    if row is None:
        raise NotFound()
    if me.role != "admin" and row.instructor_id != me.id:
        raise NotAllowed()
    return me, row


def _classroom(db: Database, class_id: int) -> Classroom | None:
    """The class row in the action's session; read once per rerun (rechecked by its instructor on a write)."""
    s = session(db)
    rows: list[Classroom | None] = []

    def read() -> int | None:
        row = s.get(Classroom, class_id, populate_existing=True)
        rows.append(row)
        return None if row is None else row.instructor_id

    if _remembered(db, ("class", class_id), read) is None:
        return None
    if rows:  # read just now
        if rows[-1] is not None:
            remember(db, ("class-row", class_id), rows[-1])
        return rows[-1]
    memo = _memo.get() or {}
    seen = memo.get((id(db), "class-row", class_id))
    if isinstance(seen, Classroom):
        return s.merge(seen, load=False)
    return s.get(Classroom, class_id)


def is_member(db: Database, class_id: int, user_id: int) -> bool:
    """Whether the user belongs to the class."""
    query = select(ClassMember.id).where(ClassMember.class_id == class_id, ClassMember.user_id == user_id)
    return _remembered(db, ("member", class_id, user_id), lambda: bool(session(db).scalar(select(exists(query)))))


def in_class(db: Database, actor: Actor, class_id: int) -> tuple[Account, Classroom]:
    """The actor and the class, when the actor belongs to it or teaches it."""
    me = who(db, actor)
    row = _classroom(db, class_id)
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
    return _remembered(db, ("taught", me.id), lambda: sorted(session(db).scalars(query)))


def sees(db: Database, actor: Actor, user_id: int) -> Account:
    """The actor, when they may see this trainee's work: themselves, their instructor, or an admin."""
    me = who(db, actor)
    if not _remembered(db, ("user", user_id), lambda: session(db).get(User, user_id) is not None):
        raise NotFound()
    visible = taught_trainees(db, me)
    if visible is not None and user_id not in visible:
        raise NotAllowed()
    return me
