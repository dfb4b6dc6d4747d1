"""Two tasks on one chapter are two columns: every assignment gets its own readable header, on the dashboard
and in the exported grade sheet (CSV and Excel)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from catalog.catalog import Catalog
from classroom.assignments import AssignmentInfo, create_assignment
from classroom.dashboard import class_view, grade_sheet, task_headers, to_csv, to_xlsx
from store.db import Database
from tests.classroom.helpers import make_class

CHAPTER = "crm-basics-01-customers"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def info(n: int, kind: str, title: str, created: datetime, due: datetime | None = None) -> AssignmentInfo:
    return AssignmentInfo(n, 1, kind, "x", title, None, due, None, created)  # type: ignore[arg-type]


def test_each_task_on_the_same_chapter_has_its_own_column_and_unique_export_headers(
    db: Database, shipped: Catalog
) -> None:
    _, class_id, (first, second) = make_class(db, 2)
    due = datetime(2026, 12, 1, 15, 59, tzinfo=UTC)  # 23:59 in China
    read = create_assignment(db, shipped, class_id, "chapter", CHAPTER)
    read_again = create_assignment(db, shipped, class_id, "chapter", CHAPTER, due_at=due)
    practise = create_assignment(db, shipped, class_id, "practice", CHAPTER, goal=5)
    assert read.title == read_again.title == practise.title  # the chapter's title, three times

    view = class_view(db, shipped, class_id)
    headers = view.headers()
    assert len(set(headers.values())) == 3
    assert all(h.startswith(read.title) for h in headers.values())
    assert "12月1日截止" in headers[read_again.id]
    assert "阅读" in headers[read.id] and "练习" in headers[practise.id]
    assert all(len(view.tasks[uid]) == 3 for uid in (first, second))
    assert view.status_counts()["todo"] == [2, 2, 2]  # one bar per task, not one merged bar of 6

    header, rows = grade_sheet(view)
    assert len(header) == len(set(header)) == 5 + 3
    parsed = list(csv.reader(io.StringIO(to_csv(header, rows).decode("utf-8-sig"))))
    assert len(parsed[0]) == len(set(parsed[0])) == 8
    assert all(len(row) == 8 for row in parsed[1:])
    sheet = load_workbook(io.BytesIO(to_xlsx(header, rows))).active
    assert sheet is not None
    excel_header = [c.value for c in sheet[1]]
    assert len(excel_header) == len(set(excel_header)) == 8


def test_tasks_that_agree_on_title_kind_and_day_are_numbered_in_the_order_they_were_set() -> None:
    morning = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    tasks = [
        info(7, "chapter", "认识客户", morning + timedelta(hours=2)),
        info(3, "chapter", "认识客户", morning),
        info(9, "chapter", "认识客户", morning + timedelta(hours=3)),
    ]
    headers = task_headers(tasks, SHANGHAI)
    assert headers[3] == "认识客户 · 阅读 · 11月28日布置"
    assert headers[7] == "认识客户 · 阅读 · 11月28日布置（2）"
    assert headers[9] == "认识客户 · 阅读 · 11月28日布置（3）"
    assert list(headers) == [7, 3, 9]  # in the order given, as the columns are drawn


def test_the_date_is_the_schools_day_not_the_servers() -> None:
    late_evening_utc = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)  # already 29 November in Shanghai
    (header,) = task_headers([info(1, "scenario", "投诉演练", late_evening_utc)], SHANGHAI).values()
    assert header == "投诉演练 · 11月29日布置"
