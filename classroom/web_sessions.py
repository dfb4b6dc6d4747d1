"""Browser sessions that survive a reload: an opaque random token in an HttpOnly cookie, stored hashed.

Signing in opens a session and returns a one-time ticket; the browser trades the ticket for the cookie at
the server's /auth/session route (see serve.py), so the token itself never appears in the page.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from classroom.accounts import Account, account_of
from store.db import Database
from store.tables import User, WebSession

COOKIE = "cma_session"
TICKET_SECONDS = 120
ABSOLUTE = timedelta(days=int(os.environ.get("CMA_SESSION_DAYS", "14")))
IDLE = timedelta(hours=int(os.environ.get("CMA_SESSION_IDLE_HOURS", "12")))
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class Opened:
    """A new session: its id (kept by the page) and the one-time ticket for the cookie."""

    session_id: int
    ticket: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def open_session(db: Database, user_id: int) -> Opened:
    """Open a session for a user who has just signed in."""
    ticket = secrets.token_urlsafe(32)
    now = _now()
    with db.session() as s:
        row = WebSession(
            user_id=user_id,
            ticket_hash=_digest(ticket),
            ticket_expires=now + timedelta(seconds=TICKET_SECONDS),
            created_at=now,
            last_seen=now,
            expires_at=now + ABSOLUTE,
        )
        s.add(row)
        s.flush()
        return Opened(row.id, ticket)


def redeem_ticket(db: Database, ticket: str) -> str | None:
    """Trade a fresh, unused ticket for the session's token (once); None when it is not valid."""
    if not ticket or len(ticket) > 100:
        return None
    token = secrets.token_urlsafe(32)
    now = _now()
    with db.session() as s:
        result = s.execute(
            update(WebSession)
            .where(
                WebSession.ticket_hash == _digest(ticket),
                WebSession.ticket_expires > now,
                WebSession.revoked_at.is_(None),
            )
            .values(ticket_hash=None, ticket_expires=None, token_hash=_digest(token), last_seen=now)
            .execution_options(synchronize_session=False)
        )
        return token if getattr(result, "rowcount", 0) == 1 else None


def _live(row: WebSession, now: datetime) -> bool:
    return row.revoked_at is None and row.expires_at > now and now - row.last_seen <= IDLE


def resume(db: Database, token: str) -> tuple[Account, int] | None:
    """The account and session id behind a cookie's token, if the session is still live."""
    if not token or len(token) > 100:
        return None
    now = _now()
    with db.session() as s:
        row = s.scalar(select(WebSession).where(WebSession.token_hash == _digest(token)))
        if row is None or not _live(row, now):
            return None
        user = s.get(User, row.user_id)
        if user is None:
            return None
        row.last_seen = now
        return account_of(user), row.id


def still_live(db: Database, session_id: int) -> bool:
    """Whether a session is still live (not signed out elsewhere, not expired); keeps it alive."""
    now = _now()
    with db.session() as s:
        row = s.get(WebSession, session_id)
        if row is None or not _live(row, now):
            return False
        if now - row.last_seen >= TOUCH_EVERY:
            row.last_seen = now
        return True


def end_session(db: Database, session_id: int) -> None:
    """Sign out this browser."""
    with db.session() as s:
        s.execute(update(WebSession).where(WebSession.id == session_id).values(revoked_at=_now()))


def end_token(db: Database, token: str) -> None:
    """Sign out the browser that holds this token."""
    with db.session() as s:
        s.execute(update(WebSession).where(WebSession.token_hash == _digest(token)).values(revoked_at=_now()))


def end_all_sessions(db: Database, user_id: int, keep: int | None = None) -> int:
    """Sign out every browser of the account (except `keep`); how many were ended."""
    with db.session() as s:
        query = update(WebSession).where(WebSession.user_id == user_id, WebSession.revoked_at.is_(None))
        if keep is not None:
            query = query.where(WebSession.id != keep)
        result = s.execute(query.values(revoked_at=_now()).execution_options(synchronize_session=False))
        return int(getattr(result, "rowcount", 0))
