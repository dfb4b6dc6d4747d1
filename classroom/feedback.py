"""Problem reports (报错/纠错): a trainee reports a wrong key, an unclear stem, a typo or an unfair score on a
question or a scored role-play line; instructors resolve or reject it with a reply the reporter sees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import select

from store.db import Database
from store.tables import ProblemReport, ScenarioTurn, User, utcnow

Kind = Literal["question", "turn"]
Category = Literal["wrong_key", "unclear", "typo", "unfair"]
Decision = Literal["resolved", "rejected"]
NOTE_MAX = 500
REPLY_MAX = 500


class FeedbackError(ValueError):
    """A report or a reply that breaks a rule; the message is Chinese."""


@dataclass(frozen=True)
class ReportView:
    """One report as the queue and the reporter see it."""

    id: int
    user_id: int
    reporter: str
    kind: str
    item_id: str
    run_id: int | None
    turn: int | None
    turn_text: str
    category: str
    note: str
    status: str
    reply: str
    created_at: datetime
    handled_at: datetime | None


def file_report(
    db: Database,
    user_id: int,
    kind: Kind,
    item_id: str,
    category: str,
    note: str,
    run_id: int | None = None,
    turn: int | None = None,
) -> int:
    """Store a report; a second open report of the same thing by the same trainee replaces the first's note."""
    if kind not in get_args(Kind):
        raise FeedbackError("报错对象不正确。")
    if category not in get_args(Category):
        raise FeedbackError("请选择问题类型。")
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise FeedbackError(f"说明最多 {NOTE_MAX} 个字。")
    if kind == "turn" and (run_id is None or turn is None):
        raise FeedbackError("请指明要报错的那一句回答。")
    if kind == "question":
        run_id = turn = None
    with db.session() as s:
        same = s.scalars(
            select(ProblemReport).where(
                ProblemReport.user_id == user_id,
                ProblemReport.kind == kind,
                ProblemReport.item_id == item_id,
                ProblemReport.run_id.is_(None) if run_id is None else ProblemReport.run_id == run_id,
                ProblemReport.turn.is_(None) if turn is None else ProblemReport.turn == turn,
                ProblemReport.status == "open",
            )
        ).first()
        if same is not None:
            same.category, same.note = category, note
            return same.id
        row = ProblemReport(
            user_id=user_id, kind=kind, item_id=item_id, run_id=run_id, turn=turn, category=category, note=note
        )
        s.add(row)
        s.flush()
        return row.id


def reports(
    db: Database,
    reporter_ids: list[int] | None = None,
    status: str | None = None,
    user_id: int | None = None,
) -> list[ReportView]:
    """Reports, newest first: of some reporters (None: everyone) or of one, optionally of one status."""
    query = (
        select(ProblemReport, User.display_name, ScenarioTurn.text)
        .join(User, User.id == ProblemReport.user_id)
        .outerjoin(
            ScenarioTurn, (ScenarioTurn.run_id == ProblemReport.run_id) & (ScenarioTurn.idx == ProblemReport.turn)
        )
        .order_by(ProblemReport.id.desc())
    )
    if reporter_ids is not None:
        query = query.where(ProblemReport.user_id.in_(reporter_ids))
    if user_id is not None:
        query = query.where(ProblemReport.user_id == user_id)
    if status is not None:
        query = query.where(ProblemReport.status == status)
    with db.session() as s:
        return [
            ReportView(
                r.id,
                r.user_id,
                name,
                r.kind,
                r.item_id,
                r.run_id,
                r.turn,
                text or "",
                r.category,
                r.note,
                r.status,
                r.reply,
                r.created_at,
                r.handled_at,
            )
            for r, name, text in s.execute(query)
        ]


def report_owner(db: Database, report_id: int) -> int | None:
    """The reporter of a report, None when there is no such report."""
    with db.session() as s:
        row = s.get(ProblemReport, report_id)
        return None if row is None else row.user_id


def handle(db: Database, report_id: int, handler_id: int, decision: str, reply: str) -> None:
    """Resolve or reject an open report with a reply to the reporter."""
    if decision not in get_args(Decision):
        raise FeedbackError("请选择处理结果。")
    reply = reply.strip()
    if not reply:
        raise FeedbackError("请写一句给报错学员的回复。")
    if len(reply) > REPLY_MAX:
        raise FeedbackError(f"回复最多 {REPLY_MAX} 个字。")
    with db.session() as s:
        row = s.get(ProblemReport, report_id, with_for_update=True)
        if row is None:
            raise FeedbackError("找不到这条报错。")
        if row.status != "open":
            raise FeedbackError("这条报错已经处理过了。")
        row.status, row.reply, row.handled_by, row.handled_at = decision, reply, handler_id, utcnow()
