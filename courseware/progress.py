"""Reading progress: which sections a trainee opened or finished, and where to resume."""

from __future__ import annotations

from sqlalchemy import select

from store.db import Database
from store.tables import SectionProgress, utcnow

OPENED, DONE = "opened", "done"


def mark(db: Database, user_id: int, section_id: str, status: str) -> None:
    """Record that a section was opened or finished; 'done' is never downgraded to 'opened'."""
    with db.session() as s:
        row = s.scalar(
            select(SectionProgress).where(SectionProgress.user_id == user_id, SectionProgress.section_id == section_id)
        )
        now = utcnow()
        if row is None:
            s.add(
                SectionProgress(
                    user_id=user_id,
                    section_id=section_id,
                    status=status,
                    updated_at=now,
                    done_at=now if status == DONE else None,
                )
            )
        else:
            if not (row.status == DONE and status == OPENED):
                row.status = status
            if status == DONE and row.done_at is None:
                row.done_at = now  # reopening or marking again later does not move the day it was read
            row.updated_at = now


def statuses(db: Database, user_id: int) -> dict[str, str]:
    """Section id -> status for one trainee."""
    with db.session() as s:
        rows = s.scalars(select(SectionProgress).where(SectionProgress.user_id == user_id))
        return {r.section_id: r.status for r in rows}


def last_section(db: Database, user_id: int) -> str | None:
    """The section the trainee touched most recently, to resume reading."""
    with db.session() as s:
        return s.scalar(
            select(SectionProgress.section_id)
            .where(SectionProgress.user_id == user_id)
            .order_by(SectionProgress.updated_at.desc(), SectionProgress.id.desc())
            .limit(1)
        )
