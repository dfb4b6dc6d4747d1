"""A class at a glance: progress on assignments, mastery by module, scores, rubric averages, trainees at risk,
and the grade sheet exported to CSV and Excel."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from openpyxl import Workbook
from sqlalchemy import and_, case, func, select

from classroom.accounts import Account
from classroom.assignments import (
    Activity,
    AssignmentInfo,
    TaskStatus,
    assignments_of,
    practice_pools,
    practice_since,
    task_status,
)
from classroom.classes import members
from progress.figures import FULL
from source import dates
from store.db import Database
from store.tables import Answer, utcnow

if TYPE_CHECKING:  # the course container is above the domains: named for types only
    from catalog.catalog import Catalog

RISK_ACCURACY = 0.6
RISK_IDLE_DAYS = 7
RISK_MIN_ANSWERS = 10


@dataclass(frozen=True)
class ClassView:
    """Everything the dashboard draws for one class."""

    trainees: tuple[Account, ...]
    assignments: tuple[AssignmentInfo, ...]
    tasks: dict[int, tuple[TaskStatus, ...]]  # trainee -> status per assignment
    mastery: dict[int, dict[str, float]]  # trainee -> module -> accuracy
    answered: dict[int, int]
    accuracy: dict[int, float | None]
    exam_scores: tuple[tuple[int, str, float], ...]  # (trainee, blueprint, score)
    rubric: dict[str, float]  # dimension -> mean fraction over finished runs
    last_active: dict[int, datetime | None]

    def headers(self) -> dict[int, str]:
        """A unique, readable header per assignment (see task_headers)."""
        return task_headers(self.assignments)

    def status_counts(self) -> dict[str, list[int]]:
        """How many trainees are at each status, per assignment (in assignment order)."""
        counts = {k: [0] * len(self.assignments) for k in ("todo", "doing", "done", "late")}
        for statuses in self.tasks.values():
            for n, status in enumerate(statuses):
                counts[status.status][n] += 1
        return counts

    def at_risk(self, now: datetime | None = None) -> list[tuple[Account, list[str]]]:
        """Trainees who need attention, each with the reasons in Chinese."""
        now = now or utcnow()
        out = []
        for t in self.trainees:
            reasons = []
            late = [s for s in self.tasks.get(t.id, ()) if s.status == "late"]
            if late:
                reasons.append(f"{len(late)} 项任务已逾期")
            acc = self.accuracy.get(t.id)
            if acc is not None and self.answered.get(t.id, 0) >= RISK_MIN_ANSWERS and acc < RISK_ACCURACY:
                reasons.append(f"练习正确率 {acc:.0%}")
            failed = [s for (u, _, s) in self.exam_scores if u == t.id]
            if failed and max(failed) < 60:
                reasons.append(f"模拟考试最高 {max(failed):g} 分，未及格")
            seen = self.last_active.get(t.id)
            if seen is None:
                reasons.append("还没有任何学习记录")
            elif now - seen > timedelta(days=RISK_IDLE_DAYS):
                reasons.append(f"已 {(now - seen).days} 天未学习")
            if reasons:
                out.append((t, reasons))
        return out


def class_view(db: Database, catalog: Catalog, class_id: int, now: datetime | None = None) -> ClassView:
    """Gather a class's figures in a handful of queries."""
    now = now or utcnow()
    trainees = members(db, class_id)
    ids = [t.id for t in trainees]
    assignments = assignments_of(db, [class_id])
    since = practice_since(assignments)
    act = Activity.fetch(db, ids, None, results=True)  # practice answers come from the tallies below

    module_of_point = {p.id: m.id for m in catalog.syllabus.modules for p in m.points}
    per: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    answered: dict[int, list[int]] = {uid: [0, 0] for uid in ids}  # answers, full marks: as figures_of counts
    last: dict[int, datetime | None] = dict.fromkeys(ids)
    for uid, qid, n, right, latest in answer_tallies(db, ids):  # one row per trainee and question
        _touch(last, uid, latest)
        if since is not None and latest is not None and latest >= since:
            act.answers[uid].append((qid, latest))  # a question's latest answer decides practice tasks
        answered[uid][0] += n
        answered[uid][1] += right
        q = catalog.questions.get(qid)
        if q is None:
            continue
        cell = per[uid][module_of_point.get(q.points[0], "")]
        cell[0] += n
        cell[1] += right
    pools = practice_pools(catalog, assignments)
    tasks = {uid: tuple(task_status(catalog, a, uid, act, now, pools) for a in assignments) for uid in ids}
    mastery = {uid: {m: c / n for m, (n, c) in mods.items() if n} for uid, mods in per.items()}

    scores: list[tuple[int, str, float]] = []
    dims: dict[str, list[float]] = defaultdict(list)
    for uid in ids:
        for blueprint_id, _started, submitted, score in act.exams.get(uid, ()):
            if submitted is not None:
                scores.append((uid, blueprint_id, score or 0.0))
                _touch(last, uid, submitted)
        for (_scenario, started, finished, _total), result in zip(
            act.runs.get(uid, ()), act.results.get(uid, ()), strict=True
        ):
            _touch(last, uid, finished or started)
            for d in ((result or {}).get("dimensions") or {}).values():
                dims[d["label"]].append(d["fraction"])
    for uid, done in act.sections.items():
        if done and last.get(uid) is None:
            last[uid] = now  # read something; section rows carry no reliable time here
    return ClassView(
        tuple(trainees),
        tuple(assignments),
        tasks,
        mastery,
        {uid: n for uid, (n, _c) in answered.items()},
        {uid: c / n if n else None for uid, (n, c) in answered.items()},
        tuple(scores),
        {k: sum(v) / len(v) for k, v in dims.items()},
        last,
    )


def answer_tallies(db: Database, user_ids: list[int]) -> list[tuple[int, str, int, int, datetime | None]]:
    """Per trainee and question: answers, answers with full marks, the latest answer's time."""
    if not user_ids:
        return []
    score = func.coalesce(Answer.manual_score, Answer.score)
    right = case((and_(Answer.possible > 0, score >= Answer.possible * FULL), 1), else_=0)
    query = (
        select(Answer.user_id, Answer.question_id, func.count(), func.sum(right), func.max(Answer.created_at))
        .where(Answer.user_id.in_(user_ids))
        .group_by(Answer.user_id, Answer.question_id)
    )
    with db.session() as s:
        return [(uid, qid, int(n), int(c or 0), at) for uid, qid, n, c, at in s.execute(query)]


def _touch(last: dict[int, datetime | None], uid: int, at: datetime | None) -> None:
    if at is not None and (last.get(uid) is None or at > last[uid]):  # type: ignore[operator]
        last[uid] = at


STATUS_LABELS = {"todo": "未开始", "doing": "进行中", "done": "已完成", "late": "已逾期"}
# Reading and practising a chapter share the chapter's title: the header says which one it is.
KIND_WORDS = {"chapter": "阅读", "practice": "练习"}


def task_headers(assignments: Sequence[AssignmentInfo], zone: tzinfo | None = None) -> dict[int, str]:
    """Assignment id -> a header no other assignment has: title, what to do for a chapter, and the due date
    (or the day it was set); repeats that still agree are numbered in the order they were set."""
    zone = zone or dates.zone()
    out: dict[int, str] = {}
    used: set[str] = set()
    for a in sorted(assignments, key=lambda a: (a.created_at.replace(tzinfo=a.created_at.tzinfo or UTC), a.id)):
        when = a.due_at or a.created_at
        local = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(zone)
        parts = [a.title.strip() or "任务"]
        if a.kind in KIND_WORDS:
            parts.append(KIND_WORDS[a.kind])
        parts.append(f"{local.month}月{local.day}日{'截止' if a.due_at else '布置'}")
        label, n = " · ".join(parts), 1
        while label in used:
            n += 1
            label = f"{' · '.join(parts)}（{n}）"
        used.add(label)
        out[a.id] = label
    return {a.id: out[a.id] for a in assignments}


def grade_sheet(view: ClassView) -> tuple[list[str], list[list[object]]]:
    """Header and rows of the class's grade sheet: one row per trainee."""
    header = ["用户名", "姓名", "答题数", "正确率(%)", "模拟考试最高分"]
    names = view.headers()
    header += [f"{names[a.id]}（{'得分' if a.kind in {'exam', 'scenario'} else '状态'}）" for a in view.assignments]
    rows: list[list[object]] = []
    for t in view.trainees:
        acc = view.accuracy.get(t.id)
        best = max((s for u, _, s in view.exam_scores if u == t.id), default=None)
        row: list[object] = [t.username, t.display_name, view.answered.get(t.id, 0)]
        row += [None if acc is None else round(100 * acc), best]
        for status in view.tasks.get(t.id, ()):
            if status.assignment.kind in {"exam", "scenario"}:
                row.append(status.best if status.best is not None else STATUS_LABELS[status.status])
            else:
                row.append(f"{STATUS_LABELS[status.status]} {status.done}/{status.needed}")
        rows.append(row)
    return header, rows


def _safe(cell: object) -> object:
    # A leading = + - @ would run as a formula in a spreadsheet.
    if isinstance(cell, str) and cell[:1] in {"=", "+", "-", "@"}:
        return "'" + cell
    return cell


def to_csv(header: list[str], rows: list[list[object]]) -> bytes:
    """CSV with a BOM, so Excel opens the Chinese correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[_safe(c) for c in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(header: list[str], rows: list[list[object]], title: str = "成绩") -> bytes:
    """An Excel workbook with one sheet."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(header)
    for row in rows:
        sheet.append([_safe(c) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
