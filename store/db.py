"""Engine, sessions and migrations. One setting picks the database: CMA_DATABASE_URL."""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def database_url() -> str:
    """CMA_DATABASE_URL, else a SQLite file in CMA_DATA_DIR (default ./data)."""
    url = os.environ.get("CMA_DATABASE_URL")
    if url:
        return url
    folder = Path(os.environ.get("CMA_DATA_DIR", "data"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'cma.db'}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and a busy timeout."""
    url = url or database_url()
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 10}, pool_size=20, max_overflow=80
        )
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        # A class answering at once: enough connections that 60 trainees do not queue for one (the default
        # 5 + 10 did); CMA_DB_POOL sets it per replica (keep replicas x (pool + overflow) under max_connections).
        size = int(os.environ.get("CMA_DB_POOL", "20"))
        engine = create_engine(url, pool_pre_ping=True, pool_size=size, max_overflow=size)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


_WRITING = "cma_write_lock"


class _FairGate:
    """At most `slots` holders at once, the rest served in the order they came."""

    def __init__(self, slots: int) -> None:
        self._mutex = threading.Lock()
        self._waiting: deque[threading.Lock] = deque()
        self._free = slots

    def __enter__(self) -> None:
        with self._mutex:
            if self._free > 0 and not self._waiting:
                self._free -= 1
                return
            turn = threading.Lock()
            turn.acquire()
            self._waiting.append(turn)
        turn.acquire()  # the slot is handed over by the leaving holder

    def __exit__(self, *_exc: object) -> None:
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().release()
            else:
                self._free += 1


class _FairLock:
    """A reentrant lock handed to waiting threads in the order they asked (threading's locks are not fair: with
    a class writing at once, a few unlucky answers waited many turns)."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._waiting: deque[tuple[int, threading.Lock]] = deque()
        self._owner: int | None = None
        self._depth = 0

    def acquire(self) -> None:
        me = threading.get_ident()
        with self._mutex:
            if self._owner == me or (self._owner is None and not self._waiting):
                self._owner, self._depth = me, self._depth + 1
                return
            turn = threading.Lock()
            turn.acquire()
            self._waiting.append((me, turn))
        turn.acquire()  # released by the holder handing the lock over (owner already set to this thread)

    def release(self) -> None:
        with self._mutex:
            self._depth -= 1
            if self._depth:
                return
            if self._waiting:
                self._owner, turn = self._waiting.popleft()
                self._depth = 1
                turn.release()
            else:
                self._owner = None


def _queue_writers(factory: sessionmaker[Session]) -> None:
    """SQLite has one writer at a time: threads of this process that write wait their turn on a lock from
    their first write to the end of their transaction, instead of sleeping in SQLite's busy handler (whose
    growing sleeps made the slowest answers of a class several times slower than the rest). Other processes
    still meet the busy timeout."""
    lock = _FairLock()

    def take(session: Session) -> None:
        if not session.info.get(_WRITING):
            lock.acquire()
            session.info[_WRITING] = True

    @event.listens_for(factory, "before_flush")
    def _flush(session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            take(session)

    @event.listens_for(factory, "do_orm_execute")
    def _execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            take(state.session)

    @event.listens_for(factory, "after_transaction_end")
    def _end(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None and session.info.pop(_WRITING, False):
            lock.release()


_WROTE_HERE = "cma_wrote"
_STAMP_AT_BEGIN = "cma_stamp_at_begin"
_writes = [0]  # committed transactions that wrote, in this process (any database)
_writes_lock = threading.Lock()


def writes() -> int:
    """How many transactions that wrote have committed in this process: a cheap stamp for caches of figures
    read from the database (a cache entry made at another stamp is stale)."""
    return _writes[0]


def wrote(session: Session) -> bool:
    """Whether the session's transaction has written (flushed or executed an insert, update or delete)."""
    return bool(session.info.get(_WROTE_HERE))


def _count_writes(factory: sessionmaker[Session]) -> None:
    @event.listens_for(factory, "after_flush")
    def _flushed(session: Session, _context: Any) -> None:
        session.info[_WROTE_HERE] = True

    @event.listens_for(factory, "do_orm_execute")
    def _execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            state.session.info[_WROTE_HERE] = True

    @event.listens_for(factory, "after_begin")
    def _begun(session: Session, _transaction: SessionTransaction, _connection: Any) -> None:
        session.info.setdefault(_STAMP_AT_BEGIN, _writes[0])

    @event.listens_for(factory, "after_commit")
    def _committed(session: Session) -> None:
        if session.info.pop(_WROTE_HERE, False):
            with _writes_lock:
                _writes[0] += 1

    @event.listens_for(factory, "after_transaction_end")
    def _ended(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None:  # rolled back (a commit has counted and cleared it)
            session.info.pop(_WROTE_HERE, None)
            session.info.pop(_STAMP_AT_BEGIN, None)


# The session of the transaction open in this thread or task, per database.
_open: ContextVar[dict[int, Session] | None] = ContextVar("open_sessions", default=None)


class Database:
    """An engine plus a session factory; shared by every page of the app."""

    def __init__(self, url: str | None = None) -> None:
        self.engine = make_engine(url)
        migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        _count_writes(self._sessions)
        self._gate: _FairGate | None = None
        if self.engine.dialect.name == "sqlite":
            _queue_writers(self._sessions)
        else:
            # Transactions of this process in the order they began, a few at a time: threads let loose on the
            # server all at once were served unfairly (one answer of a class waited seconds while others took
            # milliseconds). Waiting here holds no database lock, so it cannot deadlock.
            self._gate = _FairGate(int(os.environ.get("CMA_DB_ACTIVE", "3")))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error. Inside an open one (an action's
        transaction) it is that same session: everything commits or rolls back together."""
        opened = _open.get() or {}
        outer = opened.get(id(self))
        if outer is not None:
            yield outer
            return
        with self._gate or nullcontext(), self._sessions() as session, session.begin():
            token = _open.set({**opened, id(self): session})
            try:
                yield session
            finally:
                _open.reset(token)

    def current(self) -> Session:
        """The session of the transaction open in this thread or task (an action's); an error when none is."""
        outer = (_open.get() or {}).get(id(self))
        if outer is None:
            raise RuntimeError("no transaction is open")
        return outer

    def stamp(self) -> int | None:
        """The write stamp (see writes) the data read now is at least as new as: inside an open transaction, the
        stamp when it began reading (it reads from then on); None when that transaction has written itself (its
        reads are its own, not to be kept)."""
        outer = (_open.get() or {}).get(id(self))
        if outer is None:
            return _writes[0]
        if wrote(outer) or outer.new or outer.dirty or outer.deleted:
            return None
        return int(outer.info.get(_STAMP_AT_BEGIN, _writes[0]))

    def in_transaction(self) -> bool:
        """Whether a session of this database is open in the current thread or task."""
        return id(self) in (_open.get() or {})
