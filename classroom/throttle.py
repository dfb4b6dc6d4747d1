"""Failed sign-ins counted atomically in the database, per account, per client address and overall.

An account's attempts are counted before its password is checked (one INSERT … ON CONFLICT … RETURNING),
so guesses sent in parallel cannot outrun the lock; addresses and the global ceiling count failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.tables import LoginThrottle


@dataclass(frozen=True)
class Limit:
    """How many failures a key may have in a window, and how long it is then locked (doubling, capped)."""

    failures: int
    window: timedelta
    lock: timedelta
    max_lock: timedelta


ACCOUNT = Limit(5, timedelta(minutes=15), timedelta(minutes=5), timedelta(hours=1))
# One classroom may share an address: the address limit leaves room for 60 people's typing mistakes.
ADDRESS = Limit(50, timedelta(minutes=15), timedelta(minutes=15), timedelta(hours=2))
EVERYONE = Limit(300, timedelta(minutes=1), timedelta(minutes=1), timedelta(minutes=1))
# Short waits before an account's lock: after this many failures, wait this long.
BACKOFF = {3: timedelta(seconds=15), 4: timedelta(seconds=30)}


@dataclass(frozen=True)
class Count:
    """A key's count in its window, and the end of its lock if it is locked now."""

    failures: int
    locked_until: datetime | None


def _insert(session: Session):  # type: ignore[no-untyped-def]
    name = session.get_bind().dialect.name
    return postgresql.insert if name == "postgresql" else sqlite.insert


def locked_until(session: Session, key: str, now: datetime) -> datetime | None:
    """When the key's lock ends, if it is locked now."""
    until = session.scalar(select(LoginThrottle.locked_until).where(LoginThrottle.key == key))
    return until if until is not None and until > now else None


def count(session: Session, key: str, limit: Limit, now: datetime) -> Count:
    """Add one to the key in one statement (not while it is locked) and return the new state."""
    locked = LoginThrottle.locked_until > now
    stale = LoginThrottle.window_start < now - limit.window
    statement = (
        _insert(session)(LoginThrottle)
        .values(key=key, failures=1, window_start=now, locks=0)
        .on_conflict_do_update(
            index_elements=[LoginThrottle.key],
            set_={
                "failures": case((locked, LoginThrottle.failures), (stale, 1), else_=LoginThrottle.failures + 1),
                "window_start": case(
                    (locked, LoginThrottle.window_start), (stale, now), else_=LoginThrottle.window_start
                ),
            },
        )
        .returning(LoginThrottle.failures, LoginThrottle.locked_until)
    )
    failures, until = session.execute(statement).one()
    return Count(int(failures), until if until is not None and until > now else None)


def lock(session: Session, key: str, limit: Limit, now: datetime, failures: int) -> datetime | None:
    """Lock the key when its failures call for it (short backoff first, then a lock that doubles each time);
    only one of several racing callers sets it. The lock's end, or None."""
    if failures >= limit.failures:
        locks = int(session.scalar(select(LoginThrottle.locks).where(LoginThrottle.key == key)) or 0)
        until: datetime = now + min(limit.lock * (2**locks), limit.max_lock)
        values = {"locked_until": until, "locks": LoginThrottle.locks + 1, "failures": 0, "window_start": until}
    elif limit is ACCOUNT and failures in BACKOFF:
        until = now + BACKOFF[failures]
        values = {"locked_until": until}
    else:
        return None
    session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.key == key)
        .where(or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until <= now))
        .values(**values)
    )
    return locked_until(session, key, now)


def clear(session: Session, key: str) -> None:
    """Forget the key's failures after a successful sign-in."""
    session.execute(
        update(LoginThrottle).where(LoginThrottle.key == key).values(failures=0, locked_until=None, locks=0)
    )
