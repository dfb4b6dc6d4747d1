"""Manual grading of items scored None, the class dashboard figures, and the grade export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from catalog.catalog import Catalog
from classroom.assignments import create_assignment
from classroom.dashboard import class_view, grade_sheet, to_csv, to_xlsx
from classroom.manual import GradingError, grade_exam_item, grade_practice_answer, pending
from quizzes import exam
from quizzes.practice import answer_question, answers_of
from store.db import Database
from store.tables import ExamAttempt, User
from tests.classroom.helpers import make_class


def unsure_answer(shipped: Catalog) -> tuple[str, str]:
    """A short-answer question and a response the rubric only half recognises."""
    q = next(q for q in shipped.questions.values() if q.type == "short")
    text = q.rubric[0].any[0] + "，我认为这个问题要结合企业的实际情况具体分析，再逐步落实到日常工作中去。"
    return q.id, text


def test_a_practice_answer_left_to_a_person_is_graded_by_hand(db: Database, shipped: Catalog) -> None:
    _, _, (trainee,) = make_class(db, 1)
    qid, text = unsure_answer(shipped)
    assert answer_question(db, trainee, shipped.questions[qid], text, "practice").status == "review"
    (item,) = pending(db, [trainee])
    assert (item.source, item.question_id, item.response) == ("practice", qid, text)
    with pytest.raises(GradingError, match="0~"):
        grade_practice_answer(db, item.ref, item.possible + 1)
    grade_practice_answer(db, item.ref, item.possible)
    assert pending(db, [trainee]) == []
    assert answers_of(db, trainee)[0].correct


def test_an_exam_item_graded_by_hand_re_totals_the_attempt(db: Database, shipped: Catalog) -> None:
    _, _, (trainee,) = make_class(db, 1)
    module_of = {p.id: m.id for m in shipped.syllabus.modules for p in m.points}
    bp = shipped.blueprints["national-theory"]
    qid, text = unsure_answer(shipped)
    with db.session() as s:
        row = ExamAttempt(
            user_id=trainee,
            blueprint_id=bp.id,
            seed=1,
            paper=[["crm-basics.q001", 0, 2.0], [qid, 1, 10.0]],
            deadline_at=datetime.now(UTC) + timedelta(hours=1),
        )
        s.add(row)
        s.flush()
        attempt = row.id
    q = shipped.questions[qid]
    exam.save_answer(db, trainee, attempt, "crm-basics.q001", "C")
    exam.save_answer(db, trainee, attempt, q.id, text)
    before = exam.submit(db, trainee, attempt, bp, shipped.questions, module_of).score
    item = next(i for i in pending(db, [trainee]) if i.question_id == q.id)
    assert item.source == "exam"
    after = grade_exam_item(db, attempt, q.id, item.possible, bp.pass_mark)
    assert after == pytest.approx((before or 0) + item.possible)
    assert exam.load(db, trainee, attempt).score == after
    assert all(i.question_id != q.id for i in pending(db, [trainee]))


def test_class_view_progress_mastery_risk_and_export(db: Database, shipped: Catalog) -> None:
    _, class_id, (good, idle) = make_class(db, 2)
    with db.session() as s:
        user = s.get(User, idle)
        assert user is not None
        user.display_name = "=HYPERLINK(1)"
    create_assignment(
        db, shipped, class_id, "chapter", "crm-basics-01-customers", due_at=datetime.now(UTC) - timedelta(days=1)
    )
    create_assignment(db, shipped, class_id, "exam", "starter-mock", max_attempts=2)
    for qid in list(shipped.questions)[:12]:
        q = shipped.questions[qid]
        if q.type in {"single", "judge"}:
            answer_question(db, good, q, q.answer, "practice")
    view = class_view(db, shipped, class_id)
    assert view.accuracy[good] == 1 and view.accuracy[idle] is None
    assert view.mastery[good] == {"crm-basics": 1.0} or all(v == 1.0 for v in view.mastery[good].values())
    risky = {a.id: reasons for a, reasons in view.at_risk()}
    assert "1 项任务已逾期" in risky[idle] and "还没有任何学习记录" in risky[idle]
    assert "还没有任何学习记录" not in risky.get(good, [])

    assert view.status_counts() == {"todo": [0, 2], "doing": [0, 0], "done": [0, 0], "late": [2, 0]}

    header, rows = grade_sheet(view)
    assert header[:2] == ["用户名", "姓名"] and len(header) == 5 + 2
    parsed = list(csv.reader(io.StringIO(to_csv(header, rows).decode("utf-8-sig"))))
    assert parsed[0] == header and len(parsed) == 3
    assert any(cell == "'=HYPERLINK(1)" for cell in parsed[2])  # no formula injection
    sheet = load_workbook(io.BytesIO(to_xlsx(header, rows))).active
    assert sheet is not None and sheet.cell(1, 1).value == "用户名" and sheet.max_row == 3
