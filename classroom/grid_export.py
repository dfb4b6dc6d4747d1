"""Per-trainee × per-question export: one row per trainee, per question the answer and the score, as CSV and
Excel, with every cell written as text so a spreadsheet never runs a formula a trainee typed."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from store.db import Database
from store.tables import Answer, ExamAnswer, ExamAttempt, User

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Grid:
    """Header and rows: 姓名, 用户名, then an answer column and a score column per question."""

    header: list[str]
    rows: list[list[str]]


def _text(response: Any) -> str:
    if response is None:
        return ""
    if isinstance(response, str):
        return response
    if isinstance(response, bool):
        return "对" if response else "错"
    if isinstance(response, list | tuple):
        return "、".join(_text(r) for r in response)
    return json.dumps(response, ensure_ascii=False)


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _trainees(db: Database, user_ids: list[int]) -> list[tuple[int, str, str]]:
    with db.session() as s:
        query = select(User.id, User.display_name, User.username).where(User.id.in_(user_ids)).order_by(User.username)
        return [(i, n, u) for i, n, u in s.execute(query)]


def _grid(
    people: list[tuple[int, str, str]], question_ids: list[str], cells: dict[tuple[int, str], tuple[str, str]]
) -> Grid:
    header = ["姓名", "用户名"]
    for qid in question_ids:
        header += [f"{qid} 作答", f"{qid} 得分"]
    rows = []
    for uid, name, username in people:
        row = [name, username]
        for qid in question_ids:
            row += list(cells.get((uid, qid), ("", "")))
        rows.append(row)
    return Grid(header, rows)


def practice_grid(db: Database, user_ids: list[int], question_ids: list[str]) -> Grid:
    """Each trainee's first answer to each question (a manual score over the automatic one), in one query."""
    cells: dict[tuple[int, str], tuple[str, str]] = {}
    query = (
        select(Answer.user_id, Answer.question_id, Answer.response, Answer.score, Answer.manual_score)
        .where(Answer.user_id.in_(user_ids), Answer.question_id.in_(question_ids))
        .order_by(Answer.id)
    )
    with db.session() as s:
        for uid, qid, response, score, manual in s.execute(query):
            cells.setdefault((uid, qid), (_text(response), _score(manual if manual is not None else score)))
    return _grid(_trainees(db, user_ids), question_ids, cells)


def exam_grid(db: Database, user_ids: list[int], blueprint_id: str) -> Grid:
    """Each trainee's latest submitted attempt of one exam: per question the answer and the score earned."""
    with db.session() as s:
        attempts = s.execute(
            select(ExamAttempt.id, ExamAttempt.user_id, ExamAttempt.paper, ExamAttempt.breakdown)
            .where(
                ExamAttempt.user_id.in_(user_ids),
                ExamAttempt.blueprint_id == blueprint_id,
                ExamAttempt.submitted_at.is_not(None),
            )
            .order_by(ExamAttempt.id)
        ).all()
        latest = {uid: (aid, paper, breakdown) for aid, uid, paper, breakdown in attempts}
        ids = [aid for aid, _p, _b in latest.values()]
        responses = {
            (aid, qid): response
            for aid, qid, response in s.execute(
                select(ExamAnswer.attempt_id, ExamAnswer.question_id, ExamAnswer.response).where(
                    ExamAnswer.attempt_id.in_(ids)
                )
            )
        }
    question_ids: list[str] = []
    cells: dict[tuple[int, str], tuple[str, str]] = {}
    for uid, (aid, paper, breakdown) in latest.items():
        items = (breakdown or {}).get("items", {})
        for entry in paper:
            qid = str(entry[0]) if isinstance(entry, list | tuple) else str(entry)
            if qid not in question_ids:
                question_ids.append(qid)
            cells[(uid, qid)] = (_text(responses.get((aid, qid))), _score(items.get(qid, {}).get("score")))
    return _grid(_trainees(db, user_ids), question_ids, cells)


def safe(cell: str) -> str:
    """A cell a spreadsheet shows as typed: text that would start a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def to_csv(grid: Grid) -> bytes:
    """UTF-8 CSV with a byte-order mark (Excel opens it as Chinese), formulas neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in [grid.header, *grid.rows]:
        writer.writerow([safe(c) for c in row])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(grid: Grid) -> bytes:
    """An Excel workbook whose every cell is stored as text (never as a formula)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r, row in enumerate([grid.header, *grid.rows], 1):
        for c, value in enumerate(row, 1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
