"""Per-trainee × per-question export: one row per trainee, answer and score per question, formulas neutralised."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from actions import teaching
from classroom.grid_export import to_csv, to_xlsx
from quizzes.practice import answer_question
from store.db import Database
from tests.actions.conftest import BLUEPRINT, School


def test_class_grid_has_a_row_per_trainee_and_neutralises_formulas(db: Database, school: School) -> None:
    w = school
    fill = next(q for q in w.course.questions.values() if q.type == "fill")
    single = next(q for q in w.course.questions.values() if q.type == "single")
    answer_question(db, w.t2.id, fill, ['=HYPERLINK("http://evil","x")'], "practice")
    answer_question(db, w.t2.id, single, single.answer, "practice")
    answer_question(db, w.t2.id, single, "Z", "practice")  # a later answer does not replace the first
    grid = teaching.class_answer_grid(db, w.actor("teacher_a"), w.course, w.class_a)
    assert len(grid.rows) == 4 and len(grid.header) == 2 + 2 * len(w.course.questions)
    row = next(r for r in grid.rows if r[1] == w.t2.username)
    col = grid.header.index(f"{single.id} 作答")
    assert row[col] == single.answer and float(row[col + 1]) > 0

    rows = list(csv.reader(io.StringIO(to_csv(grid).decode("utf-8-sig"))))
    assert all(not c.startswith(("=", "+", "-", "@")) for r in rows for c in r)
    assert any(c.startswith("'=HYPERLINK") for r in rows for c in r)

    sheet = load_workbook(io.BytesIO(to_xlsx(grid))).active
    assert sheet is not None
    values = [c for r in sheet.iter_rows() for c in r]
    evil = next(c for c in values if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert evil.data_type == "s"  # text, not a formula
    assert sheet.max_row == 5


def test_exam_grid_shows_the_submitted_paper(db: Database, school: School) -> None:
    from actions import study

    w = school
    t1 = w.actor("t1")
    view = study.load_exam(db, t1, w.attempt)
    first = view.paper[0].question_id
    study.save_exam_answer(db, t1, w.attempt, first, "A")
    study.submit_exam(db, t1, w.course, w.attempt)
    grid = teaching.class_exam_grid(db, w.actor("teacher_a"), w.class_a, BLUEPRINT)
    assert grid.header[2] == f"{first} 作答"
    assert len(grid.header) == 2 + 2 * len(view.paper)
    row = next(r for r in grid.rows if r[1] == w.t1.username)
    assert row[2] == "A" and row[3] != ""
    assert all(r[2:] == [""] * (len(grid.header) - 2) for r in grid.rows if r[1] != w.t1.username)
