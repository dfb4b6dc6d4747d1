"""Mock exams: reproducible draw, autosave, resume, deadline on the server, scoring."""

from __future__ import annotations

from datetime import timedelta

import pytest

from catalog.catalog import Catalog
from classroom.accounts import create_user
from quizzes import exam
from store.db import Database
from store.tables import ExamAttempt, utcnow


def test_same_seed_same_paper(shipped: Catalog) -> None:
    bp = shipped.blueprints["starter-mock"]
    one = exam.draw(bp, shipped.questions, shipped.syllabus.module_of, seed=7)
    two = exam.draw(bp, shipped.questions, shipped.syllabus.module_of, seed=7)
    other = exam.draw(bp, shipped.questions, shipped.syllabus.module_of, seed=8)
    assert one == two
    assert one != other
    assert sum(p.score for p in one) == bp.total
    assert len({p.question_id for p in one}) == len(one)


def test_paper_follows_the_blueprint_parts(shipped: Catalog) -> None:
    bp = shipped.blueprints["starter-mock"]
    paper = exam.draw(bp, shipped.questions, shipped.syllabus.module_of, seed=1)
    for index, part in enumerate(bp.parts):
        items = [p for p in paper if p.part == index]
        assert len(items) == part.count
        assert all(shipped.questions[p.question_id].type == part.type for p in items)


def test_too_small_a_bank_is_a_clear_error(shipped: Catalog) -> None:
    bp = shipped.blueprints["starter-mock"]
    few = dict(list(shipped.questions.items())[:3])
    with pytest.raises(exam.ExamError, match="题库中只有"):
        exam.draw(bp, few, shipped.syllabus.module_of, seed=1)


def _start(db: Database, shipped: Catalog) -> tuple[int, int]:
    user = create_user(db, "exam_taker", "考生", "trainee", "secret-pass-2026")
    bp = shipped.blueprints["starter-mock"]
    return user.id, exam.start(db, user.id, bp, shipped.questions, shipped.syllabus.module_of, seed=3)


def test_answers_are_saved_at_once_and_survive_a_restart(db: Database, shipped: Catalog) -> None:
    user_id, attempt_id = _start(db, shipped)
    first = exam.load(db, user_id, attempt_id).paper[0].question_id
    exam.save_answer(db, user_id, attempt_id, first, "A")
    exam.save_answer(db, user_id, attempt_id, first, "B")
    restarted = Database(str(db.engine.url))
    assert exam.open_attempt(restarted, user_id) == attempt_id
    assert exam.load(restarted, user_id, attempt_id).answers == {first: "B"}


def test_full_marks_and_breakdown(db: Database, shipped: Catalog) -> None:
    user_id, attempt_id = _start(db, shipped)
    view = exam.load(db, user_id, attempt_id)
    for item in view.paper:
        q = shipped.questions[item.question_id]
        exam.save_answer(db, user_id, attempt_id, q.id, q.answer)  # type: ignore[union-attr]
    bp = shipped.blueprints["starter-mock"]
    done = exam.submit(db, user_id, attempt_id, bp, shipped.questions, shipped.syllabus.module_of)
    assert done.score == 100
    assert done.passed
    assert set(done.breakdown["modules"]) <= {"crm-basics", "service-delivery"}  # type: ignore[index]
    assert exam.open_attempt(db, user_id) is None
    assert [h.id for h in exam.history(db, user_id)] == [attempt_id]
    again = exam.submit(db, user_id, attempt_id, bp, shipped.questions, shipped.syllabus.module_of)
    assert again.score == 100


def test_empty_paper_fails(db: Database, shipped: Catalog) -> None:
    user_id, attempt_id = _start(db, shipped)
    bp = shipped.blueprints["starter-mock"]
    done = exam.submit(db, user_id, attempt_id, bp, shipped.questions, shipped.syllabus.module_of)
    assert done.score == 0
    assert done.passed is False


def test_no_saving_after_deadline_or_submission(db: Database, shipped: Catalog) -> None:
    user_id, attempt_id = _start(db, shipped)
    qid = exam.load(db, user_id, attempt_id).paper[0].question_id
    with db.session() as s:
        attempt = s.get(ExamAttempt, attempt_id)
        assert attempt is not None
        attempt.deadline_at = utcnow() - timedelta(seconds=1)
    with pytest.raises(exam.ExamError, match="时间已到"):
        exam.save_answer(db, user_id, attempt_id, qid, "A")
    bp = shipped.blueprints["starter-mock"]
    exam.submit(db, user_id, attempt_id, bp, shipped.questions, shipped.syllabus.module_of)
    with pytest.raises(exam.ExamError, match="已经提交"):
        exam.save_answer(db, user_id, attempt_id, qid, "A")


def test_another_users_attempt_is_not_found(db: Database, shipped: Catalog) -> None:
    _user_id, attempt_id = _start(db, shipped)
    intruder = create_user(db, "intruder", "旁人", "trainee", "secret-pass-2026")
    with pytest.raises(exam.ExamError):
        exam.load(db, intruder.id, attempt_id)
    with pytest.raises(exam.ExamError):
        exam.save_answer(db, intruder.id, attempt_id, "x", "A")


def test_exam_mistakes_reach_the_wrong_book_review_queue_and_answers_once(db: Database, shipped: Catalog) -> None:
    from quizzes import tracking
    from quizzes.practice import answers_of

    user_id, attempt_id = _start(db, shipped)
    view = exam.load(db, user_id, attempt_id)
    right, wrong, skipped = view.paper[0].question_id, view.paper[1].question_id, view.paper[2].question_id
    exam.save_answer(db, user_id, attempt_id, right, shipped.questions[right].answer)  # type: ignore[union-attr]
    other = {"A", "B", "C", "D", "正确", "错误", True, False}
    key = shipped.questions[wrong].answer  # type: ignore[union-attr]
    if isinstance(key, list):
        bad: object = [x for x in "ABCD" if x not in key][:1]
    else:
        bad = next(x for x in other if x != key and type(x) is type(key))
    exam.save_answer(db, user_id, attempt_id, wrong, bad)
    bp = shipped.blueprints["starter-mock"]
    for _ in range(2):  # handing in twice records once
        exam.submit(db, user_id, attempt_id, bp, shipped.questions, shipped.syllabus.module_of)
    book = tracking.wrong_book(db, user_id)
    assert wrong in book and skipped in book and right not in book
    assert wrong in tracking.due_for_review(db, user_id, utcnow() + timedelta(days=400))
    stored = [a for a in answers_of(db, user_id) if a.question_id in {right, wrong, skipped}]
    assert sorted(a.status for a in stored) == ["correct", "wrong"]
